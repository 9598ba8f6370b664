// The family explorer page (family.html?model={id}): asks the background to crawl the model's family
// within a request budget, shows the progress and an honest end state, draws the tree and the study's
// figures for the family, and exports them. All Hub data is rendered as text.
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { classChange, familyFigures, licenseClassOf } from '../../lib/drift/family-figures';
import { LICENSE_CLASS_LABELS } from '../../lib/drift/licenses';
import { isModelId, modelKey } from '../../lib/hub/parse';
import {
  CRAWL_BUDGETS,
  DEFAULT_CRAWL_BUDGET,
  FAMILY_PORT,
  type CrawlProgress,
  type FamilyAnomaly,
  type FamilyCrawlPush,
  type FamilyCrawlRequest,
  type FamilyNode,
} from '../../lib/report/family-crawl-types';
import { downloadText } from '../options/download';
import { count, modelUrl, until } from '../shared/format';
import { usePrefersDark } from '../shared/theme';
import { downloadBlob, edgesCsv, familyFileName, svgToPngBlob, treeSvgText } from './export';
import { ChangeLegend, Figures } from './Figures';
import { FamilyTree } from './FamilyTree';
import { CHANGE_STYLE, CLASS_COLOR } from './palette';
import { ALL_GROUPS, buildTree, foldedCount } from './tree-model';
import './family.css';

type Port = ReturnType<typeof browser.runtime.connect>;

interface CrawlView {
  root?: string;
  path: string[];
  nodes: Map<string, FamilyNode>;
  anomalies: FamilyAnomaly[];
  progress?: CrawlProgress;
}

const emptyView = (): CrawlView => ({ path: [], nodes: new Map(), anomalies: [] });
/** While a crawl runs the tree is redrawn at most this often (layout of thousands of nodes is not free). */
const REDRAW_MS = 1000;

export function FamilyExplorer({ modelId }: { modelId: string }) {
  const valid = isModelId(modelId);
  const [budget, setBudget] = useState<number>(DEFAULT_CRAWL_BUDGET);
  const [view, setView] = useState<CrawlView>(emptyView);
  const [version, setVersion] = useState(0);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const [inspected, setInspected] = useState<string | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  const dark = usePrefersDark();
  const port = useRef<Port | null>(null);
  const live = useRef<CrawlView>(emptyView());
  const redraw = useRef<{ timer?: ReturnType<typeof setTimeout>; last: number }>({ last: 0 });
  const retry = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    document.documentElement.dataset.theme = dark ? 'dark' : 'light';
  }, [dark]);
  useEffect(() => {
    document.title = valid ? `${modelId} · family · HF Drift` : 'HF Drift · family explorer';
  }, [modelId]);

  const flush = useCallback(() => {
    const current = live.current;
    redraw.current.last = Date.now();
    redraw.current.timer = undefined;
    setView({ ...current });
    setVersion((v) => v + 1);
  }, []);

  const start = useCallback(
    (withBudget: number) => {
      if (!valid) return;
      clearTimeout(retry.current);
      port.current?.disconnect();
      live.current = emptyView();
      const p = browser.runtime.connect({ name: FAMILY_PORT });
      port.current = p;
      p.onMessage.addListener((message: unknown) => {
        if (port.current !== p) return;
        const push = message as FamilyCrawlPush;
        const current = live.current;
        if (push.root) current.root = push.root;
        if (push.path) current.path = push.path;
        for (const node of push.nodes ?? []) current.nodes.set(modelKey(node.id), node);
        if (push.anomalies?.length) current.anomalies = [...current.anomalies, ...push.anomalies];
        current.progress = push.progress;
        const ended = push.progress?.state !== 'running';
        if (ended) {
          clearTimeout(redraw.current.timer);
          flush();
          if (push.progress.reason === 'rate-limited' && push.progress.retryAt) {
            // Resume when the Hub allows: the part already read replays from the cache for free.
            retry.current = setTimeout(() => start(withBudget), Math.max(1000, push.progress.retryAt - Date.now()));
          }
          return;
        }
        const wait = REDRAW_MS - (Date.now() - redraw.current.last);
        if (wait <= 0) flush();
        else redraw.current.timer ??= setTimeout(flush, wait);
      });
      p.postMessage({ id: modelId, budget: withBudget } satisfies FamilyCrawlRequest);
      setView(emptyView());
    },
    [modelId, valid, flush],
  );

  useEffect(() => {
    start(DEFAULT_CRAWL_BUDGET);
    return () => {
      clearTimeout(retry.current);
      clearTimeout(redraw.current.timer);
      port.current?.disconnect();
    };
  }, [start]);

  const stop = () => port.current?.postMessage({ stop: true } satisfies FamilyCrawlRequest);

  const nodes = useMemo(() => [...view.nodes.values()], [version]);
  const figures = useMemo(() => familyFigures(nodes), [nodes]);
  const progress = view.progress;
  const toggleGroup = useCallback((key: string) => {
    setExpanded((prev) => {
      const next = new Set(prev);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  }, []);
  const inspect = useCallback((id: string | null) => setInspected(id), []);
  const folded = useMemo(() => (view.root ? foldedCount(buildTree(nodes, view.root, expanded)) : 0), [nodes, view.root, expanded]);

  if (!valid) {
    return (
      <main class="explorer">
        <h1>Family explorer</h1>
        <p class="state error" role="alert">
          No model to explore: open the explorer from a model page's HF Drift panel or from the popup.
        </p>
      </main>
    );
  }

  const exportTree = async (kind: 'svg' | 'png') => {
    setExportError(null);
    const svg = document.querySelector<SVGSVGElement>('svg[data-family-tree]');
    if (!svg) return;
    const { text, width, height } = treeSvgText(svg, dark ? '#e5e7eb' : '#1f2937', dark ? '#0b0f19' : '#ffffff');
    try {
      if (kind === 'svg') downloadText(document, familyFileName(modelId, 'svg'), text, 'image/svg+xml');
      else downloadBlob(document, familyFileName(modelId, 'png'), await svgToPngBlob(text, width, height));
    } catch (error) {
      setExportError(String((error as Error)?.message ?? error));
    }
  };

  return (
    <main class="explorer">
      <header class="explorer-head">
        <h1>
          Family of <a href={modelUrl(view.root ?? modelId)} target="_blank" rel="noopener noreferrer">{view.root ?? modelId}</a>
        </h1>
        <p class="muted">
          Opened from <a href={modelUrl(modelId)} target="_blank" rel="noopener noreferrer">{modelId}</a>
          {view.path.length > 1 ? `, generation ${view.path.length - 1} below the root` : view.root && modelKey(view.root) === modelKey(modelId) ? ', the root itself' : ''}. HF Drift reads the
          root's descendants breadth-first, most downloaded first, one children list per model.
        </p>
      </header>

      <section class="controls" aria-label="Crawl">
        <fieldset class="budget">
          <legend>Request budget</legend>
          {CRAWL_BUDGETS.map((b) => (
            <label key={b}>
              <input type="radio" name="budget" value={b} checked={budget === b} onChange={() => setBudget(b)} data-budget={b} /> {b}
            </label>
          ))}
        </fieldset>
        <button type="button" class="primary" data-action="crawl" onClick={() => start(budget)} disabled={progress?.state === 'running'}>
          {!progress || progress.state === 'running' ? 'Crawl' : budget > progress.budget && progress.reason === 'budget' ? `Continue with ${budget}` : 'Crawl again'}
        </button>
        <button type="button" data-action="stop" onClick={stop} disabled={progress?.state !== 'running'}>
          Stop
        </button>
        <p class="muted small">
          A children list costs 1, a README 2. What is already cached costs nothing but still counts, so the same budget always explores the same models and a larger one continues where
          this one stopped.
        </p>
      </section>

      <Progress progress={progress} />

      {view.anomalies.length > 0 && (
        <details class="anomalies" data-anomalies={view.anomalies.length}>
          <summary>
            {count(view.anomalies.length)} oddities in this family's metadata (cycles, self-parents, missing or gated models, truncated lists)
          </summary>
          <ul>
            {view.anomalies.slice(0, 200).map((a) => (
              <li key={`${a.kind}:${a.id}`} data-anomaly={a.kind}>
                {a.detail}
              </li>
            ))}
          </ul>
        </details>
      )}

      <section class="tree-section" aria-labelledby="tree-title">
        <div class="section-head">
          <h2 id="tree-title">Family tree</h2>
          <div class="exports">
            <button type="button" data-export="svg" onClick={() => void exportTree('svg')} disabled={!nodes.length}>
              Tree as SVG
            </button>
            <button type="button" data-export="png" onClick={() => void exportTree('png')} disabled={!nodes.length}>
              Tree as PNG
            </button>
            <button type="button" data-export="csv" onClick={() => downloadText(document, familyFileName(modelId, 'csv'), edgesCsv(nodes), 'text/csv')} disabled={!nodes.length}>
              Edges as CSV
            </button>
          </div>
        </div>
        {exportError && <p class="state error">{exportError}</p>}
        <TreeLegend />
        <p class="muted small" data-drawn={nodes.length - folded} data-folded={folded}>
          {count(nodes.length)} models found; {folded ? `${count(folded)} leaves are folded into groups (select a group to show them).` : 'all are drawn.'}{' '}
          {(folded > 0 || expanded.has(ALL_GROUPS)) && (
            <button type="button" data-action="unfold-all" onClick={() => setExpanded(expanded.has(ALL_GROUPS) ? new Set() : new Set([ALL_GROUPS]))}>
              {expanded.has(ALL_GROUPS) ? 'Fold large groups' : 'Unfold all groups'}
            </button>
          )}
        </p>
        <div class="tree-and-inspector">
          {view.root ? (
            <FamilyTree nodes={nodes} version={version} rootId={view.root} focusId={modelId} expanded={expanded} onToggleGroup={toggleGroup} onInspect={inspect} />
          ) : (
            <p class="muted">Finding the root…</p>
          )}
          <Inspector node={inspected ? view.nodes.get(modelKey(inspected)) : undefined} nodes={view.nodes} />
        </div>
      </section>

      <section class="figures-section" aria-labelledby="figures-title">
        <h2 id="figures-title">The study's figures for this family</h2>
        <p class="muted small">
          Each figure is labelled with its sample size; beside it, the study's number for the whole Hub (Laufer, Oderinwale, Kleinberg, 2025; July 2025 snapshot).
        </p>
        <Figures figures={figures} complete={progress?.state === 'done'} />
      </section>
    </main>
  );
}

function Progress({ progress }: { progress?: CrawlProgress }) {
  if (!progress) {
    return (
      <div class="progress" data-progress="" data-state="running" role="status">
        <progress aria-label="Crawl progress" /> Finding the family's root…
      </div>
    );
  }
  const { state, reason } = progress;
  const end =
    state === 'running'
      ? 'Crawling…'
      : reason === 'complete'
        ? 'Complete: every model found was explored.'
        : reason === 'budget'
          ? `Stopped at the budget: ${count(progress.frontier)} models found are not explored yet. Pick a larger budget to continue.`
          : reason === 'user'
            ? 'Stopped: you pressed Stop.'
            : reason === 'rate-limited'
              ? `The Hub asked us to slow down; the crawl resumes ${until(progress.retryAt)} on its own.`
              : reason === 'offline'
                ? 'The Hub cannot be reached (offline?). What was found so far is shown; crawl again when online.'
                : `The crawl failed: ${progress.message ?? 'unknown error'}.`;
  return (
    <div class={`progress state-${state}`} data-progress="" data-state={state} data-reason={reason ?? ''} data-used={progress.used} data-budget={progress.budget} data-requests={progress.requests} data-models={progress.models} role="status">
      <progress max={progress.budget} value={Math.min(progress.used, progress.budget)} aria-label="Budget used" />
      <span>
        Budget: <strong>{count(progress.used)}</strong> of {count(progress.budget)} used ({count(progress.requests)} requests to the Hub, the rest from the cache) ·{' '}
        <strong>{count(progress.models)}</strong> models found · {count(progress.generations)} generations · {count(progress.explored)} explored · {count(progress.cards)} cards
        measured
      </span>
      <p class="end">{end}</p>
    </div>
  );
}

function TreeLegend() {
  const classes = ['permissive', 'weak-copyleft', 'strong-copyleft', 'use-restricted', 'custom-commercial', 'non-commercial', 'research-only', 'no-derivatives', 'unknown', 'none'] as const;
  return (
    <div class="tree-legend">
      <ul class="legend" aria-label="Node colours: license class">
        {classes.map((c) => (
          <li key={c}>
            <span class="swatch" style={{ background: CLASS_COLOR[c] }} aria-hidden="true" /> {c === 'none' ? 'no license' : LICENSE_CLASS_LABELS[c]}
          </li>
        ))}
      </ul>
      <ChangeLegend />
      <p class="muted small">Node size: downloads (log scale). A mark left of a node repeats its edge: ! relaxed, + tightened, ? unknown.</p>
    </div>
  );
}

function Inspector({ node, nodes }: { node?: FamilyNode; nodes: Map<string, FamilyNode> }) {
  if (!node) {
    return (
      <aside class="inspector" aria-live="polite">
        <p class="muted">Hover or focus a model to compare it with its parent.</p>
      </aside>
    );
  }
  const parent = node.via ? nodes.get(modelKey(node.via)) : undefined;
  const cls = (n: FamilyNode) => licenseClassOf(n.licenses, { name: n.licenseName, link: n.licenseLink });
  const change = parent ? classChange(cls(parent), cls(node)) : undefined;
  const rows: [string, string, string][] = [
    ['License', parent ? parent.licenses.join(', ') || '—' : '', node.licenses.join(', ') || '—'],
    ['License class', parent ? cls(parent) : '', cls(node)],
    ['Languages', parent ? parent.languages.join(', ') || '—' : '', node.languages.join(', ') || '—'],
    ['Task', parent?.task ?? (parent ? '—' : ''), node.task ?? '—'],
    ['Library', parent?.library ?? (parent ? '—' : ''), node.library ?? '—'],
    ['Card length', parent?.cardLength !== undefined ? count(parent.cardLength) : parent ? 'not sampled' : '', node.cardLength !== undefined ? count(node.cardLength) : 'not sampled'],
    ['Downloads', parent ? count(parent.downloads ?? 0) : '', count(node.downloads ?? 0)],
  ];
  return (
    <aside class="inspector" aria-live="polite" data-inspected={node.id}>
      <h3>{node.id}</h3>
      <p class="muted small">
        Generation {node.generation}
        {parent ? ` · ${node.relation ?? 'derived'} of ${parent.id}` : ' · the root'}
        {node.parents.length > 1 ? ` · ${node.parents.length} parents (merge)` : ''}
        {node.more ? ` · more children than listed${node.announced ? ` (${count(node.announced)} announced)` : ''}` : ''}
      </p>
      {change && (
        <p class={`change change-${change}`} style={{ color: CHANGE_STYLE[change].color }}>
          {CHANGE_STYLE[change].mark} {CHANGE_STYLE[change].label}
        </p>
      )}
      <table class="traits">
        <thead>
          <tr>
            <th scope="col">Trait</th>
            {parent && <th scope="col">Parent</th>}
            <th scope="col">This model</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, p, c]) => (
            <tr key={label} class={parent && p !== c ? 'changed' : ''}>
              <th scope="row">{label}</th>
              {parent && <td>{p}</td>}
              <td>{c}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {node.autoGenerated && <p class="small">Card contains the study's "automatically generated" phrase.</p>}
      <p>
        <a href={modelUrl(node.id)} target="_blank" rel="noopener noreferrer">
          Open the model page ↗
        </a>
      </p>
    </aside>
  );
}
