// The panel's details on a Hub page: their code is a view module of its own, fetched the first time a user
// opens them; a failed fetch says so and can be tried again. The popup draws them directly.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { act, cleanup, fireEvent, render, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DriftPanel } from '../../../components/panel/DriftPanel';
import { PanelDetails } from '../../../components/panel/PanelDetails';
import { FetchedDetails } from '../../../lib/features/model-panel-view';
import { UI_FILES } from '../../../lib/features/ui-files';
import { readyReport } from './fixtures';

const here = path.dirname(fileURLToPath(import.meta.url));
const view = (file: string) => path.join(here, 'views', file);
const evaluations = () => (globalThis as { detailsEvaluations?: number }).detailsEvaluations ?? 0;
const report = readyReport('skyforge/Sky-Chat-8B', 'meta-llama/Llama-3.1-8B-Instruct');

describe('panel details', () => {
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });

  it('without a details view the panel offers nothing to open', () => {
    const { container } = render(<DriftPanel report={report} />);
    expect(container.querySelector('.lineage-line')).not.toBeNull();
    expect(container.querySelector('.details-toggle')).toBeNull();
    expect(container.querySelector('.details')).toBeNull();
  });

  it('the popup draws them at once', () => {
    const { container } = render(<DriftPanel report={report} details={PanelDetails} defaultOpen />);
    expect(container.querySelector('.details .section.lineage')).not.toBeNull();
    expect(container.querySelector('.details style')).not.toBeNull();
  });

  it('a failed fetch says so, and "Try again" fetches again', async () => {
    const getURL = vi.spyOn(fakeBrowser.runtime, 'getURL').mockReturnValue(view('missing-view.ts') as never);
    const { container } = render(<DriftPanel report={report} details={FetchedDetails} />);
    fireEvent.click(container.querySelector('.details-toggle')!);
    expect(container.querySelector('[data-details]')?.getAttribute('data-details')).toBe('loading');
    expect(container.textContent).toContain('Loading details…');
    await waitFor(() => expect(container.querySelector('[data-details="error"]')).not.toBeNull());
    expect(container.querySelector('.details [role="status"]')?.textContent).toMatch(/could not be loaded/);
    expect(container.querySelector('.section.lineage')).toBeNull();

    getURL.mockReturnValue(view('details-view.ts') as never);
    const retry = [...container.querySelectorAll<HTMLButtonElement>('.details button')].find((b) => b.textContent === 'Try again')!;
    fireEvent.click(retry);
    await waitFor(() => expect(container.querySelector('[data-details="ready"]')).not.toBeNull());
    expect(container.querySelector('.details .section.lineage')).not.toBeNull();
    expect(getURL.mock.calls.map(([file]) => file)).toEqual([UI_FILES['panel-details'], UI_FILES['panel-details']]);
  });

  it('fetched once, on first opening; drawn from that module, gone when closed, back without a fetch', async () => {
    // The module is registered by the test above; a fresh page would fetch it once, as that test shows.
    const getURL = vi.spyOn(fakeBrowser.runtime, 'getURL');
    const { container } = render(<DriftPanel report={report} details={FetchedDetails} />);
    const toggle = container.querySelector<HTMLButtonElement>('.details-toggle')!;
    // Closed: nothing of the details exists, not even their slot.
    expect(container.querySelector('[data-details]')).toBeNull();
    fireEvent.click(toggle);
    await waitFor(() => expect(container.querySelector('[data-details="ready"]')).not.toBeNull());
    expect(container.querySelector('.details .section.lineage')?.textContent).toContain('meta-llama/Llama-3.1-8B-Instruct');
    expect(container.querySelector('.details style')).not.toBeNull();
    expect(container.textContent).not.toContain('Loading details…');
    const slot = container.querySelector('[data-details]')!;
    await act(async () => {
      fireEvent.click(toggle);
    });
    await waitFor(() => expect(container.querySelector('.section.lineage')).toBeNull());
    // What the module drew was unmounted by it, not just dropped from the page.
    await waitFor(() => expect(slot.childNodes).toHaveLength(0));
    fireEvent.click(toggle);
    await waitFor(() => expect(container.querySelector('.details .section.lineage')).not.toBeNull());
    expect(getURL).not.toHaveBeenCalled();
    expect(evaluations()).toBe(1);
  });

  it('a newer report redraws the open details', async () => {
    const { container, rerender } = render(<DriftPanel report={report} details={FetchedDetails} defaultOpen />);
    await waitFor(() => expect(container.querySelector('[data-details="ready"]')).not.toBeNull());
    expect(container.querySelector('.details .notices')).toBeNull();
    rerender(<DriftPanel report={{ ...report, notices: ['A newer notice'] }} details={FetchedDetails} defaultOpen />);
    await waitFor(() => expect(container.querySelector('.details .notices')?.textContent).toBe('A newer notice'));
  });
});
