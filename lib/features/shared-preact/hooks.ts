// Stands in for 'preact/hooks' in the details' module build (wxt.config.ts): the features' module's hooks, lent.
import { sharedPreact } from '../ui-modules';

export const { useState } = sharedPreact();
