// IndexedDB layout of the Hub cache, its previous version, and the upgrade between them.
//
// Version 2 (current): one object store per kind (`models`, `children`, `cards`, `viewed`), all with the
// same record shape (CacheRecord) keyed by `key`, and indexes on `lastUsed` (LRU eviction), `fetchedAt`
// (oldest entry, recently viewed) and `bytes` (size accounting without reading values).
//
// Version 1 (previous): `models` keyed by `id` holding the raw `/api/models/{id}` JSON as `{ id, model,
// fetchedAt }`, and `readmes` keyed by `id` holding `{ id, sha, length, fetchedAt }`. The upgrade parses each
// v1 model into the normalised HubModel (keeping its fetchedAt, so TTLs still apply) and drops `readmes`:
// a length alone cannot rebuild CardStats, and cards are cheap to fetch again.

import { modelKey, parseModel } from '../hub/parse';
import type { CacheKind } from '../hub/types';

export const DB_NAME = 'hf-drift-cache';
export const DB_VERSION = 2;

export const STORE_OF: Record<CacheKind, string> = {
  model: 'models',
  children: 'children',
  card: 'cards',
  viewed: 'viewed',
};
export const STORES = Object.values(STORE_OF);

export const V1 = { version: 1, models: 'models', readmes: 'readmes', keyPath: 'id' } as const;

export interface CacheRecord<T = unknown> {
  key: string;
  value: T;
  fetchedAt: number;
  lastUsed: number;
  /** Approximate size (JSON length of the value). */
  bytes: number;
  /** Content addressed (e.g. card stats of one commit): never stale. */
  immutable?: boolean;
}

export function sizeOf(value: unknown): number {
  try {
    return JSON.stringify(value)?.length ?? 0;
  } catch {
    return 0;
  }
}

export function isCacheRecord(value: unknown): value is CacheRecord {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return (
    typeof r.key === 'string' &&
    'value' in r &&
    Number.isFinite(r.fetchedAt) &&
    Number.isFinite(r.lastUsed) &&
    Number.isFinite(r.bytes)
  );
}

function createCurrentStores(db: IDBDatabase): void {
  for (const name of STORES) {
    if (db.objectStoreNames.contains(name)) continue;
    const store = db.createObjectStore(name, { keyPath: 'key' });
    store.createIndex('lastUsed', 'lastUsed');
    store.createIndex('fetchedAt', 'fetchedAt');
    store.createIndex('bytes', 'bytes');
  }
}

/** A failed request inside the upgrade must not abort it: a half-migrated cache is still a cache. */
function keepGoing(request: IDBRequest): void {
  request.onerror = (event) => {
    event.preventDefault();
    event.stopPropagation();
  };
}

function migrateFromV1(db: IDBDatabase, tx: IDBTransaction): void {
  if (!db.objectStoreNames.contains(V1.models)) {
    if (db.objectStoreNames.contains(V1.readmes)) db.deleteObjectStore(V1.readmes);
    createCurrentStores(db);
    return;
  }
  const read = tx.objectStore(V1.models).getAll();
  const finish = (rows: unknown[]) => {
    db.deleteObjectStore(V1.models);
    if (db.objectStoreNames.contains(V1.readmes)) db.deleteObjectStore(V1.readmes);
    createCurrentStores(db);
    const models = tx.objectStore(STORE_OF.model);
    for (const row of rows) {
      const old = typeof row === 'object' && row !== null ? (row as Record<string, unknown>) : {};
      const model = parseModel(old.model);
      const fetchedAt = old.fetchedAt;
      if (!model || typeof fetchedAt !== 'number' || !Number.isFinite(fetchedAt)) continue;
      const record: CacheRecord = { key: modelKey(model.id), value: model, fetchedAt, lastUsed: fetchedAt, bytes: sizeOf(model) };
      keepGoing(models.put(record));
    }
  };
  read.onsuccess = () => finish(Array.isArray(read.result) ? read.result : []);
  read.onerror = (event) => {
    event.preventDefault();
    event.stopPropagation();
    finish([]);
  };
}

/** `upgradeneeded` handler: brings any earlier version to DB_VERSION inside the versionchange transaction. */
export function upgradeSchema(db: IDBDatabase, tx: IDBTransaction, oldVersion: number): void {
  if (oldVersion === V1.version) migrateFromV1(db, tx);
  else createCurrentStores(db);
}
