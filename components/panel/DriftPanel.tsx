// The model page panel. A fixed-height summary (lineage line, the license flag, drift chips) reserves
// its space from the first paint, so data arriving never moves the Hub's content; the details (trait
// table, family statistics, sibling similarity) open on request. It renders a ModelReport computed in
// the background, and everything from the Hub is rendered as text — never as HTML.
import type { ComponentType } from 'preact';
import { useState } from 'preact/hooks';
import type { DriftFlag } from '../../lib/drift/types';
import type { ModelReport, ParentReport } from '../../lib/report/types';
import {
  ago,
  chainEndSentence,
  CHILDREN_LABEL,
  childEntries,
  count,
  errorSentence,
  modelUrl,
  pausedSentence,
  RELATION_OF,
  until,
} from '../shared/format';
import { exploreLink } from '../lineage/explore';
import { LineageGraph } from '../lineage/LineageGraph';
import { ObligationsSummaryLine } from './Obligations';
import type { PanelDetailsProps } from './PanelDetails';

const FLAG_CHIP: Record<DriftFlag, string> = {
  'license-relaxed': 'license relaxed',
  'license-tightened': 'license tightened',
  'language-narrowed': 'languages narrowed',
  'card-shrank': 'card shrank',
  'task-changed': 'task changed',
  'auto-generated': 'auto-generated card',
  'obligation-unmet': 'upstream obligation unmet',
  'license-undeclared': 'no license stated',
};

export interface DriftPanelProps {
  report: ModelReport;
  onRefresh?: () => void;
  /** Details start open (the popup has room for them). */
  defaultOpen?: boolean;
  /** Prefix for element ids. */
  idPrefix?: string;
  /**
   * What the details show once opened: PanelDetails itself (the popup), or a view that fetches it first
   * (Hub pages). Without it there is nothing to open.
   */
  details?: ComponentType<PanelDetailsProps>;
}

export function DriftPanel({ report, onRefresh, defaultOpen = false, idPrefix = 'hfd', details: Details }: DriftPanelProps) {
  const [open, setOpen] = useState(defaultOpen);
  const detailsId = `${idPrefix}-details`;
  const canOpen = report.state !== 'loading' && report.state !== 'error';
  const canExpand = canOpen && !!Details;
  // The early verdict: lineage line and license flag while the cards, ancestors and obligations load.
  const verdictOnly = report.state === 'loading' && report.partial === 'verdict';
  const refreshing = report.refreshing === true;
  return (
    <section class="panel" aria-label="HF Drift: where this model came from" aria-busy={report.state === 'loading' || refreshing}>
      <header class="bar">
        <span class="brand">HF Drift</span>
        <span class="headline">{headline(report)}</span>
        {onRefresh && report.state !== 'loading' && (
          <button
            type="button"
            class={`icon-button${refreshing ? ' spinning' : ''}`}
            aria-label="Refresh drift data"
            title={refreshing ? 'Refreshing…' : 'Refresh'}
            aria-disabled={refreshing}
            onClick={() => !refreshing && onRefresh()}
          >
            ↻
          </button>
        )}
      </header>
      <div class="summary">
        {report.state === 'loading' && !verdictOnly && <Skeleton />}
        {report.state === 'error' && <ErrorState report={report} onRetry={onRefresh} />}
        {(canOpen || verdictOnly) && <Summary report={report} />}
      </div>
      {canOpen && <LineageGraph report={report} explore={exploreLink(report.id)} />}
      {canExpand && (
        <button
          type="button"
          class="details-toggle"
          aria-expanded={open}
          aria-controls={detailsId}
          onClick={() => setOpen(!open)}
        >
          <span aria-hidden="true">{open ? '▾' : '▸'}</span> {open ? 'Hide details' : 'Details: traits, family, siblings'}
        </button>
      )}
      {canExpand && (
        <div id={detailsId} class="details" hidden={!open}>
          {open && Details && <Details report={report} idPrefix={idPrefix} />}
        </div>
      )}
    </section>
  );
}

function headline(report: ModelReport): string {
  if (report.state === 'loading') return report.partial ? 'Reading model cards…' : 'Reading lineage…';
  if (report.state === 'error') return 'Lineage unavailable';
  if (!report.parents.length) return 'Root model';
  if (report.summary) return report.summary.flags.length ? `${report.summary.flags.length} drift${report.summary.flags.length > 1 ? 's' : ''} from parent` : 'No drift from parent';
  return 'Parent not comparable';
}

function Skeleton() {
  return (
    <div class="skeleton" aria-label="Loading lineage and drift">
      <div class="sk-line wide" />
      <div class="sk-line" />
      <div class="sk-line short" />
    </div>
  );
}

function ErrorState({ report, onRetry }: { report: ModelReport; onRetry?: () => void }) {
  const error = report.error;
  return (
    <div class="state error" role="status" data-error={error?.kind ?? 'unknown'}>
      <p>{error ? errorSentence(error) : 'HF Drift could not read this model.'}</p>
      {onRetry && error?.kind !== 'not-found' && (
        <button type="button" class="text-button" onClick={onRetry}>
          Try again
          {error?.kind === 'rate-limited' && report.retryAt
            ? ` (${error.paused ? 'HF Drift resumes' : 'the Hub asks to wait'} ${until(report.retryAt).replace(/^in /, error.paused ? 'in ' : '')})`
            : ''}
        </button>
      )}
    </div>
  );
}

/** The fixed-height part: where it came from, the license flag, and what drifted. */
function Summary({ report }: { report: ModelReport }) {
  const relaxed = report.parents.find((p) => p.diff?.license.kind === 'relaxed');
  const flags = report.summary?.flags.filter((f) => f !== 'license-relaxed') ?? [];
  const unreachable = report.parents.filter((p) => p.error);
  return (
    <>
      <p class="lineage-line">
        {report.parents.length ? (
          <>
            <span class="relation">{RELATION_OF[report.parents[0].relation]}</span>{' '}
            {report.parents.map((p, i) => (
              <span key={p.id}>
                {i > 0 ? ' + ' : ''}
                <ParentLink parent={p} />
              </span>
            ))}
            {report.chain.length > 1 && <span class="muted"> ← {report.chain.length - 1} more</span>}
          </>
        ) : (
          <span>No base model declared: this is a root. {familyLine(report)}</span>
        )}
      </p>
      {relaxed && (
        <p class="flag relaxed" data-flag="license-relaxation" title={relaxed.diff!.license.obligations.join(' ')}>
          <span aria-hidden="true">⚠ </span>
          <strong>{licenseArrow(relaxed, report)}</strong>
          <span class="flag-why"> — {relaxed.diff!.license.obligations[0] ?? relaxed.diff!.license.summary}</span>
        </p>
      )}
      {report.obligations?.effective.undeclared && (
        <p class="flag relaxed" data-flag="license-undeclared" title={report.obligations.effective.text}>
          <span aria-hidden="true">⚠ </span>
          <strong>No license stated</strong>
          <span class="flag-why"> — {report.obligations.effective.text?.replace(/^no license stated \u2014 /, '')}</span>
        </p>
      )}
      <ObligationsSummaryLine obligations={report.obligations} />
      {unreachable.length > 0 && !relaxed && (
        <p class="state error compact" data-parent-error={unreachable[0].error!.kind}>
          {errorSentence(unreachable[0].error!, unreachable[0].id)}
        </p>
      )}
      {report.chainEnd && report.chainEnd.reason !== 'root' && !unreachable.length && (
        <p class={`chain-end compact ${report.chainEnd.reason}`}>{chainEndSentence(report.chainEnd.reason, report.chainEnd.at)}</p>
      )}
      {report.parents.length > 0 && (
        <ul class="chips" aria-label="What changed versus the parent">
          {flags.map((flag) => (
            <li key={flag} class={`chip chip-${flag}`}>
              {FLAG_CHIP[flag]}
            </li>
          ))}
          {report.summary && !report.summary.flags.length && <li class="chip chip-same">no drift</li>}
        </ul>
      )}
      {report.partial ? <p class="freshness">Reading model cards, older ancestors and obligations…</p> : <Freshness report={report} />}
    </>
  );
}

function familyLine(report: ModelReport): string {
  const entries = childEntries(report);
  if (!entries.length) return '';
  return `Children: ${entries.map(([rel, n]) => `${count(n)} ${(CHILDREN_LABEL[rel] ?? rel).toLowerCase()}`).join(', ')}.`;
}

function licenseArrow(parent: ParentReport, child: ModelReport): string {
  const names = (licenses: { shortName: string }[] | undefined) => licenses?.map((l) => l.shortName).join(' + ');
  const from = names(parent.traits?.licenses);
  const to = names(child.traits?.licenses);
  const label = parent.diff!.license.certainty === 'possible' ? 'License possibly relaxed' : 'License relaxed';
  return from && to ? `${label}: ${from} → ${to}` : label;
}

function Freshness({ report }: { report: ModelReport }) {
  return (
    <p class={`freshness ${report.stale ? 'stale' : ''}`} data-stale={report.stale ? 'true' : 'false'}>
      {report.stale ? 'Saved data from ' : 'Data from '}
      {ago(report.fetchedAt) || 'just now'}
      {report.refreshing ? ' · refreshing…' : ''}
      {report.paused && report.retryAt
        ? ` · ${pausedSentence(report.retryAt)}`
        : report.stale
          ? report.retryAt
            ? `; the Hub is rate limiting, retrying ${until(report.retryAt)}`
            : '; refreshing when the Hub answers'
          : ''}
      {report.familyPending ? ' · sampling the family…' : ''}
    </p>
  );
}

function ParentLink({ parent }: { parent: ParentReport }) {
  return (
    <a href={modelUrl(parent.id)} data-parent={parent.id} data-relation={parent.relation}>
      {parent.id}
    </a>
  );
}
