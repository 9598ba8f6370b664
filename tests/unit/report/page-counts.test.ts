// @vitest-environment node
// Issue 15: the children counts the page's Model tree shows give the same report as the counts the API
// answers, and stand in for them when the model's own API call cannot be made.
import { beforeEach, describe, expect, it } from 'vitest';
import { readModelTreeCounts } from '../../../lib/page/selectors';
import { parseHtml } from '../hub-server/support';
import { build, costOf, pageModel, useHarness, type Harness } from './support';

const SKY = 'skyforge/Sky-Chat-8B';
const INSTRUCT = 'meta-llama/Llama-3.1-8B-Instruct';

const harness = useHarness();
let h: Harness;
beforeEach(() => {
  h = harness();
});

async function treeCounts(id: string) {
  const html = await (await fetch(`${h.hub.origin}/${id}`)).text();
  return readModelTreeCounts(parseHtml(html), id);
}

describe('children counts read from the Model tree', () => {
  it('give the same report as the API’s counts, and stand in when the model’s own API call fails', async () => {
    const props = await pageModel(h.hub, INSTRUCT);
    const counts = await treeCounts(INSTRUCT);
    expect(counts).not.toBeNull();
    const withCounts = await build(h.repo, { id: INSTRUCT, pageModel: props, pageChildrenCount: counts! });
    h.restart(); // a fresh cache
    const withoutCounts = await build(h.repo, { id: INSTRUCT, pageModel: props });
    const strip = (r: (typeof withCounts)[number]) => ({ ...r, fetchedAt: undefined });
    expect(withCounts.map(strip)).toEqual(withoutCounts.map(strip));

    h.restart();
    h.hub.setFault(new RegExp(`^/api/models/${INSTRUCT}$`), { status: 429, retryAfter: 600 });
    const paused = (await build(h.repo, { id: INSTRUCT, pageModel: props, pageChildrenCount: counts! })).at(-1)!;
    expect(paused.childrenCount).toEqual(counts);
    h.restart();
    const without = (await build(h.repo, { id: INSTRUCT, pageModel: props })).at(-1)!;
    expect(without.childrenCount).toBeUndefined(); // without the Model tree, nothing says how many
  });

  it('give a parent the same children counts and family as the API does', async () => {
    const props = await pageModel(h.hub, INSTRUCT);
    const counts = await treeCounts(INSTRUCT);
    const api = (await (await fetch(`${h.hub.origin}/api/models/${INSTRUCT}?expand[]=childrenModelCount`)).json()).childrenModelCount;
    expect(counts).toEqual(api);
    const report = (await build(h.repo, { id: INSTRUCT, pageModel: props, pageChildrenCount: counts! })).at(-1)!;
    expect(report.childrenCount).toEqual(api);
    expect(report.family.map((f) => f.relation)).toContain('finetune');
  });
});
