// Extension UI on Hub pages lives in open shadow roots: the Hub's Tailwind reset cannot reach it and
// nothing we render can leak into the page. Styles go in as a <style> text node — never as HTML.
import { isDarkTheme } from '../page/selectors';

export interface ShadowHost {
  host: HTMLElement;
  root: ShadowRoot;
  /** Element inside the shadow root that Preact renders into. */
  mount: HTMLElement;
  /** Stops following the Hub's theme. */
  dispose(): void;
}

export function createShadowHost(
  doc: Document,
  tagName: string,
  attributes: Record<string, string>,
  css: string,
): ShadowHost {
  const host = doc.createElement(tagName);
  for (const [name, value] of Object.entries(attributes)) host.setAttribute(name, value);
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = css;
  const mount = doc.createElement('div');
  mount.className = 'root';
  root.append(style, mount);
  const dispose = followHubTheme(doc, host);
  return { host, root, mount, dispose };
}

const themeOf = (doc: Document) => (isDarkTheme(doc) ? 'dark' : 'light');

/** Hosts following each document's theme, and the one observer that serves them all. */
const themeFollowers = new WeakMap<Document, { hosts: Set<HTMLElement>; observer: MutationObserver }>();

/**
 * Mirrors the Hub's `html.dark` class onto the host as data-theme, live. All hosts of a document share
 * one MutationObserver (a listing can hold dozens of badges); it disconnects when the last host is disposed.
 */
function followHubTheme(doc: Document, host: HTMLElement): () => void {
  host.setAttribute('data-theme', themeOf(doc));
  let followers = themeFollowers.get(doc);
  if (!followers) {
    const hosts = new Set<HTMLElement>();
    const observer = new MutationObserver(() => {
      const theme = themeOf(doc);
      for (const follower of hosts) follower.setAttribute('data-theme', theme);
    });
    observer.observe(doc.documentElement, { attributes: true, attributeFilter: ['class'] });
    followers = { hosts, observer };
    themeFollowers.set(doc, followers);
  }
  followers.hosts.add(host);
  return () => {
    const current = themeFollowers.get(doc);
    if (!current?.hosts.delete(host) || current.hosts.size) return;
    current.observer.disconnect();
    themeFollowers.delete(doc);
  };
}

/** Inserts `node` relative to `anchor` as a placement asks. */
export function place(node: Element, anchor: Element, position: 'after' | 'append' | 'before'): void {
  if (position === 'append') anchor.append(node);
  else if (position === 'before') anchor.before(node);
  else anchor.after(node);
}

/**
 * Resolves with the first truthy `find()` result, re-checking on DOM mutations (batched),
 * or null on timeout/abort. The Hub hydrates after load, so anchors can appear late.
 */
export function waitForElement<T>(
  doc: Document,
  find: () => T | null,
  { signal, timeoutMs = 8000 }: { signal: AbortSignal; timeoutMs?: number },
): Promise<T | null> {
  const immediate = find();
  if (immediate || signal.aborted) return Promise.resolve(immediate);
  return new Promise((resolve) => {
    let scheduled = false;
    const finish = (value: T | null) => {
      observer.disconnect();
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      resolve(value);
    };
    const onAbort = () => finish(null);
    const observer = new MutationObserver(() => {
      if (scheduled) return;
      scheduled = true;
      // A timeout, not requestAnimationFrame: frames do not run in background tabs.
      setTimeout(() => {
        scheduled = false;
        const found = find();
        if (found) finish(found);
      }, 30);
    });
    observer.observe(doc.documentElement, { childList: true, subtree: true });
    const timer = setTimeout(() => finish(find()), timeoutMs);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
