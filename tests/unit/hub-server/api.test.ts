// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOfflineHub, type OfflineHub } from '../../hub/server.mjs';
import { realSample } from './support';

let hub: OfflineHub;
const api = (path: string, init?: RequestInit) => fetch(`${hub.origin}${path}`, init);
const apiJson = async (path: string) => (await api(path)).json();

beforeAll(async () => {
  hub = await startOfflineHub({ protocol: 'http' });
});
afterAll(() => hub.close());

const INSTRUCT = 'meta-llama/Llama-3.1-8B-Instruct';

describe('GET /api/models/{id}', () => {
  it('answers bert exactly as the real Hub did, field order included', async () => {
    const response = await api('/api/models/google-bert/bert-base-uncased');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const text = await response.text();
    expect(text).toBe(JSON.stringify(realSample('model-info_google-bert_bert-base-uncased.json')));
  });

  it('answers the GGUF quantization exactly like its real sample (no pipeline_tag, a gguf block)', async () => {
    const body = await apiJson('/api/models/ggml-org/gemma-3-1b-it-GGUF');
    expect(JSON.stringify(body)).toBe(JSON.stringify(realSample('model-info_ggml-org_gemma-3-1b-it-GGUF.json')));
  });

  it('starts the Instruct model with the real captured fields and values', async () => {
    const truncated = realSample('model-info_meta-llama_Llama-3.1-8B-Instruct.truncated.json');
    const body = await apiJson(`/api/models/${INSTRUCT}`);
    expect(Object.keys(body).slice(0, Object.keys(truncated).length)).toEqual(Object.keys(truncated));
    for (const [key, value] of Object.entries(truncated)) expect(body[key]).toEqual(value);
    // The card keeps the renamed repo's old id; the tags carry the current one.
    expect(body.cardData.base_model).toBe('meta-llama/Meta-Llama-3.1-8B');
  });

  it('answers the merge with the same fields, in the same order, as the real two-parent merge', async () => {
    const merge = await apiJson('/api/models/mergekit-fans/Llama-3.1-SkyNorth-Merge-8B');
    expect(Object.keys(merge)).toEqual(Object.keys(realSample('model-info_OrionLLM_GRM-2.6-Opus.json')));
  });

  it('omits pipeline_tag, library_name and cardData when a repo has none', async () => {
    const merge = await apiJson('/api/models/mergekit-fans/Llama-3.1-SkyNorth-Merge-8B');
    expect(merge).not.toHaveProperty('library_name');
    expect(merge.pipeline_tag).toBe('text-generation');
    const bare = await apiJson('/api/models/bare-uploads/weights-only-3b');
    expect(bare).not.toHaveProperty('cardData');
    expect(bare.siblings.map((s: { rfilename: string }) => s.rfilename)).not.toContain('README.md');
  });

  it('with expand returns only _id, id and the requested fields, in the default order, without modelId', async () => {
    const body = await apiJson(`/api/models/${INSTRUCT}?expand[]=cardData&expand[]=tags&expand[]=gated`);
    expect(Object.keys(body)).toEqual(['_id', 'id', 'tags', 'gated', 'cardData']);
    expect(body.gated).toBe('manual');
  });

  it('accepts the repeated `expand=` spelling and omits requested fields without a value', async () => {
    expect(await apiJson('/api/models/manycore-research/SpatialLM-Llama-1B?expand=inference')).toEqual(
      realSample('model-info_expand-inference_manycore-research_SpatialLM-Llama-1B.json'),
    );
    expect(await apiJson('/api/models/google/gemma-3-27b-it?expand=inference')).toEqual(
      realSample('model-info_expand-inference_google_gemma-3-27b-it.json'),
    );
  });

  it('expands baseModels with the relation and the resolved parent ids', async () => {
    const instruct = await apiJson(`/api/models/${INSTRUCT}?expand[]=baseModels`);
    expect(instruct.baseModels.relation).toBe('finetune');
    expect(instruct.baseModels.models).toEqual([{ _id: expect.stringMatching(/^[0-9a-f]{24}$/), id: 'meta-llama/Llama-3.1-8B' }]);
    const merge = await apiJson('/api/models/mergekit-fans/Llama-3.1-SkyNorth-Merge-8B?expand[]=baseModels');
    expect(merge.baseModels.relation).toBe('merge');
    expect(merge.baseModels.models.map((m: { id: string }) => m.id).sort()).toEqual(['northwind/Llama-3.1-8B-Instruct-Support', 'skyforge/Sky-Chat-8B']);
    const root = await apiJson('/api/models/meta-llama/Llama-3.1-8B?expand[]=baseModels');
    expect(root).toEqual({ _id: root._id, id: 'meta-llama/Llama-3.1-8B' });
  });

  it('expands childrenModelCount per relation, leaving out relations without children', async () => {
    const sky = await apiJson('/api/models/skyforge/Sky-Chat-8B?expand[]=childrenModelCount');
    expect(sky.childrenModelCount).toEqual({ merge: 1, quantized: 1 });
    const bigfam = await apiJson('/api/models/bigfam/base-1b?expand[]=childrenModelCount');
    expect(bigfam.childrenModelCount).toEqual({ adapter: 3, quantized: 2, finetune: 1600 });
  });

  it('rejects an unknown expand value with 400 and a JSON error', async () => {
    const response = await api(`/api/models/${INSTRUCT}?expand[]=parents`);
    expect(response.status).toBe(400);
    expect((await response.json()).error).toContain('parents');
  });

  it('answers 401 "Invalid username or password." for missing and private repos, 404 RepoNotFound when logged in', async () => {
    for (const id of ['vanished-org/vanished-7b', 'driftlab/private-notes-7b']) {
      const response = await api(`/api/models/${id}`);
      expect(response.status).toBe(401);
      expect(response.headers.get('x-error-code')).toBeNull();
      expect(await response.json()).toEqual({ error: 'Invalid username or password.' });
    }
    const logged = await api('/api/models/vanished-org/vanished-7b', { headers: { Authorization: 'Bearer hf_offlineTestToken123' } });
    expect(logged.status).toBe(404);
    expect(logged.headers.get('x-error-code')).toBe('RepoNotFound');
  });

  it('answers 403 GatedRepo for the API-forbidden gated parent (the rarer variant)', async () => {
    const response = await api('/api/models/sealed-ai/Sealed-7B?expand[]=cardData');
    expect(response.status).toBe(403);
    expect(response.headers.get('x-error-code')).toBe('GatedRepo');
    expect(response.headers.get('x-error-message')).toMatch(/^Access to model sealed-ai\/Sealed-7B is restricted and you are not in the authorized list/);
  });

  it('serves a gated parent like the real Hub: metadata public with gated set, its README 401 anonymous and 403 with a token', async () => {
    const body = await apiJson('/api/models/fortress-ai/Fortress-13B?expand[]=cardData&expand[]=gated');
    expect(body).toMatchObject({ id: 'fortress-ai/Fortress-13B', gated: 'manual', cardData: { license: 'cc-by-nc-4.0' } });
    const anonymous = await api('/fortress-ai/Fortress-13B/resolve/main/README.md', { redirect: 'manual' });
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('x-error-code')).toBe('GatedRepo');
    const withToken = await api('/fortress-ai/Fortress-13B/resolve/main/README.md', { redirect: 'manual', headers: { Authorization: 'Bearer hf_offlineTestToken123' } });
    expect(withToken.status).toBe(403);
    expect(withToken.headers.get('x-error-code')).toBe('GatedRepo');
  });

  it('serves /revision/{rev} for main, HEAD and the head sha, and 404 RevisionNotFound otherwise', async () => {
    const sha = (await apiJson(`/api/models/${INSTRUCT}`)).sha;
    for (const rev of ['main', 'HEAD', sha]) expect((await apiJson(`/api/models/${INSTRUCT}/revision/${rev}`)).sha).toBe(sha);
    const missing = await api(`/api/models/${INSTRUCT}/revision/v9`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('x-error-code')).toBe('RevisionNotFound');
  });

  it('redirects a renamed repo with a relative 307 that fetch follows', async () => {
    const response = await api('/api/models/meta-llama/Meta-Llama-3.1-8B?expand[]=gated', { redirect: 'manual' });
    expect(response.status).toBe(307);
    expect(response.headers.get('location')).toBe('/api/models/meta-llama/Llama-3.1-8B?expand[]=gated');
    expect((await apiJson('/api/models/gpt2')).id).toBe('openai-community/gpt2');
  });

  it('adds sizes, blob ids and LFS data to siblings with blobs=true, consistent with the README served', async () => {
    const body = await apiJson('/api/models/skyforge/Sky-Chat-8B?blobs=true');
    const readme = body.siblings.find((s: { rfilename: string }) => s.rfilename === 'README.md');
    const text = await (await api('/skyforge/Sky-Chat-8B/resolve/main/README.md')).text();
    expect(readme.size).toBe(Buffer.byteLength(text));
    expect(readme).not.toHaveProperty('lfs');
    const weights = body.siblings.find((s: { rfilename: string }) => s.rfilename.endsWith('.safetensors'));
    expect(weights.lfs).toEqual({ size: weights.size, sha256: expect.stringMatching(/^[0-9a-f]{64}$/), pointerSize: 135 });
  });
});

describe('GET /api/whoami-v2', () => {
  it('knows the test token and refuses anything else', async () => {
    const ok = await api('/api/whoami-v2', { headers: { Authorization: 'Bearer hf_offlineTestToken123' } });
    expect(await ok.json()).toMatchObject({ type: 'user', name: 'offline-tester' });
    for (const headers of [{}, { Authorization: 'Bearer hf_wrong' }] as Record<string, string>[]) {
      const refused = await api('/api/whoami-v2', { headers });
      expect(refused.status).toBe(401);
      expect(await refused.json()).toEqual({ error: 'Invalid credentials in Authorization header' });
    }
  });
});

describe('GET /api/models (listing)', () => {
  const children = 'base_model:finetune:meta-llama/Llama-3.1-8B-Instruct';

  it('returns the default list item shape of the real sample', async () => {
    const [item] = await apiJson('/api/models?search=Kimi-K2&limit=1');
    expect(Object.keys(item)).toEqual(Object.keys(realSample('list-models_default_2025-11.json')[0]));
    expect(item).toEqual(realSample('list-models_default_2025-11.json')[0]);
  });

  it('with expand returns _id, id and the fields asked for, never modelId, and omits an unset pipeline_tag', async () => {
    const items = await apiJson('/api/models?search=gemma-3-1b-it-GGUF&expand[]=pipeline_tag&expand[]=tags&expand[]=downloads');
    expect(items).toHaveLength(1);
    expect(Object.keys(items[0])).toEqual(['_id', 'id', 'downloads', 'tags']);
  });

  it('adds author, gated, lastModified, sha and file names with full=true, and cardData with cardData=true', async () => {
    const [full] = await apiJson('/api/models?search=Sky-Chat-8B&author=skyforge&full=true');
    expect(full).toMatchObject({ author: 'skyforge', gated: false, sha: expect.stringMatching(/^[0-9a-f]{40}$/), modelId: 'skyforge/Sky-Chat-8B' });
    expect(full.siblings).toContainEqual({ rfilename: 'README.md' });
    expect(full).not.toHaveProperty('cardData');
    const [withCard] = await apiJson('/api/models?search=Sky-Chat-8B&author=skyforge&cardData=true');
    expect(withCard.cardData.license).toBe('apache-2.0');
    expect(withCard).not.toHaveProperty('siblings');
  });

  it("can point Link at itself for Node clients ('self')", async () => {
    const local = await startOfflineHub({ protocol: 'http', publicOrigin: 'self' });
    try {
      const response = await fetch(`${local.origin}/api/models?limit=5`);
      expect(response.headers.get('link')).toMatch(new RegExp(`^<${local.origin}/api/models\\?limit=5&cursor=`));
    } finally {
      await local.close();
    }
  });

  it('orders expanded list fields like the real expand listing', async () => {
    const [real] = realSample('list-models_expand_2026-09.trimmed.json');
    const fields = Object.keys(real).filter((k) => k !== '_id' && k !== 'id');
    const [item] = await apiJson(`/api/models?search=Sky-Chat-8B&author=skyforge&${fields.map((f) => `expand[]=${f}`).reverse().join('&')}`);
    expect(Object.keys(item)).toEqual(Object.keys(real));
  });

  it('rejects baseModels, childrenModelCount and usedStorage as list expands', async () => {
    for (const value of ['baseModels', 'childrenModelCount', 'usedStorage']) {
      const response = await api(`/api/models?filter=${children}&expand[]=${value}`);
      expect(response.status).toBe(400);
      expect(await response.json()).toHaveProperty('error');
    }
  });

  it('AND-s repeated and comma-separated filters, and treats other= like filter=', async () => {
    const ids = (items: { id: string }[]) => items.map((i) => i.id).sort();
    const repeated = await apiJson(`/api/models?filter=${children}&filter=license:mit`);
    const comma = await apiJson(`/api/models?filter=${children},license:mit`);
    const other = await apiJson(`/api/models?other=${children}&other=license:mit`);
    expect(repeated.length).toBeGreaterThan(0);
    expect(ids(comma)).toEqual(ids(repeated));
    expect(ids(other)).toEqual(ids(repeated));
    const all = await apiJson(`/api/models?filter=${children}&expand[]=tags`);
    expect(repeated.length).toBeLessThan(all.length);
    for (const item of all) expect(item.tags).toContain(children);
  });

  it('searches ids case-insensitively and filters by author and pipeline_tag', async () => {
    const found = await apiJson('/api/models?search=sky-chat');
    expect(found.map((i: { id: string }) => i.id)).toEqual(expect.arrayContaining(['skyforge/Sky-Chat-8B', 'quantfolk/Sky-Chat-8B-GGUF']));
    const classifiers = await apiJson(`/api/models?filter=${children}&pipeline_tag=text-classification`);
    expect(classifiers.map((i: { id: string }) => i.id)).toEqual(['fieldnotes/Llama-3.1-8B-Instruct-Ticket-Router']);
    const byAuthor = await apiJson('/api/models?author=google-bert');
    expect(byAuthor.map((i: { id: string }) => i.id)).toEqual(['google-bert/bert-base-uncased']);
  });

  it('sorts descending with ties broken by id, and rejects unknown sort keys', async () => {
    const items = await apiJson('/api/models?filter=base_model:finetune:bigfam/base-1b&sort=downloads&limit=400');
    for (let i = 1; i < items.length; i += 1) {
      const [a, b] = [items[i - 1], items[i]];
      expect(a.downloads > b.downloads || (a.downloads === b.downloads && a.id < b.id)).toBe(true);
    }
    expect(new Set(items.map((i: { downloads: number }) => i.downloads)).size).toBeLessThan(items.length); // ties exist
    expect((await api('/api/models?sort=stars')).status).toBe(400);
  });

  it('paginates with an absolute huggingface.co Link cursor that walks all 1,600 children exactly once', async () => {
    const seen: string[] = [];
    let next: string | null = `${hub.origin}/api/models?filter=base_model:finetune:bigfam/base-1b&sort=downloads&limit=100&expand[]=downloads`;
    let pages = 0;
    while (next) {
      const response: Response = await fetch(next);
      expect(response.status).toBe(200);
      seen.push(...(await response.json()).map((i: { id: string }) => i.id));
      const link = response.headers.get('link');
      pages += 1;
      if (!link) break;
      const match = /^<(https:\/\/huggingface\.co\/api\/models\?[^>]*cursor=[^>]+)>; rel="next"$/.exec(link);
      expect(match).not.toBeNull();
      next = match![1].replace('https://huggingface.co', hub.origin);
    }
    expect(pages).toBe(16);
    expect(seen).toHaveLength(1600);
    expect(new Set(seen).size).toBe(1600);
    expect(seen.every((id) => /^bigfam-kids\/child-\d{4}$/.test(id))).toBe(true);
  });

  it('rejects a cursor it did not issue', async () => {
    expect((await api('/api/models?sort=downloads&cursor=bm9wZQ==')).status).toBe(400);
  });

  it('carries the hostile list-only child among the Instruct children', async () => {
    const items = await apiJson(`/api/models?filter=${children}`);
    const counts = await apiJson(`/api/models/${INSTRUCT}?expand[]=childrenModelCount`);
    expect(items.map((i: { id: string }) => i.id)).toContain('xss-lab/"><img src=x onerror=alert(1)>');
    expect(items).toHaveLength(counts.childrenModelCount.finetune);
  });
});

describe('README through /resolve/', () => {
  it('redirects 307 to the resolve cache, then serves the text with X-Repo-Commit', async () => {
    const info = await apiJson(`/api/models/${INSTRUCT}`);
    const hop = await api(`/${INSTRUCT}/resolve/main/README.md`, { redirect: 'manual' });
    expect(hop.status).toBe(307);
    const location = hop.headers.get('location')!;
    expect(location.startsWith(`/api/resolve-cache/models/${INSTRUCT}/${info.sha}/README.md?`)).toBe(true);
    expect(location).toMatch(/&etag=%22[0-9a-f]{40}%22$/);
    const final = await api(location);
    expect(final.status).toBe(200);
    expect(final.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(final.headers.get('x-repo-commit')).toBe(info.sha);
    const text = await final.text();
    expect(text.startsWith('---\n')).toBe(true);
    expect(text).toContain('base_model: meta-llama/Meta-Llama-3.1-8B');
  });

  it('serves a gated README anonymously but not its other files', async () => {
    expect((await api('/meta-llama/Llama-3.1-8B/resolve/main/README.md')).status).toBe(200);
    const config = await api(`/${INSTRUCT}/resolve/main/config.json`);
    expect(config.status).toBe(401);
    expect(config.headers.get('x-error-code')).toBe('GatedRepo');
    expect(await config.text()).toBe(realSample('headers_resolve-401-gated_meta-llama_Llama-3.1-8B-Instruct_2026-04-28.json').headers.find(([k]: string[]) => k === 'x-error-message')[1]);
  });

  it('answers 404 EntryNotFound for a repo without README and 401 for a missing repo', async () => {
    const none = await api('/bare-uploads/weights-only-3b/resolve/main/README.md');
    expect(none.status).toBe(404);
    expect(none.headers.get('x-error-code')).toBe('EntryNotFound');
    expect((await api('/vanished-org/vanished-7b/resolve/main/README.md')).status).toBe(401);
  });
});
