/**
 * Turning the analysis' traces into the public `FlowStep[]` of a finding, and a finding's path into words for hovers
 * and reports. A step keeps its phrase (id and arguments) and its description in the finding's locale; the words
 * are made here, once per step of a finding, never for traces that do not become one.
 */
// Default import: `import * as` would read every member through an esModuleInterop getter (a sixth of the time).
import ts from 'typescript';
import type { Locale } from '../../catalogue/model';
import type { FlowStep } from '../../finding';
import { traceToArray, type TraceStep } from './labels';
import { renderStep, STEP_KINDS, type StepPhrase } from './steps';
import { sourceFileOf } from './walk';

/** Where a step is, without what happens there. */
export type StepPlace = Omit<FlowStep, 'phrase' | 'description'>;

/** A step at a place, with its phrase put into words in `locale`. */
export function placedStep(place: StepPlace, phrase: StepPhrase, locale: Locale): FlowStep {
  return { ...place, phrase, description: renderStep(phrase, locale) };
}

export function flowStep(node: ts.Node, kind: FlowStep['kind'], phrase: StepPhrase, locale: Locale): FlowStep {
  const file = sourceFileOf(node);
  const start = node.getStart(file);
  const { line, character } = file.getLineAndCharacterOfPosition(start);
  return placedStep({ kind, file: file.fileName, range: { start, end: node.getEnd() }, line: line + 1, column: character + 1 }, phrase, locale);
}

/** The steps of a trace in `locale`, source first, then the sink step (when given). */
export function pathOf(trace: TraceStep | undefined, locale: Locale, sink?: { node: ts.Node; phrase: StepPhrase }): FlowStep[] {
  const steps = traceToArray(trace).map((s, i) => flowStep(s.node, i === 0 ? 'source' : 'step', s.phrase, locale));
  if (sink) steps.push(flowStep(sink.node, 'sink', sink.phrase, locale));
  return steps;
}

/**
 * A finding's path in words, one step per line, with file (relative to `root` when given), line and column:
 * the text the language server shows on hover and the CLI prints under a finding. `locale` names the kinds of step;
 * the descriptions are in the locale the path was made in.
 */
export function describePath(path: readonly FlowStep[], root?: string, locale: Locale = 'en'): string {
  return path
    .map((s, i) => {
      const file = root && s.file.startsWith(root) ? s.file.slice(root.length).replace(/^[\\/]+/, '') : s.file;
      return `${i + 1}. ${STEP_KINDS[locale][s.kind]}: ${s.description} (${file}:${s.line}:${s.column})`;
    })
    .join('\n');
}
