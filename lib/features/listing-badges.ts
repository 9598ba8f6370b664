// Feature: drift badges on model cards of listing pages (/models with any filter, owner pages,
// collections). Test URLs: /models?other=base_model:finetune:meta-llama/Llama-3.1-8B-Instruct,
// /models?search=llama, /skyforge, /collections/driftlab/llama-derivatives-0123 (offline Hub fixtures).
import { isListingPage } from '../page/detect';
import { pageLoaded } from '../ui/page-loaded';
import type { Feature } from './manager';
import { loadUi } from './ui-modules';

export const listingBadges: Feature = {
  id: 'listing-badges',
  include: [isListingPage],
  switch: 'badges',
  async init(context) {
    // Badges wait for the page's own load: a listing must never load slower because of them.
    await pageLoaded(context.document, context.signal);
    if (context.signal.aborted) return;
    const { startBadges } = await loadUi('listing-badges');
    if (!context.signal.aborted) startBadges(context);
  },
};
