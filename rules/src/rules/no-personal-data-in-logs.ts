/**
 * no-personal-data-in-logs: a catalogued category reaches console.*, pino, winston, bunyan or debug (instances and
 * child loggers too).
 */
import type { Finding } from '../finding';
import { engineOf, fileFlows } from '../analysis/flow/flows';
import { flowPath, perCall, rangeOf } from '../analysis/flow/report';
import { list, shortList } from '../analysis/flow/wording';
import { createRule, type RuleMessage } from './rule';

type MessageId = 'personalDataInLog';

export default createRule({
  id: 'no-personal-data-in-logs',
  meta: {
    description: 'Disallow writing catalogued personal data to logs (console, pino, winston, bunyan, debug)',
    requiresTypes: false,
    recommended: true,
    messages: {
      personalDataInLog: {
        nl: {
          summary: '{{category}} → {{logger}}: persoonsgegevens in een log',
          detail: 'Waarom: logs worden bewaard en gelezen buiten de bewaartermijnen en toegangsregels van de catalogus.\nWat te doen: {{todo}}',
        },
        en: {
          summary: '{{category}} → {{logger}}: personal data in a log',
          detail: "Why: logs are kept and read outside the catalogue's bewaartermijnen and access rules.\nWhat to do: {{todo}}",
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
    const cleaning = context.catalogue.sanitisers.filter((s) => !s.produces).map((s) => `\`${s.function}(…)\``);
    // One finding per log call, naming every category it writes: `logger.info({ leerling })` is one mistake, not one
    // per member of Leerling or per argument. The path follows the first category written.
    for (const call of perCall(fileFlows(engine, context.sourceFile, () => context.isCancelled()), (flow) => flow.sink.kind === 'log')) {
      const first = call.categories[0];
      if (!first) continue;
      const labels = call.categories.map((c) => c.label.category.label);
      const what = list(labels, locale);
      const clean = cleaning.length > 0 ? list(cleaning, locale, 'or') : '';
      const todo =
        locale === 'nl'
          ? `laat ${what} weg uit de logregel en log een technische verwijzing die geen persoonsgegeven is${clean ? `, of haal het eerst door ${clean}` : ''}.`
          : `leave ${what} out of the log message and log a technical reference that is not personal data${clean ? `, or pass it through ${clean} first` : ''}.`;
      const data = { category: shortList(labels, locale), categories: what, logger: `\`${first.flow.sink.api}\``, todo };
      findings.push(
        rule.finding({ messageId: 'personalDataInLog', data, range: rangeOf(first.node), path: flowPath(first.flow, first.label, context.locale), categories: call.categories.map((c) => c.label.category.id) }),
      );
    }
    return findings;
  },
});
