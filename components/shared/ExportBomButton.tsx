// "Export AI-BOM": asks the background for the CycloneDX document of a model and its lineage, then saves
// it as `{owner}_{name}.cdx.json` without the `downloads` permission (see downloadText). Used in the
// panel's details (Hub pages and the popup) and beside CSV/JSON on the options page.
import { useState } from 'preact/hooks';
import { ask } from '../../lib/messages';
import { downloadText } from '../options/download';
import { errorSentence } from './format';

export type BomExportState = 'idle' | 'busy' | 'done' | 'partial' | 'error';

export interface BomExportOutcome {
  state: Exclude<BomExportState, 'idle' | 'busy'>;
  message: string;
}

const REASON: Record<string, string> = {
  'not-found': 'missing from the Hub',
  gated: 'gated',
  'rate-limited': 'rate limited by the Hub',
  offline: 'unreachable (offline)',
  timeout: 'too slow to answer',
  server: 'failing on the Hub’s side',
};

/**
 * Fetches the document and saves it. `container` is where the temporary link goes (inside the panel's
 * shadow root on Hub pages, so the page never sees it). Never throws.
 */
export async function exportBomFile(id: string, doc: Document, container?: ParentNode): Promise<BomExportOutcome> {
  let answer;
  try {
    answer = await ask('export-bom', { id });
  } catch {
    return { state: 'error', message: 'HF Drift could not reach its background service. Reload the page and try again.' };
  }
  if (!answer?.ok) {
    return { state: 'error', message: `No AI-BOM: ${answer ? errorSentence(answer.error, id) : 'no answer.'}` };
  }
  downloadText(doc, answer.fileName, `${JSON.stringify(answer.bom, null, 2)}\n`, 'application/json', container);
  if (!answer.partial) return { state: 'done', message: `Saved ${answer.fileName} (CycloneDX 1.6).` };
  const missing = answer.missing.map((m) => `${m.id} is ${REASON[m.reason] ?? 'unreadable'}`).join('; ');
  return {
    state: 'partial',
    message: `Saved ${answer.fileName}, but it is partial: ${missing}. The document says where the lineage stops.`,
  };
}

export function ExportBomButton({ id }: { id: string }) {
  const [state, setState] = useState<BomExportState>('idle');
  const [message, setMessage] = useState('');
  const busy = state === 'busy';

  const run = async (event: MouseEvent) => {
    if (busy) return;
    const container = (event.currentTarget as HTMLElement).parentElement ?? undefined;
    setState('busy');
    setMessage('');
    const outcome = await exportBomFile(id, document, container);
    setState(outcome.state);
    setMessage(outcome.message);
  };

  return (
    <div class="section export-bom">
      <button
        type="button"
        class="text-button"
        data-action="export-bom"
        data-bom-state={state}
        aria-disabled={busy}
        aria-busy={busy}
        aria-describedby={`hfd-bom-status-${id.replace(/[^\w-]/g, '_')}`}
        title="A CycloneDX 1.6 bill of materials of this model and its whole lineage, for Dependency-Track or an audit folder"
        onClick={(event) => void run(event)}
      >
        {busy ? 'Reading the lineage…' : 'Export AI-BOM (CycloneDX)'}
      </button>
      <p
        class={`bom-status ${state === 'error' ? 'state error' : state === 'partial' ? 'partial' : 'muted'}`}
        id={`hfd-bom-status-${id.replace(/[^\w-]/g, '_')}`}
        role="status"
        data-bom-status={state}
      >
        {busy ? 'Reading every ancestor up to the root; the file is saved when they are in.' : message}
      </p>
    </div>
  );
}
