/**
 * no-personal-data-in-logs: a catalogued category reaches console.*, pino, winston, bunyan or debug (instances and
 * child loggers too).
 */
import type { Finding } from '../finding';
import { engineOf, fileFlows } from '../analysis/flow/flows';
import { categoriesOf } from '../analysis/flow/labels';
import { firstPerCategory, flowPath, rangeOf } from '../analysis/flow/report';
import { list } from '../analysis/flow/wording';
import { createRule } from './rule';

type MessageId = 'personalDataInLog';

export default createRule({
  id: 'no-personal-data-in-logs',
  meta: {
    description: 'Disallow writing catalogued personal data to logs (console, pino, winston, bunyan, debug)',
    requiresTypes: false,
    recommended: true,
    messages: {
      personalDataInLog:
        '{{logger}} writes {{category}} to a log. Why: logs are kept and read outside the catalogue\'s bewaartermijnen and access rules. What to do: {{todo}}',
    } satisfies Record<MessageId, string>,
    schema: [],
    defaultOptions: [],
  },
  check(context, rule) {
    const engine = engineOf(context);
    const findings: Finding[] = [];
    const cleaning = context.catalogue.sanitisers.filter((s) => !s.produces).map((s) => `\`${s.function}(…)\``);
    for (const flow of fileFlows(engine, context.sourceFile, () => context.isCancelled())) {
      if (flow.sink.kind !== 'log') continue;
      // One finding per log call, naming every category it writes: `logger.info({ leerling })` is one mistake,
      // not one per member of Leerling. The path follows the first category found.
      const found = firstPerCategory(categoriesOf(flow.value));
      const first = found[0];
      if (!first) continue;
      const what = list(found.map((label) => label.category.label));
      const todo = `leave ${what} out of the log message and log a technical reference that is not personal data${cleaning.length > 0 ? `, or pass it through ${cleaning.join(' or ')} first` : ''}.`;
      const data = { category: what, logger: `\`${flow.sink.api}\``, todo };
      findings.push(
        rule.finding({ messageId: 'personalDataInLog', data, range: rangeOf(flow.carrier), path: flowPath(flow, first), categories: found.map((label) => label.category.id) }),
      );
    }
    return findings;
  },
});
