import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { EAGER_COMPILE_HINT, UI_RESOURCES } from './lib/features/ui-files';
import { contentScriptExcludes } from './lib/page/detect';
import { contentScriptStart } from './scripts/content-script-start';

// One manifest for both browsers, written in MV3 form. Firefox is built as MV3 too (see README,
// "Why MV3 in Firefox"): host permissions are listed separately and granted at install (Firefox ≥ 127).
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    name: 'HF Drift',
    description:
      'Where a Hugging Face model came from and what changed on the way: lineage, trait drift and license relaxation.',
    permissions: ['storage'],
    host_permissions: ['https://huggingface.co/*'],
    action: { default_title: 'HF Drift' },
    // The modules the content script imports: the features with their views once the page has loaded, the
    // panel's details when opened (see lib/features/ui-modules.ts). Reachable from the Hub's pages only,
    // which see our elements anyway.
    web_accessible_resources: [{ resources: UI_RESOURCES, matches: ['https://huggingface.co/*'] }],
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'hf-drift@hf-drift.dev',
          strict_min_version: '140.0',
          // WXT 0.21.0's manifest types predate this key.
          data_collection_permissions: { required: ['none'] },
        } as Record<string, unknown>,
        // Android gained data_collection_permissions in 142.
        gecko_android: { strict_min_version: '142.0' },
      } as Record<string, unknown>,
    }),
  }),
  vite: () => ({
    plugins: [preact({ prefreshEnabled: false }), eagerCompileImportedModules(), contentScriptStart()],
    // ASCII output (non-ASCII escaped): V8 keeps a script's source as one byte per character then, not two.
    esbuild: { charset: 'ascii' },
  }),
  hooks: {
    // Where no feature can apply, the content script is not even injected. Added here rather than in the
    // script's definition, which ships inside the script: every page would build the list again.
    'build:manifestGenerated': (_wxt, manifest) => {
      for (const script of manifest.content_scripts ?? []) script.exclude_matches = contentScriptExcludes();
    },
    // The content script and the modules it imports run in every model and listing page of the Hub. They only
    // call APIs that both browsers provide with promises in MV3 (runtime.connect, runtime.sendMessage,
    // runtime.getURL, storage.local.get), so they go without webextension-polyfill: less code for each page
    // to parse, run and keep in memory. Every other entrypoint keeps the polyfill.
    'vite:build:extendConfig': (entries, config) => {
      const inPages = (type: string) => type === 'content-script' || type === 'unlisted-script';
      if (!entries.length || !entries.every((entry) => inPages(entry.type))) return;
      const alias = config.resolve?.alias;
      if (Array.isArray(alias)) {
        config.resolve!.alias = alias.filter((rule: { find: unknown }) => rule.find !== 'wxt/browser');
      } else if (alias && typeof alias === 'object') {
        delete (alias as Record<string, string>)['wxt/browser'];
      }
      // The panel's details draw with the features' module's Preact (lent at run time), not a second copy.
      if (entries.length === 1 && entries[0].name === 'panel-details-ui') {
        const lent = (name: string) => fileURLToPath(new URL(`./lib/features/shared-preact/${name}.ts`, import.meta.url));
        const rules = [
          { find: /^preact$/, replacement: lent('preact') },
          { find: /^preact\/hooks$/, replacement: lent('hooks') },
          { find: /^preact\/jsx-runtime$/, replacement: lent('jsx-runtime') },
        ];
        const current = config.resolve?.alias;
        const existing = Array.isArray(current) ? current : Object.entries(current ?? {}).map(([find, replacement]) => ({ find, replacement }));
        config.resolve = { ...config.resolve, alias: [...rules, ...existing] };
      }
    },
  },
  zip: {
    // The Firefox sources archive holds only what a reviewer needs to rebuild the extension.
    includeSources: [],
    excludeSources: [
      '.output/**', '.wxt/**', 'node_modules/**', 'tests/**', '.ci/**', 'docs/**', '*.log',
      '.vitest*.json', 'coverage/**', '.git/**', '.e2e-*/**', 'bench-results/**',
    ],
  },
});

/**
 * Marks the imported modules for eager compilation (V8's explicit compile hint, Chrome 136+; a plain comment
 * elsewhere). Chrome keeps a code cache for a module a page imports: with the hint, that cache holds every
 * function, so later page views run the features and draw without compiling anything on the page's main
 * thread (lazy functions would be compiled again on every view).
 */
function eagerCompileImportedModules(): Plugin {
  return {
    name: 'hf-drift:eager-compile-imported-modules',
    // After minification, which would drop the comment.
    generateBundle(_options, bundle) {
      for (const output of Object.values(bundle)) {
        if (output.type === 'chunk' && UI_RESOURCES.includes(output.fileName)) output.code = `${EAGER_COMPILE_HINT}\n${output.code}`;
      }
    },
  };
}
