// The packaged modules the content script imports: the manifest makes exactly these web-accessible, to the
// Hub only. (Apart from ui-modules.test.ts, which mutation runs use: importing the build config there made
// Stryker's mutants of the page detectors it imports look as if they survived.)
import { describe, expect, it } from 'vitest';
import { UI_FILES } from '../../../lib/features/ui-files';

describe('the packaged modules', () => {
  it('names a packaged file for every module, each of which the manifest makes reachable from the Hub only', async () => {
    const config = await import('../../../wxt.config');
    const manifest = (config.default.manifest as (env: { browser: string }) => { web_accessible_resources: unknown })({ browser: 'chrome' });
    expect(manifest.web_accessible_resources).toEqual([
      { resources: [...new Set(Object.values(UI_FILES))].map((file) => file.replace(/^\//, '')), matches: ['https://huggingface.co/*'] },
    ]);
  });
});
