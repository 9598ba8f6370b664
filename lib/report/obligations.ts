// Upstream obligations of one model, composed in the background from what the report already loaded:
// the model's file list (`siblings`, part of its expand call), its README passages, every ancestor's
// license (direct parents of a merge and the first parent's chain up to the root), and — only when the
// repository has a notice file and some inherited license prescribes an exact notice sentence — that
// notice file (one resolver request, cached like READMEs).
import {
  countObligations,
  effectiveLicense,
  evaluateObligations,
  METADATA_CHECKS,
  obligationsHeadline,
  type AncestorLicense,
  type EffectiveLicense,
  type ObligationCounts,
  type ObligationResult,
  type ObligationSubject,
  type RepoFiles,
} from '../drift/obligation-checks';
import { coerceEvidence, type TextEvidence } from '../drift/obligation-text';
import { catalogueEntry, hasDuties, NOTICE_FILE, OBLIGATION_LABELS } from '../drift/obligations';
import { withExtraFlags, type ExtraFlag } from '../drift/badges';
import { licenseFacts } from '../drift/licenses';
import type { BadgeSummary, LicenseFacts, ModelTraits } from '../drift/types';
import type { HubRepository } from '../hub/repository';
import type { CardStats, HubModel } from '../hub/types';

export interface ObligationsReport {
  /** Unmet first, then not checkable, then met. */
  results: ObligationResult[];
  counts: ObligationCounts;
  /** "2 of 5 upstream obligations unmet". */
  headline: string;
  effective: EffectiveLicense;
  /** What the checks could not see (one sentence each). */
  notes: string[];
}

/** Plain records for exporters (e.g. CycloneDX `hfdrift:obligation:*` properties). */
export interface ObligationRecord {
  key: string;
  status: 'met' | 'unmet' | 'unknown';
  license: string;
  evidence: string;
  clause: string;
}

/** The obligation results of a report as plain, serialisable records (empty when none were computed). */
export function obligationRecords(report: { obligations?: ObligationsReport } | undefined): ObligationRecord[] {
  const results = report?.obligations?.results;
  if (!Array.isArray(results)) return [];
  return results.map((r) => ({ key: r.key, status: r.status, license: r.license, evidence: r.evidence, clause: r.clause }));
}

export function filesOf(model: HubModel | undefined): RepoFiles | undefined {
  if (!model || !Array.isArray(model.files)) return undefined;
  return { names: model.files, total: Math.max(model.files.length, model.filesTotal ?? 0) };
}

/** Each license an ancestor declares, with its depth (1 = parent). */
export function ancestorLicenses(ancestors: { model?: HubModel; depth: number }[]): AncestorLicense[] {
  const out: AncestorLicense[] = [];
  for (const { model, depth } of ancestors) {
    if (!model) continue;
    for (const key of model.licenses) {
      out.push({
        id: model.id,
        key,
        depth,
        ...(model.licenseName ? { customName: model.licenseName } : {}),
        ...(model.licenseLink ? { customLink: model.licenseLink } : {}),
        ...(filesOf(model) ? { files: filesOf(model) } : {}),
      });
    }
  }
  return out;
}

function licensesOf(model: HubModel): LicenseFacts[] {
  return model.licenses.map((key) => licenseFacts(key, key === 'other' ? { name: model.licenseName, link: model.licenseLink } : undefined));
}

/** The notice file to read: the shortest path (root first) among files named NOTICE / Notice.txt / notice.md. */
export function noticeFileOf(files: RepoFiles | undefined): string | undefined {
  if (!files) return undefined;
  const notices = files.names.filter((name) => NOTICE_FILE.test(name.split('/').pop() ?? ''));
  return notices.sort((a, b) => a.split('/').length - b.split('/').length || a.localeCompare(b))[0];
}

function needsNoticeText(ancestors: AncestorLicense[]): boolean {
  return ancestors.some((a) => {
    const entry = catalogueEntry(a.key, a.customName);
    return hasDuties(entry) && entry.duties.some((d) => d.check.kind === 'notice-sentence');
  });
}

function cardEvidence(model: HubModel, card: CardStats | undefined): TextEvidence | undefined {
  if (model.cardExists === false) return { status: 'empty', passages: [], truncated: false, capped: false };
  return coerceEvidence(card?.evidence);
}

export interface ObligationInputs {
  model: HubModel;
  card?: CardStats;
  /** Direct parents (all of a merge's) and the first parent's chain, each with its depth. */
  ancestors: { model?: HubModel; depth: number }[];
}

/** The model's obligations; undefined when no ancestor is known. Never throws. */
export async function buildObligations(repo: HubRepository, inputs: ObligationInputs): Promise<ObligationsReport | undefined> {
  try {
    const { model } = inputs;
    const ancestors = ancestorLicenses(inputs.ancestors);
    if (inputs.ancestors.length === 0) return undefined;
    const files = filesOf(model);
    const subject: ObligationSubject = { id: model.id, licenses: licensesOf(model), files, card: cardEvidence(model, inputs.card) };
    const notes: string[] = [];
    const noticeFile = noticeFileOf(files);
    if (noticeFile && needsNoticeText(ancestors)) {
      const result = await repo.getCardStats(model.id, model.sha, { private: model.private, path: noticeFile });
      const stats = result.ok ? result.value : result.cached?.value;
      subject.notice = stats
        ? { file: noticeFile, evidence: coerceEvidence(stats.evidence) }
        : { file: noticeFile, error: result.ok ? 'no answer' : result.error.message };
    }
    if (!files) notes.push('The Hub sent no file list for this repository, so file checks could not run.');
    else if (files.total > files.names.length) notes.push(`The repository lists ${files.total} files; only the first ${files.names.length} were kept for the checks.`);
    if (inputs.ancestors.some((a) => !a.model)) notes.push('Some ancestors could not be read; their licenses\' duties are missing.');
    const results = evaluateObligations(subject, ancestors);
    const counts = countObligations(results);
    return { results, counts, headline: obligationsHeadline(counts), effective: effectiveLicense(subject.licenses, ancestors), notes };
  } catch {
    return undefined;
  }
}

/**
 * Obligations a listing can decide without any extra request: the child's name and declared licenses
 * against its direct parents' licenses (name prefix, use restrictions passed down, same license,
 * non-commercial). No card, no file list, no grandparents.
 */
export function listingObligations(child: ModelTraits, parents: ModelTraits[]): { unmet: ObligationResult[]; undeclared: EffectiveLicense } {
  const ancestors: AncestorLicense[] = parents.flatMap((parent) =>
    parent.licenses.map((facts) => ({
      id: parent.id,
      key: facts.key,
      depth: 1,
      ...(facts.customName ? { customName: facts.customName } : {}),
      ...(facts.link ? { customLink: facts.link } : {}),
    })),
  );
  const results = evaluateObligations({ id: child.id, licenses: child.licenses }, ancestors, { only: METADATA_CHECKS });
  return { unmet: results.filter((r) => r.status === 'unmet'), undeclared: effectiveLicense(child.licenses, ancestors) };
}

/**
 * A listing badge's summary with the obligation flags a listing can decide (see listingObligations):
 * `obligation-unmet` names the first unmet duty briefly, `license-undeclared` the inherited terms.
 */
export function withObligationFlags(summary: BadgeSummary, child: ModelTraits, parents: ModelTraits[]): BadgeSummary {
  const { unmet, undeclared } = listingObligations(child, parents);
  const extras: ExtraFlag[] = [];
  if (unmet.length > 0) {
    extras.push({
      flag: 'obligation-unmet',
      headline: `Unmet: ${OBLIGATION_LABELS[unmet[0].key]} (${unmet[0].licenseName})`,
      detail: unmet.map((r) => `${r.licenseName}: ${OBLIGATION_LABELS[r.key]} unmet — ${r.evidence}.`),
    });
  }
  if (undeclared.undeclared && undeclared.text) {
    extras.push({ flag: 'license-undeclared', headline: 'No license stated', detail: [`${undeclared.text} (from ${undeclared.from?.id ?? 'an ancestor'}).`] });
  }
  return withExtraFlags(summary, extras);
}
