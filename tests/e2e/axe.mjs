// Accessibility measured with axe-core (the maintained engine), in the page itself: the panel and badges
// live in open shadow roots, which axe walks. Usage, in any e2e spec and either browser:
//   await assertAccessible(page, { label: 'panel, dark', include: ['[data-hf-drift="panel"]'] });
// `include` (CSS selectors; default: the whole document) limits the check to our UI on Hub pages, whose
// own markup is not ours to judge. Fails on any serious or critical violation, listing each readably;
// returns all violations found (minor and moderate ones included) for a spec that wants to print them.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';

const AXE_SOURCE = fs.readFileSync(fileURLToPath(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url)), 'utf8');
const FAILING_IMPACTS = new Set(['serious', 'critical']);

/**
 * @param {{ raw: any, evaluate: (fn: Function, arg?: any) => Promise<any> }} page a HubPage of harness.mjs
 * @param {{ label: string, include?: string[] }} options
 */
export async function assertAccessible(page, { label, include } = { label: 'page' }) {
  if (!(await page.evaluate(() => typeof window.axe?.run === 'function'))) {
    // As a script string: the evaluation is the browser's (CDP / BiDi), so page CSP does not block it.
    await page.raw.evaluate(AXE_SOURCE);
  }
  const outcome = await page.evaluate(async (selectors) => {
    if (selectors) {
      const missing = selectors.filter((s) => !document.querySelector(s));
      if (missing.length) return { missing };
    }
    const context = selectors ? { include: selectors.map((s) => [s]) } : document;
    const result = await window.axe.run(context, { resultTypes: ['violations'] });
    return {
      violations: result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => ({ target: JSON.stringify(n.target), html: n.html.slice(0, 160), summary: n.failureSummary ?? '' })),
      })),
    };
  }, include ?? null);
  assert.ok(!outcome.missing, `${label}: nothing to check, ${outcome.missing?.join(', ')} not on the page`);
  const failing = outcome.violations.filter((v) => FAILING_IMPACTS.has(v.impact));
  if (failing.length) {
    const lines = failing.flatMap((v) => [
      `${v.impact} ${v.id}: ${v.help} (${v.nodes.length} element${v.nodes.length === 1 ? '' : 's'})`,
      ...v.nodes.slice(0, 5).map((n) => `    ${n.target} ${n.html}\n      ${n.summary.replace(/\n/g, '\n      ')}`),
    ]);
    assert.fail(`${label}: ${failing.length} serious/critical accessibility violation(s)\n  ${lines.join('\n  ')}`);
  }
  return outcome.violations;
}
