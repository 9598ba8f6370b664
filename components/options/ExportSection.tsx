// Export of a model's family drift report (one row per sampled child) as CSV or JSON.
import { useEffect, useState } from 'preact/hooks';
import { ask } from '../../lib/messages';
import { modelIdFromUrl } from '../../lib/page/detect';
import { count, errorSentence } from '../shared/format';
import { exportBomFile } from '../shared/ExportBomButton';
import { exportFileName, familyCsv } from './csv';
import { downloadText } from './download';
import { NO_BACKGROUND, Status, useStatus } from './Status';

type Format = 'csv' | 'json';

/** Accepts an id (`owner/name`) or a model page URL. */
function modelIdFromInput(input: string): string | null {
  const text = input.trim();
  if (!text) return null;
  if (/^https?:\/\//i.test(text)) return modelIdFromUrl(text);
  return /^[\w.-]+(\/[\w.-]+)?$/.test(text) ? text : null;
}

export function ExportSection() {
  const [modelId, setModelId] = useState('');
  const [busy, setBusy] = useState(false);
  const { status, info, ok, error } = useStatus();

  useEffect(() => {
    let current = true;
    ask('active-model', {}).then(
      // Prefill only while the user has not typed anything.
      (answer) => current && answer?.id && setModelId((typed) => typed || answer.id!),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, []);

  const run = async (format: Format) => {
    const id = modelIdFromInput(modelId);
    if (!id) {
      error('Enter a model id such as meta-llama/Llama-3.1-8B, or a model page address.');
      return;
    }
    setBusy(true);
    info(`Reading the family of ${id}…`);
    try {
      const answer = await ask('export-family', { id });
      if (!answer.ok) {
        error(`Export failed: ${errorSentence(answer.error, id)}`);
        return;
      }
      const data = answer.data;
      if (!data.rows.length) {
        error(`${data.parentId} has no children on the Hub to export.`);
        return;
      }
      if (format === 'csv') {
        // The byte order mark makes spreadsheet programs read the file as UTF-8.
        downloadText(document, exportFileName(data.parentId, 'csv'), `\uFEFF${familyCsv(data)}`, 'text/csv;charset=utf-8');
      } else {
        downloadText(document, exportFileName(data.parentId, 'json'), JSON.stringify(data, null, 2), 'application/json');
      }
      const n = data.rows.length;
      ok(
        `Exported ${count(n)} ${n === 1 ? 'child' : 'children'} of ${data.parentId} as ${format.toUpperCase()}` +
          (data.sampled ? ' (a sample: the family has more children).' : '.'),
      );
    } catch {
      error(NO_BACKGROUND);
    } finally {
      setBusy(false);
    }
  };

  const runBom = async () => {
    const id = modelIdFromInput(modelId);
    if (!id) {
      error('Enter a model id such as meta-llama/Llama-3.1-8B, or a model page address.');
      return;
    }
    setBusy(true);
    info(`Reading the lineage of ${id} up to its root…`);
    try {
      const outcome = await exportBomFile(id, document);
      if (outcome.state === 'error') error(outcome.message);
      else ok(outcome.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card" aria-labelledby="export-title">
      <h2 id="export-title">Export a family drift report</h2>
      <p class="help" id="export-help">
        One row per sampled child of the model: its license, languages, task and library, and how each drifted from
        the model. Large families are sampled. The AI-BOM is a CycloneDX 1.6 document of the model and its whole
        lineage up to the root, for Dependency-Track or an audit folder.
      </p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void run('csv');
        }}
      >
        <label for="export-model">Model id</label>
        <div class="row">
          <input
            id="export-model"
            type="text"
            autocomplete="off"
            spellcheck={false}
            placeholder="owner/model"
            aria-describedby="export-help"
            value={modelId}
            onInput={(event) => setModelId((event.currentTarget as HTMLInputElement).value)}
          />
        </div>
        <div class="row">
          <button type="submit" disabled={busy} aria-busy={busy}>
            Export CSV
          </button>
          <button type="button" disabled={busy} onClick={() => void run('json')}>
            Export JSON
          </button>
          <button type="button" disabled={busy} data-action="export-bom" onClick={() => void runBom()}>
            Export AI-BOM (CycloneDX)
          </button>
        </div>
      </form>
      <Status status={status} />
    </section>
  );
}
