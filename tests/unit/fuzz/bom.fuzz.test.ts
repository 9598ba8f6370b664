// @vitest-environment node
// Property: any fuzzed Hub payload the panel accepts (parseModel gives a model the cache would keep)
// yields a CycloneDX document that the official 1.6 schema accepts with zero errors, whatever its
// parents, README, missing ancestors and obligation results. Mutations of the real Hub samples
// (tests/fixtures/hub-samples) by the shared fuzz machinery; fixed seed, so a failure replays.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isHubModel } from '../../../lib/cache/db';
import { cardStatsFromReadme } from '../../../lib/drift';
import { parseModel } from '../../../lib/hub/parse';
import type { HubModel } from '../../../lib/hub/types';
import { buildBom, type BomChainEnd, type BomNode } from '../../../lib/report/bom';
import { bomValidator } from '../../support/cyclonedx.mjs';
import { applyOps, mutateReadme, mutationArb, readmeMutationArb, SCRIPT_PAYLOADS, UNICODE_PAYLOADS } from './mutate';

const SAMPLES_DIR = join(__dirname, '..', '..', 'fixtures', 'hub-samples');
const json = (name: string): unknown => JSON.parse(readFileSync(join(SAMPLES_DIR, name), 'utf8'));
const props = json('page-props_ModelHeader_imageomics_biocap_2026-02-02.json') as { model: unknown };
const SAMPLES: unknown[] = [...readdirSync(SAMPLES_DIR).filter((f) => f.startsWith('model-info_')).map(json), props, props.model];
const README = '---\nlicense: mit\nlanguage: en\n---\n# A model\n\nThis model is a fine-tuned version of x on an unknown dataset.\n';

const ENDS: BomChainEnd[] = ['cycle', 'depth-cap', 'not-found', 'gated', 'rate-limited', 'offline', 'timeout', 'server', 'malformed'];
const hostileText = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom(...SCRIPT_PAYLOADS, ...UNICODE_PAYLOADS));
const obligationArb = fc.record({
  key: hostileText,
  status: fc.constantFrom('met' as const, 'unmet' as const, 'unknown' as const),
  license: hostileText,
  evidence: hostileText,
});
const sampleArb = fc.tuple(fc.nat({ max: SAMPLES.length - 1 }), mutationArb);

/** The model as the panel would accept it, or null. */
function accepted([index, ops]: [number, Parameters<typeof applyOps>[1]]): HubModel | null {
  const model = parseModel(applyOps(SAMPLES[index], ops));
  return model && isHubModel(model) ? model : null;
}

const validate = bomValidator();

describe('the BOM of fuzzed Hub payloads', () => {
  it('is schema-valid for every payload the panel accepts', () => {
    let documents = 0;
    let withAncestors = 0;
    fc.assert(
      fc.property(
        sampleArb,
        fc.array(sampleArb, { maxLength: 3 }),
        sampleArb,
        readmeMutationArb,
        fc.option(fc.constantFrom(...ENDS), { nil: undefined }),
        hostileText,
        fc.array(obligationArb, { maxLength: 3 }),
        fc.integer({ min: 0, max: 4_102_444_800_000 }),
        (rootSample, parentSamples, grandSample, readmeOps, end, detail, obligations, fetchedAt) => {
          const model = accepted(rootSample);
          if (!model) return;
          const grand = accepted(grandSample);
          const parents: BomNode[] = parentSamples.map((sample, i) => {
            const parent = accepted(sample);
            if (!parent) return { id: `missing/parent-${i}`, relation: 'unknown', parents: [], end: { reason: end ?? 'not-found', detail } };
            return {
              id: parent.id,
              model: parent,
              relation: model.parents[i]?.relation ?? 'merge',
              fetchedAt,
              parents: grand ? [{ id: grand.id, model: grand, relation: parent.parents[0]?.relation, parents: [], obligations }] : [],
              ...(end && !grand ? { end: { reason: end, at: parent.parents[0]?.id, detail } } : {}),
            };
          });
          const root: BomNode = { id: model.id, model, card: cardStatsFromReadme(mutateReadme(README, readmeOps), model.sha), fetchedAt, parents, obligations };
          const { bom } = buildBom(root, { now: () => fetchedAt, uuid: () => '0f8fad5b-d9cb-469f-a165-70867728950e', tool: { name: 'HF Drift', version: '0.1.0' } });
          const errors = validate(bom);
          if (errors.length) throw new Error(`${errors.slice(0, 5).join('\n')}\n${JSON.stringify(bom).slice(0, 2000)}`);
          documents++;
          if (bom.metadata.component.pedigree) withAncestors++;
        },
      ),
      { numRuns: 1500, seed: 0x5eedb0 },
    );
    // The runs reached the builder, with ancestors, not only the parser.
    expect(documents).toBeGreaterThan(500);
    expect(withAncestors).toBeGreaterThan(200);
  }, 90_000);

  it('would fail on what the builder must never write (the validator is not a rubber stamp)', () => {
    const model = parseModel(SAMPLES[0])!;
    const { bom } = buildBom({ id: model.id, model, parents: [] }, { now: () => 0, uuid: () => '0f8fad5b-d9cb-469f-a165-70867728950e', tool: { name: 'HF Drift', version: '0.1.0' } });
    expect(validate(bom)).toEqual([]);
    const component = bom.metadata.component;
    const broken = [
      { ...component, licenses: [{ license: { id: 'Llama-3.1', acknowledgement: 'declared' } }] },
      { ...component, licenses: [{ license: { name: 'x' } }, { expression: 'MIT' }] },
      { ...component, externalReferences: [{ type: 'website', url: 'https://huggingface.co/a b' }] },
      { ...component, modelCard: { modelParameters: { datasets: [{ name: 'no type' }] } } },
      { ...component, properties: [{ name: 'hfdrift:x', value: 1 }] },
      { ...component, architecture: 'llama' },
    ];
    for (const candidate of broken) expect(validate({ ...bom, metadata: { ...bom.metadata, component: candidate } })).not.toEqual([]);
    expect(validate({ ...bom, serialNumber: 'urn:uuid:not-a-uuid' })).not.toEqual([]);
  });
});
