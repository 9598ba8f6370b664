// The repository file list (`expand[]=siblings`) and notice-file reads for the upstream-obligation checks.
import { describe, expect, it } from 'vitest';
import { createHubClient } from '../../../lib/hub/client';
import { MAX_FILES, parseModel } from '../../../lib/hub/parse';
import { createFakeFetch, jsonResponse, manualClock, manualTimers, sample, textResponse } from './helpers';

const base = { id: 'org/model', tags: [] };

describe('siblings → files', () => {
  it('keeps the file names of the real answer shape', () => {
    const gguf = parseModel(sample('model-info_ggml-org_gemma-3-1b-it-GGUF.json'))!;
    expect(gguf.files).toEqual(sample<{ siblings: { rfilename: string }[] }>('model-info_ggml-org_gemma-3-1b-it-GGUF.json').siblings.map((s) => s.rfilename));
    expect(gguf.filesTotal).toBe(gguf.files!.length);
  });

  it.each([
    ['missing', undefined],
    ['not a list', { rfilename: 'LICENSE' }],
    ['a string', 'LICENSE'],
  ])('answers no file list when siblings is %s', (_name, siblings) => {
    const model = parseModel({ ...base, siblings })!;
    expect(model.files).toBeUndefined();
    expect(model.filesTotal).toBeUndefined();
  });

  it('drops entries without a usable name but counts what the Hub listed', () => {
    const model = parseModel({ ...base, siblings: [{ rfilename: 'LICENSE' }, { rfilename: 42 }, null, 'NOTICE', { rfilename: 'x'.repeat(1001) }, { rfilename: ' ' }] })!;
    expect(model.files).toEqual(['LICENSE']);
    expect(model.filesTotal).toBe(6);
  });

  it('an empty list is a known, empty repository', () => {
    expect(parseModel({ ...base, siblings: [] })).toMatchObject({ files: [], filesTotal: 0 });
  });

  it('10,000 siblings: keeps the first MAX_FILES names and the real total', () => {
    const siblings = Array.from({ length: 10_000 }, (_, i) => ({ rfilename: `shard-${i}.bin` }));
    const model = parseModel({ ...base, siblings })!;
    expect(model.files).toHaveLength(MAX_FILES);
    expect(model.files![MAX_FILES - 1]).toBe(`shard-${MAX_FILES - 1}.bin`);
    expect(model.filesTotal).toBe(10_000);
  });
});

function setup() {
  const clock = manualClock();
  const fake = createFakeFetch((url) => {
    if (url.pathname.startsWith('/api/models/')) return jsonResponse({ ...base, siblings: [{ rfilename: 'NOTICE' }] });
    if (url.pathname === '/org/model/resolve/main/incl%20licenses/Notice.txt') return textResponse('Gemma is provided under…', 200, { 'x-repo-commit': 'a'.repeat(40) });
    return textResponse('Entry not found', 404, { 'x-error-code': 'EntryNotFound' });
  });
  const client = createHubClient({ fetch: fake.fetch, now: clock.now, sleep: clock.sleep, random: () => 0.5, timers: manualTimers() });
  return { client, calls: fake.calls };
}

describe('the model call asks for siblings; list calls do not', () => {
  it('adds expand[]=siblings to the one model call', async () => {
    const { client, calls } = setup();
    const result = await client.getModel('org/model');
    expect(result.ok && result.value.files).toEqual(['NOTICE']);
    expect(calls).toHaveLength(1);
    expect(new URL(calls[0].url).searchParams.getAll('expand[]')).toContain('siblings');
  });
});

describe('reading another repo file through the README path', () => {
  it('encodes each path segment and returns the text with its commit', async () => {
    const { client, calls } = setup();
    const result = await client.getReadme('org/model', { path: 'incl licenses/Notice.txt' });
    expect(result).toMatchObject({ ok: true, value: { text: 'Gemma is provided under…', exists: true, sha: 'a'.repeat(40) } });
    expect(calls[0].url).toBe('https://huggingface.co/org/model/resolve/main/incl%20licenses/Notice.txt');
  });

  it.each([['../secrets'], ['a//b'], ['./NOTICE'], [''], ['x'.repeat(501)]])('refuses the unsafe path %j without a request', async (path) => {
    const { client, calls } = setup();
    const result = await client.getReadme('org/model', { path });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.kind).toBe('bad-request');
    expect(calls).toHaveLength(0);
  });
});
