/**
 * require-consent-check: personal data sent to a processor whose legal basis is consent (even data it may receive)
 * must be guarded by one of the checks the catalogue names for it (`processors.<id>.consent.check`).
 */
import type * as ts from 'typescript';
import type { Finding } from '../finding';
import { engineOf, fileFlows } from '../analysis/flow/flows';
import { isGuarded } from '../analysis/flow/guards';
import { sinkCallee } from '../analysis/flow/apis';
import { flowPath, perCall, rangeOf } from '../analysis/flow/report';
import { consentChecks, consentFrom, legalBasisName, list, shortList } from '../analysis/flow/wording';
import { createRule, type RuleMessage } from './rule';

type MessageId = 'missingConsentCheck';

export default createRule({
  id: 'require-consent-check',
  meta: {
    description: 'Require a consent check before sending data to a processor whose legal basis is consent',
    requiresTypes: false,
    recommended: true,
    messages: {
      missingConsentCheck: {
        nl: {
          summary: '{{category}} → {{processor}}: geen toestemmingscheck vóór deze aanroep',
          detail: 'Waarom: de grondslag is {{basis}}; toestemming is nodig van {{from}}.\nWat te doen: zet de aanroep achter {{checks}}.',
        },
        en: {
          summary: '{{category}} → {{processor}}: no consent check before this call',
          detail: 'Why: the legal basis is {{basis}}; consent is needed from {{from}}.\nWhat to do: guard the call with {{checks}}.',
        },
      },
    } satisfies Record<MessageId, RuleMessage>,
    schema: [],
    defaultOptions: [],
  },
  check(context, rule) {
    const engine = engineOf(context);
    const locale = context.locale;
    const findings: Finding[] = [];
    const flows = fileFlows(engine, context.sourceFile, () => context.isCancelled());
    const resolve = (id: ts.Identifier): ts.Node | undefined => engine.resolver.resolve(id);
    // One finding per unguarded call, naming every category that reaches it there.
    const consentFlows = perCall(flows, (flow) => {
      const destination = flow.sink.destination;
      if (flow.sink.kind !== 'transfer' || destination?.kind !== 'processor' || destination.processor.legalBasis !== 'consent') return false;
      const checks = destination.processor.consent?.check ?? [];
      return !(isGuarded(flow.sink.call, checks, resolve) || (flow.at !== flow.sink.call && isGuarded(flow.at, checks, resolve)));
    });
    for (const call of consentFlows) {
      const destination = call.first.sink.destination;
      const first = call.categories[0];
      if (destination?.kind !== 'processor' || !first) continue;
      const processor = destination.processor;
      const labels = call.categories.map((c) => c.label.category.label);
      const data = {
        category: shortList(labels, locale),
        categories: list(labels, locale),
        processor: processor.label,
        basis: legalBasisName(processor.legalBasis, locale),
        from: consentFrom(processor, locale),
        checks: consentChecks(processor, locale),
      };
      findings.push(
        rule.finding({
          messageId: 'missingConsentCheck',
          data,
          // The call is what needs the guard: the finding is on its callee, the data's path in related information.
          range: rangeOf(sinkCallee(call.first.at)),
          path: flowPath(first.flow, first.label, context.locale),
          categories: call.categories.map((c) => c.label.category.id),
          processor: processor.id,
        }),
      );
    }
    return findings;
  },
});
