/**
 * The FG's words for findings: what the catalogue says about a category and a processor, assembled once so every
 * message says it the same way.
 */
import { CONSENT_FROM, LEGAL_BASES, type Catalogue, type Category, type Processor } from '../../catalogue/model';

export function labels(catalogue: Catalogue, ids: readonly string[]): string {
  return list(ids.map((id) => catalogue.categories.get(id)?.label ?? id));
}

export function list(items: readonly string[]): string {
  if (items.length === 0) return 'nothing';
  if (items.length === 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

export function legalBasis(processor: Processor): string {
  const basis = LEGAL_BASES[processor.legalBasis];
  return processor.legalBasisNote ? `${basis}: ${processor.legalBasisNote}` : basis;
}

/** The agreement in words; "verwerkersovereenkomst" is added only when the reference does not say what it is. */
function agreement(processor: Processor): string | undefined {
  const reference = processor.agreement?.reference;
  if (!reference) return undefined;
  return /overeenkomst|convenant|agreement/i.test(reference) ? reference : `verwerkersovereenkomst ${reference}`;
}

/** Why a category may not go to a processor: which catalogue entry leaves it out, and the processor's basis. */
export function transferWhy(category: Category, processor: Processor): string {
  const agreed = agreement(processor);
  // Name what is missing rather than everything the processor may receive: a vendor's list runs to a dozen labels,
  // and the FG wants to see at a glance which entry would have to change.
  let why = `the catalogue does not list it in \`processors.${processor.id}.receives\`; legal basis of ${processor.label}: ${legalBasis(processor)}${agreed ? `; ${agreed}` : ''}.`;
  if (category.identifier) why += ' A national identifying number may only be processed where a law requires it (AVG art. 87, UAVG art. 46).';
  if (category.special) why += ' It is a bijzonder persoonsgegeven (AVG art. 9).';
  return why;
}

/** What to do: send the alternative the catalogue names, or leave the data out. */
export function transferTodo(catalogue: Catalogue, category: Category, processor: Processor): string {
  const alternative = category.alternative ? catalogue.categories.get(category.alternative) : undefined;
  if (alternative) {
    const sanitiser = catalogue.sanitisers.find((s) => s.produces === alternative.id && (s.removes.length === 0 || s.removes.includes(category.id)));
    const how = sanitiser ? ` (for example with \`${sanitiser.function}(…)\`)` : '';
    return `send the ${alternative.label} instead${how}, or leave ${category.label} out.`;
  }
  return `leave ${category.label} out of what is sent to ${processor.label}, or ask the FG to add it to \`processors.${processor.id}.receives\` if there is a legal basis for it.`;
}

export function consentFrom(processor: Processor): string {
  return processor.consent ? CONSENT_FROM[processor.consent.from] : CONSENT_FROM.parents;
}

export function consentChecks(processor: Processor): string {
  const checks = (processor.consent?.check ?? []).map((c) => `\`${c}(…)\``);
  if (checks.length === 0) return 'a consent check';
  if (checks.length === 1) return checks[0] ?? '';
  return `${checks.slice(0, -1).join(', ')} or ${checks[checks.length - 1] ?? ''}`;
}
