// @vitest-environment happy-dom
// The modules the content script imports (the features with their views, the panel's details) come from the
// extension's package on demand: once per page, shared by concurrent callers, and a failure is a clear error
// that the next attempt can recover from.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { UI_FILES } from '../../../lib/features/ui-files';
import { loadUi, provideUi, sharedPreact, sharePreact } from '../../../lib/features/ui-modules';
import * as preact from 'preact';
import { useState } from 'preact/hooks';
import { jsx, jsxs } from 'preact/jsx-runtime';

const here = path.dirname(fileURLToPath(import.meta.url));
const view = (file: string) => path.join(here, 'views', file);
const evaluations = () => (globalThis as { viewEvaluations?: number }).viewEvaluations ?? 0;

describe('loadUi', () => {
  it('imports the packaged file of the view once, however many features ask at the same time', async () => {
    const asked: string[] = [];
    vi.spyOn(fakeBrowser.runtime, 'getURL').mockImplementation(((file: string) => {
      asked.push(file);
      return view('counting-panel-view.ts');
    }) as typeof fakeBrowser.runtime.getURL);
    const [a, b] = await Promise.all([loadUi('model-panel'), loadUi('model-panel')]);
    expect(a).toBe(b);
    expect(evaluations()).toBe(1);
    expect(asked).toEqual([UI_FILES['model-panel']]);
    // What it provides is the view's own code.
    const panel = a.mountPanel(document, 'org/model', () => {});
    expect(panel.host.getAttribute('data-model')).toBe('org/model');
    // Later calls on the page reuse it.
    await loadUi('model-panel');
    expect(evaluations()).toBe(1);
    expect(asked).toHaveLength(1);
  });

  it('a view that an imported module already provided costs no further fetch', async () => {
    const getURL = vi.spyOn(fakeBrowser.runtime, 'getURL');
    const details = { renderDetails: () => {}, removeDetails: () => {} };
    provideUi('panel-details', details as never);
    expect(await loadUi('panel-details')).toBe(details);
    expect(getURL).not.toHaveBeenCalled();
  });

  it('a module that does not announce its view is a clear error, and a later attempt can still succeed', async () => {
    const getURL = vi.spyOn(fakeBrowser.runtime, 'getURL').mockReturnValue(view('silent-view.ts') as never);
    await expect(loadUi('listing-badges')).rejects.toThrow(/listing-badges view did not load/);
    getURL.mockReturnValue(view('missing-view.ts') as never);
    await expect(loadUi('listing-badges')).rejects.toThrow();
    getURL.mockReturnValue(view('badges-view.ts') as never);
    const badges = await loadUi('listing-badges');
    expect(typeof badges.startBadges).toBe('function');
  });
});

describe('the Preact the panel lends to its details', () => {
  it('is refused before the panel view has lent it, and is then the very same functions', async () => {
    expect(() => sharedPreact()).toThrow(/before the panel view/);
    await expect(import('../../../lib/features/shared-preact/hooks')).rejects.toThrow(/before the panel view/);
    const lent = { render: preact.render, Fragment: preact.Fragment, jsx, jsxs, useState };
    sharePreact(lent);
    expect(sharedPreact()).toBe(lent);
    const runtime = await import('../../../lib/features/shared-preact/jsx-runtime');
    expect([runtime.jsx, runtime.jsxs, runtime.Fragment]).toEqual([jsx, jsxs, preact.Fragment]);
  });
});
