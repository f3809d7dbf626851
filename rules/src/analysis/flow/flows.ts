/**
 * The flows of one file, computed once and shared by the transfer, log and consent checks.
 */
// Default import: `import * as` would read every member through an esModuleInterop getter (a sixth of the time).
import ts from 'typescript';
import type { CheckContext } from '../context';
import { mayBeAssignmentSink } from './apis';
import { engineFor, existingEngine, type Flow, type FlowEngine } from './engine';
import { fileNodes, releaseFileNodes } from './nodes';
import { releaseScopeTables } from './scopes';
// Read once: every member of the typescript module is a getter.
const { isBinaryExpression } = ts;

const perFile = new WeakMap<FlowEngine, WeakMap<ts.SourceFile, readonly Flow[]>>();

export function engineOf(context: Pick<CheckContext, 'catalogue' | 'program' | 'sourceFile'> & Partial<Pick<CheckContext, 'networkPackages'>>): FlowEngine {
  return engineFor(context.catalogue, context.program, context.sourceFile, context.networkPackages);
}

/** Every flow into a sink at a call in `sourceFile` (calls in source order, then constructions in source order). */
export function fileFlows(engine: FlowEngine, sourceFile: ts.SourceFile, isCancelled: () => boolean = () => false): readonly Flow[] {
  let files = perFile.get(engine);
  if (!files) {
    files = new WeakMap();
    perFile.set(engine, files);
  }
  const cached = files.get(sourceFile);
  if (cached) return cached;
  const flows: Flow[] = [];
  let cancelled = false;
  const nodes = fileNodes(sourceFile);
  for (const call of nodes.calls) {
    if (isCancelled()) {
      cancelled = true;
      break;
    }
    for (const flow of engine.flowsAtCall(call)) flows.push(flow);
  }
  // `new EventSource(url)`, `new WebSocket(url)`: constructions that send (few files have any `new` at all).
  if (!cancelled) for (const construction of nodes.constructions) for (const flow of engine.flowsAtCall(construction)) flows.push(flow);
  // `location.href = url`: assignments that send (only targets named like one are resolved).
  if (!cancelled) for (const write of nodes.writes) if (isBinaryExpression(write) && mayBeAssignmentSink(write)) for (const flow of engine.flowsAtCall(write)) flows.push(flow);
  // A cancelled run is not cached: the next run must see every flow.
  if (!cancelled) files.set(sourceFile, flows);
  return flows;
}


/** Called by the orchestrator when every check has run on a file: see `FlowEngine.releaseFileCaches`. */
export function releaseFileCaches(context: Pick<CheckContext, 'catalogue' | 'program' | 'sourceFile'>): void {
  releaseFileNodes(context.sourceFile);
  releaseScopeTables();
  existingEngine(context.catalogue, context.program, context.sourceFile)?.releaseFileCaches();
}
