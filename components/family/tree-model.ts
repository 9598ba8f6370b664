// What the explorer draws: the crawl's nodes as a tree (each model under the parent the crawl reached it
// through), with large groups of leaf siblings of one relation folded into one "+N quantizations" node
// until the user expands it. Then laid out by d3-hierarchy. No DOM.
import { hierarchy, tree, type HierarchyPointNode } from 'd3-hierarchy';
import { modelKey } from '../../lib/hub/parse';
import type { FamilyNode } from '../../lib/report/family-crawl-types';

/** A relation group with more leaves than this is folded. */
export const GROUP_FOLD_OVER = 8;
/** How many of a folded group's most downloaded leaves stay visible. */
export const GROUP_KEEP = 3;

export const ROW_HEIGHT = 18;
export const COLUMN_WIDTH = 300;

export type TreeDatum =
  | { kind: 'model'; key: string; node: FamilyNode; children: TreeDatum[] }
  | { kind: 'group'; key: string; parent: string; relation: string; members: FamilyNode[]; children: TreeDatum[] }
  | { kind: 'unlisted'; key: string; parent: string; count?: number; children: TreeDatum[] };

export const RELATION_PLURAL: Record<string, string> = {
  finetune: 'fine-tunes',
  adapter: 'adapters',
  quantized: 'quantizations',
  merge: 'merges',
  unknown: 'derived models',
};

/** In the expanded set: every group is unfolded. */
export const ALL_GROUPS = '*';

export function groupKey(parentId: string, relation: string): string {
  return `group:${relation}:${parentId}`;
}

function byDownloads(a: FamilyNode, b: FamilyNode): number {
  return (b.downloads ?? 0) - (a.downloads ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The tree to draw. Every node appears once, under `via`; nodes whose `via` is missing (or that would
 * close a loop) hang under the root so nothing found is lost.
 */
export function buildTree(nodes: readonly FamilyNode[], rootId: string, expanded: ReadonlySet<string>): TreeDatum | null {
  const byKey = new Map(nodes.map((n) => [modelKey(n.id), n]));
  const rootNode = byKey.get(modelKey(rootId));
  if (!rootNode) return null;
  const kids = new Map<string, FamilyNode[]>();
  const rootKey = modelKey(rootNode.id);
  for (const n of nodes) {
    const key = modelKey(n.id);
    if (key === rootKey) continue;
    let parentKey = n.via ? modelKey(n.via) : rootKey;
    if (!byKey.has(parentKey) || parentKey === key) parentKey = rootKey;
    const list = kids.get(parentKey) ?? [];
    list.push(n);
    kids.set(parentKey, list);
  }
  const placed = new Set<string>();
  const build = (node: FamilyNode): TreeDatum => {
    const key = modelKey(node.id);
    placed.add(key);
    const children: TreeDatum[] = [];
    const own = (kids.get(key) ?? []).filter((c) => !placed.has(modelKey(c.id))).sort(byDownloads);
    const byRelation = new Map<string, FamilyNode[]>();
    for (const c of own) {
      const rel = c.relation ?? 'unknown';
      byRelation.set(rel, [...(byRelation.get(rel) ?? []), c]);
    }
    for (const [relation, members] of byRelation) {
      const leaves = members.filter((m) => !(kids.get(modelKey(m.id))?.length));
      const gk = groupKey(node.id, relation);
      const fold = leaves.length > GROUP_FOLD_OVER && !expanded.has(gk) && !expanded.has(ALL_GROUPS);
      const folded = fold ? new Set(leaves.slice(GROUP_KEEP).map((m) => modelKey(m.id))) : new Set<string>();
      for (const m of members) {
        if (folded.has(modelKey(m.id)) || placed.has(modelKey(m.id))) continue;
        children.push(build(m));
      }
      if (fold) {
        const hidden = leaves.slice(GROUP_KEEP);
        for (const m of hidden) placed.add(modelKey(m.id));
        children.push({ kind: 'group', key: gk, parent: node.id, relation, members: hidden, children: [] });
      }
    }
    if (node.more) {
      const count = node.announced !== undefined && node.listed !== undefined ? Math.max(0, node.announced - node.listed) : undefined;
      children.push({ kind: 'unlisted', key: `unlisted:${node.id}`, parent: node.id, count, children: [] });
    }
    return { kind: 'model', key, node, children };
  };
  return build(rootNode);
}

export interface TreeLayout {
  points: HierarchyPointNode<TreeDatum>[];
  links: { source: HierarchyPointNode<TreeDatum>; target: HierarchyPointNode<TreeDatum> }[];
  /** Extent in layout coordinates (x = down, y = right). */
  minX: number;
  maxX: number;
  maxY: number;
}

/** d3-hierarchy's tidy tree, one row per leaf, one column per generation. */
export function layoutTree(datum: TreeDatum): TreeLayout {
  const root = hierarchy<TreeDatum>(datum, (d) => d.children);
  const laidOut = tree<TreeDatum>().nodeSize([ROW_HEIGHT, COLUMN_WIDTH]).separation(() => 1)(root);
  const points = laidOut.descendants();
  let minX = 0;
  let maxX = 0;
  let maxY = 0;
  for (const p of points) {
    minX = Math.min(minX, p.x);
    maxX = Math.max(maxX, p.x);
    maxY = Math.max(maxY, p.y);
  }
  return { points, links: laidOut.links(), minX, maxX, maxY };
}

/** Nodes inside folded groups (for "every crawled node is drawn or counted in a group"). */
export function foldedCount(datum: TreeDatum | null): number {
  if (!datum) return 0;
  return (datum.kind === 'group' ? datum.members.length : 0) + datum.children.reduce((s, c) => s + foldedCount(c), 0);
}
