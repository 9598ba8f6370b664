// Filtering, sorting and cursor paging over the snapshot, shared by `/api/models`, `/models` and
// `/models-json` so that every listing agrees.

/** @typedef {import('../fixtures/snapshot.mjs').ModelEntry} ModelEntry */
/** @typedef {import('../fixtures/snapshot.mjs').HubSnapshot} HubSnapshot */

/** API `sort` values (always descending on the Hub). */
export const API_SORTS = ['trendingScore', 'downloads', 'likes', 'lastModified', 'createdAt'];
/** Web listing `sort` values → API field. */
export const WEB_SORTS = { trending: 'trendingScore', downloads: 'downloads', likes: 'likes', modified: 'lastModified', created: 'createdAt' };

/** @param {ModelEntry} entry @param {string} field @returns {number | string} */
export function sortValue(entry, field) {
  return field === 'trendingScore' ? entry.trendingScore : entry.info[field];
}

/** Descending by field, ties broken by id ascending. @param {ModelEntry} a @param {ModelEntry} b @param {string} field */
function compare(a, b, field) {
  const va = sortValue(a, field);
  const vb = sortValue(b, field);
  if (va !== vb) return va < vb ? 1 : -1;
  return a.info.id < b.info.id ? -1 : a.info.id > b.info.id ? 1 : 0;
}

/** @type {WeakMap<HubSnapshot, Map<string, ModelEntry[]>>} */
const sortedCache = new WeakMap();

/** @param {HubSnapshot} snapshot @param {string} field */
export function sortedModels(snapshot, field) {
  let bySort = sortedCache.get(snapshot);
  if (!bySort) sortedCache.set(snapshot, (bySort = new Map()));
  let list = bySort.get(field);
  if (!list) bySort.set(field, (list = [...snapshot.listable].sort((a, b) => compare(a, b, field))));
  return list;
}

/**
 * @typedef {object} ModelQuery
 * @property {string[]} search     substrings of the id, case-insensitive, all required
 * @property {string[]} tags       exact tags, all required
 * @property {string} [author]
 * @property {string} [pipeline_tag]
 * @property {string} [library]
 * @property {string} [language]
 */

/** @param {ModelEntry[]} list @param {ModelQuery} query */
export function filterModels(list, query) {
  const needles = query.search.map((s) => s.toLowerCase()).filter(Boolean);
  return list.filter(({ info }) => {
    if (query.author && info.author !== query.author) return false;
    if (query.pipeline_tag && info.pipeline_tag !== query.pipeline_tag) return false;
    if (query.library && !info.tags.includes(query.library)) return false;
    if (query.language && !info.tags.includes(query.language)) return false;
    if (!query.tags.every((tag) => info.tags.includes(tag))) return false;
    const id = info.id.toLowerCase();
    return needles.every((needle) => id.includes(needle));
  });
}

/** Repeatable parameters that the Hub also accepts comma-separated. @param {URLSearchParams} params @param {string[]} names */
export function listParam(params, names) {
  return names.flatMap((name) => params.getAll(name)).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
}

/**
 * Opaque cursor in the Hub's style: a base64 Mongo predicate "after (value, id) in this order".
 * @param {string} field @param {number | string} value @param {string} id
 */
export function encodeCursor(field, value, id) {
  const predicate = { $or: [{ [field]: value, id: { $gt: id } }, { [field]: { $lt: value } }] };
  return Buffer.from(JSON.stringify(predicate)).toString('base64');
}

/** @param {string} cursor @param {string} field @returns {{ value: number | string, id: string } | null} */
export function decodeCursor(cursor, field) {
  try {
    const predicate = JSON.parse(Buffer.from(cursor, 'base64').toString('utf8'));
    const tie = predicate?.$or?.[0];
    if (!tie || !(field in tie) || typeof tie.id?.$gt !== 'string') return null;
    return { value: tie[field], id: tie.id.$gt };
  } catch {
    return null;
  }
}

/**
 * Items strictly after the cursor position in a list sorted by (field desc, id asc).
 * @param {ModelEntry[]} list @param {string} field @param {{ value: number | string, id: string }} after
 */
export function startIndexAfter(list, field, after) {
  const index = list.findIndex((entry) => {
    const value = sortValue(entry, field);
    return value < after.value || (value === after.value && entry.info.id > after.id);
  });
  return index === -1 ? list.length : index;
}
