// Issue 6: drift badges on listing pages, their request cost and the badges switch.
import { assert, HUB, badgeFacts, cardBadgeCounts, clearExtensionCache, hubCalls, scrollThrough, setSwitches, sleep } from '../lib.mjs';

const CHILDREN = '/models?other=base_model:finetune:meta-llama/Llama-3.1-8B-Instruct';

async function waitForVisibleBadges(page) {
  return page.waitFor(
    () => {
      const cards = [...document.querySelectorAll('article.overview-card-wrapper')].filter((card) => {
        const r = card.getBoundingClientRect();
        return r.bottom > 0 && r.top < innerHeight && /^\/[\w.-]+\/[\w.-]+$/.test(card.querySelector('a')?.getAttribute('href') ?? '');
      });
      return cards.length > 0 && cards.every((c) => c.querySelector('[data-hf-drift-badge]')) ? cards.length : null;
    },
    undefined,
    { message: 'badges on every visible card' },
  );
}

export default {
  tests: [
    {
      name: "one parent's children listing: the right badge on each card, 2 requests cold and 0 warm",
      async run({ session, hub }) {
        await clearExtensionCache(session);
        const page = await session.newPage();
        const from = hub.requests.length;
        await page.goto(`${HUB}${CHILDREN}`);
        await waitForVisibleBadges(page);
        await scrollThrough(page);
        await page.waitFor(() => document.querySelectorAll('[data-hf-drift-badge]').length >= 28, undefined, { message: 'all badges' });
        await sleep(300);
        const cold = hubCalls(hub, from);
        assert.ok(cold.length <= 2, `cold listing made ${cold.length} requests: ${cold.map((r) => r.pathname).join(' ')}`);
        const badges = await badgeFacts(page);
        const sky = badges.find((b) => b.model === 'skyforge/Sky-Chat-8B');
        const northwind = badges.find((b) => b.model === 'northwind/Llama-3.1-8B-Instruct-Support');
        assert.ok(sky, 'the relicensed fine-tune has a badge');
        assert.match(sky.flags, /\blicense-relaxed\b/);
        assert.match(sky.flags, /\blanguage-narrowed\b/);
        assert.ok(northwind, 'the faithful fine-tune has a badge');
        assert.doesNotMatch(northwind.flags, /license-relaxed/);
        assert.equal(northwind.flags, '', 'a checked model without drift gets the quiet no-drift badge');
        for (const b of badges) assert.equal(b.model, b.card, 'each badge sits in its own card');
        await page.close();

        const warmFrom = hub.requests.length;
        const again = await session.newPage();
        await again.goto(`${HUB}${CHILDREN}`);
        await waitForVisibleBadges(again);
        await scrollThrough(again);
        await sleep(500);
        assert.deepEqual(hubCalls(hub, warmFrom).map((r) => r.pathname), [], 'warm listing makes no request');
        await again.close();
      },
    },
    {
      name: 'after a filter change and a page change each card has exactly one badge',
      async run({ session }) {
        const page = await session.newPage();
        await page.goto(`${HUB}${CHILDREN}`);
        await waitForVisibleBadges(page);
        // Page 2 through the listing's own client-side pagination.
        await page.evaluate(() => [...document.querySelectorAll('a[href*="p=1"]')].find((a) => /next|2/i.test(a.textContent))?.click());
        await page.waitFor(() => new URL(location.href).searchParams.get('p') === '1', undefined, { message: 'page 2' });
        await waitForVisibleBadges(page);
        await scrollThrough(page);
        await sleep(400);
        for (const card of await cardBadgeCounts(page)) {
          assert.ok(card.badges <= 1, `${card.id} has ${card.badges} badges`);
        }
        // A filter change re-renders the cards client-side.
        const clicked = await page.evaluate(() => {
          const link = document.querySelector('a[data-filter-key="pipeline_tag"]');
          link?.click();
          return link?.getAttribute('href') ?? null;
        });
        assert.ok(clicked, 'the listing offers a task filter');
        await page.waitFor((href) => location.href.endsWith(href) || location.search.includes('pipeline_tag'), clicked, { message: 'filtered' });
        await sleep(200);
        await waitForVisibleBadges(page);
        await scrollThrough(page);
        await sleep(400);
        const counts = await cardBadgeCounts(page);
        assert.ok(counts.length > 0);
        for (const card of counts) assert.ok(card.badges <= 1, `${card.id} has ${card.badges} badges after the filter change`);
        // Back to the unfiltered list (popstate re-render): still one badge per card.
        await page.evaluate(() => history.back());
        await sleep(600);
        await waitForVisibleBadges(page);
        for (const card of await cardBadgeCounts(page)) assert.ok(card.badges <= 1, `${card.id}: ${card.badges} after Back`);
        await page.close();
      },
    },
    {
      name: 'an arbitrary listing costs at most 1 + the number of distinct parents',
      async run({ session, hub }) {
        await clearExtensionCache(session);
        const page = await session.newPage();
        const from = hub.requests.length;
        await page.goto(`${HUB}/models?search=gemma`);
        await scrollThrough(page);
        // Cards of models with a parent get a badge; roots get none.
        const listed = await page.evaluate(() => [...document.querySelectorAll('article header[title]')].map((h) => h.getAttribute('title')));
        const withParent = listed.filter((id) => hub.snapshot.models.get(id)?.parents.ids.length);
        assert.ok(withParent.length >= 3 && withParent.length < listed.length, `a mixed listing: ${withParent.length} of ${listed.length} have a parent`);
        await page.waitFor(
          (ids) => ids.every((id) => document.querySelector(`[data-hf-drift-badge][data-model="${CSS.escape(id)}"]`)),
          withParent,
          { message: 'a badge on every card with a parent' },
        );
        await sleep(600);
        const badged = (await badgeFacts(page)).map((b) => b.model);
        assert.deepEqual([...badged].sort(), [...withParent].sort(), 'badges exactly on the cards with a parent');
        const parents = new Set(badged.flatMap((id) => hub.snapshot.models.get(id)?.parents.ids ?? []));
        const calls = hubCalls(hub, from);
        assert.ok(badged.length > 0);
        assert.ok(calls.length <= 1 + parents.size, `${calls.length} requests for ${parents.size} distinct parents: ${calls.map((r) => r.pathname).join(' ')}`);
        await page.close();
      },
    },
    {
      name: 'badges switched off: a listing makes no Hub request and shows no badge',
      async run({ session, hub }) {
        await setSwitches(session, { badges: false });
        try {
          await clearExtensionCache(session);
          const page = await session.newPage();
          const from = hub.requests.length;
          await page.goto(`${HUB}${CHILDREN}`);
          await scrollThrough(page);
          await sleep(1200);
          assert.deepEqual(hubCalls(hub, from).map((r) => r.pathname), []);
          assert.equal((await badgeFacts(page)).length, 0);
          // Paired presence check: switched on again, the same page gets its badges.
          await setSwitches(session, { badges: true });
          await page.goto(`${HUB}${CHILDREN}`);
          await waitForVisibleBadges(page);
          assert.ok((await badgeFacts(page)).length > 0, 'badges back on the same page');
          await page.close();
        } finally {
          await setSwitches(session, { badges: true });
        }
      },
    },
    {
      name: 'a badge explains itself from the keyboard',
      async run({ session }) {
        const page = await session.newPage();
        await page.goto(`${HUB}${CHILDREN}`);
        await waitForVisibleBadges(page);
        await page.evaluate(() => document.querySelector('header[title="skyforge/Sky-Chat-8B"]')?.scrollIntoView({ block: 'center' }));
        await page.waitFor(() => !!document.querySelector('[data-hf-drift-badge][data-model="skyforge/Sky-Chat-8B"]'), undefined, {
          message: 'badge on skyforge/Sky-Chat-8B',
        });
        const focused = await page.evaluate(() => {
          const host = document.querySelector('[data-hf-drift-badge][data-model="skyforge/Sky-Chat-8B"]');
          const button = host.shadowRoot?.querySelector('button');
          button?.focus();
          return !!button && document.activeElement === host && host.shadowRoot.activeElement === button;
        });
        assert.ok(focused, "the badge's button takes the keyboard focus");
        await page.press('Enter');
        const open = await page.evaluate(() => {
          const host = document.querySelector('[data-hf-drift-badge][data-model="skyforge/Sky-Chat-8B"]');
          const button = host.shadowRoot.querySelector('button');
          return { expanded: button.getAttribute('aria-expanded'), text: host.shadowRoot.textContent, url: location.pathname };
        });
        assert.equal(open.expanded, 'true');
        assert.equal(open.url, '/models', 'opening the details does not follow the card link');
        await page.press('Escape');
        const closed = await page.evaluate(() => {
          const host = document.querySelector('[data-hf-drift-badge][data-model="skyforge/Sky-Chat-8B"]');
          return host.shadowRoot.querySelector('button').getAttribute('aria-expanded');
        });
        assert.equal(closed, 'false');
        await page.close();
      },
    },
  ],
};
