// @vitest-environment node
// Property/fuzz: 10,000 structural mutations of the real Hub samples (tests/fixtures/hub-samples, provenance
// in its SOURCES.md) and of README texts, through the client's parser and the drift engine. Nothing may
// throw, and every output must be well formed. Fixed seeds: a failure prints its seed and path and replays.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isHubModel } from '../../../lib/cache/db';
import {
  DRIFT_FLAGS,
  badgeSummary,
  cardStatsFromReadme,
  diffTraits,
  familyStats,
  modelTraits,
  siblingSimilarity,
  type ModelTraits,
  type TraitDiff,
} from '../../../lib/drift';
import { parseModel, parseModelList } from '../../../lib/hub/parse';
import { evaluateObligations } from '../../../lib/drift/obligation-checks';
import { coerceEvidence } from '../../../lib/drift/obligation-text';
import { ancestorLicenses, filesOf, withObligationFlags } from '../../../lib/report/obligations';
import type { CardStats, HubModel, Relation } from '../../../lib/hub/types';
import type { HubSnapshot } from '../../hub/server.mjs';
import {
  badgeProblems,
  cardStatsProblems,
  diffProblems,
  familyProblems,
  hubModelProblems,
  inputFacts,
  outputProblems,
  similarityProblems,
  traitsProblems,
  type InputFacts,
} from './checks';
import { applyOps, expand, mutateReadme, mutationArb, payloadArb, readmeMutationArb } from './mutate';

const SAMPLES_DIR = join(__dirname, '..', '..', 'fixtures', 'hub-samples');
const json = (name: string): unknown => JSON.parse(readFileSync(join(SAMPLES_DIR, name), 'utf8'));
const files = readdirSync(SAMPLES_DIR);

/** Single-model records: `/api/models/{id}` answers and the ModelHeader page props (whole, and its `model`). */
const props = json('page-props_ModelHeader_imageomics_biocap_2026-02-02.json') as { model: unknown };
const MODEL_SAMPLES: unknown[] = [...files.filter((f) => f.startsWith('model-info_')).map(json), props, props.model];
/** `/api/models` list answers, and a list made of the single records. */
const LIST_SAMPLES: unknown[] = [...files.filter((f) => f.startsWith('list-models_')).map(json), MODEL_SAMPLES.slice(0, 6)];

/** READMEs the offline Hub serves for models built from the real samples (front matter = their cardData). */
// The fixture generator has no type declarations of its own; its result is typed in server.d.mts.
const fixtures = '../../hub/fixtures/snapshot.mjs';
const { loadHubSnapshot } = (await import(fixtures)) as { loadHubSnapshot: () => HubSnapshot };
const snapshot = loadHubSnapshot();
const README_IDS = [
  'imageomics/biocap',
  'google-bert/bert-base-uncased',
  'ggml-org/gemma-3-1b-it-GGUF',
  'meta-llama/Llama-3.1-8B-Instruct',
  'skyforge/Sky-Chat-8B',
  'pocketlab/gemma-2-2b-it-mit',
  'Waynehillsdev/Waynehills-STT-doogie-server',
  'xss-lab/payload-model',
];
const READMES: string[] = README_IDS.map((id) => snapshot.models.get(id)?.readme).filter((r): r is string => typeof r === 'string');

/** Runs per property; 10,000 in total. About 10 s on 2 busy cores; the timeout leaves room for slow CI. */
const RUNS = { models: 6000, lists: 2000, readmes: 2000 };
const TIMEOUT = 90_000;
const RELATIONS: Relation[] = ['finetune', 'adapter', 'quantized', 'merge'];

/** How far the runs got, so a fuzz that stops at the parser is noticed. Reset by each property. */
const counters = () => ({ parsedPairs: 0, withParents: 0, flags: new Set<string>(), families: 0, similarities: 0, lists: 0, cards: 0, rejected: 0 });
let reached = counters();

function fail(what: string, problems: string[], input: unknown): never {
  const shown = JSON.stringify(input, (_k, v) => (typeof v === 'string' && v.length > 200 ? `${v.slice(0, 200)}…(${v.length})` : v))?.slice(0, 1500);
  throw new Error(`${what}:\n  ${problems.join('\n  ')}\ninput: ${shown}`);
}

function expectModel(raw: unknown): HubModel | null {
  const model = parseModel(raw);
  if (model === null) {
    reached.rejected++;
    return null;
  }
  const problems = hubModelProblems(model);
  if (!isHubModel(model)) problems.push('the cache would refuse it (isHubModel false)');
  if (problems.length) fail('parseModel returned a malformed HubModel', problems, raw);
  return model;
}

function expectOutput(label: string, output: unknown, facts: InputFacts, input: unknown, more: string[] = []): void {
  const problems = [...more, ...outputProblems(label, output, facts)];
  if (problems.length) fail(`${label} is not well formed`, problems, input);
}

/** Traits, diff against the parent, badge, self-diff: the per-card path of the panel and the badges. */
function driftOf(parent: HubModel, child: HubModel, parentCard: CardStats | undefined, childCard: CardStats | undefined, facts: InputFacts, input: unknown) {
  const parentTraits = modelTraits(parent, parentCard);
  const childTraits = modelTraits(child, childCard);
  expectOutput('traits', [parentTraits, childTraits], facts, input, [...traitsProblems(parentTraits), ...traitsProblems(childTraits)]);
  const diff = diffTraits(parentTraits, childTraits);
  expectOutput('diff', diff, facts, input, diffProblems(diff));
  diff.flags.forEach((f) => reached.flags.add(f));
  const badge = badgeSummary([diff]);
  expectOutput('badge', badge, facts, input, badgeProblems(badge, [diff]));
  // Upstream obligations: the listing's metadata flags, and the panel's full checks over file list and card.
  const withObligations = withObligationFlags(badge, childTraits, [parentTraits]);
  withObligations.flags.forEach((f) => reached.flags.add(f));
  expectOutput('badge with obligations', withObligations, facts, input, []);
  const subject = { id: child.id, licenses: childTraits.licenses, files: filesOf(child), card: coerceEvidence(childCard?.evidence) };
  expectOutput('obligations', evaluateObligations(subject, ancestorLicenses([{ model: parent, depth: 1 }])), facts, input, []);
  // A model compared with itself has drifted in nothing.
  const self = diffTraits(childTraits, childTraits);
  const selfProblems = self.rows.filter((r) => r.change !== 'same' && r.change !== 'unknown').map((r) => `self-diff ${r.trait}: ${r.change}`);
  if (self.flags.length) selfProblems.push(`self-diff flags ${self.flags.join()}`);
  if (selfProblems.length) fail('a model differs from itself', selfProblems, input);
  return { parentTraits, childTraits, diff };
}

function familyOf(parentTraits: ModelTraits, model: ModelTraits, children: ModelTraits[], relation: Relation, total: unknown, facts: InputFacts, input: unknown) {
  const stats = familyStats(parentTraits, children, relation, { total: total as number });
  expectOutput('familyStats', stats, facts, input, familyProblems(stats, children.length));
  const sim = siblingSimilarity(model, parentTraits, children);
  expectOutput('siblingSimilarity', sim, facts, input, similarityProblems(sim));
  reached.families++;
  if (sim.verdict !== 'not-measured') reached.similarities++;
}

function noPollution(): void {
  const probe = {} as Record<string, unknown>;
  expect(probe.polluted).toBeUndefined();
  expect(Object.keys(Object.prototype)).toEqual([]);
}


describe('10,000 mutations of real Hub samples through the parser and the drift engine', () => {
  it('single model records (API answers, page props): parse → traits → diff → badge → family → similarity', () => {
    reached = counters();
    const sampleIndex = fc.nat({ max: MODEL_SAMPLES.length - 1 });
    const child = fc.tuple(fc.nat({ max: MODEL_SAMPLES.length - 1 }), mutationArb);
    fc.assert(
      fc.property(
        sampleIndex,
        mutationArb,
        sampleIndex,
        mutationArb,
        fc.array(child, { maxLength: 4 }),
        fc.nat({ max: READMES.length - 1 }),
        readmeMutationArb,
        fc.constantFrom(...RELATIONS),
        payloadArb,
        (pi, parentOps, ci, childOps, siblings, ri, readmeOps, relation, totalPayload) => {
          const total = expand(totalPayload);
          const rawParent = applyOps(MODEL_SAMPLES[pi], parentOps);
          const rawChild = applyOps(MODEL_SAMPLES[ci], childOps);
          const rawSiblings = siblings.map(([si, ops]) => applyOps(MODEL_SAMPLES[si], ops));
          const readme = mutateReadme(READMES[ri], readmeOps);
          const parentReadme = READMES[(ri + 1) % READMES.length];
          const input = { rawParent, rawChild, rawSiblings, readme, parentReadme: parentReadme.slice(0, 100), total };
          // Only a README's head (512 code points) and fixed phrases can reach the output.
          const facts = inputFacts(rawParent, rawChild, rawSiblings, readme.slice(0, 2048), parentReadme.slice(0, 2048));

          const parent = expectModel(rawParent);
          const model = expectModel(rawChild);
          const sibs = rawSiblings.map(expectModel).filter((m): m is HubModel => m !== null);
          const childCard = cardStatsFromReadme(readme);
          noPollution();
          if (!parent || !model) return;
          reached.parsedPairs++;
          if (model.parents.length) reached.withParents++;

          const { parentTraits, childTraits, diff } = driftOf(parent, model, cardStatsFromReadme(parentReadme), childCard, facts, input);
          // A merge: one diff per parent, one badge over all of them.
          const second = diffTraits(modelTraits(sibs[0] ?? parent), childTraits);
          const badge = badgeSummary([diff, second]);
          expectOutput('badge of two parents', badge, facts, input, badgeProblems(badge, [diff, second]));
          familyOf(parentTraits, childTraits, [childTraits, ...sibs.map((s) => modelTraits(s))], relation, total, facts, input);
          noPollution();
        },
      ),
      { numRuns: RUNS.models, seed: 0x5eed01 },
    );
    // The runs reached the engine, not only the parser (and the parser also said no, sometimes).
    expect(reached.parsedPairs).toBeGreaterThan(RUNS.models / 3);
    expect(reached.withParents).toBeGreaterThan(RUNS.models / 10);
    expect(reached.families).toBe(reached.parsedPairs);
    expect(reached.similarities).toBeGreaterThan(RUNS.models / 10);
    expect(reached.rejected).toBeGreaterThan(0);
    expect([...reached.flags].sort()).toEqual([...DRIFT_FLAGS].sort());
  }, TIMEOUT);

  it('list answers (/api/models): parseModelList keeps only well-formed models; family statistics over them', () => {
    reached = counters();
    fc.assert(
      fc.property(fc.nat({ max: LIST_SAMPLES.length - 1 }), mutationArb, fc.constantFrom(...RELATIONS), payloadArb, (li, ops, relation, totalPayload) => {
        const total = expand(totalPayload);
        const raw = applyOps(LIST_SAMPLES[li], ops);
        const facts = inputFacts(raw);
        const models = parseModelList(raw);
        noPollution();
        if (!Array.isArray(raw)) {
          expect(models).toBeNull();
          return;
        }
        expect(Array.isArray(models)).toBe(true);
        for (const m of models!) {
          const problems = hubModelProblems(m);
          if (!isHubModel(m)) problems.push('the cache would refuse it');
          if (problems.length) fail('parseModelList returned a malformed HubModel', problems, raw);
        }
        // Never more models than items, and a valid item is never lost.
        expect(models!.length).toBeLessThanOrEqual(raw.length);
        expect(models!.length).toBe(raw.filter((item) => parseModel(item) !== null).length);
        reached.lists++;
        if (models!.length === 0) return;
        const [parent, ...children] = models!.map((m) => modelTraits(m));
        familyOf(parent, children[0] ?? parent, children, relation, total, facts, raw);
        const diffs: TraitDiff[] = children.slice(0, 5).map((c) => diffTraits(parent, c));
        diffs.forEach((d) => expectOutput('diff', d, facts, raw, diffProblems(d)));
        const badge = badgeSummary(diffs);
        expectOutput('badge', badge, facts, raw, diffs.length ? badgeProblems(badge, diffs) : []);
      }),
      { numRuns: RUNS.lists, seed: 0x5eed02 },
    );
    expect(reached.lists).toBeGreaterThan(RUNS.lists / 2);
    expect(reached.families).toBeGreaterThan(RUNS.lists / 2);
  }, TIMEOUT);

  it('README texts: card statistics, and the card rows of a diff', () => {
    reached = counters();
    fc.assert(
      fc.property(
        fc.nat({ max: READMES.length - 1 }),
        readmeMutationArb,
        fc.nat({ max: READMES.length - 1 }),
        readmeMutationArb,
        fc.oneof(fc.constant(undefined), fc.string({ maxLength: 100 }), payloadArb),
        fc.nat({ max: 20 }),
        (ai, aOps, bi, bOps, shaPayload, junkChance) => {
          const sha = expand(shaPayload);
          const a = mutateReadme(READMES[ai], aOps);
          const b = mutateReadme(READMES[bi], bOps);
          // Now and then not text at all (a README answer that is not a string reaching the analysis).
          const readme: unknown = junkChance === 0 ? sha : a;
          const facts = inputFacts(a.slice(0, 2048), b.slice(0, 2048), sha);
          const statsA = cardStatsFromReadme(readme as string, sha as string);
          const statsB = cardStatsFromReadme(b);
          for (const [stats, text] of [[statsA, readme], [statsB, b]] as const) {
            const problems = cardStatsProblems(stats, text);
            if (problems.length) fail('cardStatsFromReadme returned malformed statistics', problems, { text, sha });
          }
          const model = parseModel(MODEL_SAMPLES[(ai + bi) % MODEL_SAMPLES.length])!;
          driftOf(model, model, statsA, statsB, facts, { a, b, sha });
          reached.cards++;
        },
      ),
      { numRuns: RUNS.readmes, seed: 0x5eed03 },
    );
    expect(reached.cards).toBe(RUNS.readmes);
    expect(reached.flags.has('card-shrank') && reached.flags.has('auto-generated')).toBe(true);
  }, TIMEOUT);
});

describe('the checks themselves', () => {
  // A fuzz whose checks accept anything proves nothing: each check must reject a broken value.
  const good = parseModel(MODEL_SAMPLES[0])!;
  it('reject malformed HubModels', () => {
    expect(hubModelProblems(good)).toEqual([]);
    const broken = [
      { ...good, id: 'a/b/c' },
      { ...good, languages: ['en', 'multilingual'] },
      { ...good, licenses: ['MIT'] },
      { ...good, tags: ['ok', 3] },
      { ...good, parents: [{ id: 'x/y', relation: 'sibling', source: 'tags' }] },
      { ...good, parents: [{ id: 'x/y', relation: 'merge', source: 'tags' }, { id: 'X/Y', relation: 'merge', source: 'tags' }] },
      { ...good, gated: true },
      { ...good, downloads: -1 },
      { ...good, sha: 'main' },
      { ...good, childrenCount: { sibling: 1 } },
      { ...good, extra: 1 },
      { ...good, files: ['LICENSE', 7], filesTotal: 2 },
      { ...good, files: ['LICENSE', 'NOTICE'], filesTotal: 1 },
    ];
    for (const model of broken) expect(hubModelProblems(model as unknown as HubModel)).not.toEqual([]);
  });

  it('reject malformed drift output', () => {
    const facts = inputFacts({ id: 'plain' });
    expect(outputProblems('x', { a: [1, 'text', { b: true }] }, facts)).toEqual([]);
    for (const bad of [Number.NaN, Infinity, '[object Object]', 'undefined model', '<b>', '\uD800', 'x'.repeat(10_000), () => 1]) {
      expect(outputProblems('x', { a: [bad] }, facts)).not.toEqual([]);
    }
    const parent = modelTraits(parseModel({ id: 'p/p', cardData: { license: 'llama3.1', language: ['en', 'de'] } })!);
    const child = modelTraits(parseModel({ id: 'c/c', cardData: { license: 'mit', language: ['en'] } })!);
    const diff = diffTraits(parent, child);
    expect(diffProblems(diff)).toEqual([]);
    expect(diffProblems({ ...diff, flags: [...diff.flags].reverse() })).not.toEqual([]);
    expect(diffProblems({ ...diff, flags: [] })).not.toEqual([]);
    expect(diffProblems({ ...diff, rows: diff.rows.slice(1) })).not.toEqual([]);
    expect(badgeProblems({ ...badgeSummary([diff]), flags: [] }, [diff])).not.toEqual([]);
    expect(traitsProblems({ ...child, languages: ['en', 'en'] })).not.toEqual([]);
    const stats = cardStatsFromReadme('---\na: 1\n---\nhello');
    expect(cardStatsProblems(stats, '---\na: 1\n---\nhello')).toEqual([]);
    expect(cardStatsProblems({ ...stats, head: 'other' }, '---\na: 1\n---\nhello')).not.toEqual([]);
    expect(cardStatsProblems({ ...stats, bodyLength: stats.length + 1 }, '---\na: 1\n---\nhello')).not.toEqual([]);
  });
});
