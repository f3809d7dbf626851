/**
 * Hover on code: for data the catalogue classifies, what it is (category, special or not, identifier, bewaartermijn,
 * who may receive it and on which legal basis); on a flagged place, the finding with its whole flow path.
 */
import * as path from 'node:path';
import { classifyAt, clockStart, legalBasisName, type Catalogue, type Category, type CategoryAt, type ClassificationAt, type Finding, type FlowStep } from '@avglint/rules';
import { MarkupKind, type Hover } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import type { AnalysisTarget } from './projects';

/** What the core's classifier says about the name at `offset`, with the catalogue's category for each. */
function categoriesAt(target: AnalysisTarget, catalogue: Catalogue, offset: number): { classification?: ClassificationAt; entries: { category: Category; at: CategoryAt }[] } {
  const classification = classifyAt({ sourceFile: target.sourceFile, program: target.program, catalogue }, offset);
  const entries: { category: Category; at: CategoryAt }[] = [];
  for (const at of classification?.categories ?? []) {
    const category = catalogue.categories.get(at.category);
    if (category) entries.push({ category, at });
  }
  return { classification, entries };
}

/** Why the code at the cursor is this category, in words: its name or type, a member, or the flow it came by. */
function describeMatch(at: CategoryAt, analysedFile: string): string {
  const member = at.member.length > 0 ? ` in its member \`${at.member.join('.')}\`` : '';
  if (at.reason === 'flow' && at.path.length > 0) {
    return [`Carries this data${member}, by this path:`, '', ...at.path.map((step, i) => describeStep(step, i, analysedFile))].join('\n');
  }
  return `Classified by ${at.detail || at.reason}${member}.`;
}

function describeDuration(iso: string): string {
  const m = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/.exec(iso);
  if (!m) return iso;
  const parts: string[] = [];
  const unit = (value: string | undefined, one: string, many: string): void => {
    if (value) parts.push(`${value} ${value === '1' ? one : many}`);
  };
  unit(m[1], 'year', 'years');
  unit(m[2], 'month', 'months');
  unit(m[3], 'week', 'weeks');
  unit(m[4], 'day', 'days');
  return parts.join(' ') || iso;
}

export function describeCategory(catalogue: Catalogue, category: Category): string {
  const lines: string[] = [`**${category.label}** — catalogue category \`${category.id}\``];
  if (category.description) lines.push('', category.description);
  lines.push('');
  lines.push(`- Special category (bijzondere persoonsgegevens, AVG art. 9): ${category.special ? '**yes**' : 'no'}`);
  if (category.identifier) {
    const alternative = category.alternative ? catalogue.categories.get(category.alternative) : undefined;
    lines.push(`- National identifying number (AVG art. 87, UAVG art. 46): **yes**${alternative ? ` — use ${alternative.label} (\`${alternative.id}\`) instead where the law does not require this one` : ''}`);
  }
  const terms = category.retention.map((id, i) => {
    const term = catalogue.retention.get(id);
    if (!term) return `\`${id}\``;
    const bounds = [term.minimum ? `at least ${describeDuration(term.minimum)}` : '', term.maximum ? `at most ${describeDuration(term.maximum)}` : ''].filter(Boolean).join(', ');
    // The hover is in English: the clock's start in English too ("2 years after the pupil leaves the school", not
    // "2 years after het vertrek…"); the FG's own labels stay as written.
    return `${term.label} (\`${id}\`: ${describeDuration(term.duration)} after ${clockStart(term.starts, 'en')}${bounds ? `; ${bounds}` : ''})${i === 0 ? ' — default' : ''}`;
  });
  lines.push(`- Bewaartermijn: ${terms.join('; ')}`);
  const receivers = [...catalogue.processors.values()].filter((p) => p.receives.includes(category.id));
  if (receivers.length === 0) lines.push('- May be sent to: no processor or recipient in the catalogue');
  else {
    lines.push('- May be sent to:');
    for (const p of receivers) {
      const basis = `${legalBasisName(p.legalBasis, 'en')}${p.legalBasisNote ? ` — ${p.legalBasisNote}` : ''}`;
      const agreement = p.agreement ? `; agreement ${p.agreement.reference}${p.agreement.ends ? ` until ${p.agreement.ends}` : ''}` : '';
      lines.push(`  - ${p.label} (\`${p.id}\`, ${p.role === 'processor' ? 'verwerker' : 'ontvanger'}): ${basis}${agreement}`);
    }
  }
  const access = catalogue.access.get(category.id);
  if (access) {
    const who = [
      access.paths.length ? `code under ${access.paths.map((g) => `\`${g}\``).join(', ')}` : '',
      access.roles.length ? `role ${access.roles.map((r) => `\`@role ${r}\``).join(', ')}` : '',
      access.purposes.length ? `purpose ${access.purposes.map((r) => `\`@purpose ${r}\``).join(', ')}` : '',
    ].filter(Boolean);
    lines.push(`- Restricted: may only be read by ${who.join(' or ')}`);
  }
  if (category.source) lines.push(`- Source: ${category.source}`);
  // A file link with a line fragment opens the entry in VS Code and in most Markdown-aware hovers.
  const entry = `${URI.file(category.location.file).toString()}#L${category.location.line}`;
  lines.push(`- Defined in [${path.basename(category.location.file)}:${category.location.line}](${entry})`);
  return lines.join('\n');
}

export function describeStep(step: FlowStep, index: number, analysedFile: string): string {
  const where = step.file === analysedFile ? `line ${step.line}` : `${path.basename(step.file)}:${step.line}`;
  return `${index + 1}. **${step.kind}** — ${step.description} (${where})`;
}

export function describeFinding(finding: Finding, analysedFile: string): string {
  const lines = [`**avglint/${finding.ruleId}**: ${finding.summary}`];
  // Each line of the detail (why, what to do) as its own paragraph.
  if (finding.detail !== '') for (const line of finding.detail.split('\n')) lines.push('', line);
  if (finding.path.length > 1) {
    lines.push('', 'Flow, from source to sink:', '');
    finding.path.forEach((step, i) => lines.push(describeStep(step, i, analysedFile)));
  }
  return lines.join('\n');
}

export function codeHover(document: TextDocument, offset: number, target: AnalysisTarget | undefined, catalogue: Catalogue | undefined, findings: readonly Finding[]): Hover | null {
  const sections: string[] = [];
  const fileName = target?.sourceFile.fileName ?? '';
  for (const finding of findings) {
    if (finding.range.start <= offset && offset <= finding.range.end) sections.push(describeFinding(finding, fileName));
  }
  let range: Hover['range'];
  if (target && catalogue) {
    const { classification, entries } = categoriesAt(target, catalogue, offset);
    for (const { category, at } of entries) sections.push(`${describeCategory(catalogue, category)}\n\n${describeMatch(at, fileName)}`);
    if (classification && entries.length > 0) range = { start: document.positionAt(classification.range.start), end: document.positionAt(classification.range.end) };
  }
  if (sections.length === 0) return null;
  return { contents: { kind: MarkupKind.Markdown, value: sections.join('\n\n---\n\n') }, range };
}
