/**
 * Classification at a position, for editors: which categories the expression or declaration under the cursor is or
 * carries, and why (its name, type, member, JSDoc tag or brand matches the catalogue, or data flows into it).
 */
// Default import: `import * as` would read every member through an esModuleInterop getter (a sixth of the time).
import ts from 'typescript';
import { messageLocale, type Catalogue, type Locale } from '../catalogue/model';
import type { FlowStep, TextRange } from '../finding';
import { declarationName, type Hit } from './flow/classify';
import { pathOf } from './flow/describe';
import { engineFor, existingEngine } from './flow/engine';
import { categoriesOf, type MatchReason, type Value } from './flow/labels';
import { matchText, type StepMatch } from './flow/steps';

export { describePath } from './flow/describe';

export interface ClassifyInput {
  readonly sourceFile: ts.SourceFile;
  readonly program?: ts.Program;
  readonly catalogue: Catalogue;
  /** The language of `detail` and the path's steps: the host's, else the catalogue's `settings.locale`, else English. */
  readonly locale?: Locale;
}

export interface CategoryAt {
  /** Category id. */
  readonly category: string;
  readonly label: string;
  /** `flow` when the value carries the category from somewhere else (see `path`). */
  readonly reason: MatchReason | 'flow';
  /** In words, in the input's locale: "name `bsn`", "type `Bsn`", "member `Leerling.BSN`", "JSDoc tag `@zorg`", "brand `Bsn`". */
  readonly detail: string;
  /** Where in the value the category sits: `[]` the value itself, `['bsn']` its `bsn` member. */
  readonly member: readonly string[];
  /** For `flow`: from the source to this expression. */
  readonly path: readonly FlowStep[];
}

export interface ClassificationAt {
  /** The expression or declaration name that was classified. */
  readonly range: TextRange;
  readonly text: string;
  readonly categories: readonly CategoryAt[];
}

/** The categories of the expression or declaration at `offset`; undefined when there is nothing classifiable there. */
export function classifyAt(input: ClassifyInput, offset: number): ClassificationAt | undefined {
  const { sourceFile, program, catalogue } = input;
  const locale = messageLocale(input.locale, catalogue);
  const token = tokenAt(sourceFile, offset);
  if (!token || !ts.isIdentifier(token) && !ts.isStringLiteral(token)) return undefined;
  // The analysis's engine when there is one (a hover needs no package answer, and must not replace it).
  const engine = existingEngine(catalogue, program, sourceFile) ?? engineFor(catalogue, program, sourceFile);
  const parent = token.parent;
  let target: ts.Node = token;
  const categories: CategoryAt[] = [];
  const addHits = (hits: readonly Hit[]): void => {
    for (const hit of hits) categories.push({ category: hit.category.id, label: hit.category.label, reason: hit.reason, detail: matchText(hit.reason, hit.matched, locale), member: hit.path, path: [] });
  };
  try {
    if ((ts.isPropertyAccessExpression(parent) && parent.name === token) || (ts.isElementAccessExpression(parent) && parent.argumentExpression === token)) {
      target = parent;
      addValue(categories, engine.valueOf(parent as ts.Expression), locale);
    } else if (isDeclarationName(token)) {
      target = token;
      const decl = parent;
      addHits(engine.classifier.declaration(decl));
      if (ts.isPropertySignature(decl) || ts.isPropertyDeclaration(decl)) {
        const owner = decl.parent;
        const name = declarationName(decl);
        if (name !== undefined && (ts.isInterfaceDeclaration(owner) || ts.isClassDeclaration(owner)) && owner.name) addHits(engine.classifier.byMember(owner.name.text, name));
      }
      if (ts.isVariableDeclaration(decl) || ts.isBindingElement(decl) || ts.isParameter(decl)) addValue(categories, engine.declarationValue(decl), locale);
    } else if (ts.isIdentifier(token) && isExpression(token)) {
      addValue(categories, engine.valueOf(token), locale);
    } else return undefined;
  } catch {
    // Hover must never fail the host; an expression the analysis cannot handle simply has no classification.
    return undefined;
  }
  return { range: { start: target.getStart(sourceFile), end: target.getEnd() }, text: target.getText(sourceFile), categories: unique(categories) };
}

function addValue(categories: CategoryAt[], value: Value, locale: Locale): void {
  for (const label of categoriesOf(value)) {
    const path = pathOf(label.trace, locale);
    const flowed = path.length > 1;
    // Read where it is: why the source is the category ("name `bsn`"), as for a declaration's own hits.
    const source = path[0]?.phrase.args;
    const match = source && 'by' in source && 'matched' in source ? (source as StepMatch) : undefined;
    categories.push({
      category: label.category.id,
      label: label.category.label,
      reason: flowed ? 'flow' : label.reason,
      detail: !flowed && match ? matchText(match.by, match.matched, locale) : (path[0]?.description ?? ''),
      member: label.path,
      path: flowed ? path : [],
    });
  }
}

function unique(categories: readonly CategoryAt[]): CategoryAt[] {
  const seen = new Set<string>();
  return categories.filter((c) => {
    const key = `${c.category}\0${c.member.join('.')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function tokenAt(sourceFile: ts.SourceFile, offset: number): ts.Node | undefined {
  let found: ts.Node | undefined;
  const visit = (node: ts.Node): void => {
    if (offset < node.getStart(sourceFile) || offset > node.getEnd()) return;
    if (offset === node.getEnd() && node.getEnd() !== node.getStart(sourceFile) && !isNameLike(node)) return;
    found = node;
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

function isNameLike(node: ts.Node): boolean {
  return ts.isIdentifier(node) || ts.isStringLiteral(node) || ts.isPrivateIdentifier(node);
}

function isDeclarationName(token: ts.Node): boolean {
  const parent = token.parent;
  return (
    (ts.isVariableDeclaration(parent) || ts.isParameter(parent) || ts.isBindingElement(parent) || ts.isPropertySignature(parent) || ts.isPropertyDeclaration(parent) || ts.isPropertyAssignment(parent)) &&
    (parent.name === token || (ts.isBindingElement(parent) && parent.propertyName === token))
  );
}

function isExpression(id: ts.Identifier): boolean {
  const parent = id.parent;
  return !(ts.isTypeReferenceNode(parent) || ts.isImportSpecifier(parent) || ts.isImportClause(parent) || ts.isFunctionDeclaration(parent) || ts.isClassDeclaration(parent) || ts.isInterfaceDeclaration(parent) || ts.isTypeAliasDeclaration(parent) || ts.isQualifiedName(parent));
}
