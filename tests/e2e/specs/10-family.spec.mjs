// Issue 14: the lineage graph in the panel and the family explorer page, on the built extension.
import { assert, hubCalls, openModel, sleep } from '../lib.mjs';

const SKY = 'skyforge/Sky-Chat-8B';
const INSTRUCT = 'meta-llama/Llama-3.1-8B-Instruct';
const ROOT = 'meta-llama/Llama-3.1-8B';

/** The lineage graph's DOM contract, read from the panel's shadow root. */
function graphFacts() {
  const root = document.querySelector('[data-hf-drift="panel"]')?.shadowRoot;
  const svg = root?.querySelector('svg[data-lineage-graph]');
  if (!svg) return null;
  return {
    nodes: [...svg.querySelectorAll('[data-node]')].map((n) => ({ id: n.getAttribute('data-node'), href: n.getAttribute('href'), name: n.getAttribute('aria-label') })),
    edges: Object.fromEntries([...svg.querySelectorAll('[data-edge]')].map((e) => [e.getAttribute('data-edge'), e.getAttribute('data-change')])),
    relaxedMark: svg.querySelector('[data-change="relaxed"] text')?.textContent ?? null,
    legend: svg.querySelector('.lg-legend')?.textContent ?? '',
    width: svg.getBoundingClientRect().width,
    panelWidth: root.querySelector('.panel').getBoundingClientRect().width,
    explore: !!root.querySelector('a[data-action="explore-family"]'),
  };
}

/** The explorer's state: progress, drawn nodes, folded groups, figures. */
function explorerFacts() {
  const progress = document.querySelector('[data-progress]');
  const tree = document.querySelector('[data-family-tree]');
  return {
    state: progress?.getAttribute('data-state'),
    reason: progress?.getAttribute('data-reason'),
    used: Number(progress?.getAttribute('data-used')),
    budget: Number(progress?.getAttribute('data-budget')),
    requests: Number(progress?.getAttribute('data-requests')),
    models: Number(progress?.getAttribute('data-models')),
    text: progress?.textContent ?? '',
    drawn: tree ? [...tree.querySelectorAll('[data-node]')].map((n) => n.getAttribute('data-node')) : [],
    groups: tree ? [...tree.querySelectorAll('[data-group]')].map((g) => ({ key: g.getAttribute('data-group'), members: (g.getAttribute('data-members') ?? '').split(' ').filter(Boolean) })) : [],
    relaxedEdges: tree ? [...tree.querySelectorAll('[data-edge][data-change="relaxed"]')].map((e) => e.getAttribute('data-edge')) : [],
    figures: Object.fromEntries([...document.querySelectorAll('[data-figure]')].map((f) => [f.getAttribute('data-figure'), Number(f.getAttribute('data-sample-size'))])),
    relaxedCells: [...document.querySelectorAll('[data-figure="license-transitions"] td[data-change="relaxed"]')].map((c) => ({ from: c.getAttribute('data-from'), to: c.getAttribute('data-to'), count: Number(c.getAttribute('data-count')) })),
    studyLines: [...document.querySelectorAll('[data-figure] .study-line')].map((l) => l.textContent),
    reference: !!document.querySelector('[data-figure="card-length-by-generation"] [data-reference="study"]'),
  };
}

/** Resolves with the URL of the family.html tab the extension opens next. */
function explorerTab(session) {
  if (session.name === 'chromium') {
    return session.context.waitForEvent('page', { predicate: (p) => p.url().includes('/family.html'), timeout: 15_000 }).then((p) => p.url());
  }
  return (async () => {
    // BiDi reports a new tab's URL late: ask each open page where it is.
    for (let i = 0; i < 150; i++) {
      for (const p of await session.browser.pages()) {
        const href = await p.evaluate(() => location.href).catch(() => p.url());
        if (href.includes('/family.html')) return href;
      }
      await sleep(100);
    }
    throw new Error('no family.html tab opened');
  })();
}

/** Closes explorer tabs so their crawls do not run beside the next test's. */
async function closeExplorerTabs(session) {
  if (session.name === 'chromium') {
    await Promise.all(session.context.pages().filter((p) => p.url().includes('/family.html')).map((p) => p.close()));
    return;
  }
  for (const p of await session.browser.pages()) {
    if ((await p.evaluate(() => location.href).catch(() => p.url())).includes('/family.html')) await p.close();
  }
}

export default {
  tests: [
    {
      name: 'the Llama family shows the lineage graph in the panel with the relaxed edge marked',
      async run({ session }) {
        const { page } = await openModel(session, `/${SKY}`);
        const facts = await page.waitFor(graphFacts, undefined, { message: 'lineage graph' });
        assert.deepEqual(facts.nodes.map((n) => n.id), [ROOT, INSTRUCT, SKY]);
        assert.equal(facts.edges[`${INSTRUCT}>${SKY}`], 'relaxed');
        assert.equal(facts.edges[`${ROOT}>${INSTRUCT}`], 'same');
        assert.equal(facts.relaxedMark, '!');
        assert.match(facts.legend, /relaxed.*tightened.*same.*unknown/);
        assert.equal(facts.nodes[0].href, `https://huggingface.co/${ROOT}`);
        assert.ok(facts.nodes.every((n) => n.name), 'every node has an accessible name');
        assert.ok(facts.width > 200 && facts.width <= facts.panelWidth, `fits the sidebar (${facts.width} of ${facts.panelWidth} px)`);
        assert.ok(facts.explore, 'explore link');
        // Each node is a link reachable from the keyboard.
        const focusable = await page.evaluate(() => {
          const root = document.querySelector('[data-hf-drift="panel"]').shadowRoot;
          const node = root.querySelector('[data-node]');
          node.focus();
          return root.activeElement === node;
        });
        assert.ok(focusable, 'a graph node takes focus');
        await page.close();
      },
    },
    {
      name: 'the panel link opens the family explorer in a new tab',
      async run({ session }) {
        const { page } = await openModel(session, `/${SKY}`);
        await page.waitFor(graphFacts, undefined, { message: 'lineage graph' });
        const opened = explorerTab(session);
        await page.evaluate(() => document.querySelector('[data-hf-drift="panel"]').shadowRoot.querySelector('a[data-action="explore-family"]').click());
        const url = await opened;
        await closeExplorerTabs(session);
        assert.ok(url.startsWith(session.extensionOrigin), url);
        assert.equal(new URL(url).searchParams.get('model'), SKY);
        await page.close();
      },
    },
    {
      name: 'the popup\'s model view opens the family explorer too',
      async run({ session }) {
        const { page } = await openModel(session, `/${SKY}`);
        await page.bringToFront();
        const popup = await session.extensionPage('popup.html');
        await popup.waitFor(
          () => !!document.querySelector('[data-hf-drift="popup-panel"]')?.shadowRoot?.querySelector('a[data-action="explore-family"]'),
          undefined,
          { message: 'explore link in the popup' },
        );
        const opened = explorerTab(session);
        await popup.evaluate(() => document.querySelector('[data-hf-drift="popup-panel"]').shadowRoot.querySelector('a[data-action="explore-family"]').click());
        const url = await opened;
        assert.equal(new URL(url).searchParams.get('model'), SKY);
        await closeExplorerTabs(session);
        await popup.close();
        await page.close();
      },
    },
    {
      name: 'the explorer draws every crawled node, the four figures and an honest stop at the budget',
      async run({ session, hub }) {
        await (async () => {
          const options = await session.extensionPage('options.html');
          await options.evaluate(() => browser.runtime.sendMessage({ type: 'cache-clear' }));
          await options.close();
        })();
        const from = hub.requests.length;
        const page = await session.extensionPage(`family.html?model=${encodeURIComponent(SKY)}`);
        const facts = await page.waitFor(
          () => {
            const state = document.querySelector('[data-progress]')?.getAttribute('data-state');
            // The tree draws in slices: wait until the last one is in.
            const drawn = document.querySelector('[data-family-tree]')?.getAttribute('data-rendering') === 'false';
            return state && state !== 'running' && drawn ? state : null;
          },
          undefined,
          { timeout: 30_000, message: 'crawl end' },
        ).then(() => page.evaluate(explorerFacts));
        assert.equal(facts.state, 'stopped');
        assert.equal(facts.reason, 'budget');
        assert.match(facts.text, /Stopped at the budget/);
        assert.equal(facts.budget, 25);
        assert.ok(facts.used <= 25, `used ${facts.used}`);
        await sleep(300);
        const calls = hubCalls(hub, from).length;
        assert.ok(calls <= 25, `the Hub saw ${calls} requests for a budget of 25`);
        assert.equal(facts.requests, calls, `the page reports the requests the Hub saw: ${hubCalls(hub, from).map((r) => r.path).join('\n')}`);
        // Every crawled model is drawn, or counted in a folded group; expanding the groups draws them all.
        const seen = new Set([...facts.drawn, ...facts.groups.flatMap((g) => g.members)]);
        assert.equal(seen.size, facts.models);
        assert.ok(facts.models > 100, `models found: ${facts.models}`);
        assert.ok(facts.drawn.includes(SKY) && facts.drawn.includes(ROOT));
        assert.ok(facts.relaxedEdges.includes(`${INSTRUCT}>${SKY}`), 'the relaxed edge is marked in the tree');
        for (const group of facts.groups) {
          await page.evaluate((key) => document.querySelector(`[data-group="${CSS.escape(key)}"]`)?.dispatchEvent(new MouseEvent('click', { bubbles: true })), group.key);
        }
        const expanded = await page.waitFor(
          (n) => {
            const drawn = document.querySelectorAll('[data-family-tree] [data-node]').length;
            return drawn === n ? drawn : null;
          },
          facts.models,
          { message: 'all groups expanded' },
        );
        assert.equal(expanded, facts.models);
        // The four figures, each with a sample size and the study's number beside it.
        for (const figure of ['license-transitions', 'card-length-by-generation', 'languages-by-generation', 'task-transitions']) {
          assert.ok(facts.figures[figure] > 0, `${figure}: sample size ${facts.figures[figure]}`);
        }
        assert.ok(facts.relaxedCells.some((c) => c.from === 'custom-commercial' && c.to === 'permissive' && c.count > 0), JSON.stringify(facts.relaxedCells));
        assert.equal(facts.studyLines.length, 4);
        assert.ok(facts.studyLines.every((l) => /whole Hub \(study/.test(l)));
        assert.ok(facts.reference, 'the study\'s ≈0.45× reference line');
        await page.close();
      },
    },
    {
      name: 'a second visit costs nothing, and a larger budget continues',
      async run({ session, hub }) {
        const open = async (budget) => {
          const from = hub.requests.length;
          const page = await session.extensionPage(`family.html?model=${encodeURIComponent(SKY)}`);
          const end = () => {
            const state = document.querySelector('[data-progress]')?.getAttribute('data-state');
            return state && state !== 'running' ? state : null;
          };
          await page.waitFor(end, undefined, { timeout: 30_000, message: 'first crawl end' });
          if (budget !== 25) {
            await page.evaluate((b) => document.querySelector(`input[data-budget="${b}"]`).click(), budget);
            await page.evaluate(() => document.querySelector('[data-action="crawl"]').click());
            await page.waitFor(() => document.querySelector('[data-progress]')?.getAttribute('data-state') === 'running' || null, undefined, { message: 'restart' }).catch(() => undefined);
            await page.waitFor(end, undefined, { timeout: 60_000, message: 'second crawl end' });
          }
          await sleep(300);
          const facts = await page.evaluate(explorerFacts);
          await page.close();
          return { facts, calls: hubCalls(hub, from).length };
        };
        const first = await open(25); // warm from the previous test or cold: within the budget either way
        assert.ok(first.calls <= 25);
        const again = await open(25);
        assert.equal(again.calls, 0, 'a second visit within the TTL asks the Hub nothing');
        assert.equal(again.facts.models, first.facts.models);
        const larger = await open(100);
        assert.ok(larger.calls <= 100, `larger budget: ${larger.calls} requests`);
        assert.ok(larger.facts.models > first.facts.models, `${larger.facts.models} > ${first.facts.models}`);
      },
    },
  ],
};
