// Issue 13: the license verdict comes first. With the model cards slow to arrive, the panel already shows
// where the model came from and that its license relaxed (the page's own props against the parent's
// metadata: one Hub round trip), and says it is still reading the cards; the full report follows.
// And a panel switched off costs nothing, although the panel no longer waits for the switches to ask.
import { assert, clearExtensionCache, HUB, hubCalls, panelFacts, setSwitches, sleep, waitForPanel } from '../lib.mjs';

const SKY = '/skyforge/Sky-Chat-8B';
const PARENT = 'meta-llama/Llama-3.1-8B-Instruct';

/** The panel while it is still loading, once it shows a verdict. */
const verdictWhileLoading = () => {
  const host = document.querySelector('[data-hf-drift="panel"]');
  const root = host?.shadowRoot;
  if (!root || !host.hasAttribute('data-license-verdict')) return null;
  return {
    state: host.getAttribute('data-state'),
    verdict: host.getAttribute('data-license-verdict'),
    flags: root.querySelectorAll('[data-flag="license-relaxation"]').length,
    parentLink: root.querySelector('a[data-parent]')?.getAttribute('data-parent') ?? null,
    busy: root.querySelector('section.panel')?.getAttribute('aria-busy'),
    text: root.textContent,
  };
};

/**
 * Opens a model page with a cold cache while READMEs (card length, auto-generated) take 2.5 s and the
 * parents' metadata does not; returns the panel as it first shows a verdict.
 */
async function verdictWithSlowCards(session, hub, path) {
  await clearExtensionCache(session);
  const slowCards = hub.setFault((url) => url.pathname.includes('/resolve/'), { delayMs: 2500 });
  try {
    const page = await session.newPage();
    await page.goto(`${HUB}${path}`);
    const early = await page.waitFor(verdictWhileLoading, undefined, { timeout: 10_000, message: 'a verdict on the panel' });
    return { page, early };
  } finally {
    slowCards();
  }
}

export default {
  tests: [
    {
      name: 'the relaxed license shows while the model cards are still on their way, then the full panel agrees',
      async run({ session, hub }) {
        const { page, early } = await verdictWithSlowCards(session, hub, SKY);
        assert.equal(early.state, 'loading', 'the verdict came before the cards');
        assert.equal(early.verdict, 'relaxed');
        assert.equal(early.flags, 1, 'the relaxation flag is on screen');
        assert.equal(early.parentLink, PARENT);
        assert.equal(early.busy, 'true', 'still says it is busy');
        assert.match(early.text, /Reading model cards/);
        const done = await waitForPanel(page);
        assert.equal(done.state, 'ready');
        const facts = await panelFacts(page);
        assert.equal(facts.relaxationFlags, 1);
        assert.equal(facts.rows.license, 'relaxed');
        assert.equal(await page.evaluate(() => document.querySelector('[data-hf-drift="panel"]').getAttribute('data-license-verdict')), 'relaxed');
        assert.equal(await page.evaluate(() => performance.getEntriesByName('hf-drift:license-verdict').length), 1);
        await page.close();
      },
    },
    {
      name: 'a faithful fine-tune shows "same" early and no relaxation flag',
      async run({ session, hub }) {
        const { page, early } = await verdictWithSlowCards(session, hub, '/northwind/Llama-3.1-8B-Instruct-Support');
        assert.deepEqual([early.state, early.verdict, early.flags], ['loading', 'same', 0]);
        await page.close();
      },
    },
    {
      name: "the features start after the page's load; on a page slow to load, shortly before it rather than wait",
      async run({ session, hub }) {
        const timeline = () => ({
          features: performance.getEntriesByName('hf-drift:features')[0]?.startTime ?? null,
          start: performance.getEntriesByName('hf-drift:start')[0]?.startTime ?? null,
          loadStart: performance.getEntriesByType('navigation')[0].loadEventStart,
          loadEnd: performance.getEntriesByType('navigation')[0].loadEventEnd,
        });
        const page = await session.newPage();
        await page.goto(`${HUB}${SKY}`);
        await waitForPanel(page);
        const fast = await page.evaluate(timeline);
        assert.ok(fast.start !== null && fast.start < fast.loadStart, `the content script ran before the load event: ${JSON.stringify(fast)}`);
        assert.ok(fast.features !== null && fast.features >= fast.loadEnd, `its features waited for the load event to end: ${JSON.stringify(fast)}`);
        await page.close();
        // An image holds this page's load event for 2.5 s: the features do not wait for it.
        hub.setPageVariant(SKY.slice(1), { holdLoadMs: 2500 });
        try {
          const slow = await session.newPage();
          await slow.goto(`${HUB}${SKY}`);
          const held = await slow.evaluate(timeline);
          assert.ok(held.features !== null && held.features < held.loadStart, `the features started before the held load: ${JSON.stringify(held)}`);
          await waitForPanel(slow);
          await slow.close();
        } finally {
          hub.clearFaults();
        }
      },
    },
    {
      name: 'panel switched off: a model page makes no Hub request and shows no panel; on again, it does',
      async run({ session, hub }) {
        await setSwitches(session, { panel: false });
        try {
          await clearExtensionCache(session);
          const page = await session.newPage();
          const from = hub.requests.length;
          await page.goto(`${HUB}${SKY}`);
          await sleep(1200);
          assert.deepEqual(hubCalls(hub, from).map((r) => r.pathname), []);
          assert.equal(await page.evaluate(() => document.querySelectorAll('[data-hf-drift="panel"]').length), 0);
          // Paired presence check: switched on again, the same page gets its panel.
          await setSwitches(session, { panel: true });
          await page.goto(`${HUB}${SKY}`);
          await waitForPanel(page);
          assert.ok(hubCalls(hub, from).length > 0, 'the panel asked the Hub once on');
          await page.close();
        } finally {
          await setSwitches(session, { panel: true });
        }
      },
    },
  ],
};
