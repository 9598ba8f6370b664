import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ReportPush, ReportSubscribe, ReportSwitchedOff } from '../../../lib/messages';
import { subscribeReport } from '../../../lib/report/subscribe';
import { loadingReport, type ModelReport } from '../../../lib/report/types';

/** A port whose background side the test plays. */
function fakePort() {
  const onMessage = new Set<(message: unknown) => void>();
  const onDisconnect = new Set<() => void>();
  const sent: ReportSubscribe[] = [];
  const port = {
    name: 'hf-drift:model-report',
    postMessage: (message: ReportSubscribe) => sent.push(message),
    disconnect: vi.fn(),
    onMessage: { addListener: (l: (m: unknown) => void) => onMessage.add(l) },
    onDisconnect: { addListener: (l: () => void) => onDisconnect.add(l) },
  };
  return {
    port,
    sent,
    push: (message: ReportPush | ReportSwitchedOff) => onMessage.forEach((l) => l(message)),
    drop: () => onDisconnect.forEach((l) => l()),
  };
}

const report = (id: string, note: string): ModelReport => ({ ...loadingReport(id), notices: [note] });

describe('subscribeReport', () => {
  let ports: ReturnType<typeof fakePort>[];
  beforeEach(() => {
    fakeBrowser.reset();
    ports = [];
    vi.spyOn(fakeBrowser.runtime, 'connect').mockImplementation((() => {
      const next = fakePort();
      ports.push(next);
      return next.port;
    }) as never);
  });

  it('shows every push for its model and ignores pushes for another model', () => {
    const shown: string[] = [];
    subscribeReport({ id: 'a/b' }, (r) => shown.push(r.notices[0]));
    expect(ports[0].sent).toEqual([{ id: 'a/b', refresh: false, generation: 0 }]);
    ports[0].push({ report: report('a/b', 'first'), generation: 0 });
    ports[0].push({ report: report('x/y', 'other'), generation: 0 });
    ports[0].push({ report: report('a/b', 'second'), generation: 0 });
    expect(shown).toEqual(['first', 'second']);
  });

  it('after a refresh, shows the last report as refreshing; a report built before it is not shown, the refreshed one is', () => {
    const shown: ModelReport[] = [];
    const subscription = subscribeReport({ id: 'a/b' }, (r) => shown.push(r));
    ports[0].push({ report: report('a/b', 'first'), generation: 0 });
    subscription.refresh();
    expect(ports).toHaveLength(1);
    expect(ports[0].sent[1]).toEqual({ id: 'a/b', refresh: true, generation: 1 });
    ports[0].push({ report: report('a/b', 'built from the old cache'), generation: 0 });
    ports[0].push({ report: report('a/b', 'refreshed'), generation: 1 });
    expect(shown.map((r) => [r.notices[0], r.refreshing === true])).toEqual([
      ['first', false],
      ['first', true],
      ['refreshed', false],
    ]);
  });

  it('reconnects to refresh when the background dropped the port, and closes cleanly', () => {
    const shown: string[] = [];
    const subscription = subscribeReport({ id: 'a/b' }, (r) => shown.push(r.notices[0]));
    ports[0].drop();
    subscription.refresh();
    expect(ports).toHaveLength(2);
    expect(ports[1].sent).toEqual([{ id: 'a/b', refresh: true, generation: 1 }]);
    ports[0].push({ report: report('a/b', 'from the dead port'), generation: 1 });
    ports[1].push({ report: report('a/b', 'fresh'), generation: 1 });
    subscription.close();
    expect(ports[1].port.disconnect).toHaveBeenCalled();
    ports[1].push({ report: report('a/b', 'after close'), generation: 1 });
    expect(shown).toEqual(['fresh']);
  });

  it('learns from the background that the switch it requires is off, and only from a refusal of that switch', () => {
    const shown: string[] = [];
    const off = vi.fn();
    subscribeReport({ id: 'a/b', requires: 'panel' }, (r) => shown.push(r.notices[0]), off);
    ports[0].push({ off: 'familyStats' });
    expect(off).not.toHaveBeenCalled();
    ports[0].push({ off: 'panel' });
    expect(off).toHaveBeenCalledOnce();
    expect(shown).toEqual([]);
    // A view that requires nothing is never told off.
    const other = vi.fn();
    subscribeReport({ id: 'c/d' }, () => {}, other);
    ports[1].push({ off: 'panel' });
    expect(other).not.toHaveBeenCalled();
  });
});
