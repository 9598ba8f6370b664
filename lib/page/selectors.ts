// Every huggingface.co selector the extension depends on, in one place. Each entry lists fallbacks,
// newest first; `tests/unit/page/selectors.test.ts` checks them against saved page fixtures.
// Select by data-target, href patterns, headings and landmarks — never by long Tailwind class chains.
// Captured against the Hub markup of 2026-02 (tests/fixtures/pages/README.md says which page).

import { modelIdFromHref } from './detect';

export const SELECTORS = {
  /** Svelte hydration island holding the model JSON (`data-props`). */
  modelHeader: ['div.SVELTE_HYDRATER[data-target="ModelHeader"]', '[data-target="ModelHeader"]'],
  /** The header bar (h1, tag chips, tabs) inside the ModelHeader island. */
  modelHeaderBar: ['[data-target="ModelHeader"] > header', '[data-target="ModelHeader"] header', 'main header'],
  /** The model name heading. */
  modelTitle: ['[data-target="ModelHeader"] h1', 'main header h1', 'main h1'],
  /** Right-hand sidebar on the model card tab. */
  sidebar: ['section[class*="md:col-span-5"]', 'main aside'],
  /** Headings in the sidebar; the Model tree one is found by its text. */
  sidebarHeadings: ['h2', 'h3'],
  /** Model cards on listing, owner and collection pages. */
  listingCard: ['article.overview-card-wrapper', 'article'],
} as const;

type Root = Document | Element;

/** First element matching any selector of a fallback list. */
export function selectFirst(root: Root, selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    try {
      const el = root.querySelector(selector);
      if (el) return el;
    } catch {
      // A selector the engine cannot parse is a miss, not an error.
    }
  }
  return null;
}

/** All elements matching the first selector of the list that matches anything. */
export function selectAll(root: Root, selectors: readonly string[]): Element[] {
  for (const selector of selectors) {
    try {
      const found = Array.from(root.querySelectorAll(selector));
      if (found.length) return found;
    } catch {
      // as above
    }
  }
  return [];
}

export interface ModelHeaderProps {
  /** Raw `model` object of the props (parsed in the background). */
  model: unknown;
  activeTab?: string;
}

/** The last data-props string parsed and its result: the model panel re-reads on every mutation batch. */
let lastProps: { raw: string; props: ModelHeaderProps | null } | null = null;

/** Reads the ModelHeader island's JSON; null when absent or not JSON. */
export function readModelHeaderProps(doc: Document): ModelHeaderProps | null {
  const el = selectFirst(doc, SELECTORS.modelHeader);
  const raw = el?.getAttribute('data-props');
  if (!raw) return null;
  if (lastProps?.raw !== raw) lastProps = { raw, props: parseModelHeaderProps(raw) };
  return lastProps.props;
}

function parseModelHeaderProps(raw: string): ModelHeaderProps | null {
  try {
    const props = JSON.parse(raw) as { model?: unknown; activeTab?: unknown } | null;
    if (!props || typeof props !== 'object' || !props.model || typeof props.model !== 'object') return null;
    return { model: props.model, activeTab: typeof props.activeTab === 'string' ? props.activeTab : undefined };
  } catch {
    return null;
  }
}

/**
 * The sidebar block that holds the Hub's own "Model tree for …" section, if this page has one.
 * `sidebar` is the page's sidebar when the caller has already looked it up (null: there is none).
 */
export function findModelTreeBlock(doc: Document, sidebar: Element | null = selectFirst(doc, SELECTORS.sidebar)): Element | null {
  const scope = sidebar ?? doc.querySelector('main') ?? doc.body;
  if (!scope) return null;
  const heading = selectAll(scope, SELECTORS.sidebarHeadings).find((h) =>
    /^\s*model tree\b/i.test(h.textContent ?? ''),
  );
  if (!heading) return null;
  if (!sidebar) return heading.parentElement ?? heading;
  // The block is the sidebar's child that contains the heading; a bare heading is followed by its tree.
  let block: Element = heading;
  while (block.parentElement && block.parentElement !== sidebar) block = block.parentElement;
  return block === heading ? (heading.nextElementSibling ?? heading) : block;
}

/** Relations the Model tree links its children lists by (`base_model:{relation}:{id}`). */
const TREE_RELATIONS = ['finetune', 'adapter', 'quantized', 'merge'] as const;
export type TreeRelation = (typeof TREE_RELATIONS)[number];

/**
 * Children counts per relation from the Hub's own Model tree: its "N models" links to
 * `/models?other=base_model:{relation}:{id}` (hub-pages.md). A relation without a row has no children.
 * Null when there is no tree for `id` or a count cannot be read (the background then asks the API):
 * links to the parent's lists ("Finetuned ( 16 )") and app links (`apps=llama.cpp&other=…`) are skipped.
 */
export function readModelTreeCounts(doc: Document, id: string): Partial<Record<TreeRelation, number>> | null {
  const block = findModelTreeBlock(doc);
  if (!block) return null;
  const heading = selectAll(block, SELECTORS.sidebarHeadings).find((h) => /^\s*model tree\b/i.test(h.textContent ?? ''));
  const named = heading?.textContent?.replace(/^\s*model tree for\s*/i, '').trim().toLowerCase();
  // A tree for another model (a lingering sidebar, a legacy id) must not lend us its counts.
  if (named !== id.toLowerCase()) return null;
  const counts: Partial<Record<TreeRelation, number>> = {};
  for (const link of block.querySelectorAll('a[href]')) {
    let url: URL;
    try {
      url = new URL(link.getAttribute('href') ?? '', 'https://huggingface.co');
    } catch {
      continue;
    }
    // Only `other=…`: app links add `apps=`. (Split by hand: Firefox content scripts cannot spread the
    // URLSearchParams iterator through its Xray wrapper.)
    if (url.pathname !== '/models' || url.search.slice(1).split('&').some((pair) => !pair.startsWith('other='))) continue;
    const match = /^base_model:([a-z]+):(.+)$/.exec(url.searchParams.get('other') ?? '');
    const relation = TREE_RELATIONS.find((r) => r === match?.[1]);
    if (!relation || match![2].toLowerCase() !== id.toLowerCase()) continue;
    const count = /^\s*(\d[\d,]*)\s+models?\s*$/i.exec(link.textContent ?? '');
    if (!count) return null; // "1.2k models" or a new wording: let the API answer
    counts[relation] = Number(count[1].replace(/,/g, ''));
  }
  return counts;
}

export interface Placement {
  /** Insert the panel host relative to this element. */
  anchor: Element;
  position: 'after' | 'append' | 'before';
  /** Which fallback won, for diagnostics. */
  where: 'model-tree' | 'sidebar' | 'header' | 'title' | 'main';
}

/** Where a reader looks for provenance: beside the Model tree, else the sidebar, else under the header. */
export function panelPlacement(doc: Document): Placement | null {
  const sidebar = selectFirst(doc, SELECTORS.sidebar);
  const tree = findModelTreeBlock(doc, sidebar);
  if (tree) return { anchor: tree, position: 'after', where: 'model-tree' };
  if (sidebar && selectFirst(doc, SELECTORS.modelHeader)) {
    return { anchor: sidebar, position: 'append', where: 'sidebar' };
  }
  const header = selectFirst(doc, SELECTORS.modelHeaderBar);
  if (header) return { anchor: header, position: 'after', where: 'header' };
  const title = selectFirst(doc, SELECTORS.modelTitle);
  if (title) return { anchor: title, position: 'after', where: 'title' };
  const main = doc.querySelector('main');
  return main ? { anchor: main, position: 'append', where: 'main' } : null;
}

export interface ListingCard {
  card: Element;
  id: string;
  /** Where a badge goes: the card's header/title line. */
  badgeAnchor: Element;
}

/** Model cards under `root`, each with its model id; cards for datasets/spaces/promos are skipped. */
export function listingCards(root: Root): ListingCard[] {
  const cards: ListingCard[] = [];
  for (const card of selectAll(root, SELECTORS.listingCard)) {
    const found = modelLinkOf(card);
    if (!found) continue;
    const { link, id } = found;
    const header = link.querySelector('header[title]') ?? link.querySelector('h4, h3') ?? link;
    cards.push({ card, id, badgeAnchor: header });
  }
  return cards;
}

/** The card's model link and its model id: the link around the title header, else the first link to a model. */
function modelLinkOf(card: Element): { link: Element; id: string } | null {
  const titled = card.querySelector('header[title]')?.closest('a[href]');
  if (titled) {
    const id = modelIdFromHref(titled.getAttribute('href'));
    return id ? { link: titled, id } : null;
  }
  for (const link of card.querySelectorAll('a[href]')) {
    const id = modelIdFromHref(link.getAttribute('href'));
    if (id) return { link, id };
  }
  return null;
}

/** The Hub's dark mode is a `dark` class on <html>, set by its inline theme script. */
export function isDarkTheme(doc: Document): boolean {
  return doc.documentElement.classList.contains('dark');
}
