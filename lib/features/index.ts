// Every feature of the content script, in the order they start.
import { listingBadges } from './listing-badges';
import type { Feature } from './manager';
import { modelPanel } from './model-panel';

export const FEATURES: readonly Feature[] = [modelPanel, listingBadges];
