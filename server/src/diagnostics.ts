/**
 * Translation of the core's findings and problems into LSP diagnostics: positions, severities, the rule's doc link,
 * the flow path as related information, and the data the code actions need.
 */
import { docsUrl, RULE_IDS, STEP_KINDS, type Finding, type FlowStep, type Locale, type Problem, type RuleId } from '@avglint/rules';
import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation, type Range, type TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { SeverityName, Settings } from './settings';
import { severityOf } from './settings';

export const SOURCE = 'avglint';

/** What a diagnostic carries for the code actions, so they need no second analysis. */
export interface FindingData {
  readonly kind: 'finding';
  readonly ruleId: RuleId;
  readonly categories: readonly string[];
  readonly processor?: string;
  readonly suggestions: readonly { readonly title: string; readonly edits: readonly TextEdit[] }[];
}

export function isFindingData(value: unknown): value is FindingData {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'finding' &&
    (RULE_IDS as readonly unknown[]).includes((value as { ruleId?: unknown }).ruleId);
}

export function toLspSeverity(severity: SeverityName | 'error' | 'warning'): DiagnosticSeverity {
  switch (severity) {
    case 'error':
      return DiagnosticSeverity.Error;
    case 'information':
      return DiagnosticSeverity.Information;
    case 'hint':
      return DiagnosticSeverity.Hint;
    default:
      return DiagnosticSeverity.Warning;
  }
}

/** Resolves positions in files other than the analysed one (flow steps across modules). */
export type StepLocator = (step: FlowStep) => { uri: string; range: Range };

/** A finding as a diagnostic; its path as related information, each step named in `locale` (the finding's). */
export function findingToDiagnostic(finding: Finding, document: TextDocument, settings: Settings, locate: StepLocator, locale: Locale): Diagnostic {
  const range = { start: document.positionAt(finding.range.start), end: document.positionAt(finding.range.end) };
  const related: DiagnosticRelatedInformation[] = finding.path.map((step, index) => ({
    location: locate(step),
    message: `${index + 1}. ${STEP_KINDS[locale][step.kind]}: ${step.description}`,
  }));
  const data: FindingData = {
    kind: 'finding',
    ruleId: finding.ruleId,
    categories: finding.categories,
    processor: finding.processor,
    suggestions: finding.suggestions.map((s) => ({
      title: s.message,
      edits: s.edits.map((e) => ({ range: { start: document.positionAt(e.range.start), end: document.positionAt(e.range.end) }, newText: e.text })),
    })),
  };
  const diagnostic: Diagnostic = {
    range,
    severity: toLspSeverity(severityOf(settings, finding.ruleId)),
    source: SOURCE,
    code: finding.ruleId,
    codeDescription: { href: docsUrl(finding.ruleId) },
    // The Problems panel shows one short sentence; the hover shows the detail (why, what to do) and the path.
    message: finding.summary,
    data,
  };
  if (related.length > 0) diagnostic.relatedInformation = related;
  return diagnostic;
}

/** A problem (catalogue, suppression comment, internal error) in the document it points at. */
/** The word before a problem's hint in a diagnostic, per locale. */
const HINT: Readonly<Record<Locale, string>> = { nl: 'Tip', en: 'Hint' };

export function problemToDiagnostic(problem: Problem, locale: Locale = 'en'): Diagnostic {
  const line = Math.max(0, problem.line - 1);
  const character = Math.max(0, problem.column - 1);
  const endLine = problem.endLine !== undefined ? Math.max(0, problem.endLine - 1) : line;
  const endCharacter = problem.endColumn !== undefined ? Math.max(0, problem.endColumn - 1) : problem.endLine !== undefined ? 0 : character + 1;
  return {
    range: { start: { line, character }, end: { line: endLine, character: endLine === line ? Math.max(endCharacter, character) : endCharacter } },
    severity: toLspSeverity(problem.severity),
    source: SOURCE,
    code: problem.code,
    message: problem.hint ? `${problem.message}\n${HINT[locale]}: ${problem.hint}` : problem.message,
  };
}

/** One diagnostic at the top of a document, for what concerns the whole file (no catalogue, a broken catalogue). */
export function fileDiagnostic(document: TextDocument, code: string, message: string, severity: DiagnosticSeverity = DiagnosticSeverity.Error): Diagnostic {
  const firstLine = document.getText({ start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }).replace(/\r?\n$/, '');
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: firstLine.length } },
    severity,
    source: SOURCE,
    code,
    message,
  };
}
