/**
 * What a rule is: one module `rules/src/rules/<rule-id>.ts` that defines its meta (description, messages, options
 * schema and defaults) and its check, the way typescript-eslint's `createRule` does. The registry (registry.ts), the
 * ESLint rules and configs, the language server's diagnostics, the CLI and the docs meta-test are all derived from the
 * list of rule modules, so a rule is source, test and doc under one name and nothing else to wire.
 *
 * Message templates use ESLint's `{{name}}` placeholders; a rule's message ids are the keys of its `messages`, and a
 * check can only report (or suggest) with one of them: `rule.finding({ messageId: 'typo', … })` does not compile.
 */
import type { CheckContext } from '../analysis/context';
import type { Finding, FlowStep, Suggestion, TextEdit, TextRange } from '../finding';

export interface RuleModuleMeta<MessageId extends string = string> {
  /** `Disallow …` or `Require …`. */
  readonly description: string;
  /** Whether the rule needs type information to be useful (it still runs without, from names). */
  readonly requiresTypes: boolean;
  /** Included in `configs.recommended` (all rules are in `configs.strict`). */
  readonly recommended: boolean;
  readonly messages: Readonly<Record<MessageId, string>>;
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
export function ruleHelpers<MessageId extends string>(rule: RuleModule<string, MessageId>, context: CheckContext): RuleHelpers<MessageId> {
  const message = (messageId: MessageId, data: Readonly<Record<string, string>>): string => fillMessage(rule.meta.messages[messageId], data);
  return {
    options: context.ruleOptions(rule.id as Finding['ruleId']),
    finding: (report) => ({
      // The rule modules are the registry: a module's id is a `RuleId` by construction.
      ruleId: rule.id as Finding['ruleId'],
      messageId: report.messageId,
      message: message(report.messageId, report.data),
      data: report.data,
      range: report.range,
      path: report.path,
      categories: report.categories,
      ...(report.processor !== undefined ? { processor: report.processor } : {}),
      suggestions: report.suggestions ?? [],
    }),
    suggestion: (messageId, data, edits) => ({ messageId, message: message(messageId, data), data, edits }),
  };
}

/** Fills `{{name}}` placeholders the way ESLint does. Unknown names stay as written. */
export function fillMessage(template: string, data: Readonly<Record<string, string>>): string {
  return template.replace(/\{\{\s*([^{}]+?)\s*\}\}/g, (whole, name: string) => (name in data ? (data[name] ?? '') : whole));
}
