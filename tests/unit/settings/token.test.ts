import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { watchedToken, writeToken } from '../../../lib/settings/settings';

beforeEach(() => fakeBrowser.reset());

describe('the token the background sends with Hub requests', () => {
  it('is read from storage once, not once per request', async () => {
    await writeToken('hf_first');
    const token = watchedToken();
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    expect(await Promise.all([token(), token(), token()])).toEqual(['hf_first', 'hf_first', 'hf_first']);
    expect(get).toHaveBeenCalledTimes(1);
  });

  it('follows a new token and a removed one as soon as storage says so', async () => {
    await writeToken('hf_first');
    const token = watchedToken();
    expect(await token()).toBe('hf_first');
    await writeToken('hf_second');
    expect(await token()).toBe('hf_second');
    await writeToken(undefined);
    expect(await token()).toBeUndefined();
  });
});
