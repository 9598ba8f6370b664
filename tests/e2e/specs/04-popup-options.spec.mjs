// Issue 7: popup search and the options page (token, switches, export), on the built extension.
import { parseCsv } from '../../support/csv-parse.mjs';
import { assert, HUB, hubCalls, openModel, sleep } from '../lib.mjs';

const TOKEN = 'hf_offlineTestToken123';

export default {
  tests: [
    {
      name: 'typing part of a model id finds it; Enter shows its relaxation flag',
      async run({ session }) {
        const popup = await session.extensionPage('popup.html');
        await popup.waitFor(() => !!document.querySelector('#hfd-search'), undefined, { message: 'search box' });
        // A popup opened as a tab may start on the last model page; go back to the search if so.
        await popup.evaluate(() => document.querySelector('.model-view .back')?.click());
        await popup.evaluate(() => document.querySelector('#hfd-search').focus());
        await popup.type('Sky-Chat');
        await popup.waitFor(
          () => [...document.querySelectorAll('[role="option"]')].some((o) => o.textContent.includes('skyforge/Sky-Chat-8B')),
          undefined,
          { message: 'search result' },
        );
        // The result carries its drift badge.
        const badge = await popup.evaluate(() => {
          const option = [...document.querySelectorAll('[role="option"]')].find((o) => o.textContent.includes('skyforge/Sky-Chat-8B'));
          return option?.textContent ?? '';
        });
        assert.match(badge, /relaxed/i);
        const index = await popup.evaluate(() =>
          [...document.querySelectorAll('[role="option"]')].findIndex((o) => o.textContent.includes('skyforge/Sky-Chat-8B')),
        );
        for (let i = 0; i <= index; i++) await popup.press('ArrowDown');
        await popup.press('Enter');
        await popup.waitFor(
          () => !!document.querySelector('[data-hf-drift="popup-panel"]')?.shadowRoot?.querySelector('[data-flag="license-relaxation"]'),
          undefined,
          { message: 'relaxation flag in the popup' },
        );
        const title = await popup.evaluate(() => document.querySelector('#hfd-model-title')?.textContent);
        assert.equal(title, 'skyforge/Sky-Chat-8B');
        await popup.close();
      },
    },
    {
      name: 'opened on a model page, the popup shows that model',
      async run({ session }) {
        const { page } = await openModel(session, '/pocketlab/gemma-2-2b-it-mit');
        await page.bringToFront();
        const popup = await session.extensionPage('popup.html');
        await popup.waitFor(() => document.querySelector('#hfd-model-title')?.textContent, undefined, { message: 'model view' });
        assert.equal(await popup.evaluate(() => document.querySelector('#hfd-model-title').textContent), 'pocketlab/gemma-2-2b-it-mit');
        await popup.waitFor(
          () => !!document.querySelector('[data-hf-drift="popup-panel"]')?.shadowRoot?.querySelector('[data-flag="license-relaxation"]'),
          undefined,
          { message: 'gemma → mit relaxation in the popup' },
        );
        await popup.close();
        await page.close();
      },
    },
    {
      name: 'the token saved in options is sent on Hub requests and nowhere else',
      async run({ session, hub, browserName }) {
        const options = await session.extensionPage('options.html');
        await options.waitFor(() => !!document.querySelector('#token-input'), undefined, { message: 'token field' });
        await options.evaluate(() => document.querySelector('#token-input').focus());
        await options.type(TOKEN);
        await options.evaluate(() => document.querySelector('#token-input').form.requestSubmit());
        await options.waitFor(() => !!document.querySelector('[data-token-state="saved"]'), undefined, { message: 'token saved' });
        const pageText = await options.evaluate(() => document.body.textContent);
        assert.ok(!pageText.includes(TOKEN), 'the token is shown masked');
        // "Test token" reports the account name.
        await options.evaluate(() => [...document.querySelectorAll('button')].find((b) => b.textContent.includes('Test token')).click());
        await options.waitFor(() => document.body.textContent.includes('offline-tester'), undefined, { message: 'account name' });
        try {
          await options.evaluate(() => browser.runtime.sendMessage({ type: 'cache-clear' }));
          const from = hub.requests.length;
          const { page } = await openModel(session, '/northwind/Llama-3.1-8B-Instruct-Support');
          await sleep(500);
          const api = hub.requests.slice(from).filter((r) => r.kind === 'api' && r.pathname.startsWith('/api/models'));
          assert.ok(api.length > 0, 'the panel asked the Hub');
          for (const r of api) assert.equal(r.headers.authorization, `Bearer ${TOKEN}`, `${r.pathname} carries the token`);
          // The measure first: a request that does carry the token to another host must be seen (Chromium:
          // its request events; Firefox: the harness's proxy sends every other host to a recording server).
          await page.evaluate((token) => fetch(`https://elsewhere.example/canary?t=${token}`, { mode: 'no-cors' }).catch(() => {}), TOKEN);
          const carriesToken = (r) => r.url.includes(TOKEN) || Object.values(r.headers).some((v) => String(v).includes(TOKEN));
          for (let waited = 0; !session.outgoing.some((r) => r.url.includes('/canary') && carriesToken(r)) && waited < 5000; waited += 50) await sleep(50);
          assert.ok(session.outgoing.some((r) => r.url.includes('/canary') && carriesToken(r)), `[${browserName}] the canary carrying the token was seen leaving`);
          const elsewhere = session.outgoing.filter(
            (r) => !r.url.startsWith('https://huggingface.co/') && !r.url.includes('/canary') && carriesToken(r),
          );
          console.log(`    [${browserName}] requests to other hosts seen: ${session.outgoing.filter((r) => !r.url.startsWith('https://huggingface.co/')).length}, carrying the token: ${elsewhere.length} (canary aside)`);
          assert.deepEqual(elsewhere.map((r) => r.url), [], 'the token never leaves for another origin');
          await page.close();
        } finally {
          await options.evaluate(() => [...document.querySelectorAll('button')].find((b) => b.textContent.includes('Remove token')).click());
          await options.waitFor(() => !!document.querySelector('[data-token-state="none"]'), undefined, { message: 'token removed' });
          await options.close();
        }
      },
    },
    {
      name: 'switching badges off in the options page stops listing requests',
      async run({ session, hub }) {
        const options = await session.extensionPage('options.html');
        // The switches are disabled until their stored values have loaded.
        await options.waitFor(
          () => {
            const box = document.querySelector('#switch-badges');
            return !!box && !box.closest('fieldset')?.disabled && box.checked;
          },
          undefined,
          { message: 'switches loaded' },
        );
        await options.evaluate(() => document.querySelector('#switch-badges').click());
        await options.waitFor(async () => {
          const stored = await browser.storage.local.get('featureSwitches');
          return stored.featureSwitches?.badges === false;
        }, undefined, { message: 'badges off saved' });
        await options.evaluate(() => browser.runtime.sendMessage({ type: 'cache-clear' }));
        try {
          const page = await session.newPage();
          const from = hub.requests.length;
          await page.goto(`${HUB}/models?search=Instruct`);
          await sleep(1200);
          assert.deepEqual(hubCalls(hub, from).map((r) => r.pathname), []);
          assert.equal(await page.evaluate(() => document.querySelectorAll('[data-hf-drift-badge]').length), 0);
          // Paired presence check: switched back on in the options page, the same listing gets badges.
          await options.evaluate(() => document.querySelector('#switch-badges').click());
          await options.waitFor(async () => (await browser.storage.local.get('featureSwitches')).featureSwitches?.badges === true, undefined, {
            message: 'badges back on',
          });
          await page.goto(`${HUB}/models?search=Instruct`);
          await page.evaluate(() => scrollTo(0, 0));
          await page.waitFor(() => document.querySelectorAll('[data-hf-drift-badge]').length > 0, undefined, { message: 'badges on the same listing' });
          await page.close();
        } finally {
          if (await options.evaluate(async () => (await browser.storage.local.get('featureSwitches')).featureSwitches?.badges === false)) {
            await options.evaluate(() => document.querySelector('#switch-badges').click());
            await options.waitFor(async () => (await browser.storage.local.get('featureSwitches')).featureSwitches?.badges === true, undefined, {
              message: 'badges back on',
            });
          }
          await options.close();
        }
      },
    },
    {
      name: 'the exported CSV parses and has one row per sampled child',
      async run({ session }) {
        const options = await session.extensionPage('options.html');
        await options.waitFor(() => !!document.querySelector('#export-model'), undefined, { message: 'export form' });
        await options.evaluate(() => {
          // Keep what the page hands to the browser's download, to read the file back.
          const create = URL.createObjectURL.bind(URL);
          window.__exports = [];
          URL.createObjectURL = (blob) => {
            window.__exports.push(blob);
            return create(blob);
          };
        });
        // Entered as an input event rather than keystrokes: this test is about the file. (In one CI run the
        // keystrokes did not reach the field and the form said "Enter a model id".) The popup's tests type.
        await options.evaluate((id) => {
          const input = document.querySelector('#export-model');
          input.value = id;
          input.dispatchEvent(new Event('input', { bubbles: true }));
        }, 'meta-llama/Llama-3.1-8B-Instruct');
        await options.evaluate(() => document.querySelector('#export-model').form.requestSubmit());
        await options.waitFor(
          () => window.__exports?.length === 1 || !!document.querySelector('#export-title')?.closest('section')?.querySelector('[role=status][data-kind="error"]'),
          undefined,
          { message: 'CSV download' },
        );
        const status = await options.evaluate(() => document.querySelector('#export-title').closest('section').querySelector('[role=status]')?.textContent ?? '');
        assert.equal(await options.evaluate(() => window.__exports.length), 1, `one file was downloaded (status: ${status})`);
        const csv = await options.evaluate(async () => (await window.__exports[0].text()).replace(/^\uFEFF/, ''));
        const rows = parseCsv(csv);
        const [header, ...data] = rows;
        assert.ok(header.includes('child') && header.includes('licenseDrift'), `header: ${header.join(',')}`);
        const childColumn = header.indexOf('child');
        const children = data.map((r) => r[childColumn]);
        assert.equal(new Set(children).size, children.length, 'one row per child');
        assert.ok(children.includes('skyforge/Sky-Chat-8B'));
        // 44 fine-tunes, 1 quantization, 1 adapter are sampled (families of one child included).
        assert.ok(children.length >= 44, `${children.length} rows`);
        for (const row of data) assert.equal(row.length, header.length, 'every row has every column');
        await options.close();
      },
    },
  ],
};

