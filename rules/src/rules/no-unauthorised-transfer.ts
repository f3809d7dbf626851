/**
 * no-unauthorised-transfer: a category reaches a sink whose destination is a processor that may not receive it, a
 * host the catalogue does not know, or (in strict mode) a destination that cannot be resolved. One finding per sink
 * call, naming every category that may not go there.
 */
// Default import: `import * as` would read every member through an esModuleInterop getter (a sixth of the time).
import ts from 'typescript';
import type { Category, Processor } from '../catalogue/model';
import { normaliseName } from '../catalogue/names';
import type { Finding, Suggestion } from '../finding';
import type { CheckContext } from '../analysis/context';
import { shortText, type FlowEngine } from '../analysis/flow/engine';
import { destinationText, type Destination } from '../analysis/flow/destinations';
import { engineOf, fileFlows } from '../analysis/flow/flows';
import type { CategoryLabel } from '../analysis/flow/labels';
import { flowPath, perCall, rangeOf, type CallCategory } from '../analysis/flow/report';
import { list, shortList, transferTodo, transferWhy } from '../analysis/flow/wording';
import { sourceFileOf } from '../analysis/flow/walk';
import { createRule, type RuleHelpers, type RuleMessage } from './rule';
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
      unauthorisedTransfer: {
        nl: { summary: '{{category}} → {{processor}}: niet toegestaan door de catalogus', detail: 'Waarom: {{why}}\nWat te doen: {{todo}}' },
        en: { summary: '{{category}} → {{processor}}: not allowed by the catalogue', detail: 'Why: {{why}}\nWhat to do: {{todo}}' },
      },
      unknownDestination: {
        nl: {
          summary: '{{category}} → {{destination}}: niet in de catalogus',
          detail:
            'Waarom: elke ontvanger van persoonsgegevens ({{categories}}) heeft een grondslag nodig en, als het een verwerker is, een verwerkersovereenkomst.\nWat te doen: voeg de ontvanger toe aan de catalogus (vraag de FG) of stuur de gegevens niet mee.',
        },
        en: {
          summary: '{{category}} → {{destination}}: not in the catalogue',
          detail:
            'Why: every recipient of personal data ({{categories}}) needs a legal basis and, for a processor, a verwerkersovereenkomst.\nWhat to do: add the recipient to the catalogue (ask the FG) or stop sending the data.',
        },
      },
      unresolvedDestination: {
        nl: {
          summary: '{{category}} → bestemming onbekend: avglint kan niet bepalen waarheen',
          detail:
            'Waarom: zonder bekende ontvanger kan niemand de grondslag voor {{categories}} controleren.\nWat te doen: gebruik een URL-constante of een client met een letterlijke baseURL, of onderdruk de melding met een reden.',
        },
        en: {
          summary: '{{category}} → unresolved destination: avglint cannot tell where it goes',
          detail:
            'Why: without a known recipient nobody can check the legal basis for {{categories}}.\nWhat to do: use a URL constant or a client whose baseURL is a literal, or suppress with a reason.',
        },
      },
      useAlternative: {
        nl: { summary: 'Stuur {{alternative}}: gebruik `{{replacement}}`' },
        en: { summary: 'Send {{alternative}} instead: use `{{replacement}}`' },
      },
    } satisfies Record<MessageId, RuleMessage>,
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          reportUnknownDestinations: { type: 'boolean', description: 'Report data sent to hosts that are not in the catalogue.' },
          reportUnresolvedDestinations: { type: 'boolean', description: 'Report data sent to destinations that cannot be resolved statically.' },
          attributeResponseUrls: {
            type: 'boolean',
            description: "A URL whose host comes from the response of a request to a processor goes to that processor (default true); false: such a URL is unresolved.",
          },
        },
      },
    ],
    defaultOptions: [{ reportUnknownDestinations: true, reportUnresolvedDestinations: false, attributeResponseUrls: true }],
  },
  check(context, rule) {
    const engine = engineOf(context);
    const options = rule.options;
    const locale = context.locale;
    const findings: Finding[] = [];
    const flows = fileFlows(engine, context.sourceFile, () => context.isCancelled());
    // One finding per sink call, naming every category that may not go there; the legal text is said once.
    for (const call of perCall(flows, (flow) => flow.sink.kind === 'transfer' && flow.sink.destination !== undefined && flow.pending !== true)) {
      const found = call.first.sink.destination;
      // A URL from a processor's response (OAuth or tenant discovery) goes to that processor, unless the FG wants
      // such URLs treated as unresolved (`attributeResponseUrls: false`).
      const destination: Destination | undefined = found?.kind === 'processor' && found.answer && options['attributeResponseUrls'] === false ? { kind: 'unresolved', text: found.text } : found;
      // An open destination is a parameter's value that no call in the analysed code gives: a library's client taking
      // its server from the caller (`new WebUntis(school, user, password, server)`), a wrapper's URL. Each call site
      // that gives it a value is judged with that value; the rest is the caller's choice.
      if (!destination || destination.kind === 'internal' || (destination.kind === 'unresolved' && destination.open)) continue;
      if (destination.kind === 'processor') {
        const processor = destination.processor;
        const refused = call.categories.filter((c) => !processor.receives.includes(c.label.category.id));
        if (refused.length > 0) findings.push(unauthorised(context, rule, engine, refused, processor));
        continue;
      }
      const report = destination.kind === 'unknown' ? options['reportUnknownDestinations'] !== false : options['reportUnresolvedDestinations'] === true;
      if (!report) continue;
      const first = call.categories[0];
      if (!first) continue;
      const labels = call.categories.map((c) => c.label.category.label);
      const data = { category: shortList(labels, locale), categories: list(labels, locale), destination: destinationText(destination, locale) };
      findings.push(
        rule.finding({
          messageId: destination.kind === 'unknown' ? 'unknownDestination' : 'unresolvedDestination',
          data,
          range: rangeOf(first.node),
          path: flowPath(first.flow, first.label, context.locale),
          categories: call.categories.map((c) => c.label.category.id),
        }),
      );
    }
    return findings;
  },
});

function unauthorised(context: CheckContext, rule: RuleHelpers<MessageId>, engine: FlowEngine, refused: readonly CallCategory[], processor: Processor): Finding {
  const locale = context.locale;
  const categories = refused.map((c) => c.label.category);
  const first = refused[0] as CallCategory;
  const data = {
    category: shortList(categories.map((c) => c.label), locale),
    categories: list(categories.map((c) => c.label), locale),
    processor: processor.label,
    why: transferWhy(categories, processor, locale),
    todo: transferTodo(context.catalogue, categories, processor, locale),
  };
  return rule.finding({
    messageId: 'unauthorisedTransfer',
    data,
    range: rangeOf(first.node),
    path: flowPath(first.flow, first.label, context.locale),
    categories: categories.map((c) => c.id),
    processor: processor.id,
    suggestions: refused.flatMap((c) => alternativeSuggestion(context, rule, engine, c.label, c.label.category, processor)),
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
