// A stand-in for the built panel-details view module: announces the real details drawing like
// entrypoints/panel-details-ui.ts does, and counts how often it was evaluated.
import { removeDetails, renderDetails } from '../../../../lib/features/panel-details-view';
import { provideUi } from '../../../../lib/features/ui-modules';

const counter = globalThis as { detailsEvaluations?: number };
counter.detailsEvaluations = (counter.detailsEvaluations ?? 0) + 1;

provideUi('panel-details', { renderDetails, removeDetails });
