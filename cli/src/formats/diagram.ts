/**
 * The data-flow diagram as an inline SVG: code areas on the left, destinations on the right, one arrow per pair,
 * laid out by dagre (a layered graph layout from npm), so nothing is placed by hand. Red arrows carry at least one
 * flow the catalogue does not allow. No script, no fonts, no network: the SVG prints as it shows.
 */
import type * as Dagre from '@dagrejs/dagre' with { 'resolution-mode': 'import' };
// eslint-disable-next-line @typescript-eslint/no-require-imports -- dagre is an ES module whose package also ships CommonJS; its types are declared for import only.
const dagre = require('@dagrejs/dagre') as typeof Dagre;
import type { Report } from '@avglint/rules';
import { escapeXml } from './escape';

const CHAR = 7; // average width of a 12px sans-serif character
const NODE_HEIGHT = 30;
const PAD = 16;

export interface DiagramWords {
  readonly empty: string;
  readonly title: string;
}

export function diagramSvg(diagram: Report['diagram'], categoryLabel: (id: string) => string, words: DiagramWords): string {
  if (diagram.edges.length === 0) return `<p class="empty">${escapeXml(words.empty)}</p>`;
  const graph = new dagre.graphlib.Graph({ multigraph: false });
  graph.setGraph({ rankdir: 'LR', nodesep: 14, ranksep: 220, marginx: 10, marginy: 10 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const node of diagram.nodes) graph.setNode(node.id, { width: node.label.length * CHAR + PAD * 2, height: NODE_HEIGHT });
  for (const edge of diagram.edges) {
    const label = edgeLabel(edge.categories.map(categoryLabel), edge.count);
    graph.setEdge(edge.from, edge.to, { label, width: Math.min(label.length, 48) * 6, height: 18, labelpos: 'c' });
  }
  dagre.layout(graph);
  const { width = 0, height = 0 } = graph.graph();
  const parts: string[] = [];
  for (const edge of diagram.edges) {
    const layout = graph.edge(edge.from, edge.to) as { points: { x: number; y: number }[]; x?: number; y?: number; label: string };
    const points = layout.points.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ');
    const cls = edge.allowed ? 'edge ok' : 'edge bad';
    parts.push(
      `<g class="${cls}" data-categories="${escapeXml(edge.categories.join(' '))}" data-to="${escapeXml(edge.to)}"><title>${escapeXml(layout.label)}</title>` +
        `<polyline points="${points}" marker-end="url(#arrow-${edge.allowed ? 'ok' : 'bad'})"/>` +
        (layout.x !== undefined && layout.y !== undefined ? `<text x="${layout.x.toFixed(1)}" y="${(layout.y - 4).toFixed(1)}" text-anchor="middle">${escapeXml(truncate(layout.label, 48))}</text>` : '') +
        '</g>',
    );
  }
  for (const node of diagram.nodes) {
    const n = graph.node(node.id);
    const x = n.x - n.width / 2;
    const y = n.y - n.height / 2;
    parts.push(
      `<g class="node ${node.kind}" data-node="${escapeXml(node.id)}"><rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${n.width.toFixed(1)}" height="${n.height}" rx="5"/>` +
        `<text x="${n.x.toFixed(1)}" y="${(n.y + 4).toFixed(1)}" text-anchor="middle">${escapeXml(node.label)}</text></g>`,
    );
  }
  const marker = (id: string): string => `<marker id="arrow-${id}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z"/></marker>`;
  return (
    `<svg class="diagram" xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeXml(words.title)}" width="${Math.ceil(width)}" height="${Math.ceil(height)}" viewBox="0 0 ${Math.ceil(width)} ${Math.ceil(height)}">` +
    `<defs>${marker('ok')}${marker('bad')}</defs>${parts.join('')}</svg>`
  );
}

function edgeLabel(categories: readonly string[], count: number): string {
  return `${categories.join(', ')} (${count}×)`;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
