/**
 * `require-suppression-reason`: every comment that disables an avglint rule (or every rule) must say why, with
 * `-- <reason>`, because the FG reviews each exception to the catalogue. The same comment may carry an expiry,
 * `-- <reason> (until YYYY-MM-DD)`; once that day has passed the comment is reported as expired (when the host passes
 * the current time as `options.now`: the core has no clock).
 */
import type { Finding } from '../../finding';
import { fillMessage, RULES } from '../../rules/registry';
import type { Check, CheckContext } from '../context';
import { avglintRulesOf, isExpired, parseSuppressions, type SuppressionDirective } from '../suppressions';

const RULE = 'require-suppression-reason';

export const suppressionCheck: Check = {
  rules: [RULE],
  run(context: CheckContext): Finding[] {
    const findings: Finding[] = [];
    const now = context.options.now;
    for (const directive of parseSuppressions(context.sourceFile)) {
      if (directive.kind === 'enable') continue;
      const rules = avglintRulesOf(directive);
      if (rules !== 'all' && rules.length === 0) continue;
      const listed = rules === 'all' ? 'all rules (avglint included)' : rules.map((r) => `\`${r}\``).join(', ');
      if (directive.reason === '') {
        findings.push(makeFinding(context, directive, 'missingReason', { rules: listed }));
      } else if (now && directive.until !== undefined && isExpired(directive, now)) {
        findings.push(makeFinding(context, directive, 'expiredSuppression', { rules: listed, until: directive.until, reason: directive.reason }));
      }
    }
    return findings;
  },
};

function makeFinding(context: CheckContext, directive: SuppressionDirective, messageId: string, data: Record<string, string>): Finding {
  return {
    ruleId: RULE,
    messageId,
    message: fillMessage(RULES[RULE].messages[messageId] ?? '', data),
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
    suggestions: [],
  };
}
