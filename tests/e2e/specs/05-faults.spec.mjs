// Issue 8: faults at the offline Hub. The panel shows a clear state, keeps stale data, and the client
// does not storm the Hub with retries.
import { assert, HUB, clearExtensionCache, hubCalls, openModel, panelFacts, sleep, waitForPanel } from '../lib.mjs';

const SKY = '/skyforge/Sky-Chat-8B';
const PARENT_API = /^\/api\/models\/meta-llama\/Llama-3\.1-8B-Instruct$/;

async function setTtlHours(session, hours) {
  const page = await session.extensionPage('options.html');
  await page.evaluate(async (h) => {
    await browser.storage.local.set({ cacheSettings: { ttlHours: h } });
    await browser.runtime.sendMessage({ type: 'settings-changed' });
  }, hours);
  await page.close();
}

async function parentError(session, hub, fault) {
  await clearExtensionCache(session);
  hub.setFault(PARENT_API, fault);
  const from = hub.requests.length;
  const { page } = await openModel(session, SKY);
  await sleep(400);
  const facts = await panelFacts(page);
  const calls = hubCalls(hub, from).filter((r) => PARENT_API.test(r.pathname));
  await page.close();
  hub.clearFaults();
  return { facts, calls };
}

export default {
  tests: [
    {
      name: '429 with Retry-After: the parent says when HF Drift retries, and nothing hammers the Hub',
      fresh: true,
      async run({ session, hub }) {
        const { facts, calls } = await parentError(session, hub, { status: 429, retryAfter: 90 });
        assert.match(facts.text, /asked us to slow down/);
        assert.match(facts.text, /try again in (1 min|2 min|\d+ s)/);
        assert.equal(calls.length, 1, 'one request, no retry storm');
      },
    },
    {
      name: '429 with RateLimit t=: the whole API bucket pauses instead of retrying',
      fresh: true,
      async run({ session, hub }) {
        await clearExtensionCache(session);
        hub.setFault('/api/models', { status: 429, rateLimitT: 120 });
        const from = hub.requests.length;
        const { page } = await openModel(session, SKY);
        await sleep(1500);
        const facts = await panelFacts(page);
        const api = hubCalls(hub, from).filter((r) => r.kind === 'api' && r.pathname.startsWith('/api/models'));
        assert.ok(api.length <= 2, `${api.length} API calls while the Hub said wait 120 s`);
        assert.match(facts.text, /slow down|rate limit/i);
        assert.equal(facts.panels, 1);
        await page.close();
      },
    },
    // One browser per status: Chromium holds back an extension's requests to a URL after 5xx answers
    // from it, so a second status on the same URL would test Chromium's throttle rather than ours.
    ...[500, 503].map((status) => ({
      name: `${status} is retried a bounded number of times, then a clear message`,
      fresh: true,
      async run({ session, hub }) {
        const { facts, calls } = await parentError(session, hub, { status });
        assert.ok(calls.length >= 2 && calls.length <= 3, `${status}: ${calls.length} attempts`);
        assert.match(facts.text, /server error/);
        assert.equal(facts.state, 'ready', 'the model itself still shows (from the page)');
      },
    })),
    {
      // Chromium starts refusing the parent's URL itself after a few 503s; that must not read as offline.
      name: 'a parent that keeps answering 503 is a server error on every visit, never "offline"',
      fresh: true,
      async run({ session, hub }) {
        for (let visit = 1; visit <= 3; visit += 1) {
          const { facts } = await parentError(session, hub, { status: 503 });
          assert.match(facts.text, /server error/, `visit ${visit}`);
          assert.doesNotMatch(facts.text, /offline/, `visit ${visit}`);
        }
      },
    },
    {
      name: 'malformed JSON gives a clear message',
      fresh: true,
      async run({ session, hub }) {
        const { facts, calls } = await parentError(session, hub, { malformedJson: true });
        assert.match(facts.text, /could not read/);
        assert.equal(calls.length, 1, 'malformed answers are not retried');
      },
    },
    {
      name: 'a hung request times out into a clear message',
      timeout: 60_000,
      fresh: true,
      async run({ session, hub }) {
        await clearExtensionCache(session);
        hub.setFault(PARENT_API, { hang: true });
        const { page } = await openModel(session, SKY);
        await page.waitFor(
          () => document.querySelector('[data-hf-drift="panel"]')?.shadowRoot?.textContent.includes('took too long'),
          undefined,
          { timeout: 30_000, message: 'timeout message' },
        );
        const facts = await panelFacts(page);
        assert.equal(facts.panels, 1);
        await page.close();
      },
    },
    {
      name: 'offline with stale data: the panel keeps the saved data and shows its age',
      fresh: true,
      async run({ session, hub }) {
        await clearExtensionCache(session);
        const first = await openModel(session, SKY);
        await sleep(800);
        await first.page.close();
        await setTtlHours(session, 0.0003); // about one second
        try {
          await sleep(1500);
          hub.setFault((url) => url.pathname.startsWith('/api/') || url.pathname.includes('/resolve/'), { offline: true });
          const { page } = await openModel(session, SKY);
          await sleep(500);
          const facts = await panelFacts(page);
          assert.equal(facts.state, 'stale');
          assert.equal(facts.relaxationFlags, 1, 'the saved drift is still shown');
          assert.match(facts.text, /Saved data from/);
          await page.close();
        } finally {
          hub.clearFaults();
          await setTtlHours(session, 12);
        }
      },
    },
    {
      name: 'the whole Hub API down and no cache: a clear error, never a broken page',
      fresh: true,
      async run({ session, hub }) {
        await clearExtensionCache(session);
        hub.setFault((url) => url.pathname.startsWith('/api/') || url.pathname.includes('/resolve/'), { offline: true });
        try {
          const page = await session.newPage();
          const errors = [];
          page.raw.on('pageerror', (e) => errors.push(String(e)));
          const t0 = Date.now();
          await page.goto(`${HUB}${SKY}`);
          await waitForPanel(page);
          console.log(`    offline answer after ${Date.now() - t0} ms`);
          const facts = await panelFacts(page);
          assert.equal(facts.panels, 1);
          assert.match(facts.text, /cannot be reached/);
          assert.deepEqual(errors, [], 'nothing thrown into the page');
          const h1 = await page.evaluate(() => document.querySelector('h1')?.textContent?.includes('Sky-Chat-8B'));
          assert.ok(h1, "the Hub's own page is intact");
          await page.close();
        } finally {
          hub.clearFaults();
        }
      },
    },
    {
      name: 'corrupt cache records cost a fresh fetch, nothing more',
      fresh: true,
      async run({ session, hub }) {
        await clearExtensionCache(session);
        const warm = await openModel(session, SKY);
        await sleep(800);
        await warm.page.close();
        const options = await session.extensionPage('options.html');
        const corrupted = await options.evaluate(
          () =>
            new Promise((resolve, reject) => {
              const open = indexedDB.open('hf-drift-cache');
              open.onerror = () => reject(open.error);
              open.onsuccess = () => {
                const db = open.result;
                const names = [...db.objectStoreNames];
                const tx = db.transaction(names, 'readwrite');
                let count = 0;
                for (const name of names) {
                  const store = tx.objectStore(name);
                  store.openCursor().onsuccess = (event) => {
                    const cursor = event.target.result;
                    if (!cursor) return;
                    count++;
                    // Half the records get a wrong shape, half a broken value.
                    cursor.update(count % 2 ? { ...cursor.value, value: { id: 42, licenses: 'nope' } } : { key: cursor.value.key, garbage: true });
                    cursor.continue();
                  };
                }
                tx.oncomplete = () => {
                  db.close();
                  resolve(count);
                };
                tx.onerror = () => reject(tx.error);
              };
            }),
        );
        await options.close();
        assert.ok(corrupted > 3, `${corrupted} records corrupted`);
        const from = hub.requests.length;
        const { page, state } = await openModel(session, SKY);
        assert.equal(state, 'ready');
        const facts = await panelFacts(page);
        assert.equal(facts.relaxationFlags, 1);
        assert.ok(hubCalls(hub, from).length > 0, 'the corrupt entries were fetched again');
        await page.close();
      },
    },
  ],
};
