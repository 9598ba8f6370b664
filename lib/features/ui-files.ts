// The packaged file of each feature's view module (built from entrypoints/<name>-ui.ts). One list for the
// loader (ui-modules.ts) and the manifest, which makes exactly these web-accessible, to the Hub only.
export const UI_FILES = {
  'model-panel': '/model-panel-ui.js',
  'listing-badges': '/listing-badges-ui.js',
  // The model panel's details, fetched by the panel's view when they are opened.
  'panel-details': '/panel-details-ui.js',
} as const;

/** The same files as the manifest names them (relative to the package root). */
export const UI_RESOURCES = /* @__PURE__ */ (() => Object.values(UI_FILES).map((file) => file.slice(1)))();

/** First line of each packaged view module (added by the build, see wxt.config.ts). */
export const EAGER_COMPILE_HINT = '//# allFunctionsCalledOnLoad';
