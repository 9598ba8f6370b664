// `/api/*` and `/{id}/resolve/*`: JSON and file answers in the shapes of the real Hub (see
// the project's Hub API notes, hub-api.md §1–§3, and tests/fixtures/hub-samples/).
import { API_SORTS, decodeCursor, encodeCursor, filterModels, listParam, sortValue, sortedModels, startIndexAfter } from './query.mjs';
import { avatarUrlFor } from './owners.mjs';

/**
 * @typedef {import('../fixtures/snapshot.mjs').HubSnapshot} HubSnapshot
 * @typedef {import('../fixtures/snapshot.mjs').ModelEntry} ModelEntry
 * @typedef {{ status: number, headers?: Record<string, string>, body?: string | Buffer, type?: string }} Reply
 * @typedef {{ kind: 'anonymous' } | { kind: 'user', name: string } | { kind: 'invalid' }} Auth
 * @typedef {{ url: URL, method: string, snapshot: HubSnapshot, auth: Auth, publicOrigin: string, pageVariants?: Map<string, import('./pages.mjs').PageVariant> }} Context
 */

export const TEST_TOKEN = 'hf_offlineTestToken123';
export const TEST_USER = 'offline-tester';

/** Values `expand` accepts on `/api/models/{id}` (huggingface_hub's ExpandModelProperty_T). */
export const MODEL_EXPAND_VALUES = [
  'author', 'baseModels', 'cardData', 'childrenModelCount', 'config', 'createdAt', 'disabled', 'downloads',
  'downloadsAllTime', 'evalResults', 'gated', 'gguf', 'inference', 'inferenceProviderMapping', 'lastModified',
  'library_name', 'likes', 'mask_token', 'model-index', 'pipeline_tag', 'private', 'resourceGroup', 'safetensors',
  'sha', 'siblings', 'spaces', 'tags', 'transformersInfo', 'trendingScore', 'usedStorage', 'widgetData',
];
/** The list endpoint rejects these (huggingface_hub PR #3182: the server's listing routes refuse them). */
export const LIST_REJECTED_EXPAND = ['baseModels', 'childrenModelCount', 'usedStorage'];

// Field order of expanded single-model answers: the default response's order, extras at the end.
const MODEL_FIELD_ORDER = [
  'private', 'pipeline_tag', 'library_name', 'tags', 'downloads', 'likes', 'author', 'sha', 'lastModified', 'gated',
  'disabled', 'mask_token', 'widgetData', 'model-index', 'config', 'cardData', 'gguf', 'transformersInfo', 'siblings',
  'spaces', 'createdAt', 'safetensors', 'inference', 'usedStorage', 'downloadsAllTime', 'trendingScore',
  'inferenceProviderMapping', 'evalResults', 'resourceGroup', 'baseModels', 'childrenModelCount',
];
// Field order of list items, consistent with list-models_default and list-models_expand samples.
const LIST_FIELD_ORDER = [
  'author', 'cardData', 'config', 'disabled', 'gated', 'gguf', 'inference', 'inferenceProviderMapping', 'lastModified',
  'likes', 'trendingScore', 'private', 'sha', 'downloads', 'downloadsAllTime', 'tags', 'pipeline_tag', 'library_name',
  'mask_token', 'model-index', 'siblings', 'spaces', 'createdAt', 'safetensors', 'transformersInfo', 'widgetData',
  'evalResults', 'resourceGroup', 'modelId',
];
const DEFAULT_LIST_FIELDS = ['likes', 'trendingScore', 'private', 'downloads', 'tags', 'pipeline_tag', 'library_name', 'createdAt', 'modelId'];

export const LIST_DEFAULT_LIMIT = 1000;
export const LIST_MAX_LIMIT = 1000;

/** @param {number} status @param {unknown} body @param {Record<string, string>} [headers] @returns {Reply} */
export function json(status, body, headers = {}) {
  return { status, headers, body: JSON.stringify(body), type: 'application/json; charset=utf-8' };
}

/** @param {number} status @param {string} body @param {Record<string, string>} [headers] @returns {Reply} */
export function text(status, body, headers = {}) {
  return { status, headers, body, type: 'text/plain; charset=utf-8' };
}

/** A 307 with the Hub's plain-text body. @param {string} location @param {Record<string, string>} [headers] @returns {Reply} */
export function redirect(location, headers = {}) {
  return text(307, `Temporary Redirect. Redirecting to ${location}`, { Location: location, ...headers });
}

/** @param {Record<string, string | string[] | undefined>} headers @returns {Auth} */
export function authFrom(headers) {
  const header = headers.authorization;
  if (typeof header !== 'string' || header === '') return { kind: 'anonymous' };
  return header === `Bearer ${TEST_TOKEN}` ? { kind: 'user', name: TEST_USER } : { kind: 'invalid' };
}

const INVALID_CREDENTIALS = 'Invalid credentials in Authorization header';
const ANONYMOUS_NOT_FOUND = 'Invalid username or password.';

/** @param {Auth} auth @param {'json' | 'text'} as */
export function repoNotFound(auth, as) {
  if (auth.kind === 'user') {
    const headers = { 'X-Error-Code': 'RepoNotFound', 'X-Error-Message': 'Repository not found' };
    return as === 'json' ? json(404, { error: 'Repository not found' }, headers) : text(404, 'Repository not found', headers);
  }
  // Anonymous answer: 401, no X-Error-Code (observed; the client infers "repository not found").
  const headers = { 'X-Error-Message': ANONYMOUS_NOT_FOUND, 'WWW-Authenticate': 'Bearer realm="Authentication required", charset="UTF-8"' };
  return as === 'json' ? json(401, { error: ANONYMOUS_NOT_FOUND }, headers) : text(401, ANONYMOUS_NOT_FOUND, headers);
}

/** @param {string} id @param {'json' | 'text'} as */
function gatedForbidden(id, as) {
  const message = `Access to model ${id} is restricted and you are not in the authorized list. Visit https://huggingface.co/${id} to ask for access.`;
  const headers = { 'X-Error-Code': 'GatedRepo', 'X-Error-Message': message };
  return as === 'json' ? json(403, { error: message }, headers) : text(403, message, headers);
}

/** @param {string} id */
function gatedAnonymous(id) {
  const message = `Access to model ${id} is restricted. You must have access to it and be authenticated to access it. Please log in.`;
  return text(401, message, { 'X-Error-Code': 'GatedRepo', 'X-Error-Message': message, 'WWW-Authenticate': 'Bearer realm="Authentication required", charset="UTF-8"' });
}

/** @param {string} rev @param {'json' | 'text'} as */
function revisionNotFound(rev, as) {
  const message = `Invalid rev id: ${rev}`;
  const headers = { 'X-Error-Code': 'RevisionNotFound', 'X-Error-Message': message };
  return as === 'json' ? json(404, { error: message }, headers) : text(404, message, headers);
}

/** @param {ModelEntry} entry @param {string} rev */
const revisionMatches = (entry, rev) => rev === 'main' || rev === 'HEAD' || rev === entry.info.sha;

/**
 * Splits `owner/name/rest…` (segments possibly percent-encoded, id possibly as one `%2F` segment).
 * Legacy un-namespaced ids (`gpt2`) come back as a one-part id.
 * @param {string} rawPath path after the prefix, still encoded
 * @param {HubSnapshot} snapshot
 * @param {string[]} keywords  second segments that start the remainder (e.g. "revision")
 */
export function splitRepoPath(rawPath, snapshot, keywords) {
  const segments = rawPath.split('/').flatMap((segment) => {
    try {
      return decodeURIComponent(segment).split('/');
    } catch {
      return [segment];
    }
  });
  if (segments.length >= 2 && !(keywords.includes(segments[1]) && segments[0] in snapshot.renames)) {
    return { id: `${segments[0]}/${segments[1]}`, rest: segments.slice(2) };
  }
  return { id: segments[0], rest: segments.slice(1) };
}

/** @param {ModelEntry} entry */
function siblingsWithBlobs(entry) {
  return entry.info.siblings.map((/** @type {{ rfilename: string }} */ { rfilename }) => {
    const blob = entry.blobs.get(rfilename);
    return blob ? { rfilename, blobId: blob.blobId, size: blob.size, ...(blob.lfs ? { lfs: blob.lfs } : {}) } : { rfilename };
  });
}

/**
 * Value of one expandable field, or undefined when the model has none (the Hub then omits it).
 * @param {ModelEntry} entry @param {string} field @param {HubSnapshot} snapshot @param {boolean} blobs
 */
function fieldValue(entry, field, snapshot, blobs) {
  switch (field) {
    case 'baseModels': {
      if (entry.parents.ids.length === 0) return undefined;
      return {
        relation: entry.parents.relation,
        models: entry.parents.ids.map((id) => ({ _id: snapshot.models.get(id)?.info._id ?? objectIdOfMissing(id), id })),
      };
    }
    case 'childrenModelCount':
      return snapshot.childrenCount(entry.info.id);
    case 'downloadsAllTime':
      return entry.downloadsAllTime;
    case 'trendingScore':
      return entry.trendingScore;
    case 'siblings':
      return blobs ? siblingsWithBlobs(entry) : entry.info.siblings;
    case 'inferenceProviderMapping':
    case 'evalResults':
    case 'resourceGroup':
      return undefined;
    default: {
      const value = entry.info[field];
      return value === null ? undefined : value;
    }
  }
}

// A deleted parent keeps the ObjectId it had when the child's card was indexed.
/** @param {string} id */
function objectIdOfMissing(id) {
  let hash = 0;
  for (const char of id) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) >>> 0;
  return `5f00000000000000${hash.toString(16).padStart(8, '0')}`;
}

/** Both spellings: `expand[]=x` and `expand=x`, each repeatable. @param {URLSearchParams} params */
function expandValues(params) {
  const values = [...params.getAll('expand[]'), ...params.getAll('expand')];
  return values.length > 0 || params.has('expand[]') || params.has('expand') ? values : null;
}

/** @param {string[]} values @param {string[]} allowed */
function invalidExpand(values, allowed) {
  const bad = values.find((v) => !allowed.includes(v));
  return bad === undefined
    ? null
    : json(400, { error: `"expand" contains an invalid value: "${bad}". Allowed values: ${allowed.join(', ')}` });
}

/** @param {Context} ctx @param {ModelEntry} entry */
function modelInfo(ctx, entry) {
  const params = ctx.url.searchParams;
  const blobs = params.get('blobs') === 'true';
  const expand = expandValues(params);
  if (expand === null) {
    const body = { ...entry.info };
    if (blobs) body.siblings = siblingsWithBlobs(entry);
    return json(200, body);
  }
  const problem = invalidExpand(expand, MODEL_EXPAND_VALUES);
  if (problem) return problem;
  /** @type {Record<string, unknown>} */
  const body = { _id: entry.info._id, id: entry.info.id };
  for (const field of MODEL_FIELD_ORDER) {
    if (!expand.includes(field)) continue;
    const value = fieldValue(entry, field, ctx.snapshot, blobs);
    if (value !== undefined) body[field] = value;
  }
  return json(200, body);
}

/** The repo's files as `/api/models/{id}/tree/{rev}` lists them (and the tree page embeds them). @param {ModelEntry} entry */
export function treeEntries(entry) {
  return entry.info.siblings.map((/** @type {{ rfilename: string }} */ { rfilename }) => {
    const blob = entry.blobs.get(rfilename);
    return {
      type: 'file',
      oid: blob?.blobId,
      size: blob?.size,
      ...(blob?.lfs ? { lfs: { oid: blob.lfs.sha256, size: blob.lfs.size, pointerSize: blob.lfs.pointerSize } } : {}),
      path: rfilename,
    };
  });
}

/** @param {Context} ctx @param {string} rawPath */
function modelRoute(ctx, rawPath) {
  const { id, rest } = splitRepoPath(rawPath, ctx.snapshot, ['revision', 'tree']);
  const renamed = ctx.snapshot.renames[id];
  if (renamed) {
    const suffix = rest.length > 0 ? `/${rest.map(encodeURIComponent).join('/')}` : '';
    return redirect(`/api/models/${renamed}${suffix}${ctx.url.search}`);
  }
  const entry = ctx.snapshot.models.get(id);
  if (!entry || entry.info.private) return repoNotFound(ctx.auth, 'json');
  if (entry.apiGatedForbidden) return gatedForbidden(id, 'json');
  if (rest.length === 0) return modelInfo(ctx, entry);
  if (rest[0] === 'revision' && rest.length >= 2) {
    const rev = rest.slice(1).join('/');
    return revisionMatches(entry, rev) ? modelInfo(ctx, entry) : revisionNotFound(rev, 'json');
  }
  if (rest[0] === 'tree' && rest.length >= 2) {
    return revisionMatches(entry, rest[1]) ? json(200, treeEntries(entry)) : revisionNotFound(rest[1], 'json');
  }
  return json(404, { error: 'Sorry, we can\'t find the page you are looking for.' });
}

/** @param {ModelEntry} entry @param {URLSearchParams} params @param {string[] | null} expand @param {HubSnapshot} snapshot */
function listItem(entry, params, expand, snapshot) {
  /** @type {Record<string, unknown>} */
  const item = { _id: entry.info._id, id: entry.info.id };
  /** @type {Set<string>} */
  let fields;
  if (expand) fields = new Set(expand);
  else {
    fields = new Set(DEFAULT_LIST_FIELDS);
    if (params.get('full') === 'true') for (const f of ['author', 'gated', 'lastModified', 'sha', 'siblings']) fields.add(f);
    if (params.get('cardData') === 'true') fields.add('cardData');
    if (params.get('config') === 'true') fields.add('config');
  }
  for (const field of LIST_FIELD_ORDER) {
    if (!fields.has(field)) continue;
    const value = field === 'modelId' ? entry.info.id : fieldValue(entry, field, snapshot, false);
    if (value !== undefined) item[field] = value;
  }
  return item;
}

/** @param {Context} ctx */
function listModels(ctx) {
  const params = ctx.url.searchParams;
  const expand = expandValues(params);
  if (expand) {
    const rejected = expand.find((v) => LIST_REJECTED_EXPAND.includes(v));
    if (rejected) return json(400, { error: `"expand" contains an invalid value: "${rejected}" is not supported when listing models` });
    const problem = invalidExpand(expand, MODEL_EXPAND_VALUES);
    if (problem) return problem;
  }
  const sort = params.get('sort') ?? 'trendingScore';
  if (!API_SORTS.includes(sort)) return json(400, { error: `Invalid sort parameter "${sort}". Allowed values: ${API_SORTS.join(', ')}` });
  const limitParam = params.get('limit');
  const limit = limitParam === null ? LIST_DEFAULT_LIMIT : Number.parseInt(limitParam, 10);
  if (!Number.isFinite(limit) || limit < 1) return json(400, { error: '"limit" must be a positive integer' });
  const pageSize = Math.min(limit, LIST_MAX_LIMIT);

  const matches = filterModels(sortedModels(ctx.snapshot, sort), {
    search: params.getAll('search'),
    tags: listParam(params, ['filter', 'other']),
    author: params.get('author') ?? undefined,
    pipeline_tag: params.get('pipeline_tag') ?? undefined,
    library: params.get('library') ?? undefined,
    language: params.get('language') ?? undefined,
  });
  let start = 0;
  const cursor = params.get('cursor');
  if (cursor !== null) {
    const after = decodeCursor(cursor, sort);
    if (!after) return json(400, { error: 'Invalid cursor' });
    start = startIndexAfter(matches, sort, after);
  }
  const page = matches.slice(start, start + pageSize);
  /** @type {Record<string, string>} */
  const headers = {};
  if (start + pageSize < matches.length && page.length > 0) {
    const last = page[page.length - 1];
    const next = new URLSearchParams(params);
    next.delete('cursor');
    next.append('cursor', encodeCursor(sort, sortValue(last, sort), last.info.id));
    headers.Link = `<${ctx.publicOrigin}/api/models?${next.toString()}>; rel="next"`;
  }
  return json(200, page.map((entry) => listItem(entry, params, expand, ctx.snapshot)), headers);
}

/** @param {Context} ctx */
function whoami(ctx) {
  if (ctx.auth.kind !== 'user') return json(401, { error: INVALID_CREDENTIALS });
  return json(200, {
    type: 'user',
    id: '66f1a2b3c4d5e6f708192a3b',
    name: TEST_USER,
    fullname: 'Offline Tester',
    email: 'offline-tester@example.invalid',
    emailVerified: true,
    canPay: false,
    periodEnd: null,
    isPro: false,
    avatarUrl: avatarUrlFor(TEST_USER),
    orgs: [],
    auth: { type: 'access_token', accessToken: { displayName: 'hf-drift offline tests', role: 'read', createdAt: '2026-01-01T00:00:00.000Z' } },
  });
}

/** @param {Context} ctx @param {string} rawPath */
function resolveCache(ctx, rawPath) {
  // models/{owner}/{name}/{sha}/{file…}
  const parts = rawPath.split('/').map((p) => decodeURIComponent(p));
  if (parts[0] !== 'models' || parts.length < 5) return json(404, { error: 'Not found' });
  const id = `${parts[1]}/${parts[2]}`;
  const entry = ctx.snapshot.models.get(id);
  if (!entry || entry.info.private) return repoNotFound(ctx.auth, 'text');
  if (parts[3] !== entry.info.sha) return revisionNotFound(parts[3], 'text');
  return fileBody(entry, parts.slice(4).join('/'));
}

/** @param {ModelEntry} entry @param {string} path */
function fileBody(entry, path) {
  const blob = entry.blobs.get(path);
  if (!blob) return entryNotFound();
  const headers = { 'X-Repo-Commit': entry.info.sha, ETag: `"${blob.lfs?.sha256 ?? blob.blobId}"` };
  const content = entry.files[path];
  if (content !== undefined) {
    const type = path.endsWith('.json') ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8';
    return { status: 200, headers, body: content, type };
  }
  // Weights are not stored; a short placeholder stands in, with the real size announced.
  return { status: 200, headers: { ...headers, 'X-Linked-Size': String(blob.size) }, body: `offline hub placeholder for ${path}\n`, type: 'application/octet-stream' };
}

function entryNotFound() {
  return text(404, 'Entry not found', { 'X-Error-Code': 'EntryNotFound', 'X-Error-Message': 'Entry not found' });
}

/**
 * `/{id}/resolve/{rev}/{path}` and `/{id}/raw/{rev}/{path}`.
 * @param {Context} ctx @param {string} id @param {'resolve' | 'raw'} mode @param {string} rev @param {string} path
 */
export function repoFile(ctx, id, mode, rev, path) {
  if (ctx.auth.kind === 'invalid') return text(401, INVALID_CREDENTIALS, { 'X-Error-Message': INVALID_CREDENTIALS });
  const renamed = ctx.snapshot.renames[id];
  if (renamed) {
    return redirect(`/${renamed}/${mode}/${encodeURIComponent(rev)}/${path.split('/').map(encodeURIComponent).join('/')}${ctx.url.search}`);
  }
  const entry = ctx.snapshot.models.get(id);
  if (!entry || entry.info.private) return repoNotFound(ctx.auth, 'text');
  if (entry.apiGatedForbidden) return gatedForbidden(id, 'text');
  if (!revisionMatches(entry, rev)) return revisionNotFound(rev, 'text');
  const blob = entry.blobs.get(path);
  if (!blob) return entryNotFound();
  // Gated repos: the card is public, every other file needs approval. `readmeGated` repos behave like the
  // real Hub's gated repos (issue 15): metadata public, the README itself needs approval too.
  if (entry.info.gated && ((path !== 'README.md' && path !== '.gitattributes') || (entry.readmeGated && path === 'README.md'))) {
    return ctx.auth.kind === 'user' ? gatedForbidden(id, 'text') : gatedAnonymous(id);
  }
  if (mode === 'raw') return fileBody(entry, path);
  const encodedPath = path.split('/').map(encodeURIComponent).join('/');
  const location =
    `/api/resolve-cache/models/${id}/${entry.info.sha}/${encodedPath}` +
    `?${encodeURIComponent(`/${id}/resolve/${rev}/${path}`)}=&etag=${encodeURIComponent(`"${blob.lfs?.sha256 ?? blob.blobId}"`)}`;
  return redirect(location, { 'X-Repo-Commit': entry.info.sha });
}

/** @param {Context} ctx @param {string} rawPath */
function datasetInfo(ctx, rawPath) {
  const { id } = splitRepoPath(rawPath, ctx.snapshot, []);
  const dataset = ctx.snapshot.datasets[id];
  return dataset ? json(200, dataset) : repoNotFound(ctx.auth, 'json');
}

/** @param {Context} ctx @param {string} slug */
function collectionInfo(ctx, slug) {
  const collection = /** @type {Record<string, any>} */ (ctx.snapshot.collections)[slug];
  if (!collection) return json(404, { error: 'Collection not found' });
  return json(200, {
    slug: collection.slug,
    title: collection.title,
    description: collection.description,
    gating: false,
    lastUpdated: collection.lastUpdated,
    owner: { name: collection.owner, type: 'org' },
    items: collection.items.flatMap((/** @type {string} */ id, /** @type {number} */ position) => {
      const entry = ctx.snapshot.models.get(id);
      if (!entry) return [];
      return [{ _id: entry.info._id, id, type: 'model', position, author: entry.info.author, downloads: entry.info.downloads, likes: entry.info.likes, gated: entry.info.gated, lastModified: entry.info.lastModified, private: false, repoType: 'model', ...(entry.info.pipeline_tag ? { pipeline_tag: entry.info.pipeline_tag } : {}) }];
    }),
    position: 0,
    private: false,
    theme: 'indigo',
    upvotes: collection.upvotes,
    isUpvotedByUser: false,
  });
}

/** Every `/api/…` request. @param {Context} ctx @returns {Reply} */
export function handleApi(ctx) {
  const path = ctx.url.pathname;
  if (path === '/api/whoami-v2') return whoami(ctx);
  if (ctx.auth.kind === 'invalid') return json(401, { error: INVALID_CREDENTIALS }, { 'X-Error-Message': INVALID_CREDENTIALS });
  if (path === '/api/models' || path === '/api/models/') return listModels(ctx);
  if (path.startsWith('/api/models/')) return modelRoute(ctx, path.slice('/api/models/'.length));
  if (path.startsWith('/api/resolve-cache/')) return resolveCache(ctx, path.slice('/api/resolve-cache/'.length));
  if (path.startsWith('/api/datasets/')) return datasetInfo(ctx, path.slice('/api/datasets/'.length));
  if (path.startsWith('/api/collections/')) return collectionInfo(ctx, decodeURIComponent(path.slice('/api/collections/'.length)));
  return json(404, { error: 'Sorry, we can\'t find the page you are looking for.' });
}
