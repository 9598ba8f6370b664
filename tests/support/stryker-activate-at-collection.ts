// Mutation runs only (vitest.mutation.config.ts). StrykerJS switches a mutant on in a beforeAll hook, after
// vitest has collected the file; work done while collecting (describe bodies, it.each tables, fixtures built
// at import) would then run the original code and let real bugs "survive". Switching the mutant on before
// the file is collected makes it behave as the bug would in an ordinary run.
import { inject } from 'vitest';

type StrykerInjected = { globalNamespace: string; mode: string; activeMutant: string | undefined };
const get = inject as unknown as <K extends keyof StrykerInjected>(key: K) => StrykerInjected[K];

if (get('mode') === 'mutant') {
  const namespace = get('globalNamespace');
  const ns = ((globalThis as Record<string, unknown>)[namespace] ??= {}) as { activeMutant?: string };
  ns.activeMutant = get('activeMutant');
}
