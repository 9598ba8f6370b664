// HTML building blocks for the impersonated huggingface.co pages. Every piece of fixture data goes
// through escapeHtml (text and attributes alike): the pages must never execute hostile metadata; only
// the extension's own rendering is under test.
import { LISTING_SCRIPT_FUNCTIONS } from './listing-view.mjs';

/** @param {unknown} value */
export function escapeHtml(value) {
  return String(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const VOID_ELEMENTS = new Set(['img', 'input', 'br', 'hr', 'meta', 'link']);

/**
 * Serialises an element tree (`[tag, attrs, ...children]`, strings are text) to escaped HTML.
 * @param {any} node @returns {string}
 */
export function treeToHtml(node) {
  if (node === null || node === undefined || node === false) return '';
  if (typeof node === 'string' || typeof node === 'number') return escapeHtml(node);
  const [tag, attrs, ...children] = node;
  const attributes = Object.entries(attrs ?? {})
    .map(([name, value]) => (value === '' ? ` ${name}` : ` ${name}="${escapeHtml(value)}"`))
    .join('');
  if (VOID_ELEMENTS.has(tag)) return `<${tag}${attributes}>`;
  return `<${tag}${attributes}>${children.map(treeToHtml).join('')}</${tag}>`;
}

/**
 * A Svelte hydration island like the Hub's: props are HTML-escaped JSON in `data-props`.
 * @param {string} target @param {unknown} props @param {string} [inner]
 */
export function hydrater(target, props, inner = '') {
  return `<div class="SVELTE_HYDRATER contents" data-target="${escapeHtml(target)}" data-props="${escapeHtml(JSON.stringify(props))}">${inner}</div>`;
}

// Same logic as the Hub's head script: the `theme` cookie wins, else the system preference.
const THEME_SCRIPT =
  "<script>const guestTheme = document.cookie.match(/theme=(\\w+)/)?.[1]; document.documentElement.classList.toggle('dark', guestTheme === 'dark' || ( (!guestTheme || guestTheme === 'system') && window.matchMedia('(prefers-color-scheme: dark)').matches));</script>";

// A few Tailwind-named utilities so the pages look plausible without the Hub's remote stylesheet.
const STYLESHEET = `
*,:after,:before{box-sizing:border-box;border:0 solid #e5e7eb}
html{font-family:ui-sans-serif,system-ui,sans-serif;line-height:1.5;color:#111827;background:#fff}
body{margin:0}a{color:inherit;text-decoration:none}h1,h2,h4{margin:0}
button,select,input{font:inherit;color:inherit;background:transparent;border:0;padding:0}button{cursor:pointer}
ul{list-style:none;margin:0;padding:0}.prose ul{list-style:disc;padding-left:1.5rem;margin:0 0 1rem}
.prose table{border-collapse:collapse;margin:0 0 1rem;font-size:.875rem}.prose td{border:1px solid #e5e7eb;padding:.25rem .5rem}
.hidden{display:none}.h-16{height:4rem}.h-12{height:3rem}.flex-none{flex:none}.w-28{width:7rem}.w-full{width:100%}.ml-3{margin-left:.75rem}.ml-4{margin-left:1rem}.mt-6{margin-top:1.5rem}.mt-8{margin-top:2rem}.mb-6{margin-bottom:1.5rem}.mx-0\.5{margin:0 .125rem}.pr-4{padding-right:1rem}
.text-smd{font-size:.9375rem}section h2{font-size:1rem}.gap-x-1>*{margin-right:.25rem}.space-x-2>*+*{margin-left:.5rem}.sm\:justify-center{justify-content:center}
.btn{display:inline-flex;align-items:center;justify-content:center;border:1px solid #e5e7eb;border-radius:.5rem;padding:.25rem .75rem;background:#f9fafb}
.form-input{border:1px solid #e5e7eb;border-radius:.5rem;padding:.25rem .5rem;background:#fff}
.tag.active{border-color:#6366f1;background:#eef2ff}
.container{width:100%;max-width:1280px;margin:0 auto;padding:0 1rem}
.flex{display:flex}.inline-flex{display:inline-flex}.flex-col{flex-direction:column}.flex-wrap{flex-wrap:wrap}.flex-1{flex:1 1 0%}
.items-center{align-items:center}.items-baseline{align-items:baseline}.justify-between{justify-content:space-between}
.gap-4{gap:1rem}.gap-2{gap:.5rem}.mb-1{margin-bottom:.25rem}.mb-3{margin-bottom:.75rem}.mb-4{margin-bottom:1rem}.mr-1{margin-right:.25rem}.ml-1{margin-left:.25rem}
.p-2{padding:.5rem}.pt-6{padding-top:1.5rem}.pt-8{padding-top:2rem}.px-1\\.5{padding-left:.375rem;padding-right:.375rem}.px-2\\.5{padding-left:.625rem;padding-right:.625rem}.py-1{padding-top:.25rem;padding-bottom:.25rem}
.truncate{overflow:hidden;text-overflow:ellipsis;white-space:nowrap}.whitespace-nowrap{white-space:nowrap}
.font-mono{font-family:ui-monospace,monospace}.font-semibold{font-weight:600}.text-sm{font-size:.875rem}.text-lg{font-size:1.125rem}
.text-gray-400{color:#9ca3af}.text-gray-500{color:#6b7280}.text-gray-300{color:#d1d5db}
.border-b{border-bottom-width:1px}.border{border-width:1px}.rounded-lg{border-radius:.5rem}
.bg-linear-to-t{background:linear-gradient(to top,#f9fafb,#fff)}
.tag{display:inline-flex;align-items:center;gap:.25rem;height:1.75rem;padding:0 .5rem;border:1px solid #e5e7eb;border-radius:.5rem;font-size:.875rem;background:#fff}
.mb-1.mr-1{margin:0 .375rem .375rem 0}
.tab-alternate{display:inline-flex;align-items:center;height:3rem;padding:0 .75rem;border-bottom:2px solid transparent;color:#6b7280}
.tab-alternate.active{border-color:#111827;color:#111827;font-weight:600}
.grid{display:grid}.gap-5{gap:1.25rem}
@media (min-width:768px){.md\\:block{display:block}.md\\:grid{display:grid}.md\\:grid-cols-12{grid-template-columns:repeat(12,minmax(0,1fr))}.md\\:col-span-7{grid-column:span 7/span 7}.md\\:col-span-5{grid-column:span 5/span 5}.md\\:border-l{border-left-width:1px}.md\\:pl-6{padding-left:1.5rem}.md\\:gap-6{gap:1.5rem}}
@media (min-width:1280px){.xl\\:hidden{display:none}.xl\\:inline{display:inline}}
@media (min-width:1024px){.lg\\:block{display:block}.lg\\:grid-cols-10{grid-template-columns:repeat(10,minmax(0,1fr))}.lg\\:col-span-3{grid-column:span 3/span 3}.lg\\:col-span-7{grid-column:span 7/span 7}.lg\\:grid{display:grid}}
.overview-card-wrapper{border:1px solid #e5e7eb;border-radius:.5rem;background:linear-gradient(to right,#f9fafb,#fff)}
.model-card-content{overflow-wrap:anywhere}.model-card-content pre{overflow:auto;background:#f3f4f6;padding:.75rem;border-radius:.5rem}
.model-tree{border:1px solid #e5e7eb;border-radius:.5rem;padding:.5rem .75rem}
.model-tree>div{display:flex;gap:.75rem;padding:.25rem 0}
.gate-box{border:1px solid #fde68a;background:#fffbeb;border-radius:.5rem;padding:1rem;margin-bottom:1rem}
html.dark{color:#e5e7eb;background:#0b0f19}
html.dark body{background:#0b0f19}
html.dark .bg-linear-to-t{background:linear-gradient(to top,#111827,#0b0f19)}
html.dark .tag,html.dark .overview-card-wrapper,html.dark .model-tree,html.dark .btn,html.dark .form-input{background:#111827;border-color:#1f2937}
html.dark .prose td,html.dark .border{border-color:#1f2937}html.dark .tag.active{background:#1e1b4b;border-color:#6366f1}
html.dark .tab-alternate.active{border-color:#e5e7eb;color:#e5e7eb}
html.dark .model-card-content pre{background:#111827}
html.dark .gate-box{background:#1f1a0b;border-color:#78350f}
`;

/**
 * @param {{ session?: boolean }} [options]
 */
function mainHeader({ session = false } = {}) {
  const nav = [
    ['/models', 'Models'],
    ['/datasets', 'Datasets'],
    ['/spaces', 'Spaces'],
    ['/docs', 'Docs'],
    ['/blog', 'Blog'],
  ]
    .map(([href, label]) => `<li><a class="group flex items-center px-2 py-0.5 hover:text-indigo-700" href="${href}">${label}</a></li>`)
    .join('');
  const inner = `<header class="border-b border-gray-100 bg-white dark:border-gray-900 dark:bg-gray-950"><div class="w-full px-4 container flex h-16 items-center"><div class="flex flex-1 items-center"><a class="mr-5 flex flex-none items-center lg:mr-6" href="/"><span class="hidden whitespace-nowrap text-lg font-bold md:block">Hugging Face</span></a></div><nav aria-label="Main" class="ml-auto hidden lg:block"><ul class="flex items-center gap-x-1 2xl:gap-x-2">${nav}<li><a class="whitespace-nowrap px-2 py-0.5" href="/login">Log In</a></li><li><a class="whitespace-nowrap rounded-full border px-3 py-1" href="/join">Sign Up</a></li></ul></nav></div></header>`;
  return hydrater('MainHeader', { classNames: '', isWide: false, isZh: false, isPro: false, isLoggedIn: session }, inner);
}

/**
 * The whole document, with the Hub's head (theme script, canonical link) and no remote resources.
 * @param {{ title: string, path: string, bodyClass?: string, main: string, script?: string }} page
 */
export function layout({ title, path, bodyClass = '', main, script = '' }) {
  return `<!doctype html>
<html class="">
	<head>
		<meta charset="utf-8" />
		<meta name="viewport" content="width=device-width, initial-scale=1.0, user-scalable=no" />
		<meta name="description" content="We’re on a journey to advance and democratize artificial intelligence through open source and open science." />
		<meta property="og:title" content="${escapeHtml(title)}" />
		<meta property="og:type" content="website" />
		<meta property="og:url" content="https://huggingface.co${escapeHtml(path)}" />
		${THEME_SCRIPT}
<link rel="canonical" href="https://huggingface.co${escapeHtml(path)}">
		<title>${escapeHtml(title)}</title>
		<style>${STYLESHEET}</style>
	</head>
	<body class="flex flex-col min-h-dvh bg-white dark:bg-gray-950 text-black ${escapeHtml(bodyClass)}">
		<div class="flex min-h-dvh flex-col">${hydrater('DeviceProvider', {})}
	${hydrater('SystemThemeMonitor', { isLoggedIn: false })}
	${mainHeader()}
	<main class="flex flex-1 flex-col">${main}</main>
	<footer class="border-t border-gray-100 py-6 text-sm text-gray-400"><div class="container">Offline Hub · fixture data only</div></footer>
		</div>${script}
	</body>
</html>
`;
}

/**
 * The listing page's client-side re-render (like the Hub's Svelte listing): intercepts filter, sort,
 * search and pagination, fetches /models-json, rebuilds cards with DOM APIs and pushes the new URL.
 * Only constants we control are inlined; fixture data arrives as JSON and becomes text nodes.
 * @param {number} nowMs @param {Record<string, string>} pipelineLabels
 */
export function listingScript(nowMs, pipelineLabels) {
  const helpers = LISTING_SCRIPT_FUNCTIONS.map((fn) => fn.toString()).join('\n');
  return `<script>
(() => {
${helpers}
const NOW = ${JSON.stringify(nowMs)};
const LABELS = ${JSON.stringify(pipelineLabels)};
const toNode = (node) => {
  if (typeof node === 'string' || typeof node === 'number') return document.createTextNode(String(node));
  const [tag, attrs, ...children] = node;
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) element.setAttribute(name, value);
  for (const child of children) element.append(toNode(child));
  return element;
};
const listRoot = () => document.querySelector('[data-target="ModelList"]');
if (!listRoot()) return;
// Like Svelte on the real Hub: a new page or filter REPLACES the whole list container (hub-pages.md);
// nothing inside the old one (cards, anything added to them) survives.
const render = (data, search) => {
  const old = listRoot();
  const next = old.cloneNode(false);
  next.setAttribute('data-props', JSON.stringify({ initialValues: data, apps: [], hardwareOptions: [] }));
  const bar = old.firstElementChild.cloneNode(true);
  const grid = old.querySelector('[data-models-grid]').cloneNode(false);
  const query = cardLinkQuery(search);
  grid.append(...data.models.map((m) => toNode(modelCardTree(m, NOW, LABELS, query))));
  const pagination = old.querySelector('[data-models-pagination]').cloneNode(false);
  const pages = Math.max(1, Math.ceil(data.numTotalItems / data.numItemsPerPage));
  pagination.append(toNode(paginationTree(data.pageIndex, pages, (p) => listingHref(search, p))));
  next.append(bar, grid, pagination);
  next.querySelector('[data-models-count]').textContent = data.numTotalItems.toLocaleString('en-US');
  const params = new URLSearchParams(search);
  const select = next.querySelector('select[name="sort"]');
  if (select) select.value = params.get('sort') || 'trending';
  const input = next.querySelector('input[name="search"]');
  if (input) input.value = params.get('search') || '';
  old.replaceWith(next);
  for (const link of document.querySelectorAll('[data-filter-key]')) {
    const key = link.getAttribute('data-filter-key');
    const value = link.getAttribute('data-filter-value');
    const active = params.getAll(key).includes(value);
    link.classList.toggle('active', active);
    link.setAttribute('aria-pressed', String(active));
    link.setAttribute('href', filterHref(search, key, value));
  }
};
const navigate = async (url, push) => {
  const params = new URLSearchParams(url.search);
  params.set('withCount', 'true');
  let response;
  try { response = await fetch('/models-json?' + params.toString()); } catch { response = null; }
  if (!response || !response.ok) { location.assign(url.href); return; }
  render(await response.json(), url.search);
  if (push) history.pushState({ listing: true }, '', url.pathname + url.search);
};
document.addEventListener('click', (event) => {
  const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
  if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
  const url = new URL(link.href, location.href);
  if (url.origin !== location.origin || url.pathname !== '/models') return;
  event.preventDefault();
  navigate(url, true);
});
const withParam = (name, value) => {
  const url = new URL(location.href);
  if (value) url.searchParams.set(name, value); else url.searchParams.delete(name);
  url.searchParams.delete('p');
  return url;
};
// Delegated: the sort box and the search form are replaced with the container.
document.addEventListener('change', (event) => {
  if (event.target instanceof Element && event.target.matches('[data-target="ModelList"] select[name="sort"]')) navigate(withParam('sort', event.target.value), true);
});
document.addEventListener('submit', (event) => {
  if (!(event.target instanceof Element) || !event.target.matches('form[data-models-search]')) return;
  event.preventDefault();
  navigate(withParam('search', new FormData(event.target).get('search')), true);
});
window.addEventListener('popstate', () => navigate(new URL(location.href), false));
})();
</script>`;
}
