// A stand-in for the built model-panel view module: announces itself like entrypoints/page-features.ts and
// counts how often it was evaluated.
import { provideUi } from '../../../../lib/features/ui-modules';
import type { PanelView } from '../../../../lib/features/model-panel-view';

const counter = globalThis as { viewEvaluations?: number };
counter.viewEvaluations = (counter.viewEvaluations ?? 0) + 1;

provideUi('model-panel', {
  mountPanel: (document: Document, id: string): PanelView => {
    const host = document.createElement('hf-drift-panel');
    host.setAttribute('data-model', id);
    return { host, show: () => {}, remove: () => host.remove() };
  },
});
