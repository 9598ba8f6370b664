// Issue 13: the extension leaves half of the Hub's stated quota to the user. With a small quota on the
// offline Hub it keeps to q/2 API calls and shows a clear "paused" state; when someone else on this IP has
// already used most of the window, it learns so from one request and sends no more.
import { assert, HUB, hubCalls, sleep, waitForPanel, panelFacts } from '../lib.mjs';

const QUOTA = 12;
const COLD_MODELS = [
  'tinker-labs/Llama-3.1-8B-Instruct-Medical',
  'byte-garden/Llama-3.1-8B-Instruct-Legal',
  'quill-ai/Llama-3.1-8B-Instruct-Finance',
  'lumen-research/Llama-3.1-8B-Instruct-Code',
  'harbor-nlp/Llama-3.1-8B-Instruct-Math',
  'ollm-community/Llama-3.1-8B-Instruct-Roleplay',
  'fieldnotes/Llama-3.1-8B-Instruct-German',
  'stackwise/Llama-3.1-8B-Instruct-French',
];

/** API calls the extension made (the browser's own page loads are another bucket). */
const apiCalls = (hub, from) => hubCalls(hub, from).filter((r) => r.kind === 'api');

export default {
  tests: [
    {
      name: `a small quota (q=${QUOTA}): eight cold model pages make at most q/2 API calls and end paused, never 429`,
      fresh: true,
      timeout: 120_000,
      async run({ session, hub }) {
        hub.setQuotas({ api: QUOTA });
        hub.resetRateLimits();
        const from = hub.requests.length;
        const texts = [];
        for (const id of COLD_MODELS) {
          const page = await session.newPage();
          await page.goto(`${HUB}/${id}`);
          await waitForPanel(page);
          await sleep(300);
          texts.push((await panelFacts(page)).text);
          await page.close();
        }
        const calls = apiCalls(hub, from);
        console.log(calls.map((c) => `      ${c.status} ${c.path.slice(0, 110)}`).join("\n"));
        console.log(`    ${calls.length} API calls; paused on pages ${texts.map((t, i) => (/Paused/.test(t) ? i + 1 : 0)).filter(Boolean)}`);
        assert.ok(calls.length <= QUOTA / 2, `${calls.length} API calls with q=${QUOTA}`);
        assert.ok(calls.length >= QUOTA / 4, `the extension did use its half (${calls.length} calls)`);
        assert.equal(calls.filter((r) => r.status === 429).length, 0, 'the Hub never had to answer 429');
        assert.match(texts.at(-1), /Paused so your own use of the Hub keeps its share/);
        assert.ok(texts.every((t) => !/asked us to slow down/.test(t)));
      },
    },
    {
      name: 'most of the window already used by another client: one API request tells the extension, then it waits',
      fresh: true,
      async run({ session, hub }) {
        hub.setQuotas({ api: QUOTA });
        hub.resetRateLimits();
        hub.spendQuota('api', QUOTA - 4); // the user's own scripts: 4 left, fewer than q/2
        const from = hub.requests.length;
        const page = await session.newPage();
        await page.goto(`${HUB}/${COLD_MODELS[0]}`);
        await waitForPanel(page);
        await sleep(800);
        const facts = await panelFacts(page);
        await page.close();
        assert.equal(apiCalls(hub, from).length, 1, 'exactly the request that learned the count');
        assert.match(facts.text, /Paused so your own use of the Hub keeps its share/);
      },
    },
  ],
};
