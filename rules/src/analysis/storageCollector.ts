/**
 * What a storage site stores: the categories gathered from column and key names, JSDoc tags, type names and (with a
 * type checker) types, and from the flow analysis for written values; and the syntax helpers the storage finders
 * share (`storage.ts` for declarations and hand-written writes, `storageWrites.ts` for the library tables).
 */
// Default import: `import * as` would read every member through an esModuleInterop getter (a sixth of the time).
import ts from 'typescript';
import type { Category } from '../catalogue/model';
import { normaliseName } from '../catalogue/names';
import { ownerIsNotPerson } from '../catalogue/subjects';
import type { CheckContext } from './context';
import type { FlowEngine } from './flow/engine';
import { categoriesOf, type TraceStep, type Value } from './flow/labels';
import { isLiteralData } from './flow/notData';
// Read once: every member of the typescript module is a getter, and these run for every node.
const { forEachChild, getJSDocTags, isAccessor, isArrayLiteralExpression, isArrowFunction, isAsExpression, isAwaitExpression, isBinaryExpression, isBlock, isCallExpression, isCaseClause, isClassLike, isComputedPropertyName, isConditionalExpression, isConstructorDeclaration, isDefaultClause, isElementAccessExpression, isFunctionDeclaration, isFunctionExpression, isIdentifier, isMethodDeclaration, isModuleBlock, isNewExpression, isNonNullExpression, isNumericLiteral, isObjectLiteralExpression, isParenthesizedExpression, isPrivateIdentifier, isPropertyAccessExpression, isPropertyAssignment, isSatisfiesExpression, isShorthandPropertyAssignment, isSourceFile, isSpreadAssignment, isSpreadElement, isStringLiteralLike, isTemplateExpression, isTypeAssertionExpression, isTypeReferenceNode, TypeFlags } = ts;

/** How deep to follow property types and local constants when collecting categories. */
export const MAX_DEPTH = 4;
export const FS_MODULES: ReadonlySet<string> = new Set(['fs', 'node:fs']);

/** Gathers the categories a storage site stores, from names, tags, type names and (with a checker) types. */
export class CategoryCollector {
  private readonly found = new Set<Category>();
  private readonly seenTypes = new Set<ts.Type>();
  private readonly seenConstants = new Set<string>();
  private readonly traces = new Map<Category, TraceStep>();
  /**
   * Whether `expression` is looking at a written value (`stored`) rather than a declaration (a state's `defaults`, a
   * schema): in a written value a key names the value it holds, so a value that is not data makes the key say nothing.
   */
  private written = false;
  /** The written values given to `stored`, in order: a project function passing its parameter here is a store wrapper. */
  readonly values: ts.Expression[] = [];

  constructor(
    private readonly context: CheckContext,
    private readonly constants: ReadonlyMap<string, ts.Expression>,
    private readonly engine: () => FlowEngine,
  ) {}

  /** The trace of the first stored category that the flow analysis found, for the finding's path. */
  trace(): TraceStep | undefined {
    for (const category of this.categories()) {
      const trace = this.traces.get(category);
      if (trace) return trace;
    }
    return undefined;
  }

  /**
   * What a written value carries: from its own syntax and type (`expression`), and from the flow analysis, which
   * follows it back through variables, `map`/`join`, function calls and imported modules to where the data was read.
   */
  stored(expression: ts.Expression): void {
    this.values.push(expression);
    this.written = true;
    try {
      this.expression(expression);
    } finally {
      this.written = false;
    }
    this.value(this.engine().valueOf(expression));
  }

  /** The categories of a value the flow analysis computed (an argument replayed through a store wrapper). */
  value(value: Value): void {
    for (const label of categoriesOf(value)) {
      this.found.add(label.category);
      if (!this.traces.has(label.category)) this.traces.set(label.category, label.trace);
    }
  }

  categories(): Category[] {
    const order = [...this.context.catalogue.categories.values()];
    return [...this.found].sort((a, b) => order.indexOf(a) - order.indexOf(b));
  }

  name(name: string): void {
    this.addAll(this.context.index.byName.get(normaliseName(name)));
  }

  /**
   * A key or member name that classifies a value (`{ roepnaam: … }`, `school.adres`), except for the categories the
   * value is not data of: generated fake data, a derived value or mask, or a member of an owner that is never a person
   * (the same judgement the flow analysis makes, see flow/notData.ts).
   */
  private nameOfValue(name: string, value: ts.Expression | undefined): void {
    const categories = this.context.index.byName.get(normaliseName(name));
    if (!categories || categories.length === 0) return;
    // A literal (`{ cijfer: 8 }`) keeps its key's meaning in a store: a written value's key names the column it fills.
    if (!value || !this.written || isLiteralData(value, () => false)) {
      this.addAll(categories);
      return;
    }
    const engine = this.engine();
    this.addAll(categories.filter((category) => !engine.notDataFor(value, category)));
  }

  typeName(name: string): void {
    this.addAll(this.context.index.byType.get(name));
  }

  member(typeName: string, member: string): void {
    this.addAll(this.context.index.byMember.get(`${typeName}.${normaliseName(member)}`));
  }

  jsdocTags(node: ts.Node): void {
    for (const tag of getJSDocTags(node)) this.addAll(this.context.index.byJsdocTag.get(normaliseName(tag.tagName.text)));
  }

  typeNode(node: ts.TypeNode): void {
    const checker = this.context.checker;
    if (checker) {
      this.type(checker.getTypeFromTypeNode(node), 1);
      return;
    }
    // Without a checker, the names written in the type: `Bsn`, `Zorgdossier | null`, `Leerling[]`.
    const visit = (child: ts.Node): void => {
      if (isTypeReferenceNode(child)) this.typeName(isIdentifier(child.typeName) ? child.typeName.text : child.typeName.right.text);
      forEachChild(child, visit);
    };
    visit(node);
  }

  /** The categories an expression's value carries, as far as names, literals and types tell. */
  expression(expression: ts.Expression, depth = 0): void {
    if (depth > MAX_DEPTH) return;
    const node = skipWrappers(expression);
    const checker = this.context.checker;
    if (isObjectLiteralExpression(node)) {
      for (const property of node.properties) {
        if (isSpreadAssignment(property)) {
          this.expression(property.expression, depth + 1);
          continue;
        }
        const name = property.name ? propertyNameText(property.name) : undefined;
        const value = isPropertyAssignment(property) ? property.initializer : isShorthandPropertyAssignment(property) ? property.name : undefined;
        if (name !== undefined) this.nameOfValue(name, value);
        if (isPropertyAssignment(property)) this.expression(property.initializer, depth + 1);
        else if (isShorthandPropertyAssignment(property)) this.expression(property.name, depth + 1);
      }
      return;
    }
    if (isArrayLiteralExpression(node)) {
      for (const element of node.elements) this.expression(isSpreadElement(element) ? element.expression : element, depth + 1);
      return;
    }
    if (isTemplateExpression(node)) {
      for (const span of node.templateSpans) this.expression(span.expression, depth + 1);
      return;
    }
    if (isBinaryExpression(node)) {
      this.expression(node.left, depth + 1);
      this.expression(node.right, depth + 1);
      return;
    }
    if (isConditionalExpression(node)) {
      this.expression(node.whenTrue, depth + 1);
      this.expression(node.whenFalse, depth + 1);
      return;
    }
    if (isCallExpression(node)) {
      // Serialisers keep what they are given: JSON.stringify(leerling), String(bsn), Buffer.from(text).
      const name = calleeName(node.expression);
      if (name === 'stringify' || name === 'String' || name === 'from' || name === 'toString') {
        for (const arg of node.arguments) this.expression(arg, depth + 1);
        if (name === 'toString' && isPropertyAccessExpression(node.expression)) this.expression(node.expression.expression, depth + 1);
        return;
      }
    }
    if (isIdentifier(node)) {
      this.name(node.text);
      if (!checker && !this.seenConstants.has(node.text)) {
        this.seenConstants.add(node.text);
        const initializer = this.constants.get(node.text);
        if (initializer) this.expression(initializer, depth + 1);
      }
    } else if (isPropertyAccessExpression(node)) {
      this.nameOfValue(node.name.text, node);
    } else if (isElementAccessExpression(node) && isStringLiteralLike(node.argumentExpression)) {
      this.name(node.argumentExpression.text);
    }
    if (checker && (isIdentifier(node) || isPropertyAccessExpression(node) || isElementAccessExpression(node) || isCallExpression(node) || isNewExpression(node))) {
      // The value's name is an owner identity when its type has none of its own (`lokaal: { naam: string }`).
      const named = isIdentifier(node) ? node.text : isPropertyAccessExpression(node) ? node.name.text : undefined;
      this.type(checker.getTypeAtLocation(node), depth, named);
    }
  }

  /** Categories a type carries: its own name, its members' names and types, brands; arrays and unions by element. */
  type(type: ts.Type, depth: number, valueName?: string): void {
    const checker = this.context.checker;
    if (!checker || depth > MAX_DEPTH || this.seenTypes.has(type)) return;
    this.seenTypes.add(type);
    if (type.isUnionOrIntersection()) {
      for (const part of type.types) this.type(part, depth, valueName);
      return;
    }
    const symbol = type.aliasSymbol ?? type.getSymbol();
    if (type.aliasSymbol) this.typeName(type.aliasSymbol.name);
    if (type.getSymbol()) this.typeName(type.getSymbol()?.name ?? '');
    if (!(type.flags & TypeFlags.Object)) return;
    if (checker.isArrayType(type) || checker.isTupleType(type)) {
      for (const element of checker.getTypeArguments(type as ts.TypeReference)) this.type(element, depth + 1, valueName);
      return;
    }
    if (type.getCallSignatures().length > 0) return;
    // Library types (Date, Map, Promise, Buffer) hold no catalogued members of their own.
    const program = this.context.program;
    if (program && (symbol?.declarations ?? []).some((d) => program.isSourceFileDefaultLibrary(d.getSourceFile()) || program.isSourceFileFromExternalLibrary(d.getSourceFile()))) return;
    const owner = type.getSymbol()?.name;
    // Whose members these are (`School`, `Lokaal`, or the value's name for an anonymous type): a member matched by name
    // is not the category when its owner is never a person (catalogue/subjects.ts), as in the flow rules.
    const identities = [type.aliasSymbol?.name, owner !== undefined && !owner.startsWith('__') ? owner : undefined, valueName];
    for (const property of checker.getPropertiesOfType(type)) {
      const declaration = property.valueDeclaration ?? property.declarations?.[0];
      if (property.name === '__brand' && declaration) {
        const brand = checker.getTypeOfSymbolAtLocation(property, declaration);
        if (brand.isStringLiteral()) this.addAll(this.context.index.byBrand.get(brand.value));
        continue;
      }
      const propertyType = declaration ? checker.getTypeOfSymbolAtLocation(property, declaration) : undefined;
      // Methods are not stored (JSON.stringify and ORMs drop them), so their names say nothing about the data.
      if (propertyType && propertyType.getCallSignatures().length > 0 && !(propertyType.flags & TypeFlags.Union)) continue;
      const byName = this.context.index.byName.get(normaliseName(property.name));
      if (byName) this.addAll(byName.filter((category) => !ownerIsNotPerson(this.context.catalogue, identities, category, property.name)));
      if (owner !== undefined) this.member(owner, property.name);
      if (declaration && propertyType) {
        this.jsdocTags(declaration);
        this.type(propertyType, depth + 1, property.name);
      }
    }
  }

  private addAll(categories: readonly Category[] | undefined): void {
    for (const category of categories ?? []) this.found.add(category);
  }
}

// ---------------------------------------------------------------- syntax helpers

export function skipWrappers(expression: ts.Expression): ts.Expression {
  let node = expression;
  while (isParenthesizedExpression(node) || isAsExpression(node) || isSatisfiesExpression(node) || isNonNullExpression(node) || isAwaitExpression(node) || isTypeAssertionExpression(node)) {
    node = node.expression;
  }
  return node;
}

export function calleeName(callee: ts.Expression): string | undefined {
  if (isIdentifier(callee)) return callee.text;
  if (isPropertyAccessExpression(callee)) return callee.name.text;
  return undefined;
}

export function propertyNameText(name: ts.Node): string | undefined {
  if (isIdentifier(name) || isStringLiteralLike(name) || isNumericLiteral(name) || isPrivateIdentifier(name)) return name.text.replace(/^#/, '');
  if (isComputedPropertyName(name) && isStringLiteralLike(name.expression)) return name.expression.text;
  return undefined;
}

export function stringProperty(object: ts.ObjectLiteralExpression, key: string): string | undefined {
  for (const property of object.properties) {
    if (isPropertyAssignment(property) && propertyNameText(property.name) === key && isStringLiteralLike(property.initializer)) return property.initializer.text;
  }
  return undefined;
}

export function requiredModule(expression: ts.Expression): string | undefined {
  const inner = skipWrappers(expression);
  if (isCallExpression(inner) && isIdentifier(inner.expression) && inner.expression.text === 'require') {
    const [spec] = inner.arguments;
    if (spec && isStringLiteralLike(spec)) return spec.text;
  }
  // require('fs').promises
  if (isPropertyAccessExpression(inner) && inner.name.text === 'promises' && requiredModule(inner.expression) !== undefined) {
    const base = requiredModule(inner.expression);
    return base !== undefined && FS_MODULES.has(base) ? 'fs/promises' : undefined;
  }
  return undefined;
}

/**
 * The functions and methods a write sits in, innermost first: a `@retention` tag on one of them covers the writes in
 * its body (`/** @retention leerlingdossier *\/ export async function exporteer() { … writeFile(…) … }`). For a
 * function expression or arrow function, the statement that declares it (`const save = () => …`).
 */
export function enclosingFunctions(node: ts.Node): ts.Node[] {
  const result: ts.Node[] = [];
  for (let current = node.parent; current && !isSourceFile(current); current = current.parent) {
    if (isFunctionDeclaration(current) || isMethodDeclaration(current) || isConstructorDeclaration(current) || isAccessor(current)) {
      result.push(current);
    } else if (isArrowFunction(current) || isFunctionExpression(current)) {
      const statement = enclosingStatement(current);
      if (!result.includes(statement)) result.push(statement);
    }
  }
  return result;
}

/** The statement a node is part of: where a JSDoc comment for it is written. */
export function enclosingStatement(node: ts.Node): ts.Node {
  let current = node;
  while (current.parent && !isSourceFile(current.parent) && !isBlock(current.parent) && !isModuleBlock(current.parent) && !isCaseClause(current.parent) && !isDefaultClause(current.parent) && !isClassLike(current.parent)) {
    current = current.parent;
  }
  return current;
}
