/**
 * `require-suppression-reason`: every comment that disables an avglint rule (or every rule) must say why, with
 * `-- <reason>`, because the FG reviews each exception to the catalogue. The same comment may carry an expiry,
 * `-- <reason> (until YYYY-MM-DD)`; once that day has passed the comment is reported as expired (when the host passes
 * the current time as `options.now`: the core has no clock).
 */
import type { Finding } from '../finding';
import type { CheckContext } from '../analysis/context';
import { avglintRulesOf, isExpired, parseSuppressions, type SuppressionDirective } from '../analysis/suppressions';
import { placedStep } from '../analysis/flow/describe';
import { phrase } from '../analysis/flow/steps';
import { createRule, type RuleHelpers, type RuleMessage } from './rule';

type MessageId = 'missingReason' | 'expiredSuppression';

export default createRule({
  id: 'require-suppression-reason',
  meta: {
    description: 'Require a reason (`-- reason`) on every comment that disables an avglint rule',
    requiresTypes: false,
    recommended: true,
    messages: {
      missingReason: {
        nl: { summary: 'Dit commentaar zet {{rules}} uit zonder reden', detail: 'Waarom: de FG beoordeelt elke uitzondering op de catalogus.\nWat te doen: zet `-- <waarom dit mag>` achter het commentaar.' },
        en: { summary: 'This comment disables {{rules}} without a reason', detail: 'Why: the FG reviews every exception to the catalogue.\nWhat to do: add `-- <why this is allowed>` to the comment.' },
      },
      expiredSuppression: {
        nl: {
          summary: 'Uitzondering voor {{rules}} verlopen op {{until}}',
          detail: 'Waarom: de uitzondering gold voor een beperkte tijd ({{reason}}).\nWat te doen: pas de code aan, of vraag de FG de uitzondering te verlengen en de datum bij te werken.',
        },
        en: {
          summary: 'Exception for {{rules}} expired on {{until}}',
          detail: 'Why: the exception was granted for a limited time ({{reason}}).\nWhat to do: fix the code, or ask the FG to renew the exception and update the date.',
        },
      },
    } satisfies Record<MessageId, RuleMessage>,
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
      const all = context.locale === 'nl' ? 'alle regels (ook avglint)' : 'all rules (avglint included)';
      const listed = rules === 'all' ? all : rules.map((r) => `\`${r}\``).join(', ');
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
      placedStep(
        { kind: 'source', file: context.sourceFile.fileName, range: directive.range, line: directive.line, column: directive.column },
        messageId === 'missingReason' ? phrase('disablesWithoutReason', { rules: data['rules'] ?? '' }) : phrase('suppressionExpired', { until: data['until'] ?? '' }),
        context.locale,
      ),
    ],
    categories: [],
  });
}
