// Launches the *built* extension in real Chromium (playwright-core) or Firefox ESR (puppeteer-core over
// WebDriver BiDi) with huggingface.co mapped to the offline Hub. Both browsers get the same small page
// API so that one spec runs in both.
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { ensureCertificate } from '../hub/src/certs.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BUILDS = {
  chromium: path.join(ROOT, '.output/chrome-mv3'),
  firefox: path.join(ROOT, '.output/firefox-mv3'),
};
export const HUB = 'https://huggingface.co';
const FIREFOX_ADDON_ID = 'hf-drift@hf-drift.dev';
const FIREFOX_UUID = '5f1d2c3b-8a7e-4d6f-9c0b-1e2d3c4b5a69';
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const FIREFOX = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';

export function assertBuilt(browserName) {
  const manifest = path.join(BUILDS[browserName], 'manifest.json');
  if (!fs.existsSync(manifest)) {
    throw new Error(`No ${browserName} build at ${manifest}: run \`npm run build\` first.`);
  }
}

/**
 * Firefox's view of "every request elsewhere": an HTTPS server (the offline Hub's certificate, accepted
 * like the Hub's through acceptInsecureCerts) that answers 404 to any other host and records the request
 * with its headers, so a token sent anywhere but huggingface.co would be seen (as Chromium's request events see it).
 */
async function startElsewhere(outgoing) {
  const { key, cert } = await ensureCertificate();
  const server = https.createServer({ key, cert }, (req, res) => {
    outgoing.push({ url: `https://${req.headers.host}${req.url}`, headers: { ...req.headers } });
    res.writeHead(404, { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': '*' });
    res.end();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

/**
 * Firefox has no host-resolver rules: a proxy tunnels huggingface.co:443 to the offline Hub and every
 * other host to `elsewhere` (plain-HTTP requests are recorded and refused), so all traffic is seen.
 */
async function startConnectProxy(hubPort, elsewhere, outgoing) {
  const server = http.createServer((req, res) => {
    outgoing.push({ url: req.url ?? '', headers: { ...req.headers } });
    res.writeHead(403);
    res.end();
  });
  server.on('connect', (req, client, head) => {
    const toHub = /^huggingface\.co:443$/.test(req.url ?? '');
    const upstream = net.connect(toHub ? hubPort : elsewhere.address().port, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

/**
 * Chromium flags: huggingface.co goes to the offline Hub, everything else nowhere; `extensionDir` loads
 * an unpacked extension (omit it for a baseline browser without any).
 */
export function chromiumArgs(hub, { extensionDir } = {}) {
  return [
    ...(extensionDir ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : []),
    `--host-resolver-rules=MAP huggingface.co 127.0.0.1:${hub.port}, MAP * ~NOTFOUND`,
    '--ignore-certificate-errors',
    '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
  ];
}

/** The page API both browsers share. */
class HubPage {
  constructor(raw, kind) {
    this.raw = raw;
    this.kind = kind;
  }
  goto(url) {
    return this.raw.goto(url, { waitUntil: 'load', timeout: 20_000 });
  }
  evaluate(fn, arg) {
    return this.raw.evaluate(fn, arg);
  }
  /** Polls `fn(arg)` in the page until it returns a truthy value, which is returned. */
  async waitFor(fn, arg, { timeout = 15_000, message } = {}) {
    const started = Date.now();
    let last;
    for (;;) {
      try {
        last = await this.raw.evaluate(fn, arg);
        if (last) return last;
      } catch (error) {
        last = error;
      }
      if (Date.now() - started > timeout) {
        throw new Error(`${message ?? 'waitFor'} timed out after ${timeout} ms (last: ${String(last)})`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  /** Runs `fn` in the page's main world before any of its scripts, on every navigation. */
  async onNewDocument(fn) {
    if (this.kind === 'chromium') await this.raw.addInitScript(fn);
    else await this.raw.evaluateOnNewDocument(fn);
  }
  press(key) {
    return this.raw.keyboard.press(key);
  }
  type(text) {
    return this.raw.keyboard.type(text);
  }
  async screenshot(file, options = {}) {
    await fs.promises.mkdir(path.dirname(file), { recursive: true });
    return this.raw.screenshot({ path: file, ...options });
  }
  async setViewport(width, height) {
    if (this.kind === 'chromium') await this.raw.setViewportSize({ width, height });
    else await this.raw.setViewport({ width, height });
  }
  async bringToFront() {
    await this.raw.bringToFront();
  }
  close() {
    return this.raw.close().catch(() => {});
  }
}

/**
 * Starts one browser with the extension. `hub` is a running offline Hub (tests/hub/server.mjs).
 * Options: colorScheme ('light'|'dark'), headless (default true), recordRequests (default true: fill
 * `outgoing`; the benchmark turns it off, since every recorded request is work for the Node process that also
 * serves the offline Hub).
 */
export async function launch(browserName, hub, options = {}) {
  assertBuilt(browserName);
  return browserName === 'chromium' ? launchChromium(hub, options) : launchFirefox(hub, options);
}

async function launchChromium(hub, { colorScheme = 'light', headless = true, viewport = { width: 1400, height: 1000 }, recordRequests = true } = {}) {
  const { chromium } = await import('playwright-core');
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hf-drift-chromium-'));
  const ext = BUILDS.chromium;
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless,
    colorScheme,
    viewport,
    args: chromiumArgs(hub, { extensionDir: ext }),
  });
  let [worker] = context.serviceWorkers();
  if (!worker) worker = await context.waitForEvent('serviceworker', { timeout: 20_000 });
  const extensionOrigin = worker.url().split('/').slice(0, 3).join('/');
  const outgoing = [];
  if (recordRequests) {
    context.on('request', (request) => {
      outgoing.push({ url: request.url(), headers: request.headers() });
    });
  }
  return {
    name: 'chromium',
    context,
    extensionOrigin,
    /** Every request the browser made (pages, content scripts, extension), for "sent nowhere else" checks. */
    outgoing,
    async newPage() {
      const page = await context.newPage();
      page.on('pageerror', (error) => console.error(`  [chromium page error] ${error.message}`));
      return new HubPage(page, 'chromium');
    },
    async extensionPage(file) {
      const page = await context.newPage();
      await page.goto(`${extensionOrigin}/${file}`);
      return new HubPage(page, 'chromium');
    },
    async close() {
      await context.close().catch(() => {});
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

async function launchFirefox(hub, { colorScheme = 'light', headless = true } = {}) {
  const puppeteer = (await import('puppeteer-core')).default;
  /** Requests to any host but huggingface.co (Firefox's own services included), with their headers. */
  const outgoing = [];
  const elsewhere = await startElsewhere(outgoing);
  const proxy = await startConnectProxy(hub.port, elsewhere, outgoing);
  // Files the pages save (a[download]) land here without a dialog; specs poll it.
  const downloadDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hf-drift-firefox-downloads-'));
  const proxyPort = proxy.address().port;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless,
    acceptInsecureCerts: true,
    defaultViewport: { width: 1400, height: 1000 },
    // Firefox 153: without it, navigating to moz-extension:// pages "is not allowed in this context".
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'network.proxy.type': 1,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': proxyPort,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': proxyPort,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': false,
      'extensions.webextensions.uuids': JSON.stringify({ [FIREFOX_ADDON_ID]: FIREFOX_UUID }),
      'ui.systemUsesDarkTheme': colorScheme === 'dark' ? 1 : 0,
      'layout.css.prefers-color-scheme.content-override': colorScheme === 'dark' ? 0 : 1,
      'browser.shell.checkDefaultBrowser': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'app.update.enabled': false,
      'browser.download.dir': downloadDir,
      'browser.download.folderList': 2,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.start_downloads_in_tmp_dir': false,
      'browser.helperApps.neverAsk.saveToDisk': 'application/json',
    },
  });
  await browser.installExtension(BUILDS.firefox);
  const extensionOrigin = `moz-extension://${FIREFOX_UUID}`;
  return {
    name: 'firefox',
    browser,
    extensionOrigin,
    /** Only requests to other hosts (the Hub's own are in hub.requests). */
    outgoing,
    downloadDir,
    async newPage() {
      const page = await browser.newPage();
      page.on('pageerror', (error) => console.error(`  [firefox page error] ${error.message}`));
      return new HubPage(page, 'firefox');
    },
    async extensionPage(file) {
      const page = await browser.newPage();
      // The navigation works but BiDi never reports its load event: short timeout, then use the DOM.
      try {
        await page.goto(`${extensionOrigin}/${file}`, { waitUntil: 'domcontentloaded', timeout: 2_500 });
      } catch (error) {
        if (/not allowed/.test(String(error))) throw error;
      }
      const wrapped = new HubPage(page, 'firefox');
      await wrapped.waitFor(() => document.readyState !== 'loading' && !!document.body, undefined, {
        message: `load ${file}`,
      });
      return wrapped;
    },
    async close() {
      await browser.close().catch(() => {});
      proxy.close();
      fs.rmSync(downloadDir, { recursive: true, force: true });
      elsewhere.close();
      elsewhere.closeAllConnections();
    },
  };
}
