// The explorer's edge CSV: one row per parent → child edge inside the family, both sides' traits, written
// by the options page's CSV writer (formula-safe).
import { describe, expect, it } from 'vitest';
import { EDGE_CSV_COLUMNS, edgesCsv, familyFileName } from '../../../components/family/export';
import type { FamilyNode } from '../../../lib/report/family-crawl-types';

const base: FamilyNode = { id: 'meta/base', generation: 0, parents: [], licenses: ['llama3.1'], languages: ['en', 'de'], task: 'text-generation', gated: false, downloads: 100, cardLength: 9000 };
const child: FamilyNode = { ...base, id: 'sky/chat', generation: 1, via: 'meta/base', relation: 'finetune', parents: [{ id: 'meta/base', relation: 'finetune' }], licenses: ['apache-2.0'], languages: ['en'], downloads: 5, library: '=cmd()', cardLength: undefined };

describe('edges CSV', () => {
  it('has a header and one row per edge with both sides and the license change', () => {
    const lines = edgesCsv([base, child]).split('\r\n');
    expect(lines[0]).toBe(EDGE_CSV_COLUMNS.join(','));
    expect(lines).toHaveLength(3); // header, one edge, trailing CRLF
    const row = lines[1].split(',');
    const cell = (name: (typeof EDGE_CSV_COLUMNS)[number]) => row[EDGE_CSV_COLUMNS.indexOf(name)];
    expect([cell('parent'), cell('child'), cell('relation'), cell('generation')]).toEqual(['meta/base', 'sky/chat', 'finetune', '1']);
    expect([cell('parentLicenseClass'), cell('childLicenseClass'), cell('licenseChange')]).toEqual(['custom-commercial', 'permissive', 'relaxed']);
    expect([cell('parentLanguages'), cell('childLanguages')]).toEqual(['en de', 'en']);
    expect(cell('childLibrary')).toBe("'=cmd()"); // a formula from Hub data is neutralised
    expect([cell('parentCardLength'), cell('childCardLength')]).toEqual(['9000', '']);
  });

  it('file names are safe on every OS', () => {
    expect(familyFileName('meta-llama/Llama-3.1-8B', 'png')).toBe('hf-drift-tree_meta-llama_Llama-3.1-8B.png');
  });
});
