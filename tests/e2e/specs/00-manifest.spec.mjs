// Issue 8: the built manifests ask for `storage` and https://huggingface.co/* and nothing else.
import fs from 'node:fs';
import path from 'node:path';
import { assert } from '../lib.mjs';
import { BUILDS } from '../harness.mjs';

const read = (browserName) => JSON.parse(fs.readFileSync(path.join(BUILDS[browserName], 'manifest.json'), 'utf8'));
const ALLOWED_PERMISSIONS = ['storage'];
const ALLOWED_HOSTS = ['https://huggingface.co/*'];

function checkCommon(manifest, name) {
  assert.equal(manifest.manifest_version, 3, `${name}: MV3`);
  assert.deepEqual(manifest.permissions, ALLOWED_PERMISSIONS, `${name}: permissions`);
  assert.deepEqual(manifest.host_permissions, ALLOWED_HOSTS, `${name}: host permissions`);
  for (const key of ['optional_permissions', 'optional_host_permissions', 'externally_connectable', 'content_security_policy']) {
    assert.equal(manifest[key], undefined, `${name}: no ${key}`);
  }
  // The only files the Hub's pages may fetch from the extension are the modules the content script imports
  // (the features with their views; the panel's details), and only the Hub's pages may.
  assert.deepEqual(manifest.web_accessible_resources, [
    { resources: ['page-features.js', 'panel-details-ui.js'], matches: ALLOWED_HOSTS },
  ], `${name}: web-accessible resources`);
  for (const script of manifest.content_scripts ?? []) {
    assert.deepEqual(script.matches, ALLOWED_HOSTS, `${name}: content scripts run on the Hub only`);
  }
}

export default {
  tests: [
    {
      name: 'both built manifests ask for storage and https://huggingface.co/* only',
      browsers: ['chromium'],
      async run() {
        const chrome = read('chromium');
        const firefox = read('firefox');
        checkCommon(chrome, 'chrome');
        checkCommon(firefox, 'firefox');
        assert.ok(chrome.background.service_worker, 'chrome: service worker background');
        assert.equal(firefox.browser_specific_settings.gecko.id, 'hf-drift@hf-drift.dev');
        assert.deepEqual(firefox.browser_specific_settings.gecko.data_collection_permissions, { required: ['none'] });
        assert.equal(chrome.browser_specific_settings, undefined, 'no Firefox keys in the Chrome manifest');
      },
    },
    {
      name: "each module the content script imports starts with V8's eager-compile hint, so its code cache holds every function",
      browsers: ['chromium'],
      async run() {
        for (const [browserName, dir] of Object.entries(BUILDS)) {
          for (const file of read(browserName).web_accessible_resources[0].resources) {
            const firstLine = fs.readFileSync(path.join(dir, file), 'utf8').split('\n', 1)[0];
            assert.equal(firstLine, '//# allFunctionsCalledOnLoad', `${browserName}: ${file}`);
          }
          // The injected content script has no code cache to fill: it stays lazily compiled.
          const injected = read(browserName).content_scripts.flatMap((script) => script.js);
          for (const file of injected) assert.doesNotMatch(fs.readFileSync(path.join(dir, file), 'utf8'), /allFunctionsCalledOnLoad/, `${browserName}: ${file}`);
        }
      },
    },
    {
      name: 'the built code contains no localhost address, test switch or remote script',
      browsers: ['chromium'],
      async run() {
        for (const dir of Object.values(BUILDS)) {
          const files = fs.readdirSync(dir, { recursive: true }).filter((f) => /\.(js|html)$/.test(f));
          for (const file of files) {
            const text = fs.readFileSync(path.join(dir, file), 'utf8');
            assert.doesNotMatch(text, /127\.0\.0\.1|localhost|offline[-_ ]?hub|hf_offlineTestToken/i, `${file} knows about the test setup`);
            assert.doesNotMatch(text, /<script[^>]+src=["']https?:/i, `${file} loads remote code`);
          }
        }
      },
    },
  ],
};
