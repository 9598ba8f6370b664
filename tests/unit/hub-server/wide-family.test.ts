// @vitest-environment node
// The offline Hub's 5,000-child family (tests/hub/fixtures/wide-family.mjs): built lazily, yet every
// listing and record reads as if it had been built at start, and a children listing honours sort and page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOfflineHub, type OfflineHub } from '../../hub/server.mjs';
import { islandProps, parseHtml } from './support';

const ROOT = 'widefam/base-3b';
const FILTER = `base_model:finetune:${ROOT}`;
let hub: OfflineHub;

beforeAll(async () => {
  hub = await startOfflineHub({ protocol: 'http', quotas: { pages: 10_000, api: 10_000 } });
});
afterAll(() => hub.close());

async function apiIds(query: string): Promise<string[]> {
  const response = await fetch(`${hub.origin}/api/models?${query}`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { id: string }[]).map((m) => m.id);
}

describe('the wide family (5,000 fine-tunes of widefam/base-3b)', () => {
  it('counts 5,000 fine-tunes in the root record and its Model tree', async () => {
    const response = await fetch(`${hub.origin}/api/models/${ROOT}?expand[]=childrenModelCount`);
    expect(await response.json()).toMatchObject({ childrenModelCount: { finetune: 5000 } });
    const document = parseHtml(await (await fetch(`${hub.origin}/${ROOT}`)).text());
    // The Model tree links the children listing the way the Hub writes it (query value URL-encoded).
    expect(document.querySelector(`a[href="/models?other=${encodeURIComponent(FILTER)}"]`)?.textContent).toContain('5,000');
  });

  it('serves page 3 by trending on the web listing as items 61–90 of the API list at the same sort', async () => {
    const document = parseHtml(await (await fetch(`${hub.origin}/models?other=${FILTER}&sort=trending&p=2`)).text());
    const props = islandProps(document, 'ModelList') as { initialValues: { models: { id: string }[]; pageIndex: number; numTotalItems: number } };
    expect(props.initialValues.pageIndex).toBe(2);
    expect(props.initialValues.numTotalItems).toBe(5000);
    const cards = [...document.querySelectorAll('article.overview-card-wrapper a')].map((a) => a.getAttribute('href')?.slice(1) ?? '');
    const api = await apiIds(`filter=${FILTER}&sort=trendingScore&limit=90`);
    expect(cards).toEqual(api.slice(60, 90));
    expect(props.initialValues.models.map((m) => m.id)).toEqual(cards);
    // The trending page is not what the first children pages by downloads hold.
    const byDownloads = new Set(await apiIds(`filter=${FILTER}&sort=downloads&limit=90`));
    expect(cards.filter((id) => byDownloads.has(id)).length).toBeLessThan(10);
  });

  it('reads the same through a lazy record as through a built one', async () => {
    const snapshot = hub.snapshot;
    const entry = snapshot.models.get('widefam-kids/tune-0777')!;
    // Values the listings read before the record is built equal the built record's own values.
    for (const key of Object.keys(entry.info)) expect(entry.info[key], key).toEqual(Object.getOwnPropertyDescriptor(entry.info, key)?.value);
    const response = await fetch(`${hub.origin}/api/models/widefam-kids/tune-0777`);
    const body = await response.json();
    expect(Object.keys(body)).toEqual(Object.keys(entry.info));
    expect(body).toMatchObject({ id: 'widefam-kids/tune-0777', cardData: { base_model: ROOT }, tags: expect.arrayContaining([FILTER]) });
    const readme = await fetch(`${hub.origin}/widefam-kids/tune-0777/resolve/main/README.md`);
    expect(readme.status).toBe(200);
    expect(await readme.text()).toBe(entry.readme);
  });

  it('leaves the first page of the generic listings as it was (children trend and download below it)', async () => {
    const trending = await apiIds('sort=trendingScore&limit=30');
    const downloads = await apiIds('sort=downloads&limit=30');
    expect([...trending, ...downloads].filter((id) => id.startsWith('widefam'))).toEqual([]);
  });
});
