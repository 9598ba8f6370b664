// The popup's model view: the same DriftPanel as on model pages, fed by the same report stream. The
// panel's stylesheet is written for a shadow root (`:host`), so the panel gets one here too.
import type { ComponentChildren } from 'preact';
import { createPortal } from 'preact/compat';
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { subscribeReport, type ReportSubscription } from '../../lib/report/subscribe';
import { loadingReport, type ModelReport } from '../../lib/report/types';
import { DriftPanel } from '../panel/DriftPanel';
import { PanelDetails } from '../panel/PanelDetails';
import panelCss from '../panel/panel.css?inline';
import { modelUrl } from '../shared/format';
import { usePrefersDark } from '../shared/theme';

export interface ModelViewProps {
  id: string;
  /** Compute family statistics (the user's switch). */
  familyStats: boolean;
  onBack: () => void;
  /** A parent or ancestor link in the panel was followed: show that model here. */
  onOpenModel: (id: string) => void;
}

export function ModelView({ id, familyStats, onBack, onOpenModel }: ModelViewProps) {
  const [report, setReport] = useState<ModelReport>(() => loadingReport(id));
  const subscription = useRef<ReportSubscription | null>(null);
  const back = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    setReport(loadingReport(id));
    const current = subscribeReport({ id, familyStats }, setReport);
    subscription.current = current;
    return () => {
      current.close();
      if (subscription.current === current) subscription.current = null;
    };
  }, [id, familyStats]);

  useEffect(() => back.current?.focus(), [id]);

  const refresh = () => subscription.current?.refresh();

  return (
    <section class="model-view" aria-labelledby="hfd-model-title">
      <div class="model-bar">
        <button type="button" class="back" ref={back} onClick={onBack}>
          <span aria-hidden="true">← </span>Back to search
        </button>
        <a class="open-page" href={modelUrl(id)} target="_blank" rel="noopener noreferrer" onClick={openInTab}>
          Open model page<span aria-hidden="true"> ↗</span>
        </a>
      </div>
      <h1 class="model-title" id="hfd-model-title">
        {id}
      </h1>
      <ShadowPanel onLinkClick={(event) => followPanelLink(event, onOpenModel)}>
        <DriftPanel report={report} defaultOpen onRefresh={refresh} idPrefix="hfd-popup" details={PanelDetails} />
      </ShadowPanel>
    </section>
  );
}

const plainClick = (event: MouseEvent) =>
  event.button === 0 && !event.ctrlKey && !event.metaKey && !event.shiftKey && !event.altKey;

/** Opens an https link in a tab instead: the popup itself must never navigate away. */
function openLinkInTab(event: MouseEvent, anchor: HTMLAnchorElement) {
  // An SVG <a> (the lineage graph) has no string `href` property.
  const href = typeof anchor.href === 'string' ? anchor.href : (anchor.getAttribute('href') ?? '');
  if (!/^https:\/\//.test(href)) return;
  event.preventDefault();
  void browser.tabs.create({ url: href });
}

/** Links in the popup open in a tab. */
function openInTab(event: MouseEvent) {
  if (plainClick(event)) openLinkInTab(event, event.currentTarget as HTMLAnchorElement);
}

/** Lineage links stay in the popup (follow the chain); every other link opens in a tab. */
function followPanelLink(event: MouseEvent, onOpenModel: (id: string) => void) {
  const anchor = event
    .composedPath()
    .find((node): node is HTMLAnchorElement => (node as Element).tagName?.toUpperCase() === 'A');
  if (!anchor || !plainClick(event)) return;
  const modelId = anchor.getAttribute('data-parent') ?? anchor.getAttribute('data-ancestor') ?? anchor.getAttribute('data-node');
  if (modelId) {
    event.preventDefault();
    onOpenModel(modelId);
    return;
  }
  openLinkInTab(event, anchor);
}

/** Renders its children in an open shadow root that follows the system's colour scheme. */
function ShadowPanel({ children, onLinkClick }: { children: ComponentChildren; onLinkClick: (event: MouseEvent) => void }) {
  const host = useRef<HTMLDivElement>(null);
  const [root, setRoot] = useState<ShadowRoot | null>(null);
  const dark = usePrefersDark();
  const linkHandler = useRef(onLinkClick);
  linkHandler.current = onLinkClick;

  useEffect(() => {
    const element = host.current;
    if (!element) return;
    setRoot(element.shadowRoot ?? element.attachShadow({ mode: 'open' }));
  }, []);

  useEffect(() => {
    if (!root) return;
    const listener = (event: Event) => linkHandler.current(event as MouseEvent);
    root.addEventListener('click', listener);
    return () => root.removeEventListener('click', listener);
  }, [root]);

  return (
    <div class="panel-host" ref={host} data-hf-drift="popup-panel" data-theme={dark ? 'dark' : 'light'}>
      {root &&
        createPortal(
          <>
            <style>{panelCss}</style>
            {children}
          </>,
          root as unknown as Element,
        )}
    </div>
  );
}
