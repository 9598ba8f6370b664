// The drift panel's drawing: a shadow host with the panel's styles and the Preact tree. Loaded as a view
// module of its own (see ui-modules.ts); what to show and when is decided by model-panel.ts.
import { render } from 'preact';
import panelCss from '../../components/panel/panel.css?inline';
import { DriftPanel } from '../../components/panel/DriftPanel';
import type { ModelReport } from '../report/types';
import { createShadowHost } from '../ui/shadow-host';
import { PANEL_TAG } from './ui-modules';

export interface PanelView {
  host: HTMLElement;
  show(report: ModelReport): void;
  remove(): void;
}

export function mountPanel(document: Document, id: string, onRefresh: () => void): PanelView {
  const shadow = createShadowHost(
    document,
    PANEL_TAG,
    { 'data-hf-drift': 'panel', 'data-model': id, 'data-state': 'loading' },
    panelCss,
  );
  return {
    host: shadow.host,
    show: (report) => render(<DriftPanel report={report} onRefresh={onRefresh} />, shadow.mount),
    remove() {
      render(null, shadow.mount);
      shadow.dispose();
      shadow.host.remove();
    },
  };
}
