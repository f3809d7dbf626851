/**
 * The steps of a finding's path as data: a phrase id and its arguments (`{ id: 'passedTo', args: { callee: 'f' } }`),
 * and one renderer per locale that turns a phrase into words. The analysis records phrases, not text: a trace that
 * never becomes a finding is never put into words, and a finding's path reads the same in every host, in the run's
 * locale. The arguments are what the code and the catalogue say (names as written, the FG's labels as written); only
 * avglint's own words are translated, here and in `wording.ts`.
 */
import type { Locale } from '../../catalogue/model';
import type { MatchReason } from './labels';

/** Why a source is a category: how it matched the catalogue, and under which member of the value it sits. */
export interface StepMatch {
  /** The category's label as the FG wrote it. */
  readonly category: string;
  readonly by: MatchReason;
  /** What matched, as written in the code: a name, a type, `Type.member`, a JSDoc tag without `@`, a brand. */
  readonly matched: string;
  /** Where in the value the category sits (`ouder.adres`), when not the value itself. */
  readonly of?: string;
}

/** Where a sink sends data: a processor or host by its name, an npm package, or a destination avglint cannot name. */
export type StepDestination = { readonly kind: 'named'; readonly name: string } | { readonly kind: 'package'; readonly name: string } | { readonly kind: 'unknown' };

/** Where a sink sends data, when it sends anywhere: the destination and, when it says more, the URL as written. */
export interface StepSink {
  /** The library call or function as it is written (`fetch`, `axios.post`, `console.log`). */
  readonly api: string;
  readonly to?: StepDestination;
  readonly url?: string;
}

/** Where in the code a number was found (no-bsn-literal). */
export type LiteralPlace = 'number' | 'string' | 'jsx' | 'comment';

/** The arguments of every phrase, keyed by phrase id. */
export interface StepArgs {
  // Sources: where a category is read, and why it is that category.
  /** A name or expression that is the category (`bsn`). */
  readonly value: StepMatch & { readonly code: string };
  /** A member read (`leerling.bsn`). */
  readonly reads: StepMatch & { readonly code: string };
  /** An untyped value the same function casts to a type. */
  readonly cast: StepMatch & { readonly code: string; readonly type: string };
  /**
   * A member read or written elsewhere on the same untyped binding (`l.bsn`, `const { bsn } = l`): the whole value
   * holds it. `member` is the path from the binding (`adres.postcode`), `file` and `line` where it is read.
   */
  readonly hasMember: StepMatch & { readonly code: string; readonly member: string; readonly file: string; readonly line: number };
  /** A property written into an object that is sent (`{ bsn: … }`). */
  readonly sentAs: StepMatch & { readonly key: string };
  /** A library call whose result shape avglint knows. */
  readonly knownResult: StepMatch & { readonly callee: string; readonly library: string };
  /** A read of a restricted category (no-unauthorised-access). */
  readonly readsCategory: StepMatch;
  /** A sanitiser's result: the category it produces. */
  readonly producedBy: { readonly fn: string };

  // Steps: how the data moves.
  readonly assignedTo: { readonly name: string };
  readonly destructuredAs: { readonly name: string };
  readonly storedInField: { readonly name: string };
  readonly storedIn: { readonly target: string };
  readonly returnedByGetter: { readonly name: string };
  readonly parameter: { readonly name: string };
  readonly defaultOf: { readonly name: string };
  readonly elementGivenTo: { readonly method: string };
  readonly resolvedGivenToThen: Record<string, never>;
  readonly resolvedIntoPromise: Record<string, never>;
  readonly putIn: { readonly key: string };
  readonly spreadIntoObject: Record<string, never>;
  readonly templateLiteral: Record<string, never>;
  readonly concatenated: Record<string, never>;
  readonly passedThrough: { readonly callee: string };
  readonly jsonStringify: Record<string, never>;
  readonly computedBy: { readonly fn: string };
  readonly returnedByCallback: Record<string, never>;
  readonly addedBy: { readonly method: string };
  readonly returned: Record<string, never>;
  readonly returnedBy: { readonly callee: string };
  readonly passedTo: { readonly callee: string };
  readonly sentByCall: { readonly callee: string };
  readonly storedBy: { readonly callee: string };
  /** A URL (or its host) read from the response of a request to a processor: the processor and where it asked. */
  readonly urlFromResponse: { readonly processor: string; readonly file: string; readonly line: number };

  // Sinks: where the data ends.
  readonly sentBy: StepSink;
  readonly loggedBy: StepSink;
  /** A store (an entity, a write) and the categories it stores, as the FG labelled them; `store` absent: unnamed. */
  readonly stores: { readonly store?: string; readonly categories: readonly string[] };

  // Single-step findings.
  readonly literalPasses: { readonly value: string; readonly place: LiteralPlace; readonly check: string };
  readonly disablesWithoutReason: { readonly rules: string };
  readonly suppressionExpired: { readonly until: string };
}

export type StepPhraseId = keyof StepArgs;

/** One step in words-to-be: its phrase id and the arguments the phrase is filled with. */
export type StepPhrase = { readonly [K in StepPhraseId]: { readonly id: K; readonly args: StepArgs[K] } }[StepPhraseId];

/** A phrase, typed by its id. */
export function phrase<K extends StepPhraseId>(id: K, args: StepArgs[K]): StepPhrase {
  return { id, args } as StepPhrase;
}

const NONE: Record<string, never> = {};

/** Phrases without arguments, made once: they are recorded on every step of that kind. */
export const PHRASES_WITHOUT_ARGS = {
  resolvedGivenToThen: phrase('resolvedGivenToThen', NONE),
  resolvedIntoPromise: phrase('resolvedIntoPromise', NONE),
  spreadIntoObject: phrase('spreadIntoObject', NONE),
  templateLiteral: phrase('templateLiteral', NONE),
  concatenated: phrase('concatenated', NONE),
  jsonStringify: phrase('jsonStringify', NONE),
  returnedByCallback: phrase('returnedByCallback', NONE),
  returned: phrase('returned', NONE),
} as const;

const code = (text: string): string => `\`${text}\``;

/** How a category matched, per locale: `name \`bsn\`` / `naam \`bsn\``. */
const MATCHED_BY: Readonly<Record<Locale, Readonly<Record<MatchReason, string>>>> = {
  en: { name: 'name', type: 'type', member: 'member', tag: 'JSDoc tag', brand: 'brand', sanitiser: 'sanitiser' },
  nl: { name: 'naam', type: 'type', member: 'eigenschap', tag: 'JSDoc-tag', brand: 'merktype', sanitiser: 'opschoonfunctie' },
};

/** How a category matched, in words: "name `bsn`", "JSDoc tag `@zorg`"; the hover's "classified by" says it too. */
export function matchText(by: MatchReason, matched: string, locale: Locale): string {
  return `${MATCHED_BY[locale][by]} ${code(by === 'tag' ? `@${matched}` : matched)}`;
}

/** `BSN (by name \`bsn\` of \`ouder\`)`: the category and why, after what the source is. */
function because(m: StepMatch, locale: Locale): string {
  const matched = matchText(m.by, m.matched, locale);
  if (locale === 'nl') return `${m.category} (herkend aan ${matched}${m.of !== undefined ? ` van ${code(m.of)}` : ''})`;
  return `${m.category} (by ${matched}${m.of !== undefined ? ` of ${code(m.of)}` : ''})`;
}

const DESTINATION: Readonly<Record<Locale, { package: (name: string) => string; unknown: string }>> = {
  en: { package: (name) => `npm package ${code(name)}`, unknown: 'an unknown destination' },
  nl: { package: (name) => `npm-pakket ${code(name)}`, unknown: 'een onbekende bestemming' },
};

function destination(sink: StepSink, locale: Locale): string {
  const to = sink.to;
  if (!to) return '';
  const name = to.kind === 'named' ? to.name : to.kind === 'package' ? DESTINATION[locale].package(to.name) : DESTINATION[locale].unknown;
  return ` ${locale === 'nl' ? 'naar' : 'to'} ${name}${sink.url !== undefined ? ` (${sink.url})` : ''}`;
}

const LITERAL_PLACE: Readonly<Record<Locale, Readonly<Record<LiteralPlace, string>>>> = {
  en: { number: 'a numeric literal', string: 'a string', jsx: 'JSX text', comment: 'a comment' },
  nl: { number: 'een getal', string: 'een string', jsx: 'JSX-tekst', comment: 'commentaar' },
};

type Renderers = { readonly [K in StepPhraseId]: (args: StepArgs[K]) => string };

/** Every phrase in English and Dutch. A phrase id without a rendering in a locale does not compile. */
export const STEP_PHRASES: Readonly<Record<Locale, Renderers>> = {
  en: {
    value: (a) => `${code(a.code)}: ${because(a, 'en')}`,
    reads: (a) => `reads ${code(a.code)}: ${because(a, 'en')}`,
    cast: (a) => `${code(a.code)}, cast to ${code(a.type)} in this function: ${because(a, 'en')}`,
    hasMember: (a) => `${code(a.code)} has member ${code(a.member)} (read at ${a.file}:${a.line}): ${because(a, 'en')}`,
    sentAs: (a) => `sent as ${code(a.key)}: ${because(a, 'en')}`,
    knownResult: (a) => `returned by ${code(a.callee)} (${a.library}, known result shape): ${because(a, 'en')}`,
    readsCategory: (a) => `reads ${because(a, 'en')}`,
    producedBy: (a) => `produced by ${code(a.fn)}`,
    assignedTo: (a) => `assigned to ${code(a.name)}`,
    destructuredAs: (a) => `destructured as ${code(a.name)}`,
    storedInField: (a) => `stored in field ${code(a.name)}`,
    storedIn: (a) => `stored in ${code(a.target)}`,
    returnedByGetter: (a) => `returned by getter ${code(a.name)}`,
    parameter: (a) => `parameter ${code(a.name)}`,
    defaultOf: (a) => `default of ${code(a.name)}`,
    elementGivenTo: (a) => `element given to ${code(a.method)}`,
    resolvedGivenToThen: () => 'resolved value given to `then`',
    resolvedIntoPromise: () => 'resolved into the promise',
    putIn: (a) => `put in ${code(a.key)}`,
    spreadIntoObject: () => 'spread into an object',
    templateLiteral: () => 'put into a template literal',
    concatenated: () => 'concatenated',
    passedThrough: (a) => `passed through ${code(a.callee)}`,
    jsonStringify: () => 'turned into JSON by `JSON.stringify`',
    computedBy: (a) => `computed by ${code(a.fn)}`,
    returnedByCallback: () => 'returned by the callback',
    addedBy: (a) => `added by ${code(a.method)}`,
    returned: () => 'returned',
    returnedBy: (a) => `returned by ${code(a.callee)}`,
    passedTo: (a) => `passed to ${code(a.callee)}`,
    sentByCall: (a) => `sent by ${code(a.callee)}`,
    storedBy: (a) => `stored by ${code(a.callee)}`,
    urlFromResponse: (a) => `URL from the response of ${a.processor} at ${a.file}:${a.line}`,
    sentBy: (a) => `sent by ${code(a.api)}${destination(a, 'en')}`,
    loggedBy: (a) => `written to the log by ${code(a.api)}${destination(a, 'en')}`,
    stores: (a) => `${a.store ?? 'the store'} stores ${a.categories.join(', ')}`,
    literalPasses: (a) => `${a.value} in ${LITERAL_PLACE.en[a.place]} passes the ${a.check}`,
    disablesWithoutReason: (a) => `disables ${a.rules} without a reason`,
    suppressionExpired: (a) => `suppression expired on ${a.until}`,
  },
  nl: {
    value: (a) => `${code(a.code)}: ${because(a, 'nl')}`,
    reads: (a) => `leest ${code(a.code)}: ${because(a, 'nl')}`,
    cast: (a) => `${code(a.code)}, in deze functie omgezet naar ${code(a.type)}: ${because(a, 'nl')}`,
    hasMember: (a) => `${code(a.code)} heeft eigenschap ${code(a.member)} (gelezen op ${a.file}:${a.line}): ${because(a, 'nl')}`,
    sentAs: (a) => `verstuurd als ${code(a.key)}: ${because(a, 'nl')}`,
    knownResult: (a) => `teruggegeven door ${code(a.callee)} (${a.library}, bekende resultaatvorm): ${because(a, 'nl')}`,
    readsCategory: (a) => `leest ${because(a, 'nl')}`,
    producedBy: (a) => `gemaakt door ${code(a.fn)}`,
    assignedTo: (a) => `toegekend aan ${code(a.name)}`,
    destructuredAs: (a) => `gedestructureerd als ${code(a.name)}`,
    storedInField: (a) => `opgeslagen in veld ${code(a.name)}`,
    storedIn: (a) => `opgeslagen in ${code(a.target)}`,
    returnedByGetter: (a) => `teruggegeven door getter ${code(a.name)}`,
    parameter: (a) => `binnengekomen als parameter ${code(a.name)}`,
    defaultOf: (a) => `standaardwaarde van ${code(a.name)}`,
    elementGivenTo: (a) => `element doorgegeven aan ${code(a.method)}`,
    resolvedGivenToThen: () => 'opgeleverde waarde doorgegeven aan `then`',
    resolvedIntoPromise: () => 'opgeleverd als waarde van de promise',
    putIn: (a) => `gezet in ${code(a.key)}`,
    spreadIntoObject: () => 'uitgespreid in een object',
    templateLiteral: () => 'ingevoegd in een template-literal',
    concatenated: () => 'samengevoegd',
    passedThrough: (a) => `doorgegeven via ${code(a.callee)}`,
    jsonStringify: () => 'omgezet naar JSON door `JSON.stringify`',
    computedBy: (a) => `berekend door ${code(a.fn)}`,
    returnedByCallback: () => 'teruggegeven door de callback',
    addedBy: (a) => `toegevoegd door ${code(a.method)}`,
    returned: () => 'teruggegeven',
    returnedBy: (a) => `teruggegeven door ${code(a.callee)}`,
    passedTo: (a) => `doorgegeven aan ${code(a.callee)}`,
    sentByCall: (a) => `verstuurd door ${code(a.callee)}`,
    storedBy: (a) => `opgeslagen door ${code(a.callee)}`,
    urlFromResponse: (a) => `URL uit het antwoord van ${a.processor} op ${a.file}:${a.line}`,
    sentBy: (a) => `verstuurd door ${code(a.api)}${destination(a, 'nl')}`,
    loggedBy: (a) => `naar het log geschreven door ${code(a.api)}${destination(a, 'nl')}`,
    stores: (a) => `${a.store ?? 'de opslag'} slaat ${a.categories.join(', ')} op`,
    literalPasses: (a) => `${a.value} in ${LITERAL_PLACE.nl[a.place]} voldoet aan de ${a.check}`,
    disablesWithoutReason: (a) => `zet ${a.rules} uit zonder reden`,
    suppressionExpired: (a) => `uitzondering verlopen op ${a.until}`,
  },
};

/** A step in words, in `locale`. */
export function renderStep(step: StepPhrase, locale: Locale): string {
  // The mapped type pairs each id with its arguments; TypeScript cannot follow that through an indexed call.
  return (STEP_PHRASES[locale][step.id] as (args: StepArgs[StepPhraseId]) => string)(step.args);
}

/** The kinds of step, in words: the frame of a path in `scan`, the hover and related information. */
export const STEP_KINDS: Readonly<Record<Locale, Readonly<Record<'source' | 'step' | 'sink', string>>>> = {
  en: { source: 'source', step: 'step', sink: 'sink' },
  nl: { source: 'bron', step: 'stap', sink: 'eindpunt' },
};

/** The phrases that start a trace: what the source is, then why it is the category (`StepMatch`). */
export type SourcePhraseId = 'value' | 'reads' | 'cast' | 'hasMember' | 'sentAs' | 'knownResult';

/** What a source is, before the match is known: a source phrase without its `StepMatch` arguments. */
export type SourceWhat = { readonly [K in SourcePhraseId]: { readonly id: K; readonly args: Omit<StepArgs[K], keyof StepMatch> } }[SourcePhraseId];

/** The source phrase for one match. */
export function sourcePhrase(what: SourceWhat, match: StepMatch): StepPhrase {
  return { id: what.id, args: { ...what.args, ...match } } as StepPhrase;
}
