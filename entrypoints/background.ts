import { startBackground } from '../lib/background';

// The background owns every Hub request and the cache; see lib/background.
export default defineBackground(() => startBackground());
