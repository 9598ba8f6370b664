// Issue 13: where no feature can apply, the extension does no work at all — its content script is not
// even injected (the `hf-drift:start` mark it sets first thing is absent). Leaving such a section for a
// model page or a listing (a full page load on the Hub) brings it back.
import { assert, clickLink, HUB, hubCalls, sleep, waitForPanel } from '../lib.mjs';

const SECTIONS = ['/', '/datasets', '/datasets/akariasai/PopQA', '/spaces', '/docs', '/blog'];

/** Whether the content script ran in this page (it marks its start before anything else). */
const started = (page) => page.evaluate(() => performance.getEntriesByName('hf-drift:start').length);

export default {
  tests: [
    {
      name: 'not injected on the home page, datasets, Spaces, docs or the blog; injected on model and listing pages',
      async run({ session, hub }) {
        const page = await session.newPage();
        const from = hub.requests.length;
        for (const path of SECTIONS) {
          await page.goto(`${HUB}${path}`);
          await sleep(150);
          assert.equal(await started(page), 0, `content script ran on ${path}`);
        }
        assert.deepEqual(hubCalls(hub, from).filter((r) => r.kind === 'api' || r.kind === 'resolvers').map((r) => r.path), []);
        // The same tab, leaving a dataset page for a model page by a link: the panel comes.
        await page.goto(`${HUB}/datasets/akariasai/PopQA`);
        await clickLink(page, '/meta-llama/Llama-3.1-8B-Instruct');
        await waitForPanel(page);
        assert.equal(await started(page), 1, 'content script on the model page');
        await page.goto(`${HUB}/models?other=base_model:finetune:meta-llama/Llama-3.1-8B-Instruct`);
        await sleep(150);
        assert.equal(await started(page), 1, 'content script on a listing');
        await page.close();
      },
    },
    {
      name: "on a model page the Hub's own code receives no message from the extension",
      async run({ session }) {
        const page = await session.newPage();
        await page.onNewDocument(() => {
          window.__messages = [];
          window.addEventListener('message', (event) => window.__messages.push(JSON.stringify(event.data ?? null).slice(0, 200)));
        });
        await page.goto(`${HUB}/skyforge/Sky-Chat-8B`);
        await waitForPanel(page);
        await sleep(300);
        assert.equal(await started(page), 1, 'the content script ran');
        assert.deepEqual(await page.evaluate(() => window.__messages), [], 'no window message reached the page');
        await page.close();
      },
    },
    {
      name: "a file download link on a model page leaves the panel where it is",
      async run({ session }) {
        const page = await session.newPage();
        await page.goto(`${HUB}/meta-llama/Llama-3.1-8B-Instruct/tree/main`);
        await waitForPanel(page);
        await page.evaluate(() => document.querySelector('[data-hf-drift="panel"]').setAttribute('data-e2e-original', 'yes'));
        await clickLink(page, '/meta-llama/Llama-3.1-8B-Instruct/resolve/main/config.json?download=true', { download: 'config.json' });
        await sleep(1000);
        const panels = await page.evaluate(() => [...document.querySelectorAll('[data-hf-drift="panel"]')].map((p) => p.getAttribute('data-e2e-original')));
        assert.deepEqual(panels, ['yes'], 'the same panel, not removed or rebuilt');
        await page.close();
      },
    },
  ],
};
