// Mirrors a Hub listing page's query in one API list request, so that the badges of a whole page of
// cards cost a single request instead of one per card.
import { HUB_ORIGIN, listModelsUrl } from '../hub/client';
import { typedParentTag } from '../hub/parse';
import { isCollectionPage, isModelListing, isOwnerPage } from '../page/detect';

const LISTING_PAGE_SIZE = 30;
/** Deeper pages than this are not mirrored (the request would be too large); cards go one by one. */
const MAX_MIRRORED_ITEMS = 300;

/** The web listing's sort names → the API's. */
const SORTS: Record<string, string> = {
  trending: 'trendingScore',
  downloads: 'downloads',
  likes: 'likes',
  modified: 'lastModified',
  updated: 'lastModified',
  created: 'createdAt',
  lastModified: 'lastModified',
  createdAt: 'createdAt',
  trendingScore: 'trendingScore',
};

/** `other=base_model:{relation}:{id}` makes a listing one parent's children. */
export function listingContext(pageHref: string): { parentId: string; relation: string } | undefined {
  let page: URL;
  try {
    page = new URL(pageHref);
  } catch {
    return undefined;
  }
  for (const value of page.searchParams.getAll('other').flatMap((v) => v.split(','))) {
    const parent = typedParentTag(value);
    if (parent) return { parentId: parent.id, relation: parent.relation };
  }
  return undefined;
}

/** The API request that returns the models of this listing page, or null when there is none. */
export function listingApiUrl(pageHref: string): string | null {
  let page: URL;
  try {
    page = new URL(pageHref);
  } catch {
    return null;
  }
  if (page.origin !== HUB_ORIGIN || isCollectionPage(page)) return null;
  const api = new URLSearchParams();
  const p = Math.max(0, Math.floor(Number(page.searchParams.get('p') ?? 0)) || 0);
  const limit = (p + 1) * LISTING_PAGE_SIZE;
  if (limit > MAX_MIRRORED_ITEMS) return null;

  if (isModelListing(page)) {
    const search = page.searchParams.get('search');
    if (search) api.set('search', search);
    for (const value of page.searchParams.getAll('other').flatMap((v) => v.split(','))) {
      if (value.trim()) api.append('filter', value.trim());
    }
    for (const name of ['pipeline_tag', 'library', 'language', 'author'] as const) {
      const value = page.searchParams.get(name);
      if (value) api.set(name, value);
    }
    const license = page.searchParams.get('license');
    if (license) api.append('filter', license.startsWith('license:') ? license : `license:${license}`);
    const sort = SORTS[page.searchParams.get('sort') ?? 'trending'];
    if (sort) api.set('sort', sort);
    api.set('limit', String(limit));
  } else if (isOwnerPage(page)) {
    api.set('author', page.pathname.split('/').filter(Boolean)[0]);
    const sort = SORTS[page.searchParams.get('sort_models') ?? ''];
    if (sort) api.set('sort', sort);
    api.set('limit', '100');
  } else {
    return null;
  }
  return listModelsUrl(api.toString());
}
