// Views (the page panel, the popup) subscribe to a model's report over a port; the background pushes
// a first report at once (possibly stale, from the cache) and again when fresher data arrives.
import { browser } from 'wxt/browser';
import { REPORT_PORT, type ReportPush, type ReportSubscribe } from '../messages';
import type { ModelReport } from './types';

export interface ReportSubscription {
  /** Asks again, bypassing the cache. */
  refresh(): void;
  close(): void;
}

export function subscribeReport(
  request: Omit<ReportSubscribe, 'refresh'>,
  onReport: (report: ModelReport) => void,
): ReportSubscription {
  let port: ReturnType<typeof browser.runtime.connect> | null = null;
  const connect = (refresh: boolean) => {
    port?.disconnect();
    const current = browser.runtime.connect({ name: REPORT_PORT });
    port = current;
    current.onMessage.addListener((message: unknown) => {
      const push = message as ReportPush;
      if (port === current && push?.report?.id === request.id) onReport(push.report);
    });
    current.onDisconnect.addListener(() => {
      if (port === current) port = null;
    });
    current.postMessage({ ...request, refresh } satisfies ReportSubscribe);
  };
  connect(false);
  return {
    // Same port when it is still open: the background knows what this view shows and refreshes all of it.
    refresh: () => {
      if (port) port.postMessage({ ...request, refresh: true } satisfies ReportSubscribe);
      else connect(true);
    },
    close: () => {
      port?.disconnect();
      port = null;
    },
  };
}
