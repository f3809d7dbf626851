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
 * English), ESLint only places it. A broken catalogue (`catalogueProblem`) is one line too, the same in every host
 * (`catalogueFailure`): the first error's place and message and how many more, then a pointer to `avglint catalogue
 * check`, which lists them all; there is one such report per file.
 */
import * as path from 'node:path';
import type { TSESLint } from '@typescript-eslint/utils';
import { cataloguePointer, catalogueFailure, docsUrl, fitSummary, eslintPointer, FINDING_TEMPLATE, messageLocale, RULES, type Finding, type Locale, type Problem, type RuleId } from '@avglint/rules';
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
  /**
   * A missing or broken catalogue: one line, `Catalogue avglint.catalogue.yaml:12:3: <the first error> (+2 more) (all:
   * avglint catalogue check)`, in the run's locale (`catalogueFailure`).
   */
  catalogueProblem: FINDING_TEMPLATE,
  /**
   * A problem the core met while analysing this file (an internal error, a `settings/conflict`; the other rules still
   * ran): one line too, its message (with its place when that is another file), then where its hint is.
   */
  analysisProblem: FINDING_TEMPLATE,
  /** A suggestion from the core that carries no data for its own template. */
  suggestion: '{{message}}',
} as const;

type Options = [Record<string, unknown>?];
/** The options of a rule the config gives none: one object, so the session serialises them once (see `optionsText`). */
const NO_OPTIONS: Readonly<Record<string, unknown>> = Object.freeze({});
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
      const session = sessionFor(context, id, context.options[0] ?? NO_OPTIONS);
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

/** Where the hint of an analysis problem is, after its one line (the text format of `avglint scan` prints both). */
const PROBLEM_POINTER: Readonly<Record<Locale, string>> = { nl: ' (tip: avglint scan)', en: ' (hint: avglint scan)' };

/**
 * The longest an analysis problem's line may be before its pointer: its place in another file (the catalogue's
 * `settings`, 40 characters) and the core's one-sentence message fit; a longer message (an internal error's) is cut.
 */
const PROBLEM_LIMIT = 140;

/** Configuration problems already reported in this ESLint process. */
const reportedSettings = new Set<string>();

function reportProblems(context: Context, session: FileSession): void {
  const { resolution } = session;
  if (resolution.catalogue === undefined) {
    // The locale the catalogue's problems are in: the ESLint config's, else the broken catalogue's own
    // `settings.locale` when it could be read, else English.
    const locale = resolution.locale;
    const { summary } = catalogueFailure(resolution.problems, locale, (file) => relativePath(context.cwd, file));
    context.report({ loc: { line: 1, column: 0 }, messageId: 'catalogueProblem', data: { summary, pointer: cataloguePointer(resolution.problems, locale) } });
    return;
  }
  const result = analyse(session);
  const locale = messageLocale(session.locale, resolution.catalogue);
  for (const problem of result?.problems ?? []) {
    // A problem with the configuration (`settings/conflict`) is the same for every file: reported once per run.
    if (problem.code.startsWith('settings/')) {
      const key = `${problem.file}\0${problem.message}`;
      if (reportedSettings.has(key)) continue;
      reportedSettings.add(key);
    }
    const elsewhere = path.resolve(problem.file) !== path.resolve(context.cwd, context.filename);
    const text = `${elsewhere ? `${relativePath(context.cwd, problem.file)}:${problem.line}:${problem.column}: ` : ''}${problem.message.split('\n')[0] ?? ''}`;
    context.report({ loc: problemLocation(context, problem), messageId: 'analysisProblem', data: { summary: fitSummary('{{problem}}', { problem: text }, PROBLEM_LIMIT), pointer: PROBLEM_POINTER[locale] } });
  }
}

/** A path as the user typed it relative to ESLint's working directory (`/`-separated); absolute when outside it. */
function relativePath(cwd: string, file: string): string {
  const relative = path.relative(cwd, file);
  return relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? file : relative.split(path.sep).join('/');
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
