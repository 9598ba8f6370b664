// Where the panel's "read the license" link points. Hub data is untrusted: a hostile `license_link` must
// never become a script or data URL.
import { describe, expect, it } from 'vitest';
import { parseModel } from '../../../lib/hub/parse';
import type { HubModel } from '../../../lib/hub/types';
import { licenseUrl } from '../../../lib/report/license-links';

const ID = 'acme-research/acme-7b';

/** A model as the data layer parses it from `/api/models/{id}` with the given card metadata. */
function model(cardData: Record<string, unknown>, id = ID): HubModel {
  const parsed = parseModel({ id, tags: [], cardData });
  if (!parsed) throw new Error('fixture did not parse');
  return parsed;
}

function expectWebUrl(url: string | undefined): URL {
  expect(url).toMatch(/^https?:\/\//i);
  const parsed = new URL(url!);
  expect(['http:', 'https:']).toContain(parsed.protocol);
  return parsed;
}

const HOSTILE_LINKS = [
  "javascript:alert('license-link')",
  'JaVaScRiPt:alert(1)',
  '   javascript:alert(1)',
  '\u0000javascript:alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  'jav&#x09;ascript:alert(1)',
  'javascript://huggingface.co/%0Aalert(1)',
  'data:text/html,<script>alert(1)</script>',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'DATA:image/svg+xml,<svg onload=alert(1)>',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  'blob:https://huggingface.co/0000',
  'about:blank',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '../../settings/tokens',
  './../../../api/whoami-v2',
  '//evil.example/LICENSE',
  '\\\\evil.example\\LICENSE',
  'https:javascript:alert(1)',
  'https:/\\evil.example',
];

describe('licenseUrl', () => {
  it.each(HOSTILE_LINKS)('a hostile license_link %j never gives a script, data or file URL', (link) => {
    const url = licenseUrl(model({ license: 'other', license_name: 'acme-license', license_link: link }));
    const parsed = expectWebUrl(url);
    expect(url!.toLowerCase()).not.toMatch(/^\s*(javascript|data|vbscript|file|blob|about):/);
    // Links that are not absolute web links stay on the Hub.
    expect(parsed.origin).toBe('https://huggingface.co');
    // and never climb out of the model's repository.
    expect(parsed.pathname.startsWith(`/${ID}`)).toBe(true);
  });

  it('keeps an author\'s absolute web link as it is (trimmed)', () => {
    expect(licenseUrl(model({ license: 'other', license_link: '  https://acme.example/license-1.0  ' }))).toBe(
      'https://acme.example/license-1.0',
    );
    expect(licenseUrl(model({ license: 'other', license_link: 'http://acme.example/L' }))).toBe('http://acme.example/L');
  });

  it('turns a relative license_link into the file in the model\'s repository', () => {
    expect(licenseUrl(model({ license: 'other', license_link: 'LICENSE' }))).toBe(`https://huggingface.co/${ID}/blob/main/LICENSE`);
    expect(licenseUrl(model({ license: 'other', license_link: './LICENSE.md' }))).toBe(`https://huggingface.co/${ID}/blob/main/LICENSE.md`);
    expect(licenseUrl(model({ license: 'other', license_link: 'docs/LICENSE.txt' }))).toBe(
      `https://huggingface.co/${ID}/blob/main/docs/LICENSE.txt`,
    );
  });

  it('links the Hub\'s license text for the Hub\'s custom keys (llama3.1, gemma)', () => {
    const llama = expectWebUrl(licenseUrl(model({ license: 'llama3.1' }, 'meta-llama/Llama-3.1-8B')));
    expect(llama.origin).toBe('https://huggingface.co');
    expect(llama.pathname).toMatch(/^\/meta-llama\/.*3\.1.*\/blob\/main\/LICENSE/);
    expect(licenseUrl(model({ license: 'gemma' }, 'google/gemma-2-2b'))).toBe('https://ai.google.dev/gemma/terms');
    // Upper-case keys from sloppy cards are the same license.
    expect(licenseUrl(model({ license: 'Llama3.1' }))).toBe(licenseUrl(model({ license: 'llama3.1' })));
  });

  it('links SPDX for standard licenses', () => {
    expect(licenseUrl(model({ license: 'apache-2.0' }))).toBe('https://spdx.org/licenses/Apache-2.0.html');
    expect(licenseUrl(model({ license: 'mit' }))).toBe('https://spdx.org/licenses/MIT.html');
    expect(licenseUrl(model({ license: ['mit', 'apache-2.0'] }))).toBe('https://spdx.org/licenses/MIT.html');
  });

  it('falls back to the model page for unknown keys and a bare "other", and says nothing without a license', () => {
    expect(licenseUrl(model({ license: 'my-own-terms' }))).toBe(`https://huggingface.co/${ID}`);
    expect(licenseUrl(model({ license: 'other' }))).toBe(`https://huggingface.co/${ID}`);
    expect(licenseUrl(model({}))).toBeUndefined();
  });

  it('the offline Hub\'s hostile fixture (xss-lab/payload-model) gets a Hub link', () => {
    const payload = model(
      { license: 'other', license_name: "<img src=x onerror=alert('license')>", license_link: "javascript:alert('license-link')" },
      'xss-lab/payload-model',
    );
    expect(licenseUrl(payload)).toBe('https://huggingface.co/xss-lab/payload-model');
  });
});
