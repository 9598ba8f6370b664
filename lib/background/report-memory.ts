// The last reports built, so a model page opened again shows its panel at once while the full build
// (from the IndexedDB cache) confirms or updates it. Memory first; `storage.session` survives the Chrome
// service worker being stopped between two visits (it is cleared when the browser closes).
import { modelKey } from '../hub/parse';
import type { ModelReport } from '../report/types';
import { sessionArea } from './session';

const LIMIT = 20;
const SESSION_KEY = 'recentReports';

const memory = new Map<string, ModelReport>();

export function reportKey(id: string, familyStats: boolean): string {
  return `${modelKey(id)}|${familyStats}`;
}

/** Writes the reports in memory to `storage.session`; never rejects. */
function persist(): Promise<void> {
  return sessionArea()?.set({ [SESSION_KEY]: Object.fromEntries(memory) }).catch(() => undefined) ?? Promise.resolve();
}

export function rememberReport(key: string, report: ModelReport): void {
  memory.delete(key);
  memory.set(key, report);
  while (memory.size > LIMIT) memory.delete(memory.keys().next().value!);
  // Fire and forget: losing this only makes the next visit as fast as a normal cached one.
  void persist();
}

export async function recallReport(key: string): Promise<ModelReport | undefined> {
  const known = memory.get(key);
  if (known) return known;
  try {
    const stored = (await sessionArea()?.get(SESSION_KEY))?.[SESSION_KEY] as Record<string, ModelReport> | undefined;
    if (!stored || typeof stored !== 'object') return undefined;
    for (const [k, report] of Object.entries(stored)) if (!memory.has(k)) memory.set(k, report);
    const report = stored[key];
    return report && typeof report === 'object' && report.id ? report : undefined;
  } catch {
    return undefined;
  }
}

/** Forgets one report (after a refresh), or all of them (after the cache was cleared). */
export async function forgetReports(key?: string): Promise<void> {
  if (key === undefined) {
    memory.clear();
    await sessionArea()?.remove(SESSION_KEY).catch(() => undefined);
    return;
  }
  for (const k of [...memory.keys()]) if (k.startsWith(`${key.split('|')[0]}|`)) memory.delete(k);
  await persist();
}
