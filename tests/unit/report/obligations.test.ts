// @vitest-environment node
// Upstream obligations in the ModelReport, built by the real data layer against the offline Hub, plus the
// listing-badge flags and the exporter's plain records.
import { beforeEach, describe, expect, it } from 'vitest';
import { badgeSummary, diffTraits, modelTraits } from '../../../lib/drift';
import { withExtraFlags } from '../../../lib/drift/badges';
import { parseModel } from '../../../lib/hub/parse';
import type { HubModel } from '../../../lib/hub/types';
import { badgesFor } from '../../../lib/report/badges';
import {
  ancestorLicenses,
  filesOf,
  listingObligations,
  noticeFileOf,
  obligationRecords,
  withObligationFlags,
} from '../../../lib/report/obligations';
import type { ModelReport } from '../../../lib/report/types';
import { build, costOf, useHarness, type Harness } from './support';

const harness = useHarness();
let h: Harness;
beforeEach(() => {
  h = harness();
});

const first = (reports: ModelReport[]) => reports[0];

describe('obligations in the model report', () => {
  it('the relicensed fine-tune owes five Llama 3.1 duties, all unmet, with no extra request', async () => {
    const reports = await build(h.repo, { id: 'skyforge/Sky-Chat-8B', familyStats: false });
    const ob = first(reports).obligations!;
    expect(ob.headline).toBe('5 of 5 upstream obligations unmet');
    expect(ob.results.map((r) => [r.key, r.status, r.license, r.from])).toEqual(
      expect.arrayContaining([['name-prefix', 'unmet', 'llama3.1', 'meta-llama/Llama-3.1-8B-Instruct']]),
    );
    expect(ob.effective.undeclared).toBe(false);
    expect(ob.notes).toEqual([]);
    // Own expand + 2 ancestors + 2 READMEs with their hops: the same cost as before the checks.
    expect(costOf(h.hub.requests)).toEqual({ api: 3, readmes: 2, hops: 2, all: 7 });
    expect(h.hub.requests.some((r) => r.path.includes('expand%5B%5D=siblings') || r.path.includes('expand[]=siblings'))).toBe(true);
  });

  it('the compliant sibling has every duty met, its NOTICE read once and cached', async () => {
    const reports = await build(h.repo, { id: 'complylab/Llama-3.1-8B-Helpdesk', familyStats: false });
    const ob = first(reports).obligations!;
    expect(ob.counts).toEqual({ met: 5, unmet: 0, unknown: 0, total: 5 });
    expect(ob.results.find((r) => r.key === 'notice')?.evidence).toMatch(/^NOTICE line 1 says/);
    expect(h.hub.requests.filter((r) => r.pathname.endsWith('/NOTICE'))).toHaveLength(2); // resolve + its hop
    h.hub.resetRequests();
    await build(h.repo, { id: 'complylab/Llama-3.1-8B-Helpdesk', familyStats: false });
    expect(h.hub.requests).toEqual([]);
  });

  it('the Gemma derivative without a license inherits Gemma terms and duties', async () => {
    const ob = first(await build(h.repo, { id: 'tinyforge/pocket-tutor-2b', familyStats: false })).obligations!;
    expect(ob.effective).toMatchObject({ undeclared: true, text: 'no license stated — Gemma Terms of Use terms apply', from: { id: 'google/gemma-2-2b-it' } });
    expect(ob.results.filter((r) => r.license === 'gemma').map((r) => r.key).sort()).toEqual(['license-copy', 'modification-notice', 'notice', 'use-restrictions']);
  });

  it('a root has no obligations block', async () => {
    expect(first(await build(h.repo, { id: 'meta-llama/Llama-3.1-8B', familyStats: false })).obligations).toBeUndefined();
  });

  it('obligationRecords gives the exporter plain serialisable records', async () => {
    const report = first(await build(h.repo, { id: 'skyforge/Sky-Chat-8B', familyStats: false }));
    const records = obligationRecords(report);
    expect(records).toHaveLength(5);
    expect(Object.keys(records[0]).sort()).toEqual(['clause', 'evidence', 'key', 'license', 'status']);
    expect(JSON.parse(JSON.stringify(records))).toEqual(records);
    expect(obligationRecords(undefined)).toEqual([]);
    expect(obligationRecords({} as ModelReport)).toEqual([]);
  });
});

describe('listing badges', () => {
  it('flag obligation-unmet and license-undeclared from metadata only, without extra requests', async () => {
    const badges = await badgesFor(h.repo, {
      ids: ['tinyforge/pocket-tutor-2b', 'pocketlab/gemma-2-2b-it-mit', 'skyforge/Sky-Chat-8B', 'northwind/Llama-3.1-8B-Instruct-Support'],
    });
    const flags = Object.fromEntries(badges.map((b) => [b.id, b.flags]));
    expect(flags['tinyforge/pocket-tutor-2b']).toEqual(expect.arrayContaining(['obligation-unmet', 'license-undeclared']));
    expect(flags['pocketlab/gemma-2-2b-it-mit']).toContain('obligation-unmet');
    expect(flags['skyforge/Sky-Chat-8B'][0]).toBe('license-relaxed');
    expect(flags['skyforge/Sky-Chat-8B']).toContain('obligation-unmet');
    expect(flags['northwind/Llama-3.1-8B-Instruct-Support']).toEqual([]);
    expect(h.hub.requests.some((r) => r.pathname.includes('/resolve/'))).toBe(false);
    const tutor = badges.find((b) => b.id === 'tinyforge/pocket-tutor-2b')!;
    expect(tutor.summary?.headline).toMatch(/^Unmet: use restrictions passed down \(Gemma Terms of Use\)/);
    expect(tutor.summary?.detail.join(' ')).toMatch(/no license stated — Gemma Terms of Use terms apply \(from google\/gemma-2-2b-it\)/);
  });
});

function model(raw: Record<string, unknown>): HubModel {
  return parseModel({ tags: [], ...raw })!;
}

describe('helpers', () => {
  it('filesOf keeps the listed total', () => {
    expect(filesOf(undefined)).toBeUndefined();
    expect(filesOf(model({ id: 'a/b' }))).toBeUndefined();
    expect(filesOf(model({ id: 'a/b', siblings: [{ rfilename: 'NOTICE' }] }))).toEqual({ names: ['NOTICE'], total: 1 });
  });

  it('noticeFileOf prefers the root file, then the name order', () => {
    expect(noticeFileOf(undefined)).toBeUndefined();
    expect(noticeFileOf({ names: ['incl/Notice.txt', 'README.md'], total: 2 })).toBe('incl/Notice.txt');
    expect(noticeFileOf({ names: ['incl/Notice.txt', 'notice.txt', 'NOTICE'], total: 3 })).toBe('NOTICE');
    expect(noticeFileOf({ names: ['README.md'], total: 1 })).toBeUndefined();
  });

  it('ancestorLicenses lists each declared license with its depth, custom name and files', () => {
    const custom = model({ id: 'x/y', cardData: { license: 'other', license_name: 'qwen', license_link: 'LICENSE' }, siblings: [{ rfilename: 'LICENSE' }] });
    expect(ancestorLicenses([{ model: custom, depth: 2 }, { depth: 1 }])).toEqual([
      { id: 'x/y', key: 'other', depth: 2, customName: 'qwen', customLink: 'LICENSE', files: { names: ['LICENSE'], total: 1 } },
    ]);
  });

  it('listingObligations decides name, pass-down and undeclared from traits', () => {
    const parent = modelTraits(model({ id: 'google/gemma-2-2b-it', cardData: { license: 'gemma' } }));
    const child = modelTraits(model({ id: 'x/tutor', cardData: {} }));
    const result = listingObligations(child, [parent]);
    expect(result.undeclared.undeclared).toBe(true);
    expect(result.unmet.map((r) => r.key)).toEqual(['use-restrictions']);
    const keeps = modelTraits(model({ id: 'x/tutor', cardData: { license: 'gemma' } }));
    expect(listingObligations(keeps, [parent])).toMatchObject({ unmet: [], undeclared: { undeclared: false } });
  });

  it('withObligationFlags leaves a summary alone when nothing is unmet', () => {
    const parent = modelTraits(model({ id: 'meta-llama/Llama-3.1-8B', cardData: { license: 'llama3.1' } }));
    const child = modelTraits(model({ id: 'x/Llama-3.1-fun', cardData: { license: 'llama3.1' } }));
    const summary = badgeSummary([diffTraits(parent, child)]);
    expect(withObligationFlags(summary, child, [parent])).toBe(summary);
  });
});

describe('withExtraFlags', () => {
  const base = { flags: ['card-shrank' as const], headline: 'Card shrank to 0.5× the parent\'s length', detail: ['Card shrank.'] };
  it('an outranking flag takes the headline and counts the rest', () => {
    const out = withExtraFlags(base, [{ flag: 'obligation-unmet', headline: 'Unmet: name prefix (Llama 3.1 license)', detail: ['why'] }]);
    expect(out).toEqual({ flags: ['obligation-unmet', 'card-shrank'], headline: 'Unmet: name prefix (Llama 3.1 license) (+1 more)', detail: ['why', 'Card shrank.'] });
  });

  it('a lower flag keeps the headline and updates its count', () => {
    const relaxed = { flags: ['license-relaxed' as const, 'card-shrank' as const], headline: 'License relaxed (+1 more)', detail: [] };
    expect(withExtraFlags(relaxed, [{ flag: 'license-undeclared', headline: 'No license stated', detail: [] }]).headline).toBe('License relaxed (+2 more)');
  });

  it('on a no-drift summary the extra flag leads alone', () => {
    const out = withExtraFlags({ flags: [], headline: 'No drift', detail: [] }, [{ flag: 'license-undeclared', headline: 'No license stated', detail: ['d', ''] }]);
    expect(out).toEqual({ flags: ['license-undeclared'], headline: 'No license stated', detail: ['d'] });
  });

  it('ignores junk and returns the summary itself when nothing valid is added', () => {
    expect(withExtraFlags(base, [])).toBe(base);
    expect(withExtraFlags(base, [{ flag: 'nope', headline: 'x', detail: [] } as never, null as never])).toBe(base);
    expect(withExtraFlags(base, 'x' as never)).toBe(base);
  });
});
