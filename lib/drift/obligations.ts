// The upstream-obligations catalogue: for each license family whose terms bind derivative models, the
// duties a derivative owes, each with the clause it comes from, a link to the license text, a short
// paraphrase in our own words, and how public Hub data can check it. Every Hub license key is either
// listed here with duties or explicitly marked as having none this catalogue checks, with the reason.
// Duties public data cannot show (user counts, how a model is used) are not listed at all.
// Sources: the license texts linked per entry (see also the README's "Upstream obligations").
// Guidance, not legal advice.

import { HUB_LICENSE_KEYS } from './licenses';

// Keys and labels live apart so the views (content-script bundle) need not load the catalogue.
export { OBLIGATION_KEYS, OBLIGATION_LABELS, type ObligationKey } from './obligation-keys';
import type { ObligationKey } from './obligation-keys';

/** How a duty is checked. */
export type DutyCheck =
  /** A file whose name matches one of the patterns (basename, case-insensitive) is in the repository. */
  | { kind: 'file'; patterns: readonly RegExp[]; described: string }
  /** The license's exact notice sentence, in a Notice file (or, weaker, the README). */
  | { kind: 'notice-sentence'; sentences: readonly string[]; shown: string }
  /** Apache-2.0 §4(d): when the parent ships a NOTICE file, the derivative ships one too. */
  | { kind: 'parent-notice' }
  /** One of these display strings in the model card. */
  | { kind: 'card-phrase'; phrases: readonly string[]; shown: string }
  /** Credit to the parent in the card (or at least in its metadata). */
  | { kind: 'credit' }
  /** The repository name begins with the prefix (pattern over the name, case-sensitive). */
  | { kind: 'name-prefix'; prefix: string; pattern: RegExp }
  /** A USE_POLICY file or a link to the policy in the card. */
  | { kind: 'use-policy'; links: readonly string[] }
  /** The derivative's declared license carries the parent's use restrictions. */
  | { kind: 'restrictions'; carriers: readonly string[] }
  /** The derivative's declared license is the same one, or a version the license allows. */
  | { kind: 'same-license'; accepted: readonly string[]; caveated?: Readonly<Record<string, string>> }
  /** The derivative's declared license does not grant commercial use. */
  | { kind: 'non-commercial' }
  /** The card says what was changed. */
  | { kind: 'modification' };

export interface Duty {
  key: ObligationKey;
  /** Section of the license, e.g. "§1.b.i". */
  clause: string;
  /** What the duty asks, in our words (never the license's prose). */
  paraphrase: string;
  check: DutyCheck;
}

export interface LicenseDuties {
  /** Hub license key (or `other:<name>` for a named custom license). */
  key: string;
  /** Short name for sentences. */
  name: string;
  /** Where to read the license. */
  link: string;
  duties: readonly Duty[];
}

export interface NoDuties {
  key: string;
  /** Why nothing is checked for this key. */
  none: string;
}

export type CatalogueEntry = LicenseDuties | NoDuties;

export function hasDuties(entry: CatalogueEntry | undefined): entry is LicenseDuties {
  return entry !== undefined && 'duties' in entry;
}

// ---------------------------------------------------------------------------------------------
// File-name patterns (basenames, case-insensitive)

export const LICENSE_FILE = /^(licen[cs]e|copying)([-_. ].*)?$/i;
export const NOTICE_FILE = /^notice(\.(txt|md))?$/i;
export const USE_POLICY_FILE = /^(use[-_]?policy|acceptable[-_]use[-_]policy)(\..*)?$/i;
const GEMMA_TERMS_FILE = /^gemma[-_ ]?terms.*$/i;

const RAIL_KEYS = [
  'openrail',
  'openrail++',
  'creativeml-openrail-m',
  'bigscience-openrail-m',
  'bigscience-bloom-rail-1.0',
  'bigcode-openrail-m',
] as const;

// ---------------------------------------------------------------------------------------------
// Llama

type LlamaVersion = '2' | '3' | '3.1' | '3.2' | '3.3' | '4';

const LLAMA_LINKS: Readonly<Record<LlamaVersion, { license: string; policy: string }>> = {
  '2': { license: 'https://ai.meta.com/llama/license/', policy: 'ai.meta.com/llama/use-policy' },
  '3': { license: 'https://llama.meta.com/llama3/license/', policy: 'llama.meta.com/llama3/use-policy' },
  '3.1': { license: 'https://llama.meta.com/llama3_1/license/', policy: 'llama.meta.com/llama3_1/use-policy' },
  '3.2': { license: 'https://www.llama.com/llama3_2/license/', policy: 'www.llama.com/llama3_2/use-policy' },
  '3.3': { license: 'https://www.llama.com/llama3_3/license/', policy: 'www.llama.com/llama3_3/use-policy' },
  '4': { license: 'https://www.llama.com/llama4/license/', policy: 'www.llama.com/llama4/use-policy' },
};

function llamaNotice(version: LlamaVersion): string {
  if (version === '2') return 'Llama 2 is licensed under the LLAMA 2 Community License, Copyright (c) Meta Platforms, Inc. All Rights Reserved.';
  if (version === '3') return 'Meta Llama 3 is licensed under the Meta Llama 3 Community License, Copyright © Meta Platforms, Inc. All Rights Reserved.';
  return `Llama ${version} is licensed under the Llama ${version} Community License, Copyright © Meta Platforms, Inc. All Rights Reserved.`;
}

/** The duty to pass on a copy of the license (a LICENSE* file in the repository). */
function licenseCopy(clause: string, paraphrase: string): Duty {
  return { key: 'license-copy', clause, paraphrase, check: { kind: 'file', patterns: [LICENSE_FILE], described: 'LICENSE' } };
}

/** The duty to keep a prescribed attribution sentence in a Notice file. */
function noticeSentence(clause: string, paraphrase: string, sentence: string): Duty {
  return { key: 'notice', clause, paraphrase, check: { kind: 'notice-sentence', sentences: [sentence], shown: sentence } };
}

function llama(version: LlamaVersion): LicenseDuties {
  const links = LLAMA_LINKS[version];
  const notice = llamaNotice(version);
  const duties: Duty[] = [
    licenseCopy('§1.b.i', 'Anyone who shares the model or a derivative must pass on a copy of the license agreement.'),
    noticeSentence('§1.b.iii', 'Copies must keep Meta\'s attribution sentence in a "Notice" text file.', notice),
    {
      key: 'acceptable-use',
      clause: '§1.b.iv',
      paraphrase: 'Use must follow Meta\'s Acceptable Use Policy, which the license incorporates; sharing it (USE_POLICY.md or a link) tells users so.',
      check: { kind: 'use-policy', links: [links.policy] },
    },
  ];
  if (version === '3') {
    duties.push(
      {
        key: 'attribution',
        clause: '§1.b.i',
        paraphrase: 'A product or model built with the materials must show "Built with Meta Llama 3" prominently, e.g. in its documentation.',
        check: { kind: 'card-phrase', phrases: ['Built with Meta Llama 3'], shown: 'Built with Meta Llama 3' },
      },
      {
        key: 'name-prefix',
        clause: '§1.b.i',
        paraphrase: 'A model created or fine-tuned with the materials must have a name beginning with "Llama 3".',
        check: { kind: 'name-prefix', prefix: 'Llama 3', pattern: /^Llama[-_. ]?3/ },
      },
    );
  } else if (version !== '2') {
    duties.push(
      {
        key: 'attribution',
        clause: '§1.b.i',
        paraphrase: 'A product or model built with the materials must show "Built with Llama" prominently, e.g. in its documentation.',
        check: { kind: 'card-phrase', phrases: ['Built with Llama'], shown: 'Built with Llama' },
      },
      {
        key: 'name-prefix',
        clause: '§1.b.i',
        paraphrase: 'A model created, trained or fine-tuned with the materials (or their outputs) must have a name beginning with "Llama".',
        check: { kind: 'name-prefix', prefix: 'Llama', pattern: /^Llama/ },
      },
    );
  }
  const key = version === '2' ? 'llama2' : `llama${version}`;
  return { key, name: `Llama ${version} license`, link: links.license, duties };
}

// ---------------------------------------------------------------------------------------------
// Gemma

const GEMMA_NOTICE = 'Gemma is provided under and subject to the Gemma Terms of Use found at ai.google.dev/gemma/terms';

const GEMMA: LicenseDuties = {
  key: 'gemma',
  name: 'Gemma Terms of Use',
  link: 'https://ai.google.dev/gemma/terms',
  duties: [
    {
      key: 'use-restrictions',
      clause: '§3.1 (first duty), §3.2',
      paraphrase: 'Whoever shares a Gemma derivative must make Gemma\'s use restrictions an enforceable part of the terms they share it under, and tell later users about them.',
      check: { kind: 'restrictions', carriers: ['gemma'] },
    },
    {
      key: 'license-copy',
      clause: '§3.1 (second duty)',
      paraphrase: 'Recipients must get a copy of the Gemma Terms of Use.',
      check: { kind: 'file', patterns: [LICENSE_FILE, GEMMA_TERMS_FILE], described: 'LICENSE or GEMMA_TERMS' },
    },
    {
      key: 'modification-notice',
      clause: '§3.1 (third duty)',
      paraphrase: 'Modified files must carry prominent notices that they were changed (checked only as: the card says what was changed).',
      check: { kind: 'modification' },
    },
    {
      key: 'notice',
      clause: '§3.1 (fourth duty)',
      paraphrase: 'Copies must come with a "Notice" text file saying that Gemma is provided under the Gemma Terms of Use.',
      check: {
        kind: 'notice-sentence',
        sentences: [GEMMA_NOTICE, GEMMA_NOTICE.replace('found at ', 'found at https://')],
        shown: GEMMA_NOTICE,
      },
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// OpenRAIL / RAIL

const RAIL_LINKS: Readonly<Record<(typeof RAIL_KEYS)[number], { name: string; link: string; clause: string }>> = {
  openrail: { name: 'OpenRAIL license', link: 'https://huggingface.co/blog/open_rail', clause: 'RAIL-M template ¶4(a)' },
  'openrail++': { name: 'Open RAIL++-M license', link: 'https://huggingface.co/stabilityai/stable-diffusion-xl-base-1.0/blob/main/LICENSE.md', clause: '¶4(a)' },
  'creativeml-openrail-m': { name: 'CreativeML OpenRAIL-M license', link: 'https://huggingface.co/spaces/CompVis/stable-diffusion-license', clause: '¶4(a)' },
  'bigscience-openrail-m': { name: 'BigScience OpenRAIL-M license', link: 'https://bigscience.huggingface.co/blog/bigscience-openrail-m', clause: '¶4(a)' },
  'bigscience-bloom-rail-1.0': { name: 'BigScience BLOOM RAIL 1.0 license', link: 'https://huggingface.co/spaces/bigscience/license', clause: '¶4(a) and ¶5' },
  'bigcode-openrail-m': { name: 'BigCode OpenRAIL-M license', link: 'https://www.bigcode-project.org/docs/pages/bigcode-openrail', clause: '§5.1' },
};

function rail(key: (typeof RAIL_KEYS)[number]): LicenseDuties {
  const { name, link, clause } = RAIL_LINKS[key];
  const bigcode = key === 'bigcode-openrail-m';
  return {
    key,
    name,
    link,
    duties: [
      {
        key: 'use-restrictions',
        clause,
        paraphrase: 'The license\'s use-based restrictions must be included, as enforceable terms, in the license the derivative is shared under.',
        check: { kind: 'restrictions', carriers: [key, ...RAIL_KEYS.filter((k) => k !== key)] },
      },
      licenseCopy(bigcode ? '§5.2(a)' : '¶4(b)', 'Recipients of the model or a derivative must get a copy of the license.'),
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// Creative Commons

function creativeCommons(key: string, version: string, elements: { sa: boolean; nc: boolean }): LicenseDuties {
  const code = `CC BY${elements.nc ? '-NC' : ''}${elements.sa ? '-SA' : ''} ${version}`;
  const four = version === '4.0';
  const duties: Duty[] = [
    {
      key: 'attribution',
      clause: four ? '§3(a)(1)(A) and (C)' : '§4',
      paraphrase: 'Shared adaptations must credit the creator, link the original and name or link the license.',
      check: { kind: 'credit' },
    },
    {
      key: 'modification-notice',
      clause: four ? '§3(a)(1)(B)' : '§4',
      paraphrase: 'Shared adaptations must say that the material was changed.',
      check: { kind: 'modification' },
    },
  ];
  if (elements.nc) {
    duties.push({
      key: 'non-commercial',
      clause: four ? '§2(a)(1)' : '§3',
      paraphrase: 'Adaptations may be shared for non-commercial purposes only, so they cannot be offered under terms that allow commercial use.',
      check: { kind: 'non-commercial' },
    });
  }
  if (elements.sa) {
    const sameKey = key;
    const later = elements.nc ? ['cc-by-nc-sa-4.0'] : ['cc-by-sa-4.0'];
    duties.push({
      key: 'same-license',
      clause: four ? '§3(b)(1)' : '§4(b)',
      paraphrase: `Adaptations must be shared under the same license (this version or a later one${elements.nc ? '' : ', or a compatible license'}).`,
      check: { kind: 'same-license', accepted: [...new Set([sameKey, ...later])] },
    });
  }
  const slug = `${elements.nc ? 'by-nc' : 'by'}${elements.sa ? '-sa' : ''}`;
  return { key, name: code, link: `https://creativecommons.org/licenses/${slug}/${version}/`, duties };
}

// ---------------------------------------------------------------------------------------------
// GNU licenses

function gnu(key: string, name: string, link: string, accepted: string[], caveated: Record<string, string> = {}): LicenseDuties {
  return {
    key,
    name,
    link,
    duties: [
      {
        key: 'same-license',
        clause: key.startsWith('lgpl') ? '§2 (LGPL-2.1) / §4 with GPL §5(c)' : '§5(c)',
        paraphrase: 'A modified version must be licensed as a whole under the same license (whether model weights are a covered work is unsettled).',
        check: { kind: 'same-license', accepted, caveated },
      },
      {
        key: 'license-copy',
        clause: '§4',
        paraphrase: 'Recipients must get a copy of the license.',
        check: { kind: 'file', patterns: [LICENSE_FILE], described: 'LICENSE or COPYING' },
      },
      {
        key: 'modification-notice',
        clause: '§5(a)',
        paraphrase: 'A modified version must carry prominent notices that it was changed, with a date.',
        check: { kind: 'modification' },
      },
    ],
  };
}

const GPL3_LATER = { 'agpl-3.0': 'GPL-3.0 §13 lets a work be combined with AGPL-3.0 code; check that this is what happened' };

// ---------------------------------------------------------------------------------------------
// Apache-2.0

const APACHE: LicenseDuties = {
  key: 'apache-2.0',
  name: 'Apache-2.0',
  link: 'https://www.apache.org/licenses/LICENSE-2.0',
  duties: [
    licenseCopy('§4(a)', 'Recipients of the work or a derivative must get a copy of the license.'),
    {
      key: 'notice',
      clause: '§4(d)',
      paraphrase: 'When the original ships a NOTICE file, a derivative must include its attribution notices too.',
      check: { kind: 'parent-notice' },
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// Named custom licenses (`license: other` + `license_name`), keyed `other:<name>`

const QWEN_NOTICE = 'Qwen is licensed under the Qwen LICENSE AGREEMENT, Copyright (c) Alibaba Cloud. All Rights Reserved.';
const TONGYI_NOTICE = 'Tongyi Qianwen is licensed under the Tongyi Qianwen LICENSE AGREEMENT, Copyright (c) Alibaba Cloud. All Rights Reserved.';

const NAMED: readonly LicenseDuties[] = [
  {
    key: 'other:qwen',
    name: 'Qwen license',
    link: 'https://huggingface.co/Qwen/Qwen2.5-72B-Instruct/blob/main/LICENSE',
    duties: [
      licenseCopy('§4(a)', 'Recipients must get a copy of the agreement.'),
      noticeSentence('§4(c)', 'Copies must keep Alibaba Cloud\'s attribution sentence in a "Notice" text file.', QWEN_NOTICE),
      {
        key: 'attribution',
        clause: '§5(b)',
        paraphrase: 'A product or model built with it must show "Built with Qwen" or "Improved using Qwen" in its documentation.',
        check: { kind: 'card-phrase', phrases: ['Built with Qwen', 'Improved using Qwen'], shown: 'Built with Qwen' },
      },
    ],
  },
  {
    key: 'other:tongyi-qianwen',
    name: 'Tongyi Qianwen license',
    link: 'https://github.com/QwenLM/Qwen/blob/main/Tongyi%20Qianwen%20LICENSE%20AGREEMENT',
    duties: [
      licenseCopy('§3(a)', 'Recipients must get a copy of the agreement.'),
      noticeSentence('§3(c)', 'Copies must keep Alibaba Cloud\'s attribution sentence in a "Notice" text file.', TONGYI_NOTICE),
    ],
  },
  {
    key: 'other:mrl',
    name: 'Mistral AI Research License',
    link: 'https://mistral.ai/licenses/MRL-0.1.md',
    duties: [
      licenseCopy('§2.2', 'Recipients must get a copy of the agreement.'),
      {
        key: 'notice',
        clause: '§2.2',
        paraphrase: 'Copies must come with a Notice file saying they are licensed by Mistral AI under its research license.',
        check: {
          kind: 'notice-sentence',
          sentences: ['Licensed by Mistral AI under the Mistral AI Research License'],
          shown: 'Licensed by Mistral AI under the Mistral AI Research License',
        },
      },
      {
        key: 'non-commercial',
        clause: '§1 (research purposes)',
        paraphrase: 'Research use only: a derivative cannot be offered under terms that allow commercial use.',
        check: { kind: 'non-commercial' },
      },
      {
        key: 'modification-notice',
        clause: '§2.3',
        paraphrase: 'Modified models must carry prominent notices that they were changed.',
        check: { kind: 'modification' },
      },
    ],
  },
];

// ---------------------------------------------------------------------------------------------
// The catalogue

const WITH_DUTIES: readonly LicenseDuties[] = [
  llama('2'),
  llama('3'),
  llama('3.1'),
  llama('3.2'),
  llama('3.3'),
  llama('4'),
  GEMMA,
  ...RAIL_KEYS.map(rail),
  creativeCommons('cc-by-2.0', '2.0', { sa: false, nc: false }),
  creativeCommons('cc-by-2.5', '2.5', { sa: false, nc: false }),
  creativeCommons('cc-by-3.0', '3.0', { sa: false, nc: false }),
  creativeCommons('cc-by-4.0', '4.0', { sa: false, nc: false }),
  creativeCommons('cc-by-sa-3.0', '3.0', { sa: true, nc: false }),
  creativeCommons('cc-by-sa-4.0', '4.0', { sa: true, nc: false }),
  creativeCommons('cc-by-nc-2.0', '2.0', { sa: false, nc: true }),
  creativeCommons('cc-by-nc-3.0', '3.0', { sa: false, nc: true }),
  creativeCommons('cc-by-nc-4.0', '4.0', { sa: false, nc: true }),
  creativeCommons('cc-by-nc-sa-2.0', '2.0', { sa: true, nc: true }),
  creativeCommons('cc-by-nc-sa-3.0', '3.0', { sa: true, nc: true }),
  creativeCommons('cc-by-nc-sa-4.0', '4.0', { sa: true, nc: true }),
  gnu('gpl-3.0', 'GPL-3.0', 'https://www.gnu.org/licenses/gpl-3.0.html', ['gpl-3.0'], GPL3_LATER),
  gnu('gpl-2.0', 'GPL-2.0', 'https://www.gnu.org/licenses/old-licenses/gpl-2.0.html', ['gpl-2.0'], {
    'gpl-3.0': 'allowed only if the parent is "GPL-2.0 or later"; the Hub key does not say',
  }),
  gnu('gpl', 'GNU GPL', 'https://www.gnu.org/licenses/gpl-3.0.html', ['gpl', 'gpl-3.0', 'gpl-2.0'], { 'agpl-3.0': GPL3_LATER['agpl-3.0'] }),
  gnu('agpl-3.0', 'AGPL-3.0', 'https://www.gnu.org/licenses/agpl-3.0.html', ['agpl-3.0']),
  gnu('lgpl-3.0', 'LGPL-3.0', 'https://www.gnu.org/licenses/lgpl-3.0.html', ['lgpl-3.0'], {
    'gpl-3.0': 'LGPL-3.0 allows conveying under the GPL instead',
  }),
  gnu('lgpl-2.1', 'LGPL-2.1', 'https://www.gnu.org/licenses/old-licenses/lgpl-2.1.html', ['lgpl-2.1'], {
    'lgpl-3.0': 'LGPL-2.1 §3 allows moving to a later version only if it says "or later"',
    'gpl-2.0': 'LGPL-2.1 §3 allows conveying under the GPL instead',
    'gpl-3.0': 'LGPL-2.1 §3 allows conveying under the GPL instead',
  }),
  gnu('lgpl', 'GNU LGPL', 'https://www.gnu.org/licenses/lgpl-3.0.html', ['lgpl', 'lgpl-3.0', 'lgpl-2.1'], {
    'gpl-3.0': 'the LGPL allows conveying under the GPL instead',
  }),
  APACHE,
  ...NAMED,
];

/** Keys with nothing this catalogue checks, grouped by reason. */
const NONE_REASONS: readonly (readonly [string, readonly string[]])[] = [
  [
    'Permissive: its conditions (keep the copyright and license notice in copies) are not among the derivative duties this catalogue checks.',
    ['mit', 'afl-3.0', 'artistic-2.0', 'bsl-1.0', 'bsd', 'bsd-2-clause', 'bsd-3-clause', 'bsd-3-clause-clear', 'ecl-2.0', 'isc', 'lppl-1.3c', 'ms-pl', 'apple-ascl', 'postgresql', 'ncsa', 'zlib', 'openmdw-1.0', 'openmdw-1.1', 'cdla-permissive-1.0', 'cdla-permissive-2.0', 'etalab-2.0', 'odc-by'],
  ],
  ['Public-domain dedication or no conditions: nothing passes down.', ['cc0-1.0', 'unlicense', 'wtfpl', 'pddl']],
  [
    'File-level or database copyleft (MPL, EPL, EUPL, OSL, OFL, GFDL, ODbL, CDLA-Sharing, LGPL-LR, C-UDA): how it applies to model weights is unclear, so no duty is checked.',
    ['mpl-2.0', 'epl-1.0', 'epl-2.0', 'eupl-1.1', 'eupl-1.2', 'osl-3.0', 'ofl-1.1', 'gfdl', 'odbl', 'cdla-sharing-1.0', 'lgpl-lr', 'c-uda'],
  ],
  [
    'No-derivatives license: adapted material may not be shared at all, which the license flag already says; there is nothing a derivative could do to comply.',
    ['cc-by-nd-4.0', 'cc-by-nc-nd-3.0', 'cc-by-nc-nd-4.0'],
  ],
  [
    'Research-only license whose derivative terms HF Drift has not read: the license flag already warns; check the text.',
    ['h-research', 'intel-research', 'apple-amlr', 'deepfloyd-if-license', 'fair-noncommercial-research-license', 'grok2-community'],
  ],
  ['The key does not say which license applies, so no duty can be named.', ['cc', 'unknown', 'other']],
];

const CATALOGUE = new Map<string, CatalogueEntry>();
for (const entry of WITH_DUTIES) CATALOGUE.set(entry.key, entry);
for (const [none, keys] of NONE_REASONS) for (const key of keys) if (!CATALOGUE.has(key)) CATALOGUE.set(key, { key, none });

/** Hub keys the catalogue does not cover (must stay empty; a unit test walks the Hub's list). */
export function uncoveredHubKeys(keys: readonly string[] = HUB_LICENSE_KEYS): string[] {
  return keys.filter((key) => !CATALOGUE.has(key));
}

/** Normalises a custom license name to its catalogue spelling: "Google Gemma Terms of Use" → "google-gemma-terms-of-use". */
function customKey(name: string): string {
  return `other:${name.trim().toLowerCase().replace(/[\s_]+/g, '-')}`;
}

/** Custom names that are another spelling of a catalogued license. */
const ALIASES: Readonly<Record<string, string>> = {
  'other:google-gemma-terms-of-use': 'gemma',
  'other:gemma-terms-of-use': 'gemma',
  'other:gemma': 'gemma',
  'other:qwen-license-agreement': 'other:qwen',
  'other:tongyi-qianwen-license-agreement': 'other:tongyi-qianwen',
  'other:mistral-ai-research-license': 'other:mrl',
};

/** The catalogue entry for a license: a Hub key, or `other` with the author's license name. */
export function catalogueEntry(key: string, customName?: string): CatalogueEntry | undefined {
  if (typeof key !== 'string') return undefined;
  const clean = key.trim().toLowerCase();
  if (clean === 'other' && typeof customName === 'string' && customName.trim() !== '') {
    const named = customKey(customName);
    const entry = CATALOGUE.get(ALIASES[named] ?? named);
    if (entry) return entry;
  }
  return CATALOGUE.get(clean);
}

/** Every entry, for the README and tests. */
export function catalogueEntries(): CatalogueEntry[] {
  return [...CATALOGUE.values()];
}

/** Keys that carry the use restrictions of the RAIL family (for pass-down checks). */
export const RAIL_FAMILY: readonly string[] = RAIL_KEYS;
