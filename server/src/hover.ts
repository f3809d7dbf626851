/**
 * Hover on code: for data the catalogue classifies, what it is (category, special or not, identifier, bewaartermijn,
 * who may receive it and on which legal basis); on a flagged place, the finding with its whole flow path. All of it in
 * the run's locale: the findings' words come from the core, the frame's words from `HOVER_WORDS`; the FG's labels,
 * descriptions and notes are shown as written.
 */
import * as path from 'node:path';
import { classifyAt, clockStart, duration, legalBasisName, STEP_KINDS, type Catalogue, type Category, type CategoryAt, type ClassificationAt, type Finding, type FlowStep, type Locale } from '@avglint/rules';
import { MarkupKind, type Hover } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import type { AnalysisTarget } from './projects';

/** The hover's own words, per locale. */
const HOVER_WORDS = {
  en: {
    carries: (member: string) => `Carries this data${member}, by this path:`,
    inMember: (member: string) => ` in its member \`${member}\``,
    classifiedBy: (what: string, member: string) => `Classified by ${what}${member}.`,
    flowReason: 'the flow',
    category: (id: string) => `catalogue category \`${id}\``,
    special: 'Special category (bijzondere persoonsgegevens, AVG art. 9)',
    yes: '**yes**',
    no: 'no',
    identifier: 'National identifying number (AVG art. 87, UAVG art. 46)',
    useInstead: (alternative: string) => ` — use ${alternative} instead where the law does not require this one`,
    atLeast: (d: string) => `at least ${d}`,
    atMost: (d: string) => `at most ${d}`,
    after: (d: string, start: string) => `${d} after ${start}`,
    default: ' — default',
    retention: 'Bewaartermijn',
    noReceivers: 'May be sent to: no processor or recipient in the catalogue',
    receivers: 'May be sent to:',
    agreement: (reference: string, ends: string | undefined) => `; agreement ${reference}${ends ? ` until ${ends}` : ''}`,
    codeUnder: (globs: string) => `code under ${globs}`,
    role: (roles: string) => `role ${roles}`,
    purpose: (purposes: string) => `purpose ${purposes}`,
    restricted: (who: string) => `Restricted: may only be read by ${who}`,
    or: ' or ',
    source: 'Source',
    defined: 'Defined in',
    line: (n: number) => `line ${n}`,
    flow: 'Flow, from source to sink:',
  },
  nl: {
    carries: (member: string) => `Bevat deze gegevens${member}, via dit pad:`,
    inMember: (member: string) => ` in de eigenschap \`${member}\``,
    classifiedBy: (what: string, member: string) => `Herkend aan ${what}${member}.`,
    flowReason: 'de gegevensstroom',
    category: (id: string) => `categorie \`${id}\` uit de catalogus`,
    special: 'Bijzonder persoonsgegeven (AVG art. 9)',
    yes: '**ja**',
    no: 'nee',
    identifier: 'Nationaal identificatienummer (AVG art. 87, UAVG art. 46)',
    useInstead: (alternative: string) => ` — gebruik ${alternative} waar de wet dit nummer niet vereist`,
    atLeast: (d: string) => `minstens ${d}`,
    atMost: (d: string) => `hoogstens ${d}`,
    after: (d: string, start: string) => `${d} na ${start}`,
    default: ' — standaard',
    retention: 'Bewaartermijn',
    noReceivers: 'Mag naar: geen verwerker of ontvanger in de catalogus',
    receivers: 'Mag naar:',
    agreement: (reference: string, ends: string | undefined) => `; overeenkomst ${reference}${ends ? ` tot ${ends}` : ''}`,
    codeUnder: (globs: string) => `code onder ${globs}`,
    role: (roles: string) => `rol ${roles}`,
    purpose: (purposes: string) => `doel ${purposes}`,
    restricted: (who: string) => `Beperkt: mag alleen worden gelezen door ${who}`,
    or: ' of ',
    source: 'Bron',
    defined: 'Vastgelegd in',
    line: (n: number) => `regel ${n}`,
    flow: 'Gegevensstroom, van bron tot eindpunt:',
  },
} as const satisfies Record<Locale, Record<string, unknown>>;

/** What the core's classifier says about the name at `offset`, with the catalogue's category for each. */
function categoriesAt(target: AnalysisTarget, catalogue: Catalogue, offset: number, locale: Locale): { classification?: ClassificationAt; entries: { category: Category; at: CategoryAt }[] } {
  const classification = classifyAt({ sourceFile: target.sourceFile, program: target.program, catalogue, locale }, offset);
  const entries: { category: Category; at: CategoryAt }[] = [];
  for (const at of classification?.categories ?? []) {
    const category = catalogue.categories.get(at.category);
    if (category) entries.push({ category, at });
  }
  return { classification, entries };
}

/** Why the code at the cursor is this category, in words: its name or type, a member, or the flow it came by. */
function describeMatch(at: CategoryAt, analysedFile: string, locale: Locale): string {
  const w = HOVER_WORDS[locale];
  const member = at.member.length > 0 ? w.inMember(at.member.join('.')) : '';
  if (at.reason === 'flow' && at.path.length > 0) {
    return [w.carries(member), '', ...at.path.map((step, i) => describeStep(step, i, analysedFile, locale))].join('\n');
  }
  return w.classifiedBy(at.detail || (at.reason === 'flow' ? w.flowReason : at.reason), member);
}

export function describeCategory(catalogue: Catalogue, category: Category, locale: Locale = 'en'): string {
  const w = HOVER_WORDS[locale];
  const lines: string[] = [`**${category.label}** — ${w.category(category.id)}`];
  if (category.description) lines.push('', category.description);
  lines.push('');
  lines.push(`- ${w.special}: ${category.special ? w.yes : w.no}`);
  if (category.identifier) {
    const alternative = category.alternative ? catalogue.categories.get(category.alternative) : undefined;
    lines.push(`- ${w.identifier}: ${w.yes}${alternative ? w.useInstead(`${alternative.label} (\`${alternative.id}\`)`) : ''}`);
  }
  const terms = category.retention.map((id, i) => {
    const term = catalogue.retention.get(id);
    if (!term) return `\`${id}\``;
    const bounds = [term.minimum ? w.atLeast(duration(term.minimum, locale)) : '', term.maximum ? w.atMost(duration(term.maximum, locale)) : ''].filter(Boolean).join(', ');
    // The duration and the clock's start in the hover's locale ("2 years after the pupil leaves the school", "2 jaar
    // na het vertrek…", never a mix); the FG's own labels stay as written.
    return `${term.label} (\`${id}\`: ${w.after(duration(term.duration, locale), clockStart(term.starts, locale))}${bounds ? `; ${bounds}` : ''})${i === 0 ? w.default : ''}`;
  });
  lines.push(`- ${w.retention}: ${terms.join('; ')}`);
  const receivers = [...catalogue.processors.values()].filter((p) => p.receives.includes(category.id));
  if (receivers.length === 0) lines.push(`- ${w.noReceivers}`);
  else {
    lines.push(`- ${w.receivers}`);
    for (const p of receivers) {
      const basis = `${legalBasisName(p.legalBasis, locale)}${p.legalBasisNote ? ` — ${p.legalBasisNote}` : ''}`;
      const agreement = p.agreement ? w.agreement(p.agreement.reference, p.agreement.ends) : '';
      lines.push(`  - ${p.label} (\`${p.id}\`, ${p.role === 'processor' ? 'verwerker' : 'ontvanger'}): ${basis}${agreement}`);
    }
  }
  const access = catalogue.access.get(category.id);
  if (access) {
    const who = [
      access.paths.length ? w.codeUnder(access.paths.map((g) => `\`${g}\``).join(', ')) : '',
      access.roles.length ? w.role(access.roles.map((r) => `\`@role ${r}\``).join(', ')) : '',
      access.purposes.length ? w.purpose(access.purposes.map((r) => `\`@purpose ${r}\``).join(', ')) : '',
    ].filter(Boolean);
    lines.push(`- ${w.restricted(who.join(w.or))}`);
  }
  if (category.source) lines.push(`- ${w.source}: ${category.source}`);
  // A file link with a line fragment opens the entry in VS Code and in most Markdown-aware hovers.
  const entry = `${URI.file(category.location.file).toString()}#L${category.location.line}`;
  lines.push(`- ${w.defined} [${path.basename(category.location.file)}:${category.location.line}](${entry})`);
  return lines.join('\n');
}

export function describeStep(step: FlowStep, index: number, analysedFile: string, locale: Locale = 'en'): string {
  const where = step.file === analysedFile ? HOVER_WORDS[locale].line(step.line) : `${path.basename(step.file)}:${step.line}`;
  return `${index + 1}. **${STEP_KINDS[locale][step.kind]}** — ${step.description} (${where})`;
}

export function describeFinding(finding: Finding, analysedFile: string, locale: Locale = 'en'): string {
  const lines = [`**avglint/${finding.ruleId}**: ${finding.summary}`];
  // Each line of the detail (why, what to do) as its own paragraph.
  if (finding.detail !== '') for (const line of finding.detail.split('\n')) lines.push('', line);
  if (finding.path.length > 1) {
    lines.push('', HOVER_WORDS[locale].flow, '');
    finding.path.forEach((step, i) => lines.push(describeStep(step, i, analysedFile, locale)));
  }
  return lines.join('\n');
}

/** The hover at `offset`, in `locale` (the run's: the client's setting, else the catalogue's `settings.locale`). */
export function codeHover(document: TextDocument, offset: number, target: AnalysisTarget | undefined, catalogue: Catalogue | undefined, findings: readonly Finding[], locale: Locale = 'en'): Hover | null {
  const sections: string[] = [];
  const fileName = target?.sourceFile.fileName ?? '';
  for (const finding of findings) {
    if (finding.range.start <= offset && offset <= finding.range.end) sections.push(describeFinding(finding, fileName, locale));
  }
  let range: Hover['range'];
  if (target && catalogue) {
    const { classification, entries } = categoriesAt(target, catalogue, offset, locale);
    for (const { category, at } of entries) sections.push(`${describeCategory(catalogue, category, locale)}\n\n${describeMatch(at, fileName, locale)}`);
    if (classification && entries.length > 0) range = { start: document.positionAt(classification.range.start), end: document.positionAt(classification.range.end) };
  }
  if (sections.length === 0) return null;
  return { contents: { kind: MarkupKind.Markdown, value: sections.join('\n\n---\n\n') }, range };
}
