// `storage.session`: kept while the browser runs, across the background's restarts (Chrome stops an idle
// service worker after 30 s), cleared when the browser closes. Absent in old browsers: callers cope.
import { browser } from 'wxt/browser';

export interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

export function sessionArea(): SessionArea | null {
  return ((browser.storage as unknown as { session?: SessionArea }).session ?? null) as SessionArea | null;
}

/** One value under one key of the session area; reads and writes never reject. */
export function sessionValue(key: string) {
  return {
    load: async (): Promise<unknown> => {
      try {
        return (await sessionArea()?.get(key))?.[key];
      } catch {
        return undefined;
      }
    },
    save: (value: unknown): void => {
      void sessionArea()?.set({ [key]: value }).catch(() => undefined);
    },
  };
}
