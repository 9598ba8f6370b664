// Views (the page panel, the popup) subscribe to a model's report over a port; the background pushes
// a first report at once (possibly stale, from the cache) and again when fresher data arrives.
import { browser } from 'wxt/browser';
import { REPORT_PORT, type ReportPush, type ReportSubscribe, type ReportSwitchedOff } from '../messages';
import type { ModelReport } from './types';

export interface ReportSubscription {
  /** Asks again, bypassing the cache. */
  refresh(): void;
  close(): void;
}

/**
 * `onSwitchedOff`: the background refused the subscription because the switch `request.requires` names is
 * off (no report follows).
 */
export function subscribeReport(
  request: Omit<ReportSubscribe, 'refresh'>,
  onReport: (report: ModelReport) => void,
  onSwitchedOff?: () => void,
): ReportSubscription {
  let port: ReturnType<typeof browser.runtime.connect> | null = null;
  // After a refresh, a report built before it may still be on its way; showing it would end "Refreshing…"
  // with old data.
  let generation = 0;
  let last: ModelReport | null = null;
  const connect = (refresh: boolean) => {
    port?.disconnect();
    const current = browser.runtime.connect({ name: REPORT_PORT });
    port = current;
    current.onMessage.addListener((message: unknown) => {
      if (port !== current) return;
      if (request.requires && (message as ReportSwitchedOff)?.off === request.requires) {
        onSwitchedOff?.();
        return;
      }
      const push = message as ReportPush;
      if (push?.report?.id !== request.id) return;
      if ((push.generation ?? 0) < generation) return;
      last = push.report;
      onReport(last);
    });
    current.onDisconnect.addListener(() => {
      if (port === current) port = null;
    });
    current.postMessage({ ...request, refresh, generation } satisfies ReportSubscribe);
  };
  connect(false);
  return {
    // Same port when it is still open: the background knows what this view shows and refreshes all of it.
    refresh: () => {
      generation += 1;
      // Until the refreshed report arrives, the view keeps showing the last one, marked as refreshing.
      if (last) onReport({ ...last, refreshing: true });
      if (port) port.postMessage({ ...request, refresh: true, generation } satisfies ReportSubscribe);
      else connect(true);
    },
    close: () => {
      port?.disconnect();
      port = null;
    },
  };
}
