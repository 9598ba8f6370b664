// Listings of any family at any sort (issue 13.5): a children listing of a 5,000-child family sorted by
// trending, page 3, and the generic `/models` listing, each cold and warm. The request budget of a
// listing is derived from the offline Hub's data, not from the product's code:
//   1 list request (the page's own query mirrored to the API: filters, sort, page)
//   + 1 per distinct parent of the listed cards that the list itself does not hold (nothing is cached cold).
import { HUB } from '../../e2e/harness.mjs';
import { scrollThrough } from '../../e2e/lib.mjs';
import { webListing } from '../../hub/src/pages.mjs';
import { WIDEFAM_ROOT } from '../../hub/fixtures/wide-family.mjs';
import { badgeCounts, waitInPage } from './browsers.mjs';

/** A model's children listing as the Hub's Model tree links it (query value URL-encoded), here sorted by trending, page 3. */
export const WIDE_LISTING = `/models?other=${encodeURIComponent(`base_model:finetune:${WIDEFAM_ROOT}`)}&sort=trending&p=2`;
export const GENERIC_LISTING = '/models?sort=trending';

/**
 * The fewest requests that badge every card of `pagePath` cold, from the fixture: the cards the web listing
 * shows and their parents (ids as the Hub's tags give them, renames resolved).
 * @param {import('../../hub/server.d.mts').HubSnapshot} snapshot @param {string} pagePath
 */
export function listingMinimum(snapshot, pagePath) {
  const url = new URL(pagePath, 'https://huggingface.co');
  const cards = webListing(url.searchParams, snapshot).models.map((m) => m.id);
  const listed = new Set(cards);
  const parents = new Set(cards.flatMap((id) => snapshot.models.get(id)?.parents.ids ?? []));
  const toFetch = [...parents].filter((id) => !listed.has(id));
  // Cards of models without a parent get no badge (nothing drifted); ids a card link cannot carry are not cards.
  const badgeable = cards.filter((id) => /^[\w.-]+\/[\w.-]+$/.test(id) && (snapshot.models.get(id)?.parents.ids.length ?? 0) > 0);
  return {
    cards,
    badgeable,
    parents: [...parents],
    toFetch,
    total: 1 + toFetch.length,
    formula: `1 + ${toFetch.length} = ${1 + toFetch.length}`,
    explanation: `1 list request + ${toFetch.length} distinct parent(s) of the ${cards.length} cards not on the page (${parents.size - toFetch.length} listed with their children)`,
  };
}

/** Every card whose model has a parent carries its badge (a base model's card gets none). */
const expectedBadges = (ids) => {
  const cards = [...document.querySelectorAll('article.overview-card-wrapper')];
  const badged = new Set(cards.filter((c) => c.querySelector('[data-hf-drift-badge]')).map((c) => c.querySelector('a')?.getAttribute('href')?.slice(1)));
  return ids.every((id) => badged.has(id)) ? true : null;
};

/**
 * One view of a listing: open it, scroll through all cards, wait until every card of a model with a parent
 * (`badgeable`, from the fixture) has its badge, and count the extension's Hub requests once the Hub is quiet.
 * @param {any} bench the bench's shared helpers (see bench.mjs) @param {string} pagePath @param {string[]} badgeable
 */
export async function visitListing(bench, pagePath, badgeable) {
  const page = await bench.openPage(bench.session.context);
  const from = bench.hub.requests.length;
  await page.goto(`${HUB}${pagePath}`, { waitUntil: 'load' });
  await scrollThrough(page);
  await waitInPage(page, expectedBadges, badgeable, { message: `a badge on each of the ${badgeable.length} cards of models with a parent` });
  const counts = await page.evaluate(badgeCounts);
  const calls = await bench.settledCalls(from);
  await page.close();
  return { ...counts, calls: bench.describeCalls(calls) };
}

/**
 * The section: `runs` × (cold start → cold view → warm view) of both listings.
 * @param {any} bench @param {string} name @param {{ runs: number }} opts
 */
export async function largeListingSection(bench, name, { runs }) {
  const wide = listingMinimum(bench.hub.snapshot, WIDE_LISTING);
  const generic = listingMinimum(bench.hub.snapshot, GENERIC_LISTING);
  const results = { wide: { cold: [], warm: [] }, generic: { cold: [], warm: [] } };
  for (let i = 0; i < runs; i += 1) {
    for (const [key, path, minimum] of [['wide', WIDE_LISTING, wide], ['generic', GENERIC_LISTING, generic]]) {
      await bench.coldStart();
      const cold = await visitListing(bench, path, minimum.badgeable);
      const warm = await visitListing(bench, path, minimum.badgeable);
      results[key].cold.push(cold);
      results[key].warm.push(warm);
      bench.progress(`${key} listing run ${i + 1}/${runs}: cold ${cold.calls.length} requests, warm ${warm.calls.length} (${cold.badged}/${cold.cards} cards badged)`);
    }
  }
  bench.details[name] = { wide: { minimum: wide, ...results.wide }, generic: { minimum: generic, ...results.generic } };

  const badgedRow = (id, label, r, minimum) => {
    const all = [...r.cold, ...r.warm];
    const missing = Math.max(...all.map((v) => minimum.badgeable.length - v.badged));
    return { id, section: name, label, unit: 'count', value: missing, target: { op: '<=', value: 0, label: '0 cards without' },
      display: `${Math.min(...all.map((v) => v.badged))} of ${minimum.badgeable.length} cards badged (${all[0].cards} model cards, ${all[0].cards - minimum.badgeable.length} of models without a parent)` };
  };
  const w = results.wide;
  bench.rows.push({ id: 'wide-listing-cold-requests', section: name, label: `children of ${WIDEFAM_ROOT} (5,000), sort trending, page 3: requests, cold`, unit: 'requests',
    target: { op: '<=', value: 2 }, ...bench.countRow(w.cold.map((r) => r.calls.length)),
    note: `${WIDE_LISTING}: cold requests: ${bench.shortCalls(w.cold[0].calls)}; the fixture's minimum is ${wide.formula} (${wide.explanation})` });
  bench.rows.push({ id: 'wide-listing-warm-requests', section: name, label: 'same page: requests, warm', unit: 'requests', target: { op: '<=', value: 0 },
    ...bench.countRow(w.warm.map((r) => r.calls.length)), note: w.warm.some((r) => r.calls.length) ? `warm requests: ${bench.shortCalls(w.warm.flatMap((r) => r.calls))}` : undefined });
  bench.rows.push(badgedRow('wide-listing-badged', 'same page: cards with a badge after scrolling (cold and warm)', w, wide));

  const g = results.generic;
  bench.rows.push({ id: 'generic-listing-cold-requests', section: name, label: `generic listing ${GENERIC_LISTING}: requests, cold (target: 1 + distinct parents not on the page)`, unit: 'requests',
    target: { op: '<=', value: generic.total, label: `≤ ${generic.formula}` }, ...bench.countRow(g.cold.map((r) => r.calls.length)),
    note: `cold requests: ${bench.shortCalls(g.cold[0].calls)}; formula: ${generic.explanation}; parents to fetch: ${generic.toFetch.join(', ') || 'none'}` });
  bench.rows.push({ id: 'generic-listing-warm-requests', section: name, label: 'generic listing: requests, warm', unit: 'requests', target: { op: '<=', value: 0 },
    ...bench.countRow(g.warm.map((r) => r.calls.length)), note: g.warm.some((r) => r.calls.length) ? `warm requests: ${bench.shortCalls(g.warm.flatMap((r) => r.calls))}` : undefined });
  bench.rows.push(badgedRow('generic-listing-badged', 'generic listing: cards of models with a parent that have a badge after scrolling (cold and warm)', g, generic));
}
