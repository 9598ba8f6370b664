// Fixed-window quotas per bucket (hub-docs rate-limits.md): counted per caller over 300 s windows,
// announced with the IETF draft headers the Hub sends on every response.

/** @typedef {'api' | 'resolvers' | 'pages'} Bucket */
/** @typedef {Record<Bucket, number>} Quotas */

export const WINDOW_SECONDS = 300;
/** Anonymous (per IP) quotas. */
export const ANONYMOUS_QUOTAS = { api: 500, resolvers: 3000, pages: 100 };
/** Free logged-in user quotas (for requests bearing the test token). */
export const USER_QUOTAS = { api: 1000, resolvers: 5000, pages: 200 };

/**
 * @param {{ quotas?: Partial<Quotas>, now: () => number }} options
 */
export function createRateLimiter({ quotas = {}, now }) {
  const limits = { anonymous: { ...ANONYMOUS_QUOTAS, ...quotas }, user: USER_QUOTAS };
  /** @type {Map<string, { start: number, count: number }>} */
  const windows = new Map();

  /** @param {string} key */
  const currentWindow = (key) => {
    const at = now();
    let window = windows.get(key);
    if (!window || at >= window.start + WINDOW_SECONDS * 1000) {
      window = { start: at, count: 0 };
      windows.set(key, window);
    }
    return { window, at };
  };

  /**
   * @param {Bucket} bucket @param {'anonymous' | 'user'} caller @param {boolean} consume
   */
  const check = (bucket, caller, consume) => {
    const { window, at } = currentWindow(`${caller}:${bucket}`);
    if (consume) window.count += 1;
    const quota = limits[caller][bucket];
    const resetSeconds = Math.max(1, Math.ceil((window.start + WINDOW_SECONDS * 1000 - at) / 1000));
    return { bucket, quota, remaining: Math.max(0, quota - window.count), resetSeconds, exceeded: window.count > quota };
  };

  return {
    /** Counts one request and reports the state after it. */
    take: (/** @type {Bucket} */ bucket, /** @type {'anonymous' | 'user'} */ caller) => check(bucket, caller, true),
    /** Reports the state without counting (injected faults do not spend quota). */
    peek: (/** @type {Bucket} */ bucket, /** @type {'anonymous' | 'user'} */ caller) => check(bucket, caller, false),
    reset: () => windows.clear(),
    /** Changes the anonymous quotas from now on (e.g. a small `q` for a quota test). */
    setQuotas: (/** @type {Partial<Quotas>} */ quotas) => Object.assign(limits.anonymous, quotas),
  };
}

/**
 * @param {{ bucket: Bucket, quota: number, remaining: number, resetSeconds: number }} state
 * @returns {Record<string, string>}
 */
export function rateLimitHeaders(state) {
  return {
    RateLimit: `"${state.bucket}";r=${state.remaining};t=${state.resetSeconds}`,
    'RateLimit-Policy': `"fixed window";"${state.bucket}";q=${state.quota};w=${WINDOW_SECONDS}`,
  };
}
