/**
 * The FG's words for findings, in Dutch and English: what the catalogue says about a category and a processor,
 * assembled once so every message says it the same way. Labels the FG wrote in the catalogue are used as written, in
 * either locale; only avglint's own words are translated (an English message does not say "2 years after het
 * vertrek…", a Dutch one does not say "legal basis").
 */
import { CLOCK_STARTS, CONSENT_FROM, LEGAL_BASES, type Catalogue, type Category, type ClockStart, type ConsentFrom, type LegalBasis, type Processor } from '../../catalogue/model';
import type { Locale } from '../../catalogue/model';
import { parseDuration } from '../../catalogue/duration';

/** The legal bases in English; the Dutch words are the catalogue model's `LEGAL_BASES`. */
const LEGAL_BASES_EN: Readonly<Record<LegalBasis, string>> = {
  consent: 'consent (AVG art. 6(1)(a))',
  contract: 'performance of a contract (AVG art. 6(1)(b))',
  'legal-obligation': 'legal obligation (AVG art. 6(1)(c))',
  'vital-interest': 'vital interests (AVG art. 6(1)(d))',
  'public-task': 'public task (AVG art. 6(1)(e))',
  'legitimate-interest': 'legitimate interests (AVG art. 6(1)(f))',
};

const CLOCK_STARTS_EN: Readonly<Record<ClockStart, string>> = {
  collection: 'collection',
  'leaving-school': 'the pupil leaves the school (deregistration)',
  'end-of-school-year': 'the end of the school year',
  'incident-closed': 'the incident is closed',
  'procedure-closed': 'the procedure is closed (objection, complaint, court case)',
  'consent-withdrawn': 'consent is withdrawn',
  'contract-ended': 'the contract ends',
  'exam-result': 'the exam result',
};

const CONSENT_FROM_EN: Readonly<Record<ConsentFrom, string>> = {
  parents: 'the parents or guardians',
  pupil: 'the pupil',
  'parents-until-16': 'the parents or guardians, from 16 the pupil',
};

/** Words avglint itself puts into messages, per locale. */
export const WORDS = {
  nl: { and: 'en', or: 'of', nothing: 'niets' },
  en: { and: 'and', or: 'or', nothing: 'nothing' },
} as const satisfies Record<Locale, Record<string, string>>;

const DURATION_UNITS: Readonly<Record<Locale, Readonly<Record<'years' | 'months' | 'weeks' | 'days', readonly [string, string]>>>> = {
  en: { years: ['year', 'years'], months: ['month', 'months'], weeks: ['week', 'weeks'], days: ['day', 'days'] },
  nl: { years: ['jaar', 'jaar'], months: ['maand', 'maanden'], weeks: ['week', 'weken'], days: ['dag', 'dagen'] },
};

/** An ISO 8601 bewaartermijn in words: `P1Y6M` is "1 year 6 months" / "1 jaar 6 maanden"; anything else as written. */
export function duration(iso: string, locale: Locale): string {
  const parsed = parseDuration(iso);
  if (!parsed) return iso;
  const units = DURATION_UNITS[locale];
  const parts: string[] = [];
  for (const unit of ['years', 'months', 'weeks', 'days'] as const) {
    const n = parsed[unit];
    if (n > 0) parts.push(`${n} ${n === 1 ? units[unit][0] : units[unit][1]}`);
  }
  return parts.join(' ') || iso;
}

export function legalBasisName(basis: LegalBasis, locale: Locale): string {
  return locale === 'nl' ? LEGAL_BASES[basis] : LEGAL_BASES_EN[basis];
}

export function clockStart(starts: ClockStart, locale: Locale): string {
  return locale === 'nl' ? CLOCK_STARTS[starts] : CLOCK_STARTS_EN[starts];
}

export function labels(catalogue: Catalogue, ids: readonly string[], locale: Locale): string {
  return list(ids.map((id) => catalogue.categories.get(id)?.label ?? id), locale);
}

/** `a`, `a and b`, `a, b and c` (`en` in Dutch). */
export function list(items: readonly string[], locale: Locale, conjunction: 'and' | 'or' = 'and'): string {
  const word = WORDS[locale][conjunction];
  if (items.length === 0) return WORDS[locale].nothing;
  if (items.length === 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${word} ${items[items.length - 1] ?? ''}`;
}

/**
 * The categories of one finding for its summary: the labels as the FG wrote them while they fit in a short phrase,
 * else the first and how many more ("Burgerservicenummer (BSN) + 2 more"), so a summary stays one short sentence
 * however many categories a call carries; the detail names every one.
 */
export function shortList(items: readonly string[], locale: Locale): string {
  const all = list(items, locale);
  if (items.length <= 1 || all.length <= SHORT_LIST) return all;
  const more = items.length - 1;
  return `${items[0] ?? ''} ${locale === 'nl' ? `+ ${more} andere` : `+ ${more} more`}`;
}

/** The longest list of labels a summary names in full. */
const SHORT_LIST = 40;

export function legalBasis(processor: Processor, locale: Locale): string {
  const basis = legalBasisName(processor.legalBasis, locale);
  return processor.legalBasisNote ? `${basis}: ${processor.legalBasisNote}` : basis;
}

/** The agreement in words; "verwerkersovereenkomst" is added only when the reference does not say what it is. */
function agreement(processor: Processor, locale: Locale): string | undefined {
  const reference = processor.agreement?.reference;
  if (!reference) return undefined;
  if (/overeenkomst|convenant|agreement/i.test(reference)) return reference;
  return locale === 'nl' ? `verwerkersovereenkomst ${reference}` : `processing agreement (verwerkersovereenkomst) ${reference}`;
}

/**
 * Why categories may not go to a processor: which catalogue entry leaves them out, and the processor's basis — said
 * once for all the categories of one call.
 */
export function transferWhy(categories: readonly Category[], processor: Processor, locale: Locale): string {
  const agreed = agreement(processor, locale);
  const what = list(categories.map((c) => c.label), locale);
  // Name what is missing rather than everything the processor may receive: a vendor's list runs to a dozen labels,
  // and the FG wants to see at a glance which entry would have to change.
  let why =
    locale === 'nl'
      ? `de catalogus noemt ${what} niet in \`processors.${processor.id}.receives\`; grondslag van ${processor.label}: ${legalBasis(processor, locale)}${agreed ? `; ${agreed}` : ''}.`
      : `the catalogue does not list ${what} in \`processors.${processor.id}.receives\`; legal basis of ${processor.label}: ${legalBasis(processor, locale)}${agreed ? `; ${agreed}` : ''}.`;
  if (categories.some((c) => c.identifier)) {
    why += locale === 'nl' ? ' Een nationaal identificatienummer mag alleen worden verwerkt waar een wet dat vereist (AVG art. 87, UAVG art. 46).' : ' A national identifying number may only be processed where a law requires it (AVG art. 87, UAVG art. 46).';
  }
  const special = categories.filter((c) => c.special).map((c) => c.label);
  if (special.length > 0) why += locale === 'nl' ? ` ${list(special, locale)}: bijzonder persoonsgegeven (AVG art. 9).` : ` ${list(special, locale)}: a special category of personal data (AVG art. 9).`;
  return why;
}

/** What to do: send the alternative the catalogue names, or leave the data out. */
export function transferTodo(catalogue: Catalogue, categories: readonly Category[], processor: Processor, locale: Locale): string {
  const parts: string[] = [];
  const without: Category[] = [];
  for (const category of categories) {
    const alternative = category.alternative ? catalogue.categories.get(category.alternative) : undefined;
    if (!alternative) {
      without.push(category);
      continue;
    }
    const sanitiser = catalogue.sanitisers.find((s) => s.produces === alternative.id && (s.removes.length === 0 || s.removes.includes(category.id)));
    const how = sanitiser ? (locale === 'nl' ? ` (bijvoorbeeld met \`${sanitiser.function}(…)\`)` : ` (for example with \`${sanitiser.function}(…)\`)`) : '';
    parts.push(locale === 'nl' ? `stuur ${alternative.label} in plaats van ${category.label}${how}` : `send the ${alternative.label} instead of ${category.label}${how}`);
  }
  if (without.length > 0) {
    const what = list(without.map((c) => c.label), locale);
    parts.push(
      locale === 'nl'
        ? `laat ${what} weg uit wat naar ${processor.label} gaat, of vraag de FG het toe te voegen aan \`processors.${processor.id}.receives\` als er een grondslag voor is`
        : `leave ${what} out of what is sent to ${processor.label}, or ask the FG to add it to \`processors.${processor.id}.receives\` if there is a legal basis for it`,
    );
  }
  return `${parts.join('; ')}.`;
}

export function consentFrom(processor: Processor, locale: Locale): string {
  const from = processor.consent?.from ?? 'parents';
  return locale === 'nl' ? CONSENT_FROM[from] : CONSENT_FROM_EN[from];
}

export function consentChecks(processor: Processor, locale: Locale): string {
  const checks = (processor.consent?.check ?? []).map((c) => `\`${c}(…)\``);
  if (checks.length === 0) return locale === 'nl' ? 'een toestemmingscheck' : 'a consent check';
  return list(checks, locale, 'or');
}
