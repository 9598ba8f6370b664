// @vitest-environment node
import { request as httpsRequest } from 'node:https';
import { X509Certificate } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startOfflineHub, type OfflineHub } from '../../hub/server.mjs';
import { realSample } from './support';

let clock = Date.parse('2026-09-15T12:00:00.000Z');
let hub: OfflineHub;
const get = (path: string, init?: RequestInit) => fetch(`${hub.origin}${path}`, init);

beforeAll(async () => {
  hub = await startOfflineHub({ protocol: 'http', now: () => clock });
});
afterEach(() => {
  hub.clearFaults();
  hub.setLatency(0);
  hub.resetRateLimits();
  hub.resetRequests();
});
afterAll(() => hub.close());

describe('rate limits', () => {
  it('announces the bucket of each request kind with the real header syntax', async () => {
    const cases = [
      ['/api/models/google-bert/bert-base-uncased', 'api', 500],
      ['/google-bert/bert-base-uncased/resolve/main/README.md', 'resolvers', 3000],
      ['/google-bert/bert-base-uncased', 'pages', 100],
    ] as const;
    for (const [path, bucket, quota] of cases) {
      const response = await get(path, { redirect: 'manual' });
      expect(response.headers.get('ratelimit')).toBe(`"${bucket}";r=${quota - 1};t=300`);
      expect(response.headers.get('ratelimit-policy')).toBe(`"fixed window";"${bucket}";q=${quota};w=300`);
    }
    expect(hub.requests.map((r) => r.kind)).toEqual(['api', 'resolvers', 'pages']);
  });

  it('counts down the remaining quota and the seconds to the window end', async () => {
    await get('/api/models?limit=1');
    clock += 40_000;
    const second = await get('/api/models?limit=1');
    expect(second.headers.get('ratelimit')).toBe('"api";r=498;t=260');
  });

  it('answers 429 with r=0 once a bucket is used up, leaves other buckets alone, and logs every refusal', async () => {
    for (let i = 0; i < 100; i += 1) expect((await get('/docs')).status).toBe(200);
    const refused = await get('/meta-llama/Llama-3.1-8B');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('ratelimit')).toBe('"pages";r=0;t=300');
    expect((await get('/api/models/meta-llama/Llama-3.1-8B')).status).toBe(200);
    expect(hub.requests).toHaveLength(102);
    expect(hub.requests[100]).toMatchObject({ pathname: '/meta-llama/Llama-3.1-8B', kind: 'pages', status: 429 });
  });

  it('opens a new window after 300 seconds', async () => {
    const small = await startOfflineHub({ protocol: 'http', now: () => clock, quotas: { api: 2 } });
    try {
      const hit = () => fetch(`${small.origin}/api/models?limit=1`);
      expect((await hit()).status).toBe(200);
      expect((await hit()).status).toBe(200);
      const refused = await hit();
      expect(refused.status).toBe(429);
      expect(await refused.json()).toHaveProperty('error');
      clock += 300_000;
      const fresh = await hit();
      expect(fresh.status).toBe(200);
      expect(fresh.headers.get('ratelimit')).toBe('"api";r=1;t=300');
    } finally {
      await small.close();
    }
  });

  it('gives the test token its own, larger quota', async () => {
    const response = await get('/api/whoami-v2', { headers: { Authorization: 'Bearer hf_offlineTestToken123' } });
    expect(response.headers.get('ratelimit-policy')).toBe('"fixed window";"api";q=1000;w=300');
  });
});

describe('faults', () => {
  it('injects a status once, with Retry-After, then answers normally', async () => {
    hub.setFault('/api/models/', { status: 503, retryAfter: 7, times: 1 });
    const failed = await get('/api/models/meta-llama/Llama-3.1-8B');
    expect(failed.status).toBe(503);
    expect(failed.headers.get('retry-after')).toBe('7');
    expect((await get('/api/models/meta-llama/Llama-3.1-8B')).status).toBe(200);
    expect(hub.requests.map((r) => r.status)).toEqual([503, 200]);
  });

  it('injects a 429 whose RateLimit header carries r=0 and the chosen t', async () => {
    hub.setFault(/expand.*childrenModelCount/, { status: 429, rateLimitT: 42 });
    const refused = await get('/api/models/meta-llama/Llama-3.1-8B?expand[]=childrenModelCount');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('ratelimit')).toBe('"api";r=0;t=42');
    expect((await get('/api/models/meta-llama/Llama-3.1-8B?expand[]=gated')).status).toBe(200);
  });

  it('serves a 500 as JSON on the API and a gateway page for 502', async () => {
    hub.setFault((url) => url.searchParams.get('search') === 'boom', { status: 500 });
    const error = await get('/api/models?search=boom');
    expect(error.status).toBe(500);
    expect(await error.json()).toHaveProperty('error');
    hub.setFault('/api/models', { status: 502 });
    const gateway = await get('/api/models?search=boom');
    expect(gateway.status).toBe(502);
    expect(gateway.headers.get('content-type')).toBe('text/html');
  });

  it('sends unparsable JSON when asked to', async () => {
    hub.setFault('/api/models/meta-llama', { malformedJson: true });
    const response = await get('/api/models/meta-llama/Llama-3.1-8B');
    expect(response.status).toBe(200);
    await expect(response.json()).rejects.toThrow();
  });

  it('drops the connection for offline, and never answers for hang', async () => {
    hub.setFault('/api/models/google', { offline: true });
    await expect(get('/api/models/google/gemma-2-2b')).rejects.toThrow();
    hub.setFault('/api/models/google', { hang: true });
    await expect(get('/api/models/google/gemma-2-2b', { signal: AbortSignal.timeout(200) })).rejects.toThrow();
    expect(hub.requests.map((r) => r.fault)).toEqual(['offline', 'hang']);
    expect(hub.requests.every((r) => r.status === undefined)).toBe(true);
  });

  it('delays an answer by delayMs and every answer by the latency', async () => {
    hub.setFault('/api/models', { delayMs: 150, times: 1 });
    let started = performance.now();
    await get('/api/models?limit=1');
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    hub.setLatency(120);
    started = performance.now();
    await get('/docs');
    expect(performance.now() - started).toBeGreaterThanOrEqual(110);
  });

  it('lets a newer rule win and removes a rule through the returned function', async () => {
    const removeOld = hub.setFault('/api/', { status: 500 });
    const removeNew = hub.setFault('/api/models', { status: 418 });
    expect((await get('/api/models')).status).toBe(418);
    removeNew();
    expect((await get('/api/models')).status).toBe(500);
    removeOld();
    expect((await get('/api/models?limit=1')).status).toBe(200);
  });
});

describe('headers and logging', () => {
  it('sends the real CORS and expose headers on API and resolve answers, none on pages', async () => {
    const sample = new Map<string, string>(realSample('headers_api-200_json_2026-06-08.json').headers.map(([k, v]: string[]) => [k.toLowerCase(), v]));
    const apiAnswer = await get('/api/models/google-bert/bert-base-uncased');
    for (const name of ['access-control-allow-origin', 'access-control-expose-headers', 'access-control-max-age', 'x-powered-by']) {
      expect(apiAnswer.headers.get(name)).toBe(sample.get(name));
    }
    const reflected = await get('/api/models?limit=1', { headers: { Origin: 'chrome-extension://abc' } });
    expect(reflected.headers.get('access-control-allow-origin')).toBe('chrome-extension://abc');
    const page = await get('/google-bert/bert-base-uncased');
    expect(page.headers.get('access-control-allow-origin')).toBeNull();
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
  });

  it('logs method, path with query, kind and headers of every request', async () => {
    await get('/api/models?search=bert', { headers: { 'X-Test': 'yes' } });
    await get('/favicon.ico');
    expect(hub.requests).toEqual([
      expect.objectContaining({ method: 'GET', path: '/api/models?search=bert', pathname: '/api/models', kind: 'api', at: clock, status: 200, headers: expect.objectContaining({ 'x-test': 'yes' }) }),
      expect.objectContaining({ path: '/favicon.ico', kind: 'other', status: 204 }),
    ]);
    hub.resetRequests();
    expect(hub.requests).toEqual([]);
  });
});

describe('https', () => {
  it('presents a self-signed certificate valid for huggingface.co and *.huggingface.co', async () => {
    const secure = await startOfflineHub();
    try {
      expect(secure.origin).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      const certificate = new X509Certificate(secure.ca!);
      expect(certificate.subjectAltName).toContain('DNS:huggingface.co');
      expect(certificate.subjectAltName).toContain('DNS:*.huggingface.co');
      const body = await new Promise<string>((resolve, reject) => {
        const req = httpsRequest(
          { host: '127.0.0.1', port: secure.port, path: '/api/models/openai-community/gpt2?expand[]=likes', servername: 'huggingface.co', ca: secure.ca, headers: { host: 'huggingface.co' } },
          (res) => {
            let data = '';
            res.on('data', (chunk) => (data += chunk));
            res.on('end', () => resolve(data));
          },
        );
        req.on('error', reject);
        req.end();
      });
      expect(JSON.parse(body)).toEqual({ _id: expect.any(String), id: 'openai-community/gpt2', likes: 2904 });
    } finally {
      await secure.close();
    }
  });
});
