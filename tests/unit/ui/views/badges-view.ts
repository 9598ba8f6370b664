// A stand-in for the built listing-badges view module.
import { provideUi } from '../../../../lib/features/ui-modules';

provideUi('listing-badges', { startBadges: () => {} });
