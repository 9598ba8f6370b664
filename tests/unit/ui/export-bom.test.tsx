// The "Export AI-BOM" button as a user meets it: it says it is reading the lineage and waits, saves
// `{owner}_{name}.cdx.json`, tells a partial export apart, and turns failures into sentences.
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ExportSection } from '../../../components/options/ExportSection';
import { DriftPanel } from '../../../components/panel/DriftPanel';
import { PanelDetails } from '../../../components/panel/PanelDetails';
import { ExportBomButton } from '../../../components/shared/ExportBomButton';
import { parseModel } from '../../../lib/hub/parse';
import { ask, type RequestMap } from '../../../lib/messages';
import { buildBom } from '../../../lib/report/bom';
import type { ModelReport } from '../../../lib/report/types';
import { answerAsk, askCalls, settle } from './harness';

vi.mock('../../../lib/messages', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../lib/messages')>()),
  ask: vi.fn(),
}));

const ID = 'skyforge/Sky-Chat-8B';
const model = parseModel({ id: ID, sha: 'a'.repeat(40), cardData: { license: 'apache-2.0' } })!;
const { bom } = buildBom({ id: ID, model, parents: [] }, { now: () => 0, uuid: () => '0f8fad5b-d9cb-469f-a165-70867728950e', tool: { name: 'HF Drift', version: '0.1.0' } });
type Answer = RequestMap['export-bom']['response'];

let blobs: Blob[];
let downloads: string[];

beforeEach(() => {
  vi.useFakeTimers();
  vi.mocked(ask).mockReset();
  blobs = [];
  downloads = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    blobs.push(blob as Blob);
    return `blob:https://huggingface.co/${blobs.length}`;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push(this.download);
  });
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const button = () => screen.getByRole('button', { name: /AI-BOM|Reading the lineage/ });
const status = () => screen.getByRole('status').textContent;

describe('Export AI-BOM', () => {
  it('says it is reading the lineage and waits, asks once, then saves {owner}_{name}.cdx.json', async () => {
    let answerNow: (answer: Answer) => void = () => undefined;
    answerAsk({ 'export-bom': () => new Promise<Answer>((resolve) => (answerNow = resolve)) });
    render(<ExportBomButton id={ID} />);
    expect(button().textContent).toBe('Export AI-BOM (CycloneDX)');
    expect(button().getAttribute('data-action')).toBe('export-bom');

    fireEvent.click(button());
    await settle();
    expect(button().textContent).toBe('Reading the lineage…');
    expect(button().getAttribute('aria-busy')).toBe('true');
    expect(status()).toMatch(/Reading every ancestor/);
    // A second click while it waits is not a second request.
    fireEvent.click(button());
    await settle();
    expect(askCalls('export-bom')).toEqual([['export-bom', { id: ID }]]);
    expect(downloads).toEqual([]);

    answerNow({ ok: true, bom, fileName: 'skyforge_Sky-Chat-8B.cdx.json', partial: false, missing: [] });
    await settle();
    expect(downloads).toEqual(['skyforge_Sky-Chat-8B.cdx.json']);
    expect(blobs[0].type).toBe('application/json');
    expect(JSON.parse(await blobs[0].text())).toEqual(bom);
    expect(button().textContent).toBe('Export AI-BOM (CycloneDX)');
    expect(button().getAttribute('data-bom-state')).toBe('done');
    expect(status()).toBe('Saved skyforge_Sky-Chat-8B.cdx.json (CycloneDX 1.6).');
  });

  it('a partial lineage still saves the file and says what is missing', async () => {
    answerAsk({
      'export-bom': async () => ({
        ok: true,
        bom,
        fileName: 'openfort_Fortress-13B-chat.cdx.json',
        partial: true,
        missing: [{ id: 'fortress-ai/Fortress-13B', reason: 'gated' }],
      }),
    });
    render(<ExportBomButton id="openfort/Fortress-13B-chat" />);
    fireEvent.click(button());
    await settle();
    expect(downloads).toEqual(['openfort_Fortress-13B-chat.cdx.json']);
    expect(button().getAttribute('data-bom-state')).toBe('partial');
    expect(status()).toBe(
      'Saved openfort_Fortress-13B-chat.cdx.json, but it is partial: fortress-ai/Fortress-13B is gated. The document says where the lineage stops.',
    );
  });

  it('a model that cannot be read gives a sentence and no file; a dead background too', async () => {
    answerAsk({ 'export-bom': async ({ id }) => ({ ok: false, error: { kind: 'not-found', message: '', id } }) });
    render(<ExportBomButton id="gone/model" />);
    fireEvent.click(button());
    await settle();
    expect(status()).toBe('No AI-BOM: gone/model could not be found on the Hub: it may have been deleted, renamed or made private.');
    expect(button().getAttribute('data-bom-state')).toBe('error');

    vi.mocked(ask).mockRejectedValue(new Error('Could not establish connection'));
    fireEvent.click(button());
    await settle();
    expect(status()).toMatch(/could not reach its background/);
    expect(downloads).toEqual([]);
  });

  it('is in the panel details, for the model the panel shows', () => {
    const report: ModelReport = { id: ID, state: 'ready', stale: false, parents: [], chain: [], family: [], familyPending: false, notices: [] };
    render(<DriftPanel details={PanelDetails} report={report} />);
    fireEvent.click(document.querySelector('.details-toggle')!);
    const exportButton = document.querySelector('[data-action="export-bom"]');
    expect(exportButton?.closest('.details')).toBeTruthy();
  });

  it('the options page offers it beside CSV and JSON, for the id or page address typed there', async () => {
    answerAsk({
      'active-model': async () => ({ id: null }),
      'export-bom': async ({ id }) => ({ ok: true, bom, fileName: `${id.replace('/', '_')}.cdx.json`, partial: false, missing: [] }),
    });
    render(<ExportSection />);
    await settle();
    fireEvent.input(screen.getByLabelText('Model id'), { target: { value: 'https://huggingface.co/skyforge/Sky-Chat-8B/tree/main' } });
    fireEvent.click(screen.getByRole('button', { name: 'Export AI-BOM (CycloneDX)' }));
    await settle();
    expect(askCalls('export-bom')).toEqual([['export-bom', { id: ID }]]);
    expect(downloads).toEqual(['skyforge_Sky-Chat-8B.cdx.json']);
    expect(screen.getByRole('status').textContent).toBe('Saved skyforge_Sky-Chat-8B.cdx.json (CycloneDX 1.6).');
  });
});
