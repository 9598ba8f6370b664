// The family tree: d3-hierarchy lays it out, Preact draws it as SVG, d3-zoom pans and zooms it. Nodes
// are coloured by license class and sized by downloads; edges are styled by the license change along
// them; folded groups expand on click or Enter; each model is a link to its page.
import { memo } from 'preact/compat';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { HierarchyPointNode } from 'd3-hierarchy';
import { select } from 'd3-selection';
import { zoom, zoomIdentity, type ZoomBehavior } from 'd3-zoom';
import { classChange, licenseClassOf } from '../../lib/drift/family-figures';
import type { FamilyNode } from '../../lib/report/family-crawl-types';
import { count, modelUrl } from '../shared/format';
import { CHANGE_STYLE, CLASS_COLOR } from './palette';
import { buildTree, layoutTree, RELATION_PLURAL, type TreeDatum, type TreeLayout } from './tree-model';

export interface FamilyTreeProps {
  nodes: FamilyNode[];
  /** Bumped when `nodes` changed (the array is reused). */
  version: number;
  rootId: string;
  focusId: string;
  expanded: ReadonlySet<string>;
  onToggleGroup: (key: string) => void;
  onInspect: (id: string | null) => void;
}

const LABEL_CHARS = 30;

function radius(downloads: number | undefined): number {
  return 3 + Math.min(7, Math.log10((downloads ?? 0) + 1));
}

function shortLabel(id: string): string {
  return id.length > LABEL_CHARS ? `${id.slice(0, LABEL_CHARS - 1)}…` : id;
}

function classOf(node: FamilyNode) {
  return licenseClassOf(node.licenses, { name: node.licenseName, link: node.licenseLink });
}

export const FamilyTree = memo(function FamilyTree({ nodes, rootId, focusId, expanded, onToggleGroup, onInspect }: FamilyTreeProps) {
  const svgRef = useRef<SVGSVGElement>(null);
  const groupRef = useRef<SVGGElement>(null);
  const zoomRef = useRef<ZoomBehavior<SVGSVGElement, unknown> | null>(null);
  const datum = useMemo(() => buildTree(nodes, rootId, expanded), [nodes, nodes.length, rootId, expanded]);
  const layout = useMemo(() => (datum ? layoutTree(datum) : null), [datum]);

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const behavior = zoom<SVGSVGElement, unknown>()
      .scaleExtent([0.05, 4])
      .on('zoom', (event) => groupRef.current?.setAttribute('transform', String(event.transform)));
    zoomRef.current = behavior;
    const selection = select(svg);
    selection.call(behavior).on('dblclick.zoom', null);
    selection.call(behavior.transform, zoomIdentity.translate(24, svg.clientHeight / 2 || 250));
    return () => {
      selection.on('.zoom', null);
    };
  }, []);

  // Drawn in slices, one per frame: a tree of thousands of models never blocks the page for long, and a
  // slice that did not change is not drawn again (memo). Until its turn a slice keeps the previous layout.
  const slices = useMemo(() => (layout ? sliceLayout(layout, nodes) : []), [layout]);
  const [shown, setShown] = useState<Slice[]>([]);
  useEffect(() => {
    let i = 0;
    let handle: ReturnType<typeof setTimeout>;
    // Slices per task adapt to the machine: the time from one step to the next includes drawing the
    // previous batch, so batches grow while that stays short and shrink when it gets long.
    let batch = 2;
    let last = 0;
    const step = () => {
      const now = performance.now();
      if (last) batch = now - last < 30 ? batch * 2 : now - last > 60 ? Math.max(1, batch >> 1) : batch;
      last = now;
      const from = i;
      i = Math.min(slices.length, i + batch);
      setShown((prev) => {
        const next = prev.slice(0, slices.length);
        for (let k = from; k < i; k++) next[k] = slices[k];
        return next;
      });
      if (i < slices.length) handle = setTimeout(step, 0);
    };
    if (slices.length) step();
    else setShown([]);
    return () => clearTimeout(handle);
  }, [slices]);

  if (!datum || !layout) return <p class="muted">Nothing to draw yet.</p>;
  const rendering = shown.length !== slices.length || shown.some((slice, i) => slice !== slices[i]);
  const zoomBy = (k: number) => zoomRef.current && select(svgRef.current!).call(zoomRef.current.scaleBy, k);
  const reset = () => zoomRef.current && select(svgRef.current!).call(zoomRef.current.transform, zoomIdentity.translate(24, (svgRef.current!.clientHeight || 500) / 2));

  return (
    <div class="tree-wrap">
      <div class="tree-tools" role="group" aria-label="Zoom">
        <button type="button" onClick={() => zoomBy(1.25)} aria-label="Zoom in">+</button>
        <button type="button" onClick={() => zoomBy(0.8)} aria-label="Zoom out">−</button>
        <button type="button" onClick={reset}>Reset view</button>
        <span class="muted"> Drag to pan, wheel to zoom; Tab moves through the models.</span>
      </div>
      <svg
        ref={svgRef}
        class="family-tree"
        data-family-tree=""
        data-rendering={rendering ? 'true' : 'false'}
        data-extent={`${layout.minX} ${layout.maxX} ${layout.maxY}`}
        role="group"
        aria-label={`Family tree of ${rootId}: ${count(nodes.length)} models`}
        xmlns="http://www.w3.org/2000/svg"
      >
        <g ref={groupRef}>
          {shown.map((slice, i) => (
            <SliceView key={i} slice={slice} focusId={focusId} onToggleGroup={onToggleGroup} onInspect={onInspect} />
          ))}
        </g>
      </svg>
    </div>
  );
});

const SLICE = 150;

interface SliceItem {
  point: HierarchyPointNode<TreeDatum>;
  /** The parent model (for the edge into this point), when both are models. */
  parent?: FamilyNode;
  source?: HierarchyPointNode<TreeDatum>;
}
type Slice = SliceItem[];

function sliceLayout(layout: TreeLayout, nodes: FamilyNode[]): Slice[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const items: SliceItem[] = layout.points.map((point) => {
    const source = point.parent ?? undefined;
    const parent = source && source.data.kind === 'model' ? byId.get(source.data.node.id) : undefined;
    return { point, source, parent };
  });
  const slices: Slice[] = [];
  for (let i = 0; i < items.length; i += SLICE) slices.push(items.slice(i, i + SLICE));
  return slices;
}

const SliceView = memo(function SliceView({ slice, focusId, onToggleGroup, onInspect }: { slice: Slice; focusId: string; onToggleGroup: (key: string) => void; onInspect: (id: string | null) => void }) {
  return (
    <g>
      {slice.map(({ point, source, parent }) => (source ? <Edge key={`e:${point.data.key}`} source={source} target={point} parent={parent} /> : null))}
      {slice.map(({ point: p, parent }) => {
        const d = p.data;
        if (d.kind === 'model') return <ModelNode key={d.key} datum={d} x={p.y} y={p.x} focus={d.node.id === focusId} parent={parent} onInspect={onInspect} />;
        if (d.kind === 'group') {
          const label = `+${count(d.members.length)} ${RELATION_PLURAL[d.relation] ?? d.relation}`;
          return (
            <g
              key={d.key}
              class="group-node"
              transform={`translate(${p.y},${p.x})`}
              data-group={d.key}
              data-group-size={d.members.length}
              data-members={d.members.map((m) => m.id).join(' ')}
              role="button"
              tabIndex={0}
              aria-expanded="false"
              aria-label={`${label} of ${d.parent}, folded; press Enter to show them`}
              onClick={() => onToggleGroup(d.key)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  onToggleGroup(d.key);
                }
              }}
            >
              <rect x={-6} y={-6} width={12} height={12} rx={3} fill="#9ca3af" />
              <text x={10} dy="0.32em">{label}</text>
            </g>
          );
        }
        return (
          <text key={d.key} x={p.y + 4} y={p.x} dy="0.32em" class="muted-text" data-unlisted={d.parent}>
            {d.count !== undefined ? `+${count(d.count)} more not listed` : 'more children not listed'}
          </text>
        );
      })}
    </g>
  );
});

function Edge({ source, target, parent }: { source: HierarchyPointNode<TreeDatum>; target: HierarchyPointNode<TreeDatum>; parent?: FamilyNode }) {
  const s = source.data;
  const t = target.data;
  const child = t.kind === 'model' ? t.node : undefined;
  const change = parent && child ? classChange(classOf(parent), classOf(child)) : 'unknown';
  const style = CHANGE_STYLE[change];
  // Edges leave a model after its label, so they never run through the text.
  const startY = s.kind === 'model' ? source.y + radius(s.node.downloads) + 8 + shortLabel(s.node.id).length * 6.1 : source.y;
  const endY = target.y - (t.kind === 'model' ? radius(t.node.downloads) + (child && parent && style.mark ? 12 : 2) : 8);
  const midY = (startY + endY) / 2;
  return (
    <path
      d={`M${startY},${source.x}C${midY},${source.x} ${midY},${target.x} ${endY},${target.x}`}
      fill="none"
      stroke={t.kind === 'model' ? style.color : '#9ca3af'}
      stroke-width={style.width}
      stroke-dasharray={t.kind === 'model' ? style.dash : '2 3'}
      {...(parent && child ? { 'data-edge': `${parent.id}>${child.id}`, 'data-change': change } : {})}
    />
  );
}

function ModelNode({ datum, x, y, focus, parent, onInspect }: { datum: Extract<TreeDatum, { kind: 'model' }>; x: number; y: number; focus: boolean; parent?: FamilyNode; onInspect: (id: string | null) => void }) {
  const node = datum.node;
  const cls = classOf(node);
  const r = radius(node.downloads);
  const change = parent ? CHANGE_STYLE[classChange(classOf(parent), cls)] : undefined;
  const label = shortLabel(node.id);
  const details = `generation ${node.generation}, ${cls === 'none' ? 'no license' : `${cls} license`}, ${count(node.downloads ?? 0)} downloads${change && change.mark ? `, ${change.label} versus ${parent!.id}` : ''}`;
  // The accessible name starts with the visible label (shortened ids included), then says the rest.
  const name = label === node.id ? `${node.id}, ${details}` : `${label} (${node.id}), ${details}`;
  return (
    <g>
      {change?.mark && (
        <text x={x - r - 9} y={y} dy="0.32em" class="edge-mark" fill={change.color} aria-hidden="true">
          {change.mark}
        </text>
      )}
      <a
        href={modelUrl(node.id)}
        target="_blank"
        rel="noopener noreferrer"
        data-node={node.id}
        data-license-class={cls}
        aria-label={name}
        class={focus ? 'model-node focus' : 'model-node'}
        onMouseEnter={() => onInspect(node.id)}
        onFocus={() => onInspect(node.id)}
      >
        <circle cx={x} cy={y} r={r} fill={CLASS_COLOR[cls]} stroke={focus ? 'currentColor' : 'none'} stroke-width={focus ? 2 : 0} />
        <text x={x + r + 4} y={y} dy="0.32em">
          {label}
        </text>
      </a>
    </g>
  );
}
