import { describe, expect, it } from 'vitest';
import { csvField, exportFileName, FAMILY_CSV_COLUMNS, familyCsv, toCsv } from '../../../components/options/csv';
import { parseCsv } from '../../support/csv-parse.mjs';
import { FAMILY } from './fixtures';

describe('CSV fields (RFC 4180)', () => {
  it('leaves simple text alone and quotes commas, quotes and line breaks', () => {
    expect(csvField('apache-2.0')).toBe('apache-2.0');
    expect(csvField('en, de')).toBe('"en, de"');
    expect(csvField('the "base" model')).toBe('"the ""base"" model"');
    expect(csvField('a\nb')).toBe('"a\nb"');
    expect(csvField('a\r\nb')).toBe('"a\r\nb"');
    expect(csvField('')).toBe('');
    expect(csvField(undefined)).toBe('');
  });

  it('neutralises cells a spreadsheet would run as a formula', () => {
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-2')).toBe("'-2");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\tx')).toBe("'\tx");
    expect(csvField('\r=x')).toBe('"\'\r=x"');
    expect(csvField('=HYPERLINK("http://x","click")')).toBe('"\'=HYPERLINK(""http://x"",""click"")"');
    expect(csvField('a=b')).toBe('a=b'); // only a leading character matters
  });

  it('writes numbers as numbers', () => {
    expect(csvField(1200)).toBe('1200');
    expect(csvField(0)).toBe('0');
  });

  it('ends every record with CRLF', () => {
    expect(toCsv(['a', 'b'], [['1', 2]])).toBe('a,b\r\n1,2\r\n');
  });
});

describe('family CSV', () => {
  it('parses back to a header and one row per sampled child, with every value intact', () => {
    const [header, ...rows] = parseCsv(familyCsv(FAMILY));
    expect(header).toEqual([...FAMILY_CSV_COLUMNS]);
    expect(rows).toHaveLength(FAMILY.rows.length);
    expect(rows.map((r) => r[header.indexOf('child')])).toEqual([
      'skyforge/Sky-Chat-8B',
      'evil/=HYPERLINK("http://x","click")', // starts with "e": not a formula, kept as is
      'quotes/model',
      'plain/model',
    ]);
    for (const r of rows) expect(r).toHaveLength(header.length);
    const cell = (child: number, column: (typeof FAMILY_CSV_COLUMNS)[number]) => rows[child][header.indexOf(column)];
    expect(cell(0, 'parent')).toBe('meta-llama/Llama-3.1-8B');
    expect(cell(0, 'downloads')).toBe('1200');
    expect(cell(1, 'downloads')).toBe('');
    expect(cell(2, 'languages')).toBe('en, "de", fr');
    expect(cell(2, 'library')).toBe('line one\r\nline two');
  });

  it('no cell of the parsed file starts a formula', () => {
    const rows = parseCsv(familyCsv(FAMILY)).slice(1);
    for (const cell of rows.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    const [, evil, , plain] = rows;
    expect(evil).toContain("'=cmd|' /C calc'!A0");
    expect(plain).toEqual(expect.arrayContaining(["'+1", "'-backward", "'@SUM(A1)", "'\tpermissive"]));
  });

  it('an empty family is a header alone', () => {
    expect(parseCsv(familyCsv({ ...FAMILY, rows: [] }))).toEqual([[...FAMILY_CSV_COLUMNS]]);
  });

  it('names the file after the model, safely', () => {
    expect(exportFileName('meta-llama/Llama-3.1-8B', 'csv')).toBe('hf-drift-family_meta-llama_Llama-3.1-8B.csv');
    expect(exportFileName('../../etc/passwd', 'json')).toBe('hf-drift-family_etc_passwd.json');
  });
});
