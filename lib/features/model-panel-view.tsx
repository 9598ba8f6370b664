// The drift panel's drawing: a shadow host with the panel's styles and the Preact tree. Part of the features'
// module (page-features.js, see ui-modules.ts); what to show and when is decided by model-panel.ts.
import { render } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import panelCss from '../../components/panel/panel.css?inline';
import { DriftPanel } from '../../components/panel/DriftPanel';
import type { PanelDetailsProps } from '../../components/panel/PanelDetails';
import type { ModelReport } from '../report/types';
import { createShadowHost } from '../ui/shadow-host';
import { loadUi, PANEL_TAG } from './ui-modules';

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
    show: (report) => render(<DriftPanel report={report} onRefresh={onRefresh} details={FetchedDetails} />, shadow.mount),
    remove() {
      render(null, shadow.mount);
      shadow.dispose();
      shadow.host.remove();
    },
  };
}

type DetailsState = 'loading' | 'ready' | 'error';

/**
 * The details on a Hub page. Their code is a view module of its own, fetched the first time they open
 * (most visits never do), and drawn into a slot of this tree. `data-details` tells the state.
 */
export function FetchedDetails(props: PanelDetailsProps) {
  const slot = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<DetailsState>('loading');
  const [attempt, setAttempt] = useState(0);
  const drawn = useRef(false);
  useLayoutEffect(() => {
    const into = slot.current;
    if (!into) return;
    let current = true;
    loadUi('panel-details').then(
      ({ renderDetails }) => {
        if (!current) return;
        renderDetails(into, props);
        drawn.current = true;
        setState('ready');
      },
      () => current && setState('error'),
    );
    return () => {
      current = false;
    };
  }, [props.report, props.idPrefix, attempt]);
  // Closing the details unmounts what the module drew (its effects, its pending export).
  useLayoutEffect(() => {
    const into = slot.current;
    return () => {
      if (into && drawn.current) void loadUi('panel-details').then(({ removeDetails }) => removeDetails(into), () => undefined);
    };
  }, []);
  return (
    <>
      {state === 'loading' && <p class="muted">Loading details…</p>}
      {state === 'error' && (
        <p class="state error" role="status">
          The details could not be loaded.{' '}
          <button
            type="button"
            class="text-button"
            onClick={() => {
              setState('loading');
              setAttempt(attempt + 1);
            }}
          >
            Try again
          </button>
        </p>
      )}
      <div ref={slot} data-details={state} />
    </>
  );
}
