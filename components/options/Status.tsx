// A status line per options section: a polite live region that is always present, so screen readers
// announce each new message.
import { useState } from 'preact/hooks';

export type StatusKind = 'info' | 'ok' | 'error';
export interface StatusMessage {
  text: string;
  kind: StatusKind;
}

export const NO_BACKGROUND = 'HF Drift could not reach its background service. Reload this page and try again.';

export function useStatus() {
  const [status, setStatus] = useState<StatusMessage>({ text: '', kind: 'info' });
  return {
    status,
    info: (text: string) => setStatus({ text, kind: 'info' }),
    ok: (text: string) => setStatus({ text, kind: 'ok' }),
    error: (text: string) => setStatus({ text, kind: 'error' }),
  };
}

export function Status({ status }: { status: StatusMessage }) {
  return (
    <p class={`status ${status.kind}`} role="status" data-kind={status.kind}>
      {status.text}
    </p>
  );
}
