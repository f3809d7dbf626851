/**
 * no-unauthorised-transfer: a category reaches a sink whose destination is a processor that may not receive it, a
 * host the catalogue does not know, or (in strict mode) a destination that cannot be resolved.
 */
// Default import: `import * as` would read every member through an esModuleInterop getter (a sixth of the time).
import ts from 'typescript';
import type { Category, Processor } from '../../catalogue/model';
import { normaliseName } from '../../catalogue/names';
import type { Finding, Suggestion } from '../../finding';
import { fillMessage, RULES } from '../../rules/registry';
import type { Check, CheckContext } from '../context';
import { shortText, type Flow, type FlowEngine } from '../flow/engine';
import { destinationText } from '../flow/destinations';
import { pathOf } from '../flow/describe';
import { engineOf, fileFlows } from '../flow/flows';
import { categoriesOf, type CategoryLabel } from '../flow/labels';
import { transferTodo, transferWhy } from '../flow/wording';
// Read once: every member of the typescript module is a getter, and these run for every node.
const { isPropertyAccessExpression } = ts;

const RULE = 'no-unauthorised-transfer';

export const transferCheck: Check = {
  rules: [RULE],
  run(context) {
    const engine = engineOf(context);
    const options = context.ruleOptions(RULE);
    const findings: Finding[] = [];
    for (const flow of fileFlows(engine, context.sourceFile, () => context.isCancelled())) {
      if (flow.sink.kind !== 'transfer' || !flow.sink.destination) continue;
      const found = firstPerCategory(categoriesOf(flow.value));
      if (found.length === 0) continue;
      const destination = flow.sink.destination;
      if (destination.kind === 'processor') {
        const processor = destination.processor;
        for (const label of found) {
          if (processor.receives.includes(label.category.id)) continue;
          findings.push(unauthorised(context, engine, flow, label, processor));
        }
      } else if (destination.kind === 'internal') {
        continue;
      } else if (destination.kind === 'unknown' ? options['reportUnknownDestinations'] !== false : options['reportUnresolvedDestinations'] === true) {
        const messageId = destination.kind === 'unknown' ? 'unknownDestination' : 'unresolvedDestination';
        for (const label of found) {
          const data = { category: label.category.label, destination: destinationText(destination) };
          findings.push({
            ruleId: RULE,
            messageId,
            message: fillMessage(RULES[RULE].messages[messageId] ?? '', data),
            data,
            range: rangeOf(flow.carrier),
            path: flowPath(flow, label),
            categories: [label.category.id],
            suggestions: [],
          });
        }
      }
    }
    return findings;
  },
};

function unauthorised(context: CheckContext, engine: FlowEngine, flow: Flow, label: CategoryLabel, processor: Processor): Finding {
  const category = label.category;
  const data = {
    category: category.label,
    processor: processor.label,
    why: transferWhy(category, processor),
    todo: transferTodo(context.catalogue, category, processor),
  };
  return {
    ruleId: RULE,
    messageId: 'unauthorisedTransfer',
    message: fillMessage(RULES[RULE].messages['unauthorisedTransfer'] ?? '', data),
    data,
    range: rangeOf(flow.carrier),
    path: flowPath(flow, label),
    categories: [category.id],
    processor: processor.id,
    suggestions: alternativeSuggestion(context, engine, label, category, processor),
  };
}

/** The whole path of one category into a sink: source, steps, and the sink with its destination. */
export function flowPath(flow: Flow, label: CategoryLabel): Finding['path'] {
  const destination = flow.sink.destination;
  const where = destination ? ` to ${destinationText(destination)}${destination.kind !== 'unresolved' && destination.text !== destinationText(destination) ? ` (${destination.text})` : ''}` : '';
  const verb = flow.sink.kind === 'log' ? 'written to the log by' : 'sent by';
  return pathOf(label.trace, { node: flow.sink.call.expression, description: `${verb} \`${flow.sink.api}\`${where}` });
}

/** One label per category (the first found), in a stable order. */
export function firstPerCategory(found: readonly CategoryLabel[]): CategoryLabel[] {
  const seen = new Set<string>();
  const result: CategoryLabel[] = [];
  for (const label of found) {
    if (seen.has(label.category.id)) continue;
    seen.add(label.category.id);
    result.push(label);
  }
  return result;
}

export function rangeOf(node: ts.Node): { start: number; end: number } {
  return { start: node.getStart(), end: node.getEnd() };
}

/**
 * `leerling.bsn` → `leerling.eckid` when the catalogue names an alternative the processor may receive and the
 * object's type has a member for it. A suggestion, never a fix: it changes what is sent.
 */
function alternativeSuggestion(context: CheckContext, engine: FlowEngine, label: CategoryLabel, category: Category, processor: Processor): Suggestion[] {
  const alternative = category.alternative ? context.catalogue.categories.get(category.alternative) : undefined;
  const checker = engine.checker;
  if (!alternative || !checker || !processor.receives.includes(alternative.id)) return [];
  let source = label.trace;
  while (source.prev) source = source.prev;
  const node = source.node;
  if (!isPropertyAccessExpression(node) || node.getSourceFile() !== context.sourceFile) return [];
  const receiver = checker.getNonNullableType(checker.getTypeAtLocation(node.expression));
  const wanted = new Set(alternative.match.names.map(normaliseName));
  const member = checker.getPropertiesOfType(receiver).find((p) => wanted.has(normaliseName(p.name)));
  if (!member) return [];
  const replacement = `${shortText(node.expression)}${node.questionDotToken ? '?.' : '.'}${member.name}`;
  const data = { alternative: alternative.label, replacement };
  return [
    {
      messageId: 'useAlternative',
      message: fillMessage(RULES[RULE].messages['useAlternative'] ?? 'Send {{alternative}} instead: `{{replacement}}`', data),
      data,
      edits: [{ range: { start: node.name.getStart(), end: node.name.getEnd() }, text: member.name }],
    },
  ];
}


