// Badges for listing cards, computed in the background. Cost: what one list request gives first (the
// listing page's own query mirrored to the API, or a children listing's parent's first children page),
// then one request per distinct parent not yet cached; a card the list did not cover is looked up alone.
import { badgeSummary, diffTraits, modelTraits, type ModelTraits } from '../drift';
import { isModelId, isRelation, modelKey } from '../hub/parse';
import type { HubRepository } from '../hub/repository';
import type { HubError, HubModel } from '../hub/types';
import { listingApiUrl, listingContext } from './listing-query';
import { withObligationFlags } from './obligations';
import type { BadgeInfo } from './types';

/** A badge request never asks about more cards than a listing shows at once (two pages of 30). */
const MAX_IDS = 60;

export interface BadgeRequest {
  ids: string[];
  context?: { parentId: string; relation: string };
  pageUrl?: string;
}

export async function badgesFor(repo: HubRepository, request: BadgeRequest): Promise<BadgeInfo[]> {
  const ids = [...new Map(request.ids.filter(isModelId).map((id) => [modelKey(id), id])).values()].slice(0, MAX_IDS);
  const models = new Map<string, HubModel>();
  const add = (list: HubModel[] | undefined) => {
    for (const m of list ?? []) models.set(modelKey(m.id), m);
  };
  const errors = new Map<string, HubError>();

  // The listing page's own query (filters, sort, page) mirrored in one API request covers its cards at any
  // sort; a children listing too deep to mirror falls back to its parent's first children page.
  const url = request.pageUrl ? listingApiUrl(request.pageUrl) : null;
  const context = request.context ?? (request.pageUrl ? listingContext(request.pageUrl) : undefined);
  if (url) {
    const listing = await repo.getListing(url);
    add(listing.ok ? listing.value : listing.cached?.value);
  } else if (context && isModelId(context.parentId) && isRelation(context.relation)) {
    const children = await repo.getChildren(context.parentId, context.relation, { maxPages: 1 });
    add(children.ok ? children.value.models : children.cached?.value.models);
  }

  await Promise.all(
    ids
      .filter((id) => !models.has(modelKey(id)))
      .map(async (id) => {
        const result = await repo.getModel(id);
        const model = result.ok ? result.value : result.cached?.value;
        if (model) models.set(modelKey(id), model);
        else if (!result.ok) errors.set(modelKey(id), result.error);
      }),
  );

  const parentIds = new Set<string>();
  for (const id of ids) for (const p of models.get(modelKey(id))?.parents ?? []) parentIds.add(p.id);
  const parents = new Map<string, ModelTraits | HubError>();
  await Promise.all(
    [...parentIds].map(async (parentId) => {
      // A listing often holds the parent itself (a base and its fine-tunes): no request for it.
      const listed = models.get(modelKey(parentId));
      if (listed) {
        parents.set(modelKey(parentId), modelTraits(listed));
        return;
      }
      const result = await repo.getModel(parentId);
      const parent = result.ok ? result.value : result.cached?.value;
      parents.set(modelKey(parentId), parent ? modelTraits(parent) : (result as { error: HubError }).error);
    }),
  );

  return ids.map((id): BadgeInfo => {
    const model = models.get(modelKey(id));
    if (!model) return { id, hasParent: false, flags: [], error: errors.get(modelKey(id)) };
    if (!model.parents.length) return { id, hasParent: false, flags: [] };
    const child = modelTraits(model);
    const parentTraits = model.parents
      .map((ref) => parents.get(modelKey(ref.id)))
      .filter((p): p is ModelTraits => !!p && 'licenses' in p);
    const diffs = parentTraits.map((parent) => diffTraits(parent, child));
    if (!diffs.length) {
      const error = parents.get(modelKey(model.parents[0].id)) as HubError | undefined;
      return { id, hasParent: true, flags: [], parentId: model.parents[0].id, error };
    }
    const summary = withObligationFlags(badgeSummary(diffs), child, parentTraits);
    return { id, hasParent: true, flags: summary.flags, summary, parentId: model.parents[0].id };
  });
}
