// Turns untrusted Hub JSON and headers into the normalised shapes of types.ts. Nothing here throws:
// a value of the wrong type is treated as missing, and an unusable model gives `null`.

import { finiteNonNegative, isRecord, MAX_LIST_ITEMS, text } from '../drift/sanitize';
import { LANGUAGE_CODES } from './languages';
import { RELATIONS, type Gated, type HubModel, type ParentRef, type ParentRelation, type Relation } from './types';

export const HUB_ORIGIN = 'https://huggingface.co';

type Json = Record<string, unknown>;

/** The value itself when it is a plain object (not an array), else undefined. */
function asObject(value: unknown): Json | undefined {
  return isRecord(value) ? value : undefined;
}

/**
 * YAML lets authors write one value or a list; the Hub passes either through. Keeps non-empty strings only
 * (trimmed, de-duplicated), at most MAX_LIST_ITEMS of them: a hostile card must not stall parsing.
 */
function stringList(value: unknown): string[] {
  const items = Array.isArray(value) ? value : [value];
  const seen = new Set<string>();
  for (const item of items) {
    const t = text(item);
    if (t !== undefined) seen.add(t);
    if (seen.size >= MAX_LIST_ITEMS) break;
  }
  return [...seen];
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

export function isRelation(value: unknown): value is Relation {
  return typeof value === 'string' && (RELATIONS as readonly string[]).includes(value);
}

// Hub owner and repo names: letters, digits, `-`, `_`, `.`; at most 96 characters; never `..`.
const ID_SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,95}$/;
const NOT_MODEL_PREFIXES = new Set(['datasets', 'spaces', 'models', 'api', 'collections']);

/** A syntactically valid model id (`org/name`, or a legacy single-segment id such as `gpt2`). */
export function isModelId(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const segments = value.split('/');
  if (segments.length > 2) return false;
  if (segments.length === 2 && NOT_MODEL_PREFIXES.has(segments[0])) return false;
  return segments.every((s) => ID_SEGMENT.test(s) && !s.includes('..') && !s.endsWith('.'));
}

/**
 * A model id from what authors write in `base_model`: `org/name`, or a URL such as
 * `https://huggingface.co/org/name/tree/main`. Returns null for anything else (datasets, other sites).
 */
export function normalizeModelId(input: unknown): string | null {
  const trimmed = text(input);
  if (trimmed === undefined) return null;
  const url = /^(?:https?:\/\/)?(?:www\.)?(?:huggingface\.co|hf\.co)\/([^?#]*)/i.exec(trimmed);
  if (url) {
    const [owner, name] = url[1].split('/').filter(Boolean);
    if (owner === undefined) return null;
    const id = name === undefined ? owner : `${owner}/${name}`;
    return isModelId(id) ? id : null;
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed)) return null; // some other scheme or site
  return isModelId(trimmed) ? trimmed : null;
}

/** Cache and cycle-detection key: Hub ids are case-insensitive (the Hub redirects other casings). */
export function modelKey(id: string): string {
  return id.toLowerCase();
}

const TYPED_PARENT_TAG = /^base_model:(finetune|adapter|quantized|merge):(.+)$/;

/** `base_model:{relation}:{id}` (a model's tag, or a listing's `other=` filter) → relation and id. */
export function typedParentTag(tag: string): { relation: Relation; id: string } | null {
  const typed = TYPED_PARENT_TAG.exec(tag.trim());
  const id = typed ? normalizeModelId(typed[2]) : null;
  return typed && id ? { relation: typed[1] as Relation, id } : null;
}

const PLAIN_PARENT_TAG = /^base_model:([^:]+)$/;

/** `expand[]=baseModels` → `{relation, models:[{id}]}` (shape from third-party reports; read defensively). */
function parseBaseModels(value: unknown): { relation?: Relation; ids: string[] } {
  const obj = asObject(value);
  if (!obj) return { ids: [] };
  const models = Array.isArray(obj.models) ? obj.models : [];
  const ids = models
    .map((m) => normalizeModelId(asObject(m)?.id))
    .filter((id): id is string => id !== null);
  return { relation: isRelation(obj.relation) ? obj.relation : undefined, ids };
}

/**
 * Immediate parents. Tags win (`base_model:{relation}:{id}`, computed by the Hub, which follows renames);
 * then `baseModels` from the expand call; the card's `base_model` is the last resort because it can hold a
 * renamed repo's old id.
 */
export function parentsFrom(tags: unknown, cardData: unknown, baseModels?: unknown): ParentRef[] {
  const tagList = stringList(tags);
  const card = asObject(cardData) ?? {};
  const cardRelation = isRelation(card.base_model_relation) ? card.base_model_relation : undefined;
  const expanded = parseBaseModels(baseModels);
  const parents: ParentRef[] = [];
  const seen = new Set<string>();
  const add = (id: string | null, relation: ParentRelation, source: ParentRef['source']) => {
    if (id === null || seen.has(modelKey(id))) return;
    seen.add(modelKey(id));
    parents.push({ id, relation, source });
  };

  for (const tag of tagList) {
    const typed = typedParentTag(tag);
    if (typed) add(typed.id, typed.relation, 'tags');
  }
  for (const tag of tagList) {
    const plain = PLAIN_PARENT_TAG.exec(tag);
    if (!plain) continue;
    const id = normalizeModelId(plain[1]);
    const inExpanded = id !== null && expanded.ids.some((e) => modelKey(e) === modelKey(id));
    add(id, (inExpanded ? expanded.relation : undefined) ?? cardRelation ?? 'unknown', 'tags');
  }
  if (parents.length > 0) return parents;

  for (const id of expanded.ids) add(id, expanded.relation ?? cardRelation ?? 'unknown', 'baseModels');
  if (parents.length > 0) return parents;

  for (const raw of stringList(card.base_model)) add(normalizeModelId(raw), cardRelation ?? 'unknown', 'cardData');
  return parents;
}

function languagesFrom(card: Json, tags: string[], tagObjs: unknown): { languages: string[]; multilingual: boolean } {
  const fromCard = stringList(card.language).map((l) => l.toLowerCase());
  let candidates = fromCard;
  if (candidates.length === 0 && Array.isArray(tagObjs)) {
    // Page props label each tag with its type, so no guessing is needed there.
    candidates = tagObjs
      .map(asObject)
      .filter((t) => t?.type === 'language')
      .map((t) => text(t?.id)?.toLowerCase())
      .filter((l): l is string => l !== undefined);
  }
  if (candidates.length === 0) candidates = tags.filter((t) => LANGUAGE_CODES.has(t));
  const multilingual = candidates.includes('multilingual') || tags.includes('multilingual');
  return { languages: unique(candidates.filter((l) => l !== 'multilingual')), multilingual };
}

function gatedFrom(value: unknown): Gated {
  if (value === 'auto' || value === 'manual') return value;
  return value === true ? 'auto' : false;
}

function childrenCountFrom(value: unknown): Partial<Record<Relation, number>> | undefined {
  const obj = asObject(value);
  if (!obj) return undefined;
  const counts: Partial<Record<Relation, number>> = {};
  for (const relation of RELATIONS) {
    const n = finiteNonNegative(obj[relation]);
    if (n !== undefined) counts[relation] = n;
  }
  return counts;
}

function prefixed(tags: string[], prefix: string): string[] {
  return tags.filter((t) => t.startsWith(prefix)).map((t) => t.slice(prefix.length)).filter(Boolean);
}

/**
 * Normalises a model from `GET /api/models/{id}` (with or without `expand[]`), a `/api/models` list item,
 * or the page's `ModelHeader` props (`props.model`, or the whole props object). Null when there is no valid id.
 */
/** File names kept per repository: enough for any real model repo, bounded for a hostile one. */
export const MAX_FILES = 1000;

/** `siblings: [{ rfilename }]` → file names (capped) and the listed total; nothing when it is not a list. */
function filesFrom(siblings: unknown): { files?: string[]; filesTotal?: number } {
  if (!Array.isArray(siblings)) return {};
  const files: string[] = [];
  for (const entry of siblings) {
    if (files.length >= MAX_FILES) break;
    const name = text(asObject(entry)?.rfilename);
    if (name !== undefined && name.length <= 1000) files.push(name);
  }
  return { files, filesTotal: Math.max(files.length, siblings.length) };
}

export function parseModel(raw: unknown): HubModel | null {
  let obj = asObject(raw);
  if (obj && obj.id === undefined && obj.modelId === undefined && asObject(obj.model)) obj = asObject(obj.model);
  if (!obj) return null;
  const id = [obj.id, obj.modelId].find(isModelId);
  if (id === undefined) return null;

  const card = asObject(obj.cardData) ?? {};
  const tags = stringList(obj.tags);
  const licenseKey = (l: string) => l.trim().toLowerCase();
  const cardLicenses = unique(stringList(card.license).map(licenseKey).filter(Boolean));
  const { languages, multilingual } = languagesFrom(card, tags, obj.tag_objs);
  const cardDatasets = stringList(card.datasets);

  const model: HubModel = {
    id,
    licenses: cardLicenses.length > 0 ? cardLicenses : unique(prefixed(tags, 'license:').map(licenseKey).filter(Boolean)),
    languages,
    multilingual,
    datasets: cardDatasets.length > 0 ? cardDatasets : prefixed(tags, 'dataset:'),
    tags,
    parents: parentsFrom(tags, card, obj.baseModels),
    cardBaseModels: stringList(card.base_model)
      .map(normalizeModelId)
      .filter((m): m is string => m !== null),
    gated: gatedFrom(obj.gated),
    private: obj.private === true,
  };
  const optional: Partial<HubModel> = {
    author: text(obj.author) ?? text(asObject(obj.author)?.name),
    sha: typeof obj.sha === 'string' && /^[0-9a-f]{40}$/.test(obj.sha) ? obj.sha : undefined,
    licenseName: text(card.license_name),
    licenseLink: text(card.license_link),
    pipelineTag: text(obj.pipeline_tag) ?? text(card.pipeline_tag),
    libraryName: text(obj.library_name) ?? text(card.library_name),
    architecture: stringList(asObject(obj.config)?.architectures)[0],
    modelType: text(asObject(obj.config)?.model_type),
    downloads: finiteNonNegative(obj.downloads),
    likes: finiteNonNegative(obj.likes),
    lastModified: text(obj.lastModified),
    createdAt: text(obj.createdAt),
    cardExists: typeof obj.cardExists === 'boolean' ? obj.cardExists : undefined,
    childrenCount: childrenCountFrom(obj.childrenModelCount),
    ...filesFrom(obj.siblings),
  };
  for (const [key, value] of Object.entries(optional)) {
    if (value !== undefined) (model as unknown as Json)[key] = value;
  }
  return model;
}

/** Parses a JSON array of list items, dropping items that are not models. Null when it is not an array. */
export function parseModelList(raw: unknown): HubModel[] | null {
  if (!Array.isArray(raw)) return null;
  return raw.map(parseModel).filter((m): m is HubModel => m !== null);
}

interface HeaderSource {
  get(name: string): string | null;
}

export interface RateLimitInfo {
  /** `api`, `resolvers` or `pages`. */
  bucket?: string;
  /** Requests left in the current window (`r=`). */
  remaining?: number;
  /** Seconds until the window resets (`t=`). */
  resetSeconds?: number;
  /** Window quota and length from `RateLimit-Policy` (`q=`, `w=`). */
  quota?: number;
  windowSeconds?: number;
}

function structuredParams(value: string): { name?: string; params: Record<string, string> } {
  // Draft-ietf-httpapi-ratelimit-headers: `"api";r=499;t=293` (only the first list member is read).
  const first = value.split(',')[0] ?? '';
  const parts = first.split(';').map((p) => p.trim());
  const params: Record<string, string> = {};
  let name: string | undefined;
  for (const part of parts) {
    const eq = part.indexOf('=');
    if (eq === -1) {
      const quoted = /^"([^"]*)"$/.exec(part);
      if (quoted && name === undefined) name = quoted[1];
      continue;
    }
    params[part.slice(0, eq).trim().toLowerCase()] = part.slice(eq + 1).trim().replace(/^"|"$/g, '');
  }
  return { name, params };
}

function nonNegativeInt(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d+$/.test(value)) return undefined;
  return Number(value);
}

/** Reads `RateLimit` and `RateLimit-Policy`. Null when the response carries neither. */
export function parseRateLimit(headers: HeaderSource): RateLimitInfo | null {
  const limit = headers.get('ratelimit');
  const policy = headers.get('ratelimit-policy');
  if (limit === null && policy === null) return null;
  const info: RateLimitInfo = {};
  if (limit !== null) {
    const { name, params } = structuredParams(limit);
    info.bucket = name;
    info.remaining = nonNegativeInt(params.r);
    info.resetSeconds = nonNegativeInt(params.t);
  }
  if (policy !== null) {
    // `"fixed window";"api";q=500;w=300`: the bucket is the last quoted item before the params.
    const quotedNames = [...policy.split(',')[0].matchAll(/"([^"]*)"/g)].map((m) => m[1]);
    const { params } = structuredParams(policy);
    info.bucket ??= quotedNames[quotedNames.length - 1];
    info.quota = nonNegativeInt(params.q);
    info.windowSeconds = nonNegativeInt(params.w);
  }
  return info;
}

/** `Retry-After` as delay-seconds or an HTTP date → milliseconds to wait (never negative). */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** The `rel="next"` target of a `Link` header, made absolute against the Hub. Undefined on the last page. */
export function nextLinkFrom(header: string | null, base: string = HUB_ORIGIN): string | undefined {
  if (header === null) return undefined;
  for (const match of header.matchAll(/<([^>]*)>((?:\s*;\s*[^;,]+)*)/g)) {
    const rels = /;\s*rel\s*=\s*"?([^";]+)"?/i.exec(match[2])?.[1]?.toLowerCase().split(/\s+/) ?? [];
    if (!rels.includes('next')) continue;
    try {
      return new URL(match[1], base).href;
    } catch {
      return undefined;
    }
  }
  return undefined;
}
