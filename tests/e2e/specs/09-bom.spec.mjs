// Issue 12: the CycloneDX AI-BOM export really downloads a file, from the panel on a Hub page (content
// script) and from the popup, in both browsers, without the `downloads` permission. The file is
// validated in Node against the vendored CycloneDX 1.6 schema.
import fs from 'node:fs';
import path from 'node:path';
import { bomValidator } from '../../support/cyclonedx.mjs';
import { assert, openModel, sleep } from '../lib.mjs';

const SKY = 'skyforge/Sky-Chat-8B';
const ROOT = { group: 'meta-llama', name: 'Llama-3.1-8B' };
const validate = bomValidator();

/**
 * Runs `click` and returns the file the browser saved: Chromium reports downloads to playwright;
 * Firefox saves into the profile's download directory (harness prefs), which is polled.
 */
async function savedFile(session, page, click, timeout = 20_000) {
  if (session.name === 'chromium') {
    const [download] = await Promise.all([page.raw.waitForEvent('download', { timeout }), click()]);
    const file = await download.path();
    return { name: download.suggestedFilename(), text: fs.readFileSync(file, 'utf8') };
  }
  const before = new Set(fs.readdirSync(session.downloadDir));
  await click();
  const started = Date.now();
  for (;;) {
    const names = fs.readdirSync(session.downloadDir);
    const fresh = names.filter((n) => !before.has(n) && !n.endsWith('.part'));
    const partial = names.some((n) => n.endsWith('.part'));
    if (fresh.length && !partial) {
      const text = fs.readFileSync(path.join(session.downloadDir, fresh[0]), 'utf8');
      if (text.trim().endsWith('}')) {
        // Leave the directory as it was, so the next test sees only its own file.
        fs.rmSync(path.join(session.downloadDir, fresh[0]));
        return { name: fresh[0], text };
      }
    }
    if (Date.now() - started > timeout) throw new Error(`no download within ${timeout} ms (files: ${names.join(', ') || 'none'})`);
    await sleep(100);
  }
}

/** The component's ancestors, first parent each step, up to the end of the chain. */
function firstParentChain(component) {
  const chain = [];
  for (let c = component.pedigree?.ancestors?.[0]; c; c = c.pedigree?.ancestors?.[0]) chain.push(c);
  return chain;
}

const prop = (component, name) => component.properties?.find((p) => p.name === `hfdrift:${name}`)?.value;

function checkSkyChatBom(file) {
  assert.equal(file.name, 'skyforge_Sky-Chat-8B.cdx.json');
  const bom = JSON.parse(file.text);
  assert.deepEqual(validate(bom), [], 'the file validates against CycloneDX 1.6');
  const model = bom.metadata.component;
  assert.equal(model.type, 'machine-learning-model');
  assert.match(model.purl, /^pkg:huggingface\/skyforge\/Sky-Chat-8B@[0-9a-f]{40}$/);
  const chain = firstParentChain(model);
  assert.deepEqual(
    chain.map((c) => `${c.group}/${c.name}`),
    ['meta-llama/Llama-3.1-8B-Instruct', `${ROOT.group}/${ROOT.name}`],
    'the ancestors reach the Llama root',
  );
  assert.equal(prop(model, 'license-change'), 'relaxed', 'the relaxation is on the fine-tune');
  assert.equal(prop(chain.at(-1), 'chain-end'), 'root');
  return bom;
}

/** Clicks the export button inside a shadow root found by `hostSelector`. */
function clickExport(page, hostSelector) {
  return page.evaluate(async (selector) => {
    const root = document.querySelector(selector).shadowRoot;
    const toggle = root.querySelector('.details-toggle[aria-expanded="false"]');
    toggle?.click();
    // The details are drawn once opened (on a Hub page, after their view module is fetched).
    const until = Date.now() + 10_000;
    while (!root.querySelector('[data-action="export-bom"]') && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 10));
    root.querySelector('[data-action="export-bom"]').click();
  }, hostSelector);
}

function bomStatus(page, hostSelector) {
  return page.waitFor(
    (selector) => {
      const button = document.querySelector(selector)?.shadowRoot?.querySelector('[data-action="export-bom"]');
      const state = button?.getAttribute('data-bom-state');
      if (!state || state === 'idle' || state === 'busy') return null;
      const status = button.parentElement.querySelector('[data-bom-status]')?.textContent ?? '';
      return { state, status };
    },
    hostSelector,
    { message: 'export finished' },
  );
}

export default {
  tests: [
    {
      name: 'the panel on the relicensed Llama fine-tune downloads a valid AI-BOM whose ancestors reach the Llama root',
      async run({ session }) {
        const { page } = await openModel(session, `/${SKY}`);
        const host = '[data-hf-drift="panel"]';
        const file = await savedFile(session, page, () => clickExport(page, host));
        checkSkyChatBom(file);
        const { state, status } = await bomStatus(page, host);
        assert.equal(state, 'done');
        assert.match(status, /Saved skyforge_Sky-Chat-8B\.cdx\.json/);
        await page.close();
      },
    },
    {
      name: 'the popup’s model view downloads the same AI-BOM',
      async run({ session }) {
        const { page } = await openModel(session, `/${SKY}`);
        await page.bringToFront();
        const popup = await session.extensionPage('popup.html');
        await popup.waitFor(() => document.querySelector('#hfd-model-title')?.textContent, undefined, { message: 'model view' });
        assert.equal(await popup.evaluate(() => document.querySelector('#hfd-model-title').textContent), SKY);
        const host = '[data-hf-drift="popup-panel"]';
        await popup.waitFor(
          (selector) => !!document.querySelector(selector)?.shadowRoot?.querySelector('[data-action="export-bom"]'),
          host,
          { message: 'export button in the popup' },
        );
        const file = await savedFile(session, popup, () => clickExport(popup, host));
        checkSkyChatBom(file);
        await popup.close();
        await page.close();
      },
    },
    {
      name: 'a gated parent: the file is still saved, says where the chain stops, and the panel says it is partial',
      async run({ session }) {
        const { page } = await openModel(session, '/opensealed/Sealed-7B-chat');
        const host = '[data-hf-drift="panel"]';
        const file = await savedFile(session, page, () => clickExport(page, host));
        const bom = JSON.parse(file.text);
        assert.deepEqual(validate(bom), []);
        const [parent] = bom.metadata.component.pedigree.ancestors;
        assert.equal(`${parent.group}/${parent.name}`, 'sealed-ai/Sealed-7B');
        assert.equal(prop(parent, 'chain-end'), 'gated');
        const { state, status } = await bomStatus(page, host);
        assert.equal(state, 'partial');
        assert.match(status, /partial.*sealed-ai\/Sealed-7B is gated/);
        await page.close();
      },
    },
    {
      name: 'while the ancestors load the button says so and waits, then the file comes with the whole lineage',
      async run({ session, hub }) {
        const { page } = await openModel(session, '/quantfolk/Llama-3.1-SkyNorth-Merge-8B-GGUF');
        const host = '[data-hf-drift="panel"]';
        // The panel follows first parents only; the merge's second branch is read for the export, slowly.
        hub.setLatency(400);
        let busyLabel = null;
        const file = await savedFile(session, page, async () => {
          await clickExport(page, host);
          busyLabel = await page.waitFor(
            (selector) => {
              const button = document.querySelector(selector).shadowRoot.querySelector('[data-action="export-bom"]');
              return button.getAttribute('aria-busy') === 'true' ? button.textContent : null;
            },
            host,
            { message: 'busy label' },
          );
        });
        hub.setLatency(0);
        assert.equal(busyLabel, 'Reading the lineage…');
        const bom = JSON.parse(file.text);
        assert.deepEqual(validate(bom), []);
        const [merge] = bom.metadata.component.pedigree.ancestors;
        assert.deepEqual(merge.pedigree.ancestors.map((a) => a.name).sort(), ['Llama-3.1-8B-Instruct-Support', 'Sky-Chat-8B']);
        assert.equal((await bomStatus(page, host)).state, 'done');
        await page.close();
      },
    },
    {
      name: 'the options page offers the AI-BOM beside CSV and JSON',
      async run({ session }) {
        const options = await session.extensionPage('options.html');
        await options.waitFor(() => !!document.querySelector('#export-model'), undefined, { message: 'export form' });
        await options.evaluate((id) => {
          const input = document.querySelector('#export-model');
          input.value = id;
          input.dispatchEvent(new Event('input', { bubbles: true }));
        }, 'mergekit-fans/Llama-3.1-SkyNorth-Merge-8B');
        const file = await savedFile(session, options, () =>
          options.evaluate(() => document.querySelector('[data-action="export-bom"]').click()),
        );
        assert.equal(file.name, 'mergekit-fans_Llama-3.1-SkyNorth-Merge-8B.cdx.json');
        const bom = JSON.parse(file.text);
        assert.deepEqual(validate(bom), []);
        assert.deepEqual(
          bom.metadata.component.pedigree.ancestors.map((a) => `${a.group}/${a.name}`).sort(),
          ['northwind/Llama-3.1-8B-Instruct-Support', 'skyforge/Sky-Chat-8B'],
          'both parents of the merge',
        );
        await options.close();
      },
    },
  ],
};
