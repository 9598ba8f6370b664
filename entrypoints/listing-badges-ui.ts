// The listing badges' view module: imported by the content script on a listing page after its load
// (see lib/features/ui-modules.ts).
import { startBadges } from '../lib/features/listing-badges-view';
import { provideUi } from '../lib/features/ui-modules';

export default defineUnlistedScript(() => provideUi('listing-badges', { startBadges }));
