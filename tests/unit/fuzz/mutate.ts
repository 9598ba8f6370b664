// Structural mutations of real Hub JSON (and README text) for the fuzz tests: fast-check picks the
// operations, `applyOps` applies them to a fresh copy of a sample. Every value the Hub or a page could
// send is fair game: wrong JSON types, missing keys, huge strings, markup, odd Unicode, deep nesting,
// `__proto__` keys, `base_model` as URL, list or garbage.
import fc from 'fast-check';

type Json = unknown;
type Container = Record<string, unknown> | unknown[];

export const SCRIPT_PAYLOADS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "javascript:alert('x')",
  '<svg onload=alert(1)>',
  "'; DROP TABLE models; --",
  '{{7*7}}',
  '${7*7}',
  '</textarea><b onmouseover=alert(1)>',
  'data:text/html,<script>alert(1)</script>',
];

export const UNICODE_PAYLOADS = [
  '\u202Eevil',
  'zero\u200Bwidth',
  '👩‍👩‍👧‍👦',
  'Ｌｌａｍａ',
  'ℌ𝔲𝔤𝔤𝔦𝔫𝔤',
  '\u0000',
  '\uD800',
  '\uDC00x',
  'e\u0301',
  'İ',
  '\uFEFF---',
  'ΕΝ',
  '中文',
  '  \t\n ',
];

export const ID_LIKE = [
  'meta-llama/Llama-3.1-8B',
  'meta-llama/Llama-3.1-8B-Instruct',
  'gpt2',
  'org/name',
  'ORG/Name',
  ' org/name ',
  'org/na..me',
  'org/.x',
  'org/x.',
  '_x/y',
  'datasets/x',
  'models/x',
  'spaces/x',
  'a/b/c',
  `${'a'.repeat(96)}/b`,
  'a'.repeat(97),
  'https://huggingface.co/org/name',
  'hf.co/org/name/tree/main',
  '../../x',
  'org/name\n',
  'org\\name',
  'en',
  'multilingual',
  'apache-2.0',
  'llama3.1',
  'other',
];

const BASE_MODEL_VALUES: Json[] = [
  'https://huggingface.co/meta-llama/Llama-3.1-8B',
  'https://hf.co/google/gemma-2-2b/tree/main',
  'http://www.huggingface.co/gpt2',
  'huggingface.co/org/name?x=1#y',
  'HTTPS://HUGGINGFACE.CO/Org/Name/blob/main/README.md',
  'https://huggingface.co/',
  'https://huggingface.co/datasets/foo/bar',
  'https://evil.example/org/name',
  'https://huggingface.co.evil.example/org/name',
  'javascript:alert(1)',
  'datasets/foo/bar',
  'org/name/extra',
  ' org/name ',
  '',
  'ORG/NAME',
  'a/b'.repeat(100),
  ['a/b', 'https://huggingface.co/c/d', 42, null, { id: 'x/y' }, 'A/B'],
  ['meta-llama/Llama-3.1-8B', 'meta-llama/Llama-3.1-8B', 'META-LLAMA/llama-3.1-8b'],
  [],
  {},
  { id: 'org/name' },
  42,
  true,
];

const TAG_PREFIXES = [
  'base_model:',
  'base_model:finetune:',
  'base_model:merge:',
  'base_model:adapter:',
  'base_model:quantized:',
  'base_model:bogus:',
  'base_model:finetune:https://huggingface.co/',
  'license:',
  'dataset:',
  '',
  'region:',
];

/** Where `inject` writes: top-level fields of an API record / page props, and card metadata. */
const INJECT_PATHS: string[][] = [
  ['id'],
  ['modelId'],
  ['model'],
  ['tags'],
  ['cardData'],
  ['gated'],
  ['private'],
  ['pipeline_tag'],
  ['library_name'],
  ['author'],
  ['sha'],
  ['downloads'],
  ['likes'],
  ['lastModified'],
  ['createdAt'],
  ['cardExists'],
  ['childrenModelCount'],
  ['childrenModelCount', 'finetune'],
  ['childrenModelCount', 'merge'],
  ['baseModels'],
  ['baseModels', 'models'],
  ['baseModels', 'relation'],
  ['tag_objs'],
  ['__proto__'],
  ['constructor'],
  ['hasOwnProperty'],
  ['cardData', 'license'],
  ['cardData', 'license_name'],
  ['cardData', 'license_link'],
  ['cardData', 'language'],
  ['cardData', 'datasets'],
  ['cardData', 'base_model'],
  ['cardData', 'base_model_relation'],
  ['cardData', 'pipeline_tag'],
  ['cardData', 'library_name'],
  ['cardData', '__proto__'],
  ['cardData', 'toString'],
  ['model', 'id'],
  ['model', 'cardData'],
];

const HUGE_STRINGS = [
  'x'.repeat(200_000),
  `${' '.repeat(100_000)}y`,
  'a/'.repeat(50_000),
  'base_model:'.repeat(10_000),
  '---\n'.repeat(20_000),
  '<'.repeat(50_000),
];
const HUGE_LIST = Array.from({ length: 1000 }, (_, i) => (i % 3 ? `l${i}` : 'en'));

/**
 * A huge value, expanded only when an operation uses it, so a failing case prints as `huge#2` instead of
 * 200,000 characters.
 */
export class Huge {
  constructor(readonly index: number) {}
  value(): string | string[] {
    return this.index < HUGE_STRINGS.length ? HUGE_STRINGS[this.index] : HUGE_LIST.slice();
  }
  [fc.toStringMethod](): string {
    return `huge#${this.index}`;
  }
}

/** The real value of a payload (huge ones expanded). */
export function expand(payload: unknown): unknown {
  return payload instanceof Huge ? payload.value() : payload;
}

/** Own `__proto__` / `constructor` keys, as JSON.parse makes them. */
const PROTO_JSON = [
  '{"__proto__":{"polluted":true},"id":"org/proto"}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  '{"__proto__":[],"length":3}',
  '{"toString":"x","valueOf":1,"hasOwnProperty":null}',
];

export const payloadArb: fc.Arbitrary<Json> = fc.oneof(
  { weight: 4, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 3, arbitrary: fc.constantFrom(...SCRIPT_PAYLOADS, ...UNICODE_PAYLOADS, ...ID_LIKE) },
  { weight: 2, arbitrary: fc.nat({ max: HUGE_STRINGS.length }).map((i) => new Huge(i)) },
  { weight: 1, arbitrary: fc.constantFrom(...BASE_MODEL_VALUES) },
  { weight: 1, arbitrary: fc.constantFrom(0, -1, -0, 1.5, 1e308, -1e308, 2 ** 53 + 2, true, false, null, '', [], {}) },
  { weight: 1, arbitrary: fc.constantFrom(...PROTO_JSON).map((text) => JSON.parse(text) as Json) },
);

export const OP_KINDS = ['delete', 'replace', 'retype', 'duplicate', 'shuffle', 'nest', 'inject', 'tag', 'baseModel', 'wrapRoot'] as const;
export type OpKind = (typeof OP_KINDS)[number];

export interface Op {
  kind: OpKind;
  /** Picks the slot (object key or list index) the operation applies to. */
  at: number;
  /** A second free choice (variant, depth, count). */
  n: number;
  payload: Json;
}

/** How often each operation is picked: wrapping the whole record (almost always unparseable) is rare. */
const OP_WEIGHTS: Record<OpKind, number> = {
  delete: 3,
  replace: 3,
  retype: 3,
  duplicate: 2,
  shuffle: 2,
  nest: 2,
  inject: 3,
  tag: 3,
  baseModel: 2,
  wrapRoot: 1,
};

export const opArb: fc.Arbitrary<Op> = fc.record({
  kind: fc.oneof(...OP_KINDS.map((kind) => ({ weight: OP_WEIGHTS[kind], arbitrary: fc.constant(kind) }))),
  at: fc.nat(),
  n: fc.nat({ max: 10_000 }),
  payload: payloadArb,
});

export const mutationArb = fc.array(opArb, { minLength: 1, maxLength: 8 });

/** A copy of JSON data. Values nested too deep to clone are shared (every nesting is built fresh anyway). */
function copy<T>(value: T): T {
  try {
    return structuredClone(value);
  } catch {
    return value;
  }
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? 'null';
  } catch {
    return '"too deep"';
  }
}

/** Sets an own data property (as JSON.parse would, even for `__proto__`). */
function setOwn(target: Container, key: string | number, value: unknown): void {
  if (Array.isArray(target) && typeof key === 'number') {
    target[key] = value;
    return;
  }
  Object.defineProperty(target, String(key), { value, enumerable: true, writable: true, configurable: true });
}

function isContainer(value: unknown): value is Container {
  return typeof value === 'object' && value !== null;
}

/**
 * The slot (object key or list index) an operation applies to: a short walk from the root steered by the
 * digits of `at`, usually one to four levels deep. Cheap however large or deep the value is.
 */
function pickSlot(root: unknown, at: number): { container: Container; key: string | number } | undefined {
  let seed = at;
  const depth = 1 + (seed % 4);
  seed = Math.floor(seed / 4);
  let container: unknown = root;
  let chosen: { container: Container; key: string | number } | undefined;
  for (let level = 0; level < depth && isContainer(container); level++) {
    const keys: (string | number)[] = Array.isArray(container) ? container.map((_, i) => i) : Object.keys(container);
    if (keys.length === 0) break;
    let key = keys[seed % keys.length];
    // The id decides whether there is a model at all; touch it a quarter as often as other keys.
    if (level === 0 && (key === 'id' || key === 'modelId') && keys.length > 1 && seed % 4 !== 0) key = keys[(seed + 1) % keys.length];
    seed = Math.floor(seed / keys.length) + level * 7919;
    chosen = { container, key };
    container = (container as Record<string, unknown>)[key as string];
  }
  return chosen;
}

function retype(value: unknown, n: number): unknown {
  const variant = n % 5;
  if (typeof value === 'string') {
    return [[value], [value, value], value.length, { value }, null][variant];
  }
  if (Array.isArray(value)) {
    const joined = value.map((v) => (typeof v === 'string' ? v : typeof v)).join(',');
    return [value[0], joined, Object.fromEntries(value.map((v, i) => [String(i), v])), value.length, [value]][variant];
  }
  if (isContainer(value)) {
    return [Object.values(value), safeJson(value).slice(0, 5000), Object.keys(value), true, [value]][variant];
  }
  if (typeof value === 'number') return [String(value), [value], -value, value * 1000, value === 0][variant];
  if (typeof value === 'boolean') return [String(value), Number(value), [value], { value }, !value][variant];
  return [[], {}, '', 0, 'null'][variant];
}

function nest(value: unknown, n: number): unknown {
  const depth = n % 7 === 0 ? 3000 : 1 + (n % 20);
  let out = value;
  for (let i = 0; i < depth; i++) out = i % 2 ? { value: out } : [out];
  return out;
}

function shuffle(value: unknown, n: number): unknown {
  if (Array.isArray(value)) {
    if (value.length < 2) return value;
    const shift = n % value.length;
    const rotated = [...value.slice(shift), ...value.slice(0, shift)];
    return n % 2 ? rotated.reverse() : rotated;
  }
  if (isContainer(value)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).reverse()) setOwn(out, key, (value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}

function ensureObject(parent: Container, key: string): Container {
  const existing = Object.prototype.hasOwnProperty.call(parent, key) ? (parent as Record<string, unknown>)[key] : undefined;
  if (isContainer(existing) && !Array.isArray(existing)) return existing;
  const fresh: Record<string, unknown> = {};
  setOwn(parent, key, fresh);
  return fresh;
}

function asText(payload: unknown, n: number): string {
  return typeof payload === 'string' ? payload : ID_LIKE[n % ID_LIKE.length];
}

function applyOp(root: unknown, op: Op): unknown {
  const raw = expand(op.payload);
  const payload = isContainer(raw) ? copy(raw) : raw;
  switch (op.kind) {
    case 'wrapRoot':
      return [[root], { model: root }, safeJson(root).slice(0, 1000), { props: root }, payload][op.n % 5];
    case 'inject': {
      if (!isContainer(root) || Array.isArray(root)) return root;
      const path = INJECT_PATHS[op.at % INJECT_PATHS.length];
      let target: Container = root;
      for (const key of path.slice(0, -1)) target = ensureObject(target, key);
      setOwn(target, path[path.length - 1], payload);
      return root;
    }
    case 'tag': {
      if (!isContainer(root) || Array.isArray(root)) return root;
      const tags = Array.isArray((root as Record<string, unknown>).tags) ? ((root as Record<string, unknown>).tags as unknown[]) : [];
      const tag = TAG_PREFIXES[op.n % TAG_PREFIXES.length] + asText(payload, op.at);
      tags.splice(op.at % (tags.length + 1), 0, tag);
      setOwn(root, 'tags', tags);
      return root;
    }
    case 'baseModel': {
      if (!isContainer(root) || Array.isArray(root)) return root;
      const card = ensureObject(root, 'cardData');
      setOwn(card, 'base_model', op.n % 3 === 0 ? payload : copy(BASE_MODEL_VALUES[op.at % BASE_MODEL_VALUES.length]));
      if (op.n % 4 === 1) setOwn(card, 'base_model_relation', ['finetune', 'merge', 'adapter', 'quantized', 'bogus', payload][op.at % 6]);
      return root;
    }
    default:
      break;
  }
  const slot = pickSlot(root, op.at);
  if (slot === undefined) return op.kind === 'replace' ? payload : root;
  const { container, key } = slot;
  const current = (container as Record<string, unknown>)[key as string];
  switch (op.kind) {
    case 'delete':
      if (Array.isArray(container)) container.splice(key as number, 1);
      else delete (container as Record<string, unknown>)[key as string];
      break;
    case 'replace':
      setOwn(container, key, payload);
      break;
    case 'retype':
      setOwn(container, key, retype(current, op.n));
      break;
    case 'duplicate':
      if (Array.isArray(container)) {
        // The same object twice is fine: JSON from the Hub can hold equal values, and nothing here is cyclic.
        for (let i = 0; i <= op.n % 4; i++) container.splice(key as number, 0, current);
      } else {
        const other = INJECT_PATHS[op.n % INJECT_PATHS.length];
        setOwn(container, other[other.length - 1], current);
      }
      break;
    case 'shuffle':
      setOwn(container, key, shuffle(current, op.n));
      break;
    case 'nest':
      setOwn(container, key, nest(current, op.n));
      break;
  }
  return root;
}

const sampleText = new Map<unknown, string>();

/** A mutated copy of `sample` (copied through JSON, which keeps `__proto__` keys as own data). */
export function applyOps(sample: unknown, ops: Op[]): unknown {
  let text = sampleText.get(sample);
  if (text === undefined) {
    text = JSON.stringify(sample);
    sampleText.set(sample, text);
  }
  let root: unknown = JSON.parse(text);
  for (const op of ops) root = applyOp(root, op);
  return root;
}

// ---- README text --------------------------------------------------------------------------------

const README_INSERTS = [
  '---\n',
  '---\r\n',
  '\n---\n',
  '\uFEFF',
  'This model card has been automatically generated.',
  'THIS MODEL CARD HAS BEEN GENERATED AUTOMATICALLY ACCORDING TO THE INFORMATION THE TRAINER HAD ACCESS TO',
  'generated automatically',
  '<!-- automatically generated -->',
  '\uD83D',
  '\uDE00',
  '😀',
  '\r',
  '\u0000',
  ...SCRIPT_PAYLOADS,
];

export const READ_OP_KINDS = ['insert', 'delete', 'duplicate', 'truncate', 'crlf', 'repeat', 'upper'] as const;

export const readmeOpArb = fc.record({
  kind: fc.constantFrom(...READ_OP_KINDS),
  at: fc.nat(),
  n: fc.nat({ max: 10_000 }),
  text: fc.oneof(fc.constantFrom(...README_INSERTS), fc.string({ unit: 'binary', maxLength: 30 }), fc.constant(new Huge(0))),
});
export type ReadmeOp = typeof readmeOpArb extends fc.Arbitrary<infer T> ? T : never;

export const readmeMutationArb = fc.array(readmeOpArb, { minLength: 1, maxLength: 6 });

const MAX_README = 150_000;

export function mutateReadme(readme: string, ops: ReadmeOp[]): string {
  let text = readme;
  for (const op of ops) {
    const at = op.at % (text.length + 1);
    switch (op.kind) {
      case 'insert':
        text = text.slice(0, at) + String(expand(op.text)) + text.slice(at);
        break;
      case 'delete':
        text = text.slice(0, at) + text.slice(at + (op.n % 500));
        break;
      case 'duplicate':
        text = text.slice(0, at + (op.n % 300)) + text.slice(at);
        break;
      case 'truncate':
        text = text.slice(0, at);
        break;
      case 'crlf':
        text = text.replace(/\n/g, op.n % 2 ? '\r\n' : '\r');
        break;
      case 'repeat':
        text = text.repeat(1 + (op.n % 4));
        break;
      case 'upper':
        text = op.n % 2 ? text.toUpperCase() : text.toLowerCase();
        break;
    }
    if (text.length > MAX_README) text = text.slice(0, MAX_README);
  }
  return text;
}
