import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

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
  vite: () => ({ plugins: [preact({ prefreshEnabled: false })] }),
  hooks: {
    // The content script runs in every model and listing page of the Hub. It only calls APIs that both
    // browsers provide with promises in MV3 (runtime.connect, runtime.sendMessage, storage.local.get), so it
    // goes without webextension-polyfill: less code for each page to parse, run and keep in memory. Every
    // other entrypoint keeps the polyfill.
    'vite:build:extendConfig': (entries, config) => {
      if (!entries.length || !entries.every((entry) => entry.type === 'content-script')) return;
      const alias = config.resolve?.alias;
      if (Array.isArray(alias)) {
        config.resolve!.alias = alias.filter((rule: { find: unknown }) => rule.find !== 'wxt/browser');
      } else if (alias && typeof alias === 'object') {
        delete (alias as Record<string, string>)['wxt/browser'];
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
