// The packaged file of each module the content script imports into a Hub page (built from entrypoints/). One
// list for the loader (ui-modules.ts) and the manifest, which makes exactly these web-accessible, to the Hub
// only.
export const UI_FILES = {
  // The features with the views they draw: one module, one import on a model or listing page.
  features: '/page-features.js',
  'model-panel': '/page-features.js',
  'listing-badges': '/page-features.js',
  // The model panel's details, fetched by the panel's view when they are opened.
  'panel-details': '/panel-details-ui.js',
} as const;

/** The same files as the manifest names them (relative to the package root), each once. */
export const UI_RESOURCES = /* @__PURE__ */ (() => [...new Set(Object.values(UI_FILES))].map((file) => file.slice(1)))();

/** First line of each packaged module (added by the build, see wxt.config.ts). */
export const EAGER_COMPILE_HINT = '//# allFunctionsCalledOnLoad';
