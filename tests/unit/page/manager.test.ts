// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { createFeatureRunner, type Feature } from '../../../lib/features/manager';
import { DEFAULT_SWITCHES } from '../../../lib/settings/settings';
import { isListingPage, isModelPage } from '../../../lib/page/detect';

function feature(id: string, include: Feature['include'], init: Feature['init'], sw?: Feature['switch']): Feature {
  return { id, include, init, switch: sw };
}

describe('feature runner', () => {
  const deps = (switches = DEFAULT_SWITCHES) => ({ readSwitches: vi.fn(async () => switches), report: vi.fn() });

  it('starts only features whose predicates match the URL', async () => {
    const panel = vi.fn();
    const badges = vi.fn();
    const d = deps();
    const runner = createFeatureRunner([feature('panel', [isModelPage], panel), feature('badges', [isListingPage], badges)], d);
    expect(await runner.run('https://huggingface.co/meta-llama/Llama-3.1-8B', document)).toEqual(['panel']);
    expect(panel).toHaveBeenCalledOnce();
    expect(badges).not.toHaveBeenCalled();
  });

  it('does no work at all where nothing applies (not even reading settings)', async () => {
    const d = deps();
    const runner = createFeatureRunner([feature('panel', [isModelPage], vi.fn())], d);
    expect(await runner.run('https://huggingface.co/datasets/akariasai/PopQA', document)).toEqual([]);
    expect(d.readSwitches).not.toHaveBeenCalled();
  });

  it('a feature applies when any one of its predicates holds', async () => {
    const init = vi.fn();
    const runner = createFeatureRunner([feature('either', [isListingPage, isModelPage], init)], deps());
    expect(await runner.run('https://huggingface.co/a/b', document)).toEqual(['either']);
    expect(init).toHaveBeenCalledOnce();
  });

  it('starts nothing for an address that is not a URL', async () => {
    const init = vi.fn();
    const d = deps();
    const runner = createFeatureRunner([feature('any', [() => true], init)], d);
    expect(await runner.run('not a url', document)).toEqual([]);
    expect(init).not.toHaveBeenCalled();
    expect(d.readSwitches).not.toHaveBeenCalled();
  });

  it('a navigation while the switches are read: the old page’s features never start', async () => {
    const answers: ((switches: typeof DEFAULT_SWITCHES) => void)[] = [];
    const d = { readSwitches: vi.fn(() => new Promise<typeof DEFAULT_SWITCHES>((resolve) => answers.push(resolve))), report: vi.fn() };
    const urls: string[] = [];
    const runner = createFeatureRunner([feature('gated', [isModelPage], ({ url }) => void urls.push(url.pathname), 'panel')], d);
    const first = runner.run('https://huggingface.co/a/b', document);
    const second = runner.run('https://huggingface.co/c/d', document);
    answers[0](DEFAULT_SWITCHES);
    answers[1](DEFAULT_SWITCHES);
    expect(await first).toEqual([]);
    expect(await second).toEqual(['gated']);
    expect(urls).toEqual(['/c/d']);
  });

  it('aborts the previous run on navigation', async () => {
    const signals: AbortSignal[] = [];
    const runner = createFeatureRunner([feature('panel', [isModelPage], ({ signal }) => void signals.push(signal))], deps());
    await runner.run('https://huggingface.co/a/b', document);
    await runner.run('https://huggingface.co/c/d', document);
    expect(signals[0].aborted).toBe(true);
    expect(signals[1].aborted).toBe(false);
  });

  it('respects the feature switch', async () => {
    const badges = vi.fn();
    const runner = createFeatureRunner([feature('badges', [isListingPage], badges, 'badges')], deps({ ...DEFAULT_SWITCHES, badges: false }));
    expect(await runner.run('https://huggingface.co/models', document)).toEqual([]);
    expect(badges).not.toHaveBeenCalled();
  });

  it('a feature whose switch the background enforces starts at once, and alone it costs the page no storage read', async () => {
    const d = deps({ ...DEFAULT_SWITCHES, panel: false });
    const panel = vi.fn();
    const runner = createFeatureRunner([{ id: 'panel', include: [isModelPage], switch: 'panel', switchedByBackground: true, init: panel }], d);
    expect(await runner.run('https://huggingface.co/a/b', document)).toEqual(['panel']);
    expect(panel).toHaveBeenCalledOnce();
    expect(d.readSwitches).not.toHaveBeenCalled();
  });

  it('beside it, a feature the page gates waits for the switches, and stays off when switched off', async () => {
    let answer!: (switches: typeof DEFAULT_SWITCHES) => void;
    const d = { readSwitches: vi.fn(() => new Promise<typeof DEFAULT_SWITCHES>((resolve) => (answer = resolve))), report: vi.fn() };
    const panel = vi.fn();
    const gated = vi.fn();
    const off = vi.fn();
    const runner = createFeatureRunner(
      [
        { id: 'panel', include: [isModelPage], switch: 'panel', switchedByBackground: true, init: panel },
        feature('gated', [isModelPage], gated, 'familyStats'),
        feature('off', [isModelPage], off, 'badges'),
      ],
      d,
    );
    const started = runner.run('https://huggingface.co/a/b', document);
    await Promise.resolve();
    expect(panel).toHaveBeenCalledOnce(); // not held back by the storage read
    expect(gated).not.toHaveBeenCalled();
    answer({ ...DEFAULT_SWITCHES, badges: false });
    expect(await started).toEqual(['panel', 'gated']);
    expect(gated).toHaveBeenCalledOnce();
    expect(off).not.toHaveBeenCalled();
    expect(d.readSwitches).toHaveBeenCalledOnce();
  });

  it('a throwing feature is reported and does not stop the others', async () => {
    const d = deps();
    const other = vi.fn();
    const runner = createFeatureRunner(
      [
        feature('bad', [isModelPage], () => {
          throw new Error('boom');
        }),
        feature('async-bad', [isModelPage], async () => {
          throw new Error('later');
        }),
        feature('good', [isModelPage], other),
      ],
      d,
    );
    await runner.run('https://huggingface.co/a/b', document);
    await Promise.resolve();
    await Promise.resolve();
    expect(other).toHaveBeenCalledOnce();
    expect(d.report).toHaveBeenCalledWith('bad', expect.any(Error));
    expect(d.report).toHaveBeenCalledWith('async-bad', expect.any(Error));
  });
});
