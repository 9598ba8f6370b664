// Small view-model builders for the UI tests (the shapes the background sends).
import type {
  BadgeInfo,
  FamilyExport,
  FamilyExportRow,
  ModelReport,
  SearchResponse,
  SearchResult,
} from '../../../lib/report/types';

export function badge(overrides: Partial<BadgeInfo> = {}): BadgeInfo {
  return { id: 'skyforge/Sky-Chat-8B', hasParent: true, flags: [], parentId: 'meta-llama/Llama-3.1-8B', ...overrides };
}

export const RELAXED_BADGE = badge({
  flags: ['license-relaxed', 'language-narrowed'],
  summary: {
    flags: ['license-relaxed', 'language-narrowed'],
    headline: 'License relaxed: llama3.1 → apache-2.0',
    detail: [
      'The Llama 3.1 license became Apache-2.0: its use restrictions are no longer passed down.',
      'Narrowed to English (the parent lists 8 languages).',
    ],
  },
});

export function result(id: string, extra: Partial<SearchResult> = {}): SearchResult {
  return { id, ...extra };
}

export function searchResponse(results: SearchResult[], extra: Partial<SearchResponse> = {}): SearchResponse {
  return { results, fromCache: false, ...extra };
}

export function readyReport(id: string, parentId?: string): ModelReport {
  return {
    id,
    state: 'ready',
    stale: false,
    fetchedAt: Date.now(),
    parents: parentId ? [{ id: parentId, relation: 'finetune' }] : [],
    chain: parentId ? [{ id: parentId, relation: 'finetune' }] : [],
    family: [],
    familyPending: false,
    notices: [],
  };
}

function exportRow(child: string, overrides: Partial<FamilyExportRow> = {}): FamilyExportRow {
  return {
    child,
    relation: 'finetune',
    license: 'apache-2.0',
    licenseClass: 'permissive',
    licenseDrift: 'relaxed',
    languages: 'en',
    languageDrift: 'narrowed',
    task: 'text-generation',
    taskMove: 'same',
    library: 'transformers',
    flags: 'license-relaxed;language-narrowed',
    downloads: 1200,
    ...overrides,
  };
}

/** A family export with hostile Hub text: formula starts, quotes, commas, line breaks. */
export const FAMILY: FamilyExport = {
  parentId: 'meta-llama/Llama-3.1-8B',
  generatedAt: '2026-02-02T12:00:00.000Z',
  sampled: true,
  families: [{ relation: 'finetune', sampled: 4, total: 1200 }],
  rows: [
    exportRow('skyforge/Sky-Chat-8B'),
    exportRow('evil/=HYPERLINK("http://x","click")', { license: '=cmd|\' /C calc\'!A0', downloads: '' }),
    exportRow('quotes/model', { languages: 'en, "de", fr', library: 'line one\r\nline two' }),
    exportRow('plain/model', { task: '+1', taskMove: '-backward', flags: '@SUM(A1)', licenseClass: '\tpermissive' }),
  ],
};
