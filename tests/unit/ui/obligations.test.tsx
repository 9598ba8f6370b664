import { cleanup, fireEvent, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { DriftPanel } from '../../../components/panel/DriftPanel';
import { PanelDetails } from '../../../components/panel/PanelDetails';
import type { ObligationResult } from '../../../lib/drift/obligation-checks';
import type { ObligationsReport } from '../../../lib/report/obligations';
import { readyReport } from './fixtures';

function result(over: Partial<ObligationResult>): ObligationResult {
  return {
    key: 'name-prefix',
    status: 'unmet',
    license: 'llama3.1',
    licenseName: 'Llama 3.1 license',
    from: 'meta-llama/Llama-3.1-8B-Instruct',
    clause: 'Llama 3.1 license §1.b.i',
    link: 'https://llama.meta.com/llama3_1/license/',
    duty: 'A derived model must have a name beginning with "Llama".',
    evidence: "the name 'Sky-Chat-8B' does not begin with 'Llama'",
    ...over,
  };
}

function obligations(results: ObligationResult[], over: Partial<ObligationsReport> = {}): ObligationsReport {
  const counts = { met: 0, unmet: 0, unknown: 0, total: results.length };
  for (const r of results) counts[r.status]++;
  return { results, counts, headline: `${counts.unmet} of ${counts.total} upstream obligations unmet`, effective: { undeclared: false }, notes: [], ...over };
}

describe('Obligations block in the panel', () => {
  afterEach(cleanup);

  it('renders each duty with the DOM contract, a mark and a word, the evidence and a clause link', () => {
    const report = {
      ...readyReport('skyforge/Sky-Chat-8B', 'meta-llama/Llama-3.1-8B-Instruct'),
      obligations: obligations([result({}), result({ key: 'license-copy', status: 'met', evidence: "the repository has 'LICENSE'", caveat: 'its text was not read' }), result({ key: 'notice', status: 'unknown', link: 'javascript:alert(1)' })]),
    };
    const { container } = render(<DriftPanel details={PanelDetails} report={report} defaultOpen />);
    const lines = [...container.querySelectorAll('[data-obligation]')];
    expect(lines.map((el) => [el.getAttribute('data-obligation'), el.getAttribute('data-status'), el.getAttribute('data-license')])).toEqual([
      ['name-prefix', 'unmet', 'llama3.1'],
      ['license-copy', 'met', 'llama3.1'],
      ['notice', 'unknown', 'llama3.1'],
    ]);
    expect(lines.map((el) => el.querySelector('.obligation-mark')?.textContent)).toEqual(['✗', '✓', '?']);
    expect(lines[0].textContent).toContain('name prefix: unmet');
    expect(lines[2].textContent).toContain('not checkable');
    expect(lines[0].querySelector('[data-evidence]')?.textContent).toBe("Evidence: the name 'Sky-Chat-8B' does not begin with 'Llama'.");
    expect(lines[1].textContent).toContain('Caveat: its text was not read.');
    expect(lines[0].querySelector('a.obligation-clause')?.getAttribute('href')).toBe('https://llama.meta.com/llama3_1/license/');
    expect(lines[2].querySelector('a')).toBeNull();
    expect(container.querySelector('[data-obligations-summary]')?.textContent).toContain('1 of 3 upstream obligations unmet');
    expect(container.querySelector('[data-flag="license-undeclared"]')).toBeNull();
    expect(container.textContent).toContain('not legal advice');
  });

  it('shows the license-undeclared flag and the inherited terms', () => {
    const report = {
      ...readyReport('tinyforge/pocket-tutor-2b', 'google/gemma-2-2b-it'),
      obligations: obligations([result({ key: 'use-restrictions', license: 'gemma' })], {
        effective: { undeclared: true, text: 'no license stated — Gemma Terms of Use terms apply', from: { id: 'google/gemma-2-2b-it', key: 'gemma', name: 'Gemma Terms of Use' } },
        notes: ['The Hub sent no file list for this repository, so file checks could not run.'],
      }),
    };
    const { container } = render(<DriftPanel details={PanelDetails} report={report} defaultOpen />);
    const flags = container.querySelectorAll('[data-flag="license-undeclared"]');
    expect(flags).toHaveLength(1);
    expect(flags[0].textContent).toContain('No license stated — Gemma Terms of Use terms apply');
    expect(container.querySelector('[data-effective-license="gemma"]')?.textContent).toContain('(from google/gemma-2-2b-it)');
    expect(container.textContent).toContain('file checks could not run');
  });

  it('says so when no ancestor license has catalogued duties, and shows no summary line', () => {
    const report = { ...readyReport('a/b', 'c/d'), obligations: obligations([], { headline: 'No upstream obligations to check' }) };
    const { container } = render(<DriftPanel details={PanelDetails} report={report} defaultOpen />);
    expect(container.textContent).toContain("No ancestor's license asks anything this catalogue checks.");
    expect(container.querySelector('[data-obligations-summary]')).toBeNull();
    expect(container.querySelector('[data-obligation]')).toBeNull();
  });

  it('the details (obligations, traits, family) are drawn only once opened, and stay drawn until closed', () => {
    const report = { ...readyReport('skyforge/Sky-Chat-8B', 'meta-llama/Llama-3.1-8B-Instruct'), obligations: obligations([result({})]) };
    const { container } = render(<DriftPanel details={PanelDetails} report={report} />);
    const toggle = container.querySelector<HTMLButtonElement>('.details-toggle')!;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(container.querySelector('[data-obligation]')).toBeNull();
    // The summary line does not wait for them.
    expect(container.querySelector('[data-obligations-summary]')?.textContent).toMatch(/unmet/);
    // Their styles come with them: a view whose details stay closed parses none.
    const detailsStyles = () => container.querySelectorAll('.details style');
    expect(detailsStyles()).toHaveLength(0);
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(container.querySelectorAll('[data-obligation]')).toHaveLength(1);
    expect(container.querySelector<HTMLElement>('.details')!.hidden).toBe(false);
    expect(detailsStyles()).toHaveLength(1);
    fireEvent.click(toggle);
    expect(container.querySelector<HTMLElement>('.details')!.hidden).toBe(true);
    expect(container.querySelector('[data-obligation]')).toBeNull();
  });

  it('a root report has no obligations block', () => {
    const { container } = render(<DriftPanel details={PanelDetails} report={readyReport('a/b')} />);
    expect(container.querySelector('.obligations')).toBeNull();
  });

  it('all met: the summary line says so with a check mark', () => {
    const report = {
      ...readyReport('a/Llama-x', 'c/d'),
      obligations: obligations([result({ status: 'met' })], { headline: 'All 1 upstream obligation met' }),
    };
    const { container } = render(<DriftPanel details={PanelDetails} report={report} />);
    const line = container.querySelector('[data-obligations-summary]');
    expect(line?.getAttribute('data-obligations-summary')).toBe('met');
    expect(line?.textContent).toBe('✓ All 1 upstream obligation met');
  });
});
