// Gathers a model's whole lineage for the CycloneDX export: every parent of every ancestor (merges
// included) up to the roots, each with its README statistics, through the data layer (cache first;
// each model and card asked for once per export). Then the pure builder (bom.ts) writes the document.
import { isModelId, modelKey } from '../hub/parse';
import type { HubRepository } from '../hub/repository';
import type { CardStats, HubError, HubModel, HubResult, ParentRef } from '../hub/types';
import { buildBom, bomFileName, type BomMissing, type BomNode, type BomObligation, type BomOptions, type CycloneDxBom } from './bom';
import { buildObligations, obligationRecords } from './obligations';

/** As deep as the panel's lineage follows a chain (lib/hub/repository DEFAULT_MAX_DEPTH). */
export const BOM_MAX_DEPTH = 8;

export type BomExportResponse =
  | { ok: true; bom: CycloneDxBom; fileName: string; partial: boolean; missing: BomMissing[] }
  | { ok: false; error: HubError };

export interface BomExportOptions extends BomOptions {
  maxDepth?: number;
  /**
   * Upstream obligation results for one model of the lineage, its parents already gathered. Default: the
   * same checks as the panel (lib/report/obligations.ts), on the data this export read.
   */
  obligationsFor?: (node: BomNode & { model: HubModel }) => Promise<BomObligation[] | undefined> | BomObligation[] | undefined;
}

interface Fetched {
  model?: HubModel;
  fetchedAt?: number;
  stale?: boolean;
  error?: HubError;
}

/** What the panel checks, for one node: its direct parents (all of a merge's) and the first parent's chain. */
async function panelObligationsOf(repo: HubRepository, node: BomNode & { model: HubModel }): Promise<BomObligation[]> {
  const ancestors: { model?: HubModel; depth: number }[] = node.parents.map((p) => ({ model: p.model, depth: 1 }));
  for (let up = node.parents[0]?.parents[0], depth = 2; up; up = up.parents[0], depth++) ancestors.push({ model: up.model, depth });
  const report = await buildObligations(repo, { model: node.model, card: node.card, ancestors });
  return obligationRecords({ obligations: report }).map(({ key, status, license, evidence }) => ({ key, status, license, evidence }));
}

export async function exportBom(repo: HubRepository, id: string, options: BomExportOptions): Promise<BomExportResponse> {
  if (!isModelId(id)) return { ok: false, error: { kind: 'bad-request', message: 'That is not a model id.' } };
  const maxDepth = Math.max(1, Math.floor(options.maxDepth ?? BOM_MAX_DEPTH));
  const panelObligations = (node: BomNode & { model: HubModel }) => panelObligationsOf(repo, node);
  const models = new Map<string, Promise<Fetched>>();
  const cards = new Map<string, Promise<CardStats | undefined>>();

  const fetchModel = (modelId: string): Promise<Fetched> => {
    const key = modelKey(modelId);
    let pending = models.get(key);
    if (!pending) {
      pending = repo.getModel(modelId).then((result: HubResult<HubModel>): Fetched => {
        if (result.ok) return { model: result.value, fetchedAt: result.fetchedAt, stale: result.stale };
        // An expired cache entry is still better than a hole in the lineage when the Hub cannot answer.
        if (result.cached) return { model: result.cached.value, fetchedAt: result.cached.fetchedAt, stale: true, error: result.error };
        return { error: result.error };
      });
      models.set(key, pending);
    }
    return pending;
  };

  const fetchCard = (model: HubModel): Promise<CardStats | undefined> => {
    if (model.cardExists === false) return Promise.resolve(undefined);
    const key = `${modelKey(model.id)}@${model.sha ?? 'main'}`;
    let pending = cards.get(key);
    if (!pending) {
      pending = repo.getCardStats(model.id, model.sha, { private: model.private }).then((result) =>
        result.ok ? result.value : result.cached?.value,
      );
      cards.set(key, pending);
    }
    return pending;
  };

  /**
   * One node and, recursively, its parents. `path` holds the ids from the exported model down to here (a
   * parent already on it is a cycle; the same ancestor reached through two parents of a merge is not).
   */
  const nodeOf = async (ref: { id: string; relation?: ParentRef['relation'] }, path: string[], depth: number): Promise<BomNode> => {
    const fetched = await fetchModel(ref.id);
    const node: BomNode = { id: ref.id, relation: ref.relation, parents: [] };
    if (!fetched.model) {
      const error = fetched.error ?? { kind: 'malformed', message: 'No data.' };
      node.end = { reason: error.kind, detail: error.message };
      return node;
    }
    const model = fetched.model;
    node.model = model;
    node.fetchedAt = fetched.fetchedAt;
    if (fetched.stale) node.stale = true;
    const here = [...path, modelKey(model.id), modelKey(ref.id)];
    const follow: ParentRef[] = [];
    for (const parent of model.parents) {
      if (here.includes(modelKey(parent.id))) node.end = { reason: 'cycle', at: parent.id };
      else if (depth >= maxDepth) node.end = { reason: 'depth-cap', at: parent.id };
      else follow.push(parent);
    }
    const [card, parents] = await Promise.all([fetchCard(model), Promise.all(follow.map((parent) => nodeOf(parent, here, depth + 1)))]);
    if (card) node.card = card;
    node.parents = parents;
    const obligations = await (options.obligationsFor ?? panelObligations)({ ...node, model });
    if (obligations?.length) node.obligations = obligations;
    return node;
  };

  let root = await nodeOf({ id }, [], 0);
  if (!root.model) {
    // A model whose API the Hub refuses (gated without access) may still be known from its page, which
    // the panel recorded as viewed: build from that rather than fail.
    const viewed = (await repo.searchCached(id, 20)).find((m) => modelKey(m.id) === modelKey(id));
    if (viewed) {
      models.set(modelKey(id), Promise.resolve({ model: viewed, stale: true }));
      root = await nodeOf({ id }, [], 0);
    }
  }
  if (!root.model) {
    return { ok: false, error: { kind: root.end?.reason ?? 'malformed', message: root.end?.detail ?? 'No data.', id } as HubError };
  }
  const { bom, partial, missing } = buildBom(root, options);
  return { ok: true, bom, fileName: bomFileName(root.model.id), partial, missing };
}
