import { afterEach, describe, expect, it, vi } from 'vitest';
import { pageLoaded } from '../../../lib/ui/page-loaded';
import { createShadowHost } from '../../../lib/ui/shadow-host';

/** Lets the MutationObserver callbacks of the last DOM change run. */
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Counts the MutationObservers constructed from now on. */
function countObservers(): { created: number } {
  const counter = { created: 0 };
  vi.stubGlobal(
    'MutationObserver',
    class extends MutationObserver {
      constructor(callback: MutationCallback) {
        super(callback);
        counter.created++;
      }
    },
  );
  return counter;
}

afterEach(() => {
  vi.unstubAllGlobals();
  document.documentElement.classList.remove('dark');
});

describe('shadow hosts follow the Hub theme', () => {
  it('mirror html.dark as data-theme, live, through one observer shared by all hosts of the document', async () => {
    const observers = countObservers();
    const hosts = [1, 2, 3].map(() => createShadowHost(document, 'hf-drift-test', {}, ''));
    expect(observers.created).toBe(1);
    for (const { host } of hosts) expect(host.getAttribute('data-theme')).toBe('light');

    document.documentElement.classList.add('dark');
    await flush();
    for (const { host } of hosts) expect(host.getAttribute('data-theme')).toBe('dark');

    // A disposed host no longer follows; the others still do.
    hosts[0].dispose();
    document.documentElement.classList.remove('dark');
    await flush();
    expect(hosts[0].host.getAttribute('data-theme')).toBe('dark');
    expect(hosts[1].host.getAttribute('data-theme')).toBe('light');
    for (const { dispose } of hosts) dispose();
  });

  it('disconnects the shared observer when the last host is disposed, and starts a new one for the next host', () => {
    const disconnect = vi.spyOn(MutationObserver.prototype, 'disconnect');
    const observers = countObservers();
    const first = createShadowHost(document, 'hf-drift-test', {}, '');
    const second = createShadowHost(document, 'hf-drift-test', {}, '');
    first.dispose();
    first.dispose(); // twice is harmless
    expect(disconnect).not.toHaveBeenCalled();
    second.dispose();
    expect(disconnect).toHaveBeenCalledOnce();

    const third = createShadowHost(document, 'hf-drift-test', {}, '');
    expect(observers.created).toBe(2);
    expect(third.host.getAttribute('data-theme')).toBe('light');
    third.dispose();
    expect(disconnect).toHaveBeenCalledTimes(2);
  });
});

describe('pageLoaded', () => {
  const loadingDocument = () => {
    const view = new EventTarget();
    return { view, document: { readyState: 'loading', defaultView: view } as unknown as Document };
  };

  it('resolves in a task after the load event, so nothing waiting on it runs inside the page’s load time', async () => {
    const { view, document } = loadingDocument();
    let resolved = false;
    void pageLoaded(document, new AbortController().signal).then(() => (resolved = true));
    view.dispatchEvent(new Event('load'));
    for (let i = 0; i < 5; i++) await Promise.resolve(); // the load event's own microtasks
    expect(resolved).toBe(false);
    await flush();
    expect(resolved).toBe(true);
  });

  it('does not wait for a load that is late beyond its limit, nor once aborted', async () => {
    vi.useFakeTimers();
    try {
      const late = loadingDocument();
      let lateDone = false;
      void pageLoaded(late.document, new AbortController().signal, 1500).then(() => (lateDone = true));
      await vi.advanceTimersByTimeAsync(1499);
      expect(lateDone).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(lateDone).toBe(true);

      const aborted = loadingDocument();
      const controller = new AbortController();
      let abortedDone = false;
      void pageLoaded(aborted.document, controller.signal).then(() => (abortedDone = true));
      controller.abort();
      await vi.advanceTimersByTimeAsync(0);
      expect(abortedDone).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});
