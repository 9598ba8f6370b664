// Defensive readers for untrusted values. Inputs may be arbitrary JSON cast to our types, so nothing
// here coerces an unknown object to a string (an object's own `toString` could be anything).

/** Longest text we keep from Hub data for display; longer values are cut with an ellipsis. */
export const MAX_DISPLAY_CHARS = 200;
/** Longest list of items we keep from one field (languages, datasets, licenses). */
export const MAX_LIST_ITEMS = 500;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Own property only, so prototype names ("constructor", "toString") never leak in. */
export function field(value: unknown, key: string): unknown {
  return isRecord(value) && Object.prototype.hasOwnProperty.call(value, key) ? value[key] : undefined;
}

/** A trimmed non-empty string, or undefined. */
export function text(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** A string or a list of strings, as a de-duplicated list of trimmed non-empty strings. */
export function textList(value: unknown, lowerCase = false): string[] {
  const items = Array.isArray(value) ? value.slice(0, MAX_LIST_ITEMS) : [value];
  const out: string[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    let t = text(item);
    if (t === undefined) continue;
    if (lowerCase) t = t.toLowerCase();
    if (seen.has(t)) continue;
    seen.add(t);
    out.push(t);
  }
  return out;
}

export function finiteNonNegative(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

/** Cuts long Hub-provided text for display. */
export function clip(value: string, max = MAX_DISPLAY_CHARS): string {
  if (value.length <= max) return value;
  let cut = value.slice(0, max - 1);
  // Do not leave half of a surrogate pair at the end.
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  return `${cut}…`;
}

/** 12345 → "12,345" (fixed format, independent of the browser's locale). */
export function formatCount(value: number): string {
  if (!Number.isFinite(value)) return '?';
  const rounded = Math.round(value);
  const sign = rounded < 0 ? '-' : '';
  return sign + String(Math.abs(rounded)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** 0.198 → "19.8%"; whole percentages lose the ".0". */
export function formatShare(value: number, digits = 1): string {
  if (!Number.isFinite(value)) return '?';
  const pct = (value * 100).toFixed(digits);
  return `${pct.endsWith('.0') ? pct.slice(0, -2) : pct}%`;
}

/** "3 of 10 (30%)". */
export function formatCountOf(count: number, n: number): string {
  return n > 0 ? `${formatCount(count)} of ${formatCount(n)} (${formatShare(count / n)})` : 'none';
}

export function formatRatio(value: number): string {
  if (!Number.isFinite(value)) return '?';
  return value >= 10 ? value.toFixed(0) : value >= 1 ? value.toFixed(1) : value.toFixed(2);
}

export function median(values: number[]): number | undefined {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return undefined;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function mean(values: number[]): number | undefined {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return undefined;
  return finite.reduce((sum, v) => sum + v, 0) / finite.length;
}

/** "a, b and c" with at most `max` items named. */
export function listPhrase(items: string[], max = 6): string {
  if (items.length === 0) return '';
  const shown = items.slice(0, max);
  const rest = items.length - shown.length;
  if (rest > 0) return `${shown.join(', ')} and ${rest} more`;
  if (shown.length === 1) return shown[0];
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}
