// Helpers for the offline Hub tests: parse pages without running their scripts, read real samples.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';

/** Parses HTML into a document; happy-dom does not evaluate scripts by default, so payloads stay inert. */
export function parseHtml(html: string): Document {
  const window = new Window({ url: 'https://huggingface.co/' });
  return new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

/** A captured real Hub response from tests/fixtures/hub-samples/. */
export function realSample<T = any>(file: string): T {
  return JSON.parse(readFileSync(fileURLToPath(new URL(`../../fixtures/hub-samples/${file}`, import.meta.url)), 'utf8')) as T;
}

/** JSON `data-props` of a Svelte island. */
export function islandProps<T = any>(document: Document, target: string): T {
  const element = document.querySelector<HTMLElement>(`.SVELTE_HYDRATER[data-target="${target}"]`);
  if (!element) throw new Error(`no ${target} island`);
  return JSON.parse(element.getAttribute('data-props') ?? 'null') as T;
}
