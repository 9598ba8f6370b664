// The "Explore the whole family" link: a page on the Hub cannot open an extension page by its URL in
// every browser, so a click asks the background to open family.html in a new tab.
import { browser } from 'wxt/browser';
import { ask } from '../../lib/messages';

export function exploreLink(id: string): { href: string; onClick: (event: MouseEvent) => void } {
  let href = '#explore-family';
  // On a Hub page the panel's shadow root is readable by the page: an extension URL there would give away
  // the extension's per-install id (Firefox), so only extension pages (the popup) carry the real URL.
  if (typeof location !== 'undefined' && !/^https?:$/.test(location.protocol)) {
    try {
      href = browser.runtime.getURL(`/family.html?model=${encodeURIComponent(id)}` as '/family.html');
    } catch {
      // no extension context (tests): the click still asks the background
    }
  }
  return {
    href,
    onClick(event) {
      event.preventDefault();
      void ask('open-family', { id }).catch(() => undefined);
    },
  };
}
