// Issue 15: axe-core finds no serious or critical violation in any view, light and dark, in both browsers.
import { assertAccessible } from '../axe.mjs';
import { launch } from '../harness.mjs';
import { assert, HUB, openModel, scrollThrough, waitForFamily } from '../lib.mjs';

const PANEL = '[data-hf-drift="panel"]';
const CHILDREN = '/models?other=base_model:finetune:meta-llama/Llama-3.1-8B-Instruct';

async function setHubTheme(page, dark) {
  await page.evaluate((on) => document.documentElement.classList.toggle('dark', on), dark);
  await page.waitFor((on) => document.querySelector('[data-theme]')?.getAttribute('data-theme') === (on ? 'dark' : 'light'), dark, {
    message: `theme ${dark ? 'dark' : 'light'}`,
  });
}

function report(label, violations) {
  const minor = violations.filter((v) => v.impact === 'minor' || v.impact === 'moderate');
  console.log(`    ${label}: 0 serious/critical${minor.length ? `; minor/moderate: ${minor.map((v) => v.id).join(', ')}` : ''}`);
}

export default {
  tests: [
    {
      name: 'the panel, summary and details, light and dark: no serious or critical axe violation',
      async run({ session, browserName }) {
        for (const path of ['/skyforge/Sky-Chat-8B', '/openfort/Fortress-13B-chat', '/meta-llama/Llama-3.1-8B-Instruct']) {
          const { page } = await openModel(session, path);
          await waitForFamily(page); // opens the details to see the family block
          await page.evaluate((sel) => document.querySelector(sel).shadowRoot.querySelector('.details-toggle').click(), PANEL);
          for (const dark of [false, true]) {
            await setHubTheme(page, dark);
            const theme = dark ? 'dark' : 'light';
            report(`[${browserName}] ${path} summary ${theme}`, await assertAccessible(page, { label: `${path} panel summary, ${theme}`, include: [PANEL] }));
            await page.evaluate((sel) => document.querySelector(sel).shadowRoot.querySelector('.details-toggle').click(), PANEL);
            await page.waitFor((sel) => document.querySelector(sel).shadowRoot.querySelector('.details:not([hidden]) [data-details="ready"]') ? true : null, PANEL, { message: 'details open' });
            report(`[${browserName}] ${path} details ${theme}`, await assertAccessible(page, { label: `${path} panel details, ${theme}`, include: [PANEL] }));
            await page.evaluate((sel) => document.querySelector(sel).shadowRoot.querySelector('.details-toggle').click(), PANEL);
          }
          await page.close();
        }
      },
    },
    {
      name: 'a badged listing, badges closed and open, light and dark: no serious or critical axe violation',
      async run({ session, browserName }) {
        const page = await session.newPage();
        await page.goto(`${HUB}${CHILDREN}`);
        await scrollThrough(page);
        await page.waitFor(() => document.querySelectorAll('[data-hf-drift-badge]').length >= 28, undefined, { message: 'badges' });
        // Badges mount as cards come into view: make sure the one opened below is there.
        await page.evaluate(() => document.querySelector('header[title="skyforge/Sky-Chat-8B"]')?.scrollIntoView({ block: 'center' }));
        await page.waitFor(() => !!document.querySelector('[data-hf-drift-badge][data-model="skyforge/Sky-Chat-8B"]'), undefined, { message: 'the Sky-Chat badge' });
        for (const dark of [false, true]) {
          await setHubTheme(page, dark);
          const theme = dark ? 'dark' : 'light';
          report(`[${browserName}] listing badges ${theme}`, await assertAccessible(page, { label: `listing badges, ${theme}`, include: ['[data-hf-drift-badge]'] }));
          await page.evaluate(() => document.querySelector('[data-hf-drift-badge][data-model="skyforge/Sky-Chat-8B"]').shadowRoot.querySelector('button').click());
          const open = await page.evaluate(() => document.querySelector('[data-hf-drift-badge][data-model="skyforge/Sky-Chat-8B"]').shadowRoot.querySelector('button').getAttribute('aria-expanded'));
          assert.equal(open, 'true');
          report(`[${browserName}] listing badge open ${theme}`, await assertAccessible(page, { label: `listing badge open, ${theme}`, include: ['[data-hf-drift-badge]'] }));
          await page.evaluate(() => document.querySelector('[data-hf-drift-badge][data-model="skyforge/Sky-Chat-8B"]').shadowRoot.querySelector('button').click());
        }
        await page.close();
      },
    },
    {
      name: 'the popup (search with results, and a model) and the options page: no serious or critical axe violation',
      async run({ session, browserName }) {
        const popup = await session.extensionPage('popup.html');
        await popup.waitFor(() => !!document.querySelector('#hfd-search'), undefined, { message: 'search box' });
        await popup.evaluate(() => document.querySelector('.model-view .back')?.click());
        report(`[${browserName}] popup empty`, await assertAccessible(popup, { label: 'popup, empty search' }));
        await popup.evaluate(() => document.querySelector('#hfd-search').focus());
        await popup.type('Sky-Chat');
        await popup.waitFor(() => document.querySelectorAll('[role="option"]').length > 0, undefined, { message: 'results' });
        report(`[${browserName}] popup results`, await assertAccessible(popup, { label: 'popup, search results' }));
        await popup.press('ArrowDown');
        await popup.press('Enter');
        await popup.waitFor(() => !!document.querySelector('[data-hf-drift="popup-panel"]')?.shadowRoot?.querySelector('[data-trait]'), undefined, { message: 'model view' });
        report(`[${browserName}] popup model`, await assertAccessible(popup, { label: 'popup, model view' }));
        await popup.close();

        const options = await session.extensionPage('options.html');
        await options.waitFor(() => !!document.querySelector('#token-input') && !document.querySelector('#switch-badges')?.closest('fieldset')?.disabled, undefined, { message: 'options loaded' });
        report(`[${browserName}] options`, await assertAccessible(options, { label: 'options page' }));
        await options.close();
      },
    },
    {
      name: 'the popup and the options page in a dark system theme: no serious or critical axe violation',
      async run({ hub, browserName }) {
        const dark = await launch(browserName, hub, { colorScheme: 'dark' });
        try {
          const popup = await dark.extensionPage('popup.html');
          await popup.waitFor(() => !!document.querySelector('#hfd-search') && matchMedia('(prefers-color-scheme: dark)').matches, undefined, { message: 'dark popup' });
          await popup.evaluate(() => document.querySelector('#hfd-search').focus());
          await popup.type('Sky-Chat');
          await popup.waitFor(() => document.querySelectorAll('[role="option"]').length > 0, undefined, { message: 'results' });
          report(`[${browserName}] popup results, dark`, await assertAccessible(popup, { label: 'popup, search results, dark' }));
          await popup.press('ArrowDown');
          await popup.press('Enter');
          await popup.waitFor(() => !!document.querySelector('[data-hf-drift="popup-panel"]')?.shadowRoot?.querySelector('[data-trait]'), undefined, { message: 'model view' });
          report(`[${browserName}] popup model, dark`, await assertAccessible(popup, { label: 'popup, model view, dark' }));
          const options = await dark.extensionPage('options.html');
          await options.waitFor(() => !!document.querySelector('#token-input') && matchMedia('(prefers-color-scheme: dark)').matches, undefined, { message: 'dark options' });
          report(`[${browserName}] options, dark`, await assertAccessible(options, { label: 'options page, dark' }));
        } finally {
          await dark.close();
        }
      },
    },
    {
      name: 'the family explorer, tree and figures, light and dark system theme: no serious or critical axe violation',
      async run({ session, hub, browserName }) {
        const check = async (target, theme) => {
          const page = await target.extensionPage(`family.html?model=${encodeURIComponent('skyforge/Sky-Chat-8B')}`);
          await page.waitFor(
            () => {
              const state = document.querySelector('[data-progress]')?.getAttribute('data-state');
              return state && state !== 'running' && document.querySelector('[data-family-tree]')?.getAttribute('data-rendering') === 'false';
            },
            undefined,
            { timeout: 30_000, message: 'crawl end' },
          );
          report(`[${browserName}] family explorer, ${theme}`, await assertAccessible(page, { label: `family explorer, ${theme}` }));
          await page.close();
        };
        await check(session, 'light');
        const dark = await launch(browserName, hub, { colorScheme: 'dark' });
        try {
          await check(dark, 'dark');
        } finally {
          await dark.close();
        }
      },
    },
  ],
};
