/**
 * require-consent-check: personal data sent to a processor whose legal basis is consent (even data it may receive)
 * must be guarded by one of the checks the catalogue names for it (`processors.<id>.consent.check`).
 */
import type * as ts from 'typescript';
import type { Finding } from '../finding';
import { LEGAL_BASES } from '../catalogue/model';
import { engineOf, fileFlows } from '../analysis/flow/flows';
import { isGuarded } from '../analysis/flow/guards';
import { sinkCallee } from '../analysis/flow/apis';
import { categoriesOf } from '../analysis/flow/labels';
import { firstPerCategory, flowPath, rangeOf } from '../analysis/flow/report';
import { consentChecks, consentFrom, list } from '../analysis/flow/wording';
import { createRule } from './rule';

type MessageId = 'missingConsentCheck';

export default createRule({
  id: 'require-consent-check',
  meta: {
    description: 'Require a consent check before sending data to a processor whose legal basis is consent',
    requiresTypes: false,
    recommended: true,
    messages: {
      missingConsentCheck:
        'This call sends {{category}} to {{processor}} without a consent check. Why: the legal basis is {{basis}}; consent is needed from {{from}}. What to do: guard the call with {{checks}}.',
    } satisfies Record<MessageId, string>,
    schema: [],
    defaultOptions: [],
  },
  check(context, rule) {
    const engine = engineOf(context);
    const findings: Finding[] = [];
    const reported = new Set<number>();
    const flows = fileFlows(engine, context.sourceFile, () => context.isCancelled());
    for (const flow of flows) {
      const destination = flow.sink.destination;
      if (flow.sink.kind !== 'transfer' || destination?.kind !== 'processor' || destination.processor.legalBasis !== 'consent') continue;
      const processor = destination.processor;
      const checks = processor.consent?.check ?? [];
      const resolve = (id: ts.Identifier): ts.Node | undefined => engine.resolver.resolve(id);
      if (isGuarded(flow.sink.call, checks, resolve) || (flow.at !== flow.sink.call && isGuarded(flow.at, checks, resolve))) continue;
      if (reported.has(flow.at.pos)) continue;
      // One finding per unguarded call, naming every category that reaches it there.
      const labels = firstPerCategory(flows.filter((f) => f.at === flow.at && f.sink === flow.sink).flatMap((f) => categoriesOf(f.value)));
      const first = labels[0];
      if (!first) continue;
      reported.add(flow.at.pos);
      const data = {
        category: list(labels.map((l) => l.category.label)),
        processor: processor.label,
        basis: LEGAL_BASES[processor.legalBasis],
        from: consentFrom(processor),
        checks: consentChecks(processor),
      };
      findings.push(
        rule.finding({
          messageId: 'missingConsentCheck',
          data,
          range: rangeOf(sinkCallee(flow.at)),
          path: flowPath(flow, first),
          categories: labels.map((l) => l.category.id),
          processor: processor.id,
        }),
      );
    }
    return findings;
  },
});
