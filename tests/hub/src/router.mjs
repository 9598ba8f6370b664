// Maps a request path to the right answer, and to the rate-limit bucket the real Hub would charge.
import { handleApi, json, redirect, repoFile } from './api.mjs';
import {
  blobPage, collectionPage, commitsPage, datasetPage, discussionsPage, listingPage, modelCardPage,
  notFoundPage, ownerPage, simplePage, spacePage, treePage, webListing,
} from './pages.mjs';

/**
 * @typedef {import('./api.mjs').Context} Context
 * @typedef {import('./api.mjs').Reply} Reply
 * @typedef {'api' | 'resolvers' | 'pages' | 'other'} RequestKind
 */

/** First path segments that are never an owner (hub-api.md §4.1). */
const RESERVED = new Set([
  'api', 'datasets', 'spaces', 'models', 'docs', 'blog', 'papers', 'collections', 'organizations', 'settings', 'join',
  'login', 'logout', 'pricing', 'enterprise', 'pro', 'tasks', 'course', 'chat', 'new', 'new-dataset', 'new-space',
  'new-blog', 'notifications', 'search', 'posts', 'leaderboards', 'storage', 'buckets', 'jobs', 'mcp', 'playground',
  'inference-endpoints', 'autotrain', 'oauth', 'subscribe', 'contact', 'changelog', 'content-guidelines',
  'code-of-conduct', 'front', 'avatars', 'learn', 'models-json',
]);
/** Sub-pages of a repo (also what follows a legacy one-segment id). */
const REPO_SUBPAGES = new Set(['tree', 'blob', 'raw', 'resolve', 'commits', 'commit', 'discussions', 'settings', 'edit']);

/**
 * Buckets of hub-docs rate-limits.md: `/api/*` → api, any `/resolve/` → resolvers, HTML → pages.
 * `/api/resolve-cache/` (the second hop of a resolve) is counted as resolvers: an inference, see README.
 * @param {string} pathname @returns {RequestKind}
 */
export function classify(pathname) {
  if (pathname.includes('/resolve/') || pathname.startsWith('/api/resolve-cache/')) return 'resolvers';
  if (pathname.startsWith('/api/')) return 'api';
  if (pathname === '/favicon.ico' || pathname.startsWith('/avatars/') || pathname.startsWith('/front/') || pathname.startsWith('/.well-known/')) return 'other';
  return 'pages';
}

const AVATAR_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#e0e7ff"/><circle cx="16" cy="13" r="6" fill="#6366f1"/><rect x="7" y="21" width="18" height="7" rx="3.5" fill="#6366f1"/></svg>';

/** @param {string} segment */
function decodeSegment(segment) {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** @param {Context} ctx @param {string} id @param {string[]} rest */
function repoPage(ctx, id, rest) {
  const { snapshot, url } = ctx;
  const renamed = snapshot.renames[id];
  if (renamed) return redirect(`/${renamed}${rest.length > 0 ? `/${rest.map(encodeURIComponent).join('/')}` : ''}${url.search}`);
  if ((rest[0] === 'resolve' || rest[0] === 'raw') && rest.length >= 3) return repoFile(ctx, id, rest[0], rest[1], rest.slice(2).join('/'));
  const entry = snapshot.models.get(id);
  if (!entry || entry.info.private || entry.listOnly) return notFoundPage(url.pathname);
  const onMain = (/** @type {string} */ rev) => rev === 'main' || rev === entry.info.sha;
  if (rest.length === 0) return modelCardPage(entry, snapshot, ctx.pageVariants?.get(id));
  if (rest[0] === 'tree' && (rest.length === 1 || onMain(rest[1]))) return treePage(entry, snapshot);
  if (rest[0] === 'blob' && rest.length >= 3 && onMain(rest[1])) {
    const path = rest.slice(2).join('/');
    return entry.blobs.has(path) ? blobPage(entry, path, snapshot) : notFoundPage(url.pathname);
  }
  if (rest[0] === 'discussions') return discussionsPage(entry, snapshot);
  if (rest[0] === 'commits' && (rest.length === 1 || onMain(rest[1]))) return commitsPage(entry, snapshot);
  return notFoundPage(url.pathname);
}

/** @param {Context} ctx @returns {Reply} */
export function route(ctx) {
  const { url, snapshot } = ctx;
  const { pathname } = url;
  if (pathname.startsWith('/api/')) return handleApi(ctx);
  if (pathname === '/favicon.ico') return { status: 204 };
  if (pathname.startsWith('/avatars/')) return { status: 200, body: AVATAR_SVG, type: 'image/svg+xml' };
  if (pathname === '/front/hold.svg') return { status: 200, body: AVATAR_SVG, type: 'image/svg+xml' };
  if (pathname.startsWith('/front/') || pathname.startsWith('/.well-known/')) return { status: 404, body: 'Not Found', type: 'text/plain; charset=utf-8' };

  const segments = pathname.split('/').filter(Boolean).map(decodeSegment);
  const [first, second, ...more] = segments;
  if (segments.length === 0) return simplePage('/', snapshot);
  if (first === 'models' && segments.length === 1) return listingPage(url, snapshot);
  if (first === 'models-json' && segments.length === 1) return json(200, webListing(url.searchParams, snapshot));
  if (first === 'docs' || first === 'blog') return simplePage(`/${first}`, snapshot);
  if ((first === 'datasets' || first === 'spaces') && segments.length === 1) return simplePage(`/${first}`, snapshot);
  if (first === 'datasets' && second && more[0]) {
    const dataset = snapshot.datasets[`${second}/${more[0]}`];
    return dataset ? datasetPage(dataset, snapshot) : notFoundPage(pathname);
  }
  if (first === 'spaces' && second && more[0]) {
    const id = `${second}/${more[0]}`;
    return snapshot.spaces.has(id) ? spacePage(id, snapshot) : notFoundPage(pathname);
  }
  if (first === 'collections' && second && more.length === 1) {
    const slug = `${second}/${more[0]}`;
    return slug in snapshot.collections ? collectionPage(slug, snapshot) : notFoundPage(pathname);
  }
  if (RESERVED.has(first)) return notFoundPage(pathname);
  // Legacy un-namespaced ids: /gpt2, /gpt2/tree/main, /gpt2/resolve/main/README.md.
  if (first in snapshot.renames && (segments.length === 1 || REPO_SUBPAGES.has(second))) return repoPage(ctx, first, segments.slice(1));
  if (segments.length === 1) {
    const known = snapshot.modelsOf(first).length > 0 || first in snapshot.owners;
    return known ? ownerPage(first, snapshot) : notFoundPage(pathname);
  }
  return repoPage(ctx, `${first}/${second}`, more);
}

