/**
 * What the flow-based rules share when they report a flow: its path in words, its range, and one label per category.
 */
import type ts from 'typescript';
import type { Finding } from '../../finding';
import { pathOf } from './describe';
import { destinationText } from './destinations';
import type { Flow } from './engine';
import { sinkCallee } from './apis';
import type { CategoryLabel } from './labels';

/** The whole path of one category into a sink: source, steps, and the sink with its destination. */
export function flowPath(flow: Flow, label: CategoryLabel): Finding['path'] {
  const destination = flow.sink.destination;
  const where = destination ? ` to ${destinationText(destination)}${destination.kind !== 'unresolved' && destination.text !== destinationText(destination) ? ` (${destination.text})` : ''}` : '';
  const verb = flow.sink.kind === 'log' ? 'written to the log by' : 'sent by';
  return pathOf(label.trace, { node: sinkCallee(flow.sink.call), description: `${verb} \`${flow.sink.api}\`${where}` });
}

/** One label per category (the first found), in a stable order. */
export function firstPerCategory(found: readonly CategoryLabel[]): CategoryLabel[] {
  const seen = new Set<string>();
  const result: CategoryLabel[] = [];
  for (const label of found) {
    if (seen.has(label.category.id)) continue;
    seen.add(label.category.id);
    result.push(label);
  }
  return result;
}

export function rangeOf(node: ts.Node): { start: number; end: number } {
  return { start: node.getStart(), end: node.getEnd() };
}
