// A CycloneDX 1.6 AI-BOM of a model and its whole lineage. Pure: no DOM, no I/O; the clock and the uuid
// source are injected. The background gathers the lineage (lib/report/bom-export.ts) and hands it here.
//
// Shape: metadata.component is the model; each direct parent is a full component in its
// pedigree.ancestors, nested up to the root (a merge lists every parent). What HF Drift found versus
// each parent (relation, license change, languages, card length…) is a group of `hfdrift:*` properties
// on the derived component, opened by `hfdrift:parent` (a merge has one group per parent). Where the
// chain stops for any other reason than a root, a `hfdrift:chain-end` property says why.
import { badgeSummary, diffTraits, modelTraits } from '../drift';
import type { LicenseFacts, ModelTraits, TraitDiff } from '../drift/types';
import type { CardStats, HubModel, ParentRelation } from '../hub/types';
import { licenseUrlFor } from './license-links';

const HUB = 'https://huggingface.co';
export const BOM_PROPERTY_PREFIX = 'hfdrift:';

/** Why an ancestor branch ends where it does. */
export type BomChainEnd =
  | 'root'
  | 'cycle'
  | 'depth-cap'
  | 'not-found'
  | 'gated'
  | 'rate-limited'
  | 'offline'
  | 'timeout'
  | 'server'
  | 'malformed'
  | 'bad-request';

/** Ends that mean data is missing (the document is partial), as opposed to a natural end. */
const NATURAL_ENDS: ReadonlySet<BomChainEnd> = new Set(['root', 'cycle', 'depth-cap']);

/**
 * Results of the "upstream obligations" check (issue 11), per component. Optional: when absent, no
 * obligation properties are written.
 */
export interface BomObligation {
  key: string;
  status: 'met' | 'unmet' | 'unknown';
  license: string;
  evidence: string;
}

/** One model of the lineage as the background gathered it. */
export interface BomNode {
  /** The id as linked (the parent's `base_model` entry, or the model asked for). */
  id: string;
  /** Absent when the model could not be read (then `end` says why). */
  model?: HubModel;
  card?: CardStats;
  /** When the data was fetched (epoch ms). */
  fetchedAt?: number;
  /** The data came from an expired cache entry because the Hub could not be asked. */
  stale?: boolean;
  /** How the child that lists this node derives from it. */
  relation?: ParentRelation;
  /** This node's own parents, each with its own ancestry. */
  parents: BomNode[];
  /**
   * Why the nesting stops at this node: missing data (`not-found`, `gated`, `rate-limited`, `offline`…)
   * or `cycle` / `depth-cap` (then `at` is the parent that was not followed). Absent for a root.
   */
  end?: { reason: BomChainEnd; at?: string; detail?: string };
  obligations?: BomObligation[];
}

export interface BomTool {
  name: string;
  version: string;
}

export interface BomOptions {
  now: () => number;
  /** A random RFC 4122 uuid (lower-case), e.g. crypto.randomUUID. */
  uuid: () => string;
  tool: BomTool;
}

export interface BomMissing {
  id: string;
  reason: BomChainEnd;
  detail?: string;
}

export interface BomResult {
  bom: CycloneDxBom;
  /** Part of the lineage could not be read: the document says where (see `missing`). */
  partial: boolean;
  missing: BomMissing[];
}

// ---- the subset of CycloneDX 1.6 written here --------------------------------------------------

export interface CdxProperty {
  name: string;
  value: string;
}

export interface CdxLicenseChoice {
  license: { id: string; acknowledgement: 'declared' } | { name: string; url?: string; acknowledgement: 'declared' };
}

export interface CdxExternalReference {
  type: 'website' | 'model-card' | 'license';
  url: string;
  comment?: string;
}

export interface CdxDataset {
  type: 'dataset';
  name: string;
  contents?: { url: string };
}

export interface CdxComponent {
  type: 'machine-learning-model';
  'bom-ref': string;
  group?: string;
  name: string;
  version?: string;
  purl: string;
  licenses?: CdxLicenseChoice[];
  externalReferences?: CdxExternalReference[];
  modelCard?: { modelParameters: { task?: string; architectureFamily?: string; modelArchitecture?: string; datasets?: CdxDataset[] } };
  pedigree?: { ancestors: CdxComponent[] };
  properties?: CdxProperty[];
}

export interface CycloneDxBom {
  $schema: string;
  bomFormat: 'CycloneDX';
  specVersion: '1.6';
  serialNumber: string;
  version: 1;
  metadata: {
    timestamp: string;
    tools: { components: { type: 'application'; name: string; version: string; externalReferences?: CdxExternalReference[] }[] };
    component: CdxComponent;
  };
}

// ---- identifiers and URLs ----------------------------------------------------------------------

/** Percent-encodes a purl segment: everything outside the unreserved set (RFC 3986). */
function purlSegment(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function splitId(id: string): { owner?: string; name: string } {
  const slash = id.indexOf('/');
  return slash < 0 ? { name: id } : { owner: id.slice(0, slash), name: id.slice(slash + 1) };
}

/** `pkg:huggingface/{owner}/{name}@{sha}` (package-url `huggingface` type); no namespace for legacy ids. */
export function huggingfacePurl(id: string, sha?: string): string {
  const { owner, name } = splitId(id);
  const path = owner === undefined ? purlSegment(name) : `${purlSegment(owner)}/${purlSegment(name)}`;
  return `pkg:huggingface/${path}${sha ? `@${purlSegment(sha.toLowerCase())}` : ''}`;
}

function hubPath(id: string): string {
  return id.split('/').map(encodeURIComponent).join('/');
}

/**
 * A URL the schema's `iri-reference` accepts, or undefined: only http(s), normalised by the URL parser,
 * with the few characters it leaves alone but RFC 3987 does not allow percent-encoded.
 */
export function safeUrl(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  return url.href
    .replace(/%(?![0-9A-Fa-f]{2})/g, '%25')
    .replace(/[^A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]/g, (c) => encodeURIComponent(c));
}

// ---- properties -------------------------------------------------------------------------------

class Properties {
  readonly list: CdxProperty[] = [];
  add(name: string, value: string | number | boolean | undefined): void {
    if (value === undefined || value === '') return;
    const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : String(value);
    if (text === '') return;
    this.list.push({ name: `${BOM_PROPERTY_PREFIX}${name}`, value: text });
  }
}

function ratio(value: number | undefined): string | undefined {
  return value === undefined || !Number.isFinite(value) ? undefined : value.toFixed(2);
}

/** What HF Drift found versus one parent, written on the derived component. */
function parentProperties(props: Properties, parentId: string, relation: ParentRelation | undefined, diff: TraitDiff | undefined): void {
  props.add('parent', parentId);
  props.add('relation', relation);
  if (!diff) return;
  props.add('license-change', diff.license.kind);
  if (diff.license.certainty) props.add('license-change-certainty', diff.license.certainty);
  props.add('license-change-summary', diff.license.summary);
  for (const obligation of diff.license.obligations) props.add('upstream-obligation', obligation);
  props.add('languages-change', diff.languages.toEnglishOnly ? `${diff.languages.kind} (to English only)` : diff.languages.kind);
  props.add('task-change', diff.task.kind);
  props.add('card-length-change', diff.card.kind);
  props.add('card-length-ratio', ratio(diff.card.ratio));
  props.add('auto-generated-change', diff.autoGenerated.kind);
  props.add('drift-flags', diff.flags.join(' ') || 'none');
}

/** Where the license can be read; the model's own page is no license text, so it does not count. */
function licenseLink(model: HubModel | undefined, key: string | undefined): string | undefined {
  const url = safeUrl(licenseUrlFor(model, key));
  return model && url !== `${HUB}/${hubPath(model.id)}` ? url : undefined;
}

function licensesOf(model: HubModel, traits: ModelTraits): CdxLicenseChoice[] {
  return traits.licenses
    .filter((facts) => facts.key !== 'unknown')
    .map((facts: LicenseFacts): CdxLicenseChoice => {
      if (facts.spdxId) return { license: { id: facts.spdxId, acknowledgement: 'declared' } };
      const url = licenseLink(model, facts.key);
      const name = facts.key === 'other' && facts.customName ? facts.customName : facts.label;
      return { license: { name, ...(url ? { url } : {}), acknowledgement: 'declared' } };
    });
}

// ---- the builder ------------------------------------------------------------------------------

interface Context {
  usedRefs: Map<string, number>;
  missing: BomMissing[];
  /** Each node's traits, computed once (a node is read as itself and as its child's parent). */
  traits: WeakMap<BomNode, ModelTraits | undefined>;
}

function uniqueRef(base: string, ctx: Context): string {
  const seen = ctx.usedRefs.get(base) ?? 0;
  ctx.usedRefs.set(base, seen + 1);
  // A model reached twice (two parents of a merge sharing an ancestor) appears twice; bom-refs stay unique.
  return seen === 0 ? base : `${base}#${seen + 1}`;
}

function traitsOf(node: BomNode, ctx: Context): ModelTraits | undefined {
  if (!ctx.traits.has(node)) ctx.traits.set(node, node.model ? modelTraits(node.model, node.card) : undefined);
  return ctx.traits.get(node);
}

function componentOf(node: BomNode, ctx: Context): CdxComponent {
  const model = node.model;
  const id = model?.id ?? node.id;
  const { owner, name } = splitId(id);
  const sha = model?.sha;
  const purl = huggingfacePurl(id, sha);
  const traits = traitsOf(node, ctx);
  const props = new Properties();

  const component: CdxComponent = {
    type: 'machine-learning-model',
    'bom-ref': uniqueRef(purl, ctx),
    ...(owner !== undefined ? { group: owner } : {}),
    name,
    ...(sha ? { version: sha } : {}),
    purl,
  };

  const references: CdxExternalReference[] = [{ type: 'website', url: `${HUB}/${hubPath(id)}` }];
  if (model && traits) {
    const licenses = licensesOf(model, traits);
    if (licenses.length) component.licenses = licenses;
    else props.add('license', traits.licenses.length ? 'unknown' : 'undeclared');
    for (const facts of traits.licenses) props.add('license-class', facts.licenseClass);
    if (model.cardExists !== false) {
      references.push({ type: 'model-card', url: `${HUB}/${hubPath(id)}/blob/${sha ?? 'main'}/README.md` });
    }
    const datasets: CdxDataset[] = traits.datasets.map((dataset) => {
      const url = /^[\w.-]+(\/[\w.-]+)?$/.test(dataset) ? `${HUB}/datasets/${hubPath(dataset)}` : undefined;
      return { type: 'dataset', name: dataset, ...(url ? { contents: { url } } : {}) };
    });
    // The Hub's config names the architecture: model_type is its family ("llama"), architectures[0] the class.
    const architecture = {
      ...(model.modelType ? { architectureFamily: model.modelType } : {}),
      ...(model.architecture ? { modelArchitecture: model.architecture } : {}),
    };
    if (traits.task || datasets.length || model.modelType || model.architecture) {
      component.modelCard = {
        modelParameters: { ...(traits.task ? { task: traits.task } : {}), ...architecture, ...(datasets.length ? { datasets } : {}) },
      };
    }
    props.add('library', traits.library);
    props.add('languages', traits.languages.join(' '));
    if (traits.multilingual) props.add('multilingual', 'true');
    if (traits.card) {
      props.add('card-length', traits.card.length);
      props.add('auto-generated-card', traits.card.autoGenerated ? 'true' : 'false');
    }
    if (model.gated) props.add('gated', model.gated);
  }
  if (node.fetchedAt !== undefined && Number.isFinite(node.fetchedAt)) props.add('fetched-at', new Date(node.fetchedAt).toISOString());
  if (node.stale) props.add('data-stale', 'true');
  for (const obligation of node.obligations ?? []) {
    const key = obligation.key.replace(/[^\w.-]+/g, '-') || 'obligation';
    props.add(`obligation:${key}`, obligation.status);
    props.add(`obligation:${key}:license`, obligation.license);
    props.add(`obligation:${key}:evidence`, obligation.evidence);
  }

  // Ancestors, and what drifted versus each of them.
  const ancestors: CdxComponent[] = [];
  const parentsLoaded: TraitDiff[] = [];
  for (const parent of node.parents) {
    const parentTraits = traitsOf(parent, ctx);
    const diff = parentTraits && traits ? diffTraits(parentTraits, traits) : undefined;
    if (diff) parentsLoaded.push(diff);
    parentProperties(props, parent.model?.id ?? parent.id, parent.relation, diff);
    ancestors.push(componentOf(parent, ctx));
    const url = licenseLink(parent.model, parent.model?.licenses[0]);
    if (url && !references.some((r) => r.type === 'license' && r.url === url)) {
      references.push({ type: 'license', url, comment: `License of the parent ${parent.model?.id ?? parent.id}` });
    }
  }
  // A merge: the most important drift over all parents, as the listing badge shows it.
  if (parentsLoaded.length > 1) props.add('drift-summary', badgeSummary(parentsLoaded).flags.join(' ') || 'none');

  if (node.end) {
    props.add('chain-end', node.end.reason);
    props.add('chain-end-at', node.end.at);
    props.add('chain-end-detail', node.end.detail);
    if (!NATURAL_ENDS.has(node.end.reason)) ctx.missing.push({ id: node.id, reason: node.end.reason, detail: node.end.detail });
  } else if (!node.parents.length && model) {
    props.add('chain-end', 'root');
  }

  component.externalReferences = references;
  if (ancestors.length) component.pedigree = { ancestors };
  if (props.list.length) component.properties = props.list;
  return component;
}

/** The CycloneDX 1.6 document of `root` and every ancestor gathered with it. */
export function buildBom(root: BomNode, options: BomOptions): BomResult {
  const ctx: Context = { usedRefs: new Map(), missing: [], traits: new WeakMap() };
  const component = componentOf(root, ctx);
  const uuid = options.uuid().toLowerCase();
  const bom: CycloneDxBom = {
    $schema: 'http://cyclonedx.org/schema/bom-1.6.schema.json',
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    serialNumber: `urn:uuid:${uuid}`,
    version: 1,
    metadata: {
      timestamp: new Date(options.now()).toISOString(),
      tools: {
        components: [
          {
            type: 'application',
            name: options.tool.name,
            version: options.tool.version,
          },
        ],
      },
      component,
    },
  };
  return { bom, partial: ctx.missing.length > 0, missing: ctx.missing };
}

/** `{owner}_{name}.cdx.json`, safe on every OS. */
export function bomFileName(id: string): string {
  const safe = id.replace('/', '_').replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[._]+/, '').slice(0, 150) || 'model';
  return `${safe}.cdx.json`;
}
