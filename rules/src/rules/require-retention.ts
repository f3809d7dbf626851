/**
 * `require-retention`: personal data may be kept no longer than its purpose needs (AVG art. 5(1)(e)). Every place
 * that stores catalogued data says how long, with JSDoc `@retention <term-id>` naming a bewaartermijn from the
 * catalogue, and that term may not be longer than the catalogue allows for the strictest category stored.
 *
 * A Redis write that sets a TTL documents its own retention: it needs no tag when the TTL fits the allowed terms,
 * and is reported (`ttlTooLong`) when it does not. A TTL that cannot be computed statically is trusted.
 */
// Default import: `import * as` would read every member through an esModuleInterop getter.
import ts from 'typescript';
import type { Catalogue, Category, RetentionTerm } from '../catalogue/model';
import type { Finding, Suggestion, TextRange } from '../finding';
import type { CheckContext } from '../analysis/context';
import { pathOf, placedStep } from '../analysis/flow/describe';
import { phrase, type StepPhrase } from '../analysis/flow/steps';
import { findStorageSites, retentionTagOf, type RetentionTag, type StorageSite } from '../analysis/storage';
import type { StorageTtl } from '../analysis/storageWrites';
import { DEFAULT_LOCALE, type Locale } from '../catalogue/model';
import { createRule, renderMessage, type RuleHelpers, type RuleMessage } from './rule';
import { list, shortList } from '../analysis/flow/wording';
import type { StoreObservation } from '../analysis/observation';

type MessageId = 'missingRetention' | 'unknownTerm' | 'termTooLong' | 'ttlTooLong' | 'addRetention';

/** What the catalogue allows for a set of stored categories. */
interface Allowance {
  /** The category whose longest allowed term is the shortest: it bounds the whole site. */
  readonly strictest: Category;
  /** The longest term the strictest category allows, in days. */
  readonly maxDays: number;
  /** Terms to suggest and name as allowed: those listed for every stored category, else the strictest category's. */
  readonly terms: readonly RetentionTerm[];
}

const rule = createRule({
  id: 'require-retention',
  meta: {
    description: 'Require retention metadata (a bewaartermijn from the catalogue) wherever personal data is stored',
    requiresTypes: false,
    recommended: true,
    messages: {
      missingRetention: {
        nl: {
          summary: '{{category}} → {{store}}: geen bewaartermijn',
          detail: 'Waarom: de catalogus staat voor {{categories}} {{allowed}} toe.\nWat te doen: zet {{annotation}} {{place}}.',
        },
        en: {
          summary: '{{category}} → {{store}}: no bewaartermijn',
          detail: 'Why: the catalogue allows {{allowed}} for {{categories}}.\nWhat to do: add {{annotation}} {{place}}.',
        },
      },
      unknownTerm: {
        nl: { summary: '`@retention {{term}}` is geen bewaartermijn uit de catalogus', detail: 'Wat te doen: gebruik een van {{allowed}}.' },
        en: { summary: '`@retention {{term}}` is not a bewaartermijn in the catalogue', detail: 'What to do: use one of {{allowed}}.' },
      },
      termTooLong: {
        nl: {
          summary: '{{category}} → {{store}}: {{term}} te lang',
          detail: 'Waarom: {{term}} is {{termDuration}}; {{why}}\nWat te doen: gebruik `@retention {{suggested}}` (toegestaan: {{allowed}}).',
        },
        en: {
          summary: '{{category}} → {{store}}: {{term}} too long',
          detail: 'Why: {{term}} is {{termDuration}}; {{why}}\nWhat to do: use `@retention {{suggested}}` (allowed: {{allowed}}).',
        },
      },
      ttlTooLong: {
        nl: {
          summary: '{{category}} → {{store}}: TTL te lang',
          detail: 'Waarom: de TTL is {{ttl}}; de catalogus staat {{allowed}} toe.\nWat te doen: verlaag de TTL of verwijder de gegevens eerder.',
        },
        en: {
          summary: '{{category}} → {{store}}: TTL too long',
          detail: 'Why: the TTL is {{ttl}}; the catalogue allows {{allowed}}.\nWhat to do: lower the TTL or remove the data sooner.',
        },
      },
      addRetention: {
        nl: { summary: 'Voeg `@retention {{term}}` toe ({{label}})' },
        en: { summary: 'Add `@retention {{term}}` ({{label}})' },
      },
    } satisfies Record<MessageId, RuleMessage>,
    schema: [],
    defaultOptions: [],
  },
  check(context, rule) {
    const findings: Finding[] = [];
    for (const site of findStorageSites(context)) {
      const finding = judge(context, rule, site);
      if (finding) findings.push(finding);
      if (context.observe) observeStore(context, site, finding);
    }
    return findings;
  },
});

/** What `require-retention` says about a store: the message and its data, and the terms a fix may offer. */
export interface RetentionVerdict {
  readonly messageId: Exclude<MessageId, 'addRetention'>;
  readonly data: Record<string, string>;
  readonly allowance: Allowance;
}

/**
 * The judgement on stored categories, shared by every kind of store (TypeScript sites and Prisma schema models): a
 * TTL longer than allowed, no tag (unless a TTL documents the retention), a term the catalogue does not know, or a
 * term longer than the strictest category allows.
 */
export function judgeRetention(catalogue: Catalogue, categories: readonly Category[], tag: RetentionTag | undefined, ttl: StorageTtl | undefined, store: string, place: StorePlace, locale: Locale = DEFAULT_LOCALE): RetentionVerdict | undefined {
  const allowance = allowanceFor(catalogue, categories);
  if (!allowance) return undefined;
  const nl = locale === 'nl';
  const labels = categories.map((c) => c.label);
  const allowed = describeTerms(allowance.terms, locale);
  const suggested = allowance.terms[0]?.id ?? '';
  if (typeof ttl === 'object' && ttl.seconds / 86400 > allowance.maxDays) {
    return { messageId: 'ttlTooLong', data: { store, category: allowance.strictest.label, ttl: describeSeconds(ttl.seconds, locale), allowed }, allowance };
  }
  if (!tag) {
    if (ttl !== undefined) return undefined;
    return { messageId: 'missingRetention', data: { store, category: shortList(labels, locale), categories: list(labels, locale), allowed, suggested, annotation: place === 'model' ? `\`/// @retention ${suggested}\`` : `\`/** @retention ${suggested} */\``, place: PLACES[place][locale] }, allowance };
  }
  const term = catalogue.retention.get(tag.term);
  if (!term) return { messageId: 'unknownTerm', data: { term: tag.term === '' ? (nl ? '(leeg)' : '(empty)') : tag.term, allowed }, allowance };
  if (term.days > allowance.maxDays) {
    const longest = allowance.terms.filter((t) => allowance.strictest.retention.includes(t.id)).sort((a, b) => b.days - a.days)[0];
    const most = longest ? `${longest.duration} (${longest.label})` : nl ? `${Math.round(allowance.maxDays)} dagen` : `${Math.round(allowance.maxDays)} days`;
    const why = nl
      ? `de catalogus bewaart ${allowance.strictest.label} hoogstens ${most}; de AVG (art. 5 lid 1 sub e) staat niet langer bewaren toe dan het doel vraagt.`
      : `the catalogue keeps ${allowance.strictest.label} at most ${most}; AVG art. 5(1)(e) allows no longer storage than the purpose needs.`;
    return { messageId: 'termTooLong', data: { store, category: allowance.strictest.label, term: term.id, termDuration: term.duration, allowed, why, suggested }, allowance };
  }
  return undefined;
}

/** Where a `@retention` tag goes: on a declaration (an entity, a model), or on the statement that stores. */
export type StorePlace = 'declaration' | 'statement' | 'model';

const PLACES: Readonly<Record<StorePlace, Readonly<Record<Locale, string>>>> = {
  declaration: { nl: 'boven de declaratie', en: 'to the declaration' },
  statement: { nl: 'boven de regel die opslaat (of de functie eromheen)', en: 'above the statement that stores (or the function around it)' },
  model: { nl: 'boven het model in het Prisma-schema', en: 'above the model in the Prisma schema' },
};

/** Where a finding about a store outside a TypeScript file (a Prisma schema) is, and how its fixes edit the text. */
export interface RetentionPlace {
  readonly file: string;
  readonly range: TextRange;
  readonly line: number;
  readonly column: number;
  readonly categories: readonly Category[];
  /** Where a new tag is inserted, and the text that holds it. */
  readonly insertAt: number;
  insert(term: string): string;
  readonly tag: RetentionTag | undefined;
}

/** A verdict as a finding at a place in a file that is not TypeScript (no `CheckContext`: the message is filled here). */
export function retentionFinding(verdict: RetentionVerdict, place: RetentionPlace, locale: Locale = DEFAULT_LOCALE): Finding {
  const messages = rule.meta.messages;
  const helpers: RuleHelpers<MessageId> = {
    options: {},
    finding: (report) => ({ ruleId: rule.id, messageId: report.messageId, ...renderMessage(messages[report.messageId], report.data, locale), data: report.data, range: report.range, path: report.path, categories: report.categories, suggestions: report.suggestions ?? [] }),
    suggestion: (messageId, data, edits) => ({ messageId, message: renderMessage(messages[messageId], data, locale).summary, data, edits }),
  };
  const suggestions =
    verdict.messageId === 'ttlTooLong'
      ? []
      : verdict.messageId === 'missingRetention' || !place.tag
        ? verdict.allowance.terms.map((term) => suggestion(helpers, term, [{ range: { start: place.insertAt, end: place.insertAt }, text: place.insert(term.id) }]))
        : replaceSuggestions(helpers, verdict.allowance, place.tag);
  return helpers.finding({
    messageId: verdict.messageId,
    data: verdict.data,
    range: place.range,
    path: [placedStep({ kind: 'sink', file: place.file, range: place.range, line: place.line, column: place.column }, storesPhrase(verdict.data['store'], place.categories), locale)],
    categories: place.categories.map((c) => c.id),
    suggestions,
  });
}

/**
 * The `@retention` tag of a site: on its declaration or one of the alternatives, which may sit in another file (a store
 * wrapper's write). `here` says whether the tag is in the analysed file, where a suggestion can edit it.
 */
function tagOf(context: CheckContext, site: StorageSite): { tag: RetentionTag | undefined; here: boolean } {
  for (const node of [site.declaration, ...site.alternativeDeclarations]) {
    const file = node.getSourceFile();
    const tag = retentionTagOf(node, file);
    if (tag) return { tag, here: file === context.sourceFile };
  }
  return { tag: undefined, here: true };
}

function judge(context: CheckContext, rule: RuleHelpers<MessageId>, site: StorageSite): Finding | undefined {
  const { tag, here } = tagOf(context, site);
  const place: StorePlace = ts.isIdentifier(site.reportNode) || ts.isPrivateIdentifier(site.reportNode) ? 'declaration' : 'statement';
  const verdict = judgeRetention(context.catalogue, site.categories, tag, site.ttl, site.store, place, context.locale);
  if (!verdict) return undefined;
  const suggestions = verdict.messageId === 'ttlTooLong' ? [] : verdict.messageId === 'missingRetention' ? insertSuggestions(rule, context, site, verdict.allowance) : tag && here ? replaceSuggestions(rule, verdict.allowance, tag) : [];
  return finding(rule, context, site, verdict.messageId, verdict.data, suggestions);
}

const VERDICTS: Readonly<Record<string, StoreObservation['verdict']>> = {
  missingRetention: 'missing',
  ttlTooLong: 'too-long',
  termTooLong: 'too-long',
  unknownTerm: 'unknown-term',
};

/** Tells the report about a store, allowed or not: its declared term and this rule's verdict. */
function observeStore(context: CheckContext, site: StorageSite, finding: Finding | undefined): void {
  const { tag } = tagOf(context, site);
  const allowance = allowanceFor(context.catalogue, site.categories);
  context.observe?.({
    kind: 'store',
    range: { start: site.reportNode.getStart(context.sourceFile), end: site.reportNode.end },
    path: pathOf(site.trace, context.locale, { node: site.reportNode, phrase: storesPhrase(site.store, site.categories) }),
    categories: site.categories.map((c) => c.id),
    store: site.store,
    storeKind: site.kind,
    ...(tag && tag.term !== '' ? { term: tag.term } : {}),
    ...(typeof site.ttl === 'object' ? { ttlSeconds: site.ttl.seconds } : {}),
    ...(allowance ? { maxDays: allowance.maxDays } : {}),
    verdict: finding ? (VERDICTS[finding.messageId] ?? 'missing') : 'ok',
  });
}

/** The strictest category and the terms that fit all stored categories. */
export function allowanceFor(catalogue: Catalogue, categories: readonly Category[]): Allowance | undefined {
  const termsOf = (category: Category): RetentionTerm[] =>
    category.retention.map((id) => catalogue.retention.get(id)).filter((t): t is RetentionTerm => t !== undefined);
  let strictest: Category | undefined;
  let maxDays = Infinity;
  for (const category of categories) {
    const terms = termsOf(category);
    if (terms.length === 0) continue;
    const longest = Math.max(...terms.map((t) => t.days));
    if (longest < maxDays) {
      maxDays = longest;
      strictest = category;
    }
  }
  if (!strictest) return undefined;
  // Offer the terms the catalogue lists for every stored category (a table of BSNs and names: the leerlingdossier),
  // else the strictest category's own terms; a shorter term of another category (a one-day session term for camera
  // images) would pass, but it is not what the FG wrote for this data.
  const fitting = termsOf(strictest).filter((t) => t.days <= maxDays);
  const common = fitting.filter((t) => categories.every((c) => c.retention.length === 0 || c.retention.includes(t.id)));
  return { strictest, maxDays, terms: common.length > 0 ? common : fitting };
}

function describeTerms(terms: readonly RetentionTerm[], locale: Locale): string {
  return list(terms.map((t) => `\`${t.id}\` (${t.label}, ${t.duration})`), locale, 'or');
}

function describeSeconds(seconds: number, locale: Locale): string {
  const days = seconds / 86400;
  if (days >= 1) return `${seconds} s (${Number.isInteger(days) ? days : days.toFixed(1)} ${locale === 'nl' ? 'dagen' : 'days'})`;
  return `${seconds} s`;
}

/** One suggestion per allowed term, inserting `/** @retention <term> *\/` on its own line before the declaration. */
function insertSuggestions(rule: RuleHelpers<MessageId>, context: CheckContext, site: StorageSite, allowance: Allowance): Suggestion[] {
  const sourceFile = context.sourceFile;
  const start = site.declaration.getStart(sourceFile);
  const lineStart = sourceFile.getPositionOfLineAndCharacter(sourceFile.getLineAndCharacterOfPosition(start).line, 0);
  const before = sourceFile.text.slice(lineStart, start);
  const indent = /^\s*$/.test(before) ? before : '';
  const separator = /^\s*$/.test(before) ? `\n${indent}` : ' ';
  return allowance.terms.map((term) => suggestion(rule, term, [{ range: { start, end: start }, text: `/** @retention ${term.id} */${separator}` }]));
}

/** One suggestion per allowed term, replacing the term the tag names. */
function replaceSuggestions(rule: RuleHelpers<MessageId>, allowance: Allowance, tag: RetentionTag): Suggestion[] {
  const text = (id: string): string => (tag.term === '' ? ` ${id}` : id);
  return allowance.terms.map((term) => suggestion(rule, term, [{ range: tag.termRange, text: text(term.id) }]));
}

function suggestion(rule: RuleHelpers<MessageId>, term: RetentionTerm, edits: Suggestion['edits']): Suggestion {
  return rule.suggestion('addRetention', { term: term.id, label: `${term.label}, ${term.duration}` }, edits);
}

function finding(rule: RuleHelpers<MessageId>, context: CheckContext, site: StorageSite, messageId: MessageId, data: Record<string, string>, suggestions: Suggestion[]): Finding {
  const sourceFile = context.sourceFile;
  const range: TextRange = { start: site.reportNode.getStart(sourceFile), end: site.reportNode.end };
  const position = sourceFile.getLineAndCharacterOfPosition(range.start);
  return rule.finding({
    messageId,
    data,
    range,
    // For writes, the path shows where the stored data was read; a declaration is its own single step.
    path: [
      ...(site.trace ? pathOf(site.trace, context.locale) : []),
      placedStep({ kind: 'sink', file: sourceFile.fileName, range, line: position.line + 1, column: position.character + 1 }, storesPhrase(site.store, site.categories), context.locale),
    ],
    categories: site.categories.map((c) => c.id),
    suggestions,
  });
}

export default rule;

/** The sink step of a store: the store (unnamed when undefined) and the categories it stores, as the FG labelled them. */
function storesPhrase(store: string | undefined, categories: readonly Category[]): StepPhrase {
  const labels = categories.map((c) => c.label);
  return phrase('stores', store !== undefined ? { store, categories: labels } : { categories: labels });
}
