// The model page panel. A fixed-height summary (lineage line, the license flag, drift chips) reserves
// its space from the first paint, so data arriving never moves the Hub's content; the details (trait
// table, family statistics, sibling similarity) open on request. It renders a ModelReport computed in
// the background, and everything from the Hub is rendered as text — never as HTML.
import { useState } from 'preact/hooks';
import type { DriftFlag, FamilyStat, TraitDiff, TraitRow } from '../../lib/drift/types';
import type { FamilyReport, ModelReport, ParentReport } from '../../lib/report/types';
import {
  ago,
  CHILDREN_LABEL,
  chainEndSentence,
  count,
  errorSentence,
  modelUrl,
  pausedSentence,
  percent,
  RELATION_OF,
  until,
} from '../shared/format';
import { ExportBomButton } from '../shared/ExportBomButton';
import { exploreLink } from '../lineage/explore';
import { LineageGraph } from '../lineage/LineageGraph';
import { Obligations, ObligationsSummaryLine } from './Obligations';
import detailsCss from './details.css?inline';

const TRAIT_LABEL: Record<TraitRow['trait'], string> = {
  license: 'License',
  languages: 'Languages',
  task: 'Task',
  library: 'Library',
  datasets: 'Datasets',
  'card-length': 'Card length',
  'auto-generated': 'Auto-generated card',
};

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
}

export function DriftPanel({ report, onRefresh, defaultOpen = false, idPrefix = 'hfd' }: DriftPanelProps) {
  const [open, setOpen] = useState(defaultOpen);
  const detailsId = `${idPrefix}-details`;
  const canOpen = report.state !== 'loading' && report.state !== 'error';
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
      {canOpen && (
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
      {canOpen && (
        <div id={detailsId} class="details" hidden={!open}>
          {open && (
            <>
              <style>{detailsCss}</style>
              <Details report={report} idPrefix={idPrefix} />
            </>
          )}
        </div>
      )}
    </section>
  );
}

/** Rendered only once opened: most visits never open them, and the page should not pay for them. */
function Details({ report, idPrefix }: { report: ModelReport; idPrefix: string }) {
  return (
    <>
      {report.parents
        .filter((p) => p.diff && (p.diff.license.kind === 'relaxed' || p.diff.license.kind === 'tightened'))
        .map((parent) => (
          <LicenseNote key={parent.id} parent={parent} />
        ))}
      <Obligations obligations={report.obligations} />
      <Lineage report={report} />
      {report.parents.some((p) => p.diff) && <TraitComparison report={report} idPrefix={idPrefix} />}
      <Children report={report} />
      <Family report={report} />
      <Similarity report={report} />
      <ExportBomButton id={report.id} />
      {report.notices.length > 0 && (
        <ul class="notices">
          {report.notices.map((notice) => (
            <li key={notice}>{notice}</li>
          ))}
        </ul>
      )}
    </>
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

/** The relations with children on the Hub, each with its count. */
function childEntries(report: ModelReport): [relation: string, n: number][] {
  return Object.entries(report.childrenCount ?? {}).filter((entry): entry is [string, number] => {
    const n = entry[1];
    return typeof n === 'number' && n > 0;
  });
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

function LicenseNote({ parent }: { parent: ParentReport }) {
  const drift = parent.diff!.license;
  const relaxed = drift.kind === 'relaxed';
  return (
    <div class={`note ${relaxed ? 'relaxed' : 'tightened'}`} role="note" data-flag-detail={relaxed ? 'license-relaxation' : 'license-tightening'}>
      <p class="note-title">
        {relaxed ? 'License relaxed' : 'License tightened'} versus <a href={modelUrl(parent.id)}>{parent.id}</a>
      </p>
      <p>{drift.summary}</p>
      {drift.obligations.map((text) => (
        <p class="clause" key={text}>
          {text}
        </p>
      ))}
      {drift.note && <p class="muted">{drift.note}</p>}
      {parent.licenseUrl && (
        <p>
          <a href={parent.licenseUrl} target="_blank" rel="noopener noreferrer" data-license-link={parent.id}>
            Read the parent's license
          </a>
        </p>
      )}
    </div>
  );
}

function Lineage({ report }: { report: ModelReport }) {
  return (
    <div class="section lineage">
      <h3>Lineage</h3>
      {!report.parents.length ? (
        <p>This model declares no base model, so there is nothing to compare against; its family is below.</p>
      ) : (
        <ol class="chain">
          <li>
            <span class="relation">{RELATION_OF[report.parents[0].relation]}</span>{' '}
            {report.parents.map((p, i) => (
              <span key={p.id}>
                {i > 0 ? ' and ' : ''}
                <a href={modelUrl(p.id)}>{p.id}</a>
                {p.traits?.licenses.length ? <span class="muted"> · {p.traits.licenses.map((l) => l.key).join(', ')}</span> : null}
              </span>
            ))}
          </li>
          {report.chain.slice(1).map((step) => (
            <li key={step.id}>
              <span class="relation">{RELATION_OF[step.relation]}</span>{' '}
              <a href={modelUrl(step.id)} data-ancestor={step.id}>
                {step.id}
              </a>
              {step.licenses?.length ? <span class="muted"> · {step.licenses.join(', ')}</span> : null}
            </li>
          ))}
        </ol>
      )}
      {report.chainEnd && (
        <p class={`chain-end ${report.chainEnd.reason}`} data-chain-end={report.chainEnd.reason}>
          {chainEndSentence(report.chainEnd.reason, report.chainEnd.at)}
        </p>
      )}
      {report.parents
        .filter((p) => p.error)
        .map((p) => (
          <p class="state error" key={p.id} data-parent-error-detail={p.error!.kind}>
            {errorSentence(p.error!, p.id)}
          </p>
        ))}
    </div>
  );
}

function ParentLink({ parent }: { parent: ParentReport }) {
  return (
    <a href={modelUrl(parent.id)} data-parent={parent.id} data-relation={parent.relation}>
      {parent.id}
    </a>
  );
}

function TraitComparison({ report, idPrefix }: { report: ModelReport; idPrefix: string }) {
  const comparable = report.parents.filter((p) => p.diff);
  const [selected, setSelected] = useState(0);
  const index = Math.min(selected, comparable.length - 1);
  const parent = comparable[index];
  const base = `${idPrefix}-traits`;
  return (
    <div class="section traits">
      <h3>Traits versus {comparable.length > 1 ? 'each parent' : 'the parent'}</h3>
      {comparable.length > 1 && (
        <div class="tabs" role="tablist" aria-label="Compare with parent">
          {comparable.map((p, i) => (
            <button
              type="button"
              role="tab"
              key={p.id}
              id={`${base}-tab-${i}`}
              aria-selected={i === index}
              aria-controls={`${base}-table`}
              tabIndex={i === index ? 0 : -1}
              onClick={() => setSelected(i)}
              onKeyDown={(event) => {
                const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
                if (!step) return;
                event.preventDefault();
                const next = (i + step + comparable.length) % comparable.length;
                setSelected(next);
                const tabs = (event.currentTarget as HTMLElement).parentElement?.querySelectorAll<HTMLElement>('[role=tab]');
                tabs?.[next]?.focus();
              }}
            >
              {p.id}
            </button>
          ))}
        </div>
      )}
      <TraitTable diff={parent.diff!} id={`${base}-table`} labelledBy={comparable.length > 1 ? `${base}-tab-${index}` : undefined} />
    </div>
  );
}

function TraitTable({ diff, id, labelledBy }: { diff: TraitDiff; id: string; labelledBy?: string }) {
  return (
    <table class="trait-table" id={id} role={labelledBy ? 'tabpanel' : undefined} aria-labelledby={labelledBy}>
      <caption class="visually-hidden">Each trait: {diff.parentId} → this model</caption>
      <thead>
        <tr>
          <th scope="col">Trait</th>
          <th scope="col">Parent → this model</th>
        </tr>
      </thead>
      <tbody>
        {diff.rows.map((row) => (
          <tr key={row.trait} data-trait={row.trait} data-change={row.change} class={`change-${row.change}`}>
            <th scope="row">
              {TRAIT_LABEL[row.trait]}
              <span class={`chip chip-${row.change}`}>{row.change}</span>
            </th>
            <td>
              <span class="parent-value">{row.parentDisplay}</span>
              <span class="arrow" aria-label="becomes">
                {' → '}
              </span>
              <span class="child-value">{row.childDisplay}</span>
              {row.detail && (
                <span class="detail" title={row.detail}>
                  {row.detail}
                </span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Children({ report }: { report: ModelReport }) {
  const entries = childEntries(report);
  if (!entries.length) return null;
  return (
    <div class="section children">
      <h3>Children on the Hub</h3>
      <ul class="counts">
        {entries.map(([relation, n]) => (
          <li key={relation} data-children={relation}>
            <a href={`https://huggingface.co/models?other=${encodeURIComponent(`base_model:${relation}:${report.id}`)}`}>
              {CHILDREN_LABEL[relation] ?? relation}: {count(n)}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Family({ report }: { report: ModelReport }) {
  const blocks: { family: FamilyReport; title: string }[] = [
    ...report.family.map((family) => ({ family, title: `${CHILDREN_LABEL[family.relation] ?? family.relation} of this model` })),
    ...(report.parentFamily
      ? [{ family: report.parentFamily, title: `Siblings: ${CHILDREN_LABEL[report.parentFamily.relation]?.toLowerCase() ?? report.parentFamily.relation} of ${report.parentFamily.stats.parentId}` }]
      : []),
  ].sort((a, b) => b.family.stats.sampled - a.family.stats.sampled);
  if (!blocks.length) return report.familyPending ? <p class="muted">Sampling the family…</p> : null;
  return (
    <div class="section family" data-family-stats="true">
      <h3>Family drift</h3>
      {blocks.map(({ family, title }, i) => (
        <details class="family-block" key={title} open={i === 0} data-family={family.relation} data-family-parent={family.stats.parentId}>
          <summary>
            <strong>{title}</strong>{' '}
            <span class="muted" data-sample-size={family.stats.sampled}>
              ({family.sampled ? 'sample of ' : ''}
              {count(family.stats.sampled)}
              {family.stats.total !== undefined && family.stats.total !== family.stats.sampled ? ` of ${count(family.stats.total)}` : ''})
            </span>
          </summary>
          <table class="stats-table">
            <thead>
              <tr>
                <th scope="col">Measure</th>
                <th scope="col">This family</th>
                <th scope="col">Whole Hub (study)</th>
              </tr>
            </thead>
            <tbody>
              {family.stats.stats.map((stat) => (
                <StatRow stat={stat} key={stat.id} />
              ))}
            </tbody>
          </table>
        </details>
      ))}
      {report.familyPending && <p class="muted">Sampling the family…</p>}
    </div>
  );
}

function StatRow({ stat }: { stat: FamilyStat }) {
  return (
    <tr data-stat={stat.id} title={stat.note}>
      <th scope="row">{stat.label}</th>
      <td>{stat.measured ? stat.display : 'not measured'}</td>
      <td title={stat.study ? `${stat.study.scope}. ${stat.study.source}` : undefined}>{stat.study ? stat.study.display : '—'}</td>
    </tr>
  );
}

function Similarity({ report }: { report: ModelReport }) {
  const sim = report.similarity;
  if (!sim || sim.verdict === 'not-measured') return null;
  return (
    <div class="section similarity" data-similarity={sim.verdict}>
      <h3>Siblings versus parent</h3>
      <p>{sim.summary}</p>
      <p class="muted" title={sim.definition}>
        Traits shared with the parent: {percent(sim.withParent.value)} · with siblings on average: {percent(sim.withSiblings.value)} (
        {count(sim.withSiblings.n)} siblings)
      </p>
    </div>
  );
}
