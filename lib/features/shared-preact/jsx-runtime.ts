// Stands in for 'preact/jsx-runtime' in the details' module build (wxt.config.ts): the features' module's, lent.
import { sharedPreact } from '../ui-modules';

export const { jsx, jsxs, Fragment } = sharedPreact();
