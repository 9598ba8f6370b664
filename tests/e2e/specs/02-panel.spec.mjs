// Issue 5 (and the warm-cache check of issue 3): the drift panel on model pages of the offline Hub.
import { assert, HUB, clearExtensionCache, hubCalls, openModel, panelFacts, sleep, waitForFamily, waitForPanel } from '../lib.mjs';

const SKY = '/skyforge/Sky-Chat-8B';

export default {
  tests: [
    {
      name: 'the relicensed Llama fine-tune shows the relaxation flag and a narrowed languages row',
      async run({ session }) {
        const { page } = await openModel(session, SKY);
        const facts = await panelFacts(page);
        assert.equal(facts.relaxationFlags, 1, 'one relaxation flag');
        assert.equal(facts.rows.license, 'relaxed');
        assert.equal(facts.rows.languages, 'narrowed');
        assert.equal(facts.rows['card-length'], 'shrank');
        assert.equal(facts.rows['auto-generated'], 'added');
        assert.deepEqual(facts.parents, [
          { id: 'meta-llama/Llama-3.1-8B-Instruct', relation: 'finetune', href: 'https://huggingface.co/meta-llama/Llama-3.1-8B-Instruct' },
        ]);
        assert.match(facts.text, /Llama/, 'the flag names the clause at stake');
        const licenseLink = await page.evaluate(() =>
          document.querySelector('[data-hf-drift="panel"]').shadowRoot.querySelector('[data-license-link]')?.getAttribute('href'),
        );
        assert.match(licenseLink ?? '', /^https:\/\//, 'a link to the parent license');
        await page.close();
      },
    },
    {
      name: 'a sibling that kept llama3.1 shows no relaxation',
      async run({ session }) {
        const { page } = await openModel(session, '/northwind/Llama-3.1-8B-Instruct-Support');
        const facts = await panelFacts(page);
        assert.equal(facts.relaxationFlags, 0);
        assert.equal(facts.rows.license, 'same');
        assert.equal(facts.rows.languages, 'same');
        await page.close();
      },
    },
    {
      name: 'the merge shows both parents',
      async run({ session }) {
        const { page } = await openModel(session, '/mergekit-fans/Llama-3.1-SkyNorth-Merge-8B');
        const facts = await panelFacts(page);
        assert.deepEqual(
          facts.parents.map((p) => `${p.relation}:${p.id}`).sort(),
          ['merge:northwind/Llama-3.1-8B-Instruct-Support', 'merge:skyforge/Sky-Chat-8B'],
        );
        await page.close();
      },
    },
    {
      name: 'the GGUF shows its quantized relation',
      async run({ session }) {
        const { page } = await openModel(session, '/quantfolk/Llama-3.1-8B-Instruct-GGUF');
        const facts = await panelFacts(page);
        assert.deepEqual(facts.parents.map((p) => p.relation), ['quantized']);
        assert.equal(facts.relaxationFlags, 0);
        await page.close();
      },
    },
    {
      name: 'a root shows family statistics with children counts and the sample size',
      async run({ session }) {
        const { page } = await openModel(session, '/meta-llama/Llama-3.1-8B-Instruct');
        await waitForFamily(page);
        const facts = await panelFacts(page);
        assert.ok(Number(facts.children.finetune?.replace(/\D/g, '')) >= 40, `finetune count: ${facts.children.finetune}`);
        assert.ok(facts.familyBlocks.includes('finetune'), 'a fine-tune family block');
        const sample = await page.evaluate(() =>
          Number(document.querySelector('[data-hf-drift="panel"]').shadowRoot.querySelector('[data-family="finetune"] [data-sample-size]')?.getAttribute('data-sample-size')),
        );
        assert.ok(sample >= 40, `sample size shown: ${sample}`);
        assert.match(facts.text, /19\.8/, "the study's 19.8 % license-change figure is beside the family's");
        const root = await openModel(session, '/bigfam/base-1b');
        await waitForFamily(root.page);
        const rootFacts = await panelFacts(root.page);
        assert.match(rootFacts.text, /root/i);
        assert.match(rootFacts.text, /sample of/, 'a 1,600-child family is labelled as a sample');
        await root.page.close();
        await page.close();
      },
    },
    {
      name: 'the gated parent, the missing parent and the cycle each end in a clear message',
      async run({ session }) {
        // The rarer gated case: even the parent's API answers 403 (the common one is in 08-markup).
        const gated = await openModel(session, '/opensealed/Sealed-7B-chat');
        const g = await panelFacts(gated.page);
        assert.equal(g.chainEnd, 'gated');
        assert.match(g.text, /sealed-ai\/Sealed-7B is gated/);
        await gated.page.close();

        const missing = await openModel(session, '/orphan-works/orphan-7b-ft');
        const m = await panelFacts(missing.page);
        assert.equal(m.chainEnd, 'not-found');
        assert.match(m.text, /vanished-org\/vanished-7b could not be found|vanished-org\/vanished-7b is missing/);
        await missing.page.close();

        const loop = await openModel(session, '/loop-a/ouroboros-a');
        const l = await panelFacts(loop.page);
        assert.equal(l.chainEnd, 'cycle');
        assert.match(l.text, /loop back/);
        assert.equal(l.panels, 1);
        await loop.page.close();
      },
    },
    {
      name: 'HTML and script payloads in names, tags, license and card render as text',
      async run({ session }) {
        const page = await session.newPage();
        await page.onNewDocument(() => {
          window.__alerts = [];
          window.alert = (message) => window.__alerts.push(String(message));
        });
        await page.goto(`${HUB}/xss-lab/payload-model`);
        await waitForPanel(page);
        await waitForFamily(page).catch(() => {});
        const result = await page.evaluate(() => {
          const root = document.querySelector('[data-hf-drift="panel"]').shadowRoot;
          root.querySelector('.details-toggle')?.click();
          return {
            alerts: window.__alerts,
            injected: root.querySelectorAll('img, script, svg:not([data-lineage-graph]), iframe, object').length,
            escapedText: root.textContent.includes('<img src=x onerror=') || root.textContent.includes('<svg onload='),
            lightDomPayloads: document.querySelectorAll('img[src="x"], svg[onload]').length,
          };
        });
        assert.deepEqual(result.alerts, [], 'no script ran');
        assert.equal(result.injected, 0, 'no element from Hub data inside the shadow root');
        assert.equal(result.lightDomPayloads, 0, 'nothing escaped into the page');
        assert.ok(result.escapedText, 'the payload is shown as plain text');
        await page.close();
      },
    },
    {
      name: 'follows the Hub theme and opens its details from the keyboard',
      async run({ session }) {
        const { page } = await openModel(session, SKY);
        const theme = await page.evaluate(async () => {
          const host = document.querySelector('[data-hf-drift="panel"]');
          const before = host.getAttribute('data-theme');
          document.documentElement.classList.add('dark');
          await new Promise((r) => setTimeout(r, 50));
          return [before, host.getAttribute('data-theme')];
        });
        assert.deepEqual(theme, ['light', 'dark']);
        await page.evaluate(() => document.querySelector('[data-hf-drift="panel"]').shadowRoot.querySelector('.details-toggle').focus());
        await page.press('Enter');
        const open = await page.evaluate(() => {
          const root = document.querySelector('[data-hf-drift="panel"]').shadowRoot;
          return { expanded: root.querySelector('.details-toggle').getAttribute('aria-expanded'), hidden: root.querySelector('.details').hidden };
        });
        assert.deepEqual(open, { expanded: 'true', hidden: false });
        await page.close();
      },
    },
    {
      name: 'refresh asks the Hub again and the panel comes back ready',
      async run({ session, hub }) {
        const { page } = await openModel(session, SKY);
        await waitForFamily(page);
        const from = hub.requests.length;
        await page.evaluate(() => document.querySelector('[data-hf-drift="panel"]').shadowRoot.querySelector('[aria-label="Refresh drift data"]').click());
        for (let waited = 0; !hubCalls(hub, from).some((r) => r.pathname === '/api/models/skyforge/Sky-Chat-8B') && waited < 10_000; waited += 50) {
          await sleep(50);
        }
        await page.waitFor(
          () => {
            const root = document.querySelector('[data-hf-drift="panel"]').shadowRoot;
            const button = root.querySelector('[aria-label="Refresh drift data"]');
            return button?.getAttribute('aria-disabled') === 'false' && !root.textContent.includes('Sampling the family');
          },
          undefined,
          { message: 'refreshed' },
        );
        const paths = hubCalls(hub, from).map((r) => r.pathname);
        assert.ok(paths.includes('/api/models/skyforge/Sky-Chat-8B'), `the model was asked again: ${paths.join(' ')}`);
        assert.ok(paths.includes('/api/models/meta-llama/Llama-3.1-8B-Instruct'), `and its parent: ${paths.join(' ')}`);
        assert.equal((await panelFacts(page)).relaxationFlags, 1);
        await page.close();
      },
    },
    {
      name: 'a second visit within the TTL makes 0 Hub requests (cold visit counted too)',
      async run({ session, hub }) {
        await clearExtensionCache(session);
        const from = hub.requests.length;
        const cold = await openModel(session, SKY);
        await waitForFamily(cold.page);
        await sleep(300);
        const coldCalls = hubCalls(hub, from);
        await cold.page.close();
        assert.ok(coldCalls.length > 0 && coldCalls.length <= 8, `cold visit: ${coldCalls.length} requests: ${coldCalls.map((r) => r.path).join(' ')}`);
        const warmFrom = hub.requests.length;
        const warm = await openModel(session, SKY, { state: 'ready' });
        await waitForFamily(warm.page);
        await sleep(500);
        assert.deepEqual(hubCalls(hub, warmFrom).map((r) => r.path), [], 'warm visit makes no Hub request');
        await warm.page.close();
      },
    },
  ],
};
