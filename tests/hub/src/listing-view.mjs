// Markup of listing cards and pagination as element trees (`[tag, attrs, ...children]`), shared by the
// server (serialised to escaped HTML) and by the listing page's inline script (materialised with DOM
// APIs after a client-side re-render). The functions are stringified into that script, so each one
// must stay self-contained: no imports, no closures over module scope, only the helpers listed in
// LISTING_SCRIPT_FUNCTIONS.

/**
 * @typedef {[string, Record<string, string> | null, ...any[]]} ElementTree
 * @typedef {{ id: string, pipeline_tag?: string, lastModified: string, downloads: number, likes: number, gated?: unknown }} ListedModel
 */

/** "6.38M", "6.68k", "999", as the Hub's meta line shows counts. @param {number} value */
export function formatCompact(value) {
  const units = [[1e9, 'B'], [1e6, 'M'], [1e3, 'k']];
  for (const [size, suffix] of units) {
    if (value >= size) {
      const scaled = value / Number(size);
      const text = scaled >= 100 ? Math.round(scaled).toString() : scaled >= 10 ? scaled.toFixed(1) : scaled.toFixed(2);
      return text.replace(/\.0+$/, '').replace(/(\.\d*[1-9])0+$/, '$1') + suffix;
    }
  }
  return String(value);
}

/** "3 days ago", "about 1 year ago", relative to a fixed snapshot time. @param {string} iso @param {number} nowMs */
export function timeAgo(iso, nowMs) {
  const seconds = Math.max(0, Math.round((nowMs - Date.parse(iso)) / 1000));
  const steps = [[31_536_000, 'year'], [2_592_000, 'month'], [86_400, 'day'], [3_600, 'hour'], [60, 'minute']];
  for (const [size, unit] of steps) {
    const count = Math.floor(seconds / Number(size));
    if (count >= 1) return `${unit === 'year' && count === 1 ? 'about ' : ''}${count} ${unit}${count === 1 ? '' : 's'} ago`;
  }
  return 'just now';
}

/**
 * The query a card link carries on a filtered listing: with a hardware, apps or library filter on, the
 * real Hub links cards as `https://huggingface.co/{owner}/{name}?hardware=…` (hub-pages.md); '' otherwise.
 * @param {string} search
 */
export function cardLinkQuery(search) {
  const params = new URLSearchParams(search);
  const kept = new URLSearchParams();
  for (const key of ['hardware', 'apps', 'library']) for (const value of params.getAll(key)) kept.append(key, value);
  return kept.toString();
}

/**
 * One `article.overview-card-wrapper`, as on /models, org pages and collections.
 * @param {ListedModel} model @param {number} nowMs @param {Record<string, string>} pipelineLabels
 * @param {string} [linkQuery] from cardLinkQuery: makes the link absolute with that query
 * @returns {ElementTree}
 */
export function modelCardTree(model, nowMs, pipelineLabels, linkQuery = '') {
  const dot = () => ['span', { class: 'px-1.5 text-gray-300' }, '•'];
  /** @type {any[]} */
  const meta = [];
  if (model.pipeline_tag) {
    meta.push(['span', { class: 'truncate' }, pipelineLabels[model.pipeline_tag] || model.pipeline_tag], dot());
  }
  meta.push(
    ['span', { class: 'truncate' }, 'Updated ', ['time', { datetime: model.lastModified, title: new Date(model.lastModified).toUTCString() }, timeAgo(model.lastModified, nowMs)]],
    dot(),
    ['span', { class: 'flex items-center', title: 'Downloads' }, formatCompact(model.downloads)],
    dot(),
    ['span', { class: 'flex items-center', title: 'Likes' }, formatCompact(model.likes)],
  );
  return [
    'article',
    { class: 'overview-card-wrapper group/repo from-gray-50-to-white hover:bg-linear-to-r dark:from-gray-900 dark:to-gray-950 dark:hover:bg-linear-to-r' },
    [
      'a',
      { class: 'flex items-center justify-between gap-4 p-2', href: linkQuery ? `https://huggingface.co/${model.id}?${linkQuery}` : `/${model.id}` },
      [
        'div',
        { class: 'w-full truncate' },
        [
          'header',
          { class: 'flex items-center mb-1', title: model.id },
          ['h4', { class: 'text-md truncate font-mono text-black dark:group-hover/repo:text-yellow-500 group-hover/repo:text-indigo-600 text-smd' }, model.id],
        ],
        ['div', { class: 'mr-1 flex items-center overflow-hidden whitespace-nowrap text-sm leading-tight text-gray-400' }, ...meta],
      ],
    ],
  ];
}

/**
 * Previous / numbered / Next links; `hrefFor(pageIndex)` builds each URL.
 * @param {number} pageIndex @param {number} pageCount @param {(page: number) => string} hrefFor
 * @returns {ElementTree}
 */
export function paginationTree(pageIndex, pageCount, hrefFor) {
  const linkClass = 'flex items-center rounded-lg px-2.5 py-1 hover:bg-gray-50 dark:hover:bg-gray-800';
  const disabledClass = 'flex items-center rounded-lg px-2.5 py-1 pointer-events-none text-gray-400';
  /** @type {any[]} */
  const items = [];
  items.push(['li', null, pageIndex > 0 ? ['a', { class: linkClass, href: hrefFor(pageIndex - 1) }, '← Previous'] : ['span', { class: disabledClass }, '← Previous']]);
  /** @type {number[]} */
  const shown = [];
  for (let page = 0; page < pageCount; page += 1) {
    if (page < 2 || page >= pageCount - 2 || Math.abs(page - pageIndex) <= 1) shown.push(page);
  }
  let previous = -1;
  for (const page of shown) {
    if (page - previous > 1) items.push(['li', null, ['span', { class: 'px-2.5 py-1 text-gray-400' }, '...']]);
    items.push([
      'li',
      null,
      page === pageIndex
        ? ['a', { class: 'rounded-lg px-2.5 py-1 bg-gray-50 font-semibold ring-1 ring-inset ring-gray-200 dark:bg-gray-800 dark:ring-gray-700', href: hrefFor(page), 'aria-current': 'page' }, String(page + 1)]
        : ['a', { class: 'rounded-lg px-2.5 py-1 hover:bg-gray-50 dark:hover:bg-gray-800', href: hrefFor(page) }, String(page + 1)],
    ]);
    previous = page;
  }
  items.push(['li', null, pageIndex < pageCount - 1 ? ['a', { class: linkClass, href: hrefFor(pageIndex + 1) }, 'Next →'] : ['span', { class: disabledClass }, 'Next →']]);
  return ['nav', { 'aria-label': 'Pagination', class: 'mt-8' }, ['ul', { class: 'flex select-none items-center justify-between space-x-2 text-gray-700 sm:justify-center dark:text-gray-300' }, ...items]];
}

/**
 * `href` for page `page` of the listing at `search` (keeps every other parameter).
 * @param {string} search @param {number} page
 */
export function listingHref(search, page) {
  const params = new URLSearchParams(search);
  params.delete('withCount');
  if (page > 0) params.set('p', String(page));
  else params.delete('p');
  const query = params.toString();
  return query ? `/models?${query}` : '/models';
}

/**
 * `href` of a filter chip: toggles `key=value` on the listing at `search` and goes back to page 1.
 * @param {string} search @param {string} key @param {string} value
 */
export function filterHref(search, key, value) {
  const params = new URLSearchParams(search);
  params.delete('withCount');
  params.delete('p');
  if (params.getAll(key).includes(value)) params.delete(key);
  else params.set(key, value);
  return listingHref(params.toString(), 0);
}

/** Functions the inline listing script needs, in dependency order. */
export const LISTING_SCRIPT_FUNCTIONS = [formatCompact, timeAgo, cardLinkQuery, modelCardTree, paginationTree, listingHref, filterHref];
