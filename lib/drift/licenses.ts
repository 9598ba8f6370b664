// License classes, facts and the relaxation order.
//
// Facts about SPDX licenses come from maintained data packages (OSI approval: `spdx-license-list`;
// copyleft: `spdx-copyleft`; permissive ratings: `@blueoak/list`). Only what that data cannot tell is
// typed by hand: the Hub key → SPDX id mapping, classes the data lacks (Creative Commons NC/ND/BY,
// data licenses, weak vs strong copyleft) and the Hub's custom model licenses, each citing the clause
// it encodes. Nothing here is legal advice; sentences are worded as "may", "asks", "requires".

import spdxList from 'spdx-license-list/spdx.json';
import spdxCopyleft from 'spdx-copyleft/index.json';
import blueOakList from '@blueoak/list/index.json';
import type {
  CommercialUse,
  LicenseClass,
  LicenseDrift,
  LicenseDriftKind,
  LicenseFacts,
  Tristate,
} from './types';
import { clip, field, isRecord, text } from './sanitize';

// ---------------------------------------------------------------------------------------------
// SPDX data (maintained packages)

interface SpdxEntry {
  name: string;
  osiApproved: boolean;
}
const SPDX = spdxList as unknown as Record<string, SpdxEntry>;
const COPYLEFT = new Set<string>(spdxCopyleft as string[]);
const BLUE_OAK = new Map<string, string>();
for (const rating of blueOakList as { name: string; licenses: { id: string }[] }[]) {
  for (const license of rating.licenses) BLUE_OAK.set(license.id, rating.name);
}

function spdxEntry(id: string | undefined): SpdxEntry | undefined {
  return id !== undefined && Object.prototype.hasOwnProperty.call(SPDX, id) ? SPDX[id] : undefined;
}

/** spdx-copyleft does not say weak or strong; these families are file- or library-scoped copyleft. */
const WEAK_COPYLEFT_SPDX = /^(LGPL|MPL|EPL|CDDL|MS-RL|CPL|IPL|ErlPL|SPL)-/;

// ---------------------------------------------------------------------------------------------
// The Hub's license keys (hub-docs docs/hub/repositories-licenses.md @ fd6cf1f, 2026-06-06)

interface HubEntry {
  /** The Hub's full name for the key. */
  name: string;
  spdx?: string;
  /** Hand class, only when the SPDX data cannot tell. */
  cls?: LicenseClass;
  short?: string;
  commercialUse?: CommercialUse;
  attribution?: Tristate;
  shareAlike?: Tristate;
  useRestrictions?: Tristate;
  derivativesShareable?: Tristate;
  naming?: string;
  regional?: string;
  obligation?: string;
  clause?: string;
  basis?: string;
}

const NO_ATTRIBUTION: Partial<HubEntry> = { attribution: 'no' };

function ccBy(version: string): HubEntry {
  return {
    name: `Creative Commons Attribution ${version}`,
    spdx: `CC-BY-${version}`,
    cls: 'permissive-attribution',
    clause: `CC BY ${version}: reuse for any purpose with credit and a note of changes; no share-alike`,
  };
}

function ccNonCommercial(variant: 'NC' | 'NC-SA' | 'NC-ND', version: string): HubEntry {
  const names = { NC: 'Non Commercial', 'NC-SA': 'Non Commercial Share Alike', 'NC-ND': 'Non Commercial No Derivatives' };
  const noDerivatives = variant === 'NC-ND';
  return {
    name: `Creative Commons Attribution ${names[variant]} ${version}`,
    spdx: `CC-BY-${variant}-${version}`,
    cls: noDerivatives ? 'no-derivatives' : 'non-commercial',
    commercialUse: 'no',
    derivativesShareable: noDerivatives ? 'no' : undefined,
    clause: `CC BY-${variant} ${version}: NonCommercial term${noDerivatives ? ' and NoDerivatives term (adapted material may not be shared)' : ''}${variant === 'NC-SA' ? ' and ShareAlike term' : ''}`,
  };
}

function llama(version: '2' | '3' | '3.1' | '3.2' | '3.3' | '4'): HubEntry {
  const early = version === '2' || version === '3';
  const multimodalEu = version === '3.2' || version === '4';
  const short = `Llama ${version} license`;
  const naming =
    version === '2'
      ? undefined
      : version === '3'
        ? 'Models built with Llama 3 must have names starting with "Llama 3", and products must show "Built with Meta Llama 3".'
        : 'Models built with Llama materials or outputs must have names starting with "Llama", and products must show "Built with Llama".';
  const regional = multimodalEu
    ? `Rights to the Llama ${version} multimodal models are not granted to people or companies based in the EU (end users of products built on them excepted).`
    : undefined;
  const keep = `The ${short} requires derivatives to keep its terms (a copy of the license, its notice and the Acceptable Use Policy)`;
  const obligation =
    version === '2'
      ? `${keep} and forbids using Llama 2 outputs to improve other large language models.`
      : version === '3'
        ? `${keep}, to show "Built with Meta Llama 3" and to use a name starting with "Llama 3"; it also forbids using outputs to improve other large language models.`
        : `${keep}, to show "Built with Llama" and to use a name starting with "Llama".${multimodalEu ? ' Its multimodal models are not licensed to people or companies based in the EU.' : ''}`;
  const clause = early
    ? `Llama ${version} Community License §1.b.i–iii (copy of the Agreement and the notice with any redistribution${version === '3' ? '; "Built with Meta Llama 3"; model names start with "Llama 3"' : ''}), §1.b.iv (Acceptable Use Policy), §1.b.v (no using outputs to improve other LLMs), §2 (over 700M monthly active users need a separate license from Meta)`
    : `Llama ${version} Community License §1.b.i (copy of the Agreement, "Built with Llama", model names start with "Llama"), §1.b.iii (notice), §1.b.iv (Acceptable Use Policy), §2 (over 700M monthly active users need a separate license from Meta)${multimodalEu ? '; Acceptable Use Policy: multimodal-model rights not granted to EU-domiciled individuals or companies' : ''}`;
  return {
    name: `Llama ${version} Community License Agreement`,
    cls: 'custom-commercial',
    short,
    commercialUse: 'conditional',
    attribution: 'yes',
    shareAlike: 'no',
    useRestrictions: 'yes',
    naming,
    regional,
    obligation,
    clause,
    basis: 'hand table from the license text (meta-llama/llama-models LICENSE files)',
  };
}

function rail(name: string, short: string, clauseSource: string): HubEntry {
  return {
    name,
    cls: 'use-restricted',
    short,
    commercialUse: 'yes',
    attribution: 'yes',
    shareAlike: 'no',
    useRestrictions: 'yes',
    obligation: `The ${short} requires derivatives to carry its use-based restrictions into their own license and to include a copy of it.`,
    clause: `${clauseSource}: paragraph 4(a) (use-based restrictions of paragraph 5 must be an enforceable provision in any license of derivatives), 4(b) (copy of the license), paragraph 5 and Attachment A (the restrictions)`,
    basis: 'hand table from the RAIL license texts',
  };
}

function researchOnly(name: string, short: string, clause: string, read: boolean): HubEntry {
  return {
    name,
    cls: 'research-only',
    short,
    commercialUse: 'no',
    attribution: 'yes',
    useRestrictions: 'yes',
    obligation: `The ${short} allows research use only; a derivative cannot offer wider rights than that.`,
    clause,
    basis: read ? 'hand table from the license text' : 'hand table from the license name only (terms not read)',
  };
}

const HUB_LICENSES: Readonly<Record<string, HubEntry>> = {
  'apache-2.0': { name: 'Apache license 2.0', spdx: 'Apache-2.0' },
  mit: { name: 'MIT', spdx: 'MIT' },
  openrail: {
    ...rail('OpenRAIL license family', 'OpenRAIL license', 'OpenRAIL family (as in the RAIL-M template)'),
    basis: 'hand table: a family key; the specific RAIL license file governs',
  },
  'bigscience-openrail-m': rail('BigScience OpenRAIL-M', 'BigScience OpenRAIL-M license', 'BigScience OpenRAIL-M'),
  'creativeml-openrail-m': rail('CreativeML OpenRAIL-M', 'CreativeML OpenRAIL-M license', 'CreativeML Open RAIL-M (2022-08-22)'),
  'bigscience-bloom-rail-1.0': rail('BigScience BLOOM RAIL 1.0', 'BLOOM RAIL license', 'BigScience BLOOM RAIL 1.0'),
  'bigcode-openrail-m': rail('BigCode Open RAIL-M v1', 'BigCode OpenRAIL-M license', 'BigCode Open RAIL-M v1'),
  'afl-3.0': { name: 'Academic Free License v3.0', spdx: 'AFL-3.0' },
  'artistic-2.0': { name: 'Artistic license 2.0', spdx: 'Artistic-2.0' },
  'bsl-1.0': { name: 'Boost Software License 1.0', spdx: 'BSL-1.0' },
  bsd: {
    name: 'BSD license family',
    cls: 'permissive',
    short: 'BSD license',
    basis: 'hand table: a family key; every BSD variant is permissive and keeps the copyright notice',
  },
  'bsd-2-clause': { name: 'BSD 2-clause "Simplified" license', spdx: 'BSD-2-Clause' },
  'bsd-3-clause': { name: 'BSD 3-clause "New" or "Revised" license', spdx: 'BSD-3-Clause' },
  'bsd-3-clause-clear': { name: 'BSD 3-clause Clear license', spdx: 'BSD-3-Clause-Clear' },
  'c-uda': {
    name: 'Computational Use of Data Agreement',
    spdx: 'C-UDA-1.0',
    cls: 'use-restricted',
    short: 'Computational Use of Data Agreement',
    commercialUse: 'yes',
    useRestrictions: 'yes',
    obligation:
      'The Computational Use of Data Agreement limits the data to computational use and asks that redistributed data keep that agreement.',
    clause: 'C-UDA 1.0: data may be used for computational analysis; redistributed data stays under the agreement (summary; check the text)',
    basis: 'hand table (SPDX lists the id but cannot tell its class)',
  },
  cc: {
    name: 'Creative Commons license family',
    cls: 'unknown',
    short: 'Creative Commons license (version not stated)',
    basis: 'a family key covering everything from CC0 to CC BY-NC-ND; the card must say which one',
  },
  'cc0-1.0': { name: 'Creative Commons Zero v1.0 Universal', spdx: 'CC0-1.0', ...NO_ATTRIBUTION },
  'cc-by-2.0': ccBy('2.0'),
  'cc-by-2.5': ccBy('2.5'),
  'cc-by-3.0': ccBy('3.0'),
  'cc-by-4.0': ccBy('4.0'),
  'cc-by-sa-3.0': { name: 'Creative Commons Attribution Share Alike 3.0', spdx: 'CC-BY-SA-3.0' },
  'cc-by-sa-4.0': { name: 'Creative Commons Attribution Share Alike 4.0', spdx: 'CC-BY-SA-4.0' },
  'cc-by-nc-2.0': ccNonCommercial('NC', '2.0'),
  'cc-by-nc-3.0': ccNonCommercial('NC', '3.0'),
  'cc-by-nc-4.0': ccNonCommercial('NC', '4.0'),
  'cc-by-nd-4.0': {
    name: 'Creative Commons Attribution No Derivatives 4.0',
    spdx: 'CC-BY-ND-4.0',
    cls: 'no-derivatives',
    commercialUse: 'yes',
    derivativesShareable: 'no',
    clause: 'CC BY-ND 4.0: NoDerivatives term (adapted material may not be shared)',
  },
  'cc-by-nc-nd-3.0': ccNonCommercial('NC-ND', '3.0'),
  'cc-by-nc-nd-4.0': ccNonCommercial('NC-ND', '4.0'),
  'cc-by-nc-sa-2.0': ccNonCommercial('NC-SA', '2.0'),
  'cc-by-nc-sa-3.0': ccNonCommercial('NC-SA', '3.0'),
  'cc-by-nc-sa-4.0': ccNonCommercial('NC-SA', '4.0'),
  'cdla-sharing-1.0': {
    name: 'Community Data License Agreement – Sharing, Version 1.0',
    spdx: 'CDLA-Sharing-1.0',
    cls: 'weak-copyleft',
    shareAlike: 'yes',
    clause: 'CDLA-Sharing 1.0: redistributed data stays under the agreement; results of computational use are free',
  },
  'cdla-permissive-1.0': {
    name: 'Community Data License Agreement – Permissive, Version 1.0',
    spdx: 'CDLA-Permissive-1.0',
    cls: 'permissive',
  },
  'cdla-permissive-2.0': {
    name: 'Community Data License Agreement – Permissive, Version 2.0',
    spdx: 'CDLA-Permissive-2.0',
    cls: 'permissive',
  },
  wtfpl: { name: 'Do What The F*ck You Want To Public License', spdx: 'WTFPL', ...NO_ATTRIBUTION },
  'ecl-2.0': { name: 'Educational Community License v2.0', spdx: 'ECL-2.0' },
  'epl-1.0': { name: 'Eclipse Public License 1.0', spdx: 'EPL-1.0', cls: 'weak-copyleft', shareAlike: 'yes' },
  'epl-2.0': { name: 'Eclipse Public License 2.0', spdx: 'EPL-2.0' },
  'etalab-2.0': { name: 'Etalab Open License 2.0', spdx: 'etalab-2.0', cls: 'permissive-attribution' },
  'eupl-1.1': { name: 'European Union Public License 1.1', spdx: 'EUPL-1.1', cls: 'strong-copyleft', shareAlike: 'yes' },
  'eupl-1.2': { name: 'European Union Public License 1.2', spdx: 'EUPL-1.2', cls: 'strong-copyleft', shareAlike: 'yes' },
  'agpl-3.0': { name: 'GNU Affero General Public License v3.0', spdx: 'AGPL-3.0-only' },
  gfdl: { name: 'GNU Free Documentation License family', cls: 'strong-copyleft', short: 'GNU FDL', shareAlike: 'yes' },
  gpl: { name: 'GNU General Public License family', cls: 'strong-copyleft', short: 'GNU GPL', shareAlike: 'yes' },
  'gpl-2.0': { name: 'GNU General Public License v2.0', spdx: 'GPL-2.0-only' },
  'gpl-3.0': { name: 'GNU General Public License v3.0', spdx: 'GPL-3.0-only' },
  lgpl: { name: 'GNU Lesser General Public License family', cls: 'weak-copyleft', short: 'GNU LGPL', shareAlike: 'yes' },
  'lgpl-2.1': { name: 'GNU Lesser General Public License v2.1', spdx: 'LGPL-2.1-only' },
  'lgpl-3.0': { name: 'GNU Lesser General Public License v3.0', spdx: 'LGPL-3.0-only' },
  isc: { name: 'ISC', spdx: 'ISC' },
  'h-research': researchOnly('H Research License', 'H Research License', 'H Research License (classified by its name)', false),
  'intel-research': researchOnly(
    'Intel Research Use License Agreement',
    'Intel Research Use License',
    'Intel Research Use License Agreement (classified by its name)',
    false,
  ),
  'lppl-1.3c': { name: 'LaTeX Project Public License v1.3c', spdx: 'LPPL-1.3c' },
  'ms-pl': { name: 'Microsoft Public License', spdx: 'MS-PL' },
  'apple-ascl': {
    name: 'Apple Sample Code license',
    cls: 'permissive',
    short: 'Apple Sample Code License',
    commercialUse: 'yes',
    attribution: 'yes',
    clause: 'Apple Sample Code License: use, modify and redistribute; keep the notice on unmodified copies; no patent license granted',
    basis: 'hand table from the license text (not on the SPDX list)',
  },
  'apple-amlr': researchOnly(
    'Apple Model License for Research',
    'Apple Model License for Research',
    'Apple Model License for Research (classified by its name)',
    false,
  ),
  'mpl-2.0': { name: 'Mozilla Public License 2.0', spdx: 'MPL-2.0' },
  'odc-by': { name: 'Open Data Commons License Attribution family', spdx: 'ODC-By-1.0', cls: 'permissive-attribution' },
  odbl: { name: 'Open Database License family', spdx: 'ODbL-1.0' },
  'openmdw-1.0': {
    name: 'Open Model, Data & Weights License Agreement',
    spdx: 'OpenMDW-1.0',
    cls: 'permissive',
    clause: 'OpenMDW 1.0: use, modify and redistribute without restriction; keep the agreement and notices',
  },
  'openmdw-1.1': {
    name: 'Open Model, Data & Weights License Agreement v1.1',
    cls: 'permissive',
    short: 'OpenMDW-1.1',
    commercialUse: 'yes',
    attribution: 'yes',
    clause: 'OpenMDW 1.1: use, modify and redistribute without restriction; keep the agreement and notices',
    basis: 'hand table from the license\'s own summary (no SPDX id yet)',
  },
  'openrail++': rail('Open Rail++-M License', 'Open RAIL++-M license', 'Open RAIL++-M (2023-07-26)'),
  'osl-3.0': { name: 'Open Software License 3.0', spdx: 'OSL-3.0' },
  postgresql: { name: 'PostgreSQL License', spdx: 'PostgreSQL' },
  'ofl-1.1': { name: 'SIL Open Font License 1.1', spdx: 'OFL-1.1', cls: 'weak-copyleft', shareAlike: 'yes' },
  ncsa: { name: 'University of Illinois/NCSA Open Source License', spdx: 'NCSA' },
  unlicense: { name: 'The Unlicense', spdx: 'Unlicense', ...NO_ATTRIBUTION },
  zlib: { name: 'zLib License', spdx: 'Zlib' },
  pddl: {
    name: 'Open Data Commons Public Domain Dedication and License',
    spdx: 'PDDL-1.0',
    cls: 'permissive',
    ...NO_ATTRIBUTION,
  },
  'lgpl-lr': {
    name: 'Lesser General Public License For Linguistic Resources',
    spdx: 'LGPLLR',
    cls: 'weak-copyleft',
    shareAlike: 'yes',
  },
  'deepfloyd-if-license': researchOnly(
    'DeepFloyd IF Research License Agreement',
    'DeepFloyd IF license',
    'DeepFloyd IF Research License Agreement, grant of rights: "solely for your non-commercial research purposes"',
    true,
  ),
  'fair-noncommercial-research-license': researchOnly(
    'FAIR Noncommercial Research License',
    'FAIR Noncommercial Research License',
    'FAIR Noncommercial Research License (classified by its name)',
    false,
  ),
  llama2: llama('2'),
  llama3: llama('3'),
  'llama3.1': llama('3.1'),
  'llama3.2': llama('3.2'),
  'llama3.3': llama('3.3'),
  llama4: llama('4'),
  'grok2-community': {
    name: 'Grok 2 Community License Agreement',
    cls: 'custom-commercial',
    short: 'Grok 2 license',
    commercialUse: 'conditional',
    attribution: 'yes',
    useRestrictions: 'yes',
    obligation:
      'The Grok 2 license reportedly forbids using the model or its outputs to train or improve other general-purpose models (fine-tunes of Grok 2 excepted) and asks derivatives to keep its terms; check the license text.',
    clause: 'Grok 2 Community License Agreement: no training or improving other foundation models with the materials or outputs (as reported; text not read)',
    basis: 'hand table from third-party summaries; terms not verified',
  },
  gemma: {
    name: 'Gemma Terms of Use',
    cls: 'custom-commercial',
    short: 'Gemma Terms of Use',
    commercialUse: 'yes',
    attribution: 'yes',
    shareAlike: 'no',
    useRestrictions: 'yes',
    obligation:
      'The Gemma Terms of Use require anyone sharing a Gemma derivative to include the Gemma terms and notice, mark changed files, and pass on Gemma\'s use restrictions (the Prohibited Use Policy) as enforceable terms.',
    clause:
      'Gemma Terms of Use §3.1 (distribution: copy of the terms, the "Gemma is provided under…" notice, modified-file notices, §3.2 restrictions as an enforceable provision), §3.2 (Prohibited Use Policy); "Model Derivatives" include models trained on Gemma outputs',
    basis: 'hand table from the Gemma Terms of Use',
  },
  unknown: { name: 'Unknown', cls: 'unknown', short: 'unknown license', basis: 'the card says the license is unknown' },
  other: { name: 'Other', cls: 'unknown', short: 'custom license', basis: 'custom license: terms not known to HF Drift' },
};

/** Every license key the Hub documents, in its order. */
export const HUB_LICENSE_KEYS: readonly string[] = Object.freeze(Object.keys(HUB_LICENSES));

export function isHubLicenseKey(key: string): boolean {
  return Object.prototype.hasOwnProperty.call(HUB_LICENSES, key);
}

// ---------------------------------------------------------------------------------------------
// Classes and the restriction order

export const LICENSE_CLASS_LABELS: Readonly<Record<LicenseClass, string>> = {
  permissive: 'permissive',
  'permissive-attribution': 'permissive with attribution',
  'weak-copyleft': 'weak copyleft',
  'strong-copyleft': 'strong copyleft',
  'use-restricted': 'use-restricted (OpenRAIL-style)',
  'custom-commercial': 'custom commercial',
  'non-commercial': 'non-commercial',
  'no-derivatives': 'no derivatives',
  'research-only': 'research only',
  unknown: 'unknown terms',
};

/**
 * Restriction tiers, least restrictive first: what a person may do with a derivative shrinks tier by
 * tier. Classes in one tier tie (a total preorder). `unknown` is outside the order.
 *  0 permissive ≈ permissive with attribution: both allow relicensing derivatives if credit is kept.
 *  1 weak copyleft: share-alike for the covered files only.
 *  2 strong copyleft: the whole derivative must stay under the same terms.
 *  3 use-restricted (OpenRAIL): open-ish grant, but use restrictions must be carried downstream.
 *  4 custom commercial (Llama, Gemma): use restrictions plus the license's own terms, naming/notice
 *    rules, user caps or regional exclusions.
 *  5 non-commercial: no commercial use at all.
 *  6 research only: non-commercial and limited to research.
 *  7 no derivatives: a modified model may not be shared at all.
 */
export const RESTRICTION_TIERS: readonly (readonly LicenseClass[])[] = [
  ['permissive', 'permissive-attribution'],
  ['weak-copyleft'],
  ['strong-copyleft'],
  ['use-restricted'],
  ['custom-commercial'],
  ['non-commercial'],
  ['research-only'],
  ['no-derivatives'],
];

export function restrictionRank(licenseClass: LicenseClass): number | undefined {
  const tier = RESTRICTION_TIERS.findIndex((classes) => classes.includes(licenseClass));
  return tier < 0 ? undefined : tier;
}

/** −1: a is less restrictive than b; 0: same tier; 1: more restrictive; undefined: not comparable. */
export function compareRestriction(a: LicenseFacts, b: LicenseFacts): -1 | 0 | 1 | undefined {
  const ra = restrictionRank(a.licenseClass);
  const rb = restrictionRank(b.licenseClass);
  if (ra === undefined || rb === undefined) return undefined;
  return ra < rb ? -1 : ra > rb ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------
// Facts

const cache = new Map<string, LicenseFacts>();

/** Normalises a license key from untrusted input: lower-case, trimmed; missing → `unknown`. */
export function normaliseLicenseKey(key: unknown): string {
  const t = text(key);
  return t === undefined ? 'unknown' : clip(t.toLowerCase(), 120);
}

function defaultCommercialUse(licenseClass: LicenseClass): CommercialUse {
  switch (licenseClass) {
    case 'non-commercial':
    case 'research-only':
      return 'no';
    case 'custom-commercial':
      return 'conditional';
    case 'unknown':
      return 'unknown';
    default:
      return 'yes';
  }
}

function classFromData(spdxId: string | undefined): LicenseClass {
  if (spdxId === undefined) return 'unknown';
  if (BLUE_OAK.has(spdxId)) return 'permissive';
  if (COPYLEFT.has(spdxId)) return WEAK_COPYLEFT_SPDX.test(spdxId) ? 'weak-copyleft' : 'strong-copyleft';
  return spdxEntry(spdxId)?.osiApproved ? 'permissive' : 'unknown';
}

function generatedObligation(short: string, facts: Omit<LicenseFacts, 'obligation' | 'passesDown'>): string | undefined {
  const parts: string[] = [];
  if (facts.derivativesShareable === 'no') return `${short} does not allow sharing modified versions at all.`;
  if (facts.commercialUse === 'no') parts.push('does not allow commercial use, and a derivative cannot grant commercial rights it never received');
  if (facts.shareAlike === 'yes') parts.push('asks that derivatives be shared under the same or a compatible license');
  if (parts.length === 0 && facts.attribution === 'yes') parts.push('asks that the original\'s copyright and license notices (credit) be kept');
  if (parts.length === 0) return undefined;
  return `${short} ${parts.join('; it also ')}.`;
}

function buildFacts(key: string, entry: HubEntry | undefined, custom?: { name?: string; link?: string }): LicenseFacts {
  const spdxId = entry?.spdx;
  const spdx = spdxEntry(spdxId);
  const licenseClass: LicenseClass = entry?.cls ?? classFromData(spdxId);
  const known = licenseClass !== 'unknown';
  const shareAlikeFromData = spdxId !== undefined && COPYLEFT.has(spdxId);
  const customName = custom?.name;
  const customLink = custom?.link;
  const isNamedCustom = key === 'other' && (customName !== undefined || customLink !== undefined);

  let label: string;
  let shortName: string;
  let identity = key;
  let source: LicenseFacts['source'] = 'hub-list';
  let basis = entry?.basis ?? (spdxId ? 'SPDX list 3.28 (spdx-license-list), spdx-copyleft and Blue Oak data' : 'hand table');
  if (isNamedCustom) {
    const shown = customName ?? customLink ?? '';
    label = shown;
    shortName = `custom license "${shown}"`;
    identity = `other:${shown.toLowerCase()}`;
    source = 'named-custom';
    basis = 'custom license (license: other): its terms are not known to HF Drift';
  } else if (entry === undefined) {
    label = key;
    shortName = `license "${key}"`;
    source = 'unrecognised';
    basis = 'not one of the Hub\'s license keys: custom or unknown';
  } else {
    label = entry.name;
    shortName = entry.short ?? spdxId ?? entry.name;
  }

  const base: Omit<LicenseFacts, 'obligation' | 'passesDown'> = {
    key,
    identity,
    label,
    shortName,
    source,
    licenseClass,
    classLabel:
      source === 'named-custom'
        ? 'custom license, terms unknown'
        : source === 'unrecognised'
          ? 'custom or unknown'
          : LICENSE_CLASS_LABELS[licenseClass],
    spdxId: spdx ? spdxId : undefined,
    osiApproved: spdx?.osiApproved,
    blueOakRating: spdxId ? BLUE_OAK.get(spdxId) : undefined,
    spdxCopyleft: shareAlikeFromData,
    commercialUse: entry?.commercialUse ?? defaultCommercialUse(licenseClass),
    attribution: entry?.attribution ?? (known ? 'yes' : 'unknown'),
    shareAlike: entry?.shareAlike ?? (shareAlikeFromData ? 'yes' : known ? 'no' : 'unknown'),
    useRestrictions:
      entry?.useRestrictions ?? (licenseClass === 'use-restricted' ? 'yes' : known ? 'no' : 'unknown'),
    derivativesShareable: entry?.derivativesShareable ?? (licenseClass === 'no-derivatives' ? 'no' : known ? 'yes' : 'unknown'),
    derivativeNaming: entry?.naming,
    regionalExclusions: entry?.regional,
    clause: entry?.clause,
    basis,
    customName: key === 'other' ? customName : undefined,
    link: key === 'other' ? customLink : undefined,
  };
  const passesDown =
    base.shareAlike === 'yes' ||
    base.useRestrictions === 'yes' ||
    base.derivativesShareable === 'no' ||
    base.commercialUse === 'no' ||
    licenseClass === 'custom-commercial';
  let obligation = entry?.obligation ?? (known ? generatedObligation(shortName, base) : undefined);
  if (!known && source !== 'hub-list') {
    obligation = `The ${shortName} may restrict use or require derivatives to keep its terms; its text${customLink ? ` (${customLink})` : ''} decides what a derivative may do.`;
  } else if (!known && key === 'cc') {
    obligation = 'The parent names only the Creative Commons family; if it is a NonCommercial, NoDerivatives or ShareAlike variant, those terms bind derivatives.';
  }
  return Object.freeze({ ...base, passesDown, obligation });
}

/**
 * Facts for one license key. `custom` carries `license_name` / `license_link` for `license: other`.
 * Keys outside the Hub's list give a "custom or unknown" entry; never throws.
 */
export function licenseFacts(key: string, custom?: { name?: string; link?: string }): LicenseFacts {
  const normalised = normaliseLicenseKey(key);
  const name = text(field(custom, 'name'));
  const link = text(field(custom, 'link'));
  const customClean = {
    name: name === undefined ? undefined : clip(name, 120),
    link: link === undefined ? undefined : clip(link, 300),
  };
  if (normalised === 'other' && (customClean.name !== undefined || customClean.link !== undefined)) {
    return buildFacts(normalised, HUB_LICENSES.other, customClean);
  }
  const cached = cache.get(normalised);
  if (cached) return cached;
  const facts = buildFacts(normalised, isHubLicenseKey(normalised) ? HUB_LICENSES[normalised] : undefined);
  // Unknown keys come from Hub data; keep the cache bounded.
  if (isHubLicenseKey(normalised) || cache.size < 1000) cache.set(normalised, facts);
  return facts;
}

/** Re-derives facts from anything shaped like LicenseFacts (or a bare key), so garbage never leaks. */
export function coerceLicenseFacts(value: unknown): LicenseFacts {
  if (typeof value === 'string') return licenseFacts(value);
  const key = field(value, 'key');
  if (typeof key !== 'string') return licenseFacts('unknown');
  if (key.trim().toLowerCase() === 'other' && field(value, 'source') === 'named-custom') {
    const link = text(field(value, 'link'));
    // The identity is lower-cased and made from the link when there is no name: a last resort only.
    const identity = text(field(value, 'identity'));
    const fromIdentity = link === undefined && identity?.startsWith('other:') ? identity.slice('other:'.length) : undefined;
    return licenseFacts('other', { name: text(field(value, 'customName')) ?? fromIdentity, link });
  }
  return licenseFacts(key);
}

export function coerceLicenseList(value: unknown): LicenseFacts[] {
  const items = Array.isArray(value) ? value.slice(0, 50) : isRecord(value) ? [value] : [];
  const out: LicenseFacts[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    const facts = coerceLicenseFacts(item);
    if (seen.has(facts.identity)) continue;
    seen.add(facts.identity);
    out.push(facts);
  }
  return out;
}

/** "Llama 3.1 Community License Agreement (custom commercial)" for one or more licenses. */
export function describeLicenses(licenses: LicenseFacts[]): string {
  if (licenses.length === 0) return 'not stated';
  return clip(licenses.map((f) => `${f.label} (${f.classLabel})`).join(' + '), 400);
}

// ---------------------------------------------------------------------------------------------
// Comparison

function mostRestrictive(licenses: LicenseFacts[]): { rank: number; facts: LicenseFacts } | undefined {
  let best: { rank: number; facts: LicenseFacts } | undefined;
  for (const facts of licenses) {
    const rank = restrictionRank(facts.licenseClass);
    if (rank !== undefined && (best === undefined || rank > best.rank)) best = { rank, facts };
  }
  return best;
}

function uniqueStrings(items: (string | undefined)[]): string[] {
  return [...new Set(items.filter((s): s is string => s !== undefined))];
}

/**
 * Compares the licenses of a parent and a child. Relaxed = the child's most restrictive known class
 * is strictly less restrictive than the parent's; tightened = strictly more; sideways = same tier.
 * Drift is not monotone: both directions are reported; only relaxation is a likely violation.
 */
export function compareLicenses(parent: LicenseFacts[], child: LicenseFacts[]): LicenseDrift {
  const p = coerceLicenseList(parent);
  const c = coerceLicenseList(child);
  const parentIds = new Set(p.map((f) => f.identity));
  const childIds = new Set(c.map((f) => f.identity));
  const removed = p.filter((f) => !childIds.has(f.identity));
  const added = c.filter((f) => !parentIds.has(f.identity));
  const keptParent = p.length > 0 && removed.length === 0;
  const pMax = mostRestrictive(p);
  const cMax = mostRestrictive(c);
  const pUnknown = p.some((f) => restrictionRank(f.licenseClass) === undefined);
  const cUnknown = c.some((f) => restrictionRank(f.licenseClass) === undefined);
  const parentClass = pMax?.facts.licenseClass ?? (p.length > 0 ? 'unknown' : undefined);
  const childClass = cMax?.facts.licenseClass ?? (c.length > 0 ? 'unknown' : undefined);
  const pDesc = describeLicenses(p);
  const cDesc = describeLicenses(c);
  const base = {
    parentClass,
    childClass,
    added: added.map((f) => f.shortName),
    removed: removed.map((f) => f.shortName),
    keptParent,
  };
  const result = (kind: LicenseDriftKind, summary: string, extra: Partial<LicenseDrift> = {}): LicenseDrift => ({
    kind,
    ...base,
    obligations: [],
    summary,
    ...extra,
  });

  if (p.length === 0 && c.length === 0) {
    return result('unknown', 'Neither the parent nor the child states a license, so there is nothing to compare.');
  }
  if (p.length === 0) return result('added', `The parent states no license; the child uses ${cDesc}.`);
  if (c.length === 0) {
    return result('dropped', `The child states no license; the parent uses ${pDesc}.`, {
      obligations: uniqueStrings(p.map((f) => f.obligation)),
      note: 'The parent\'s terms still apply to a derivative, but the child\'s page no longer shows them.',
    });
  }
  if (removed.length === 0 && added.length === 0) return result('same', `Same license as the parent: ${cDesc}.`);

  if (keptParent) {
    const looser = added.some((f) => {
      const rank = restrictionRank(f.licenseClass);
      return rank === undefined || pUnknown || (pMax !== undefined && rank < pMax.rank);
    });
    return result('added', `The child keeps the parent's ${pDesc} and adds ${describeLicenses(added)}.`, {
      note: looser
        ? 'If the added license is offered as an alternative, users could pick its looser terms; the parent\'s terms still bind the derivative.'
        : undefined,
    });
  }

  let kind: LicenseDriftKind = 'unknown';
  let certainty: LicenseDrift['certainty'];
  let reason = '';
  if (pMax && cMax && !pUnknown && !cUnknown) {
    kind = cMax.rank < pMax.rank ? 'relaxed' : cMax.rank > pMax.rank ? 'tightened' : 'sideways';
    if (kind === 'relaxed') certainty = 'likely';
  } else if (cMax && !cUnknown) {
    // The parent has at least one license with unknown terms.
    const namedCustomParent = p.some((f) => restrictionRank(f.licenseClass) === undefined && f.key !== 'unknown');
    if (pMax && cMax.rank < pMax.rank) {
      kind = 'relaxed';
      certainty = 'likely';
    } else if (cMax.rank === 0 && namedCustomParent) {
      kind = 'relaxed';
      certainty = 'possible';
    } else {
      reason = 'the parent\'s license terms are unknown here';
    }
  } else {
    reason = 'the child\'s license terms are unknown here';
  }

  const obligations = uniqueStrings(
    removed.filter((f) => kind !== 'tightened' || f.passesDown).map((f) => f.obligation),
  );
  switch (kind) {
    case 'relaxed':
      return certainty === 'likely'
        ? result('relaxed', `License relaxed: ${pDesc} → ${cDesc}. The child offers looser terms than its parent, which the parent's license may not allow.`, {
            certainty,
            obligations,
            note: 'The study found drift from restrictive toward permissive licenses common, and often against the upstream terms. Worth checking before reuse.',
          })
        : result('relaxed', `License possibly relaxed: ${pDesc} → ${cDesc}. The parent's terms are unknown here, so the child's ${LICENSE_CLASS_LABELS[cMax?.facts.licenseClass ?? 'permissive']} license may grant more than the parent allows.`, {
            certainty,
            obligations,
            note: 'Read the parent\'s license to know whether this is allowed.',
          });
    case 'tightened':
      return result('tightened', `License tightened: ${pDesc} → ${cDesc}.`, {
        obligations,
        note: 'Adding restrictions is usually allowed; the parent\'s own terms still apply to what the child inherits.',
      });
    case 'sideways':
      return result('sideways', `License changed within the same class (${LICENSE_CLASS_LABELS[cMax?.facts.licenseClass ?? 'unknown']}): ${pDesc} → ${cDesc}.`, {
        obligations,
      });
    default:
      return result('unknown', `License changed: ${pDesc} → ${cDesc}. The direction can't be judged because ${reason}.`, {
        obligations,
      });
  }
}

/** Listed for tests and documentation: SPDX ids whose class is derived from the data packages. */
export function spdxIdForKey(key: string): string | undefined {
  return isHubLicenseKey(key) ? HUB_LICENSES[key].spdx : undefined;
}
