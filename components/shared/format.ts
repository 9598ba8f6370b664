// Small text formatters shared by the panel, badges and popup. Plain strings only.
import type { ChainEndReason, HubError, ParentRelation } from '../../lib/hub/types';
import type { ModelReport } from '../../lib/report/types';

/** "Fine-tune of", "Quantization of"… for the lineage line. */
export const RELATION_OF: Record<ParentRelation, string> = {
  finetune: 'Fine-tune of',
  adapter: 'Adapter of',
  quantized: 'Quantization of',
  merge: 'Merge of',
  unknown: 'Derived from',
};

export const CHILDREN_LABEL: Record<string, string> = {
  finetune: 'Fine-tunes',
  adapter: 'Adapters',
  quantized: 'Quantizations',
  merge: 'Merges',
};

export function ago(fetchedAt: number | undefined, now = Date.now()): string {
  if (!fetchedAt) return '';
  const seconds = Math.max(0, Math.round((now - fetchedAt) / 1000));
  if (seconds < 60) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.round(hours / 24)} days ago`;
}

export function until(at: number | undefined, now = Date.now()): string {
  if (!at) return 'shortly';
  const seconds = Math.max(1, Math.round((at - now) / 1000));
  if (seconds < 90) return `in ${seconds} s`;
  return `in ${Math.round(seconds / 60)} min`;
}

/** HF Drift holds back by its own choice: half of the Hub's rate limit is the user's. */
export function pausedSentence(retryAt: number | undefined): string {
  return `Paused so your own use of the Hub keeps its share of the rate limit; HF Drift resumes ${until(retryAt)}.`;
}

export function percent(share: number | undefined): string {
  return share === undefined || !Number.isFinite(share) ? '—' : `${Math.round(share * 100)} %`;
}

/** 1605 → "1,605". Not toLocaleString: the first Intl call of a page costs tens of milliseconds. */
export { formatCount as count } from '../../lib/drift/sanitize';

/** A sentence for a person, per failure kind. */
export function errorSentence(error: HubError, subject = 'This model'): string {
  switch (error.kind) {
    case 'not-found':
      return `${subject} could not be found on the Hub: it may have been deleted, renamed or made private.`;
    case 'gated':
      return `${subject} is gated: its details need approved access. Add a Hub token in the options if you have access.`;
    case 'rate-limited':
      return error.paused ? pausedSentence(error.retryAt) : `The Hub asked us to slow down. HF Drift will try again ${until(error.retryAt)}.`;
    case 'offline':
      return 'The Hub cannot be reached right now (offline?).';
    case 'timeout':
      return 'The Hub took too long to answer.';
    case 'malformed':
      return 'The Hub sent data HF Drift could not read.';
    case 'server':
      return 'The Hub had a server error.';
    case 'bad-request':
      return 'The Hub refused the request.';
    default:
      return error.message || 'Something went wrong.';
  }
}

export function chainEndSentence(reason: ChainEndReason, at?: string): string {
  switch (reason) {
    case 'root':
      return at ? `${at} is the root: it declares no base model.` : 'This model declares no base model.';
    case 'cycle':
      return `The base_model links loop back to ${at ?? 'an earlier model'}: the chain stops here.`;
    case 'depth-cap':
      return 'The chain is longer than HF Drift follows; it stops here.';
    case 'not-found':
      return `${at ?? 'An ancestor'} is missing from the Hub (deleted, renamed or private): the chain ends here.`;
    case 'gated':
      return `${at ?? 'An ancestor'} is gated: its own parents cannot be read without access.`;
    default:
      return `${at ?? 'An ancestor'} could not be read: the chain ends here.`;
  }
}

export function modelUrl(id: string): string {
  return `https://huggingface.co/${id.split('/').map(encodeURIComponent).join('/')}`;
}

/** The relations with children on the Hub, each with its count. */
export function childEntries(report: ModelReport): [relation: string, n: number][] {
  return Object.entries(report.childrenCount ?? {}).filter((entry): entry is [string, number] => {
    const n = entry[1];
    return typeof n === 'number' && n > 0;
  });
}
