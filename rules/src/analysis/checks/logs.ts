/**
 * no-personal-data-in-logs: a catalogued category reaches console.*, pino, winston, bunyan or debug (instances and
 * child loggers too).
 */
import type { Finding } from '../../finding';
import { fillMessage, RULES } from '../../rules/registry';
import type { Check } from '../context';
import { engineOf, fileFlows } from '../flow/flows';
import { categoriesOf } from '../flow/labels';
import { list } from '../flow/wording';
import { firstPerCategory, flowPath, rangeOf } from './transfer';

const RULE = 'no-personal-data-in-logs';

export const logsCheck: Check = {
  rules: [RULE],
  run(context) {
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
      findings.push({
        ruleId: RULE,
        messageId: 'personalDataInLog',
        message: fillMessage(RULES[RULE].messages['personalDataInLog'] ?? '', data),
        data,
        range: rangeOf(flow.carrier),
        path: flowPath(flow, first),
        categories: found.map((label) => label.category.id),
        suggestions: [],
      });
    }
    return findings;
  },
};
