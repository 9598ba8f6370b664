// The features' module: imported by the content script (entrypoints/hf.content.ts) once a model or listing
// page has loaded. It holds the features and the views they draw; it lends its Preact to the details' module
// (see lib/features/ui-modules.ts).
import { Fragment, render } from 'preact';
import { useState } from 'preact/hooks';
import { jsx, jsxs } from 'preact/jsx-runtime';
import { startBadges } from '../lib/features/listing-badges-view';
import { mountPanel } from '../lib/features/model-panel-view';
import { startFeatures } from '../lib/features/start';
import { provideUi, sharePreact } from '../lib/features/ui-modules';

export default defineUnlistedScript(() => {
  sharePreact({ render, Fragment, jsx, jsxs, useState });
  provideUi('model-panel', { mountPanel });
  provideUi('listing-badges', { startBadges });
  provideUi('features', { startFeatures });
});
