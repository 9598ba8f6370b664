// Exports of the explorer: the tree as SVG or PNG (a serialised copy of the drawn SVG; PNG through a
// canvas, no permission needed) and its edges as CSV with the existing CSV writer.
import { classChange, familyEdges, licenseClassOf } from '../../lib/drift/family-figures';
import type { FamilyNode } from '../../lib/report/family-crawl-types';
import { toCsv } from '../options/csv';

export const EDGE_CSV_COLUMNS = [
  'parent', 'child', 'relation', 'generation',
  'parentLicense', 'childLicense', 'parentLicenseClass', 'childLicenseClass', 'licenseChange',
  'parentLanguages', 'childLanguages', 'parentTask', 'childTask', 'parentLibrary', 'childLibrary',
  'parentCardLength', 'childCardLength', 'parentDownloads', 'childDownloads',
] as const;

export function edgesCsv(nodes: readonly FamilyNode[]): string {
  const rows = familyEdges(nodes).map(({ parent, child, relation }) => {
    const from = licenseClassOf(parent.licenses, { name: parent.licenseName, link: parent.licenseLink });
    const to = licenseClassOf(child.licenses, { name: child.licenseName, link: child.licenseLink });
    return [
      parent.id, child.id, relation, child.generation,
      parent.licenses.join(' '), child.licenses.join(' '), from, to, classChange(from, to),
      parent.languages.join(' '), child.languages.join(' '), parent.task, child.task, parent.library, child.library,
      parent.cardLength, child.cardLength, parent.downloads, child.downloads,
    ];
  });
  return toCsv(EDGE_CSV_COLUMNS, rows);
}

const MARGIN = 40;
/** Canvas limits of the browsers (area and side); larger trees are scaled down. */
const MAX_SIDE = 16_000;
const MAX_AREA = 64_000_000;

/** A standalone copy of the tree SVG showing the whole tree (not the current zoom), with its colours inline. */
export function treeSvgText(svg: SVGSVGElement, textColor: string, background: string): { text: string; width: number; height: number } {
  const [minX, maxX, maxY] = (svg.getAttribute('data-extent') ?? '0 0 0').split(' ').map(Number);
  const width = Math.ceil(maxY + 2 * MARGIN + 260);
  const height = Math.ceil(maxX - minX + 2 * MARGIN);
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  copy.setAttribute('viewBox', `${-MARGIN} ${minX - MARGIN} ${width} ${height}`);
  copy.removeAttribute('class');
  copy.firstElementChild?.removeAttribute('transform');
  const style = document.createElementNS('http://www.w3.org/2000/svg', 'style');
  style.textContent = `text{font:11px ui-sans-serif,system-ui,sans-serif;fill:${textColor}}a{cursor:pointer}`;
  const bg = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  bg.setAttribute('x', String(-MARGIN));
  bg.setAttribute('y', String(minX - MARGIN));
  bg.setAttribute('width', String(width));
  bg.setAttribute('height', String(height));
  bg.setAttribute('fill', background);
  copy.insertBefore(bg, copy.firstChild);
  copy.insertBefore(style, copy.firstChild);
  return { text: new XMLSerializer().serializeToString(copy), width, height };
}

export async function svgToPngBlob(svgText: string, width: number, height: number): Promise<Blob> {
  const scale = Math.min(2, MAX_SIDE / width, MAX_SIDE / height, Math.sqrt(MAX_AREA / (width * height)));
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.width = width;
    image.height = height;
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('The tree could not be drawn as an image.'));
      image.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.floor(width * scale));
    canvas.height = Math.max(1, Math.floor(height * scale));
    const context = canvas.getContext('2d');
    if (!context) throw new Error('No canvas available.');
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed.'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}

export function downloadBlob(doc: Document, fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const anchor = doc.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.hidden = true;
  doc.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function familyFileName(modelId: string, extension: 'csv' | 'svg' | 'png'): string {
  const safe = modelId.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[._]+/, '').slice(0, 120) || 'model';
  return `hf-drift-tree_${safe}.${extension}`;
}
