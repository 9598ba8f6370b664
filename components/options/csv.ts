// CSV export of a family drift report: one row per sampled child. Pure text building (RFC 4180).
// Hub data is untrusted, so any cell a spreadsheet would read as a formula is neutralised.
import type { FamilyExport, FamilyExportRow } from '../../lib/report/types';

/** Column order of the family CSV; `parent` first so every row stands on its own. */
export const FAMILY_CSV_COLUMNS = [
  'parent',
  'child',
  'relation',
  'license',
  'licenseClass',
  'licenseDrift',
  'languages',
  'languageDrift',
  'task',
  'taskMove',
  'library',
  'flags',
  'downloads',
] as const satisfies readonly ('parent' | keyof FamilyExportRow)[];

// Characters that make Excel, LibreOffice or Google Sheets start a formula (or, for tab and CR,
// that some of them strip before doing so).
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One CSV field: text that could start a formula gets a leading `'`; quoted when RFC 4180 asks. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  // Finite numbers are data we computed (downloads), never a formula.
  let text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value;
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Records joined with CRLF, as RFC 4180 says; the last record also ends with CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',') + '\r\n').join('');
}

export function familyCsv(data: FamilyExport): string {
  const rows = data.rows.map((row) =>
    FAMILY_CSV_COLUMNS.map((column) => (column === 'parent' ? data.parentId : row[column])),
  );
  return toCsv(FAMILY_CSV_COLUMNS, rows);
}

/** A file name safe on every OS, e.g. `hf-drift-family_meta-llama_Llama-3.1-8B.csv`. */
export function exportFileName(modelId: string, extension: 'csv' | 'json'): string {
  const safe = modelId.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[._]+/, '').slice(0, 120) || 'model';
  return `hf-drift-family_${safe}.${extension}`;
}
