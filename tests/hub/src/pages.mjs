// HTML pages of the impersonated huggingface.co, modelled on the captured blob page
// (tests/fixtures/hub-samples/page-props_ModelHeader_imageomics_biocap_2026-02-02.json and the HTML excerpt it came
// from) and the descriptions in hub-api.md §4. Pages carry no remote resources.
import { escapeHtml, hydrater, layout, listingScript, treeToHtml } from './html.mjs';
import { cardLinkQuery, filterHref, listingHref, modelCardTree, paginationTree } from './listing-view.mjs';
import { WEB_SORTS, filterModels, sortedModels } from './query.mjs';
import { treeEntries } from './api.mjs';
import { avatarUrlFor, ownerProfile } from './owners.mjs';
import { LANGUAGES, LIBRARIES, PIPELINES } from '../fixtures/taxonomy.mjs';
import { SNAPSHOT_NOW, sha1Hex, toList } from '../fixtures/util.mjs';

/**
 * @typedef {import('../fixtures/snapshot.mjs').HubSnapshot} HubSnapshot
 * @typedef {import('../fixtures/snapshot.mjs').ModelEntry} ModelEntry
 * @typedef {import('./api.mjs').Reply} Reply
 */

export const ITEMS_PER_PAGE = 30;
const PIPELINE_LABELS = Object.fromEntries(Object.entries(PIPELINES).map(([id, { label }]) => [id, label]));
const RELATION_LABELS = { finetune: 'Finetuned', quantized: 'Quantized', adapter: 'Adapter', merge: 'Merge' };
const CHILD_ROWS = /** @type {const} */ ([['adapter', 'Adapters'], ['finetune', 'Finetunes'], ['merge', 'Merges'], ['quantized', 'Quantizations']]);

/** @param {string} html @param {number} [status] @returns {Reply} */
export function htmlReply(html, status = 200) {
  return { status, body: html, type: 'text/html; charset=utf-8' };
}

/** @param {string} path @returns {Reply} */
export function notFoundPage(path) {
  return htmlReply(
    layout({
      title: '404 – Hugging Face',
      path,
      main: `<div class="container flex flex-col items-center pt-8"><h1 class="text-lg font-semibold">404</h1><p class="text-gray-500">Sorry, we can't find the page you are looking for.</p></div>`,
    }),
    404,
  );
}

/** @param {number} n */
const withCommas = (n) => n.toLocaleString('en-US');

/**
 * `tag_objs` as the Hub computes them from tags (order as in the captured props).
 * @param {ModelEntry} entry @param {HubSnapshot} snapshot
 */
export function tagObjects(entry, snapshot) {
  const { info } = entry;
  const languages = new Set([...toList(info.cardData?.language), 'multilingual']);
  /** @type {Record<string, any[]>} */
  const groups = { pipeline: [], library: [], dataset: [], language: [], doi: [], other: [], arxiv: [], license: [], region: [] };
  if (info.pipeline_tag) {
    const known = PIPELINES[info.pipeline_tag];
    groups.pipeline.push({ id: info.pipeline_tag, label: known?.label ?? info.pipeline_tag, type: 'pipeline_tag', ...(known ? { subType: known.subType } : {}) });
  }
  for (const tag of /** @type {string[]} */ (info.tags)) {
    if (tag === info.pipeline_tag || tag.startsWith('base_model:')) continue;
    if (tag in LIBRARIES) groups.library.push({ id: tag, label: LIBRARIES[tag], type: 'library' });
    else if (tag.startsWith('dataset:')) {
      const id = tag.slice('dataset:'.length);
      groups.dataset.push({ id: tag, label: id, type: 'dataset', extra: { disabled: !(id in snapshot.datasets) } });
    } else if (languages.has(tag)) groups.language.push({ id: tag, label: LANGUAGES[tag] ?? tag, type: 'language' });
    else if (tag.startsWith('doi:')) groups.doi.push({ id: tag, label: tag, type: 'doi' });
    else if (tag.startsWith('arxiv:')) {
      const title = entry.pageExtras?.paperTitles?.[tag.slice('arxiv:'.length)];
      groups.arxiv.push({ id: tag, label: tag, type: 'arxiv', ...(title ? { extra: { paperTitle: title } } : {}) });
    } else if (tag.startsWith('license:')) groups.license.push({ id: tag, label: tag.slice('license:'.length), type: 'license' });
    else if (tag === 'region:us') groups.region.push({ type: 'region', label: '🇺🇸 Region: US', id: 'region:us' });
    else groups.other.push({ id: tag, label: tag, type: 'other', clickable: true });
  }
  return Object.values(groups).flat();
}

/** @param {ModelEntry} entry @returns {{ closed: number, open: number, total: number }} */
function discussionsStats(entry) {
  if (entry.pageExtras?.discussionsStats) return entry.pageExtras.discussionsStats;
  const { id } = entry.info;
  const open = parseInt(sha1Hex(`discussions:${id}`).slice(0, 2), 16) % 7;
  const closed = parseInt(sha1Hex(`closed:${id}`).slice(0, 2), 16) % 5;
  return { closed, open, total: open + closed };
}

/**
 * Props of `div.SVELTE_HYDRATER[data-target="ModelHeader"]` (key order as captured).
 * @param {ModelEntry} entry @param {string} activeTab @param {HubSnapshot} snapshot
 */
export function modelHeaderProps(entry, activeTab, snapshot) {
  const { info } = entry;
  /** @type {Record<string, unknown>} */
  const model = {};
  const put = (/** @type {string} */ key, /** @type {unknown} */ value) => {
    if (value !== undefined) model[key] = value;
  };
  put('author', info.author);
  put('cardData', info.cardData);
  put('cardExists', entry.readme !== null);
  put('config', info.config);
  put('createdAt', info.createdAt);
  put('discussionsDisabled', false);
  put('discussionsSorting', 'recently-created');
  put('downloads', info.downloads);
  put('downloadsAllTime', entry.downloadsAllTime);
  put('doi', entry.pageExtras?.doi);
  put('id', info.id);
  put('isLikedByUser', false);
  put('availableInferenceProviders', []);
  put('inference', info.inference ?? '');
  put('lastModified', info.lastModified);
  put('likes', info.likes);
  put('pipeline_tag', info.pipeline_tag);
  put('library_name', info.library_name);
  put('librariesOther', []);
  put('trackDownloads', true);
  put('model-index', info['model-index']);
  put('private', info.private);
  put('repoType', 'model');
  put('gated', info.gated);
  put('tags', info.tags);
  put('tag_objs', tagObjects(entry, snapshot));
  put('transformersInfo', info.transformersInfo);
  put('widgetData', info.widgetData);
  put('safetensors', info.safetensors ? { ...info.safetensors, sharded: info.siblings.some((/** @type {{rfilename: string}} */ s) => /-of-\d+\.safetensors$/.test(s.rfilename)) } : undefined);
  put('gguf', info.gguf);
  put('hasBlockedOids', false);
  put('region', 'us');
  put('isQuantized', entry.parents.relation === 'quantized' || Boolean(info.gguf));
  return {
    activeTab,
    author: ownerProfile(snapshot, info.author),
    canReadRepoSettings: false,
    canWriteRepoContent: false,
    canDisable: false,
    model,
    discussionsStats: discussionsStats(entry),
    query: {},
    inferenceContextData: { billableEntities: [], entityName2Providers: {} },
  };
}

/** @param {string} href @param {string} inner */
const chipLink = (href, inner) => `<a class="mb-1 mr-1 md:mb-1.5 md:mr-1.5 rounded-lg" href="${escapeHtml(href)}"><div class="tag   tag-white ">${inner}</div></a>`;
/** @param {string} inner @param {string} [shape] */
const chipButton = (inner, shape = 'rounded-lg') =>
  `<div class="relative inline-block "><button class="group mr-1 mb-1 md:mr-1.5 md:mb-1.5  ${shape} rounded-br-none " type="button"><div slot="button"><div class="tag ${shape === 'rounded-full' ? 'rounded-full ' : ''} tag-white relative rounded-br-none pr-2.5">${inner}</div></div></button></div>`;
/** @param {string} key @param {string} value */
const query = (key, value) => new URLSearchParams({ [key]: value }).toString();

/** The tag-chip row `div.mb-3.flex.flex-wrap`. @param {any[]} tagObjs */
function chipRow(tagObjs) {
  const chips = [];
  const datasets = tagObjs.filter((t) => t.type === 'dataset');
  for (const tag of tagObjs) {
    const label = `<span>${escapeHtml(tag.label)}</span>`;
    if (tag.type === 'pipeline_tag') chips.push(chipLink(`/models?${query('pipeline_tag', tag.id)}`, `<div class="tag-ico -ml-2 tag-ico-blue"></div>${label}`));
    else if (tag.type === 'library') chips.push(chipLink(`/models?${query('library', tag.id)}`, label));
    else if (tag.type === 'dataset' && tag === datasets[0]) {
      chips.push(
        datasets.length === 1
          ? chipLink(`/datasets/${tag.label}`, `<span class="-mr-1 text-gray-400">Dataset:</span> ${label}`)
          : `<button class="mb-1 mr-1 md:mb-1.5 md:mr-1.5 rounded-lg" type="button"><div class="tag   tag-white "><span>${datasets.length} datasets</span></div></button>`,
      );
    } else if (tag.type === 'language') chips.push(chipLink(`/models?${query('language', tag.id)}`, label));
    else if (tag.type === 'doi') chips.push(chipButton(label));
    else if (tag.type === 'other') chips.push(chipLink(`/models?${query('other', tag.id)}`, label));
    else if (tag.type === 'arxiv') chips.push(chipButton(`<span class="-mr-2 text-gray-400">arxiv:</span>\n\t\t<span>${escapeHtml(tag.id.slice(6))}</span>`, 'rounded-full'));
    else if (tag.type === 'license') chips.push(chipButton(`<span class="-mr-1 text-gray-400">License:</span>\n\n\t<span>${escapeHtml(tag.label)}</span>`, 'rounded-full'));
  }
  return `<div class="mb-3 flex flex-wrap md:mb-4">\n\t\t${chips.join('\n\t\t')}</div>`;
}

/**
 * @param {string} id @param {'model' | 'files' | 'community'} activeTab
 */
function tabs(id, activeTab) {
  const tab = (/** @type {string} */ href, /** @type {boolean} */ active, /** @type {string} */ label) =>
    `<a class="tab-alternate${active ? ' active' : ''}" href="${escapeHtml(href)}">\n\t${label}\n\t\t</a>`;
  return `<div class="flex flex-col-reverse lg:flex-row lg:items-center lg:justify-between"><div class="-mb-px flex h-12 items-center overflow-x-auto overflow-y-hidden ">
	${tab(`/${id}`, activeTab === 'model', 'Model card')}${tab(`/${id}/tree/main`, activeTab === 'files', '<span class="xl:hidden">Files</span>\n\t\t<span class="hidden xl:inline">Files and versions</span>')}${tab(`/${id}/discussions`, activeTab === 'community', 'Community')}</div>
<div class="relative mb-1.5 flex flex-wrap gap-1.5 sm:flex-nowrap lg:mb-0"><div class="relative flex-auto sm:flex-none">
	<button class="from-gray-800! to-black! text-white! gap-1! border-gray-800! dark:border-gray-900!  btn w-full cursor-pointer text-sm" type="button">Use this model</button></div></div>
	</div>`;
}

/**
 * The ModelHeader island with its server-rendered header (owner/name h1, chips, tabs).
 * @param {ModelEntry} entry @param {'model' | 'files' | 'community'} activeTab @param {HubSnapshot} snapshot
 */
export function modelHeader(entry, activeTab, snapshot) {
  const props = modelHeaderProps(entry, activeTab, snapshot);
  const { id, author } = entry.info;
  const name = id.slice(author.length + 1);
  const profile = props.author;
  const header = `
<header class="bg-linear-to-t border-b border-gray-100 pt-6 sm:pt-9 from-gray-50-to-white via-white dark:via-gray-950"><div class="container relative "><h1 class="flex flex-wrap items-center max-md:leading-tight mb-3 text-lg max-sm:gap-y-1.5 md:text-xl">
			<div class="group flex flex-none items-center"><span class="inline-block "><span class="contents"><a href="/${escapeHtml(author)}" class="text-gray-400 hover:text-blue-600">${escapeHtml(author)}</a></span>
	</span>
		<div class="mx-0.5 text-gray-300">/</div></div>

<div class="max-w-full "><a class="break-words font-mono font-semibold hover:text-blue-600 " href="/${escapeHtml(id)}">${escapeHtml(name)}</a>
	<button class="text-sm mr-4 focus:outline-hidden inline-flex cursor-pointer items-center text-sm  mx-0.5   text-gray-600 " title="Copy model name to clipboard" type="button"></button></div>
			<div class="inline-flex items-center overflow-hidden whitespace-nowrap rounded-md border bg-white text-sm leading-none text-gray-500  mr-2"><button class="relative flex items-center overflow-hidden px-1.5 py-1 focus:outline-hidden" title="Like"><span class="ml-4 pl-0.5 ">like</span></button>
	<button class="focus:outline-hidden flex items-center border-l px-1.5 py-1 text-gray-400" title="See users who liked this repository">${escapeHtml(withCommas(entry.info.likes))}</button></div>
			<div class="relative flex items-center gap-1.5  "><div class="mr-2 inline-flex h-6 items-center overflow-hidden whitespace-nowrap rounded-md border text-sm text-gray-500"><button class="focus:outline-hidden relative flex h-full max-w-56 items-center gap-1.5 overflow-hidden px-1.5" type="button"><div class="flex h-full flex-1 items-center justify-center ">Follow</div>
		<span class="truncate">${escapeHtml(profile.fullname)}</span></button>
	<button class="focus:outline-hidden flex h-full items-center border-l pl-1.5 pr-1.5 text-gray-400" title="Show ${escapeHtml(profile.fullname)}'s followers" type="button">${escapeHtml(profile.followerCount)}</button></div>
		</div>
	</h1>
		${chipRow(/** @type {any[]} */ (props.model.tag_objs))}
		${tabs(id, activeTab)}</div></header>`;
  return hydrater('ModelHeader', props, header);
}

/**
 * Model-card markdown as escaped blocks (headings, lists, tables, code, paragraphs). No raw HTML and no
 * links are ever produced from the text.
 * @param {string} markdown
 */
export function renderCardBody(markdown) {
  const lines = markdown.replace(/<!--[\s\S]*?-->/g, '').split('\n');
  /** @type {string[]} */
  const blocks = [];
  /** @type {string[]} */
  let paragraph = [];
  const flush = () => {
    if (paragraph.length > 0) blocks.push(`<p>${escapeHtml(paragraph.join(' '))}</p>`);
    paragraph = [];
  };
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i];
    if (line.startsWith('```')) {
      flush();
      const code = [];
      for (i += 1; i < lines.length && !lines[i].startsWith('```'); i += 1) code.push(lines[i]);
      blocks.push(`<pre><code>${escapeHtml(code.join('\n'))}</code></pre>`);
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      flush();
      blocks.push(`<h${heading[1].length}>${escapeHtml(heading[2])}</h${heading[1].length}>`);
      continue;
    }
    if (/^\s*[-*]\s+/.test(line)) {
      flush();
      const items = [];
      for (; i < lines.length && /^\s*[-*]\s+/.test(lines[i]); i += 1) items.push(`<li>${escapeHtml(lines[i].replace(/^\s*[-*]\s+/, ''))}</li>`);
      i -= 1;
      blocks.push(`<ul>${items.join('')}</ul>`);
      continue;
    }
    if (line.startsWith('|')) {
      flush();
      const rows = [];
      for (; i < lines.length && lines[i].startsWith('|'); i += 1) {
        if (/^\|[\s:|-]+\|?\s*$/.test(lines[i])) continue;
        const cells = lines[i].replace(/^\||\|\s*$/g, '').split('|').map((c) => `<td>${escapeHtml(c.trim())}</td>`);
        rows.push(`<tr>${cells.join('')}</tr>`);
      }
      i -= 1;
      blocks.push(`<table>${rows.join('')}</table>`);
      continue;
    }
    if (line.trim() === '') flush();
    else paragraph.push(line.trim());
  }
  flush();
  return blocks.join('\n');
}

/** The README without its YAML front matter. @param {string} readme */
export function stripFrontMatter(readme) {
  const match = /^---\n[\s\S]*?\n---\n?/.exec(readme);
  return match ? readme.slice(match[0].length) : readme;
}

/** @param {number} n */
function paramsLabel(n) {
  if (n >= 1e9) return `${Number((n / 1e9).toFixed(2))}B params`;
  if (n >= 1e6) return `${Math.round(n / 1e6)}M params`;
  return `${n} params`;
}

/** Apps the Hub offers beside a Quantizations row (their links also carry `base_model:`). */
const QUANT_APPS = ['llama.cpp', 'lmstudio', 'jan', 'ollama'];

/**
 * "Model tree for {id}" as text exports of real pages show it (hub-pages.md): an h2 with a link to the
 * docs, then one `div.flex` row per relation with a `div.font-semibold` label and links holding
 * `base_model:`. "Finetuned ( 16 )" counts this model's siblings (a link to the parent's list, then
 * "this model"); the child rows end in "N models" → `/models?other=base_model:{relation}:{id}`.
 * @param {ModelEntry} entry @param {HubSnapshot} snapshot
 */
function modelTree(entry, snapshot) {
  const { id } = entry.info;
  const counts = snapshot.childrenCount(id);
  const rows = [];
  const row = (/** @type {string} */ label, /** @type {string} */ body) =>
    `<div class="flex items-center gap-3"><div class="font-semibold w-28 flex-none">${label}</div><div class="flex flex-wrap items-center gap-2">${body}</div></div>`;
  if (entry.parents.ids.length > 0) {
    const links = entry.parents.ids.map((parent) => `<a class="font-mono text-sm hover:underline" href="/${escapeHtml(parent)}">${escapeHtml(parent)}</a>`).join('');
    rows.push(row(entry.parents.ids.length > 1 ? 'Base models' : 'Base model', links));
    const relation = /** @type {keyof typeof RELATION_LABELS} */ (entry.parents.relation ?? 'finetune');
    const first = entry.parents.ids[0];
    const siblings = snapshot.childrenCount(first)[relation] ?? 0;
    const label = `${RELATION_LABELS[relation] ?? 'Finetuned'} <a class="text-gray-500 hover:underline" href="/models?${escapeHtml(query('other', `base_model:${relation}:${first}`))}">( ${withCommas(siblings)} )</a>`;
    rows.push(row(label, '<span class="text-sm">this model</span>'));
  }
  for (const [relation, label] of CHILD_ROWS) {
    const count = counts[relation];
    if (!count) continue;
    const other = `base_model:${relation}:${id}`;
    const apps = relation === 'quantized'
      ? QUANT_APPS.map((app) => `<a class="tag tag-white" href="/models?${escapeHtml(new URLSearchParams({ apps: app, other }).toString())}">${escapeHtml(app)}</a>`).join('')
      : '';
    rows.push(row(label, `${apps}<a class="text-sm underline decoration-gray-300 hover:decoration-gray-600" href="/models?${escapeHtml(query('other', other))}">${withCommas(count)} model${count === 1 ? '' : 's'}</a>`));
  }
  if (rows.length === 0) return '';
  return `<div class="divider-column-vertical"></div>
<div class="text-smd"><div class="flex items-baseline mb-3 mt-6"><h2 class="flex items-baseline text-smd font-semibold text-gray-800"><span>Model tree for</span> <span class="ml-1 font-mono">${escapeHtml(id)}</span></h2><a class="ml-2 text-gray-500" href="/docs/hub/model-cards#specifying-a-base-model" title="Learn more about the model tree">?</a></div>
<div class="model-tree">${rows.join('\n')}</div></div>`;
}

/** @param {ModelEntry} entry @param {HubSnapshot} snapshot */
function sidebar(entry, snapshot) {
  const { info } = entry;
  const parts = [
    `<div class="flex items-baseline justify-between"><h2 class="text-sm text-gray-500">Downloads last month</h2></div><div class="mb-4 text-lg font-semibold">${withCommas(info.downloads)}</div>`,
  ];
  const params = info.safetensors?.total ?? info.gguf?.total;
  if (params) {
    parts.push(`<dl class="mb-4 flex flex-wrap gap-2 text-sm"><dt class="text-gray-500">Model size</dt><dd class="font-semibold">${escapeHtml(paramsLabel(params))}</dd>${info.safetensors ? `<dt class="text-gray-500">Tensor type</dt><dd class="font-semibold">${escapeHtml(Object.keys(info.safetensors.parameters).join(' · '))}</dd>` : ''}</dl>`);
  }
  parts.push(`<div class="mb-4 rounded-lg border p-2 text-sm"><h2 class="font-semibold">Inference Providers</h2><p class="text-gray-500">This model isn't deployed by any Inference Provider.</p></div>`);
  parts.push(modelTree(entry, snapshot));
  if (info.spaces.length > 0) {
    const spaces = info.spaces.slice(0, 10).map((/** @type {string} */ s) => `<li><a class="hover:underline" href="/spaces/${escapeHtml(s)}">${escapeHtml(s)}</a></li>`).join('');
    parts.push(`<h2 class="mt-6 text-sm font-semibold">Spaces using ${escapeHtml(info.id)} <span class="text-gray-400">${info.spaces.length}</span></h2><ul class="text-sm">${spaces}</ul>`);
  }
  const collections = Object.values(snapshot.collections).filter((c) => c.items.includes(info.id));
  for (const collection of collections) {
    parts.push(`<h2 class="mt-6 text-sm font-semibold">Collection including ${escapeHtml(info.id)}</h2><a class="text-sm hover:underline" href="/collections/${escapeHtml(collection.slug)}">${escapeHtml(collection.title)}</a>`);
  }
  return `<section class="pt-6 border-gray-100 md:pb-24 md:pl-6 md:w-64 lg:w-80 xl:w-96 flex-none order-first md:order-none md:border-l pt-3! md:pt-6! md:col-span-5">${parts.join('\n')}</section>`;
}

/** @param {ModelEntry} entry */
function gateBox(entry) {
  if (!entry.info.gated) return '';
  const prompt = typeof entry.info.cardData?.extra_gated_prompt === 'string' ? entry.info.cardData.extra_gated_prompt : '';
  return `<div class="gate-box"><h3 class="font-semibold">You need to agree to share your contact information to access this model</h3>${prompt ? `<p class="text-sm">${escapeHtml(prompt)}</p>` : ''}<p class="text-sm text-gray-500">This repository is publicly accessible, but you have to accept the conditions to access its files and content.</p><a class="btn" href="/login">Log in or Sign Up to review the conditions and access this model content.</a></div>`;
}

const BODY_GRID = 'container relative flex flex-col md:grid md:space-y-0 w-full md:grid-cols-12 md:flex-1 md:grid-rows-full space-y-4 md:gap-6';

/**
 * @typedef {{ headerProps?: boolean, holdLoadMs?: number }} PageVariant
 *   headerProps false: the header is served without its ModelHeader island (no props), as a card tab
 *   might be (hub-pages.md: not proven either way); holdLoadMs: an image holds the load event that long.
 */

/** @param {ModelEntry} entry @param {HubSnapshot} snapshot @param {PageVariant} [variant] */
export function modelCardPage(entry, snapshot, variant = {}) {
  const { id } = entry.info;
  const card = entry.readme === null
    ? `<div class="prose"><h2>No model card</h2><p>New: Create and edit this model card directly on the website!</p></div>`
    : `<div class="model-card-content prose hf-sanitized hf-sanitized-hide-frontmatter">${renderCardBody(stripFrontMatter(entry.readme))}</div>`;
  let header = modelHeader(entry, 'model', snapshot);
  // Without props: the island's server-rendered <header> alone (its markup starts after the opening div).
  if (variant.headerProps === false) header = header.slice(header.indexOf('>') + 1, header.lastIndexOf('</div>'));
  const hold = variant.holdLoadMs ? `<img class="hidden" alt="" src="/front/hold.svg?ms=${Number(variant.holdLoadMs)}">` : '';
  const main = `${header}
<div class="${BODY_GRID}"><section class="pt-8 border-gray-100 md:col-span-7 pb-24 relative break-words copiable-code-container">${gateBox(entry)}${card}</section>
${sidebar(entry, snapshot)}</div>${hold}`;
  return htmlReply(layout({ title: `${id} · Hugging Face`, path: `/${id}`, bodyClass: 'ModelPage', main }));
}

/** @param {number} size */
function humanSize(size) {
  const units = ['Bytes', 'kB', 'MB', 'GB', 'TB'];
  let value = size;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${unit === 0 ? value : value.toFixed(value >= 100 ? 0 : 1)} ${units[unit]}`;
}

/** @param {ModelEntry} entry */
function lastCommitProps(entry) {
  return {
    commitLast: {
      date: entry.info.lastModified,
      verified: 'unverified',
      subject: 'Upload folder using huggingface_hub',
      authors: [{ _id: sha1Hex(`user:${entry.info.author}`).slice(0, 24), avatar: avatarUrlFor(entry.info.author), isHf: false, user: entry.info.author }],
      commit: { id: entry.info.sha, parentIds: [sha1Hex(`parent:${entry.info.sha}`)] },
      title: 'Upload folder using huggingface_hub',
    },
    repo: { name: entry.info.id, type: 'model' },
  };
}

/** @param {ModelEntry} entry @param {HubSnapshot} snapshot */
export function treePage(entry, snapshot) {
  const { id } = entry.info;
  const entries = treeEntries(entry);
  const rows = entries
    .map((file) => `<li class="flex justify-between border-b px-3 py-1.5 text-sm"><a class="truncate hover:underline" href="/${escapeHtml(id)}/blob/main/${escapeHtml(file.path)}">${escapeHtml(file.path)}</a><span class="text-gray-400">${escapeHtml(humanSize(file.size ?? 0))}${file.lfs ? ' · LFS' : ''}</span></li>`)
    .join('');
  const main = `${modelHeader(entry, 'files', snapshot)}
<div class="${BODY_GRID} mb-16"><section class="pt-8 border-gray-100 col-span-full">${hydrater('LastCommit', lastCommitProps(entry))}${hydrater('ViewerIndexTreeList', { entries, context: { repo: { name: id, type: 'model' }, rev: 'main', path: '' } }, `<ul class="rounded-b-lg border">${rows}</ul>`)}</section></div>`;
  return htmlReply(layout({ title: `${id} at main`, path: `/${id}/tree/main`, bodyClass: 'ViewerIndexTreePage', main }));
}

/** @param {ModelEntry} entry @param {string} path @param {HubSnapshot} snapshot */
export function blobPage(entry, path, snapshot) {
  const { id } = entry.info;
  const content = entry.files[path];
  const viewer = {
    context: { repo: { name: id, type: 'model' }, rev: 'main', path, subpaths: path.split('/').map((dir) => ({ dir })) },
    refs: { branches: [{ name: 'main', ref: 'refs/heads/main', targetCommit: entry.info.sha }], tags: [], converts: [] },
    view: 'blob',
    isMac: false,
  };
  let body;
  if (entry.info.gated && path !== 'README.md' && path !== '.gitattributes') body = gateBox(entry);
  else if (path === 'README.md' && content !== undefined) body = `<div class="model-card-content prose hf-sanitized">${renderCardBody(stripFrontMatter(content))}</div>`;
  else if (content !== undefined) body = `<pre><code>${escapeHtml(content)}</code></pre>`;
  else body = `<p class="text-sm text-gray-500">This file is stored with Git LFS. It is too big to display.</p>`;
  const main = `${modelHeader(entry, 'files', snapshot)}
<div class="${BODY_GRID} mb-16"><section class="pt-8 border-gray-100 col-span-full">${hydrater('ViewerHeader', viewer, `<header class="flex flex-wrap items-center pb-2"><a class="truncate text-gray-800 hover:underline" href="/${escapeHtml(id)}/tree/main">${escapeHtml(id.split('/')[1])}</a><span class="mx-1 text-gray-300">/</span><span>${escapeHtml(path)}</span></header>`)}
${hydrater('LastCommit', lastCommitProps(entry))}
<div class="relative flex flex-wrap items-center border px-3 py-1.5 text-sm"><a class="rounded-md px-1.5 capitalize" href="/${escapeHtml(id)}/blob/main/${escapeHtml(path)}">preview</a><a class="rounded-md px-1.5 capitalize" href="/${escapeHtml(id)}/blob/main/${escapeHtml(path)}?code=true">code</a><a class="my-1 mr-4 flex items-center" href="/${escapeHtml(id)}/raw/main/${escapeHtml(path)}">raw</a></div>
<div class="border border-t-0 p-4">${body}</div></section></div>`;
  return htmlReply(layout({ title: `${path} · ${id} at main`, path: `/${id}/blob/main/${path}`, bodyClass: 'ViewerBlobPage', main }));
}

/** @param {ModelEntry} entry @param {HubSnapshot} snapshot */
export function discussionsPage(entry, snapshot) {
  const { id } = entry.info;
  const stats = discussionsStats(entry);
  const items = Array.from({ length: stats.total }, (_, i) => `<li class="border-b px-3 py-2 text-sm"><a class="hover:underline" href="/${escapeHtml(id)}/discussions/${i + 1}">Discussion #${i + 1}</a> <span class="text-gray-400">${i < stats.open ? 'open' : 'closed'}</span></li>`).join('');
  const main = `${modelHeader(entry, 'community', snapshot)}
<div class="container pt-8"><h2 class="mb-3 font-semibold">Discussions</h2>${stats.total > 0 ? `<ul class="rounded-lg border">${items}</ul>` : '<p class="text-gray-500">No discussions yet.</p>'}</div>`;
  return htmlReply(layout({ title: `${id} · Discussions`, path: `/${id}/discussions`, bodyClass: 'DiscussionsPage', main }));
}

/** @param {ModelEntry} entry @param {HubSnapshot} snapshot */
export function commitsPage(entry, snapshot) {
  const { id, sha, lastModified } = entry.info;
  const main = `${modelHeader(entry, 'files', snapshot)}
<div class="container pt-8"><h2 class="mb-3 font-semibold">Commit History</h2><ul class="rounded-lg border"><li class="px-3 py-2 text-sm"><a class="font-mono hover:underline" href="/${escapeHtml(id)}/commit/${escapeHtml(sha)}">${escapeHtml(sha.slice(0, 7))}</a> Upload folder using huggingface_hub <time datetime="${escapeHtml(lastModified)}">${escapeHtml(lastModified.slice(0, 10))}</time></li></ul></div>`;
  return htmlReply(layout({ title: `Commits · ${id}`, path: `/${id}/commits/main`, bodyClass: 'CommitsPage', main }));
}

/**
 * One item of the web listing (`initialValues.models[]`, `/models-json`).
 * @param {ModelEntry} entry @param {HubSnapshot} snapshot
 */
function webListItem(entry, snapshot) {
  const { info } = entry;
  const numParameters = info.safetensors?.total ?? info.gguf?.total;
  return {
    author: info.author,
    authorData: ownerProfile(snapshot, info.author),
    downloads: info.downloads,
    gated: info.gated,
    id: info.id,
    availableInferenceProviders: [],
    lastModified: info.lastModified,
    likes: info.likes,
    ...(info.pipeline_tag ? { pipeline_tag: info.pipeline_tag } : {}),
    private: false,
    repoType: 'model',
    isLikedByUser: false,
    ...(numParameters ? { numParameters } : {}),
  };
}

/**
 * The web listing's query (`/models?…` and `/models-json?…`), 30 per page.
 * @param {URLSearchParams} params @param {HubSnapshot} snapshot
 */
export function webListing(params, snapshot) {
  const sortKey = params.get('sort') ?? 'trending';
  const field = WEB_SORTS[/** @type {keyof typeof WEB_SORTS} */ (sortKey)] ?? WEB_SORTS.trending;
  const license = params.get('license');
  const tags = [...params.getAll('other'), ...(license ? [license.startsWith('license:') ? license : `license:${license}`] : [])];
  const matches = filterModels(sortedModels(snapshot, field), {
    search: params.getAll('search'),
    tags,
    author: params.get('author') ?? undefined,
    pipeline_tag: params.get('pipeline_tag') ?? undefined,
    // `apps` (llama.cpp, ollama, …) lists what those apps can run: GGUF repos. `hardware` narrows nothing here.
    library: params.get('library') ?? (params.get('apps') ? 'gguf' : undefined),
    language: params.get('language') ?? undefined,
  });
  const pageIndex = Math.max(0, Number.parseInt(params.get('p') ?? '0', 10) || 0);
  const models = matches.slice(pageIndex * ITEMS_PER_PAGE, (pageIndex + 1) * ITEMS_PER_PAGE).map((entry) => webListItem(entry, snapshot));
  return { models, numItemsPerPage: ITEMS_PER_PAGE, numTotalItems: matches.length, pageIndex };
}

const TASK_FILTERS = ['text-generation', 'text-classification', 'token-classification', 'fill-mask', 'summarization', 'translation', 'question-answering', 'feature-extraction', 'image-text-to-text'];
const LICENSE_FILTERS = ['apache-2.0', 'mit', 'llama3.1', 'gemma', 'cc-by-nc-4.0', 'other'];
const LANGUAGE_FILTERS = ['en', 'de', 'fr', 'es', 'multilingual'];
const LIBRARY_FILTERS = ['transformers', 'gguf', 'peft', 'safetensors'];
const APP_FILTERS = ['llama.cpp', 'ollama'];
const HARDWARE_FILTERS = ['gpu-rtx-4090', 'cpu-32gb'];
const SORT_OPTIONS = [['trending', 'Trending'], ['likes', 'Most likes'], ['downloads', 'Most downloads'], ['created', 'Recently created'], ['modified', 'Recently updated']];

/** @param {string} search @param {URLSearchParams} params @param {string} key @param {string[]} values @param {(v: string) => string} label */
function filterGroup(search, params, key, values, label) {
  return values
    .map((value) => {
      const active = params.getAll(key).includes(value);
      return `<a class="tag tag-white mb-1 mr-1${active ? ' active' : ''}" data-filter-key="${escapeHtml(key)}" data-filter-value="${escapeHtml(value)}" aria-pressed="${active}" href="${escapeHtml(filterHref(search, key, value))}">${escapeHtml(label(value))}</a>`;
    })
    .join('');
}

/** `/models`: ModelList island with cards, filters, sort and pagination. @param {URL} url @param {HubSnapshot} snapshot */
export function listingPage(url, snapshot) {
  const params = url.searchParams;
  const data = webListing(params, snapshot);
  const pageCount = Math.max(1, Math.ceil(data.numTotalItems / ITEMS_PER_PAGE));
  const sort = params.get('sort') ?? 'trending';
  const cards = data.models.map((m) => treeToHtml(modelCardTree(m, SNAPSHOT_NOW, PIPELINE_LABELS, cardLinkQuery(url.search)))).join('\n');
  const pagination = treeToHtml(paginationTree(data.pageIndex, pageCount, (p) => listingHref(url.search, p)));
  const options = SORT_OPTIONS.map(([value, label]) => `<option value="${value}"${value === sort ? ' selected' : ''}>${label}</option>`).join('');
  const filters = `<section class="pt-8 border-gray-100 lg:col-span-3 lg:border-r pr-4">
<h3 class="mb-2 text-sm font-semibold">Tasks</h3><div class="mb-4 flex flex-wrap">${filterGroup(url.search, params, 'pipeline_tag', TASK_FILTERS, (v) => PIPELINE_LABELS[v] ?? v)}</div>
<h3 class="mb-2 text-sm font-semibold">Licenses</h3><div class="mb-4 flex flex-wrap">${filterGroup(url.search, params, 'license', LICENSE_FILTERS, (v) => v)}</div>
<h3 class="mb-2 text-sm font-semibold">Languages</h3><div class="mb-4 flex flex-wrap">${filterGroup(url.search, params, 'language', LANGUAGE_FILTERS, (v) => LANGUAGES[v] ?? v)}</div>
<h3 class="mb-2 text-sm font-semibold">Libraries</h3><div class="mb-4 flex flex-wrap">${filterGroup(url.search, params, 'library', LIBRARY_FILTERS, (v) => LIBRARIES[v] ?? v)}</div>
<h3 class="mb-2 text-sm font-semibold">Apps</h3><div class="mb-4 flex flex-wrap">${filterGroup(url.search, params, 'apps', APP_FILTERS, (v) => v)}</div>
<h3 class="mb-2 text-sm font-semibold">Hardware</h3><div class="mb-4 flex flex-wrap">${filterGroup(url.search, params, 'hardware', HARDWARE_FILTERS, (v) => v)}</div>
</section>`;
  const list = hydrater(
    'ModelList',
    { initialValues: data, apps: [], hardwareOptions: [] },
    `<div class="mb-4 items-center space-y-3 md:flex md:space-y-0 lg:mb-6"><div class="flex items-center text-lg"><h1>Models</h1><div class="ml-3 w-16 font-normal text-gray-400" data-models-count>${withCommas(data.numTotalItems)}</div></div>
<form class="flex-1 md:ml-4" action="/models" method="get" data-models-search><input class="form-input w-full" name="search" placeholder="Filter by name" value="${escapeHtml(params.get('search') ?? '')}"></form>
<label class="ml-4 text-sm text-gray-500">Sort: <select name="sort" class="form-input">${options}</select></label></div>
<div class="grid grid-cols-1 gap-5 2xl:grid-cols-2" data-models-grid>${cards}</div>
<div data-models-pagination>${pagination}</div>`,
  );
  const main = `<div class="container relative flex flex-col lg:grid lg:space-y-0 w-full lg:grid-cols-10 md:flex-1 space-y-4 md:gap-6">${filters}
<section class="pt-8 border-gray-100 col-span-full lg:col-span-7 pb-12">${list}</section></div>`;
  return htmlReply(layout({ title: 'Models - Hugging Face', path: `/models${url.search}`, bodyClass: 'ModelsPage', main, script: listingScript(SNAPSHOT_NOW, PIPELINE_LABELS) }));
}

/** Cards for a fixed set of entries (org page, collection, home). @param {ModelEntry[]} entries @param {HubSnapshot} snapshot */
function cardGrid(entries, snapshot) {
  return `<div class="grid grid-cols-1 gap-5 md:grid-cols-2">${entries.map((e) => treeToHtml(modelCardTree(webListItem(e, snapshot), SNAPSHOT_NOW, PIPELINE_LABELS))).join('\n')}</div>`;
}

/** `/{owner}`: the owner's models as cards (first 30 by trending). @param {string} owner @param {HubSnapshot} snapshot */
export function ownerPage(owner, snapshot) {
  const ids = new Set(snapshot.modelsOf(owner));
  const entries = sortedModels(snapshot, 'trendingScore').filter((e) => ids.has(e.info.id));
  const profile = ownerProfile(snapshot, owner);
  const more = entries.length > ITEMS_PER_PAGE ? `<a class="mt-4 block text-sm underline" href="/models?${escapeHtml(query('author', owner))}">Expand ${withCommas(entries.length)} models</a>` : '';
  const main = `<div class="container pt-8">${hydrater(profile.type === 'org' ? 'OrganizationHeader' : 'UserProfile', { author: profile })}<h1 class="mb-1 text-lg font-semibold">${escapeHtml(profile.fullname)}</h1><p class="mb-6 text-gray-500">${escapeHtml(owner)}</p>
<h2 class="mb-3 font-semibold">Models <span class="text-gray-400">${withCommas(entries.length)}</span></h2>${cardGrid(entries.slice(0, ITEMS_PER_PAGE), snapshot)}${more}</div>`;
  return htmlReply(layout({ title: `${owner} (${profile.fullname})`, path: `/${owner}`, bodyClass: profile.type === 'org' ? 'OrgPage' : 'UserPage', main }));
}

/** @param {string} slug @param {HubSnapshot} snapshot */
export function collectionPage(slug, snapshot) {
  const collection = /** @type {Record<string, any>} */ (snapshot.collections)[slug];
  const entries = collection.items.map((/** @type {string} */ id) => snapshot.models.get(id)).filter(Boolean);
  const main = `<div class="container pt-8">${hydrater('CollectionHeader', { collection: { slug, title: collection.title, description: collection.description, owner: ownerProfile(snapshot, collection.owner), upvotes: collection.upvotes, lastUpdated: collection.lastUpdated } })}
<h1 class="mb-1 text-lg font-semibold">${escapeHtml(collection.title)}</h1><p class="mb-6 text-gray-500">${escapeHtml(collection.description)}</p>${cardGrid(entries, snapshot)}</div>`;
  return htmlReply(layout({ title: `${collection.title} - a ${collection.owner} Collection`, path: `/collections/${slug}`, bodyClass: 'CollectionPage', main }));
}

/** `/datasets/{id}`: a DatasetHeader page (the extension must do nothing here). @param {Record<string, any>} dataset @param {HubSnapshot} snapshot */
export function datasetPage(dataset, snapshot) {
  const [owner, name] = dataset.id.split('/');
  const props = {
    activeTab: 'datasetCard',
    author: ownerProfile(snapshot, owner),
    canReadRepoSettings: false,
    canWriteRepoContent: false,
    canDisable: false,
    dataset: {
      author: owner,
      ...(dataset.cardData ? { cardData: dataset.cardData } : {}),
      cardExists: true,
      createdAt: dataset.createdAt,
      description: dataset.description,
      downloads: dataset.downloads,
      id: dataset.id,
      isLikedByUser: false,
      lastModified: dataset.lastModified,
      likes: dataset.likes,
      discussionsDisabled: false,
      repoType: 'dataset',
      private: false,
      gated: false,
      tags: dataset.tags,
      tag_objs: dataset.tags.map((/** @type {string} */ tag) => ({ id: tag, label: tag.replace(/^[a-z_]+:/, ''), type: tag.split(':')[0] })),
      hasBlockedOids: false,
      region: 'us',
    },
    discussionsStats: { closed: 0, open: 0, total: 0 },
    query: {},
  };
  const header = `<header class="bg-linear-to-t border-b border-gray-100 pt-6 sm:pt-9"><div class="container relative"><h1 class="flex flex-wrap items-center mb-3 text-lg"><span class="mr-2 text-gray-400">Datasets:</span><a href="/${escapeHtml(owner)}" class="text-gray-400 hover:text-blue-600">${escapeHtml(owner)}</a><div class="mx-0.5 text-gray-300">/</div><a class="break-words font-mono font-semibold" href="/datasets/${escapeHtml(dataset.id)}">${escapeHtml(name)}</a></h1>
<div class="flex h-12 items-center"><a class="tab-alternate active" href="/datasets/${escapeHtml(dataset.id)}">Dataset card</a><a class="tab-alternate" href="/datasets/${escapeHtml(dataset.id)}/tree/main">Files and versions</a><a class="tab-alternate" href="/datasets/${escapeHtml(dataset.id)}/discussions">Community</a></div></div></header>`;
  const main = `${hydrater('DatasetHeader', props, header)}<div class="container pt-8"><div class="prose"><p>${escapeHtml(dataset.description)}</p></div></div>`;
  return htmlReply(layout({ title: `${dataset.id} · Datasets at Hugging Face`, path: `/datasets/${dataset.id}`, bodyClass: 'DatasetPage', main }));
}

/** @param {string} id @param {HubSnapshot} snapshot */
export function spacePage(id, snapshot) {
  const [owner, name] = id.split('/');
  const props = {
    activeTab: 'spaceApp',
    author: ownerProfile(snapshot, owner),
    canReadRepoSettings: false,
    canWriteRepoContent: false,
    space: { id, author: owner, title: name, emoji: '🚀', colorFrom: 'indigo', colorTo: 'gray', sdk: 'gradio', runtime: { stage: 'RUNNING' }, likes: 1, private: false, repoType: 'space' },
  };
  const header = `<header class="border-b border-gray-100"><div class="container relative"><h1 class="flex items-center py-3 text-lg"><span class="mr-2 text-gray-400">Spaces:</span><a href="/${escapeHtml(owner)}" class="text-gray-400">${escapeHtml(owner)}</a><div class="mx-0.5 text-gray-300">/</div><a class="font-mono font-semibold" href="/spaces/${escapeHtml(id)}">${escapeHtml(name)}</a></h1></div></header>`;
  const main = `${hydrater('SpaceHeader', props, header)}<div class="container pt-8 text-gray-500">The Space app is not loaded by the offline Hub.</div>`;
  return htmlReply(layout({ title: `${name} - a Hugging Face Space by ${owner}`, path: `/spaces/${id}`, bodyClass: 'SpacePage', main }));
}

/** `/`, `/docs`, `/blog`, `/datasets`, `/spaces`: static pages with a few links. @param {string} path @param {HubSnapshot} snapshot */
export function simplePage(path, snapshot) {
  const section = path.split('/')[1] || 'home';
  /** @type {Record<string, string>} */
  const bodies = {
    home: `<h1 class="mb-4 text-lg font-semibold">The AI community building the future.</h1><h2 class="mb-3 font-semibold">Trending models</h2>${cardGrid(sortedModels(snapshot, 'trendingScore').slice(0, 10), snapshot)}`,
    docs: '<h1 class="mb-4 text-lg font-semibold">Hugging Face Documentation</h1><ul><li><a href="/docs/hub">Hub</a></li><li><a href="/docs/huggingface_hub">Hub Python Library</a></li></ul>',
    blog: '<h1 class="mb-4 text-lg font-semibold">Hugging Face – Blog</h1><article><h2>Model trees, explained</h2><p>How base models, fine-tunes, adapters, merges and quantizations link up on the Hub.</p></article>',
    datasets: `<h1 class="mb-4 text-lg font-semibold">Datasets</h1><ul>${Object.keys(snapshot.datasets).map((id) => `<li><a href="/datasets/${escapeHtml(id)}">${escapeHtml(id)}</a></li>`).join('')}</ul>`,
    spaces: `<h1 class="mb-4 text-lg font-semibold">Spaces</h1><ul>${[...snapshot.spaces].slice(0, 30).map((id) => `<li><a href="/spaces/${escapeHtml(id)}">${escapeHtml(id)}</a></li>`).join('')}</ul>`,
  };
  return htmlReply(layout({ title: 'Hugging Face – The AI community building the future.', path, bodyClass: `${section}Page`, main: `<div class="container pt-8">${bodies[section]}</div>` }));
}
