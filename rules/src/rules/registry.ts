/**
 * The public rules, derived from the list of rule modules: each rule is one file `rules/src/rules/<rule-id>.ts` that
 * defines its meta and its check (see rule.ts). The ESLint plugin, the language server, the CLI, the docs meta-test
 * and the configs read this list, so they cannot drift from the rules.
 */
import catalogue from './catalogue';
import noBsnLiteral from './no-bsn-literal';
import noPersonalDataInLogs from './no-personal-data-in-logs';
import noUnauthorisedAccess from './no-unauthorised-access';
import noUnauthorisedTransfer from './no-unauthorised-transfer';
import requireConsentCheck from './require-consent-check';
import requireRetention from './require-retention';
import requireSuppressionReason from './require-suppression-reason';
import type { RuleModule, RuleModuleMeta } from './rule';

/** Every rule, in the order the docs, the configs and SARIF list them. */
export const RULE_MODULES = [
  noUnauthorisedAccess,
  noUnauthorisedTransfer,
  requireRetention,
  noPersonalDataInLogs,
  noBsnLiteral,
  requireConsentCheck,
  requireSuppressionReason,
  catalogue,
] as const;

export type RuleId = (typeof RULE_MODULES)[number]['id'];

export const RULE_IDS: readonly RuleId[] = RULE_MODULES.map((rule) => rule.id);

/** A rule's meta with its id, as hosts read it. */
export interface RuleMeta extends RuleModuleMeta {
  readonly id: RuleId;
}

export const RULES: Readonly<Record<RuleId, RuleMeta>> = Object.fromEntries(RULE_MODULES.map((rule) => [rule.id, { id: rule.id, ...rule.meta }])) as Record<RuleId, RuleMeta>;

/** The rule module of `id`, for the analysis and for hosts that need the check itself. */
export function ruleModule(id: RuleId): RuleModule<RuleId> {
  return RULE_MODULES.find((rule) => rule.id === id) as RuleModule<RuleId>;
}

export const DOCS_BASE = 'https://github.com/avglint/avglint/blob/main/docs/rules/';

export function docsUrl(id: RuleId): string {
  return `${DOCS_BASE}${id}.md`;
}
