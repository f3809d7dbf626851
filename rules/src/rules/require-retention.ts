/**
 * `require-retention`: personal data may be kept no longer than its purpose needs (AVG art. 5(1)(e)). Every place
 * that stores catalogued data says how long, with JSDoc `@retention <term-id>` naming a bewaartermijn from the
 * catalogue, and that term may not be longer than the catalogue allows for the strictest category stored.
 *
 * A Redis write that sets a TTL documents its own retention: it needs no tag when the TTL fits the allowed terms,
 * and is reported (`ttlTooLong`) when it does not. A TTL that cannot be computed statically is trusted.
 */
import type { Category, RetentionTerm } from '../catalogue/model';
import type { Finding, Suggestion, TextRange } from '../finding';
import type { CheckContext } from '../analysis/context';
import { pathOf } from '../analysis/flow/describe';
import { findStorageSites, retentionTagOf, type RetentionTag, type StorageSite } from '../analysis/storage';
import { createRule, type RuleHelpers } from './rule';

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

export default createRule({
  id: 'require-retention',
  meta: {
    description: 'Require retention metadata (a bewaartermijn from the catalogue) wherever personal data is stored',
    requiresTypes: false,
    recommended: true,
    messages: {
      missingRetention:
        '{{store}} stores {{category}} without a bewaartermijn. Why: the catalogue allows {{allowed}} for this data. What to do: add `/** @retention {{suggested}} */` to the declaration.',
      unknownTerm:
        '`@retention {{term}}` is not a bewaartermijn in the catalogue. What to do: use one of {{allowed}}.',
      termTooLong:
        '{{store}} keeps {{category}} for {{term}} ({{termDuration}}), longer than the catalogue allows ({{allowed}}). Why: {{why}} What to do: use `@retention {{suggested}}`.',
      ttlTooLong:
        '{{store}} keeps {{category}} with a TTL of {{ttl}}, longer than the catalogue allows ({{allowed}}). What to do: lower the TTL or remove the data sooner.',
      addRetention: 'Add `@retention {{term}}` ({{label}})',
    } satisfies Record<MessageId, string>,
    schema: [],
    defaultOptions: [],
  },
  check(context, rule) {
    const findings: Finding[] = [];
    for (const site of findStorageSites(context)) {
      const finding = judge(context, rule, site);
      if (finding) findings.push(finding);
    }
    return findings;
  },
});

function judge(context: CheckContext, rule: RuleHelpers<MessageId>, site: StorageSite): Finding | undefined {
  const allowance = allowanceFor(context, site.categories);
  if (!allowance) return undefined;
  const tag = [site.declaration, ...site.alternativeDeclarations].map((n) => retentionTagOf(n, context.sourceFile)).find((t) => t !== undefined);
  const categoryLabels = site.categories.map((c) => c.label).join(', ');
  const allowed = describeTerms(allowance.terms);
  const suggested = allowance.terms[0]?.id ?? '';

  if (site.ttl !== undefined && site.ttl !== 'unresolved' && site.ttl.seconds / 86400 > allowance.maxDays) {
    return finding(rule, context, site, 'ttlTooLong', { store: site.store, category: allowance.strictest.label, ttl: describeSeconds(site.ttl.seconds), allowed }, []);
  }
  if (!tag) {
    if (site.ttl !== undefined) return undefined;
    return finding(rule, context, site, 'missingRetention', { store: site.store, category: categoryLabels, allowed, suggested }, insertSuggestions(rule, context, site, allowance));
  }
  const term = context.catalogue.retention.get(tag.term);
  if (!term) {
    return finding(rule, context, site, 'unknownTerm', { term: tag.term === '' ? '(leeg)' : tag.term, allowed }, replaceSuggestions(rule, allowance, tag));
  }
  if (term.days > allowance.maxDays) {
    const longest = allowance.terms.filter((t) => allowance.strictest.retention.includes(t.id)).sort((a, b) => b.days - a.days)[0];
    const why = `the catalogue keeps ${allowance.strictest.label} at most ${longest ? `${longest.duration} (${longest.label})` : `${Math.round(allowance.maxDays)} days`}; AVG art. 5(1)(e) allows no longer storage than the purpose needs.`;
    return finding(
      rule,
      context,
      site,
      'termTooLong',
      { store: site.store, category: allowance.strictest.label, term: term.id, termDuration: term.duration, allowed, why, suggested },
      replaceSuggestions(rule, allowance, tag),
    );
  }
  return undefined;
}

/** The strictest category and the terms that fit all stored categories. */
export function allowanceFor(context: CheckContext, categories: readonly Category[]): Allowance | undefined {
  const termsOf = (category: Category): RetentionTerm[] =>
    category.retention.map((id) => context.catalogue.retention.get(id)).filter((t): t is RetentionTerm => t !== undefined);
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

function describeTerms(terms: readonly RetentionTerm[]): string {
  return terms.map((t) => `\`${t.id}\` (${t.label}, ${t.duration})`).join(', ');
}

function describeSeconds(seconds: number): string {
  const days = seconds / 86400;
  if (days >= 1) return `${seconds} s (${Number.isInteger(days) ? days : days.toFixed(1)} days)`;
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
      ...(site.trace ? pathOf(site.trace) : []),
      {
        kind: 'sink',
        file: sourceFile.fileName,
        range,
        line: position.line + 1,
        column: position.character + 1,
        description: `${site.store} stores ${site.categories.map((c) => c.label).join(', ')}`,
      },
    ],
    categories: site.categories.map((c) => c.id),
    suggestions,
  });
}
