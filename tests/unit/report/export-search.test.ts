// @vitest-environment node
// The options page's family export and the popup's search, against the offline Hub.
import { beforeEach, describe, expect, it } from 'vitest';
import { familyExport } from '../../../lib/report/export';
import { recentWithBadges, searchWithBadges } from '../../../lib/report/search';
import { TRAIT_CHANGE_KINDS, DRIFT_FLAGS } from '../../../lib/drift';
import type { FamilyExport } from '../../../lib/report/types';
import { build, START, useHarness, type Harness } from './support';

const INSTRUCT = 'meta-llama/Llama-3.1-8B-Instruct';

const harness = useHarness();
let h: Harness;
beforeEach(() => {
  h = harness();
});

async function exportOf(id: string): Promise<FamilyExport> {
  const result = await familyExport(h.repo, id);
  if (!result.ok) throw new Error(`export failed: ${result.error.kind}`);
  return result.data;
}

describe('familyExport', () => {
  it('one row per sampled child of every relation, each with its drift kinds', async () => {
    const data = await exportOf(INSTRUCT);
    expect(data.parentId).toBe(INSTRUCT);
    const counts = h.hub.snapshot.childrenCount(INSTRUCT);
    expect(data.families.map((f) => f.relation).sort()).toEqual(Object.keys(counts).sort());
    for (const family of data.families) {
      expect(data.rows.filter((r) => r.relation === family.relation)).toHaveLength(family.sampled);
      expect(family.total).toBe(counts[family.relation]);
    }
    // One row per child: no child twice.
    expect(new Set(data.rows.map((r) => `${r.relation} ${r.child}`)).size).toBe(data.rows.length);

    const sky = data.rows.find((r) => r.child === 'skyforge/Sky-Chat-8B')!;
    expect(sky).toMatchObject({ relation: 'finetune', licenseDrift: 'relaxed', languages: 'en', task: 'text-generation' });
    expect(sky.languageDrift).toMatch(/^narrowed/);
    expect(sky.flags.split(' ')).toEqual(expect.arrayContaining(['license-relaxed', 'language-narrowed']));
    const northwind = data.rows.find((r) => r.child === 'northwind/Llama-3.1-8B-Instruct-Support')!;
    expect(northwind).toMatchObject({ licenseDrift: 'same', languageDrift: 'same', flags: '' });
    expect(data.rows.find((r) => r.child === 'quantfolk/Llama-3.1-8B-Instruct-GGUF')?.relation).toBe('quantized');

    for (const row of data.rows) {
      expect(['relaxed', 'tightened', 'sideways', 'dropped', 'added', 'same', 'unknown']).toContain(row.licenseDrift);
      expect(TRAIT_CHANGE_KINDS).toContain(row.languageDrift.replace(' (to English only)', ''));
      for (const flag of row.flags.split(' ').filter(Boolean)) expect(DRIFT_FLAGS).toContain(flag);
      expect(row.downloads === '' || Number.isFinite(row.downloads)).toBe(true);
    }
  });

  it('a family larger than the page cap is exported as a sample', async () => {
    const data = await exportOf('bigfam/base-1b');
    expect(data.sampled).toBe(true);
    expect(data.families.find((f) => f.relation === 'finetune')).toEqual({ relation: 'finetune', sampled: 300, total: 1600 });
    expect(data.rows.filter((r) => r.relation === 'finetune')).toHaveLength(300);
  });

  it('a missing model is an error, not an empty export', async () => {
    const result = await familyExport(h.repo, 'driftlab/private-notes-7b');
    expect(result).toMatchObject({ ok: false, error: { kind: 'not-found' } });
  });
});

describe('popup search', () => {
  it('finds models with their badge; offline it searches what the cache knows', async () => {
    const online = await searchWithBadges(h.repo, 'sky-chat');
    expect(online.fromCache).toBe(false);
    const sky = online.results.find((r) => r.id === 'skyforge/Sky-Chat-8B');
    expect(sky?.badge?.flags).toEqual(expect.arrayContaining(['license-relaxed', 'language-narrowed']));

    await build(h.repo, { id: 'northwind/Llama-3.1-8B-Instruct-Support' }); // a visit: now in "recent"
    h.network.offline = true;
    const offline = await searchWithBadges(h.repo, 'northwind');
    expect(offline.fromCache).toBe(true);
    expect(offline.error?.kind).toBe('offline');
    expect(offline.results.map((r) => r.id)).toContain('northwind/Llama-3.1-8B-Instruct-Support');
    expect(offline.results.find((r) => r.id === 'northwind/Llama-3.1-8B-Instruct-Support')?.badge).toMatchObject({
      hasParent: true,
      flags: [],
    });

    const recent = await recentWithBadges(h.repo);
    expect(recent.results[0]?.id).toBe('northwind/Llama-3.1-8B-Instruct-Support');
  });
});
