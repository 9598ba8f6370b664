// The study's four figures for one crawled family, each with its sample size and the study's Hub-wide
// number beside it. Numbers come from lib/drift/family-figures (pure); this file only draws them.
import type { CardLengthByGeneration, FamilyFigures, LanguagesByGeneration, LicenseTransitions, TaskTransitions } from '../../lib/drift/family-figures';
import { LICENSE_CLASS_LABELS } from '../../lib/drift/licenses';
import { count, percent } from '../shared/format';
import { CHANGE_STYLE } from './palette';

const classLabel = (c: string) => (c === 'none' ? 'no license' : (LICENSE_CLASS_LABELS as Record<string, string>)[c] ?? c);

export function Figures({ figures, complete }: { figures: FamilyFigures; complete: boolean }) {
  const sampleNote = complete ? 'the whole crawled family' : 'the part of the family crawled so far';
  return (
    <div class="figures">
      <LicenseFigure data={figures.licenses} scope={sampleNote} />
      <CardFigure data={figures.cards} />
      <LanguageFigure data={figures.languages} scope={sampleNote} />
      <TaskFigure data={figures.tasks} scope={sampleNote} />
    </div>
  );
}

function StudyLine({ label, family, study }: { label: string; family: string; study: { display: string; scope: string; source: string } }) {
  return (
    <p class="study-line" title={study.source}>
      <span>{label}: this family <strong>{family}</strong></span>
      <span class="muted"> · whole Hub (study, July 2025): <strong>{study.display}</strong> ({study.scope})</span>
    </p>
  );
}

function LicenseFigure({ data, scope }: { data: LicenseTransitions; scope: string }) {
  return (
    <figure class="figure" data-figure="license-transitions" data-sample-size={data.n}>
      <figcaption>
        <strong>License class transitions</strong> (parent → child), n = {count(data.n)} edges with a license on both sides, {scope}.{' '}
        {count(data.relaxed)} relaxed, {count(data.tightened)} tightened.
      </figcaption>
      {data.n === 0 ? (
        <p class="muted">No edge with a license on both sides yet.</p>
      ) : (
        <TransitionMatrix
          keys={data.classes}
          label={classLabel}
          cell={(from, to) => {
            const c = data.cells.find((x) => x.from === from && x.to === to);
            if (!c) return undefined;
            const relaxed = c.change === 'relaxed';
            return {
              count: c.count,
              attrs: { 'data-change': c.change },
              className: `change-${c.change}`,
              title: `${classLabel(from)} → ${classLabel(to)}: ${c.count}${relaxed ? ' (relaxed)' : ''}`,
              mark: relaxed ? <span class="cell-mark" aria-label="relaxed"> !</span> : undefined,
            };
          }}
        />
      )}
      <StudyLine
        label="License changed on fine-tune edges"
        family={data.finetuneMutation ? `${percent(data.finetuneMutation.value)} (n = ${count(data.finetuneMutation.n)})` : 'not measured'}
        study={data.study}
      />
      <p class="muted small">Cells marked ! relaxed: the child's license class is less restrictive than its parent's.</p>
    </figure>
  );
}

const CHART_W = 560;
const CHART_H = 220;
const PAD = { left: 56, right: 16, top: 12, bottom: 34 };

function CardFigure({ data }: { data: CardLengthByGeneration }) {
  const gens = data.generations;
  const all = gens.flatMap((g) => [g.min, g.max]).filter((v) => v > 0);
  const first = gens[0];
  const maxGen = Math.max(1, ...gens.map((g) => g.generation));
  const reference = first ? Array.from({ length: maxGen - first.generation + 1 }, (_, i) => ({ generation: first.generation + i, value: first.median * data.studyRatio ** i })) : [];
  const values = [...all, ...reference.map((r) => r.value)].filter((v) => v > 0);
  const lo = Math.log10(Math.max(10, Math.min(...values, 1000)) / 1.5);
  const hi = Math.log10(Math.max(...values, 100) * 1.5);
  const x = (g: number) => PAD.left + ((CHART_W - PAD.left - PAD.right) * (g + 0.5)) / (maxGen + 1);
  const y = (v: number) => PAD.top + (CHART_H - PAD.top - PAD.bottom) * (1 - (Math.log10(Math.max(v, 1)) - lo) / (hi - lo || 1));
  const ticks = [];
  for (let e = Math.ceil(lo); e <= Math.floor(hi); e++) ticks.push(10 ** e);
  return (
    <figure class="figure" data-figure="card-length-by-generation" data-sample-size={data.n}>
      <figcaption>
        <strong>Model card length per generation</strong> (characters of the whole README, log scale): median ● and interquartile range, n = {count(data.n)} cards
        sampled (most downloaded per generation; READMEs count against the budget).
      </figcaption>
      {gens.length === 0 ? (
        <p class="muted">No card sampled yet.</p>
      ) : (
        <svg viewBox={`0 0 ${CHART_W} ${CHART_H}`} class="chart" role="img" aria-label={`Median card length per generation: ${gens.map((g) => `generation ${g.generation}: ${count(Math.round(g.median))} characters (n = ${g.n})`).join('; ')}`}>
          {ticks.map((t) => (
            <g key={t}>
              <line x1={PAD.left} x2={CHART_W - PAD.right} y1={y(t)} y2={y(t)} class="grid" />
              <text x={PAD.left - 6} y={y(t)} dy="0.32em" text-anchor="end" class="axis">{t >= 1000 ? `${t / 1000}K` : t}</text>
            </g>
          ))}
          {reference.length > 1 && (
            <polyline
              data-reference="study"
              points={reference.map((r) => `${x(r.generation)},${y(r.value)}`).join(' ')}
              fill="none"
              stroke="#d97706"
              stroke-dasharray="5 4"
              stroke-width="1.5"
            />
          )}
          {gens.map((g) => (
            <g key={g.generation} data-generation={g.generation} data-median={Math.round(g.median)} data-n={g.n}>
              <line x1={x(g.generation)} x2={x(g.generation)} y1={y(g.min)} y2={y(g.max)} class="whisker" />
              <rect x={x(g.generation) - 8} width={16} y={y(g.q3)} height={Math.max(1, y(g.q1) - y(g.q3))} class="iqr" />
              <circle cx={x(g.generation)} cy={y(g.median)} r={4} class="median" />
              <text x={x(g.generation)} y={CHART_H - 18} text-anchor="middle" class="axis">gen {g.generation}</text>
              <text x={x(g.generation)} y={CHART_H - 6} text-anchor="middle" class="axis">n={g.n}</text>
            </g>
          ))}
        </svg>
      )}
      <StudyLine
        label="Change per generation (ratio of medians)"
        family={data.familyRatio !== undefined ? `×${data.familyRatio.toFixed(2)}` : 'not measured'}
        study={{ ...data.study, display: `×${data.studyRatio.toFixed(2)} per step (${data.study.display})` }}
      />
      <p class="muted small">Dashed line: the study's ≈0.45× per parent → child step, started at the first generation's median.</p>
    </figure>
  );
}

function LanguageFigure({ data, scope }: { data: LanguagesByGeneration; scope: string }) {
  const maxMean = Math.max(1, ...data.generations.map((g) => g.meanLanguages ?? 0));
  return (
    <figure class="figure" data-figure="languages-by-generation" data-sample-size={data.n}>
      <figcaption>
        <strong>Languages per generation</strong>: mean number of languages listed and the English-only share, among the n = {count(data.n)} models that list a language ({scope}).
      </figcaption>
      <table class="bars">
        <thead>
          <tr>
            <th scope="col">Generation</th>
            <th scope="col">Models listing a language</th>
            <th scope="col">Mean languages</th>
            <th scope="col">English only</th>
          </tr>
        </thead>
        <tbody>
          {data.generations.map((g) => (
            <tr key={g.generation} data-generation={g.generation} data-n={g.n} data-mean={g.meanLanguages?.toFixed(2) ?? ''} data-english-only={g.englishOnly?.toFixed(3) ?? ''}>
              <th scope="row">{g.generation}</th>
              <td>
                {count(g.n)} of {count(g.models)}
              </td>
              <td>
                <span class="bar" style={{ width: `${((g.meanLanguages ?? 0) / maxMean) * 120}px` }} aria-hidden="true" /> {g.meanLanguages !== undefined ? g.meanLanguages.toFixed(2) : '—'}
              </td>
              <td>
                <span class="bar en" style={{ width: `${(g.englishOnly ?? 0) * 120}px` }} aria-hidden="true" /> {percent(g.englishOnly)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <StudyLine
        label="Mean languages, first → last generation"
        family={
          data.generations.filter((g) => g.n).length > 1
            ? `${data.generations.find((g) => g.n)!.meanLanguages!.toFixed(2)} → ${[...data.generations].reverse().find((g) => g.n)!.meanLanguages!.toFixed(2)}`
            : 'not measured'
        }
        study={data.study}
      />
    </figure>
  );
}

function TaskFigure({ data, scope }: { data: TaskTransitions; scope: string }) {
  return (
    <figure class="figure" data-figure="task-transitions" data-sample-size={data.n}>
      <figcaption>
        <strong>Task transitions</strong> (parent task → child task) in the study's pipeline order (features → generation → classification), n = {count(data.n)} edges with a task on
        both sides, {scope}.
      </figcaption>
      {data.n === 0 ? (
        <p class="muted">No edge with a task on both sides yet.</p>
      ) : (
        <TransitionMatrix
          keys={data.tasks}
          label={(task) => task}
          cell={(from, to) => {
            const c = data.cells.find((x) => x.from === from && x.to === to);
            return c && { count: c.count, attrs: { 'data-direction': c.direction }, className: `dir-${c.direction}` };
          }}
        />
      )}
      <StudyLine label="Task changed along an edge" family={data.n ? `${percent(data.changed / data.n)} (n = ${count(data.n)})` : 'not measured'} study={data.study} />
    </figure>
  );
}

interface MatrixCell {
  count: number;
  attrs: Record<string, string>;
  className: string;
  title?: string;
  mark?: preact.ComponentChildren;
}

/** A parent × child transition table: one row per parent value, one column per child value, `·` for none. */
function TransitionMatrix({ keys, label, cell }: { keys: string[]; label: (key: string) => string; cell: (from: string, to: string) => MatrixCell | undefined }) {
  return (
    <div class="table-scroll">
      <table class="matrix">
        <thead>
          <tr>
            <th scope="col">parent ↓ / child →</th>
            {keys.map((k) => (
              <th scope="col" key={k}>{label(k)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {keys.map((from) => (
            <tr key={from}>
              <th scope="row">{label(from)}</th>
              {keys.map((to) => {
                const c = cell(from, to);
                const n = c?.count ?? 0;
                return (
                  <td key={to} data-from={from} data-to={to} data-count={n} {...c?.attrs} class={n ? `cell ${c!.className}` : 'cell empty'} title={c?.title}>
                    {n ? count(n) : '·'}
                    {n > 0 && c?.mark}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ChangeLegend() {
  return (
    <ul class="legend" aria-label="Edge styles">
      {(Object.keys(CHANGE_STYLE) as (keyof typeof CHANGE_STYLE)[]).map((k) => (
        <li key={k}>
          <svg width="34" height="10" aria-hidden="true">
            <line x1="0" x2="34" y1="5" y2="5" stroke={CHANGE_STYLE[k].color} stroke-width={CHANGE_STYLE[k].width} stroke-dasharray={CHANGE_STYLE[k].dash} />
          </svg>{' '}
          {CHANGE_STYLE[k].mark && <strong>{CHANGE_STYLE[k].mark} </strong>}
          {CHANGE_STYLE[k].label}
        </li>
      ))}
    </ul>
  );
}
