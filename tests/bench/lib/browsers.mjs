// Browser-side helpers of the benchmark: the baseline Chromium without the extension, in-page probes
// (functions passed to page.evaluate run in the page: each is self-contained) and Hub-side waits.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { CHROMIUM, chromiumArgs } from '../../e2e/harness.mjs';
import { sleep } from '../../e2e/lib.mjs';

export const VIEWPORT = { width: 1400, height: 1000 };

/** Chromium with the e2e harness's flags, without our extension (optionally with another unpacked one). */
export async function launchPlainChromium(hub, { extensionDir } = {}) {
  const { chromium } = await import('playwright-core');
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hf-drift-bench-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    colorScheme: 'light',
    viewport: VIEWPORT,
    args: chromiumArgs(hub, { extensionDir }),
  });
  if (extensionDir && !context.serviceWorkers().length) await context.waitForEvent('serviceworker', { timeout: 20_000 });
  return {
    context,
    async close() {
      await context.close().catch(() => {});
      fs.rmSync(userDataDir, { recursive: true, force: true });
      if (extensionDir) fs.rmSync(extensionDir, { recursive: true, force: true });
    },
  };
}

export const CONTROL_MARK = 'hf-drift-bench:control-start';

/**
 * An extension whose content script only sets a mark, injected where and when ours is (same `matches`
 * and `run_at`): what any content script costs a page in this browser, to set our overhead against.
 * With `messaging`, the script also opens a port to its background and keeps the one answer: what any
 * content script that shows its background's data costs at least (the extension APIs' bindings in the page).
 */
export function writeControlExtension(builtManifest, { messaging = false } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hf-drift-bench-control-ext-'));
  // The empty script runs where and as early as ours does (our earliest content script).
  const order = ['document_start', 'document_end', 'document_idle'];
  const ours = [...(builtManifest.content_scripts ?? [])].sort((a, b) => order.indexOf(a.run_at ?? 'document_idle') - order.indexOf(b.run_at ?? 'document_idle'))[0] ?? {};
  const manifest = {
    manifest_version: 3,
    name: `HF Drift bench control (${messaging ? 'content script with one port message' : 'empty content script'})`,
    version: '1.0.0',
    background: { service_worker: 'background.js' },
    content_scripts: [{ matches: ours.matches ?? ['https://huggingface.co/*'], run_at: ours.run_at ?? 'document_idle', js: ['content.js'] }],
  };
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
  // The messaging control does the least a content script showing its background's data can do: open a
  // port, send one message, keep the one answer.
  const talk = messaging
    ? `const port = chrome.runtime.connect({ name: 'control' });\nport.onMessage.addListener((answer) => { globalThis.controlAnswer = answer; });\nport.postMessage({ id: location.pathname });\n`
    : '';
  fs.writeFileSync(path.join(dir, 'content.js'), `performance.mark(${JSON.stringify(CONTROL_MARK)});\n${talk}`);
  fs.writeFileSync(
    path.join(dir, 'background.js'),
    messaging ? `chrome.runtime.onConnect.addListener((port) => port.onMessage.addListener((m) => port.postMessage({ id: m.id, ok: true })));\n` : '// empty\n',
  );
  return dir;
}

/**
 * In-page probe: the panel as the extension drew it, as data: its shadow root's elements as
 * `[tag, attributes, ...children]` (text as strings), its style sheet and the host's attributes.
 */
export const capturePanel = () => {
  const host = document.querySelector('[data-hf-drift="panel"]');
  const root = host?.shadowRoot;
  if (!root) return null;
  const attributes = (element) => Object.fromEntries([...element.attributes].map((a) => [a.name, a.value]));
  const walk = (node) => (node.nodeType === Node.TEXT_NODE ? node.data : node.nodeType === Node.ELEMENT_NODE ? [node.localName, attributes(node), ...[...node.childNodes].map(walk).filter((c) => c !== null)] : null);
  const tree = [...root.children].filter((e) => e.localName !== 'style').map(walk);
  return { tree, css: [...root.querySelectorAll('style')].map((s) => s.textContent).join('\n'), host: attributes(host) };
};

/**
 * Extensions that show a captured panel (`capturePanel`) with no logic of their own: the least a content script
 * showing this panel can cost a page, to set the page-heap target against. Their background holds the panel as
 * data; the page gets it over a port when it has loaded (as ours does).
 * - `drawn`: the content script draws the elements into a shadow root in the page (createElement, setAttribute,
 *   text nodes) and listens for clicks, as any in-page panel must;
 * - `framed`: the content script only puts an extension frame in a shadow root, and the frame's own document
 *   (in the extension's process) draws the panel; the content script hears from the background when it is drawn.
 */
export function writePanelFloorExtension(builtManifest, panel, { framed = false } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `hf-drift-bench-floor-${framed ? 'framed' : 'drawn'}-`));
  const ours = builtManifest.content_scripts?.[0] ?? {};
  const manifest = {
    manifest_version: 3,
    name: `HF Drift bench control (panel ${framed ? 'in an extension frame' : 'drawn from data'})`,
    version: '1.0.0',
    background: { service_worker: 'background.js' },
    web_accessible_resources: [{ resources: framed ? ['panel.html', 'panel.js'] : ['draw.js'], matches: ['https://huggingface.co/*'] }],
    content_scripts: [{ matches: ours.matches ?? ['https://huggingface.co/*'], exclude_matches: ours.exclude_matches, run_at: ours.run_at ?? 'document_idle', js: ['content.js'] }],
  };
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
  // Builds elements from [tag, attributes, ...children]; SVG subtrees in their namespace.
  const build = `const build = (node, ns) => {
  if (typeof node === 'string') return document.createTextNode(node);
  const [tag, attributes, ...children] = node;
  const space = tag === 'svg' ? 'http://www.w3.org/2000/svg' : ns;
  const element = space ? document.createElementNS(space, tag) : document.createElement(tag);
  for (const name in attributes) element.setAttribute(name, attributes[name]);
  for (const child of children) element.append(build(child, space));
  return element;
};\n`;
  const afterLoad = (body) => `const start = () => setTimeout(() => { ${body} }, 0);\nif (document.readyState === 'complete') start(); else addEventListener('load', start, { once: true });\n`;
  const host = `const anchor = document.querySelector('[data-target="ModelHeader"]') ?? document.body;
const host = document.createElement('hf-drift-panel');
const root = host.attachShadow({ mode: 'open' });\n`;
  const data = JSON.stringify(panel);
  if (framed) {
    fs.writeFileSync(path.join(dir, 'content.js'), afterLoad(`${host}
const frame = document.createElement('iframe');
frame.src = chrome.runtime.getURL('panel.html');
frame.style.cssText = 'border: 0; width: 100%; height: 240px';
root.append(frame);
anchor.after(host);
const port = chrome.runtime.connect({ name: 'host' });
port.onMessage.addListener((m) => { host.setAttribute('data-state', m.state); frame.style.height = m.height + 'px'; });`));
    fs.writeFileSync(path.join(dir, 'panel.html'), '<!doctype html><meta charset="utf-8"><body><script src="panel.js"></script></body>');
    fs.writeFileSync(path.join(dir, 'panel.js'), `${build}const port = chrome.runtime.connect({ name: 'panel' });
port.onMessage.addListener((panel) => {
  const style = document.createElement('style');
  style.textContent = panel.css;
  document.head.append(style);
  document.body.append(...panel.tree.map((node) => build(node)));
  port.postMessage({ drawn: true, height: document.documentElement.scrollHeight });
});
port.postMessage({ want: 'panel' });\n`);
    fs.writeFileSync(path.join(dir, 'background.js'), `const PANEL = ${data};
const hosts = new Set();
chrome.runtime.onConnect.addListener((port) => {
  if (port.name === 'host') { hosts.add(port); port.onDisconnect.addListener(() => hosts.delete(port)); return; }
  port.onMessage.addListener((m) => {
    if (m.want) port.postMessage(PANEL);
    if (m.drawn) for (const h of hosts) h.postMessage({ state: PANEL.host['data-state'], height: m.height });
  });
});\n`);
  } else {
    fs.writeFileSync(path.join(dir, 'content.js'), afterLoad(`import(chrome.runtime.getURL('draw.js'));`));
    fs.writeFileSync(path.join(dir, 'draw.js'), `${build}const port = chrome.runtime.connect({ name: 'panel' });
port.onMessage.addListener((panel) => {
  ${host.replace(/\n/g, '\n  ')}for (const name in panel.host) host.setAttribute(name, panel.host[name]);
  const style = document.createElement('style');
  style.textContent = panel.css;
  root.append(style, ...panel.tree.map((node) => build(node)));
  root.addEventListener('click', (event) => { const action = event.target.closest?.('button'); if (action) port.postMessage({ clicked: action.className }); });
  anchor.after(host);
});
port.postMessage({ want: 'panel' });\n`);
    fs.writeFileSync(path.join(dir, 'background.js'), `const PANEL = ${data};
chrome.runtime.onConnect.addListener((port) => port.onMessage.addListener((m) => { if (m.want) port.postMessage(PANEL); }));\n`);
  }
  return dir;
}

/**
 * Resolves once every request the Hub received since `from` has been answered and none arrived for
 * `quietMs` (the extension's background work after a page is done).
 */
export async function hubQuiet(hub, from, { quietMs = 300, timeout = 20_000 } = {}) {
  const started = Date.now();
  let seen = hub.requests.length;
  let since = Date.now();
  for (;;) {
    await sleep(25);
    const now = Date.now();
    const pending = hub.requests.slice(from).some((r) => r.status === undefined && !r.fault);
    if (hub.requests.length !== seen || pending) {
      seen = hub.requests.length;
      since = now;
    } else if (now - since >= quietMs) {
      return;
    }
    if (now - started > timeout) throw new Error(`the Hub did not go quiet within ${timeout} ms`);
  }
}

/** Polls `fn(arg)` in the page (every 20 ms) until truthy; returns that value. */
export async function waitInPage(page, fn, arg, { timeout = 20_000, message = 'condition' } = {}) {
  try {
    const handle = await page.waitForFunction(fn, arg, { timeout, polling: 20 });
    const value = await handle.jsonValue();
    await handle.dispose();
    return value;
  } catch (error) {
    throw new Error(`${message}: ${String(error.message ?? error).split('\n')[0]}`);
  }
}

// ---- in-page probes (main world) --------------------------------------------------------------

/** The extension's User Timing marks (and the control extension's), relative to navigation start. */
const readMarks = (controlMark) => {
  const at = (name) => performance.getEntriesByName(name)[0]?.startTime ?? null;
  return { start: at('hf-drift:start'), verdict: at('hf-drift:license-verdict'), panelReady: at('hf-drift:panel-ready'), controlStart: at(controlMark) };
};

export const marksOf = (page) => page.evaluate(readMarks, CONTROL_MARK);

/** Time of the license-verdict mark once the panel shows the verdict. */
export const verdictShown = () => performance.getEntriesByName('hf-drift:license-verdict')[0]?.startTime ?? null;

/** The panel's state once it has left `loading`. */
export const panelSettled = () => {
  const state = document.querySelector('[data-hf-drift="panel"]')?.getAttribute('data-state');
  return state && state !== 'loading' ? state : null;
};

/** True once the panel's background work (family statistics, siblings) has landed in the view. */
export const familySettled = () => {
  const root = document.querySelector('[data-hf-drift="panel"]')?.shadowRoot;
  const state = document.querySelector('[data-hf-drift="panel"]')?.getAttribute('data-state');
  root?.querySelector('.details-toggle[aria-expanded="false"]')?.click(); // the family block is in the details
  // The details' view module is fetched when they first open: drawn once their slot says so.
  return !!root && state !== 'loading' && !!root.querySelector('.details:not([hidden]) [data-details="ready"]') && !root.textContent.includes('Sampling the family');
};

/** The same moment with the details left closed, as most visits leave them: the summary's freshness line says it. */
export const summarySettled = () => {
  const host = document.querySelector('[data-hf-drift="panel"]');
  const state = host?.getAttribute('data-state');
  return !!host?.shadowRoot && !!state && state !== 'loading' && !host.shadowRoot.textContent.includes('sampling the family');
};

/**
 * Init script (main world, before the page's own scripts): records when every visible listing card
 * has a badge and when the panel's family statistics appear, with performance.now() timestamps.
 * It only looks at mutations that add extension hosts, so it does not force layouts during parsing.
 */
export const installWatchers = () => {
  const marks = { badges: null, family: null, panelHost: null };
  Object.defineProperty(window, '__hfDriftBench', { value: marks });
  const modelCard = (card) => /^\/[\w.-]+\/[\w.-]+$/.test(card.querySelector('a')?.getAttribute('href') ?? '');
  const checkBadges = () => {
    if (marks.badges) return;
    const cards = [...document.querySelectorAll('article.overview-card-wrapper')].filter(modelCard);
    const visible = cards.filter((card) => {
      const r = card.getBoundingClientRect();
      return r.width > 0 && r.bottom > 0 && r.top < innerHeight;
    });
    if (visible.length && visible.every((card) => card.querySelector('[data-hf-drift-badge]'))) {
      marks.badges = { at: performance.now(), visible: visible.length, cards: cards.length };
    }
  };
  let watchedRoot = null;
  const checkFamily = () => {
    const root = document.querySelector('[data-hf-drift="panel"]')?.shadowRoot;
    if (!root) return;
    marks.panelHost ??= performance.now();
    if (root !== watchedRoot) {
      watchedRoot = root;
      new MutationObserver(checkFamily).observe(root, { childList: true, subtree: true, characterData: true });
    }
    // The family statistics are in the details, drawn once opened: open them as a reader would.
    root.querySelector('.details-toggle[aria-expanded="false"]')?.click();
    if (marks.family || !root.querySelector('[data-family-stats]') || root.textContent.includes('Sampling the family')) return;
    marks.family = {
      at: performance.now(),
      sampleSizes: [...root.querySelectorAll('[data-sample-size]')].map((el) => ({
        relation: el.closest('[data-family]')?.getAttribute('data-family') ?? null,
        sampled: Number(el.getAttribute('data-sample-size')),
        text: el.textContent.trim(),
      })),
    };
  };
  const isHost = (node) => node.nodeType === 1 && (node.hasAttribute('data-hf-drift-badge') || node.hasAttribute('data-hf-drift'));
  new MutationObserver((records) => {
    if (!records.some((r) => [...r.addedNodes].some(isHost))) return;
    checkBadges();
    checkFamily();
  }).observe(document, { childList: true, subtree: true });
};

/** Listing cards that link to a model, with and without a badge. */
export const badgeCounts = () => {
  const cards = [...document.querySelectorAll('article.overview-card-wrapper')].filter((card) =>
    /^\/[\w.-]+\/[\w.-]+$/.test(card.querySelector('a')?.getAttribute('href') ?? ''),
  );
  return { cards: cards.length, badged: cards.filter((c) => c.querySelector('[data-hf-drift-badge]')).length };
};

/** What the page holds: all elements, and those the extension put there (hosts and their shadow trees). */
export const domFootprint = () => {
  const hosts = [...document.querySelectorAll('*')].filter(
    (el) => el.localName.startsWith('hf-drift') || el.hasAttribute('data-hf-drift') || el.hasAttribute('data-hf-drift-badge'),
  );
  const inShadow = hosts.reduce((n, host) => n + (host.shadowRoot ? host.shadowRoot.querySelectorAll('*').length : 0), 0);
  return { elements: document.getElementsByTagName('*').length, extensionHosts: hosts.length, extensionShadowElements: inShadow };
};

/** Navigation timing of the current document (ms from navigation start), once the load event is over. */
export const navigationTiming = () => {
  const nav = performance.getEntriesByType('navigation')[0];
  if (!nav || !nav.loadEventEnd) return null;
  return { domContentLoaded: nav.domContentLoadedEventEnd, load: nav.loadEventEnd };
};

/** Live JS heap of the page's renderer (all worlds, content scripts included) after a full GC, via CDP. */
export async function heapAfterGc(context, page) {
  const cdp = await context.newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return usedSize;
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/**
 * Main-thread time the page spent inside `script` (self time of its functions, CDP sampling profiler at
 * 100 µs) from navigation until `settleMs` after the load event, for each of `loads` fresh page views.
 * `source` (the script's text) names anonymous functions by the code they start with.
 *
 * A sample stands for the time since the one before. On a busy 2-CPU machine the renderer thread is
 * sometimes descheduled between two samples for 10+ ms, and that whole gap would be charged to whatever
 * ran next — often us. `perLoad` therefore caps each sample at 4 × the profile's median interval (time the
 * thread was not running is not time our code took); `perLoadRaw` keeps the uncapped sum beside it.
 */
export async function scriptCpu(context, url, { sources, loads = 5, settleMs = 300 }) {
  const linesOf = Object.fromEntries(Object.entries(sources).map(([file, source]) => [file, source.split('\n')]));
  const fileOf = (scriptUrl) => Object.keys(sources).find((file) => scriptUrl.endsWith(file));
  const perLoad = [];
  const perLoadRaw = [];
  const byFunction = new Map();
  for (let i = 0; i < loads; i += 1) {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    await page.goto(url, { waitUntil: 'load' });
    await sleep(settleMs);
    const { profile } = await cdp.send('Profiler.stop');
    await cdp.detach().catch(() => {});
    await page.close();
    const selfMs = new Map();
    const rawMs = new Map();
    const deltas = profile.timeDeltas.slice(1).sort((a, b) => a - b);
    const cap = 4 * (deltas[deltas.length >> 1] ?? 100);
    profile.samples.forEach((nodeId, k) => {
      const delta = profile.timeDeltas[k] ?? 0;
      selfMs.set(nodeId, (selfMs.get(nodeId) ?? 0) + Math.min(delta, cap) / 1000);
      rawMs.set(nodeId, (rawMs.get(nodeId) ?? 0) + delta / 1000);
    });
    let total = 0;
    let raw = 0;
    for (const node of profile.nodes) {
      const ms = selfMs.get(node.id) ?? 0;
      const file = fileOf(node.callFrame.url);
      if (!ms || !file) continue;
      const lines = linesOf[file];
      total += ms;
      raw += rawMs.get(node.id) ?? 0;
      const { functionName, lineNumber, columnNumber } = node.callFrame;
      const key = `${file.replace(/^.*\//, '')}:${lineNumber}:${columnNumber}`;
      const label = functionName || (lineNumber === 0 && columnNumber < 40 ? '(top-level evaluation)' : `${lines[lineNumber]?.slice(columnNumber, columnNumber + 48) ?? '?'}…`);
      const entry = byFunction.get(key) ?? { label, at: key, ms: 0 };
      entry.ms += ms;
      byFunction.set(key, entry);
    }
    perLoad.push(total);
    perLoadRaw.push(raw);
  }
  const top = [...byFunction.values()].sort((a, b) => b.ms - a.ms).slice(0, 4).map((f) => ({ ...f, ms: f.ms / loads }));
  return { perLoad, perLoadRaw, top };
}
