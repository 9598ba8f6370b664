import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Popup } from '../../../components/popup/Popup';
import { SEARCH_DEBOUNCE_MS } from '../../../components/popup/SearchView';
import { ask } from '../../../lib/messages';
import { subscribeReport } from '../../../lib/report/subscribe';
import type { ModelReport } from '../../../lib/report/types';
import { writeSwitches } from '../../../lib/settings/settings';
import { badge, readyReport, RELAXED_BADGE, result, searchResponse } from './fixtures';
import { answerAsk, askCalls, settle, type Handlers } from './harness';

vi.mock('../../../lib/messages', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../lib/messages')>()),
  ask: vi.fn(),
}));
vi.mock('../../../lib/report/subscribe', () => ({ subscribeReport: vi.fn() }));

const NOW = Date.UTC(2026, 1, 2, 12, 0, 0);
let pushReport: ((report: ModelReport) => void) | null;
const refresh = vi.fn();
const close = vi.fn();

/** The background's answers for one test; by default no active model and nothing recent. */
function answer(handlers: Handlers) {
  vi.mocked(ask).mockReset();
  answerAsk({ 'active-model': async () => ({ id: null }), recent: async () => searchResponse([]), ...handlers });
}

async function openPopup() {
  render(<Popup />);
  await settle();
  return screen.queryByRole('combobox') as HTMLInputElement | null;
}

async function type(input: HTMLInputElement, text: string) {
  fireEvent.input(input, { target: { value: text } });
  await settle();
}

const searchCalls = () => askCalls('search');
const options = () => within(screen.getByRole('listbox')).queryAllByRole('option');
const status = () => screen.getAllByRole('status').map((el) => el.textContent).join(' ');
const panelRoot = () => document.querySelector('[data-hf-drift="popup-panel"]')?.shadowRoot ?? null;

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(NOW);
  fakeBrowser.reset();
  answer({});
  pushReport = null;
  refresh.mockReset();
  close.mockReset();
  vi.mocked(subscribeReport).mockReset();
  vi.mocked(subscribeReport).mockImplementation((_request, onReport) => {
    pushReport = onReport;
    return { refresh, close };
  });
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('popup search', () => {
  it('waits for a pause in typing, then shows the results with their drift badges', async () => {
    answer({
      search: async ({ query }) =>
        searchResponse([
          result('skyforge/Sky-Chat-8B', { badge: RELAXED_BADGE, pipelineTag: 'text-generation', downloads: 12_300 }),
          result('meta-llama/Llama-3.1-8B', { badge: badge({ id: 'meta-llama/Llama-3.1-8B', hasParent: false }) }),
          result(`${query}/exact`, { badge: badge({ id: `${query}/exact` }) }),
        ]),
    });
    const input = (await openPopup())!;
    await type(input, 'l');
    await settle(100);
    await type(input, 'lla');
    await settle(100);
    await type(input, 'llama');
    await settle(SEARCH_DEBOUNCE_MS - 1);
    expect(searchCalls()).toHaveLength(0);

    await settle(1);
    expect(searchCalls()).toEqual([['search', { query: 'llama' }]]);
    expect(input.getAttribute('aria-expanded')).toBe('true');
    const [sky, llama, exact] = options();
    expect(sky.textContent).toContain('skyforge/Sky-Chat-8B');
    expect(sky.textContent).toContain('text-generation · 12.3K downloads');
    expect(sky.textContent).toContain('License relaxed: llama3.1 → apache-2.0');
    expect(llama.querySelector('.hfd-badge')).toBeNull(); // a root model: no badge
    expect(exact.textContent).toContain('no drift');
    expect(status()).toContain('3 models found.');
  });

  it('moves through the results with ↑/↓ and opens the chosen one with Enter', async () => {
    answer({ search: async () => searchResponse([result('a/one'), result('b/two'), result('c/three')]) });
    const input = (await openPopup())!;
    await type(input, 'model');
    await settle(SEARCH_DEBOUNCE_MS);

    fireEvent.keyDown(input, { key: 'ArrowDown' });
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    await settle();
    const [, second] = options();
    expect(input.getAttribute('aria-activedescendant')).toBe(second.id);
    expect(second.getAttribute('aria-selected')).toBe('true');

    fireEvent.keyDown(input, { key: 'ArrowUp' });
    fireEvent.keyDown(input, { key: 'ArrowUp' }); // wraps to the last
    await settle();
    expect(input.getAttribute('aria-activedescendant')).toBe(options()[2].id);

    fireEvent.keyDown(input, { key: 'Enter' });
    await settle();
    expect(vi.mocked(subscribeReport)).toHaveBeenCalledWith({ id: 'c/three', familyStats: true }, expect.any(Function));
    expect(screen.getByRole('heading', { name: 'c/three' })).toBeTruthy();
    const open = screen.getByRole('link', { name: /Open model page/ }) as HTMLAnchorElement;
    expect(open.href).toBe('https://huggingface.co/c/three');
  });

  it('clears the search with Escape and goes back to the recent models', async () => {
    answer({
      recent: async () => searchResponse([result('recent/model')]),
      search: async () => searchResponse([result('a/one')]),
    });
    const input = (await openPopup())!;
    await type(input, 'one');
    await settle(SEARCH_DEBOUNCE_MS);
    expect(options().map((o) => o.textContent)).toEqual(['a/one']);

    fireEvent.keyDown(input, { key: 'Escape' });
    await settle();
    expect(input.value).toBe('');
    expect(options().map((o) => o.textContent)).toEqual(['recent/model']);
  });

  it('shows only the answer to the latest query when answers arrive out of order', async () => {
    const slow: ((value: ReturnType<typeof searchResponse>) => void)[] = [];
    answer({ search: ({ query }) => (query === 'old' ? new Promise((resolve) => slow.push(resolve)) : Promise.resolve(searchResponse([result('new/model')]))) });
    const input = (await openPopup())!;
    await type(input, 'old');
    await settle(SEARCH_DEBOUNCE_MS);
    await type(input, 'new');
    await settle(SEARCH_DEBOUNCE_MS);
    slow[0](searchResponse([result('old/model')]));
    await settle();
    expect(options().map((o) => o.textContent)).toEqual(['new/model']);
  });
});

describe('popup start and empty state', () => {
  it('starts on the model of the active Hub tab and goes back to the search', async () => {
    answer({ 'active-model': async () => ({ id: 'skyforge/Sky-Chat-8B' }), recent: async () => searchResponse([result('skyforge/Sky-Chat-8B')]) });
    await openPopup();
    expect(vi.mocked(subscribeReport)).toHaveBeenCalledWith({ id: 'skyforge/Sky-Chat-8B', familyStats: true }, expect.any(Function));
    expect(screen.queryByRole('combobox')).toBeNull(); // the search is hidden underneath

    // The same panel as on model pages, rendered from the pushed report.
    expect(panelRoot()!.textContent).toContain('Reading lineage…');
    act(() => pushReport!(readyReport('skyforge/Sky-Chat-8B', 'meta-llama/Llama-3.1-8B')));
    expect(panelRoot()!.textContent).toContain('Fine-tune of');
    expect(panelRoot()!.querySelector('a[data-parent="meta-llama/Llama-3.1-8B"]')).toBeTruthy();
    const refreshButton = within(panelRoot() as unknown as HTMLElement).getByRole('button', { name: 'Refresh drift data' });
    fireEvent.click(refreshButton);
    expect(refresh).toHaveBeenCalledOnce();
    // The subscription shows the last report marked as refreshing until the refreshed one arrives: the
    // summary says so and a second press asks nothing more.
    act(() => pushReport!({ ...readyReport('skyforge/Sky-Chat-8B', 'meta-llama/Llama-3.1-8B'), refreshing: true }));
    expect(panelRoot()!.querySelector('.freshness')!.textContent).toContain('refreshing…');
    expect(refreshButton.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(refreshButton);
    expect(refresh).toHaveBeenCalledOnce();
    act(() => pushReport!(readyReport('skyforge/Sky-Chat-8B', 'meta-llama/Llama-3.1-8B')));
    expect(panelRoot()!.querySelector('.freshness')!.textContent).not.toContain('refreshing');
    expect(refreshButton.getAttribute('aria-disabled')).toBe('false');

    fireEvent.click(screen.getByRole('button', { name: /Back to search/ }));
    await settle();
    expect(close).toHaveBeenCalled();
    const input = screen.getByRole('combobox');
    expect(document.activeElement).toBe(input);
    expect(options().map((o) => o.textContent)).toEqual(['skyforge/Sky-Chat-8B']);
  });

  it('follows a lineage link inside the popup and opens other links in a tab', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({} as never);
    answer({ 'active-model': async () => ({ id: 'skyforge/Sky-Chat-8B' }) });
    await openPopup();
    act(() => pushReport!(readyReport('skyforge/Sky-Chat-8B', 'meta-llama/Llama-3.1-8B')));

    fireEvent.click(screen.getByRole('link', { name: /Open model page/ }));
    expect(create).toHaveBeenCalledWith({ url: 'https://huggingface.co/skyforge/Sky-Chat-8B' });

    const parentLink = panelRoot()!.querySelector('a[data-parent="meta-llama/Llama-3.1-8B"]')!;
    const followed = fireEvent.click(parentLink);
    await settle();
    expect(followed).toBe(false); // the popup did not navigate
    expect(vi.mocked(subscribeReport)).toHaveBeenLastCalledWith({ id: 'meta-llama/Llama-3.1-8B', familyStats: true }, expect.any(Function));
    expect(screen.getByRole('heading', { name: 'meta-llama/Llama-3.1-8B' })).toBeTruthy();
  });

  it('asks for no family statistics when the user switched them off', async () => {
    await writeSwitches({ familyStats: false });
    answer({ 'active-model': async () => ({ id: 'gpt2' }) });
    await openPopup();
    expect(vi.mocked(subscribeReport)).toHaveBeenCalledWith({ id: 'gpt2', familyStats: false }, expect.any(Function));
  });

  it('lists the recently viewed models when there is no active model', async () => {
    answer({ recent: async () => searchResponse([result('skyforge/Sky-Chat-8B', { badge: RELAXED_BADGE }), result('gpt2')]) });
    const input = (await openPopup())!;
    expect(screen.getByRole('heading', { name: 'Recently viewed' })).toBeTruthy();
    expect(screen.getByRole('listbox', { name: 'Recently viewed models' })).toBeTruthy();
    expect(options().map((o) => o.getAttribute('data-model'))).toEqual(['skyforge/Sky-Chat-8B', 'gpt2']);
    expect(options()[0].textContent).toContain('License relaxed');

    fireEvent.click(options()[1]);
    await settle();
    expect(vi.mocked(subscribeReport)).toHaveBeenCalledWith({ id: 'gpt2', familyStats: true }, expect.any(Function));
    expect(input.closest('section')!.hidden).toBe(true);
  });

  it('says so when nothing was viewed yet', async () => {
    await openPopup();
    expect(status()).toContain('No recently viewed models yet. Type a model name to search the Hub.');
    expect(screen.getByRole('combobox').getAttribute('aria-expanded')).toBe('false');
  });
});

describe('popup failures are sentences', () => {
  async function searchFor(query: string) {
    const input = (await openPopup())!;
    await type(input, query);
    await settle(SEARCH_DEBOUNCE_MS);
  }

  it('offline: says so and still lists the matching cached models', async () => {
    answer({
      search: async () =>
        searchResponse([result('gpt2', { badge: badge({ id: 'gpt2', hasParent: false }) })], {
          fromCache: true,
          error: { kind: 'offline', message: 'Network error' },
        }),
    });
    await searchFor('gpt');
    expect(status()).toContain('You are offline: the Hub cannot be reached. Showing the saved model that matches.');
    expect(options().map((o) => o.getAttribute('data-model'))).toEqual(['gpt2']);
  });

  it('offline with nothing saved: names the query', async () => {
    answer({ search: async () => searchResponse([], { fromCache: true, error: { kind: 'offline', message: '' } }) });
    await searchFor('mistral');
    expect(status()).toContain('You are offline: the Hub cannot be reached. No saved model matches “mistral”.');
  });

  it('rate limited: says when to try again', async () => {
    answer({
      search: async () =>
        searchResponse([], { fromCache: true, error: { kind: 'rate-limited', message: '429', retryAt: NOW + 45_000 } }),
    });
    await searchFor('qwen');
    expect(status()).toContain('The Hub is limiting requests; search again in 45 s. No saved model matches “qwen”.');
  });

  it('no results: a sentence, not an empty box', async () => {
    answer({ search: async () => searchResponse([]) });
    await searchFor('zzzz-no-such-model');
    expect(status()).toContain('No model on the Hub matches “zzzz-no-such-model”.');
    expect(screen.getByRole('combobox').getAttribute('aria-expanded')).toBe('false');
  });

  it('background not answering: says what to do', async () => {
    answer({ search: () => Promise.reject(new Error('Could not establish connection')) });
    await searchFor('llama');
    expect(status()).toContain('HF Drift could not reach its background service.');
  });

  it('tells the user when the browser goes offline', async () => {
    await openPopup();
    expect(status()).not.toContain('You are offline');
    const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    act(() => void window.dispatchEvent(new Event('offline')));
    expect(status()).toContain('You are offline. Search still finds models saved in the cache.');
    onLine.mockRestore();
  });
});
