// Whether a report would show a view anything new: a view that already shows a report (the remembered one
// from the last visit) is not redrawn for an equal one, so a warm page view renders its panel once.
import type { ModelReport } from './types';

const stable = (report: ModelReport) => JSON.stringify(report);

/** The parts that arrive last (children samples): a report still waiting for them says nothing new about them. */
function withoutFamily(report: ModelReport): ModelReport {
  return { ...report, family: [], parentFamily: undefined, similarity: undefined, familyPending: false, notices: [] };
}

/**
 * True when `next` shows nothing that `shown` does not: equal, or still computing the family of a report
 * that is otherwise equal (its family comes in the next report, and is compared then).
 */
export function nothingNew(shown: ModelReport | undefined, next: ModelReport): boolean {
  if (!shown) return false;
  if (stable(shown) === stable(next)) return true;
  return next.familyPending && !shown.familyPending && stable(withoutFamily(shown)) === stable(withoutFamily(next));
}
