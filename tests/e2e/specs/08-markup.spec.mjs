// Issue 15: the real Hub's markup on the offline Hub — the listing's container swap and absolute card
// links, the Model tree's child counts, a card tab without ModelHeader props, and gated parents.
import { assert, HUB, cardBadgeCounts, clearExtensionCache, hubCalls, openModel, panelFacts, scrollThrough, sleep, waitForFamily, waitForPanel } from '../lib.mjs';

const CHILDREN = '/models?other=base_model:finetune:meta-llama/Llama-3.1-8B-Instruct';

/** Waits until every card whose model has a parent carries a badge; returns the per-card badge counts. */
async function badgedCards(page, hub, message) {
  await scrollThrough(page);
  const ids = await page.evaluate(() => [...document.querySelectorAll('article.overview-card-wrapper header[title]')].map((h) => h.getAttribute('title')));
  // The hostile list-only id (`xss-lab/"><img …>`) is no model page: no badge is right for it.
  const withParent = ids.filter((id) => /^[\w.-]+\/[\w.-]+$/.test(id) && hub.snapshot.models.get(id)?.parents.ids.length);
  assert.ok(withParent.length > 0, `${message}: the listing has cards with a parent`);
  const allBadged = (wanted) =>
    wanted.every((id) => [...document.querySelectorAll('article.overview-card-wrapper')].some((card) => card.querySelector('header[title]')?.getAttribute('title') === id && card.querySelector('[data-hf-drift-badge]')));
  // Badges come to cards as they become visible: scroll through again until all are there (or time out).
  for (let round = 0; round < 20 && !(await page.evaluate(allBadged, withParent)); round++) {
    await page.evaluate(() => scrollTo(0, 0));
    await sleep(200);
    await scrollThrough(page);
  }
  await page.waitFor(allBadged, withParent, { message: `${message}: a badge on every card with a parent` });
  await sleep(300); // a second, double badge would come within a batch or two
  const counts = await cardBadgeCounts(page);
  for (const card of counts) {
    const expected = withParent.includes(card.id) ? 1 : 0;
    assert.equal(card.badges, expected, `${message}: ${card.id} has ${card.badges} badges`);
  }
  return counts;
}

/** Marks the current ModelList container so that a swap can be recognised. */
async function markContainer(page) {
  await page.evaluate(() => {
    window.__listBefore = document.querySelector('[data-target="ModelList"]');
  });
}
async function waitForSwap(page, message) {
  await page.waitFor(
    () => {
      const now = document.querySelector('[data-target="ModelList"]');
      return !!now && !!window.__listBefore && now !== window.__listBefore && !window.__listBefore.isConnected;
    },
    undefined,
    { message: `${message}: the whole list container was replaced` },
  );
}

export default {
  tests: [
    {
      name: 'pagination and a filter replace the whole list container; every card with a parent keeps exactly one badge',
      async run({ session, hub }) {
        const page = await session.newPage();
        await page.goto(`${HUB}${CHILDREN}`);
        await badgedCards(page, hub, 'page 1');
        await markContainer(page);
        await page.evaluate(() => [...document.querySelectorAll('nav[aria-label="Pagination"] a')].find((a) => /Next/.test(a.textContent))?.click());
        await waitForSwap(page, 'page 2');
        assert.equal(await page.evaluate(() => new URL(location.href).searchParams.get('p')), '1');
        const second = await badgedCards(page, hub, 'page 2');
        assert.equal(second.length, 15, 'page 2 shows the 15 remaining fine-tunes');

        // A swap without a URL change, as hydration does it: Svelte rebuilds the container from its own
        // state, so nothing we added to the old cards comes along.
        await markContainer(page);
        await page.evaluate(() => {
          const old = document.querySelector('[data-target="ModelList"]');
          const rebuilt = old.cloneNode(true);
          for (const host of rebuilt.querySelectorAll('[data-hf-drift-badge]')) host.remove();
          old.replaceWith(rebuilt);
        });
        await waitForSwap(page, 'hydration');
        await badgedCards(page, hub, 'after a hydration swap');
        // A re-render that copies our hosts along (as empty shells: a clone has no shadow root).
        await markContainer(page);
        await page.evaluate(() => {
          const old = document.querySelector('[data-target="ModelList"]');
          old.replaceWith(old.cloneNode(true));
        });
        await waitForSwap(page, 'copying swap');
        await badgedCards(page, hub, 'after a swap that copied our hosts');
        const shells = await page.evaluate(() => [...document.querySelectorAll('[data-hf-drift-badge]')].filter((h) => !h.shadowRoot).length);
        assert.equal(shells, 0, 'no empty badge shell is left');

        await markContainer(page);
        await page.evaluate(() => document.querySelector('a[data-filter-key="language"][data-filter-value="en"]')?.click());
        await waitForSwap(page, 'language filter');
        await badgedCards(page, hub, 'after the filter');
        await page.close();
      },
    },
    {
      name: 'with a library filter the cards link absolutely with a query, and still get their badges',
      async run({ session, hub }) {
        const page = await session.newPage();
        await page.goto(`${HUB}/models?sort=downloads&search=GGUF`);
        await markContainer(page);
        await page.evaluate(() => document.querySelector('a[data-filter-key="library"][data-filter-value="gguf"]')?.click());
        await waitForSwap(page, 'library filter');
        const hrefs = await page.evaluate(() => [...document.querySelectorAll('article.overview-card-wrapper > a')].map((a) => a.getAttribute('href')));
        assert.ok(hrefs.length > 0, 'GGUF cards are listed');
        for (const href of hrefs) assert.match(href, /^https:\/\/huggingface\.co\/[^/?]+\/[^/?]+\?library=gguf$/);
        await badgedCards(page, hub, 'absolute links');

        // The same listing loaded directly (server-rendered absolute links) badges the same way.
        const direct = await session.newPage();
        await direct.goto(`${HUB}/models?sort=downloads&search=GGUF&library=gguf`);
        await badgedCards(direct, hub, 'absolute links, first load');
        await direct.close();
        await page.close();
      },
    },
    {
      name: "the panel reads the children counts from the Model tree: they show even when the model's own API call fails",
      fresh: true, // the 429 pauses this browser's client for 10 minutes
      async run({ session, hub }) {
        await clearExtensionCache(session);
        const id = 'meta-llama/Llama-3.1-8B-Instruct';
        hub.setFault(new RegExp(`^/api/models/${id.replace(/[.]/g, '\\.')}$`), { status: 429, retryAfter: 600 });
        const from = hub.requests.length;
        const { page } = await openModel(session, `/${id}`);
        await waitForFamily(page);
        const facts = await panelFacts(page);
        const tree = await page.evaluate(() =>
          [...document.querySelectorAll('section[class*="md:col-span-5"] a[href^="/models?other=base_model%3Afinetune%3Ameta-llama"]')].map((a) => a.textContent),
        );
        const api = hub.snapshot.childrenCount(id);
        assert.ok(tree.includes(`${api.finetune} models`), `the Model tree shows ${api.finetune} fine-tunes: ${tree}`);
        assert.match(facts.children.finetune ?? '', new RegExp(`\\b${api.finetune}\\b`), `the panel shows the count: ${facts.children.finetune}`);
        const own = hubCalls(hub, from).filter((r) => decodeURIComponent(r.pathname) === `/api/models/${id}`);
        assert.ok(own.length >= 1 && own.every((r) => r.status === 429), 'the model\'s own call was made and refused');
        await page.close();
      },
    },
    {
      name: 'a card tab without ModelHeader props: the panel asks the API without waiting for the page to load',
      async run({ session, hub }) {
        const id = 'skyforge/Sky-Chat-8B';
        await clearExtensionCache(session);
        hub.setPageVariant(id, { headerProps: false, holdLoadMs: 2500 });
        const from = hub.requests.length;
        const page = await session.newPage();
        await page.goto(`${HUB}/${id}`);
        await waitForPanel(page, { state: 'ready' });
        const requests = hub.requests.slice(from);
        const own = requests.findIndex((r) => decodeURIComponent(r.pathname) === `/api/models/${id}`);
        const hold = requests.find((r) => r.pathname === '/front/hold.svg');
        assert.ok(hold && hold.releasedAfter !== undefined, 'the page held its load event');
        assert.ok(own >= 0, 'the panel asked the API for the model');
        // Ordering, not a stopwatch: the model's API request had arrived before the page's load was let go.
        assert.ok(from + own < hold.releasedAfter, `the API request (#${from + own}) came before the load was released (after #${hold.releasedAfter})`);
        assert.equal(await page.evaluate(() => document.querySelector('[data-target="ModelHeader"]')), null, 'the page really has no ModelHeader');
        const facts = await panelFacts(page);
        assert.equal(facts.model, id);
        assert.equal(facts.relaxationFlags, 1, 'the relaxation is found from the API alone');
        await page.close();
      },
    },
    {
      name: "a gated parent with public metadata: its license is compared and the panel says its card is gated",
      async run({ session }) {
        const { page } = await openModel(session, '/openfort/Fortress-13B-chat');
        const facts = await panelFacts(page);
        assert.equal(facts.rows.license, 'relaxed', 'cc-by-nc-4.0 → apache-2.0 compared');
        assert.equal(facts.relaxationFlags, 1);
        assert.equal(facts.rows['card-length'], 'unknown');
        assert.deepEqual(facts.parents.map((p) => p.id), ['fortress-ai/Fortress-13B']);
        assert.equal(facts.chainEnd, 'root');
        assert.match(facts.text, /fortress-ai\/Fortress-13B is gated: its metadata \(license, languages, task\) is compared, but its model card needs approved access/);
        await page.close();
      },
    },
  ],
};
