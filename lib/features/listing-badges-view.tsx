// The listing badges' work once the page has loaded: which cards are (nearly) visible, asking the
// background about them in batches, and drawing each badge in a shadow host beside the card's title.
// Part of the features' module (page-features.js, see ui-modules.ts); started by listing-badges.ts.
//
// Cost discipline: only cards that are (nearly) visible are asked about; the asks are batched per
// frame and de-duplicated; the background answers a whole batch from one listing request.
import { render } from 'preact';
import { badgeCss, DriftBadge } from '../../components/badge/DriftBadge';
import { ask } from '../messages';
import { listingCards, SELECTORS, selectFirst } from '../page/selectors';
import type { BadgeInfo } from '../report/types';
import { createShadowHost, type ShadowHost } from '../ui/shadow-host';
import type { FeatureContext } from './manager';
import { BADGE_TAG } from './ui-modules';

const BATCH_DELAY_MS = 16;

function badgeFlagsAttribute(badge: BadgeInfo): string {
  return badge.hasParent ? badge.flags.join(' ') : '';
}

export function startBadges({ url, document, signal }: Pick<FeatureContext, 'url' | 'document' | 'signal'>): void {
  const known = new Map<string, BadgeInfo>();
  const hosts = new Map<Element, { id: string; anchor: Element; shadow?: ShadowHost }>();
  const pending = new Map<string, Element[]>();
  let flushTimer: ReturnType<typeof setTimeout> | undefined;

  const mountBadge = (card: Element, badge: BadgeInfo) => {
    const entry = hosts.get(card);
    if (!entry || signal.aborted || !badge.hasParent) return;
    if (entry.shadow?.host.isConnected) return; // never twice
    entry.shadow?.dispose();
    const shadow = createShadowHost(
      document,
      BADGE_TAG,
      { 'data-hf-drift-badge': '', 'data-model': badge.id, 'data-flags': badgeFlagsAttribute(badge) },
      badgeCss,
    );
    render(<DriftBadge badge={badge} />, shadow.mount);
    // Beside the title line: inline, so the card's height stays as the Hub laid it out.
    entry.anchor.append(shadow.host);
    entry.shadow = shadow;
  };

  const flush = async () => {
    flushTimer = undefined;
    const ids = [...pending.keys()].filter((id) => !known.has(id));
    const waiting = new Map(pending);
    pending.clear();
    if (ids.length) {
      try {
        const { badges } = await ask('badges', { ids, pageUrl: url.href });
        for (const badge of badges) known.set(badge.id, badge);
      } catch {
        // Background unavailable (extension updating): leave the cards untouched.
      }
    }
    if (signal.aborted) return;
    for (const [id, cards] of waiting) {
      const badge = known.get(id);
      if (badge) for (const card of cards) mountBadge(card, badge);
    }
  };

  const request = (card: Element, id: string) => {
    const cards = pending.get(id) ?? [];
    cards.push(card);
    pending.set(id, cards);
    flushTimer ??= setTimeout(() => void flush(), BATCH_DELAY_MS);
  };

  const visibility = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        visibility.unobserve(entry.target);
        const info = hosts.get(entry.target);
        if (!info) continue;
        const badge = known.get(info.id);
        if (badge) mountBadge(entry.target, badge);
        else request(entry.target, info.id);
      }
    },
    { rootMargin: '200px 0px' },
  );

  const scan = () => {
    for (const { card, id, badgeAnchor } of listingCards(document)) {
      const entry = hosts.get(card);
      if (entry) {
        // The Hub re-rendered the card's inside and dropped our badge: put the known one back.
        const badge = known.get(id);
        if (entry.shadow && !entry.shadow.host.isConnected && badge) {
          entry.shadow.dispose();
          entry.shadow = undefined;
          mountBadge(card, badge);
        }
        continue;
      }
      // Badged already (by an earlier copy of this script)? A host without its shadow root is a shell a
      // re-render copied along with the card: drop it and badge the card properly.
      const existing = card.querySelector(`${BADGE_TAG}[data-hf-drift-badge]`);
      if (existing?.shadowRoot) continue;
      existing?.remove();
      hosts.set(card, { id, anchor: badgeAnchor });
      visibility.observe(card);
    }
    // Forget cards the listing removed (filter change, pagination).
    for (const [card, entry] of hosts) {
      if (!card.isConnected) {
        visibility.unobserve(card);
        entry.shadow?.dispose();
        hosts.delete(card);
      }
    }
  };

  let scanScheduled = false;
  const mutations = new MutationObserver(() => {
    if (scanScheduled) return;
    scanScheduled = true;
    setTimeout(() => {
      scanScheduled = false;
      if (!signal.aborted) scan();
    }, BATCH_DELAY_MS);
  });
  const listRoot = selectFirst(document, SELECTORS.listingCard)?.closest('main') ?? document.body;
  mutations.observe(listRoot, { childList: true, subtree: true });
  scan();

  signal.addEventListener(
    'abort',
    () => {
      clearTimeout(flushTimer);
      mutations.disconnect();
      visibility.disconnect();
      for (const entry of hosts.values()) {
        if (entry.shadow) {
          render(null, entry.shadow.mount);
          entry.shadow.dispose();
          entry.shadow.host.remove();
        }
      }
      hosts.clear();
    },
    { once: true },
  );
}
