// Issue 8: hostile Hub data (ids, tags, license_name, languages, card text) is rendered as text by the
// badges and the popup too; no script runs and nothing escapes the shadow roots.
import { assert, HUB, sleep } from '../lib.mjs';

const captureAlerts = () => {
  window.__alerts = [];
  window.alert = (message) => window.__alerts.push(String(message));
};

/** Elements a payload would create: none may exist in the page or in any of our shadow roots. */
const injectedElements = () => {
  const shadows = [...document.querySelectorAll('[data-hf-drift], [data-hf-drift-badge]')].map((h) => h.shadowRoot).filter(Boolean);
  const inShadows = shadows.reduce((n, root) => n + root.querySelectorAll('img, svg:not([data-lineage-graph]), script, iframe, object').length, 0);
  return inShadows + document.querySelectorAll('img[src="x"], svg[onload], img[onerror]').length;
};

export default {
  tests: [
    {
      name: 'a listing with hostile ids and payload fields: badges render text, no script runs',
      async run({ session }) {
        const page = await session.newPage();
        await page.onNewDocument(captureAlerts);
        await page.goto(`${HUB}/models?other=base_model:finetune:meta-llama/Llama-3.1-8B-Instruct&p=1`);
        await page.evaluate(() => document.querySelector('header[title="xss-lab/payload-model"]')?.scrollIntoView({ block: 'center' }));
        await page.waitFor(() => !!document.querySelector('[data-hf-drift-badge][data-model="xss-lab/payload-model"]'), undefined, {
          message: 'badge on the payload model',
        });
        // Open its details: they list the hostile license name.
        await page.evaluate(() => document.querySelector('[data-hf-drift-badge][data-model="xss-lab/payload-model"]').shadowRoot.querySelector('button').click());
        await sleep(300);
        const result = await page.evaluate(() => ({
          alerts: window.__alerts,
          details: document.querySelector('[data-hf-drift-badge][data-model="xss-lab/payload-model"]').shadowRoot.textContent,
          hostileBadges: document.querySelectorAll('[data-hf-drift-badge][data-model*="<"], [data-hf-drift-badge][data-model*="\\""]').length,
        }));
        const injected = await page.evaluate(injectedElements);
        assert.deepEqual(result.alerts, []);
        assert.equal(injected, 0);
        assert.equal(result.hostileBadges, 0, 'an id no page can have gets no badge');
        assert.match(result.details, /<img src=x onerror=/, 'the hostile license name is shown as text');
        await page.close();
      },
    },
    {
      name: 'the popup shows hostile fields as text',
      async run({ session }) {
        const popup = await session.extensionPage('popup.html');
        await popup.waitFor(() => !!document.querySelector('#hfd-search'), undefined, { message: 'search box' });
        await popup.evaluate(() => document.querySelector('.model-view .back')?.click());
        await popup.evaluate(() => document.querySelector('#hfd-search').focus());
        await popup.type('xss-lab');
        await popup.waitFor(() => [...document.querySelectorAll('[role="option"]')].some((o) => o.textContent.includes('payload-model')), undefined, {
          message: 'result',
        });
        await popup.press('ArrowDown');
        await popup.press('Enter');
        await popup.waitFor(() => !!document.querySelector('[data-hf-drift="popup-panel"]')?.shadowRoot?.querySelector('[data-trait]'), undefined, {
          message: 'panel in the popup',
        });
        const result = await popup.evaluate(() => {
          const root = document.querySelector('[data-hf-drift="popup-panel"]').shadowRoot;
          return {
            text: root.textContent,
            injected: root.querySelectorAll('img, svg:not([data-lineage-graph]), iframe, object, script').length + document.querySelectorAll('img[src="x"], svg[onload]').length,
          };
        });
        assert.equal(result.injected, 0);
        assert.match(result.text, /<img src=x onerror=|<svg onload=/);
        await popup.close();
      },
    },
  ],
};
