// Build step (wxt.config.ts): trims what WXT's content-script runtime does while a Hub page is still loading.
// WXT 0.21's ContentScriptContext, built before our script's main() runs, (1) posts a window message to the
// page that nothing of this WXT version listens to (old scripts are told by a DOM event; the message is for
// older WXT versions), about 1 ms in a trace and an event for every `message` listener of the Hub's own code,
// and (2) names its events after the extension's id; and (3) WXT's `browser` picks its namespace by reading
// `browser.runtime.id`. (2) and (3) read `browser.runtime` at module evaluation: the first use of the
// extension API bindings in a page, 0.5–1.6 ms. Our script uses them only once the page has loaded. Event
// names stay unique to this extension and script; the namespace is chosen by the same rule without
// instantiating it (`'runtime' in browser` is true of an API namespace, false of a page element named so).
import type { Plugin } from 'vite';

export interface SourcePatch {
  /** The module of WXT the patch applies to (end of its resolved path). */
  file: string;
  find: RegExp;
  replace: string;
  why: string;
}

export const CONTENT_SCRIPT_START_PATCHES: SourcePatch[] = [
  {
    file: 'wxt/dist/utils/content-script-context.mjs',
    find: /\n\t\twindow\.postMessage\(\{\n\t\t\ttype: ContentScriptContext\.SCRIPT_STARTED_MESSAGE_TYPE,\n\t\t\tcontentScriptName: this\.contentScriptName,\n\t\t\tmessageId: this\.id\n\t\t\}, "\*"\);/,
    replace: '',
    why: 'the legacy window message to the page',
  },
  {
    file: 'wxt/dist/utils/internal/custom-events.mjs',
    find: /`\$\{browser\?\.runtime\?\.id\}:\$\{import\.meta\.env\.ENTRYPOINT\}:\$\{eventName\}`/,
    replace: '`hf-drift:${import.meta.env.ENTRYPOINT}:${eventName}`',
    why: "event names from the extension's id",
  },
  {
    file: '@wxt-dev/browser/src/index.mjs',
    find: /globalThis\.browser\?\.runtime\?\.id\s*\?\s*globalThis\.browser\s*:\s*globalThis\.chrome/,
    replace: "typeof globalThis.browser === 'object' && globalThis.browser !== null && 'runtime' in globalThis.browser ? globalThis.browser : globalThis.chrome",
    why: 'the namespace chosen by reading browser.runtime.id',
  },
];

/** `code` of WXT's module `id` with the patches that apply to it; throws when a patch no longer matches. */
export function patchWxtSource(id: string, code: string, patches: SourcePatch[] = CONTENT_SCRIPT_START_PATCHES): string {
  const path = id.replace(/\\/g, '/').replace(/\?.*$/, '');
  let patched = code;
  for (const patch of patches) {
    if (!path.endsWith(`/node_modules/${patch.file}`)) continue;
    if (!patch.find.test(patched)) {
      throw new Error(`HF Drift build: ${patch.file} no longer has ${patch.why}; review scripts/content-script-start.ts against this WXT version.`);
    }
    patched = patched.replace(patch.find, patch.replace);
  }
  return patched;
}

export function contentScriptStart(): Plugin {
  return {
    name: 'hf-drift:content-script-start',
    enforce: 'pre',
    transform(code, id) {
      const patched = patchWxtSource(id, code);
      return patched === code ? null : { code: patched, map: null };
    },
  };
}
