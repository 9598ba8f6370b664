// Table tests of every obligation check with met / unmet / unknown cases, on card text shaped like the
// templates found on the Hub (Trainer, Unsloth, GGUF quantizer cards, hand-written cards).
import { describe, expect, it } from 'vitest';
import { licenseFacts } from '../../../lib/drift/licenses';
import { extractEvidence, type TextEvidence } from '../../../lib/drift/obligation-text';
import {
  checkDuty,
  countObligations,
  effectiveLicense,
  evaluateObligations,
  METADATA_CHECKS,
  obligationsHeadline,
  repoName,
  statesNoLicense,
  type AncestorLicense,
  type ObligationSubject,
} from '../../../lib/drift/obligation-checks';
import { catalogueEntry, hasDuties, type LicenseDuties, type ObligationKey } from '../../../lib/drift/obligations';

const TRAINER = `<!-- This model card has been generated automatically according to the information the Trainer had access to. You
should probably proofread and complete it, then remove this comment. -->

# medchat-8b

This model is a fine-tuned version of [meta-llama/Llama-3.1-8B-Instruct](https://huggingface.co/meta-llama/Llama-3.1-8B-Instruct) on the None dataset.

## Training hyperparameters

- learning_rate: 2e-05
`;

const UNSLOTH = `# Uploaded model

- **Developed by:** someone
- **License:** apache-2.0
- **Finetuned from model :** unsloth/llama-3-8b-bnb-4bit

This llama model was trained 2x faster with [Unsloth](https://github.com/unslothai/unsloth) and Huggingface's TRL library.
`;

const GGUF = `## Llamacpp imatrix Quantizations of Llama-3.1-8B-Instruct

Using llama.cpp for quantization.

Original model: https://huggingface.co/meta-llama/Llama-3.1-8B-Instruct

## Files

| Filename | Quant type |
| -------- | ---------- |
| Llama-3.1-8B-Instruct-Q4_K_M.gguf | Q4_K_M |
`;

const HANDWRITTEN = `# Llama-3.1-Helpdesk

Trained on our support tickets.

<p align="center"><b>Built&nbsp;with Llama</b></p>

Llama 3.1 is licensed under the Llama 3.1 Community License, Copyright &copy; Meta Platforms, Inc. All Rights Reserved.

Please read the [Acceptable Use Policy](https://llama.meta.com/llama3_1/use-policy).
`;

const card = (text: string): TextEvidence => extractEvidence(text);
const files = (...names: string[]) => ({ names, total: names.length });

function llama31(): LicenseDuties {
  const entry = catalogueEntry('llama3.1');
  if (!hasDuties(entry)) throw new Error('llama3.1 has duties');
  return entry;
}

function entryOf(key: string, name?: string): LicenseDuties {
  const entry = catalogueEntry(key, name);
  if (!hasDuties(entry)) throw new Error(`${key} has duties`);
  return entry;
}

function subject(over: Omit<Partial<ObligationSubject>, 'licenses'> & { licenses?: string[] } = {}): ObligationSubject {
  const { licenses = ['apache-2.0'], ...rest } = over;
  return { id: 'acme/medchat-8b', licenses: licenses.map((k) => licenseFacts(k)), ...rest } as ObligationSubject;
}

const PARENT: AncestorLicense = { id: 'meta-llama/Llama-3.1-8B-Instruct', key: 'llama3.1', depth: 1 };

function run(entry: LicenseDuties, key: ObligationKey, s: ObligationSubject, ancestor: AncestorLicense = { ...PARENT, key: entry.key }) {
  const duty = entry.duties.find((d) => d.key === key);
  if (!duty) throw new Error(`${entry.key} has no ${key} duty`);
  return checkDuty(duty, s, ancestor, entry);
}

describe('license-copy (file in the repository)', () => {
  it.each([
    ['LICENSE present', files('README.md', 'LICENSE'), ['apache-2.0'], 'met', /has 'LICENSE'/],
    ['LICENSE.txt in a folder', files('original/LICENSE.txt'), ['apache-2.0'], 'met', /original\/LICENSE\.txt/],
    ['COPYING counts', files('COPYING'), ['apache-2.0'], 'met', /COPYING/],
    ['lower-case licence.md', files('licence.md'), ['apache-2.0'], 'met', /licence\.md/],
    ['a file merely containing the word', files('my_license_notes.txt'), ['apache-2.0'], 'unmet', /no file named LICENSE\*/],
    ['no files, relicensed', files('README.md', 'config.json'), ['apache-2.0'], 'unmet', /no file named LICENSE\* in the repository \(2 files\)/],
    ['no files, same key declared', files('README.md'), ['llama3.1'], 'unknown', /only the metadata declares llama3\.1/],
    ['file list missing', undefined, ['apache-2.0'], 'unknown', /file list is not known/],
    ['list capped, no match among kept', { names: ['a.bin'], total: 10_000 }, ['apache-2.0'], 'unknown', /first 1 of 10,000 files/],
  ])('%s → %s', (_name, repoFiles, licenses, status, evidence) => {
    const answer = run(llama31(), 'license-copy', subject({ files: repoFiles, licenses }));
    expect(answer?.status).toBe(status);
    expect(answer?.evidence).toMatch(evidence);
  });

  it('a capped list that still contains LICENSE is met', () => {
    expect(run(llama31(), 'license-copy', subject({ files: { names: ['LICENSE'], total: 10_000 } }))?.status).toBe('met');
  });

  it('`other` declared by the child does not count as the same key', () => {
    const answer = run(entryOf('other', 'qwen'), 'license-copy', subject({ files: files('README.md'), licenses: ['other'] }), { id: 'Qwen/x', key: 'other', customName: 'qwen', depth: 1 });
    expect(answer?.status).toBe('unmet');
  });

  it('Gemma accepts a GEMMA_TERMS file', () => {
    expect(run(entryOf('gemma'), 'license-copy', subject({ files: files('GEMMA_TERMS_OF_USE.md') }))?.status).toBe('met');
  });
});

describe('notice (exact sentence)', () => {
  const sentence = 'Llama 3.1 is licensed under the Llama 3.1 Community License, Copyright © Meta Platforms, Inc. All Rights Reserved.';
  const noticeEvidence = (text: string) => ({ file: 'NOTICE', evidence: extractEvidence(text) });

  it.each([
    ['NOTICE with the sentence', { files: files('NOTICE'), notice: noticeEvidence(`${sentence}\n`) }, 'met', /NOTICE line 1 says/, undefined],
    ['(c) instead of ©, curly quotes elsewhere', { files: files('notice.txt'), notice: { file: 'notice.txt', evidence: extractEvidence(sentence.replace('©', '(c)')) } }, 'met', /notice\.txt line 1/, undefined],
    ['one file holding several parents\' notices', { files: files('Notice'), notice: { file: 'Notice', evidence: extractEvidence(`Gemma is provided under and subject to the Gemma Terms of Use found at ai.google.dev/gemma/terms\n\n${sentence}\n\nQwen is licensed under the Qwen LICENSE AGREEMENT, Copyright (c) Alibaba Cloud. All Rights Reserved.`) } }, 'met', /Notice line 3/, undefined],
    ['NOTICE without it, README has it', { files: files('NOTICE'), notice: noticeEvidence('Other notice.'), card: card(HANDWRITTEN) }, 'met', /NOTICE lacks it; README line 7/, /not in a Notice file/],
    ['NOTICE without it, README neither', { files: files('NOTICE'), notice: noticeEvidence('Some other license notice.'), card: card(TRAINER) }, 'unmet', /NOTICE does not contain/, undefined],
    ['NOTICE empty', { files: files('NOTICE'), notice: { file: 'NOTICE', evidence: extractEvidence('') }, card: card(TRAINER) }, 'unmet', /NOTICE is empty/, undefined],
    ['NOTICE empty, README has it', { files: files('NOTICE'), notice: { file: 'NOTICE', evidence: extractEvidence('') }, card: card(HANDWRITTEN) }, 'met', /NOTICE is empty; README/, /not in a Notice file/],
    ['NOTICE binary', { files: files('NOTICE'), notice: { file: 'NOTICE', evidence: extractEvidence('\u0000\u0000bin') } }, 'unknown', /NOTICE could not be read \(the file NOTICE is not text\)/, undefined],
    ['NOTICE unreadable (gated)', { files: files('NOTICE'), notice: { file: 'NOTICE', error: 'This model is gated.' } }, 'unknown', /gated/, undefined],
    ['NOTICE unreadable, README has it', { files: files('NOTICE'), notice: { file: 'NOTICE', error: 'x' }, card: card(HANDWRITTEN) }, 'met', /NOTICE could not be read; README line 7/, /not in a Notice file/],
    ['NOTICE with look-alike letters', { files: files('NOTICE'), notice: noticeEvidence(sentence.replace('Llama 3.1 is', 'Ⅼlama 3.1 is')) }, 'unknown', /look-alike/, undefined],
    ['NOTICE too long, sentence beyond the scan', { files: files('NOTICE'), notice: noticeEvidence(`${'filler line\n\n'.repeat(20_000)}${sentence}`) }, 'unknown', /too long/, undefined],
    ['no NOTICE, Trainer card', { files: files('README.md'), card: card(TRAINER) }, 'unmet', /no file named NOTICE in the repository, and the README does not contain/, undefined],
    ['no NOTICE, hand-written card with the sentence (HTML entity)', { files: files('README.md'), card: card(HANDWRITTEN) }, 'met', /no Notice file; README line 7/, /not in a Notice file/],
    ['no NOTICE, card look-alike', { files: files('README.md'), card: card(sentence.replace('Meta', 'Mеta')) }, 'unknown', /look-alike/, undefined],
    ['no NOTICE, card unreadable', { files: files('README.md'), card: undefined }, 'unknown', /README could not be read/, undefined],
    ['no NOTICE, megabyte card', { files: files('README.md'), card: card('license words\n\n'.repeat(20_000)) }, 'unknown', /too long/, undefined],
    ['file list unknown, card lacks it', { files: undefined, card: card(TRAINER) }, 'unknown', /file list is not known, and the README does not carry/, undefined],
    ['file list unknown, card unreadable', { files: undefined, card: undefined }, 'unknown', /could not be searched/, undefined],
    ['file list capped', { files: { names: ['a'], total: 5000 }, card: card(TRAINER) }, 'unknown', /cut short/, undefined],
    ['file list unknown, card has it', { files: undefined, card: card(HANDWRITTEN) }, 'met', /file list is not known; README line 7/, /not in a Notice file/],
  ])('%s → %s', (_name, over, status, evidence, caveat) => {
    const answer = run(llama31(), 'notice', subject(over as never));
    expect(answer?.status).toBe(status);
    expect(answer?.evidence).toMatch(evidence);
    if (caveat) expect(answer?.caveat).toMatch(caveat);
    else expect(answer?.caveat).toBeUndefined();
  });

  it('Gemma tolerates https:// and a trailing period', () => {
    const gemma = entryOf('gemma');
    const ev = { file: 'NOTICE', evidence: extractEvidence('Gemma is provided under and subject to the Gemma Terms of Use found at https://ai.google.dev/gemma/terms.') };
    expect(run(gemma, 'notice', subject({ files: files('NOTICE'), notice: ev }))?.status).toBe('met');
  });

  it('Llama 3 wants its own wording: the 3.1 sentence does not satisfy it', () => {
    const three = entryOf('llama3');
    expect(run(three, 'notice', subject({ files: files('NOTICE'), notice: noticeEvidence(sentence) }))?.status).toBe('unmet');
  });
});

describe('notice kept from an Apache-2.0 parent (§4(d))', () => {
  const apache = entryOf('apache-2.0');
  const parent = (parentFiles?: { names: string[]; total: number }): AncestorLicense => ({ id: 'org/base', key: 'apache-2.0', depth: 1, files: parentFiles });
  it.each([
    ['parent has NOTICE, child too', files('NOTICE'), parent(files('NOTICE', 'LICENSE')), 'met', /org\/base ships 'NOTICE'; this repository has 'NOTICE'/],
    ['parent has NOTICE, child not', files('README.md'), parent(files('NOTICE')), 'unmet', /this repository has no NOTICE file/],
    ['parent files unknown', files('README.md'), parent(undefined), 'unknown', /file list of org\/base is not known/],
    ['parent list capped without NOTICE', files('README.md'), parent({ names: ['a'], total: 9000 }), 'unknown', /was cut short/],
    ['child files unknown', undefined, parent(files('NOTICE')), 'unknown', /this repository's file list is not known/],
    ['child list capped', { names: ['a'], total: 9000 }, parent(files('NOTICE')), 'unknown', /this repository's file list was cut short/],
  ])('%s → %s', (_name, childFiles, ancestor, status, evidence) => {
    const answer = run(apache, 'notice', subject({ files: childFiles }), ancestor);
    expect(answer?.status).toBe(status);
    expect(answer?.evidence).toMatch(evidence);
  });

  it('does not arise when the parent ships no NOTICE', () => {
    expect(run(apache, 'notice', subject({ files: files('README.md') }), parent(files('LICENSE', 'README.md')))).toBeNull();
  });
});

describe('attribution display ("Built with Llama")', () => {
  it.each([
    ['hand-written card with HTML', card(HANDWRITTEN), 'met', /README line 5 says 'Built with Llama'/],
    ['Markdown link and curly quotes', card('Proudly “Built with [Llama](https://llama.com)”.'), 'met', /line 1/],
    ['phrase split by a line break', card('This model was Built\nwith Llama.'), 'met', /line 1/],
    ['Trainer template', card(TRAINER), 'unmet', /never says 'Built with Llama'/],
    ['Unsloth template', card(UNSLOTH), 'unmet', /never says/],
    ['GGUF quantizer card', card(GGUF), 'unmet', /never says/],
    ['"Built with Meta Llama 3" is another version\'s wording', card('Built with Meta Llama 3'), 'unmet', /never says/],
    ['look-alike letters', card('Built with Ⅼlama'), 'unknown', /look-alike/],
    ['no card text', card(''), 'unmet', /no model card text/],
    ['card not read', undefined, 'unknown', /could not be read/],
    ['binary README', card('\u0000\u0001\u0002'), 'unknown', /not text/],
    ['megabyte card', card('license '.repeat(30_000)), 'unknown', /too long/],
  ])('%s → %s', (_name, evidence, status, expected) => {
    const answer = run(llama31(), 'attribution', subject({ card: evidence }));
    expect(answer?.status).toBe(status);
    expect(answer?.evidence).toMatch(expected);
  });

  it('Qwen accepts "Improved using Qwen"', () => {
    expect(run(entryOf('other', 'qwen'), 'attribution', subject({ card: card('Improved using Qwen') }))?.status).toBe('met');
  });
});

describe('credit to the parent (Creative Commons)', () => {
  const cc = entryOf('cc-by-4.0');
  const parent: AncestorLicense = { id: 'meta-llama/Llama-3.1-8B-Instruct', key: 'cc-by-4.0', depth: 1 };
  it.each([
    ['Trainer card names the parent', card(TRAINER), 'met', /README line 6/],
    ['GGUF card links the parent', card(GGUF), 'met', /README line 5 says/],
    ['Unsloth card names another model', card(UNSLOTH), 'unknown', /does not name meta-llama\/Llama-3\.1-8B-Instruct/],
    ['card not read', undefined, 'unknown', /could not be read; the base_model metadata names/],
  ])('%s → %s', (_name, evidence, status, expected) => {
    const answer = run(cc, 'attribution', subject({ card: evidence }), parent);
    expect(answer?.status).toBe(status);
    expect(answer?.evidence).toMatch(expected);
  });
});

describe('name prefix', () => {
  const three = entryOf('llama3');
  it.each([
    ['3.1: Llama first', llama31(), 'org/Llama-3.1-medchat', 'met', /begins with 'Llama'/, undefined],
    ['3.1: relicensed name', llama31(), 'acme/medchat-8b', 'unmet', /the name 'medchat-8b' does not begin with 'Llama'/, undefined],
    ['3.1: Llama later in the name', llama31(), 'acme/Sky-Llama-8B', 'unmet', /does not begin/, undefined],
    ['3.1: lower case only', llama31(), 'acme/llama-3.1-med', 'met', /when case is ignored/, /exact case/],
    ['3.1: vendor prefix', llama31(), 'acme/Meta-Llama-3.1-8B-med', 'met', /after the vendor prefix 'Meta-'/, /strict reading/],
    ['3.1: look-alike Roman numeral', llama31(), 'acme/Ⅼlama-3.1-med', 'unknown', /look-alike characters that only resemble 'Llama'/, undefined],
    ['3.1: accented letters are not look-alikes', llama31(), 'acme/médchat', 'unmet', /does not begin/, undefined],
    ['3.1: look-alike letters elsewhere', llama31(), 'acme/mеdchat', 'unknown', /look-alike characters$/, undefined],
    ['3: needs "Llama 3"', three, 'acme/Llama-3-med', 'met', /begins with 'Llama 3'/, undefined],
    ['3: Llama3 without separator', three, 'acme/Llama3-med', 'met', /begins/, undefined],
    ['3: Llama alone is not enough', three, 'acme/Llama-med-3', 'unmet', /does not begin with 'Llama 3'/, undefined],
    ['3: Meta-Llama-3 vendor prefix', three, 'meta-fan/Meta-Llama-3-8B-med', 'met', /vendor prefix/, /strict/],
    ['3: empty name', three, '', 'unknown', /not known/, undefined],
  ])('%s → %s', (_name, entry, id, status, evidence, caveat) => {
    const answer = run(entry, 'name-prefix', subject({ id }));
    expect(answer?.status).toBe(status);
    expect(answer?.evidence).toMatch(evidence);
    if (caveat) expect(answer?.caveat).toMatch(caveat);
    else expect(answer?.caveat).toBeUndefined();
  });

  it('Llama 2 has no naming or display duty', () => {
    expect(entryOf('llama2').duties.map((d) => d.key)).toEqual(['license-copy', 'notice', 'acceptable-use']);
  });
});

describe('acceptable-use policy', () => {
  it.each([
    ['USE_POLICY.md shipped', { files: files('USE_POLICY.md') }, 'met', /USE_POLICY\.md/, undefined],
    ['policy linked in the card', { files: files('README.md'), card: card(HANDWRITTEN) }, 'met', /README line 9/, /linked or named/],
    ['policy named in a GGUF card', { files: files('README.md'), card: card(`${GGUF}\n\nUse under the Acceptable Use Policy.`) }, 'met', /Acceptable Use Policy/, /linked/],
    ['neither (Trainer card)', { files: files('README.md'), card: card(TRAINER) }, 'unmet', /no USE_POLICY file in the repository, and the model card does not link/, undefined],
    ['file list unknown', { files: undefined, card: card(TRAINER) }, 'unknown', /file list is not known/, undefined],
    ['file list capped', { files: { names: ['x'], total: 2000 }, card: card(TRAINER) }, 'unknown', /cut short/, undefined],
    ['card unreadable', { files: files('README.md'), card: undefined }, 'unknown', /could not be read/, undefined],
  ])('%s → %s', (_name, over, status, evidence, caveat) => {
    const answer = run(llama31(), 'acceptable-use', subject(over));
    expect(answer?.status).toBe(status);
    expect(answer?.evidence).toMatch(evidence);
    if (caveat) expect(answer?.caveat).toMatch(caveat);
  });
});

describe('use restrictions passed down', () => {
  const gemma = entryOf('gemma');
  const creative = entryOf('creativeml-openrail-m');
  it.each([
    ['gemma → gemma', gemma, ['gemma'], undefined, 'met', /declares gemma/, undefined],
    ['gemma → other named Gemma terms', gemma, ['other'], undefined, 'met', /same custom license/, undefined],
    ['gemma → apache-2.0', gemma, ['apache-2.0'], undefined, 'unmet', /declares apache-2\.0, which carries none of the Gemma Terms of Use's use restrictions/, undefined],
    ['gemma → mit + cc-by-4.0', gemma, ['mit', 'cc-by-4.0'], undefined, 'unmet', /mit and cc-by-4\.0/, undefined],
    ['gemma → nothing', gemma, [], undefined, 'unmet', /states no license/, undefined],
    ['gemma → nothing but a LICENSE file', gemma, [], files('LICENSE'), 'unknown', /'LICENSE' may carry the restrictions/, undefined],
    ['gemma → unnamed other', gemma, ['other'], undefined, 'unmet', /states no license/, undefined],
    ['gemma → unknown key', gemma, ['unknown'], undefined, 'unknown', /declares unknown; read it/, undefined],
    ['creativeml → creativeml', creative, ['creativeml-openrail-m'], undefined, 'met', /declares creativeml-openrail-m/, undefined],
    ['creativeml → openrail++', creative, ['openrail++'], undefined, 'met', /openrail\+\+/, /related license/],
    ['creativeml → apache-2.0', creative, ['apache-2.0'], undefined, 'unmet', /carries none/, undefined],
    ['creativeml → gpl-3.0', creative, ['gpl-3.0'], undefined, 'unmet', /gpl-3\.0/, undefined],
  ])('%s → %s', (_name, entry, licenses, repoFiles, status, evidence, caveat) => {
    const s = subject({ licenses, files: repoFiles });
    if (licenses[0] === 'other' && _name.includes('Gemma terms')) s.licenses = [licenseFacts('other', { name: 'Google Gemma Terms of Use' })];
    const answer = run(entry, 'use-restrictions', s);
    expect(answer?.status).toBe(status);
    expect(answer?.evidence).toMatch(evidence);
    if (caveat) expect(answer?.caveat).toMatch(caveat);
    else expect(answer?.caveat).toBeUndefined();
  });

  it('a named custom license other than the parent\'s is unknown', () => {
    const s = subject();
    s.licenses = [licenseFacts('other', { name: 'Acme Model License' })];
    expect(run(gemma, 'use-restrictions', s)?.status).toBe('unknown');
  });
});

describe('same license (share-alike, copyleft)', () => {
  it.each([
    ['cc-by-sa-4.0 → same', 'cc-by-sa-4.0', ['cc-by-sa-4.0'], 'met', /declares cc-by-sa-4\.0/, undefined],
    ['cc-by-sa-3.0 → later 4.0', 'cc-by-sa-3.0', ['cc-by-sa-4.0'], 'met', /4\.0/, undefined],
    ['cc-by-sa-4.0 → mit', 'cc-by-sa-4.0', ['mit'], 'unmet', /declares mit instead of cc-by-sa-4\.0/, undefined],
    ['cc-by-nc-sa-4.0 → cc-by-sa-4.0', 'cc-by-nc-sa-4.0', ['cc-by-sa-4.0'], 'unmet', /instead of cc-by-nc-sa-4\.0/, undefined],
    ['gpl-3.0 → gpl-3.0', 'gpl-3.0', ['gpl-3.0'], 'met', /gpl-3\.0/, undefined],
    ['gpl-3.0 → agpl-3.0', 'gpl-3.0', ['agpl-3.0'], 'met', /agpl-3\.0/, /§13/],
    ['gpl-2.0 → gpl-3.0', 'gpl-2.0', ['gpl-3.0'], 'met', /gpl-3\.0/, /or later/],
    ['agpl-3.0 → gpl-3.0', 'agpl-3.0', ['gpl-3.0'], 'unmet', /instead of agpl-3\.0/, undefined],
    ['lgpl-3.0 → gpl-3.0', 'lgpl-3.0', ['gpl-3.0'], 'met', /gpl-3\.0/, /GPL instead/],
    ['gpl-3.0 → apache-2.0', 'gpl-3.0', ['apache-2.0'], 'unmet', /apache-2\.0 instead/, undefined],
    ['gpl-3.0 → nothing', 'gpl-3.0', [], 'unmet', /states no license/, undefined],
    ['gpl-3.0 → cc (family key)', 'gpl-3.0', ['cc'], 'unknown', /cannot be told/, undefined],
  ])('%s → %s', (_name, parentKey, licenses, status, evidence, caveat) => {
    const answer = run(entryOf(parentKey), 'same-license', subject({ licenses }));
    expect(answer?.status).toBe(status);
    expect(answer?.evidence).toMatch(evidence);
    if (caveat) expect(answer?.caveat).toMatch(caveat);
    else expect(answer?.caveat).toBeUndefined();
  });

  it('a custom license is unknown, named as such', () => {
    const s = subject();
    s.licenses = [licenseFacts('other', { name: 'Acme' })];
    expect(run(entryOf('gpl-3.0'), 'same-license', s)?.evidence).toMatch(/a custom license/);
  });
});

describe('non-commercial', () => {
  const nc = entryOf('cc-by-nc-4.0');
  it.each([
    ['→ cc-by-nc-4.0', ['cc-by-nc-4.0'], 'met', /does not allow commercial use/],
    ['→ cc-by-nc-sa-4.0', ['cc-by-nc-sa-4.0'], 'met', /cc-by-nc-sa-4\.0/],
    ['→ mit', ['mit'], 'unmet', /declares mit, which allows commercial use/],
    ['→ llama3.1 (conditional)', ['llama3.1'], 'unmet', /llama3\.1/],
    ['→ nothing', [], 'unknown', /non-commercial terms still apply/],
    ['→ cc family key', ['cc'], 'unknown', /is not known/],
  ])('%s → %s', (_name, licenses, status, evidence) => {
    const answer = run(nc, 'non-commercial', subject({ licenses }));
    expect(answer?.status).toBe(status);
    expect(answer?.evidence).toMatch(evidence);
  });
});

describe('modification notice', () => {
  const gemma = entryOf('gemma');
  it.each([
    ['Trainer card: fine-tuned version', card(TRAINER), 'met', /fine-tuned version/],
    ['Unsloth card: "Finetuned from model"', card(UNSLOTH), 'met', /README line 4 says/],
    ['GGUF card: "for quantization"', card(GGUF), 'met', /README line 3 says/],
    ['hand-written: nothing said', card('# Tutor\n\nAnswers questions about licensing.'), 'unknown', /does not say/],
    ['card not read', undefined, 'unknown', /could not be read/],
    ['binary', card('\u0000x'), 'unknown', /not text/],
  ])('%s → %s', (_name, evidence, status, expected) => {
    const answer = run(gemma, 'modification-notice', subject({ card: evidence }));
    expect(answer?.status).toBe(status);
    expect(answer?.evidence).toMatch(expected);
  });
});

describe('evaluateObligations', () => {
  const relicensed = subject({ id: 'skyforge/Sky-Chat-8B', files: files('README.md', 'config.json'), card: card(TRAINER) });

  it('lists every Llama 3.1 duty once (parent and grandparent share the license), unmet first', () => {
    const results = evaluateObligations(relicensed, [PARENT, { id: 'meta-llama/Llama-3.1-8B', key: 'llama3.1', depth: 2 }]);
    expect(results.map((r) => r.key).sort()).toEqual(['acceptable-use', 'attribution', 'license-copy', 'name-prefix', 'notice']);
    expect(results.every((r) => r.from === PARENT.id && r.license === 'llama3.1' && r.status === 'unmet')).toBe(true);
    expect(results[0].clause).toBe('Llama 3.1 license §1.b.i');
    expect(results[0].link).toMatch(/^https:\/\//);
  });

  it('a merge owes each parent\'s duties, and a grandparent\'s license two steps down still counts', () => {
    const results = evaluateObligations(subject({ id: 'x/merge', licenses: ['apache-2.0'], files: files('README.md'), card: card(TRAINER) }), [
      { id: 'g/gemma-ft', key: 'gemma', depth: 1 },
      { id: 'a/apache-ft', key: 'apache-2.0', depth: 1, files: files('NOTICE') },
      { id: 'meta-llama/Llama-3.1-8B', key: 'llama3.1', depth: 2 },
    ]);
    expect(new Set(results.map((r) => r.license))).toEqual(new Set(['gemma', 'apache-2.0', 'llama3.1']));
    expect(results.find((r) => r.license === 'llama3.1' && r.key === 'notice')?.from).toBe('meta-llama/Llama-3.1-8B');
    const ranks = results.map((r) => ['unmet', 'unknown', 'met'].indexOf(r.status));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it('the nearest ancestor declaring a license is the one cited', () => {
    const results = evaluateObligations(relicensed, [{ id: 'far/root', key: 'llama3.1', depth: 3 }, { id: 'near/parent', key: 'llama3.1', depth: 1 }]);
    expect(new Set(results.map((r) => r.from))).toEqual(new Set(['near/parent']));
  });

  it('keeps met results with their caveat, ordered after unmet ones', () => {
    const results = evaluateObligations(subject({ id: 'acme/llama-3.1-med', files: files('LICENSE'), card: card(TRAINER) }), [PARENT]);
    const prefix = results.find((r) => r.key === 'name-prefix');
    expect(prefix).toMatchObject({ status: 'met', caveat: expect.stringMatching(/exact case/) });
    expect(results.at(-1)?.status).toBe('met');
    expect(results.find((r) => r.key === 'license-copy')?.caveat).toBeUndefined();
  });

  it('ancestors without catalogued duties add nothing', () => {
    expect(evaluateObligations(relicensed, [{ id: 'a/b', key: 'mit', depth: 1 }, { id: 'c/d', key: 'other', depth: 1 }])).toEqual([]);
  });

  it('metadata-only checks for listings', () => {
    const results = evaluateObligations(subject({ id: 'skyforge/Sky-Chat-8B' }), [PARENT], { only: METADATA_CHECKS });
    expect(results.map((r) => r.key)).toEqual(['name-prefix']);
  });

  it.each([
    ['no subject', undefined, [PARENT]],
    ['ancestors not a list', subject(), 'nope'],
    ['broken ancestor entries', subject(), [null, { id: 'x', key: 42, depth: 1 }, PARENT]],
    ['licenses not a list', { id: 'a/b', licenses: 'mit' }, [PARENT]],
  ])('bad input (%s) never throws', (_name, s, ancestors) => {
    expect(() => evaluateObligations(s as never, ancestors as never)).not.toThrow();
  });

  it('a check that hits corrupt data answers unknown instead of throwing', () => {
    const entry = llama31();
    const broken = { id: 'a/b', licenses: [], files: { names: null, total: 1 } } as unknown as ObligationSubject;
    expect(checkDuty(entry.duties[0], broken, PARENT, entry)).toEqual({ status: 'unknown', evidence: 'the data could not be checked' });
  });

  it('10,000 siblings capped to a kept prefix still decide what they can', () => {
    const names = Array.from({ length: 1000 }, (_, i) => `shard-${i}.bin`);
    const results = evaluateObligations(subject({ files: { names, total: 10_000 }, card: card(TRAINER) }), [PARENT]);
    expect(results.find((r) => r.key === 'license-copy')).toMatchObject({ status: 'unknown', evidence: expect.stringMatching(/first 1,000 of 10,000/) });
    expect(results.find((r) => r.key === 'name-prefix')?.status).toBe('unmet');
  });
});

describe('counts and headline', () => {
  it.each([
    [[], 'No upstream obligations to check'],
    [['met'], 'All 1 upstream obligation met'],
    [['met', 'met'], 'All 2 upstream obligations met'],
    [['unmet', 'met', 'met', 'unmet', 'met'], '2 of 5 upstream obligations unmet'],
    [['unknown', 'met'], '0 of 2 upstream obligations unmet (1 not checkable)'],
  ])('%j → %s', (statuses, headline) => {
    const counts = countObligations(statuses.map((status) => ({ status }) as never));
    expect(counts.total).toBe(statuses.length);
    expect(obligationsHeadline(counts)).toBe(headline);
  });
});

describe('effective license', () => {
  const ancestors: AncestorLicense[] = [
    { id: 'google/gemma-2-2b', key: 'gemma', depth: 2 },
    { id: 'google/gemma-2-2b-it', key: 'gemma', depth: 1 },
  ];
  it('no license stated → the nearest ancestor\'s terms apply', () => {
    expect(effectiveLicense([], ancestors)).toEqual({
      undeclared: true,
      text: 'no license stated — Gemma Terms of Use terms apply',
      from: { id: 'google/gemma-2-2b-it', key: 'gemma', name: 'Gemma Terms of Use' },
    });
  });

  it('`other` with neither name nor link counts as no license; with a name or link it does not', () => {
    expect(effectiveLicense([licenseFacts('other')], ancestors).undeclared).toBe(true);
    expect(effectiveLicense([licenseFacts('other', { name: 'Acme' })], ancestors).undeclared).toBe(false);
    expect(effectiveLicense([licenseFacts('other', { link: 'https://acme.example/l' })], ancestors).undeclared).toBe(false);
    expect(effectiveLicense([licenseFacts('mit')], ancestors).undeclared).toBe(false);
  });

  it('needs an ancestor that states one (unknown and unnamed other do not count)', () => {
    expect(effectiveLicense([], [])).toEqual({ undeclared: false });
    expect(effectiveLicense([], [{ id: 'a/b', key: 'unknown', depth: 1 }, { id: 'c/d', key: 'other', depth: 1 }])).toEqual({ undeclared: false });
    expect(effectiveLicense([], [{ id: 'c/d', key: 'other', customName: 'Acme License', depth: 1 }]).text).toMatch(/Acme License/);
    expect(effectiveLicense('x' as never, ancestors)).toEqual({ undeclared: false });
    expect(effectiveLicense([], 'x' as never)).toEqual({ undeclared: false });
  });

  it('statesNoLicense and repoName', () => {
    expect(statesNoLicense([])).toBe(true);
    expect(statesNoLicense([licenseFacts('apache-2.0')])).toBe(false);
    expect(repoName('org/Llama-3')).toBe('Llama-3');
    expect(repoName('gpt2')).toBe('gpt2');
    expect(repoName(undefined as never)).toBe('');
  });
});

describe('edge cases that pin each branch', () => {
  it('license-copy: one declared key among several equal to the parent\'s is enough for "only the metadata"', () => {
    expect(run(llama31(), 'license-copy', subject({ files: files('README.md'), licenses: ['mit', 'llama3.1'] }))?.status).toBe('unknown');
  });

  it('non-commercial: every declared license must deny commercial use to be met', () => {
    const nc = entryOf('cc-by-nc-4.0');
    expect(run(nc, 'non-commercial', subject({ licenses: ['cc-by-nc-4.0', 'cc'] }))).toEqual({
      status: 'unknown',
      evidence: 'declares cc-by-nc-4.0 and cc; whether it allows commercial use is not known',
    });
    const s = subject();
    s.licenses = [licenseFacts('other', { name: 'Acme Research License' })];
    expect(run(nc, 'non-commercial', s)?.evidence).toBe('declares other (Acme Research License); whether it allows commercial use is not known');
  });

  it('unreadable cards are named as such in the evidence', () => {
    expect(run(llama31(), 'attribution', subject({ card: undefined }))?.evidence).toBe('the model card could not be read');
    expect(run(entryOf('cc-by-4.0'), 'attribution', subject({ card: undefined }))?.evidence).toMatch(/^the model card could not be read;/);
    expect(run(llama31(), 'acceptable-use', subject({ files: files('README.md'), card: undefined }))?.evidence).toBe(
      'no USE_POLICY file in the repository, and the model card could not be read',
    );
    expect(run(entryOf('gemma'), 'modification-notice', subject({ card: undefined }))?.evidence).toBe('the model card could not be read');
    expect(run(entryOf('gemma'), 'modification-notice', subject({ card: card(TRAINER) }))?.caveat).toBe('a statement in the card; notices inside modified files cannot be seen');
  });

  it('modification wording variants', () => {
    for (const text of ['Weights quantised to 4 bits.', 'Changes from the base: new tokenizer.', 'We distilled it.', 'A LoRA adapter.']) {
      expect(run(entryOf('gemma'), 'modification-notice', subject({ card: card(text) }))?.status, text).toBe('met');
    }
  });

  it('name prefix: look-alikes after a vendor prefix or in small letters still only resemble', () => {
    expect(run(llama31(), 'name-prefix', subject({ id: 'a/Meta-Ⅼlama-3' }))?.evidence).toMatch(/only resemble 'Llama'/);
    expect(run(llama31(), 'name-prefix', subject({ id: 'a/ⅼlama-3' }))?.evidence).toMatch(/only resemble 'Llama'/);
    expect(run(llama31(), 'name-prefix', subject({ id: 'a/Xmeta-Llama-8B' }))?.status).toBe('unmet');
  });

  it('restrictions and same-license name what they could not judge', () => {
    const s = subject();
    s.licenses = [licenseFacts('other', { name: 'Acme Model License' })];
    expect(run(entryOf('gemma'), 'use-restrictions', s)?.evidence).toMatch(/^declares a custom license; read it/);
    expect(run(entryOf('gemma'), 'use-restrictions', subject({ licenses: ['made-up-key'] }))?.evidence).toMatch(/^declares made-up-key; read it/);
    expect(run(entryOf('gpl-3.0'), 'same-license', subject({ licenses: ['cc'] }))?.evidence).toMatch(/^declares cc;/);
  });

  it('listings decide same-license and non-commercial too, never the card or file duties', () => {
    const results = evaluateObligations(subject({ id: 'a/b', licenses: ['mit'] }), [{ id: 'p/q', key: 'cc-by-nc-sa-4.0', depth: 1 }], { only: METADATA_CHECKS });
    expect(results.map((r) => r.key).sort()).toEqual(['non-commercial', 'same-license']);
    const gemma = evaluateObligations(subject({ id: 'a/b', licenses: ['mit'] }), [{ id: 'p/q', key: 'gemma', depth: 1 }], { only: METADATA_CHECKS });
    expect(gemma.map((r) => r.key)).toEqual(['use-restrictions']);
  });

  it('keeps catalogue order among duties of the same status', () => {
    const results = evaluateObligations(subject({ id: 'skyforge/Sky-Chat-8B', files: files('README.md'), card: card(TRAINER) }), [PARENT]);
    expect(results.map((r) => r.key)).toEqual(['license-copy', 'notice', 'acceptable-use', 'attribution', 'name-prefix']);
  });

  it('drops a duty that does not arise (Apache parent without NOTICE)', () => {
    const results = evaluateObligations(subject({ files: files('LICENSE') }), [{ id: 'p/q', key: 'apache-2.0', depth: 1, files: files('LICENSE') }]);
    expect(results.map((r) => r.key)).toEqual(['license-copy']);
  });

  it('licenses that are not a list count as none stated', () => {
    const [result] = evaluateObligations({ id: 'a/b', licenses: 'mit' } as never, [{ id: 'p/q', key: 'gemma', depth: 1 }], { only: METADATA_CHECKS });
    expect(result).toMatchObject({ key: 'use-restrictions', status: 'unmet', evidence: expect.stringMatching(/^states no license/) });
  });

  it('effective license skips broken and empty ancestor entries', () => {
    const ancestors = [null, { id: 'x/y', key: 42, depth: 1 }, { id: 'x/z', key: '', depth: 1 }, { id: 'g/g', key: 'gemma', depth: 3 }] as never;
    expect(effectiveLicense([], ancestors).from?.id).toBe('g/g');
  });
});
