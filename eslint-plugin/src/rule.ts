/**
 * The one rule factory: every avglint rule is this adapter around the core, made from its registry entry. No rule has
 * logic of its own here — ids, descriptions, messages, schemas and defaults all come from `RULES`.
 *
 * What ESLint cannot carry: a finding's flow path (source → steps → sink) has no place in an ESLint message, so the
 * message says what, why and what to do, and the path is shown by `avglint scan` (text and SARIF codeFlows) and by the
 * language server (related information). ESLint shows only the start and end of the finding.
 *
 * The message is the core's summary in the run's locale (at most 100 characters), followed by a short pointer to
 * `avglint scan` for the detail (`eslintPointer`): one line, because ESLint's stylish formatter pads every message of a
 * file to the longest one, and a multi-line why and what-to-do gave CI logs lines of 490 characters. The detail is
 * shown in full by `avglint scan`, the editor's hover (the language server) and the rule's docs (`meta.docs.url`).
 * Every message id's template is therefore `{{summary}}{{pointer}}`: the text is made in the core (in Dutch or
 * English), ESLint only places it. A broken catalogue (`catalogueProblem`) still lists its problems, one per line:
 * they are the message itself, and there is one such report per file.
 */
import * as path from 'node:path';
import type { TSESLint } from '@typescript-eslint/utils';
import { docsUrl, eslintPointer, FINDING_TEMPLATE, messageLocale, RULES, type Finding, type Locale, type Problem, type RuleId } from '@avglint/rules';
import { describeProblems } from './catalogue';
import { analyse, carrier, sessionFor, type FileSession } from './session';

export interface AvglintDocs {
  /** In `configs.recommended`. */
  readonly recommended: boolean;
  readonly requiresTypeChecking: boolean;
}

/**
 * Messages every rule has besides its own, for reports that are not findings. They are reported by the rule
 * `avglint/catalogue` when the config enables it (both configs do), else by the first enabled avglint rule, so a
 * broken catalogue is never silent (`session.ts`, `carrier`).
 */
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
  const messages = Object.fromEntries(Object.keys(meta.messages).map((messageId) => [messageId, FINDING_TEMPLATE]));
  return {
    meta: {
      type: 'problem',
      docs: { description: meta.description, recommended: meta.recommended, requiresTypeChecking: meta.requiresTypes, url: docsUrl(id) },
      messages: { ...messages, ...ADAPTER_MESSAGES },
      schema: meta.schema as TSESLint.RuleMetaData<string, AvglintDocs, Options>['schema'],
      hasSuggestions: true,
    },
    // No `meta.defaultOptions`: ESLint would merge them into `context.options`, and the core could no longer tell an
    // option the ESLint config sets from a default — the catalogue's `settings.rules` must win over defaults, and a
    // config that sets another value is reported (`settings/conflict`). The core merges the defaults itself.
    defaultOptions: [],
    create(context) {
      const session = sessionFor(context, id, context.options[0] ?? {});
      return {
        Program(): void {
          if (carrier(session) === id) reportProblems(context, session);
          const result = analyse(session);
          if (result === undefined) return;
          const locale = messageLocale(session.locale, session.resolution.catalogue ?? {});
          for (const finding of result.findings) if (finding.ruleId === id) reportFinding(context, finding, locale);
        },
      };
    },
  };
}

type Context = Readonly<TSESLint.RuleContext<string, Options>>;

/** Configuration problems already reported in this ESLint process. */
const reportedSettings = new Set<string>();

function reportProblems(context: Context, session: FileSession): void {
  const { resolution } = session;
  if (resolution.catalogue === undefined) {
    context.report({ loc: { line: 1, column: 0 }, messageId: 'catalogueProblem', data: { problems: describeProblems(resolution.problems) } });
    return;
  }
  const result = analyse(session);
  for (const problem of result?.problems ?? []) {
    // A problem with the configuration (`settings/conflict`) is the same for every file: reported once per run.
    if (problem.code.startsWith('settings/')) {
      const key = `${problem.file}\0${problem.message}`;
      if (reportedSettings.has(key)) continue;
      reportedSettings.add(key);
    }
    context.report({ loc: problemLocation(context, problem), messageId: 'analysisProblem', data: { problem: describeProblems([problem]) } });
  }
}

function problemLocation(context: Context, problem: Problem): TSESLint.AST.SourceLocation | { line: number; column: number } {
  // A problem in another file (a module the analysis followed) is shown at the top of this one, naming its own place.
  if (path.resolve(problem.file) !== path.resolve(context.cwd, context.filename)) return { line: 1, column: 0 };
  return { line: problem.line, column: problem.column - 1 };
}

function reportFinding(context: Context, finding: Finding, locale: Locale): void {
  const { sourceCode } = context;
  // ESLint throws on an offset outside the text, which would end the whole run; the core's offsets are into the same
  // text, so clamping only guards against a bug there costing every other file its results.
  const at = (offset: number): number => Math.max(0, Math.min(offset, sourceCode.text.length));
  const loc = { start: sourceCode.getLocFromIndex(at(finding.range.start)), end: sourceCode.getLocFromIndex(at(finding.range.end)) };
  context.report({
    loc,
    messageId: finding.messageId,
    data: { ...finding.data, summary: finding.summary, pointer: eslintPointer(finding.detail, locale) },
    suggest: finding.suggestions.map((suggestion) => ({
      messageId: suggestion.data === undefined ? 'suggestion' : suggestion.messageId,
      data: suggestion.data === undefined ? { message: suggestion.message } : { ...suggestion.data, summary: suggestion.message, pointer: '' },
      fix: (fixer: TSESLint.RuleFixer) => suggestion.edits.map((edit) => fixer.replaceTextRange([edit.range.start, edit.range.end], edit.text)),
    })),
  });
}
