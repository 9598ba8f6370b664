// The obligations catalogue covers every license key the Hub documents (the same list the license
// classification test reads), each with duties or an explicit "none relevant here" reason.
import { describe, expect, it } from 'vitest';
import {
  catalogueEntries,
  catalogueEntry,
  hasDuties,
  LICENSE_FILE,
  NOTICE_FILE,
  OBLIGATION_KEYS,
  OBLIGATION_LABELS,
  uncoveredHubKeys,
  USE_POLICY_FILE,
} from '../../../lib/drift/obligations';
import { familyStats, HUB_LICENSE_KEYS, modelTraits, type ModelTraits } from '../../../lib/drift';
import { parseModel } from '../../../lib/hub/parse';
import { hubLicenseKeysFromDocs } from './fixtures';

const docKeys = hubLicenseKeysFromDocs();

describe('every Hub license key is in the catalogue', () => {
  it.each(docKeys)('%s has duties or a stated reason for none', (key) => {
    const entry = catalogueEntry(key);
    expect(entry, key).toBeDefined();
    if (hasDuties(entry)) {
      expect(entry.duties.length).toBeGreaterThan(0);
      expect(entry.link).toMatch(/^https:\/\//);
    } else {
      expect(entry!.none.length).toBeGreaterThan(20);
    }
  });

  it('leaves no key of the Hub list (or of the engine) uncovered', () => {
    expect(uncoveredHubKeys(docKeys)).toEqual([]);
    expect(uncoveredHubKeys()).toEqual([]);
    expect(uncoveredHubKeys(['made-up-key'])).toEqual(['made-up-key']);
    expect(HUB_LICENSE_KEYS.length).toBe(docKeys.length);
  });

  it('covers the families the issue names with the expected duties', () => {
    const duties = (key: string, name?: string) => {
      const entry = catalogueEntry(key, name);
      return hasDuties(entry) ? entry.duties.map((d) => d.key).sort() : [];
    };
    expect(duties('llama2')).toEqual(['acceptable-use', 'license-copy', 'notice']);
    for (const v of ['llama3', 'llama3.1', 'llama3.2', 'llama3.3', 'llama4']) {
      expect(duties(v), v).toEqual(['acceptable-use', 'attribution', 'license-copy', 'name-prefix', 'notice']);
    }
    expect(duties('gemma')).toEqual(['license-copy', 'modification-notice', 'notice', 'use-restrictions']);
    for (const k of ['openrail', 'openrail++', 'creativeml-openrail-m', 'bigscience-openrail-m', 'bigscience-bloom-rail-1.0', 'bigcode-openrail-m']) {
      expect(duties(k), k).toEqual(['license-copy', 'use-restrictions']);
    }
    expect(duties('cc-by-4.0')).toEqual(['attribution', 'modification-notice']);
    expect(duties('cc-by-sa-4.0')).toEqual(['attribution', 'modification-notice', 'same-license']);
    expect(duties('cc-by-nc-4.0')).toEqual(['attribution', 'modification-notice', 'non-commercial']);
    expect(duties('cc-by-nc-sa-4.0')).toEqual(['attribution', 'modification-notice', 'non-commercial', 'same-license']);
    for (const k of ['gpl-3.0', 'agpl-3.0', 'lgpl-3.0', 'gpl-2.0', 'lgpl-2.1']) expect(duties(k), k).toEqual(['license-copy', 'modification-notice', 'same-license']);
    expect(duties('apache-2.0')).toEqual(['license-copy', 'notice']);
    expect(duties('mit')).toEqual([]);
  });

  it('knows named custom licenses and their spellings', () => {
    expect(catalogueEntry('other', 'Google Gemma Terms of Use')?.key).toBe('gemma');
    expect(catalogueEntry('other', 'google_gemma_terms_of_use')?.key).toBe('gemma');
    expect(catalogueEntry('other', 'qwen')?.key).toBe('other:qwen');
    expect(catalogueEntry('other', 'Qwen LICENSE AGREEMENT')?.key).toBe('other:qwen');
    expect(catalogueEntry('other', 'tongyi-qianwen')?.key).toBe('other:tongyi-qianwen');
    expect(catalogueEntry('OTHER', ' mrl ')?.key).toBe('other:mrl');
    expect(catalogueEntry('other', 'Acme License')?.key).toBe('other');
    expect(catalogueEntry('other', '   ')?.key).toBe('other');
    expect(catalogueEntry(' Llama3.1 ')?.key).toBe('llama3.1');
    expect(catalogueEntry('nope')).toBeUndefined();
    expect(catalogueEntry(42 as never)).toBeUndefined();
  });

  it('every duty cites a clause, paraphrases in its own words and uses a known key', () => {
    for (const entry of catalogueEntries()) {
      if (!hasDuties(entry)) continue;
      for (const duty of entry.duties) {
        expect(OBLIGATION_KEYS).toContain(duty.key);
        expect(duty.clause, `${entry.key} ${duty.key}`).toMatch(/[§¶]/);
        expect(duty.paraphrase.length).toBeGreaterThan(30);
        expect(OBLIGATION_LABELS[duty.key]).toBeTruthy();
      }
    }
  });

  it('does not list what public data cannot show (user counts)', () => {
    const all = catalogueEntries().flatMap((e) => (hasDuties(e) ? e.duties.map((d) => d.paraphrase) : []));
    expect(all.some((p) => /700|monthly active/i.test(p))).toBe(false);
  });
});

describe('file-name patterns', () => {
  it.each([
    ['LICENSE', LICENSE_FILE, true],
    ['LICENSE.txt', LICENSE_FILE, true],
    ['License.md', LICENSE_FILE, true],
    ['LICENSE-MODEL', LICENSE_FILE, true],
    ['licence', LICENSE_FILE, true],
    ['COPYING', LICENSE_FILE, true],
    ['LICENSES_THIRD_PARTY', LICENSE_FILE, false],
    ['my-license', LICENSE_FILE, false],
    ['NOTICE', NOTICE_FILE, true],
    ['Notice', NOTICE_FILE, true],
    ['notice.txt', NOTICE_FILE, true],
    ['Notice.md', NOTICE_FILE, true],
    ['NOTICE.pdf', NOTICE_FILE, false],
    ['NOTICES', NOTICE_FILE, false],
    ['USE_POLICY.md', USE_POLICY_FILE, true],
    ['use-policy.txt', USE_POLICY_FILE, true],
    ['ACCEPTABLE_USE_POLICY.txt', USE_POLICY_FILE, true],
    ['policy.md', USE_POLICY_FILE, false],
  ])('%s', (name, pattern, expected) => {
    expect(pattern.test(name)).toBe(expected);
  });
});

describe('family statistic: share of children with an unmet obligation', () => {
  const traits = (id: string, license?: string) =>
    modelTraits(parseModel({ id, tags: [], cardData: license ? { license, base_model: 'meta-llama/Llama-3.1-8B' } : { base_model: 'meta-llama/Llama-3.1-8B' } })!);
  const stat = (parentLicense: string | undefined, children: ModelTraits[]) =>
    familyStats(traits('meta-llama/Llama-3.1-8B', parentLicense), children, 'finetune').stats.find((s) => s.id === 'obligation-unmet')!;

  it('counts children whose name or declared license breaks a decidable duty, and labels it a sample', () => {
    const s = stat('llama3.1', [traits('a/Llama-3.1-chat', 'llama3.1'), traits('b/medchat', 'apache-2.0'), traits('c/llama-tiny', 'llama3.1')]);
    expect(s).toMatchObject({ measured: true, n: 3, count: 1, display: '1 of 3 (33.3%)' });
    expect(s.label).toMatch(/sample/);
    expect(s.note).toMatch(/not counted/);
  });

  it('is not measured when the parent\'s license has no duty a listing can decide', () => {
    expect(stat('mit', [traits('a/x', 'mit')])).toMatchObject({ measured: false, display: expect.stringMatching(/no duty decidable/) });
    expect(stat(undefined, [traits('a/x', 'mit')])).toMatchObject({ measured: false, display: expect.stringMatching(/parent states no license/) });
  });

  it('counts a Gemma child that states no license as unmet (use restrictions not passed down)', () => {
    const parent = modelTraits(parseModel({ id: 'google/gemma-2-2b-it', tags: [], cardData: { license: 'gemma' } })!);
    const child = modelTraits(parseModel({ id: 'x/tutor', tags: [], cardData: { base_model: 'google/gemma-2-2b-it' } })!);
    const s = familyStats(parent, [child], 'finetune').stats.find((st) => st.id === 'obligation-unmet')!;
    expect(s).toMatchObject({ measured: true, n: 1, count: 1 });
  });
});

describe('catalogue lookups at the edges', () => {
  it('an empty or blank custom name falls back to the `other` entry; spacing variants normalise', () => {
    expect(catalogueEntry('other', '')?.key).toBe('other');
    expect(catalogueEntry('other', 'Google  Gemma   Terms of Use')?.key).toBe('gemma');
    expect(catalogueEntry('gemma', 'qwen')?.key).toBe('gemma');
  });

  it('lists every entry once', () => {
    const keys = catalogueEntries().map((e) => e.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.length).toBeGreaterThanOrEqual(docKeys.length);
    expect(hasDuties(undefined)).toBe(false);
  });
});
