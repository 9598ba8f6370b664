#!/usr/bin/env node
// `npm run demo`: builds the extension, starts the offline Hub and opens Chromium with the extension on a
// model page (headed when a display exists). `npm run demo -- --screenshots DIR` runs headless and
// writes PNGs of the model page (light and dark), a listing page, the popup, the panel's lineage graph and
// the family explorer (light and dark).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { startOfflineHub } from '../tests/hub/server.mjs';
import { HUB, launch } from '../tests/e2e/harness.mjs';
import { sleep, waitForFamily, waitForPanel } from '../tests/e2e/lib.mjs';

const args = process.argv.slice(2);
const shotsAt = args.indexOf('--screenshots');
const screenshotDir = shotsAt >= 0 ? path.resolve(args[shotsAt + 1] ?? 'docs/screenshots') : null;
const skipBuild = args.includes('--no-build');

const MODEL = '/skyforge/Sky-Chat-8B';
const LISTING = '/models?other=base_model:finetune:meta-llama/Llama-3.1-8B-Instruct';

if (!skipBuild) {
  const build = spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const hub = await startOfflineHub({ port: 0 });
const headless = !!screenshotDir || !process.env.DISPLAY;

async function scrollPanelIntoView(page) {
  await page.evaluate(() => document.querySelector('[data-hf-drift="panel"]')?.scrollIntoView({ block: 'center' }));
  await sleep(300);
}

/** The panel's lineage graph, and the family explorer of the same model (tree, then figures). */
async function shootFamily(session, page, scheme) {
  const graph = await page.raw.evaluateHandle(() => document.querySelector('[data-hf-drift="panel"]').shadowRoot.querySelector('.lineage-graph'));
  await graph.asElement()?.screenshot({ path: path.join(screenshotDir, `lineage-graph-${scheme}.png`) });
  const explorer = await session.extensionPage(`family.html?model=${encodeURIComponent(MODEL.slice(1))}`);
  await explorer.setViewport(1280, 1000);
  await explorer.waitFor(() => document.querySelector('[data-progress]')?.getAttribute('data-state') !== 'running' || null, undefined, { timeout: 30_000, message: 'crawl' });
  await explorer.evaluate(() => document.querySelector('input[data-budget="100"]').click());
  await explorer.evaluate(() => document.querySelector('[data-action="crawl"]').click());
  await sleep(300);
  await explorer.waitFor(() => document.querySelector('[data-progress]')?.getAttribute('data-state') !== 'running' || null, undefined, { timeout: 60_000, message: 'crawl' });
  // Show the model's own branch and its parent's traits in the inspector.
  await explorer.evaluate(() => document.querySelector('[data-family-tree] [data-node="skyforge/Sky-Chat-8B"]')?.focus());
  await sleep(500);
  await explorer.screenshot(path.join(screenshotDir, `family-explorer-${scheme}.png`));
  const figures = await explorer.raw.$('.figures-section');
  await figures?.screenshot({ path: path.join(screenshotDir, `family-figures-${scheme}.png`) });
  await explorer.close();
}

if (screenshotDir) {
  for (const scheme of ['light', 'dark']) {
    const session = await launch('chromium', hub, { colorScheme: scheme, viewport: { width: 1280, height: 900 } });
    const page = await session.newPage();
    await page.goto(`${HUB}${MODEL}`);
    await waitForPanel(page);
    await waitForFamily(page, 10_000).catch(() => {});
    await scrollPanelIntoView(page);
    await page.screenshot(path.join(screenshotDir, `model-page-${scheme}.png`));
    await page.evaluate(() => document.querySelector('[data-hf-drift="panel"]').shadowRoot.querySelector('.details-toggle')?.click());
    await sleep(300);
    const host = await page.raw.$('[data-hf-drift="panel"]');
    await host?.screenshot({ path: path.join(screenshotDir, `panel-${scheme}.png`) });
    await shootFamily(session, page, scheme);
    if (scheme === 'light') {
      const listing = await session.newPage();
      await listing.goto(`${HUB}${LISTING}`);
      await listing.waitFor(() => document.querySelectorAll('[data-hf-drift-badge]').length >= 6, undefined, { message: 'badges' });
      await sleep(300);
      await listing.screenshot(path.join(screenshotDir, 'listing-badges.png'));
      await page.bringToFront();
      const popup = await session.extensionPage('popup.html');
      await popup.setViewport(440, 640);
      await popup.waitFor(() => !!document.querySelector('[data-hf-drift="panel"], .popup-model, [role="combobox"]'), undefined, { message: 'popup' });
      await sleep(1500);
      await popup.screenshot(path.join(screenshotDir, 'popup.png'));
    }
    await session.close();
  }
  console.log(`screenshots written to ${screenshotDir}`);
  await hub.close();
} else {
  const session = await launch('chromium', hub, { headless });
  const page = await session.newPage();
  await page.goto(`${HUB}${MODEL}`);
  console.log(`Offline Hub at ${hub.origin}; Chromium ${headless ? '(headless: no display found)' : ''} shows ${HUB}${MODEL}.`);
  console.log('Press Ctrl+C to stop.');
  if (headless) {
    await waitForPanel(page);
    const state = await page.evaluate(() => document.querySelector('[data-hf-drift="panel"]')?.getAttribute('data-state'));
    console.log(`Panel state: ${state}. Run with --screenshots DIR to save pictures.`);
    await session.close();
    await hub.close();
  } else {
    process.on('SIGINT', async () => {
      await session.close();
      await hub.close();
      process.exit(0);
    });
  }
}
