// Test harness shared by the popup and options tests. Each test file mocks lib/messages with
// vi.mock (hoisted per file); these helpers drive that mock.
import { act } from '@testing-library/preact';
import { vi } from 'vitest';
import { ask, type RequestMap, type RequestType } from '../../../lib/messages';

export type Handlers = { [K in RequestType]?: (request: RequestMap[K]['request']) => Promise<RequestMap[K]['response']> };

/** Answers `ask` from `handlers`; a request without a handler fails the test loudly. */
export function answerAsk(handlers: Handlers): void {
  vi.mocked(ask).mockImplementation(async (type, request) => {
    const handler = handlers[type] as ((r: typeof request) => Promise<unknown>) | undefined;
    if (!handler) throw new Error(`unexpected ask(${type})`);
    return handler(request) as never;
  });
}

export const askCalls = (type: RequestType) => vi.mocked(ask).mock.calls.filter(([t]) => t === type);

/** Lets pending promises, (fake) timers and Preact's render queue run. */
export async function settle(ms = 0): Promise<void> {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
  // Effects of that render may ask again (e.g. the search view asks for recent models on mount).
  await act(async () => {
    await vi.advanceTimersByTimeAsync(0);
  });
}
