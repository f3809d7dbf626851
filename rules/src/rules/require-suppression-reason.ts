/**
 * `require-suppression-reason`: every comment that disables an avglint rule (or every rule) must say why, with
 * `-- <reason>`, because the FG reviews each exception to the catalogue. The same comment may carry an expiry,
 * `-- <reason> (until YYYY-MM-DD)`; once that day has passed the comment is reported as expired (when the host passes
 * the current time as `options.now`: the core has no clock).
 */
import type { Finding } from '../finding';
import type { CheckContext } from '../analysis/context';
import { avglintRulesOf, isExpired, parseSuppressions, type SuppressionDirective } from '../analysis/suppressions';
import { createRule, type RuleHelpers } from './rule';

type MessageId = 'missingReason' | 'expiredSuppression';

export default createRule({
  id: 'require-suppression-reason',
  meta: {
    description: 'Require a reason (`-- reason`) on every comment that disables an avglint rule',
    requiresTypes: false,
    recommended: true,
    messages: {
      missingReason:
        'This comment disables {{rules}} without a reason. Why: the FG reviews every exception to the catalogue. What to do: add `-- <why this is allowed>` to the comment.',
      expiredSuppression:
        'This comment disabled {{rules}} until {{until}}, and that day has passed. Why: the exception was granted for a limited time ({{reason}}). What to do: fix the code, or ask the FG to renew the exception and update the date.',
    } satisfies Record<MessageId, string>,
    schema: [],
    defaultOptions: [],
  },
  check(context, rule) {
    const findings: Finding[] = [];
    const now = context.options.now;
    for (const directive of parseSuppressions(context.sourceFile)) {
      if (directive.kind === 'enable') continue;
      const rules = avglintRulesOf(directive);
      if (rules !== 'all' && rules.length === 0) continue;
      const listed = rules === 'all' ? 'all rules (avglint included)' : rules.map((r) => `\`${r}\``).join(', ');
      if (directive.reason === '') {
        findings.push(makeFinding(context, rule, directive, 'missingReason', { rules: listed }));
      } else if (now && directive.until !== undefined && isExpired(directive, now)) {
        findings.push(makeFinding(context, rule, directive, 'expiredSuppression', { rules: listed, until: directive.until, reason: directive.reason }));
      }
    }
    return findings;
  },
});

function makeFinding(context: CheckContext, rule: RuleHelpers<MessageId>, directive: SuppressionDirective, messageId: MessageId, data: Record<string, string>): Finding {
  return rule.finding({
    messageId,
    data,
    range: directive.range,
    path: [
      {
        kind: 'source',
        file: context.sourceFile.fileName,
        range: directive.range,
        line: directive.line,
        column: directive.column,
        description: messageId === 'missingReason' ? `disables ${data['rules'] ?? ''} without a reason` : `suppression expired on ${data['until'] ?? ''}`,
      },
    ],
    categories: [],
  });
}
