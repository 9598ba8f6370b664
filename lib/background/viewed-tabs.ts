// Which model each tab's panel showed last, for the popup's "active model" question. Kept small and in
// least-recently-viewed order: a long browsing session opens thousands of tabs, and the background (a
// Firefox event page can live for hours) must not grow with them. A forgotten tab only makes the popup
// fall back to the model in the tab's URL.

/** More tabs than anyone keeps model pages open in; the popup asks about the active one. */
export const VIEWED_TABS_LIMIT = 50;

export interface ViewedTabs {
  /** The panel in `tabId` now shows model `id`. */
  record(tabId: number, id: string): void;
  /** The model the panel in `tabId` showed last, if the tab is still remembered. */
  get(tabId: number): string | undefined;
  /** The model of the most recently recorded tab. */
  latest(): string | undefined;
  readonly size: number;
}

export function createViewedTabs(limit = VIEWED_TABS_LIMIT): ViewedTabs {
  // A Map keeps insertion order: re-inserting on each record makes the first key the least recently viewed.
  const tabs = new Map<number, string>();
  let last: string | undefined;
  return {
    record(tabId, id) {
      tabs.delete(tabId);
      tabs.set(tabId, id);
      last = id;
      while (tabs.size > limit) tabs.delete(tabs.keys().next().value as number);
    },
    get: (tabId) => tabs.get(tabId),
    latest: () => last,
    get size() {
      return tabs.size;
    },
  };
}
