import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Options } from '../../../components/options/Options';
import { FAMILY_CSV_COLUMNS } from '../../../components/options/csv';
import { ask } from '../../../lib/messages';
import type { CacheStatsView } from '../../../lib/report/types';
import { maskToken, readCacheSettings, readSwitches, readToken, writeToken } from '../../../lib/settings/settings';
import { parseCsv } from '../../support/csv-parse.mjs';
import { FAMILY } from './fixtures';
import { answerAsk, askCalls, settle, type Handlers } from './harness';

vi.mock('../../../lib/messages', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../lib/messages')>()),
  ask: vi.fn(),
}));

const NOW = Date.UTC(2026, 1, 2, 12, 0, 0);
const TOKEN = 'hf_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789';
const STATS: CacheStatsView = { entries: 1234, bytes: 2.5 * 1024 * 1024, oldestFetchedAt: NOW - 3 * 3600_000, ttlHours: 24, available: true };
const EMPTY_STATS: CacheStatsView = { entries: 0, bytes: 0, ttlHours: 24, available: true };

function answer(handlers: Handlers) {
  vi.mocked(ask).mockReset();
  answerAsk({
    'active-model': async () => ({ id: null }),
    'cache-stats': async () => STATS,
    'settings-changed': async () => ({ ok: true }),
    ...handlers,
  });
}

async function openOptions() {
  render(<Options />);
  await settle();
}

const section = (name: RegExp) => screen.getByRole('region', { name });
const sectionStatus = (name: RegExp) => within(section(name)).getByRole('status').textContent;

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(NOW);
  fakeBrowser.reset();
  answer({});
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('options: Hub token', () => {
  it('saves a pasted token and shows it only masked', async () => {
    const consoleSpies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) => vi.spyOn(console, m));
    await openOptions();
    expect(within(section(/Hub access token/)).getByText(/No token saved/)).toBeTruthy();

    const field = screen.getByLabelText('Token') as HTMLInputElement;
    expect(field.type).toBe('password');
    fireEvent.input(field, { target: { value: `  ${TOKEN} ` } });
    fireEvent.click(screen.getByRole('button', { name: 'Save token' }));
    await settle();

    expect(await readToken()).toBe(TOKEN);
    expect(askCalls('settings-changed')).toHaveLength(1);
    expect(screen.getByText(maskToken(TOKEN))).toBeTruthy();
    expect((screen.getByLabelText('Replace the token') as HTMLInputElement).value).toBe('');
    expect(document.body.textContent).not.toContain(TOKEN);
    expect(document.body.textContent).not.toContain(TOKEN.slice(3, 20));
    expect(sectionStatus(/Hub access token/)).toContain('sends it only to huggingface.co');
    for (const spy of consoleSpies) {
      for (const call of spy.mock.calls) expect(JSON.stringify(call)).not.toContain(TOKEN.slice(3));
    }
  });

  it('shows a token saved earlier masked', async () => {
    await writeToken(TOKEN);
    await openOptions();
    expect(screen.getByText(maskToken(TOKEN))).toBeTruthy();
    expect(document.body.textContent).not.toContain(TOKEN);
  });

  it('reports the account name when the saved token works', async () => {
    await writeToken(TOKEN);
    answer({ 'test-token': async () => ({ ok: true, name: 'alice' }) });
    await openOptions();
    fireEvent.click(screen.getByRole('button', { name: 'Test token' }));
    await settle();
    // The saved token stays in the background: the page sends none.
    expect(askCalls('test-token')).toEqual([['test-token', { token: undefined }]]);
    expect(sectionStatus(/Hub access token/)).toBe('The token works: signed in as alice.');
  });

  it('tests the token in the field before it is saved, and reports the error', async () => {
    answer({ 'test-token': async () => ({ ok: false, error: { kind: 'not-found', status: 401, message: 'The Hub did not recognise this token (401).' } }) });
    await openOptions();
    fireEvent.input(screen.getByLabelText('Token'), { target: { value: 'hf_wrong' } });
    fireEvent.click(screen.getByRole('button', { name: 'Test token' }));
    await settle();
    expect(askCalls('test-token')).toEqual([['test-token', { token: 'hf_wrong' }]]);
    expect(sectionStatus(/Hub access token/)).toBe('The token test failed: The Hub did not recognise this token (401).');
    expect(await readToken()).toBeUndefined();
  });

  it('says when the Hub could not be asked to check the token', async () => {
    await writeToken(TOKEN);
    answer({ 'test-token': async () => ({ ok: false, error: { kind: 'offline', message: 'fetch failed' } }) });
    await openOptions();
    fireEvent.click(screen.getByRole('button', { name: 'Test token' }));
    await settle();
    expect(sectionStatus(/Hub access token/)).toBe('The token test failed: The Hub cannot be reached right now (offline?).');
  });

  it('removes the token', async () => {
    await writeToken(TOKEN);
    await openOptions();
    fireEvent.click(screen.getByRole('button', { name: 'Remove token' }));
    await settle();
    expect(await readToken()).toBeUndefined();
    expect(within(section(/Hub access token/)).getByText(/No token saved/)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Remove token' }) as HTMLButtonElement).disabled).toBe(true);
    expect(askCalls('settings-changed')).toHaveLength(1);
  });
});

describe('options: feature switches', () => {
  it('shows the stored switches as labelled checkboxes and persists a change', async () => {
    await openOptions();
    const panel = screen.getByRole('checkbox', { name: 'Drift panel on model pages' }) as HTMLInputElement;
    const badges = screen.getByRole('checkbox', { name: 'Drift badges on model listings' }) as HTMLInputElement;
    const family = screen.getByRole('checkbox', { name: 'Family statistics' }) as HTMLInputElement;
    expect([panel.checked, badges.checked, family.checked]).toEqual([true, true, true]);

    fireEvent.click(family);
    await settle();
    expect(await readSwitches()).toEqual({ panel: true, badges: true, familyStats: false });
    expect(askCalls('settings-changed')).toHaveLength(1);
    expect(sectionStatus(/Features/)).toBe('Family statistics: off.');

    cleanup();
    await openOptions();
    expect((screen.getByRole('checkbox', { name: 'Family statistics' }) as HTMLInputElement).checked).toBe(false);
  });
});

describe('options: cache', () => {
  it('shows entry count, size and oldest entry, and clears the cache', async () => {
    answer({ 'cache-clear': async () => EMPTY_STATS });
    await openOptions();
    const cache = within(section(/Cache/));
    expect(cache.getByText('1,234')).toBeTruthy();
    expect(cache.getByText('2.5 MB')).toBeTruthy();
    expect(cache.getByText('3 h ago')).toBeTruthy();

    fireEvent.click(cache.getByRole('button', { name: 'Clear cache' }));
    await settle();
    expect(askCalls('cache-clear')).toHaveLength(1);
    expect(cache.getByText('0')).toBeTruthy();
    expect(cache.getByText('none')).toBeTruthy();
    expect(sectionStatus(/Cache/)).toContain('Cache cleared.');
  });

  it('says when the cache is unavailable', async () => {
    answer({ 'cache-stats': async () => ({ ...EMPTY_STATS, available: false }) });
    await openOptions();
    expect(within(section(/Cache/)).getByText(/cache is not available/)).toBeTruthy();
  });

  it('saves the freshness time in hours and tells the background; refuses nonsense', async () => {
    await openOptions();
    const ttl = screen.getByLabelText('Keep data fresh for (hours)') as HTMLInputElement;
    expect(ttl.value).toBe('24');

    fireEvent.input(ttl, { target: { value: '0' } });
    fireEvent.click(within(section(/Cache/)).getByRole('button', { name: 'Save' }));
    await settle();
    expect(sectionStatus(/Cache/)).toBe('Enter a number of hours from 1 to 720.');
    expect((await readCacheSettings()).ttlHours).toBe(24);
    expect(askCalls('settings-changed')).toHaveLength(0);

    fireEvent.input(ttl, { target: { value: '48' } });
    fireEvent.click(within(section(/Cache/)).getByRole('button', { name: 'Save' }));
    await settle();
    expect((await readCacheSettings()).ttlHours).toBe(48);
    expect(askCalls('settings-changed')).toHaveLength(1);
    expect(sectionStatus(/Cache/)).toBe('Saved: cached data counts as fresh for 48 hours.');
  });
});

describe('options: family export', () => {
  let blobs: Blob[];
  let downloads: string[];

  beforeEach(() => {
    blobs = [];
    downloads = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return `blob:hf-drift/${blobs.length}`;
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push(this.download);
    });
  });

  it('prefills the active model and downloads a CSV with one row per sampled child', async () => {
    answer({
      'active-model': async () => ({ id: FAMILY.parentId }),
      'export-family': async () => ({ ok: true, data: FAMILY }),
    });
    await openOptions();
    expect((screen.getByLabelText('Model id') as HTMLInputElement).value).toBe(FAMILY.parentId);

    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    await settle();
    expect(askCalls('export-family')).toEqual([['export-family', { id: FAMILY.parentId }]]);
    expect(downloads).toEqual(['hf-drift-family_meta-llama_Llama-3.1-8B.csv']);
    expect(blobs[0].type).toBe('text/csv;charset=utf-8');
    const text = await blobs[0].text();
    const [header, ...rows] = parseCsv(text.replace(/^\uFEFF/, ''));
    expect(header).toEqual([...FAMILY_CSV_COLUMNS]);
    expect(rows.map((r) => r[1])).toEqual(FAMILY.rows.map((r) => r.child));
    expect(sectionStatus(/Export/)).toBe(
      'Exported 4 children of meta-llama/Llama-3.1-8B as CSV (a sample: the family has more children).',
    );
  });

  it('downloads the same report as JSON', async () => {
    answer({ 'export-family': async () => ({ ok: true, data: FAMILY }) });
    await openOptions();
    fireEvent.input(screen.getByLabelText('Model id'), { target: { value: 'https://huggingface.co/meta-llama/Llama-3.1-8B/tree/main' } });
    fireEvent.click(screen.getByRole('button', { name: 'Export JSON' }));
    await settle();
    expect(askCalls('export-family')).toEqual([['export-family', { id: 'meta-llama/Llama-3.1-8B' }]]);
    expect(downloads).toEqual(['hf-drift-family_meta-llama_Llama-3.1-8B.json']);
    expect(JSON.parse(await blobs[0].text())).toEqual(FAMILY);
  });

  it('reports failures and empty families as sentences, without a file', async () => {
    answer({ 'export-family': async ({ id }) => (id === 'gone/model' ? { ok: false, error: { kind: 'not-found', message: '' } } : { ok: true, data: { ...FAMILY, parentId: id, rows: [] } }) });
    await openOptions();
    const field = screen.getByLabelText('Model id');

    fireEvent.input(field, { target: { value: 'gone/model' } });
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    await settle();
    expect(sectionStatus(/Export/)).toBe(
      'Export failed: gone/model could not be found on the Hub: it may have been deleted, renamed or made private.',
    );

    fireEvent.input(field, { target: { value: 'lonely/model' } });
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    await settle();
    expect(sectionStatus(/Export/)).toBe('lonely/model has no children on the Hub to export.');

    fireEvent.input(field, { target: { value: 'not a model id' } });
    fireEvent.click(screen.getByRole('button', { name: 'Export JSON' }));
    await settle();
    expect(sectionStatus(/Export/)).toMatch(/^Enter a model id/);
    expect(askCalls('export-family')).toHaveLength(2);
    expect(downloads).toEqual([]);
  });
});
