/**
 * require-consent-check: personal data sent to a processor whose legal basis is consent (even data it may receive)
 * must be guarded by one of the checks the catalogue names for it (`processors.<id>.consent.check`).
 */
import type * as ts from 'typescript';
import type { Finding } from '../../finding';
import { LEGAL_BASES } from '../../catalogue/model';
import { fillMessage, RULES } from '../../rules/registry';
import type { Check } from '../context';
import { engineOf, fileFlows } from '../flow/flows';
import { isGuarded } from '../flow/guards';
import { categoriesOf } from '../flow/labels';
import { consentChecks, consentFrom, list } from '../flow/wording';
import { firstPerCategory, flowPath, rangeOf } from './transfer';

const RULE = 'require-consent-check';

export const consentCheck: Check = {
  rules: [RULE],
  run(context) {
    const engine = engineOf(context);
    const findings: Finding[] = [];
    const reported = new Set<number>();
    const flows = fileFlows(engine, context.sourceFile, () => context.isCancelled());
    for (const flow of flows) {
      const destination = flow.sink.destination;
      if (flow.sink.kind !== 'transfer' || destination?.kind !== 'processor' || destination.processor.legalBasis !== 'consent') continue;
      const processor = destination.processor;
      const checks = processor.consent?.check ?? [];
      const resolve = (id: ts.Identifier): ts.Node | undefined => engine.resolve(id);
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
      findings.push({
        ruleId: RULE,
        messageId: 'missingConsentCheck',
        message: fillMessage(RULES[RULE].messages['missingConsentCheck'] ?? '', data),
        data,
        range: rangeOf(flow.at.expression),
        path: flowPath(flow, first),
        categories: labels.map((l) => l.category.id),
        processor: processor.id,
        suggestions: [],
      });
    }
    return findings;
  },
};
