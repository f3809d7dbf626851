/**
 * The one rule factory: every avglint rule is this adapter around the core, made from its registry entry. No rule has
 * logic of its own here — ids, descriptions, messages, schemas and defaults all come from `RULES`.
 *
 * What ESLint cannot carry: a finding's flow path (source → steps → sink) has no place in an ESLint message, so the
 * message says what, why and what to do, and the path is shown by `avglint scan` (text and SARIF codeFlows) and by the
 * language server (related information). ESLint shows only the start and end of the finding.
 */
import * as path from 'node:path';
import type { TSESLint } from '@typescript-eslint/utils';
import { docsUrl, RULES, type Finding, type Problem, type RuleId } from '@avglint/rules';
import { describeProblems } from './catalogue';
import { analyse, carrier, sessionFor, type FileSession } from './session';

export interface AvglintDocs {
  /** In `configs.recommended`. */
  readonly recommended: boolean;
  readonly requiresTypeChecking: boolean;
}

/** Messages every rule has besides its own, for reports that are not findings. */
export const ADAPTER_MESSAGES = {
  /** A missing or broken catalogue: the problems as `file:line:col: message (hint)`, one per line. */
  catalogueProblem: 'avglint cannot check this file: the catalogue is missing or invalid.\n{{problems}}',
  /** A problem the core met while analysing this file (e.g. an internal error); the others rules still ran. */
  analysisProblem: '{{problem}}',
  /** A suggestion from the core that carries no data for its own template. */
  suggestion: '{{message}}',
} as const;

type Options = [Record<string, unknown>?];
export type AvglintRule = TSESLint.RuleModule<string, Options, AvglintDocs>;

/**
 * Written out rather than made with typescript-eslint's `RuleCreator`: that wrapper deep-merges the default options
 * into `context.options` for every rule on every file (0.13 s of a 2,000-file run in the benchmark profile). ESLint
 * applies `meta.defaultOptions` once per configuration, and the core merges each rule's defaults again itself.
 */
export function createAvglintRule(id: RuleId): AvglintRule {
  const meta = RULES[id];
  // Rules without options keep `[]`: ESLint validates default options against the schema too.
  const defaults = meta.defaultOptions as Options;
  return {
    meta: {
      type: 'problem',
      docs: { description: meta.description, recommended: meta.recommended, requiresTypeChecking: meta.requiresTypes, url: docsUrl(id) },
      messages: { ...meta.messages, ...ADAPTER_MESSAGES },
      schema: meta.schema as TSESLint.RuleMetaData<string, AvglintDocs, Options>['schema'],
      hasSuggestions: true,
      defaultOptions: defaults,
    },
    defaultOptions: defaults,
    create(context) {
      const session = sessionFor(context, id, context.options[0] ?? {});
      return {
        Program(): void {
          if (carrier(session) === id) reportProblems(context, session);
          const result = analyse(session);
          if (result === undefined) return;
          for (const finding of result.findings) if (finding.ruleId === id) reportFinding(context, finding);
        },
      };
    },
  };
}

type Context = Readonly<TSESLint.RuleContext<string, Options>>;

function reportProblems(context: Context, session: FileSession): void {
  const { resolution } = session;
  if (resolution.catalogue === undefined) {
    context.report({ loc: { line: 1, column: 0 }, messageId: 'catalogueProblem', data: { problems: describeProblems(resolution.problems) } });
    return;
  }
  const result = analyse(session);
  for (const problem of result?.problems ?? []) {
    context.report({ loc: problemLocation(context, problem), messageId: 'analysisProblem', data: { problem: describeProblems([problem]) } });
  }
}

function problemLocation(context: Context, problem: Problem): TSESLint.AST.SourceLocation | { line: number; column: number } {
  // A problem in another file (a module the analysis followed) is shown at the top of this one, naming its own place.
  if (path.resolve(problem.file) !== path.resolve(context.cwd, context.filename)) return { line: 1, column: 0 };
  return { line: problem.line, column: problem.column - 1 };
}

function reportFinding(context: Context, finding: Finding): void {
  const { sourceCode } = context;
  // ESLint throws on an offset outside the text, which would end the whole run; the core's offsets are into the same
  // text, so clamping only guards against a bug there costing every other file its results.
  const at = (offset: number): number => Math.max(0, Math.min(offset, sourceCode.text.length));
  const loc = { start: sourceCode.getLocFromIndex(at(finding.range.start)), end: sourceCode.getLocFromIndex(at(finding.range.end)) };
  context.report({
    loc,
    messageId: finding.messageId,
    data: finding.data,
    suggest: finding.suggestions.map((suggestion) => ({
      messageId: suggestion.data === undefined ? 'suggestion' : suggestion.messageId,
      data: suggestion.data ?? { message: suggestion.message },
      fix: (fixer: TSESLint.RuleFixer) => suggestion.edits.map((edit) => fixer.replaceTextRange([edit.range.start, edit.range.end], edit.text)),
    })),
  });
}
