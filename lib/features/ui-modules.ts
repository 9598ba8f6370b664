// The features' code (their work, Preact, components, styles) is not in the content script that every model
// and listing page evaluates while it loads: it is a module fetched from the extension's package once the
// page has loaded (page-features.js, which also holds the views), and the panel's details a module of their
// own, fetched when they are first opened. A module announces what it provides here when it runs; it runs
// in the content script's world, so this registry is the content script's, never the page's.
import type { Fragment, render } from 'preact';
import type { useState } from 'preact/hooks';
import type { jsx, jsxs } from 'preact/jsx-runtime';
import { browser } from 'wxt/browser';
import type { startBadges } from './listing-badges-view';
import type { mountPanel } from './model-panel-view';
import type { removeDetails, renderDetails } from './panel-details-view';
import type { startFeatures } from './start';
import { UI_FILES } from './ui-files';

export interface UiModules extends Record<keyof typeof UI_FILES, unknown> {
  features: { startFeatures: typeof startFeatures };
  'model-panel': { mountPanel: typeof mountPanel };
  'listing-badges': { startBadges: typeof startBadges };
  'panel-details': { renderDetails: typeof renderDetails; removeDetails: typeof removeDetails };
}
export type UiName = keyof UiModules;

/** The elements the views put into the Hub's page (the DOM contract in the README). */
export const PANEL_TAG = 'hf-drift-panel';
export const BADGE_TAG = 'hf-drift-badge';

type Registry = { [K in UiName]?: UiModules[K] };
const REGISTRY = '__hfDriftUi';
const registry = (): Registry => ((globalThis as Record<string, unknown>)[REGISTRY] ??= {}) as Registry;
const loading = new Map<UiName, Promise<unknown>>();

/** Called by a packaged module when it runs. */
export function provideUi<K extends UiName>(name: K, ui: UiModules[K]): void {
  registry()[name] = ui;
}

/** The module providing `name`, imported once per page (later calls share the first import). */
export async function loadUi<K extends UiName>(name: K): Promise<UiModules[K]> {
  const ready = registry()[name];
  if (ready) return ready;
  let imported = loading.get(name);
  if (!imported) {
    imported = import(/* @vite-ignore */ browser.runtime.getURL(UI_FILES[name])).then(() => {
      if (!registry()[name]) throw new Error(`HF Drift: the ${name} view did not load`);
    });
    loading.set(name, imported);
    // A failed import (the extension was updated under the page, say) may be tried again by the next call.
    imported.catch(() => loading.delete(name));
  }
  await imported;
  return registry()[name]!;
}

/**
 * What the details' module draws with: the features' module's own Preact, lent to it (its build resolves preact
 * to lib/features/shared-preact/, see wxt.config.ts). One copy on the page, and the details' components
 * run in the renderer they are drawn by.
 */
export interface SharedPreact {
  render: typeof render;
  Fragment: typeof Fragment;
  jsx: typeof jsx;
  jsxs: typeof jsxs;
  useState: typeof useState;
}
const SHARED_PREACT = '__hfDriftPreact';

/** Called by the features' module (page-features.js) when it runs. */
export function sharePreact(preact: SharedPreact): void {
  (globalThis as Record<string, unknown>)[SHARED_PREACT] = preact;
}

/** The lent Preact; the details' module only ever runs after the panel's view, which lends it. */
export function sharedPreact(): SharedPreact {
  const preact = (globalThis as Record<string, unknown>)[SHARED_PREACT] as SharedPreact | undefined;
  if (!preact) throw new Error('HF Drift: the details came before the panel view that draws them');
  return preact;
}
