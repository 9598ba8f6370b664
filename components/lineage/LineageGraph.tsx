// The panel's lineage graph: root → … → this model as a small hand-drawn SVG (one row per model, so ids
// stay readable in a 300–400 px sidebar), every parent of a merge, and this model's children per
// relation as a fan-out. Edges are styled by the license change along them — colour, dash pattern and a
// mark, never colour alone — and each model is a focusable link to its page. Long chains and many merge
// parents fold into "+N". No layout library: it ships in the content script.
import type { ModelReport } from '../../lib/report/types';
import { count, modelUrl, RELATION_OF } from '../shared/format';

type Change = 'relaxed' | 'tightened' | 'same' | 'unknown';

const ROW = 24;
const WIDTH = 360;
const X = 12;
const EXTRA_X = 30;
const CHAR_PX = 6.6;
/** Ancestors above the first parent shown before folding (root + nearest). */
const MAX_ANCESTORS = 3;
/** Parents of a merge shown before folding. */
const MAX_PARENTS = 3;

const CHANGE_MARK: Record<Change, string> = { relaxed: '!', tightened: '+', same: '', unknown: '?' };
const CHANGE_WORD: Record<Change, string> = {
  relaxed: 'license relaxed',
  tightened: 'license tightened',
  same: 'same license class',
  unknown: 'license change unknown',
};
const CHILD_WORD: Record<string, string> = { finetune: 'fine-tunes', adapter: 'adapters', quantized: 'quantizations', merge: 'merges' };
const CHILD_ONE: Record<string, string> = { finetune: 'fine-tune', adapter: 'adapter', quantized: 'quantization', merge: 'merge' };
const childWord = (relation: string, n: number) => (n === 1 ? CHILD_ONE[relation] : CHILD_WORD[relation]) ?? relation;
/** Approximate width of a label at 11 px, to place the next item after it. */
const labelWidth = (text: string) => Math.ceil(text.length * 6.2);

interface Row {
  kind: 'model' | 'fold';
  id: string;
  label: string;
  x: number;
  /** Accessible name. */
  name: string;
  current?: boolean;
}

interface Edge {
  from: number;
  to: number;
  change?: Change;
  /** Drawn between two models (has a DOM contract id). */
  ids?: [string, string];
}

function fit(text: string, x: number): string {
  const max = Math.max(8, Math.floor((WIDTH - x - 40) / CHAR_PX));
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function changeOfDrift(kind: string | undefined): Change {
  if (kind === 'relaxed' || kind === 'tightened') return kind;
  if (kind === 'same' || kind === 'sideways') return 'same';
  return 'unknown';
}

/** Rows top to bottom and the edges between them. Exported for tests. */
export function lineageRows(report: ModelReport): { rows: Row[]; edges: Edge[] } {
  const rows: Row[] = [];
  const edges: Edge[] = [];
  const ancestors = report.chain.slice(1).reverse(); // root first, ending with the first parent's parent
  const chainShown: (typeof ancestors[number] | { fold: number })[] =
    ancestors.length > MAX_ANCESTORS ? [ancestors[0], { fold: ancestors.length - (MAX_ANCESTORS - 1) }, ...ancestors.slice(-(MAX_ANCESTORS - 2))] : ancestors;
  let previous: { index: number; id?: string; change?: Change } | undefined;
  for (const step of chainShown) {
    const index = rows.length;
    if ('fold' in step) {
      rows.push({ kind: 'fold', id: `+${step.fold}`, label: `+${step.fold} more ancestors`, x: X, name: `${step.fold} more ancestors` });
      if (previous) edges.push({ from: previous.index, to: index });
      previous = { index };
      continue;
    }
    rows.push({ kind: 'model', id: step.id, label: fit(step.id, X), x: X, name: `${step.id}${index === 0 && report.chainEnd?.reason === 'root' ? ', the root' : ''}` });
    if (previous) edges.push({ from: previous.index, to: index, change: previous.change, ids: previous.id ? [previous.id, step.id] : undefined });
    previous = { index, id: step.id, change: step.licenseChange };
  }
  const parents = report.parents;
  const shownParents = parents.length > MAX_PARENTS ? parents.slice(0, MAX_PARENTS - 1) : parents;
  const parentRows: { index: number; id: string; change: Change }[] = [];
  shownParents.forEach((parent, i) => {
    const index = rows.length;
    const x = i === 0 ? X : EXTRA_X;
    rows.push({ kind: 'model', id: parent.id, label: fit(parent.id, x), x, name: `${parent.id}, ${RELATION_OF[parent.relation].toLowerCase()} this model's parent` });
    if (i === 0 && previous) edges.push({ from: previous.index, to: index, change: previous.change, ids: previous.id ? [previous.id, parent.id] : undefined });
    parentRows.push({ index, id: parent.id, change: changeOfDrift(parent.diff?.license.kind) });
  });
  let foldedParents: number | undefined;
  if (parents.length > shownParents.length) {
    foldedParents = rows.length;
    const n = parents.length - shownParents.length;
    rows.push({ kind: 'fold', id: `+${n}`, label: `+${n} more parents`, x: EXTRA_X, name: `${n} more parents of this merge` });
  }
  const self = rows.length;
  rows.push({ kind: 'model', id: report.id, label: fit(report.id, X), x: X, name: `${report.id}, this model`, current: true });
  for (const p of parentRows) edges.push({ from: p.index, to: self, change: p.change, ids: [p.id, report.id] });
  if (foldedParents !== undefined) edges.push({ from: foldedParents, to: self });
  return { rows, edges };
}

function edgePath(from: Row, to: Row, fromY: number, toY: number): string {
  if (from.x === to.x) return `M${from.x},${fromY + 6}V${toY - 6}`;
  // A merge's further parents sit indented; their edge bends back to the model's column.
  return `M${from.x - 4},${fromY + 4}C${X - 10},${fromY + 10} ${X - 10},${toY - 12} ${to.x - 3},${toY - 5}`;
}

export function LineageGraph({ report, explore }: { report: ModelReport; explore?: { href: string; onClick: (event: MouseEvent) => void } }) {
  const { rows, edges } = lineageRows(report);
  const fanout = Object.entries(report.childrenCount ?? {}).filter((e): e is [string, number] => typeof e[1] === 'number' && e[1] > 0);
  const fanoutY = rows.length * ROW + 6;
  const legendY = fanoutY + (fanout.length ? ROW + 4 : 0) + 4;
  const height = legendY + 16;
  const y = (i: number) => i * ROW + 12;
  const selfIndex = rows.length - 1;
  return (
    <div class="lineage-graph">
      <svg
        data-lineage-graph=""
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        style={{ maxWidth: `${WIDTH}px` }}
        role="group"
        aria-label={`Lineage graph: ${rows.length - 1 ? `${rows.length - 1} ancestors drawn` : 'a root model'}${fanout.length ? `, children: ${fanout.map(([r, n]) => `${n} ${childWord(r, n)}`).join(', ')}` : ''}`}
      >
        {edges.map((edge) => {
          const change = edge.change ?? 'unknown';
          const from = rows[edge.from];
          const to = rows[edge.to];
          const d = edgePath(from, to, y(edge.from), y(edge.to));
          const mid = (y(edge.from) + y(edge.to)) / 2;
          return (
            <g
              key={`${edge.from}-${edge.to}`}
              class={`lg-edge ${edge.ids ? `change-${change}` : 'folded'}`}
              {...(edge.ids ? { 'data-edge': `${edge.ids[0]}>${edge.ids[1]}`, 'data-change': change } : {})}
            >
              <title>{edge.ids ? `${edge.ids[0]} → ${edge.ids[1]}: ${CHANGE_WORD[change]}` : 'folded'}</title>
              <path d={d} />
              {edge.ids && CHANGE_MARK[change] && (
                <text class="lg-mark" x={from.x === to.x ? X + 6 : X - 2} y={mid} dy="0.35em" aria-hidden="true">
                  {CHANGE_MARK[change]}
                </text>
              )}
            </g>
          );
        })}
        {rows.map((row, i) =>
          row.kind === 'fold' ? (
            <g key={`fold-${i}`} class="lg-fold" transform={`translate(${row.x},${y(i)})`}>
              <text x={-4} dy="0.35em">
                {row.label}
              </text>
            </g>
          ) : (
            <a
              key={row.id}
              href={modelUrl(row.id)}
              data-node={row.id}
              aria-label={row.name}
              aria-current={row.current ? 'page' : undefined}
              class={row.current ? 'lg-node current' : 'lg-node'}
            >
              <circle cx={row.x} cy={y(i)} r={row.current ? 5 : 4} />
              <text x={row.x + 10} y={y(i)} dy="0.35em">
                {row.label}
              </text>
            </a>
          ),
        )}
        {fanout.length > 0 && (
          <g class="lg-fanout">
            {fanout.map(([relation, n], i) => {
              const label = `${count(n)} ${childWord(relation, n)}`;
              const x = X + 18 + fanout.slice(0, i).reduce((sum, [r, m]) => sum + labelWidth(`${count(m)} ${childWord(r, m)}`) + 26, 0);
              return (
                <a
                  key={relation}
                  href={`https://huggingface.co/models?other=${encodeURIComponent(`base_model:${relation}:${report.id}`)}`}
                  data-fanout={relation}
                  aria-label={`${label} of this model`}
                >
                  <path d={`M${X},${y(selfIndex) + 6}C${X},${fanoutY + 8} ${x - 10},${fanoutY + 8} ${x - 5},${fanoutY + 8}`} class="lg-fan-edge" />
                  <rect x={x - 5} y={fanoutY + 3} width={10} height={10} rx={2} />
                  <text x={x + 8} y={fanoutY + 8} dy="0.35em">
                    {label}
                  </text>
                </a>
              );
            })}
          </g>
        )}
        <g class="lg-legend" transform={`translate(0,${legendY})`} aria-label="Edge legend: license change">
          {(['relaxed', 'tightened', 'same', 'unknown'] as Change[]).map((change, i, all) => (
            <g key={change} class={`lg-edge change-${change}`} transform={`translate(${all.slice(0, i).reduce((sum, c) => sum + 34 + labelWidth(`${CHANGE_MARK[c]} ${c}`), 0)},0)`}>
              <path d="M2,6H22" />
              <text x={26} y={6} dy="0.35em" class="lg-legend-text">
                {CHANGE_MARK[change] ? `${CHANGE_MARK[change]} ` : ''}
                {change === 'same' ? 'same' : change}
              </text>
            </g>
          ))}
        </g>
      </svg>
      {explore && (
        <a class="explore-link" href={explore.href} data-action="explore-family" onClick={explore.onClick}>
          Explore the whole family ↗
        </a>
      )}
    </div>
  );
}
