/**
 * What a rule is: one module `rules/src/rules/<rule-id>.ts` that defines its meta (description, messages, options
 * schema and defaults) and its check, the way typescript-eslint's `createRule` does. The registry (registry.ts), the
 * ESLint rules and configs, the language server's diagnostics, the CLI and the docs meta-test are all derived from the
 * list of rule modules, so a rule is source, test and doc under one name and nothing else to wire.
 *
 * Message templates use ESLint's `{{name}}` placeholders; a rule's message ids are the keys of its `messages`, and a
 * check can only report (or suggest) with one of them: `rule.finding({ messageId: 'typo', … })` does not compile.
 *
 * Every message is written in Dutch and English (`Locale`) and has two parts: a `summary` — one sentence of at most
 * 100 characters saying what goes where (`BSN → Uitgeverij Leermiddel: not allowed by the catalogue`), the text the
 * Problems panel, a CI log line and SARIF's `message.text` show — and a `detail`: why (the catalogue entry, the legal
 * basis, the agreement) and what to do, one line each, shown in full by hover, `scan` and the docs.
 */
import type { CheckContext } from '../analysis/context';
import type { Locale } from '../catalogue/model';
import type { Finding, FlowStep, Suggestion, TextEdit, TextRange } from '../finding';

/** One message in one language: the first sentence (≤ 100 characters once filled in) and the why and what to do. */
export interface MessageText {
  readonly summary: string;
  /** Lines separated by `\n`: `Why: …`, `What to do: …`. Suggestions have none. */
  readonly detail?: string;
}

/** A message in every locale. */
export type RuleMessage = Readonly<Record<Locale, MessageText>>;

/** The longest a filled-in summary may be (test/unit/messages.test.ts checks every message id in both locales). */
export const SUMMARY_LIMIT = 100;

export interface RuleModuleMeta<MessageId extends string = string> {
  /** `Disallow …` or `Require …`. */
  readonly description: string;
  /** Whether the rule needs type information to be useful (it still runs without, from names). */
  readonly requiresTypes: boolean;
  /** Included in `configs.recommended` (all rules are in `configs.strict`). */
  readonly recommended: boolean;
  readonly messages: Readonly<Record<MessageId, RuleMessage>>;
  /** JSON Schema for the rule's options array (ESLint `meta.schema`). */
  readonly schema: readonly object[];
  readonly defaultOptions: readonly object[];
}

/** A finding before its message is filled in: the check says which message and with what, the rule fills it. */
export interface FindingReport<MessageId extends string> {
  readonly messageId: MessageId;
  readonly data: Readonly<Record<string, string>>;
  readonly range: TextRange;
  readonly path: readonly FlowStep[];
  readonly categories: readonly string[];
  readonly processor?: string;
  readonly suggestions?: readonly Suggestion[];
}

/** What a check gets besides the file's context: its options and the rule's typed message ids. */
export interface RuleHelpers<MessageId extends string> {
  /** The rule's options, merged over its defaults. */
  readonly options: Readonly<Record<string, unknown>>;
  /** A finding of this rule with its message filled in. */
  finding(report: FindingReport<MessageId>): Finding;
  /** A suggestion with its message filled in; ESLint shows it from the same message id and data. */
  suggestion(messageId: MessageId, data: Readonly<Record<string, string>>, edits: readonly TextEdit[]): Suggestion;
}

export interface RuleModule<Id extends string = string, MessageId extends string = string> {
  readonly id: Id;
  readonly meta: RuleModuleMeta<MessageId>;
  /** Returns the rule's findings in one file. Never does I/O; may throw (the analysis turns that into a problem). */
  check(context: CheckContext, rule: RuleHelpers<MessageId>): Finding[];
}

/** Defines a rule; the message ids a check may use are inferred from `meta.messages`. */
export function createRule<const Id extends string, MessageId extends string>(rule: {
  readonly id: Id;
  readonly meta: RuleModuleMeta<MessageId>;
  check(context: CheckContext, rule: RuleHelpers<MessageId>): Finding[];
}): RuleModule<Id, MessageId> {
  return rule;
}

/** The helpers a check of `rule` gets for one file. */
export function ruleHelpers<MessageId extends string>(rule: RuleModule<string, MessageId>, context: Pick<CheckContext, 'ruleOptions' | 'locale'>): RuleHelpers<MessageId> {
  const text = (messageId: MessageId, data: Readonly<Record<string, string>>): FilledMessage => renderMessage(rule.meta.messages[messageId], data, context.locale);
  return {
    options: context.ruleOptions(rule.id as Finding['ruleId']),
    finding: (report) => ({
      // The rule modules are the registry: a module's id is a `RuleId` by construction.
      ruleId: rule.id as Finding['ruleId'],
      messageId: report.messageId,
      ...text(report.messageId, report.data),
      data: report.data,
      range: report.range,
      path: report.path,
      categories: report.categories,
      ...(report.processor !== undefined ? { processor: report.processor } : {}),
      suggestions: report.suggestions ?? [],
    }),
    suggestion: (messageId, data, edits) => ({ messageId, message: text(messageId, data).summary, data, edits }),
  };
}

/** A message filled in: its summary, its detail and both as one text (summary, then the detail on the next lines). */
export interface FilledMessage {
  readonly summary: string;
  readonly detail: string;
  readonly message: string;
}

/** Fills a message in `locale`. */
export function renderMessage(message: RuleMessage, data: Readonly<Record<string, string>>, locale: Locale): FilledMessage {
  const text = message[locale];
  const summary = fitSummary(text.summary, data);
  const detail = text.detail === undefined ? '' : fillMessage(text.detail, data);
  return { summary, detail, message: detail === '' ? summary : `${summary}\n${detail}` };
}

/**
 * Fills a summary and keeps it within `SUMMARY_LIMIT`: when the FG's labels are so long that it would not fit, the
 * longest value in it is shortened with `…` until it does (the detail still names everything in full). With the
 * labels of the starter catalogue nothing is shortened. A host line that is not a summary may pass a larger `limit`.
 */
export function fitSummary(template: string, data: Readonly<Record<string, string>>, limit = SUMMARY_LIMIT): string {
  let summary = fillMessage(template, data);
  if (summary.length <= limit) return summary;
  const used = [...template.matchAll(/\{\{\s*([^{}]+?)\s*\}\}/g)].map((m) => m[1] ?? '').filter((name) => name in data);
  const values: Record<string, string> = { ...data };
  while (summary.length > limit) {
    const longest = used.reduce<string | undefined>((best, name) => ((values[name] ?? '').length > (best === undefined ? 0 : (values[best] ?? '').length) ? name : best), undefined);
    const value = longest === undefined ? '' : (values[longest] ?? '');
    if (longest === undefined || value.length <= 8) break;
    // A list's count (`+ 2 more`, `+ 2 andere`) stays: the first label is shortened before it.
    const count = / \+ \d+ \S+$/u.exec(value)?.[0] ?? '';
    const head = value.slice(0, value.length - count.length);
    const cut = Math.max(7, head.length - (summary.length - limit) - 1);
    if (cut >= head.length) break;
    values[longest] = `${head.slice(0, cut).trimEnd()}…${count}`;
    summary = fillMessage(template, values);
  }
  return summary;
}

/** Fills `{{name}}` placeholders the way ESLint does. Unknown names stay as written. */
export function fillMessage(template: string, data: Readonly<Record<string, string>>): string {
  return template.replace(/\{\{\s*([^{}]+?)\s*\}\}/g, (whole, name: string) => (name in data ? (data[name] ?? '') : whole));
}

/**
 * The template of every message in ESLint: the core fills `summary` in the run's locale, so ESLint shows the same
 * first sentence as every other host, and `pointer` (`eslintPointer`) says where the detail is. ESLint's message is one
 * line: its text formatters pad every message of a file to the longest one, so a multi-line why and what-to-do would
 * give a CI log lines of hundreds of characters.
 */
export const FINDING_TEMPLATE = '{{summary}}{{pointer}}';

/** Where an ESLint user reads a finding's why and what to do, after its summary (20 and 23 characters). */
const POINTER: Readonly<Record<Locale, string>> = { nl: ' (waarom: avglint scan)', en: ' (why: avglint scan)' };

/**
 * What follows the summary in an ESLint message: a short pointer to `avglint scan`, which prints the detail (why and
 * what to do) in full under the finding, as the editor's hover and the rule's docs (`meta.docs.url`) do. Empty for a
 * message without detail. The whole line stays within `SUMMARY_LIMIT` + 23 characters.
 */
export function eslintPointer(detail: string, locale: Locale): string {
  return detail === '' ? '' : POINTER[locale];
}
