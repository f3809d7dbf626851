/**
 * `catalogue`: the rule under which a host reports what stops avglint from checking a file — a catalogue that is
 * missing or broken (every problem with its file, line and column), or a file it could not analyse — so those
 * problems have their own id (`avglint/catalogue`) instead of appearing under an unrelated rule. The problems
 * themselves come from the catalogue loader and the analysis (`Problem`s); this rule has no check of its own.
 */
import { createRule, type RuleMessage } from './rule';

type MessageId = 'catalogueProblem' | 'analysisProblem';

export default createRule({
  id: 'catalogue',
  meta: {
    description: 'Require a catalogue avglint can use, and report files it could not analyse (fail closed)',
    requiresTypes: false,
    recommended: true,
    messages: {
      catalogueProblem: {
        nl: { summary: 'avglint kan dit bestand niet controleren: de catalogus ontbreekt of is ongeldig', detail: '{{problems}}' },
        en: { summary: 'avglint cannot check this file: the catalogue is missing or invalid', detail: '{{problems}}' },
      },
      analysisProblem: {
        nl: { summary: 'avglint kon dit bestand niet volledig analyseren', detail: '{{problem}}' },
        en: { summary: 'avglint could not fully analyse this file', detail: '{{problem}}' },
      },
    } satisfies Record<MessageId, RuleMessage>,
    schema: [],
    defaultOptions: [],
  },
  check() {
    return [];
  },
});
