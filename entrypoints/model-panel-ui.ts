// The drift panel's view module: imported by the content script on a model page when there is something
// to draw (see lib/features/ui-modules.ts). It lends its Preact to the details' module.
import { Fragment, render } from 'preact';
import { useState } from 'preact/hooks';
import { jsx, jsxs } from 'preact/jsx-runtime';
import { mountPanel } from '../lib/features/model-panel-view';
import { provideUi, sharePreact } from '../lib/features/ui-modules';

export default defineUnlistedScript(() => {
  sharePreact({ render, Fragment, jsx, jsxs, useState });
  provideUi('model-panel', { mountPanel });
});
