// Stands in for 'preact' in the details' module build (wxt.config.ts): the features' module's Preact, lent.
import { sharedPreact } from '../ui-modules';

export const { render, Fragment } = sharedPreact();
