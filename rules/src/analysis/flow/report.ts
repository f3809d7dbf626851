/**
 * What the flow-based rules share when they report: one finding per sink call (every category that reaches it,
 * the legal text once), its range (the expression that carries the data), and its path in words.
 */
// Default import: `import * as` would read every member through an esModuleInterop getter (a sixth of the time).
import ts from 'typescript';
import type { Finding, FlowStep } from '../../finding';
import { flowStep, pathOf } from './describe';
import type { Locale } from '../../catalogue/model';
import { destinationText, type Destination } from './destinations';
import { phrase, type StepDestination, type StepSink } from './steps';
import type { Flow } from './engine';
import { sinkCallee } from './apis';
import { categoriesOf, type CategoryLabel } from './labels';
import { sourceFileOf } from './walk';
// Read once: every member of the typescript module is a getter.
const { isArrayLiteralExpression, isPropertyAssignment, isShorthandPropertyAssignment, isTemplateSpan } = ts;

/** The whole path of one category into a sink, in `locale`: source, steps, and the sink with its destination. */
export function flowPath(flow: Flow, label: CategoryLabel, locale: Locale): Finding['path'] {
  const sink = flow.sink;
  const args = sink.destination ? { api: sink.api, ...sinkDestination(sink.destination) } : { api: sink.api };
  const path = pathOf(label.trace, locale, { node: sinkCallee(sink.call), phrase: phrase(sink.kind === 'log' ? 'loggedBy' : 'sentBy', args) });
  const destination = sink.destination;
  if (destination?.kind === 'processor' && destination.answer) path.splice(path.length - 1, 0, answerStep(destination.processor.label, destination.answer.request, locale));
  return path;
}

/** The step that says where a URL taken from a processor's answer came from: the request that asked for it. */
function answerStep(processor: string, request: ts.Node, locale: Locale): FlowStep {
  const file = sourceFileOf(request);
  const name = file.fileName.slice(Math.max(file.fileName.lastIndexOf('/'), file.fileName.lastIndexOf('\\')) + 1);
  const line = file.getLineAndCharacterOfPosition(request.getStart(file)).line + 1;
  return flowStep(request, 'step', phrase('urlFromResponse', { processor, file: name, line }), locale);
}

/** Where a sink sends data, as a step's arguments: the destination's name, and the URL as written when it says more. */
function sinkDestination(destination: Destination): Pick<StepSink, 'to' | 'url'> {
  const to: StepDestination =
    destination.kind === 'unknown' && destination.package !== undefined
      ? { kind: 'package', name: destination.package }
      : destination.kind === 'unresolved' && destination.text === undefined
        ? { kind: 'unknown' }
        : { kind: 'named', name: destinationText(destination) };
  return destination.kind !== 'unresolved' && destination.text !== destinationText(destination) ? { to, url: destination.text } : { to };
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

/** A category at one sink call, with the flow (argument) that brings it there. */
export interface CallCategory {
  readonly flow: Flow;
  readonly label: CategoryLabel;
  /** The expression that carries it at the call: the property `id: leerling.bsn`, not the whole argument. */
  readonly node: ts.Node;
}

/** Everything that reaches one sink call: its categories, each once, in the order their carriers are written. */
export interface CallFlows {
  readonly first: Flow;
  readonly categories: readonly CallCategory[];
}

/**
 * The flows of a file grouped by the call they were found at and the sink they reach, so a check reports once per
 * call: `fetch(url, { body: JSON.stringify({ bsn, naam }) })` is one mistake, not one per category or argument.
 * Flows for which `keep` is false are left out; calls left with no category are dropped.
 */
export function perCall(flows: readonly Flow[], keep: (flow: Flow) => boolean): CallFlows[] {
  const groups = new Map<object, Map<object, Flow[]>>();
  for (const flow of flows) {
    if (!keep(flow)) continue;
    let bySink = groups.get(flow.at);
    if (!bySink) groups.set(flow.at, (bySink = new Map()));
    let list = bySink.get(flow.sink);
    if (!list) bySink.set(flow.sink, (list = []));
    list.push(flow);
  }
  const result: CallFlows[] = [];
  for (const bySink of groups.values()) {
    for (const group of bySink.values()) {
      const seen = new Set<string>();
      const categories: CallCategory[] = [];
      for (const flow of group) {
        for (const label of categoriesOf(flow.value)) {
          if (seen.has(label.category.id)) continue;
          seen.add(label.category.id);
          categories.push({ flow, label, node: carryingNode(flow, label) });
        }
      }
      const first = group[0];
      if (first && categories.length > 0) result.push({ first, categories: categories.sort((a, b) => a.node.getStart() - b.node.getStart()) });
    }
  }
  return result;
}

/**
 * The expression at the call that carries a category: where the first step of its trace written inside the carrier
 * (the source itself when it is read there) sits in the argument — the property that holds it (`id: leerling.bsn`),
 * the array element, or the `${…}` of a template — else the whole carrier (`leerling.bsn.slice(-4)`,
 * `opmaak(leerling.naam)`: the expression as it is passed carries it). When the data comes in through a name read
 * elsewhere, the carrier itself.
 */
export function carryingNode(flow: Flow, label: CategoryLabel): ts.Node {
  const carrier = flow.carrier;
  const file = sourceFileOf(carrier);
  const start = carrier.getStart(file);
  const end = carrier.getEnd();
  let inside: ts.Node | undefined;
  for (let step: CategoryLabel['trace'] | undefined = label.trace; step; step = step.prev) {
    const node = step.node;
    if (node === carrier || sourceFileOf(node) !== file) continue;
    if (node.getStart(file) >= start && node.getEnd() <= end) inside = node;
  }
  if (!inside) return carrier;
  for (let node: ts.Node = inside; node !== carrier && node.parent !== undefined; node = node.parent) {
    const parent = node.parent;
    if (isPropertyAssignment(node) || isShorthandPropertyAssignment(node)) return node;
    if (isTemplateSpan(parent) || isArrayLiteralExpression(parent)) return node;
  }
  return carrier;
}

export function rangeOf(node: ts.Node): { start: number; end: number } {
  return { start: node.getStart(), end: node.getEnd() };
}
