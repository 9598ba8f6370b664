// Builds the panel's ModelReport in the background: lineage from the data layer, traits and diffs
// from the drift engine. Emits twice at most: once the lineage and diffs are known, then again with
// family statistics and sibling similarity (which need children lists).
import {
  badgeSummary,
  diffTraits,
  familyStats,
  modelTraits,
  siblingSimilarity,
} from '../drift';
import type { ModelTraits } from '../drift/types';
import { isRelation } from '../hub/parse';
import type { HubRepository } from '../hub/repository';
import type { CardStats, HubError, HubModel, HubResult, Lineage, ParentRef, Relation } from '../hub/types';
import { RELATIONS } from '../hub/types';
import { licenseUrl } from './license-links';
import { withLicenseChanges } from './lineage';
import { buildObligations } from './obligations';
import { errorReport, loadingReport, type FamilyReport, type ModelReport, type ParentReport } from './types';

const MIN_FAMILY_FOR_STATS = 3;

export interface BuildOptions {
  id: string;
  pageModel?: unknown;
  /** Children counts read from the page's Model tree (spare the model's own API request). */
  pageChildrenCount?: Partial<Record<Relation, number>>;
  /** Compute family statistics and sibling similarity (a user setting). */
  familyStats?: boolean;
  signal?: AbortSignal;
}

/** Tracks how old and how complete the data behind one report is. */
class Freshness {
  oldest: number | undefined;
  stale = false;
  retryAt: number | undefined;
  paused: true | undefined;

  /** The value of a result, falling back to what the cache kept when the Hub failed. */
  take<T>(result: HubResult<T>): { value?: T; error?: HubError } {
    if (result.ok) {
      this.note(result.fetchedAt, result.stale);
      if (result.lacking) this.wait(result.lacking);
      return { value: result.value };
    }
    this.wait(result.error);
    if (result.cached) {
      this.note(result.cached.fetchedAt, true);
      return { value: result.cached.value, error: result.error };
    }
    return { error: result.error };
  }

  /** A rate-limited part: when to try again, and whether HF Drift paused itself. */
  private wait(error: HubError) {
    if (error.retryAt) this.retryAt = Math.max(this.retryAt ?? 0, error.retryAt);
    if (error.paused) this.paused = true;
  }

  private note(fetchedAt: number, stale: boolean) {
    this.oldest = this.oldest === undefined ? fetchedAt : Math.min(this.oldest, fetchedAt);
    this.stale ||= stale;
  }
}

async function cardOf(repo: HubRepository, model: HubModel, freshness: Freshness): Promise<CardStats | undefined> {
  return (await cardResultOf(repo, model, freshness)).card;
}

/** The card's statistics, or why there are none (a gated repo's README needs approval). */
async function cardResultOf(repo: HubRepository, model: HubModel, freshness: Freshness): Promise<{ card?: CardStats; error?: HubError }> {
  if (model.cardExists === false) return {};
  const taken = freshness.take(await repo.getCardStats(model.id, model.sha, { private: model.private }));
  return { card: taken.value, error: taken.value ? undefined : taken.error };
}

function parentReport(ref: ParentRef, childTraits: ModelTraits, parent?: HubModel, card?: CardStats, error?: HubError): ParentReport {
  if (!parent) return { id: ref.id, relation: ref.relation, error };
  const traits = modelTraits(parent, card);
  return { id: parent.id, relation: ref.relation, traits, diff: diffTraits(traits, childTraits), licenseUrl: licenseUrl(parent) };
}

/**
 * The first, partial report: the page's model against its parents' metadata (license, languages, task),
 * without model cards. Still `loading`; the full report follows.
 */
export function verdictReport(id: string, model: HubModel, parentResults: Lineage['parents']): ModelReport {
  const traits = modelTraits(model);
  const parents = parentResults.map(({ ref, result }) =>
    parentReport(ref, traits, result.ok ? result.value : result.cached?.value, undefined, result.ok ? undefined : result.error),
  );
  const diffs = parents.flatMap((p) => (p.diff ? [p.diff] : []));
  return {
    ...loadingReport(id),
    partial: 'verdict',
    traits,
    parents,
    summary: diffs.length ? badgeSummary(diffs) : undefined,
    childrenCount: model.childrenCount,
  };
}

export async function buildModelReport(
  repo: HubRepository,
  options: BuildOptions,
  emit: (report: ModelReport) => void,
): Promise<void> {
  const { id, signal } = options;
  const freshness = new Freshness();
  let lineageKnown = false;
  const lineageResult = await repo.getLineage(id, {
    pageModel: options.pageModel,
    pageChildrenCount: options.pageChildrenCount,
    // The license verdict first: the page's own traits against the parents' metadata, while the cards,
    // older ancestors and obligations are still on their way.
    onParents: (model, parents) => {
      if (!lineageKnown && !signal?.aborted) emit(verdictReport(id, model, parents));
    },
  });
  lineageKnown = true;
  const lineage = freshness.take(lineageResult);
  if (signal?.aborted) return;
  if (!lineage.value) {
    emit(errorReport(id, lineage.error ?? { kind: 'malformed', message: 'No lineage.' }));
    return;
  }
  const { model, chain, chainEnd } = lineage.value;

  const [ownCard, parentEntries] = await Promise.all([
    cardOf(repo, model, freshness),
    Promise.all(
      lineage.value.parents.map(async ({ ref, result }) => {
        const parent = freshness.take(result);
        const { card, error: cardError } = parent.value ? await cardResultOf(repo, parent.value, freshness) : {};
        return { ref, model: parent.value, error: parent.value ? undefined : parent.error, card, cardError };
      }),
    ),
  ]);
  if (signal?.aborted) return;

  const traits = modelTraits(model, ownCard);
  const parents = parentEntries.map(({ ref, model: parent, error, card }) => parentReport(ref, traits, parent, card, error));

  const obligations = await buildObligations(repo, {
    model,
    card: ownCard,
    ancestors: [
      ...parentEntries.map((entry) => ({ model: entry.model, depth: 1 })),
      ...chain.slice(1).map((link, i) => ({ model: link.model, depth: i + 2 })),
    ],
  });
  if (signal?.aborted) return;

  const childrenCount = lineage.value.childrenCount ?? model.childrenCount;
  // Statistics over one or two children say nothing: those families cost no request (counts still show).
  const relationsWithChildren = RELATIONS.filter((r) => (childrenCount?.[r] ?? 0) >= MIN_FAMILY_FOR_STATS);
  const wantsFamily = options.familyStats !== false && (relationsWithChildren.length > 0 || parents.some((p) => p.traits));

  const notices: string[] = [];
  if (parents.length > 1) notices.push(`This model has ${parents.length} parents; each is compared separately.`);
  // Gated parents on the Hub: metadata public, README behind the gate. Say what was compared and what not.
  for (const { model: parent, cardError } of parentEntries) {
    if (parent && cardError?.kind === 'gated') {
      notices.push(
        `${parent.id} is gated: its metadata (license, languages, task) is compared, but its model card needs approved access, so card length and auto-generated are not.`,
      );
    }
  }

  const report: ModelReport = {
    // The report keeps the id the view asked for, so a renamed repo still updates the right panel.
    id,
    state: freshness.stale ? 'stale' : 'ready',
    fetchedAt: freshness.oldest,
    stale: freshness.stale,
    traits,
    parents,
    summary: parents.some((p) => p.diff) ? badgeSummary(parents.flatMap((p) => (p.diff ? [p.diff] : []))) : undefined,
    chain: withLicenseChanges(model.licenses, chain.map((link) => ({ id: link.id, relation: link.relation, licenses: link.model?.licenses }))),
    chainEnd: { reason: chainEnd.reason, at: chainEnd.at ?? (chainEnd.reason === 'root' ? chain.at(-1)?.id : undefined) },
    childrenCount,
    family: [],
    familyPending: wantsFamily,
    retryAt: freshness.retryAt,
    paused: freshness.paused,
    notices,
    obligations,
  };
  emit(report);
  if (!wantsFamily || signal?.aborted) return;

  const family: FamilyReport[] = [];
  for (const relation of relationsWithChildren) {
    const children = freshness.take(await repo.getChildren(model.id, relation));
    if (signal?.aborted) return;
    if (!children.value?.models.length) continue;
    const childTraits = children.value.models.map((child) => modelTraits(child));
    family.push({
      relation,
      stats: familyStats(traits, childTraits, relation, { total: children.value.total ?? childrenCount?.[relation] }),
      sampled: children.value.sampled,
    });
  }

  const firstParent = parents.find((p) => p.traits);
  let similarity;
  let parentFamily: FamilyReport | undefined;
  if (firstParent?.traits) {
    // The parent's first children page is fetched anyway: use all of it (up to 100) as the sibling sample.
    const siblings = freshness.take(await repo.getSiblings(model, { max: 100 }));
    if (signal?.aborted) return;
    const sample = siblings.value;
    if (sample && sample.models.length) {
      const siblingTraits = sample.models.map((m) => modelTraits(m));
      similarity = siblingSimilarity(traits, firstParent.traits, siblingTraits);
      const relation = sample.relation === 'unknown' ? firstParent.relation : sample.relation;
      if (isRelation(relation)) {
        // The parent's family, with this model put back in: how the siblings drifted from the parent.
        parentFamily = {
          relation,
          stats: familyStats(firstParent.traits, [traits, ...siblingTraits], relation, {
            total: sample.total !== undefined ? sample.total + 1 : undefined,
          }),
          sampled: sample.sampled,
        };
      }
    }
  }

  emit({
    ...report,
    state: freshness.stale ? 'stale' : 'ready',
    stale: freshness.stale,
    fetchedAt: freshness.oldest,
    retryAt: freshness.retryAt,
    paused: freshness.paused,
    family,
    parentFamily,
    familyPending: false,
    similarity,
    notices: [
      ...notices,
      ...[...family, ...(parentFamily ? [parentFamily] : [])]
        .filter((f) => f.sampled)
        .map((f) => `Family figures come from a sample of ${f.stats.sampled} children (most downloaded first), not all of them.`),
    ].filter((n, i, all) => all.indexOf(n) === i),
  });
}

