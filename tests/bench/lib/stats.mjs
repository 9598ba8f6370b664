// Small statistics helpers for the benchmark (pure functions).
import zlib from 'node:zlib';

/** Sorted copy of the finite numbers in `values`. */
function sortedFinite(values) {
  return values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
}

/** Nearest-rank percentile (p in 0..100) of the finite values, or null when there are none. */
export function percentile(values, p) {
  const sorted = sortedFinite(values);
  if (!sorted.length) return null;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

/** Median (mean of the two middle values for an even count), or null when there are no values. */
export function median(values) {
  const sorted = sortedFinite(values);
  if (!sorted.length) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function range(values) {
  const sorted = sortedFinite(values);
  return sorted.length ? { min: sorted[0], max: sorted.at(-1) } : null;
}

/** Raw and gzip (level 9, as a server or store would compress it) byte sizes of a buffer. */
export function sizes(buffer) {
  return { raw: buffer.length, gzip: zlib.gzipSync(buffer, { level: 9 }).length };
}

export const round = (value, digits = 0) => (value === null || value === undefined ? value : Number(value.toFixed(digits)));
