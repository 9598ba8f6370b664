// The sentences the popup shows for search outcomes: every failure reads as a sentence, never as an
// empty box. Pure functions of the background's answer, so the wording is tested directly.
import type { SearchResponse } from '../../lib/report/types';
import { errorSentence, until } from '../shared/format';

/** When `ask` itself fails: the background did not answer (it was reloaded or crashed). */
export const NO_BACKGROUND = 'HF Drift could not reach its background service. Close the popup and open it again.';

export const OFFLINE_NOTICE = 'You are offline. Search still finds models saved in the cache.';

export interface SearchOutcome {
  /** The sentence for the status line ('' when the list speaks for itself). */
  text: string;
  /** A failure or a degraded answer, styled as a warning. */
  warning: boolean;
}

export function searchOutcome(query: string, response: SearchResponse): SearchOutcome {
  const found = response.results.length;
  const quoted = `“${query}”`;
  const noneSaved = `No saved model matches ${quoted}.`;
  const cacheTail = response.fromCache
    ? found
      ? ` Showing ${found === 1 ? 'the saved model that matches' : 'the saved models that match'}.`
      : ` ${noneSaved}`
    : '';
  const error = response.error;
  if (error?.kind === 'rate-limited') {
    return { text: `The Hub is limiting requests; search again ${until(error.retryAt)}.${cacheTail}`, warning: true };
  }
  if (error?.kind === 'offline') {
    return { text: `You are offline: the Hub cannot be reached.${cacheTail}`, warning: true };
  }
  if (error) return { text: `Search failed: ${errorSentence(error)}${cacheTail}`, warning: true };
  if (response.fromCache) {
    return { text: found ? `Showing saved models only.` : noneSaved, warning: true };
  }
  if (!found) return { text: `No model on the Hub matches ${quoted}.`, warning: false };
  return { text: `${found} ${found === 1 ? 'model' : 'models'} found.`, warning: false };
}

export function recentOutcome(response: SearchResponse): SearchOutcome {
  if (response.results.length) return { text: '', warning: false };
  if (response.error) return { text: `Recently viewed models are unavailable: ${errorSentence(response.error)}`, warning: true };
  return { text: 'No recently viewed models yet. Type a model name to search the Hub.', warning: false };
}
