import { describe, expect, it } from 'vitest';
import spdxList from 'spdx-license-list/spdx.json';
import {
  HUB_LICENSE_KEYS,
  LICENSE_CLASSES,
  RESTRICTION_TIERS,
  compareLicenses,
  compareRestriction,
  isHubLicenseKey,
  licenseFacts,
  type LicenseClass,
} from '../../../lib/drift';
import { coerceLicenseFacts, spdxIdForKey } from '../../../lib/drift/licenses';
import { hubLicenseKeysFromDocs } from './fixtures';

const docKeys = hubLicenseKeysFromDocs();
/** Keys whose terms genuinely cannot be known from the key alone. */
const DELIBERATELY_UNKNOWN = ['cc', 'unknown', 'other'];

describe('every Hub license key is classified', () => {
  it('parses the full table from hub-docs', () => {
    expect(docKeys.length).toBeGreaterThanOrEqual(83);
    expect(docKeys).toContain('llama3.1');
    expect(docKeys).toContain('openmdw-1.1');
  });

  it.each(docKeys)('%s has a known class', (key) => {
    expect(isHubLicenseKey(key)).toBe(true);
    const facts = licenseFacts(key);
    expect(facts.source).toBe('hub-list');
    expect(LICENSE_CLASSES).toContain(facts.licenseClass);
    if (!DELIBERATELY_UNKNOWN.includes(key)) expect(facts.licenseClass).not.toBe('unknown');
  });

  it('the engine knows no key the Hub does not document', () => {
    expect([...HUB_LICENSE_KEYS].sort()).toEqual([...docKeys].sort());
  });

  it('only family/placeholder keys stay unknown', () => {
    expect(docKeys.filter((k) => licenseFacts(k).licenseClass === 'unknown').sort()).toEqual([...DELIBERATELY_UNKNOWN].sort());
  });

  it('every Hub key → SPDX id mapping names a real SPDX license', () => {
    for (const key of docKeys) {
      const id = spdxIdForKey(key);
      if (id === undefined) continue;
      expect(Object.prototype.hasOwnProperty.call(spdxList, id), `${key} → ${id}`).toBe(true);
      expect(licenseFacts(key).spdxId).toBe(id);
    }
  });

  it('hand-classified restrictive licenses cite the clause they encode', () => {
    const handClasses: LicenseClass[] = ['custom-commercial', 'use-restricted', 'research-only', 'non-commercial', 'no-derivatives'];
    for (const key of docKeys) {
      const facts = licenseFacts(key);
      if (handClasses.includes(facts.licenseClass)) expect(facts.clause, key).toBeTruthy();
    }
  });
});

describe('license facts', () => {
  it('keeps a custom license that only has a link as written when its facts are cleaned again', () => {
    const original = licenseFacts('other', { link: 'https://Example.com/Acme-LICENSE' });
    expect(original.label).toContain('https://Example.com/Acme-LICENSE');
    const again = coerceLicenseFacts(original);
    expect(again.label).toBe(original.label);
    expect(again.identity).toBe(original.identity);
    // Without a customName or link, the name still comes back from the identity.
    expect(coerceLicenseFacts({ key: 'other', source: 'named-custom', identity: 'other:acme license' }).label).toContain('acme license');
  });

  it('takes SPDX facts from the data packages', () => {
    const apache = licenseFacts('apache-2.0');
    expect(apache).toMatchObject({ spdxId: 'Apache-2.0', osiApproved: true, blueOakRating: 'Silver', licenseClass: 'permissive' });
    expect(apache.commercialUse).toBe('yes');
    expect(licenseFacts('gpl-3.0')).toMatchObject({ licenseClass: 'strong-copyleft', spdxCopyleft: true, shareAlike: 'yes' });
    expect(licenseFacts('lgpl-3.0').licenseClass).toBe('weak-copyleft');
    expect(licenseFacts('mpl-2.0').licenseClass).toBe('weak-copyleft');
    expect(licenseFacts('cc-by-sa-4.0')).toMatchObject({ licenseClass: 'strong-copyleft', shareAlike: 'yes' });
    expect(licenseFacts('bsd-3-clause').blueOakRating).toBe('Bronze');
  });

  it('classes Creative Commons variants by their NC / ND / BY terms', () => {
    expect(licenseFacts('cc-by-4.0')).toMatchObject({ licenseClass: 'permissive-attribution', shareAlike: 'no', attribution: 'yes' });
    expect(licenseFacts('cc-by-nc-4.0')).toMatchObject({ licenseClass: 'non-commercial', commercialUse: 'no', shareAlike: 'no' });
    expect(licenseFacts('cc-by-nc-sa-4.0')).toMatchObject({ licenseClass: 'non-commercial', commercialUse: 'no', shareAlike: 'yes' });
    expect(licenseFacts('cc-by-nd-4.0')).toMatchObject({ licenseClass: 'no-derivatives', commercialUse: 'yes', derivativesShareable: 'no' });
    expect(licenseFacts('cc-by-nc-nd-4.0')).toMatchObject({ licenseClass: 'no-derivatives', commercialUse: 'no' });
    expect(licenseFacts('cc0-1.0').attribution).toBe('no');
  });

  it('encodes the Llama naming rules and regional exclusions', () => {
    const l31 = licenseFacts('llama3.1');
    expect(l31.licenseClass).toBe('custom-commercial');
    expect(l31.commercialUse).toBe('conditional');
    expect(l31.derivativeNaming).toMatch(/names starting with "Llama"/);
    expect(l31.derivativeNaming).toMatch(/Built with Llama/);
    expect(l31.clause).toMatch(/§1\.b\.i/);
    expect(l31.clause).toMatch(/700M/);
    expect(l31.regionalExclusions).toBeUndefined();
    expect(licenseFacts('llama3').derivativeNaming).toMatch(/names starting with "Llama 3"/);
    expect(licenseFacts('llama2').derivativeNaming).toBeUndefined();
    expect(licenseFacts('llama2').obligation).toMatch(/improve other large language models/);
    expect(licenseFacts('llama3.2').regionalExclusions).toMatch(/EU/);
    expect(licenseFacts('llama4').regionalExclusions).toMatch(/EU/);
  });

  it('encodes Gemma and OpenRAIL pass-down restrictions', () => {
    const gemma = licenseFacts('gemma');
    expect(gemma).toMatchObject({ licenseClass: 'custom-commercial', commercialUse: 'yes', useRestrictions: 'yes', passesDown: true });
    expect(gemma.clause).toMatch(/§3\.1/);
    expect(gemma.obligation).toMatch(/Prohibited Use Policy/);
    for (const key of ['openrail', 'openrail++', 'creativeml-openrail-m', 'bigscience-openrail-m', 'bigcode-openrail-m', 'bigscience-bloom-rail-1.0']) {
      expect(licenseFacts(key)).toMatchObject({ licenseClass: 'use-restricted', useRestrictions: 'yes', commercialUse: 'yes' });
      expect(licenseFacts(key).obligation).toMatch(/use-based restrictions/);
    }
  });

  it('research licenses forbid commercial use', () => {
    for (const key of ['deepfloyd-if-license', 'fair-noncommercial-research-license', 'apple-amlr', 'intel-research', 'h-research']) {
      expect(licenseFacts(key)).toMatchObject({ licenseClass: 'research-only', commercialUse: 'no' });
    }
  });

  it('treats keys outside the list as custom or unknown without throwing', () => {
    const odd = licenseFacts('Modified-MIT');
    expect(odd).toMatchObject({ key: 'modified-mit', source: 'unrecognised', licenseClass: 'unknown', classLabel: 'custom or unknown' });
    expect(odd.label).toBe('modified-mit');
    expect(licenseFacts('').key).toBe('unknown');
    expect(licenseFacts(42 as unknown as string).key).toBe('unknown');
  });

  it('names a custom license from license_name', () => {
    const custom = licenseFacts('other', { name: 'acme-research-license-1.0', link: 'LICENSE' });
    expect(custom).toMatchObject({ source: 'named-custom', identity: 'other:acme-research-license-1.0', licenseClass: 'unknown' });
    expect(custom.label).toBe('acme-research-license-1.0');
    expect(custom.classLabel).toBe('custom license, terms unknown');
    expect(custom.link).toBe('LICENSE');
    expect(licenseFacts('other').source).toBe('hub-list');
  });
});

describe('the restriction order', () => {
  it('places every class except unknown in exactly one tier', () => {
    const placed = RESTRICTION_TIERS.flat();
    expect(new Set(placed).size).toBe(placed.length);
    expect([...placed].sort()).toEqual(LICENSE_CLASSES.filter((c) => c !== 'unknown').sort());
  });

  it('is a total preorder over every classified Hub key', () => {
    const known = docKeys.map((k) => licenseFacts(k)).filter((f) => f.licenseClass !== 'unknown');
    for (const a of known) {
      expect(compareRestriction(a, a)).toBe(0);
      for (const b of known) {
        const ab = compareRestriction(a, b);
        expect(ab).not.toBeUndefined(); // total
        expect(compareRestriction(b, a)).toBe(ab === 0 ? 0 : -ab!); // consistent both ways
      }
    }
    // Transitivity of ≤ over class representatives (keys in one class compare equal, checked above).
    const reps = [...new Map(known.map((f) => [f.licenseClass, f])).values()];
    for (const a of reps)
      for (const b of reps)
        for (const c of reps) {
          if (compareRestriction(a, b)! <= 0 && compareRestriction(b, c)! <= 0) expect(compareRestriction(a, c)! <= 0).toBe(true);
        }
  });

  it.each([
    ['mit', 'apache-2.0', 0],
    ['cc-by-4.0', 'mit', 0],
    ['mit', 'lgpl-3.0', -1],
    ['lgpl-3.0', 'gpl-3.0', -1],
    ['gpl-3.0', 'openrail++', -1],
    ['creativeml-openrail-m', 'llama3.1', -1],
    ['llama2', 'gemma', 0],
    ['gemma', 'cc-by-nc-4.0', -1],
    ['cc-by-nc-sa-4.0', 'cc-by-nc-4.0', 0],
    ['cc-by-nc-4.0', 'deepfloyd-if-license', -1],
    ['deepfloyd-if-license', 'cc-by-nd-4.0', -1],
    ['llama3.1', 'apache-2.0', 1],
    ['other', 'mit', undefined],
    ['unknown', 'gpl-3.0', undefined],
  ] as const)('%s vs %s → %s', (a, b, expected) => {
    expect(compareRestriction(licenseFacts(a), licenseFacts(b))).toBe(expected);
  });
});

describe('compareLicenses', () => {
  const f = (key: string, name?: string) => licenseFacts(key, name ? { name } : undefined);

  it('Llama 3.1 → Apache is a likely relaxation carrying the Llama clause', () => {
    const drift = compareLicenses([f('llama3.1')], [f('apache-2.0')]);
    expect(drift).toMatchObject({ kind: 'relaxed', certainty: 'likely', parentClass: 'custom-commercial', childClass: 'permissive' });
    expect(drift.obligations.join(' ')).toMatch(/Llama 3\.1 license requires derivatives to keep its terms/);
    expect(drift.obligations.join(' ')).toMatch(/name starting with "Llama"/);
    expect(drift.summary).toMatch(/may not allow/);
  });

  it('the same license on both sides is "same" with nothing to keep', () => {
    expect(compareLicenses([f('llama3.1')], [f('llama3.1')])).toMatchObject({ kind: 'same', obligations: [] });
  });

  it('Gemma → MIT is relaxed with the Gemma clause', () => {
    const drift = compareLicenses([f('gemma')], [f('mit')]);
    expect(drift.kind).toBe('relaxed');
    expect(drift.obligations.join(' ')).toMatch(/Gemma Terms of Use.*Prohibited Use Policy/);
  });

  it('Apache → CC BY-NC is tightened and usually allowed', () => {
    const drift = compareLicenses([f('apache-2.0')], [f('cc-by-nc-4.0')]);
    expect(drift).toMatchObject({ kind: 'tightened', obligations: [] });
    expect(drift.note).toMatch(/usually allowed/);
  });

  it('a tightening still reminds of pass-down terms (Gemma → CC BY-NC)', () => {
    const drift = compareLicenses([f('gemma')], [f('cc-by-nc-4.0')]);
    expect(drift.kind).toBe('tightened');
    expect(drift.obligations.join(' ')).toMatch(/Gemma/);
  });

  it('custom license → MIT is a possible relaxation with unknown terms', () => {
    const drift = compareLicenses([f('other', 'acme-research-license-1.0')], [f('mit')]);
    expect(drift).toMatchObject({ kind: 'relaxed', certainty: 'possible' });
    expect(drift.summary).toMatch(/unknown/);
    expect(drift.obligations.join(' ')).toMatch(/acme-research-license-1\.0/);
  });

  it('keeping the parent\'s custom license and adding another is "added", with a caution', () => {
    const drift = compareLicenses([f('other', 'acme-research-license-1.0')], [f('other', 'acme-research-license-1.0'), f('mit')]);
    expect(drift).toMatchObject({ kind: 'added', keptParent: true, removed: [], added: ['MIT'] });
    expect(drift.note).toMatch(/alternative/);
  });

  it('another custom license name is a change of unknown direction', () => {
    const drift = compareLicenses([f('other', 'acme-research-license-1.0')], [f('other', 'acme-research-license-2.0')]);
    expect(drift.kind).toBe('unknown');
    expect(drift.removed).toEqual(['custom license "acme-research-license-1.0"']);
    expect(drift.summary).toMatch(/can't be judged/);
  });

  it('Llama → a custom license is unknown but lists what to check', () => {
    const drift = compareLicenses([f('llama3.1')], [f('other', 'my-license')]);
    expect(drift.kind).toBe('unknown');
    expect(drift.obligations.join(' ')).toMatch(/Llama 3\.1/);
  });

  it.each([
    [['llama3.1'], [], 'dropped'],
    [[], ['mit'], 'added'],
    [[], [], 'unknown'],
    [['mit'], ['apache-2.0'], 'sideways'],
    [['unknown'], ['mit'], 'unknown'],
    [['cc'], ['mit'], 'relaxed'],
    [['apache-2.0', 'llama3.1'], ['apache-2.0'], 'relaxed'],
    [['gpl-3.0'], ['mit'], 'relaxed'],
    [['mit'], ['gpl-3.0'], 'tightened'],
    [['openrail++'], ['creativeml-openrail-m'], 'sideways'],
  ] as const)('%j → %j is %s', (parent, child, kind) => {
    expect(compareLicenses(parent.map((k) => f(k)), child.map((k) => f(k))).kind).toBe(kind);
  });

  it('a sideways move from CC BY reminds to keep the credit', () => {
    const drift = compareLicenses([f('cc-by-4.0')], [f('mit')]);
    expect(drift.kind).toBe('sideways');
    expect(drift.obligations.join(' ')).toMatch(/credit/);
  });

  it('a dropped license lists the parent\'s obligations', () => {
    const drift = compareLicenses([f('llama3.1')], []);
    expect(drift.obligations.join(' ')).toMatch(/Llama 3\.1/);
    expect(drift.note).toMatch(/still apply/);
  });
});
