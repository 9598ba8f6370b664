// The fewest Hub requests a model page's data needs, derived from the offline Hub's fixture (not from the
// product's code), so the row can fail when the product does more than the data requires:
//   the model's own expand call ............................................. 1 api
//   one expand call per ancestor (every direct parent + the first-parent chain to its root) ... n api
//   one README per compared card (the model + each direct parent that has one), each a resolve
//   plus its redirect hop to /api/resolve-cache/ ............................ 2 resolvers per card
//   one page of siblings (children of the first parent), when there is a parent ...... 1 api
//   one children page per relation with at least `minFamily` children (family statistics) ... k api

/** The model entry of `id` in the snapshot, following renames (the Hub answers a 307 for old ids). */
function entryOf(snapshot, id) {
  const current = snapshot.renames[id] ?? id;
  return { id: current, entry: snapshot.models.get(current) };
}

/**
 * @param {import('../../hub/server.d.mts').HubSnapshot} snapshot
 * @param {string} id
 * @param {{ minFamily?: number }} [options]
 */
export function minimumModelRequests(snapshot, id, { minFamily = 3 } = {}) {
  const self = entryOf(snapshot, id);
  if (!self.entry) throw new Error(`no fixture for ${id}`);

  const ancestors = new Set();
  const directParents = self.entry.parents.ids.map((parent) => entryOf(snapshot, parent));
  for (const parent of directParents) ancestors.add(parent.id);
  // The chain follows the first parent up to the root (a missing or cyclic ancestor ends it).
  let next = directParents[0];
  const seen = new Set([self.id]);
  while (next && !seen.has(next.id)) {
    seen.add(next.id);
    ancestors.add(next.id);
    const first = next.entry?.parents.ids[0];
    next = first ? entryOf(snapshot, first) : undefined;
  }

  const comparedCards = [self, ...directParents].filter((m) => m.entry?.readme).map((m) => m.id);
  const siblingsPages = directParents.length ? 1 : 0;
  const familyRelations = Object.entries(snapshot.childrenCount(self.id))
    .filter(([, n]) => (n ?? 0) >= minFamily)
    .map(([relation]) => relation);

  const terms = [
    { what: 'own expand call', count: 1 },
    { what: `ancestor expand calls (${[...ancestors].join(', ') || 'none'})`, count: ancestors.size },
    { what: `README + redirect hop per compared card (${comparedCards.join(', ')})`, count: comparedCards.length * 2 },
    { what: 'siblings page', count: siblingsPages },
    { what: `family children pages (relations with ≥ ${minFamily} children: ${familyRelations.join(', ') || 'none'})`, count: familyRelations.length },
  ];
  const total = terms.reduce((sum, t) => sum + t.count, 0);
  return {
    total,
    terms,
    formula: terms.map((t) => t.count).join(' + ') + ` = ${total}`,
    explanation: terms.map((t) => `${t.count} ${t.what}`).join(' + '),
  };
}
