// The build trims WXT's content-script start-up (scripts/content-script-start.ts): the patches must still
// match the WXT the lockfile installs, and a WXT whose code moved must fail the build, not ship unpatched.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CONTENT_SCRIPT_START_PATCHES, contentScriptStart, patchWxtSource } from '../../../scripts/content-script-start';

// The WXT the build uses: the repository's own install.
const nodeModules = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../node_modules');
const installed = (file: string) => {
  const full = path.join(nodeModules, file);
  return { id: full, code: fs.readFileSync(full, 'utf8') };
};

describe("WXT's content-script start-up, trimmed at build time", () => {
  it('posts no window message to the page any more, and still tells older scripts by its DOM event', () => {
    const { id, code } = installed('wxt/dist/utils/content-script-context.mjs');
    expect(code).toContain('window.postMessage(');
    const patched = patchWxtSource(id, code);
    expect(patched).not.toContain('window.postMessage(');
    expect(patched).toContain('document.dispatchEvent(new CustomEvent(ContentScriptContext.SCRIPT_STARTED_MESSAGE_TYPE');
    expect(patched).toContain('document.addEventListener(ContentScriptContext.SCRIPT_STARTED_MESSAGE_TYPE');
  });

  it("names its events without reading the extension's id, still per entrypoint", () => {
    const { id, code } = installed('wxt/dist/utils/internal/custom-events.mjs');
    const patched = patchWxtSource(id, code);
    expect(patched).not.toMatch(/runtime\?\.id/);
    expect(patched).toContain('`hf-drift:${import.meta.env.ENTRYPOINT}:${eventName}`');
  });

  it("picks the same namespace without touching browser.runtime: the API's namespace, never a page element named browser", async () => {
    const { id, code } = installed('@wxt-dev/browser/src/index.mjs');
    const patched = patchWxtSource(id, code);
    expect(patched).not.toMatch(/runtime\?\.id/);
    const choose = (globals: Record<string, unknown>) =>
      new Function('globalThis', `${patched.replace(/export const browser =/, 'return')}`)(globals) as unknown;
    let touched = false;
    const namespace = { get runtime() { touched = true; return { id: 'x' }; } };
    const chrome = { runtime: { id: 'x' } };
    expect(choose({ browser: namespace, chrome })).toBe(namespace);
    expect(touched).toBe(false);
    expect(choose({ chrome })).toBe(chrome);
    expect(choose({ browser: { id: 'browser', tagName: 'DIV' }, chrome })).toBe(chrome);
    expect(choose({ browser: null, chrome })).toBe(chrome);
  });

  it('finds the module however the bundler names it: with a query, or with Windows separators', () => {
    const { id, code } = installed('wxt/dist/utils/content-script-context.mjs');
    for (const named of [`${id}?v=1a2b3c`, id.replace(/\//g, '\\')]) {
      expect(patchWxtSource(named, code)).not.toContain('window.postMessage(');
    }
  });

  it('as a build step, rewrites the patched modules and passes every other module through untouched', () => {
    const plugin = contentScriptStart();
    const transform = plugin.transform as (code: string, id: string) => { code: string; map: null } | null;
    const { id, code } = installed('@wxt-dev/browser/src/index.mjs');
    const result = transform(code, id);
    expect(result?.code).toBe(patchWxtSource(id, code));
    expect(result?.code).not.toBe(code);
    expect(transform('export const x = 1;', '/repo/lib/features/start.ts')).toBeNull();
    // Before WXT's own plugins see the code, so the patterns meet WXT's published source.
    expect(plugin.enforce).toBe('pre');
  });

  it('leaves every other module as it is', () => {
    const code = 'export const x = `${browser?.runtime?.id}:${import.meta.env.ENTRYPOINT}:${eventName}`; window.postMessage({}, "*");';
    expect(patchWxtSource('/repo/node_modules/wxt/dist/utils/other.mjs', code)).toBe(code);
    expect(patchWxtSource('/repo/lib/features/ui-modules.ts', code)).toBe(code);
  });

  it('fails the build when a patched module of WXT has changed', () => {
    const id = '/repo/node_modules/wxt/dist/utils/content-script-context.mjs';
    expect(() => patchWxtSource(id, 'export class ContentScriptContext {}')).toThrow(/no longer has the legacy window message.*review scripts\/content-script-start\.ts/);
    expect(CONTENT_SCRIPT_START_PATCHES.map((p) => p.file)).toEqual([
      'wxt/dist/utils/content-script-context.mjs',
      'wxt/dist/utils/internal/custom-events.mjs',
      '@wxt-dev/browser/src/index.mjs',
    ]);
  });
});
