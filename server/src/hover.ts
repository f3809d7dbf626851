/**
 * Hover on code: for data the catalogue classifies, what it is (category, special or not, identifier, bewaartermijn,
 * who may receive it and on which legal basis); on a flagged place, the finding with its whole flow path.
 */
import * as path from 'node:path';
import { categoriesForName, categoryIndex, CLOCK_STARTS, LEGAL_BASES, normaliseName, type Catalogue, type Category, type Finding, type FlowStep } from '@avglint/rules';
import * as ts from 'typescript';
import { MarkupKind, type Hover } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { classifyAt } from './core';
import type { AnalysisTarget } from './projects';

/** The innermost identifier or string-literal key at `offset`. */
function nameAt(sourceFile: ts.SourceFile, offset: number): ts.Identifier | ts.PrivateIdentifier | ts.StringLiteral | undefined {
  let found: ts.Identifier | ts.PrivateIdentifier | ts.StringLiteral | undefined;
  const visit = (node: ts.Node): void => {
    if (offset < node.getStart(sourceFile) || offset > node.getEnd()) return;
    if (ts.isIdentifier(node) || ts.isPrivateIdentifier(node) || ts.isStringLiteral(node)) found = node;
    node.forEachChild(visit);
  };
  visit(sourceFile);
  return found;
}

/**
 * The categories of the name at `offset`: from the core's classifier when it has one; otherwise the catalogue's own
 * lookup tables (names, the declared type's name, `Type.member`), which is what the core matches on too.
 */
function categoriesAt(target: AnalysisTarget, catalogue: Catalogue, offset: number): { categories: readonly Category[]; node?: ts.Node } {
  const node = nameAt(target.sourceFile, offset);
  const classified = classifyAt(target.sourceFile, target.program, catalogue, offset);
  if (classified && classified.categories.length > 0) return { categories: classified.categories, node };
  if (!node) return { categories: [] };
  const name = ts.isPrivateIdentifier(node) ? node.text.slice(1) : node.text;
  const result = new Set<Category>(categoriesForName(catalogue, name));
  const checker = target.program?.getTypeChecker();
  if (checker) {
    const index = categoryIndex(catalogue);
    const type = checker.getTypeAtLocation(node);
    const typeName = (type.aliasSymbol ?? type.getSymbol())?.getName();
    for (const category of (typeName && index.byType.get(typeName)) || []) result.add(category);
    const symbol = checker.getSymbolAtLocation(node);
    const parent = symbol?.declarations?.[0]?.parent;
    if (parent && (ts.isInterfaceDeclaration(parent) || ts.isClassDeclaration(parent) || ts.isTypeLiteralNode(parent))) {
      const owner = ts.isTypeLiteralNode(parent) ? ts.isTypeAliasDeclaration(parent.parent) ? parent.parent.name.text : undefined : parent.name?.text;
      const key = owner ? `${owner}.${normaliseName(name)}` : undefined;
      for (const category of (key && index.byMember.get(key)) || []) result.add(category);
    }
  }
  return { categories: [...result], node };
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
    return `${term.label} (\`${id}\`: ${describeDuration(term.duration)} after ${CLOCK_STARTS[term.starts]}${bounds ? `; ${bounds}` : ''})${i === 0 ? ' — default' : ''}`;
  });
  lines.push(`- Bewaartermijn: ${terms.join('; ')}`);
  const receivers = [...catalogue.processors.values()].filter((p) => p.receives.includes(category.id));
  if (receivers.length === 0) lines.push('- May be sent to: no processor or recipient in the catalogue');
  else {
    lines.push('- May be sent to:');
    for (const p of receivers) {
      const basis = `${LEGAL_BASES[p.legalBasis]}${p.legalBasisNote ? ` — ${p.legalBasisNote}` : ''}`;
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
  lines.push(`- Defined in ${path.basename(category.location.file)}:${category.location.line}`);
  return lines.join('\n');
}

export function describeStep(step: FlowStep, index: number, analysedFile: string): string {
  const where = step.file === analysedFile ? `line ${step.line}` : `${path.basename(step.file)}:${step.line}`;
  return `${index + 1}. **${step.kind}** — ${step.description} (${where})`;
}

export function describeFinding(finding: Finding, analysedFile: string): string {
  const lines = [`**avglint/${finding.ruleId}**`, '', finding.message];
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
    const { categories, node } = categoriesAt(target, catalogue, offset);
    for (const category of categories) sections.push(describeCategory(catalogue, category));
    if (node && categories.length > 0) range = { start: document.positionAt(node.getStart(target.sourceFile)), end: document.positionAt(node.getEnd()) };
  }
  if (sections.length === 0) return null;
  return { contents: { kind: MarkupKind.Markdown, value: sections.join('\n\n---\n\n') }, range };
}
