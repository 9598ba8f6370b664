// Shared steps for e2e specs. Functions passed to page.evaluate run in the page: keep them self-contained.
import assert from 'node:assert/strict';
import { HUB } from './harness.mjs';

export { assert, HUB };

/** Opens a Hub URL and waits until the panel has left the loading state (returns its state). */
export async function openModel(session, path, { state } = {}) {
  const page = await session.newPage();
  await page.goto(`${HUB}${path}`);
  const result = await waitForPanel(page, { state });
  return { page, ...result };
}

export async function waitForPanel(page, { state, timeout = 20_000 } = {}) {
  return page.waitFor(
    (wanted) => {
      const hosts = document.querySelectorAll('[data-hf-drift="panel"]');
      const current = hosts[0]?.getAttribute('data-state');
      if (!current || current === 'loading') return null;
      if (wanted && current !== wanted) return null;
      return { state: current, count: hosts.length, model: hosts[0].getAttribute('data-model') };
    },
    state,
    { timeout, message: `panel ${state ?? 'ready'}` },
  );
}

/**
 * Opens the panel's details as a user would (they are drawn only once opened) and lets the panel render.
 * Returns false when there is no toggle (the panel is loading or shows an error).
 */
export async function openDetails(page) {
  return page.evaluate(async () => {
    const root = document.querySelector('[data-hf-drift="panel"]')?.shadowRoot;
    const toggle = root?.querySelector('.details-toggle');
    if (!toggle) return false;
    if (toggle.getAttribute('aria-expanded') === 'false') toggle.click();
    // Their code is a view module of its own, fetched the first time they open.
    const until = Date.now() + 10_000;
    while (!root.querySelector('.details [data-details="ready"]') && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 10));
    return true;
  });
}

/** Waits until the panel's family statistics are computed (second push). */
export async function waitForFamily(page, timeout = 20_000) {
  await openDetails(page);
  return page.waitFor(
    () => {
      const root = document.querySelector('[data-hf-drift="panel"]')?.shadowRoot;
      // The family block is in the details; a re-render after a refresh may have closed nothing, but be sure.
      if (root?.querySelector('.details-toggle[aria-expanded="false"]')) root.querySelector('.details-toggle').click();
      return root?.querySelector('.details:not([hidden]) [data-details="ready"]') && !root.textContent.includes('Sampling the family') ? true : null;
    },
    undefined,
    { timeout, message: 'family statistics' },
  );
}

/** Reads the panel's DOM contract from inside its open shadow root. */
export async function panelFacts(page) {
  await openDetails(page);
  return page.evaluate(() => {
    const host = document.querySelector('[data-hf-drift="panel"]');
    const root = host?.shadowRoot;
    if (!root) return null;
    const rows = {};
    for (const row of root.querySelectorAll('[data-trait]')) rows[row.getAttribute('data-trait')] = row.getAttribute('data-change');
    return {
      panels: document.querySelectorAll('[data-hf-drift="panel"]').length,
      state: host.getAttribute('data-state'),
      model: host.getAttribute('data-model'),
      rows,
      relaxationFlags: root.querySelectorAll('[data-flag="license-relaxation"]').length,
      parents: [...root.querySelectorAll('a[data-parent]')].map((a) => ({ id: a.getAttribute('data-parent'), relation: a.getAttribute('data-relation'), href: a.getAttribute('href') })),
      children: Object.fromEntries([...root.querySelectorAll('[data-children]')].map((el) => [el.getAttribute('data-children'), el.textContent])),
      chainEnd: root.querySelector('[data-chain-end]')?.getAttribute('data-chain-end') ?? null,
      familyBlocks: [...root.querySelectorAll('[data-family]')].map((el) => el.getAttribute('data-family')),
      text: root.querySelector('.panel')?.textContent ?? '',
    };
  });
}

/** API/resolver requests the extension made at the offline Hub since `from` (pages excluded). */
export function hubCalls(hub, from = 0) {
  return hub.requests.slice(from).filter((r) => r.kind === 'api' || r.kind === 'resolvers');
}

export async function clearExtensionCache(session) {
  const page = await session.extensionPage('options.html');
  await page.evaluate(() => browser.runtime.sendMessage({ type: 'cache-clear' }));
  await page.close();
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Badges on the page: [{ model, flags, inCard }] in document order. */
export async function badgeFacts(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('[data-hf-drift-badge]')].map((host) => ({
      model: host.getAttribute('data-model'),
      flags: host.getAttribute('data-flags'),
      card: host.closest('article')?.querySelector('header[title]')?.getAttribute('title') ?? null,
    })),
  );
}

/** Model cards of a listing with how many badges each carries. */
export async function cardBadgeCounts(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('article.overview-card-wrapper')].map((card) => ({
      id: card.querySelector('header[title]')?.getAttribute('title'),
      badges: card.querySelectorAll('[data-hf-drift-badge]').length,
    })),
  );
}

/** Scrolls a listing to the bottom in steps so every card becomes visible once. */
export async function scrollThrough(page) {
  await page.evaluate(async () => {
    for (let y = 0; y <= document.body.scrollHeight; y += innerHeight / 2) {
      scrollTo(0, y);
      await new Promise((r) => setTimeout(r, 60));
    }
  });
}

export async function setSwitches(session, switches) {
  const page = await session.extensionPage('options.html');
  await page.evaluate(async (s) => {
    const current = (await browser.storage.local.get('featureSwitches')).featureSwitches ?? {};
    await browser.storage.local.set({ featureSwitches: { ...current, ...s } });
  }, switches);
  await page.close();
}

/**
 * A client-side navigation like the Hub's own: fetch the next page, swap <main>, pushState. The content
 * script sees only a URL change and new DOM, as it would after a Svelte route change.
 */
export async function softNavigate(page, path) {
  await page.evaluate(async (target) => {
    const html = await (await fetch(target)).text();
    const next = new DOMParser().parseFromString(html, 'text/html');
    document.querySelector('main').replaceWith(document.adoptNode(next.querySelector('main')));
    document.title = next.title;
    history.pushState({}, '', target);
  }, path);
}

/** Clicks a link to `href` from inside the page, as a user would (on the Hub: a full page load, or a download). */
export async function clickLink(page, href, { download } = {}) {
  await page.evaluate(({ target, file }) => {
    const link = document.createElement('a');
    link.href = target;
    if (file) link.download = file;
    document.body.append(link);
    link.click();
  }, { target: href, file: download });
}
