// User settings, kept in extension storage. Feature switches live under their own key so that the
// content script can read them without ever reading the token (which only the background uses).
import { browser } from 'wxt/browser';

export interface FeatureSwitches {
  /** Drift panel on model pages. */
  panel: boolean;
  /** Drift badges on listing pages. */
  badges: boolean;
  /** Family statistics (children samples) in the panel and popup. */
  familyStats: boolean;
}

export const DEFAULT_SWITCHES: FeatureSwitches = { panel: true, badges: true, familyStats: true };

export interface CacheSettings {
  /** How long model info and children lists count as fresh, in hours. */
  ttlHours: number;
}

const DEFAULT_CACHE_SETTINGS: CacheSettings = { ttlHours: 24 };
/** The longest cache lifetime a user can set (30 days). */
export const MAX_TTL_HOURS = 24 * 30;

const SWITCHES_KEY = 'featureSwitches';
const TOKEN_KEY = 'hubToken';
const CACHE_KEY = 'cacheSettings';

function coerceSwitches(raw: unknown): FeatureSwitches {
  const value = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const pick = (key: keyof FeatureSwitches) =>
    typeof value[key] === 'boolean' ? (value[key] as boolean) : DEFAULT_SWITCHES[key];
  return { panel: pick('panel'), badges: pick('badges'), familyStats: pick('familyStats') };
}

export async function readSwitches(): Promise<FeatureSwitches> {
  try {
    const stored = await browser.storage.local.get(SWITCHES_KEY);
    return coerceSwitches(stored[SWITCHES_KEY]);
  } catch {
    return { ...DEFAULT_SWITCHES };
  }
}

export async function writeSwitches(switches: Partial<FeatureSwitches>): Promise<FeatureSwitches> {
  const next = { ...(await readSwitches()), ...switches };
  await browser.storage.local.set({ [SWITCHES_KEY]: next });
  return next;
}

export async function readToken(): Promise<string | undefined> {
  try {
    const stored = await browser.storage.local.get(TOKEN_KEY);
    const token = stored[TOKEN_KEY];
    return typeof token === 'string' && token.trim() ? token.trim() : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A setting read once and then kept in step with storage, for the background: it asks for the token on
 * every Hub request and for the switches on every view, and a storage read each time would sit in front
 * of all of them.
 */
function watched<T>(key: string, read: () => Promise<T>): () => Promise<T> {
  let current: Promise<T> | null = null;
  try {
    browser.storage.onChanged.addListener((changes, area) => {
      if (area === 'local' && key in changes) current = null;
    });
  } catch {
    return read; // no change events: read every time
  }
  return () => (current ??= read());
}

export const watchedToken = () => watched(TOKEN_KEY, readToken);
export const watchedSwitches = () => watched(SWITCHES_KEY, readSwitches);

export async function writeToken(token: string | undefined): Promise<void> {
  if (token && token.trim()) await browser.storage.local.set({ [TOKEN_KEY]: token.trim() });
  else await browser.storage.local.remove(TOKEN_KEY);
}

export async function readCacheSettings(): Promise<CacheSettings> {
  try {
    const stored = (await browser.storage.local.get(CACHE_KEY))[CACHE_KEY] as Partial<CacheSettings> | undefined;
    const ttl = Number(stored?.ttlHours);
    return { ttlHours: Number.isFinite(ttl) && ttl > 0 ? Math.min(ttl, MAX_TTL_HOURS) : DEFAULT_CACHE_SETTINGS.ttlHours };
  } catch {
    return { ...DEFAULT_CACHE_SETTINGS };
  }
}

export async function writeCacheSettings(settings: CacheSettings): Promise<void> {
  await browser.storage.local.set({ [CACHE_KEY]: settings });
}

/** Masks a token for display: keeps the `hf_` prefix and the last 4 characters. */
export function maskToken(token: string): string {
  const t = token.trim();
  if (t.length <= 8) return '•'.repeat(t.length);
  return `${t.slice(0, 3)}${'•'.repeat(Math.min(t.length - 7, 24))}${t.slice(-4)}`;
}
