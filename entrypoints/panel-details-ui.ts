// The model panel's details: imported by the panel's view the first time they are opened on a Hub page
// (see lib/features/model-panel-view.tsx).
import { removeDetails, renderDetails } from '../lib/features/panel-details-view';
import { provideUi } from '../lib/features/ui-modules';

export default defineUnlistedScript(() => provideUi('panel-details', { renderDetails, removeDetails }));
