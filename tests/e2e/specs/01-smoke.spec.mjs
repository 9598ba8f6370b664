// Issue 2: the built extension loads in both browsers, runs on model pages only, and its popup opens.
import { assert, clickLink, HUB, hubCalls, openModel, sleep, waitForPanel } from '../lib.mjs';

export default {
  tests: [
    {
      name: 'the content script shows the panel on a model page',
      async run({ session }) {
        const { page, count, model } = await openModel(session, '/meta-llama/Llama-3.1-8B-Instruct');
        assert.equal(count, 1);
        assert.equal(model, 'meta-llama/Llama-3.1-8B-Instruct');
        await page.close();
      },
    },
    {
      name: 'nothing is injected on a dataset page and no Hub API call is made',
      async run({ session, hub }) {
        const page = await session.newPage();
        const from = hub.requests.length;
        await page.goto(`${HUB}/datasets/akariasai/PopQA`);
        await sleep(1500);
        const injected = await page.evaluate(() => document.querySelectorAll('[data-hf-drift], [data-hf-drift-badge]').length);
        assert.equal(injected, 0);
        assert.deepEqual(hubCalls(hub, from).map((r) => r.path), []);
        // The script is not even injected here (no start mark); paired presence check: the same tab gets
        // the panel once a link takes it to a model page (the Hub moves between sections by page loads).
        assert.equal(await page.evaluate(() => performance.getEntriesByName('hf-drift:start').length), 0, 'the content script stayed out');
        await clickLink(page, '/meta-llama/Llama-3.1-8B-Instruct');
        await waitForPanel(page);
        await page.close();
      },
    },
    {
      name: 'the popup opens and offers a search box',
      async run({ session }) {
        const popup = await session.extensionPage('popup.html');
        await popup.waitFor(() => !!document.querySelector('input[role="combobox"]'), undefined, { message: 'search box' });
        await popup.close();
      },
    },
  ],
};
