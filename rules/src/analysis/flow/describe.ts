/**
 * Turning the analysis' traces into the public `FlowStep[]` of a finding, and a finding's path into words for hovers
 * and reports.
 */
// Default import: `import * as` would read every member through an esModuleInterop getter (a sixth of the time).
import ts from 'typescript';
import type { FlowStep } from '../../finding';
import { traceToArray, type TraceStep } from './labels';
import { sourceFileOf } from './walk';

export function flowStep(node: ts.Node, kind: FlowStep['kind'], description: string): FlowStep {
  const file = sourceFileOf(node);
  const start = node.getStart(file);
  const { line, character } = file.getLineAndCharacterOfPosition(start);
  return { kind, file: file.fileName, range: { start, end: node.getEnd() }, line: line + 1, column: character + 1, description };
}

/** The steps of a trace, source first, then the sink step (when given). */
export function pathOf(trace: TraceStep | undefined, sink?: { node: ts.Node; description: string }): FlowStep[] {
  const steps = traceToArray(trace).map((s, i) => flowStep(s.node, i === 0 ? 'source' : 'step', s.description));
  if (sink) steps.push(flowStep(sink.node, 'sink', sink.description));
  return steps;
}

/**
 * A finding's path in words, one step per line, with file (relative to `root` when given), line and column:
 * the text the language server shows on hover and the CLI prints under a finding.
 */
export function describePath(path: readonly FlowStep[], root?: string): string {
  return path
    .map((s, i) => {
      const file = root && s.file.startsWith(root) ? s.file.slice(root.length).replace(/^[\\/]+/, '') : s.file;
      const marker = s.kind === 'source' ? 'source' : s.kind === 'sink' ? 'sink' : 'step';
      return `${i + 1}. ${marker}: ${s.description} (${file}:${s.line}:${s.column})`;
    })
    .join('\n');
}
