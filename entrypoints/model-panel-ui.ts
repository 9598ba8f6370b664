// The drift panel's view module: imported by the content script on a model page when there is something
// to draw (see lib/features/ui-modules.ts).
import { mountPanel } from '../lib/features/model-panel-view';
import { provideUi } from '../lib/features/ui-modules';

export default defineUnlistedScript(() => provideUi('model-panel', { mountPanel }));
