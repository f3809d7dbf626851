/**
 * Code actions for avglint's diagnostics: the finding's own suggestions (add `@retention <term>` for each allowed term,
 * send the alternative identifier), a suppression with a reason, and a jump to the catalogue entry behind the finding.
 * Everything comes from the diagnostic's data, so no action runs a second analysis.
 */
import type { Catalogue, CatalogueLocation } from '@avglint/rules';
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { isFindingData, SOURCE } from './diagnostics';
import { Commands } from './protocol';

/** The placeholder a developer replaces with the reason the FG reads. */
export const SUPPRESSION_REASON_PLACEHOLDER = 'reason: <why this is allowed, for the FG>';

export interface CatalogueEntryTarget {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

function entryCommand(title: string, location: CatalogueLocation): CodeAction {
  const target: CatalogueEntryTarget = { file: location.file, line: location.line, column: location.column };
  return { title, kind: CodeActionKind.Empty, command: { title, command: Commands.openCatalogueEntry, arguments: [target] } };
}

/** `// eslint-disable-next-line avglint/<id> -- <reason>` above the diagnostic's line, indented like it. */
export function suppressionAction(document: TextDocument, diagnostic: Diagnostic, rule: string): CodeAction {
  const line = diagnostic.range.start.line;
  const text = document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
  const indent = /^[ \t]*/.exec(text)?.[0] ?? '';
  const eol = text.endsWith('\r\n') ? '\r\n' : '\n';
  const comment = `${indent}// eslint-disable-next-line avglint/${rule} -- ${SUPPRESSION_REASON_PLACEHOLDER}${eol}`;
  return {
    title: `Suppress avglint/${rule} on this line (with a reason)`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: { changes: { [document.uri]: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: comment }] } },
  };
}

export function codeActions(document: TextDocument, diagnostics: readonly Diagnostic[], catalogue: Catalogue | undefined): CodeAction[] {
  const actions: CodeAction[] = [];
  const entries = new Map<string, CodeAction>();
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== SOURCE || !isFindingData(diagnostic.data)) continue;
    const data = diagnostic.data;
    data.suggestions.forEach((suggestion, i) => {
      actions.push({
        title: suggestion.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: i === 0 && data.suggestions.length === 1,
        edit: { changes: { [document.uri]: [...suggestion.edits] } },
      });
    });
    if (data.ruleId !== 'require-suppression-reason') actions.push(suppressionAction(document, diagnostic, data.ruleId));
    if (!catalogue) continue;
    for (const id of data.categories) {
      const category = catalogue.categories.get(id);
      if (category && !entries.has(`c:${id}`)) entries.set(`c:${id}`, entryCommand(`Open catalogue entry: ${category.label} (${id})`, category.location));
    }
    const processor = data.processor ? catalogue.processors.get(data.processor) : undefined;
    if (processor && !entries.has(`p:${processor.id}`)) entries.set(`p:${processor.id}`, entryCommand(`Open catalogue entry: ${processor.label} (${processor.id})`, processor.location));
  }
  return [...actions, ...entries.values()];
}
