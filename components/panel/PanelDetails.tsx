// The panel's details: license notes, obligations, lineage, the trait table, children, family statistics,
// sibling similarity and the AI-BOM export. Most visits never open them, so on the Hub's pages they are a
// view module of their own (panel-details-ui.js), fetched when opened; the popup renders them directly.
import { useState } from 'preact/hooks';
import type { FamilyStat, TraitDiff, TraitRow } from '../../lib/drift/types';
import type { FamilyReport, ModelReport, ParentReport } from '../../lib/report/types';
import { chainEndSentence, CHILDREN_LABEL, childEntries, count, errorSentence, modelUrl, percent, RELATION_OF } from '../shared/format';
import { ExportBomButton } from '../shared/ExportBomButton';
import { Obligations } from './Obligations';
import detailsCss from './details.css?inline';

export interface PanelDetailsProps {
  report: ModelReport;
  /** Prefix for element ids. */
  idPrefix: string;
}

const TRAIT_LABEL: Record<TraitRow['trait'], string> = {
  license: 'License',
  languages: 'Languages',
  task: 'Task',
  library: 'Library',
  datasets: 'Datasets',
  'card-length': 'Card length',
  'auto-generated': 'Auto-generated card',
};

/** The panel's details, drawn only once opened. Carries its own styles (details.css). */
export function PanelDetails({ report, idPrefix }: PanelDetailsProps) {
  return (
    <>
      <style>{detailsCss}</style>
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
