// The panel's lineage graph: its license change per chain step (derived in lib/report) and what it draws
// for a relicensed fine-tune, a merge with many parents and a long chain.
import { cleanup, fireEvent, render } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { exploreLink } from '../../../components/lineage/explore';
import { LineageGraph, lineageRows } from '../../../components/lineage/LineageGraph';
import { ask } from '../../../lib/messages';
import { chainLicenseChanges, edgeChangeOfDrift } from '../../../lib/report/lineage';
import type { ModelReport, ParentReport } from '../../../lib/report/types';

vi.mock('../../../lib/messages', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../lib/messages')>()),
  ask: vi.fn(async () => ({ ok: true })),
}));

afterEach(cleanup);

function report(partial: Partial<ModelReport>): ModelReport {
  return { id: 'sky/chat', state: 'ready', stale: false, parents: [], chain: [], family: [], familyPending: false, notices: [], ...partial };
}

const parent = (id: string, kind?: string, relation: ParentReport['relation'] = 'finetune'): ParentReport =>
  ({ id, relation, diff: kind ? { license: { kind } } : undefined }) as unknown as ParentReport;

describe('license change along the chain', () => {
  it('relaxed, same, tightened and unknown steps from the licenses the chain holds', () => {
    // model (apache) ← instruct (llama3.1) ← base (llama3.1) ← mit-root (mit) ← missing
    expect(chainLicenseChanges(['apache-2.0'], [{ licenses: ['llama3.1'] }, { licenses: ['llama3.1'] }, { licenses: ['mit'] }, {}])).toEqual([
      'relaxed',
      'same',
      'tightened',
      'unknown',
    ]);
  });

  it('maps the drift engine\'s verdict to the four graph words', () => {
    expect(['relaxed', 'tightened', 'sideways', 'same', 'dropped', undefined].map((k) => edgeChangeOfDrift(k as never))).toEqual([
      'relaxed',
      'tightened',
      'same',
      'same',
      'unknown',
      'unknown',
    ]);
  });
});

describe('the drawn graph', () => {
  const relicensed = report({
    parents: [parent('meta/instruct', 'relaxed')],
    chain: [
      { id: 'meta/instruct', relation: 'finetune', licenses: ['llama3.1'], licenseChange: 'relaxed' },
      { id: 'meta/base', relation: 'finetune', licenses: ['llama3.1'], licenseChange: 'same' },
    ],
    chainEnd: { reason: 'root', at: 'meta/base' },
    childrenCount: { quantized: 3, finetune: 12 },
  });

  it('draws root → parent → this model with the relaxed edge marked, each model a link with a name', () => {
    const { container } = render(<LineageGraph report={relicensed} />);
    const svg = container.querySelector('svg[data-lineage-graph]')!;
    expect([...svg.querySelectorAll('[data-node]')].map((n) => n.getAttribute('data-node'))).toEqual(['meta/base', 'meta/instruct', 'sky/chat']);
    const edges = Object.fromEntries([...svg.querySelectorAll('[data-edge]')].map((e) => [e.getAttribute('data-edge'), e.getAttribute('data-change')]));
    expect(edges).toEqual({ 'meta/base>meta/instruct': 'same', 'meta/instruct>sky/chat': 'relaxed' });
    // Not colour alone: the relaxed edge carries a mark, and the legend names all four.
    expect(svg.querySelector('[data-change="relaxed"] .lg-mark')?.textContent).toBe('!');
    expect(svg.querySelector('.lg-legend')?.textContent).toMatch(/relaxed.*tightened.*same.*unknown/);
    const self = svg.querySelector('[data-node="sky/chat"]')!;
    expect(self.getAttribute('href')).toBe('https://huggingface.co/sky/chat');
    expect(self.getAttribute('aria-label')).toMatch(/this model/);
    expect([...svg.querySelectorAll('[data-fanout]')].map((f) => f.textContent)).toEqual(['3 quantizations', '12 fine-tunes']);
  });

  it('folds a long chain and a merge with many parents into "+N"', () => {
    const long = report({
      parents: ['p/1', 'p/2', 'p/3', 'p/4', 'p/5'].map((id) => parent(id, 'same', 'merge')),
      chain: ['p/1', 'a/1', 'a/2', 'a/3', 'a/4', 'a/5', 'a/root'].map((id) => ({ id, relation: 'finetune' as const, licenses: ['mit'], licenseChange: 'same' as const })),
      chainEnd: { reason: 'root', at: 'a/root' },
    });
    const { rows } = lineageRows(long);
    expect(rows.map((r) => r.label)).toEqual(['a/root', '+4 more ancestors', 'a/1', 'p/1', 'p/2', '+3 more parents', 'sky/chat']);
    const { container } = render(<LineageGraph report={long} />);
    expect(container.querySelectorAll('[data-edge$=">sky/chat"]')).toHaveLength(2);
  });

  it('an HTML-looking id is drawn as text', () => {
    const { container } = render(<LineageGraph report={report({ id: 'x/<img src=x onerror=alert(1)>' })} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toContain('<img');
  });

  it('"Explore the whole family" asks the background to open the explorer', () => {
    const onClick = (event: MouseEvent) => {
      event.preventDefault();
      void ask('open-family', { id: 'sky/chat' });
    };
    const { container } = render(<LineageGraph report={relicensed} explore={{ href: 'chrome-extension://x/family.html?model=sky%2Fchat', onClick }} />);
    fireEvent.click(container.querySelector('a[data-action="explore-family"]')!);
    expect(vi.mocked(ask)).toHaveBeenCalledWith('open-family', { id: 'sky/chat' });
  });

  it('on a Hub page the link does not reveal the extension\'s URL (its per-install id) to the page', () => {
    expect(location.origin).toBe('https://huggingface.co');
    expect(exploreLink('sky/chat').href).toBe('#explore-family');
  });
});
