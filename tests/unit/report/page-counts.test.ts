// @vitest-environment node
// Issue 15: the children counts the page's Model tree shows spare the model's own API request, and give
// the same report as the counts the API would have answered.
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
  it('spare the model’s own request on a cold visit (7 instead of 8) and the report is the same', async () => {
    const props = await pageModel(h.hub, SKY);
    const counts = await treeCounts(SKY);
    expect(counts).not.toBeNull();
    h.hub.resetRequests();
    const withCounts = await build(h.repo, { id: SKY, pageModel: props, pageChildrenCount: counts! });
    expect(h.hub.requests.map((r) => decodeURIComponent(r.pathname))).not.toContain(`/api/models/${SKY}`);
    expect(costOf(h.hub.requests).all).toBe(7);

    const fresh = harness();
    const withoutCounts = await build(fresh.repo, { id: SKY, pageModel: props });
    const strip = (r: (typeof withCounts)[number]) => ({ ...r, fetchedAt: undefined });
    expect(withCounts.map(strip)).toEqual(withoutCounts.map(strip));
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
