/**
 * no-unauthorised-transfer: a category reaches a sink whose destination is a processor that may not receive it, a
 * host the catalogue does not know, or (in strict mode) a destination that cannot be resolved.
 */
// Default import: `import * as` would read every member through an esModuleInterop getter (a sixth of the time).
import ts from 'typescript';
import type { Category, Processor } from '../catalogue/model';
import { normaliseName } from '../catalogue/names';
import type { Finding, Suggestion } from '../finding';
import type { CheckContext } from '../analysis/context';
import { shortText, type Flow, type FlowEngine } from '../analysis/flow/engine';
import { destinationText } from '../analysis/flow/destinations';
import { engineOf, fileFlows } from '../analysis/flow/flows';
import { categoriesOf, type CategoryLabel } from '../analysis/flow/labels';
import { firstPerCategory, flowPath, rangeOf } from '../analysis/flow/report';
import { transferTodo, transferWhy } from '../analysis/flow/wording';
import { sourceFileOf } from '../analysis/flow/walk';
import { createRule, type RuleHelpers } from './rule';
// Read once: every member of the typescript module is a getter, and these run for every node.
const { isPropertyAccessExpression } = ts;

type MessageId = 'unauthorisedTransfer' | 'unknownDestination' | 'unresolvedDestination' | 'useAlternative';

export default createRule({
  id: 'no-unauthorised-transfer',
  meta: {
    description: 'Disallow sending a category of personal data to a processor the catalogue does not authorise for it',
    requiresTypes: false,
    recommended: true,
    messages: {
      unauthorisedTransfer:
        '{{category}} is sent to {{processor}}, which may not receive it. Why: {{why}} What to do: {{todo}}',
      unknownDestination:
        '{{category}} is sent to {{destination}}, which is not a processor in the catalogue. Why: every recipient of personal data needs a legal basis and, for a verwerker, a verwerkersovereenkomst. What to do: add the recipient to the catalogue (ask the FG) or stop sending the data.',
      unresolvedDestination:
        '{{category}} is sent to a destination avglint cannot resolve. Why: without a known recipient nobody can check the legal basis. What to do: use a URL constant or a client whose baseURL is a literal, or suppress with a reason.',
      useAlternative: 'Send {{alternative}} instead: use `{{replacement}}`',
    } satisfies Record<MessageId, string>,
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          reportUnknownDestinations: { type: 'boolean', description: 'Report data sent to hosts that are not in the catalogue.' },
          reportUnresolvedDestinations: { type: 'boolean', description: 'Report data sent to destinations that cannot be resolved statically.' },
        },
      },
    ],
    defaultOptions: [{ reportUnknownDestinations: true, reportUnresolvedDestinations: false }],
  },
  check(context, rule) {
    const engine = engineOf(context);
    const options = rule.options;
    const findings: Finding[] = [];
    for (const flow of fileFlows(engine, context.sourceFile, () => context.isCancelled())) {
      if (flow.sink.kind !== 'transfer' || !flow.sink.destination || flow.pending) continue;
      const found = firstPerCategory(categoriesOf(flow.value));
      if (found.length === 0) continue;
      const destination = flow.sink.destination;
      if (destination.kind === 'processor') {
        const processor = destination.processor;
        for (const label of found) {
          if (processor.receives.includes(label.category.id)) continue;
          findings.push(unauthorised(context, rule, engine, flow, label, processor));
        }
      } else if (destination.kind === 'internal' || (destination.kind === 'unresolved' && destination.open)) {
        // An open destination is a parameter's value that no call in the analysed code gives: a library's client
        // taking its server from the caller (`new WebUntis(school, user, password, server)`), a wrapper's URL. Each
        // call site that gives it a value is judged with that value; the rest is the caller's choice.
        continue;
      } else if (destination.kind === 'unknown' ? options['reportUnknownDestinations'] !== false : options['reportUnresolvedDestinations'] === true) {
        const messageId = destination.kind === 'unknown' ? 'unknownDestination' : 'unresolvedDestination';
        for (const label of found) {
          const data = { category: label.category.label, destination: destinationText(destination) };
          findings.push(rule.finding({ messageId, data, range: rangeOf(flow.carrier), path: flowPath(flow, label), categories: [label.category.id] }));
        }
      }
    }
    return findings;
  },
});

function unauthorised(context: CheckContext, rule: RuleHelpers<MessageId>, engine: FlowEngine, flow: Flow, label: CategoryLabel, processor: Processor): Finding {
  const category = label.category;
  const data = {
    category: category.label,
    processor: processor.label,
    why: transferWhy(category, processor),
    todo: transferTodo(context.catalogue, category, processor),
  };
  return rule.finding({
    messageId: 'unauthorisedTransfer',
    data,
    range: rangeOf(flow.carrier),
    path: flowPath(flow, label),
    categories: [category.id],
    processor: processor.id,
    suggestions: alternativeSuggestion(context, rule, engine, label, category, processor),
  });
}

/**
 * `leerling.bsn` → `leerling.eckid` when the catalogue names an alternative the processor may receive and the
 * object's type has a member for it. A suggestion, never a fix: it changes what is sent.
 */
function alternativeSuggestion(context: CheckContext, rule: RuleHelpers<MessageId>, engine: FlowEngine, label: CategoryLabel, category: Category, processor: Processor): Suggestion[] {
  const alternative = category.alternative ? context.catalogue.categories.get(category.alternative) : undefined;
  const checker = engine.checker;
  if (!alternative || !checker || !processor.receives.includes(alternative.id)) return [];
  let source = label.trace;
  while (source.prev) source = source.prev;
  const node = source.node;
  if (!isPropertyAccessExpression(node) || sourceFileOf(node) !== context.sourceFile) return [];
  const receiver = checker.getNonNullableType(checker.getTypeAtLocation(node.expression));
  const wanted = new Set(alternative.match.names.map(normaliseName));
  const member = checker.getPropertiesOfType(receiver).find((p) => wanted.has(normaliseName(p.name)));
  if (!member) return [];
  const replacement = `${shortText(node.expression)}${node.questionDotToken ? '?.' : '.'}${member.name}`;
  return [rule.suggestion('useAlternative', { alternative: alternative.label, replacement }, [{ range: { start: node.name.getStart(), end: node.name.getEnd() }, text: member.name }])];
}
