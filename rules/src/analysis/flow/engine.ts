/**
 * The flow analysis: what categories of personal data each expression carries, computed on demand over the AST and
 * memoised per node. Functions are analysed once into summaries (what their return value carries, in terms of their
 * parameters, and which parameters reach a sink), so a call costs a lookup. With a program, callees in other modules
 * are resolved through the checker and summarised in their own source file; engines are cached per program, so each
 * function is summarised once however many files call it.
 */
// Default import: `import * as` would read every member through an esModuleInterop getter (a sixth of the time).
import ts from 'typescript';
import type { Catalogue, Category, Sanitiser } from '../../catalogue/model';
import { ownerIsNotPerson } from '../../catalogue/subjects';
import { categoryIndex } from '../../catalogue/names';
import { Classifier, declarationName, expressionName, literalName, propertyNameText, skipOuter, type Hit } from './classify';
import { DERIVED_GLOBALS, DERIVED_MEMBERS, DERIVED_STATIC_METHODS, importedFrom, isFakeDataModule, isLiteralData, isMask, isPredicateName, rootIdentifier } from './notData';
import {
  apply,
  applyAll,
  appendTrace,
  categoriesOf,
  EMPTY,
  labelKey,
  parametersOf,
  sameLabels,
  step,
  union,
  unionOf,
  withStep,
  type CategoryLabel,
  type Label,
  type ParameterLabel,
  type Value,
} from './labels';
import { lexicalDeclaration, requiredModule } from './scopes';
import { sourceFileOf } from './walk';
import { nodesFor } from './nodes';
import { Apis, type SinkSite } from './apis';
// Read once: every member of the typescript module is a getter, and these run for every node.
const { forEachChild, getModifiers, isArrayBindingPattern, isArrayLiteralExpression, isArrowFunction, isAsExpression, isAwaitExpression, isBinaryExpression, isBindingElement, isBlock, isCallExpression, isClassDeclaration, isClassLike, isClassStaticBlockDeclaration, isConditionalExpression, isConstructorDeclaration, isElementAccessExpression, isExpressionStatement, isForOfStatement, isFunctionDeclaration, isFunctionExpression, isFunctionLike, isGetAccessorDeclaration, isIdentifier, isImportClause, isImportEqualsDeclaration, isImportSpecifier, isInterfaceDeclaration, isIterationStatement, isMethodDeclaration, isMethodSignature, isNamespaceImport, isNewExpression, isNoSubstitutionTemplateLiteral, isNonNullExpression, isObjectLiteralExpression, isParameter, isParenthesizedExpression, isPrefixUnaryExpression, isPropertyAccessExpression, isPropertyAssignment, isPropertyDeclaration, isPropertySignature, isQualifiedName, isReturnStatement, isSatisfiesExpression, isShorthandPropertyAssignment, isSourceFile, isSpreadAssignment, isSpreadElement, isStringLiteral, isTaggedTemplateExpression, isTemplateExpression, isTypeAssertionExpression, isTypeReferenceNode, isVariableDeclaration, isVariableDeclarationList, isVariableStatement, NodeFlags, SymbolFlags, SyntaxKind, TypeFlags } = ts;

/** A parameter of a function that reaches a sink inside it (directly or through further calls). */
export interface Reach {
  readonly sink: SinkSite;
  /** The parameter, with what happens to it on the way and the steps inside the function. */
  readonly label: ParameterLabel;
  /** Categories already reported inside the function at this sink (from the parameter's own name or type). */
  readonly covered: ReadonlySet<string>;
}

/** An assignment or mutation that gives a variable or field (part of) its value. */
interface Definition {
  readonly node: ts.Node;
  /** `assign` replaces the value (`x = v`); `mutate` adds to it (`x.push(v)`, `x.bsn = v`, `x += v`). */
  readonly kind: 'assign' | 'mutate';
  readonly value: () => Value;
}

type FunctionWithBody = ts.FunctionLikeDeclaration & { readonly body: ts.ConciseBody };

const ARRAY_CALLBACK_METHODS = new Set(['map', 'flatMap', 'filter', 'find', 'findLast', 'findIndex', 'findLastIndex', 'forEach', 'some', 'every', 'sort', 'toSorted']);
const ARRAY_SAME_METHODS = new Set(['filter', 'find', 'findLast', 'slice', 'sort', 'toSorted', 'reverse', 'toReversed', 'at', 'flat', 'values', 'splice', 'shift', 'pop', 'with', 'get', 'getAll', 'toString', 'toJSON', 'valueOf', 'trim', 'trimStart', 'trimEnd', 'toLowerCase', 'toUpperCase', 'padStart', 'padEnd', 'substring', 'substr', 'split', 'normalize', 'charAt', 'replace', 'replaceAll', 'repeat', 'entries', 'toLocaleString']);
const VALUELESS_METHODS = new Set(['forEach', 'some', 'every', 'includes', 'indexOf', 'lastIndexOf', 'findIndex', 'findLastIndex', 'has', 'keys', 'push', 'unshift', 'append', 'set', 'add', 'delete', 'startsWith', 'endsWith', 'localeCompare', 'test']);
/** Globals of every JavaScript host: a name the file does not declare and that is one of these is the global. */
const WELL_KNOWN_GLOBALS = new Set(['console', 'fetch', 'JSON', 'Object', 'Array', 'Promise', 'Math', 'Number', 'String', 'Boolean', 'Date', 'Error', 'Map', 'Set', 'URL', 'URLSearchParams', 'FormData', 'encodeURIComponent', 'encodeURI', 'structuredClone', 'globalThis', 'window', 'self', 'undefined', 'require', 'process', 'Buffer', 'setTimeout', 'setInterval', 'clearTimeout', 'parseInt', 'parseFloat', 'Symbol', 'RegExp', 'BigInt']);

/** How many evaluations may be in progress at once before the analysis stops following a value. */
const MAX_NESTING = 600;
/**
 * Function summaries computed inside each other (f0 calls f1 calls f2 …) before the innermost is summarised first,
 * on its own, and the outer ones are computed again: a chain of 2,000 functions calling the next overflowed the stack.
 */
const MAX_SUMMARY_NESTING = 50;

/** Thrown when summaries nest MAX_SUMMARY_NESTING deep; caught by the outermost summary, never by a caller. */
class SummaryTooDeep extends Error {
  constructor(readonly fn: FunctionWithBody, readonly kind: 'returns' | 'reaches') {
    super('function summaries nest too deep');
  }
}
/** Evaluations one top-level question (the value at a sink, a summary) may take. */
const MAX_STEPS = 200_000;
/** Re-evaluations of recursive summaries one top-level question may take. */
const MAX_REROUNDS = 32;
const MUTATING_ADD = new Set(['push', 'unshift', 'add']);
/** Comparisons and tests: a truth value, not the values compared. */
const COMPARISONS = new Set<ts.SyntaxKind>([ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.LessThanToken, ts.SyntaxKind.GreaterThanToken, ts.SyntaxKind.LessThanEqualsToken, ts.SyntaxKind.GreaterThanEqualsToken, ts.SyntaxKind.InstanceOfKeyword, ts.SyntaxKind.InKeyword]);
const MUTATING_KEYED = new Set(['append', 'set']);

export class FlowEngine {
  readonly classifier: Classifier;
  readonly checker: ts.TypeChecker | undefined;
  readonly apis: Apis;
  /** Packages the host found to reach the network (see `libraries/packages.ts`), from the analysis input. */
  networkPackages: ReadonlySet<string> | undefined;
  private readonly values = new Map<ts.Node, Value>();
  private readonly declarationValues = new Map<ts.Node, Value>();
  private readonly inProgress = new Set<ts.Node>();
  private cycles = 0;
  /** How many summaries are being computed inside each other right now. */
  private summaryNesting = 0;
  private readonly returns = new Map<ts.Node, Value>();
  private readonly reaches = new Map<ts.Node, readonly Reach[]>();
  private readonly summarisingReturns = new Set<ts.Node>();
  private readonly summarisingReaches = new Set<ts.Node>();
  /** Evaluations left before the current top-level question gives up (see `MAX_STEPS`). */
  private budget = MAX_STEPS;
  /** Re-evaluations of recursive functions left for the current top-level question (see `MAX_REROUNDS`). */
  private rerounds = MAX_REROUNDS;
  /** How to forget each cache entry made while a summary is being computed, newest last (see `returnsOf`). */
  private readonly cacheLog: (() => void)[] = [];
  /** Functions whose summary was asked for while it was being computed, and the answer they got meanwhile. */
  private readonly headsReturns = new Set<ts.Node>();
  private readonly headsReaches = new Set<ts.Node>();
  private readonly provisionalReturns = new Map<ts.Node, Value>();
  private readonly provisionalReaches = new Map<ts.Node, readonly Reach[]>();
  private readonly definitions = new WeakMap<ts.SourceFile, Map<ts.Node, Definition[]>>();
  private readonly resolved = new Map<ts.Identifier, ts.Node | null>();
  private readonly resolvedLocal = new Map<ts.Identifier, ts.Node | null>();
  private readonly members = new Map<ts.PropertyAccessExpression, ts.Node | null>();
  private readonly sanitisers: ReadonlyMap<string, Sanitiser>;

  constructor(
    readonly catalogue: Catalogue,
    readonly program: ts.Program | undefined,
  ) {
    this.checker = program?.getTypeChecker();
    this.classifier = new Classifier({ catalogue, index: categoryIndex(catalogue), program, checker: this.checker });
    this.apis = new Apis(this);
    const sanitisers = new Map<string, Sanitiser>();
    for (const s of catalogue.sanitisers) if (!sanitisers.has(s.function)) sanitisers.set(s.function, s);
    this.sanitisers = sanitisers;
  }

  /**
   * Drops what was cached per node once a file is done, keeping the function summaries (which other files reuse) and
   * the classifier's per-type answers. An engine lives as long as its program — in ESLint, the whole run — and
   * per-node caches for every file analysed would keep the heap growing with the project, which made garbage
   * collection the largest cost of a 2,000-file run. A node needed again is simply evaluated again.
   */
  releaseFileCaches(): void {
    if (!this.idle()) return;
    this.values.clear();
    this.declarationValues.clear();
    this.resolved.clear();
    this.resolvedLocal.clear();
    this.members.clear();
    this.cacheLog.length = 0;
    this.apis.release();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Name resolution

  /** The declaration an identifier refers to, following imports into other modules when there is a checker. */
  resolve(id: ts.Identifier): ts.Node | undefined {
    const cached = this.resolved.get(id);
    if (cached !== undefined) return cached ?? undefined;
    const decl = this.computeResolve(id, true);
    this.resolved.set(id, decl ?? null);
    return decl;
  }

  /** Like `resolve`, but stops at import bindings so callers can see which module a name comes from. */
  resolveLocal(id: ts.Identifier): ts.Node | undefined {
    const cached = this.resolvedLocal.get(id);
    if (cached !== undefined) return cached ?? undefined;
    const decl = this.computeResolve(id, false);
    this.resolvedLocal.set(id, decl ?? null);
    return decl;
  }

  private computeResolve(id: ts.Identifier, followAliases: boolean): ts.Node | undefined {
    // Names declared in the file are found by walking its scopes, which costs a few map lookups; the checker is asked
    // only to follow imports into other modules and for names the file does not declare (globals, `var` hoisting).
    const local = lexicalDeclaration(id);
    const checker = this.checker;
    if (!checker || (local && (!followAliases || !isImportBinding(local)))) return local;
    if (!local && WELL_KNOWN_GLOBALS.has(id.text)) return undefined;
    let symbol = isShorthandPropertyAssignment(id.parent) && id.parent.name === id ? checker.getShorthandAssignmentValueSymbol(id.parent) : checker.getSymbolAtLocation(id);
    if (!symbol) return lexicalDeclaration(id);
    if (followAliases && symbol.flags & SymbolFlags.Alias) {
      const target = checker.getAliasedSymbol(symbol);
      if (target.declarations && target.declarations.length > 0) symbol = target;
    }
    const decl = symbol.valueDeclaration ?? symbol.declarations?.[0];
    return followAliases && decl ? commonJsValue(decl, checker) : decl;
  }

  /**
   * The declaration of a property (`x.http`, `this.nummer`, `clients.duo`, `new Client().send`): a class field,
   * getter or method, an object literal member, or a module's export. Found structurally — through the declarations
   * of names, `new` expressions, type annotations and object literals — and not by asking the checker for the member's
   * symbol: that would make the checker type every receiver of every call in a project, which costs more than the
   * whole rest of the analysis.
   */
  resolveMember(node: ts.PropertyAccessExpression): ts.Node | undefined {
    const cached = this.members.get(node);
    if (cached !== undefined) return cached ?? undefined;
    // The receivers of a long chain (`p.ouder.ouder.…`, thousands of links in generated code) are resolved innermost
    // first, so each step finds the one below it done: one level of recursion instead of one per link.
    // Calls in the chain (`q.then().then().…`) are stepped through to their callees, which resolve the same way.
    const chain: ts.PropertyAccessExpression[] = [];
    for (let e: ts.Expression = skipOuter(node.expression); ; ) {
      if (isPropertyAccessExpression(e) && !this.members.has(e)) chain.push(e);
      else if (!isCallExpression(e) && !isAwaitExpression(e)) break;
      e = skipOuter(e.expression);
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      const receiver = chain[i];
      if (receiver) this.resolveOneMember(receiver);
    }
    return this.resolveOneMember(node);
  }

  private resolveOneMember(node: ts.PropertyAccessExpression): ts.Node | undefined {
    const cached = this.members.get(node);
    if (cached !== undefined) return cached ?? undefined;
    this.members.set(node, null);
    const receiver = skipOuter(node.expression);
    const decl = receiver.kind === SyntaxKind.ThisKeyword ? classMember(node, node.name.text) : memberOf(this.containerOf(receiver, 0), node.name.text);
    this.members.set(node, decl ?? null);
    return decl;
  }

  /** The class, object literal or module whose members an expression's members are. */
  private containerOf(expression: ts.Expression, depth: number): ts.Node | undefined {
    if (depth > 6) return undefined;
    const e = skipOuter(expression);
    if (isObjectLiteralExpression(e)) return e;
    if (isNewExpression(e)) return this.classOf(e.expression);
    if (e.kind === SyntaxKind.ThisKeyword) return enclosingClass(e);
    if (isAwaitExpression(e)) return this.containerOf(e.expression, depth + 1);
    if (isCallExpression(e)) {
      // A factory in the project (`const client = maakClient()`): what it returns, or its written return type.
      const fn = this.calleeDeclaration(e);
      if (!fn) return undefined;
      if (fn.type && isTypeReferenceNode(fn.type)) return this.classOf(fn.type.typeName) ?? this.interfaceOf(fn.type.typeName);
      for (const result of returnedExpressions(fn)) {
        const container = this.containerOf(result, depth + 1);
        if (container) return container;
      }
      return undefined;
    }
    let decl: ts.Node | undefined;
    if (isIdentifier(e)) decl = this.resolve(e);
    else if (isPropertyAccessExpression(e)) decl = this.resolveMember(e);
    if (!decl) return undefined;
    if (isSourceFile(decl) || isClassLike(decl)) return decl;
    if (isVariableDeclaration(decl) || isPropertyDeclaration(decl) || isPropertyAssignment(decl)) {
      if (decl.initializer) {
        const fromValue = this.containerOf(decl.initializer, depth + 1);
        if (fromValue) return fromValue;
      }
    }
    const typeNode = (decl as { type?: ts.TypeNode }).type;
    if (typeNode && isTypeReferenceNode(typeNode)) return this.classOf(typeNode.typeName) ?? this.interfaceOf(typeNode.typeName);
    return undefined;
  }

  /** The interface a type name refers to (for method signatures: what a call on it returns). */
  private interfaceOf(name: ts.EntityName): ts.InterfaceDeclaration | undefined {
    if (!isIdentifier(name)) return undefined;
    // With a checker the name resolves like any other (imports followed); without one, type names are looked up
    // among the file's top-level declarations, as the scope walk only knows values.
    const decl = this.resolve(name);
    if (decl && isInterfaceDeclaration(decl)) return decl;
    return name.getSourceFile().statements.find((st): st is ts.InterfaceDeclaration => isInterfaceDeclaration(st) && st.name.text === name.text);
  }

  /** The class a name (`Client`, `sdk.Client`) refers to. */
  private classOf(name: ts.Node): ts.ClassLikeDeclaration | undefined {
    let decl: ts.Node | undefined;
    if (isIdentifier(name)) decl = this.resolve(name);
    else if (isPropertyAccessExpression(name)) decl = this.resolveMember(name);
    else if (isQualifiedName(name) && this.checker) {
      const symbol = this.checker.getSymbolAtLocation(name.right);
      decl = symbol?.valueDeclaration ?? symbol?.declarations?.[0];
    }
    return decl && isClassLike(decl) ? decl : undefined;
  }

  /**
   * The declaration that types a call, with or without a body: a function (also `declare`d), a method or method
   * signature of a class or interface, or a variable holding a function. Found like `calleeDeclaration`, without
   * asking the checker to type the receiver.
   */
  calleeSignature(call: ts.CallExpression): ts.SignatureDeclaration | undefined {
    const callee = skipOuter(call.expression);
    let decl: ts.Node | undefined = isIdentifier(callee) ? this.resolve(callee) : isPropertyAccessExpression(callee) ? this.resolveMember(callee) : undefined;
    if (decl && (isVariableDeclaration(decl) || isPropertyAssignment(decl) || isPropertyDeclaration(decl)) && decl.initializer) {
      const init = skipOuter(decl.initializer);
      if (isFunctionExpression(init) || isArrowFunction(init)) decl = init;
    }
    return decl && isFunctionLike(decl) ? decl : undefined;
  }

  /** A name not declared in the project: a global such as `JSON`, `Object` or `encodeURIComponent`. */
  isGlobal(id: ts.Identifier): boolean {
    const decl = this.resolve(id);
    return !decl || this.classifier.isLibraryFile(decl.getSourceFile());
  }

  /** The function a call invokes, when its body is available and is not library code. */
  calleeDeclaration(call: ts.CallExpression): FunctionWithBody | undefined {
    const callee = skipOuter(call.expression);
    let decl: ts.Node | undefined;
    if (isIdentifier(callee)) decl = this.resolve(callee);
    else if (isPropertyAccessExpression(callee)) decl = this.resolveMember(callee);
    else if (isFunctionExpression(callee) || isArrowFunction(callee)) decl = callee;
    if (decl && isVariableDeclaration(decl) && decl.initializer) {
      const init = skipOuter(decl.initializer);
      if (isFunctionExpression(init) || isArrowFunction(init)) decl = init;
    }
    if (decl && isPropertyAssignment(decl)) {
      const init = skipOuter(decl.initializer);
      if (isFunctionExpression(init) || isArrowFunction(init)) decl = init;
    }
    if (!decl || !isFunctionWithBody(decl)) return undefined;
    if (this.classifier.isLibraryFile(decl.getSourceFile())) return undefined;
    return decl;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Values

  valueOf(node: ts.Expression): Value {
    const cached = this.values.get(node);
    if (cached) return cached;
    // A cycle, or an expression nested so deeply (generated code) that following it further would exhaust the
    // stack: both are cut here, and nothing computed under the cut is cached.
    if (this.inProgress.has(node) || this.inProgress.size > MAX_NESTING || !this.spend()) {
      this.cycles++;
      return EMPTY;
    }
    const cyclesBefore = this.cycles;
    this.inProgress.add(node);
    let value: Value;
    try {
      value = this.compute(node);
    } finally {
      this.inProgress.delete(node);
    }
    // A value computed while a cycle was cut may lack what the cycle adds; caching it would make results depend on
    // which file was analysed first. Only the outermost evaluation of a cycle is cached.
    if (this.cycles === cyclesBefore || this.idle()) this.remember(this.values, node, value);
    return value;
  }

  private compute(node: ts.Expression): Value {
    if (isParenthesizedExpression(node) || isAsExpression(node) || isNonNullExpression(node) || isTypeAssertionExpression(node) || isSatisfiesExpression(node)) {
      return this.valueOf(node.expression);
    }
    if (isIdentifier(node)) return this.identifier(node);
    if (isPropertyAccessExpression(node)) return this.propertyAccess(node);
    if (isElementAccessExpression(node)) return this.elementAccess(node);
    if (isCallExpression(node)) return this.call(node);
    if (isNewExpression(node)) return unionOf((node.arguments ?? []).map((a) => this.valueOf(a)));
    if (isObjectLiteralExpression(node)) return this.objectLiteral(node);
    if (isArrayLiteralExpression(node)) return unionOf(node.elements.map((e) => this.valueOf(e)));
    if (isSpreadElement(node)) return this.valueOf(node.expression);
    if (isTemplateExpression(node)) return this.stringOf(node, node.templateSpans.map((s) => s.expression), 'put into a template literal');
    if (isTaggedTemplateExpression(node) && isTemplateExpression(node.template)) {
      return this.stringOf(node, node.template.templateSpans.map((s) => s.expression), 'put into a template literal');
    }
    if (isBinaryExpression(node)) return this.binary(node);
    if (isConditionalExpression(node)) return union(this.valueOf(node.whenTrue), this.valueOf(node.whenFalse));
    if (isAwaitExpression(node)) return union(this.valueOf(node.expression), this.typeValue(node));
    if (isPrefixUnaryExpression(node)) return node.operator === SyntaxKind.ExclamationToken ? EMPTY : this.valueOf(node.operand);
    return EMPTY;
  }

  private identifier(id: ts.Identifier): Value {
    if (id.text === 'undefined') return EMPTY;
    const decl = this.resolve(id);
    if (!decl) return EMPTY;
    const definitions = this.definitionsOf(decl);
    if (definitions.length === 0) return this.declarationValue(decl);
    return this.flowSensitive(id, decl, definitions);
  }

  /**
   * The value of a variable at one use: the last assignment before it that always runs (and everything after it),
   * plus assignments that may run later in a loop or in another function.
   */
  private flowSensitive(use: ts.Identifier, decl: ts.Node, definitions: readonly Definition[]): Value {
    const useFunction = enclosingFunction(use);
    const sameFunction = enclosingFunction(decl) === useFunction || isParameter(decl) && decl.parent === useFunction;
    const parts: Value[] = [];
    let killed = false;
    const before = definitions.filter((d) => d.node.end <= use.pos && enclosingFunction(d.node) === useFunction);
    for (let i = before.length - 1; i >= 0; i--) {
      const d = before[i];
      if (!d) continue;
      parts.push(d.value());
      if (sameFunction && d.kind === 'assign' && alwaysRunsBefore(d.node, use)) {
        killed = true;
        break;
      }
    }
    if (!killed) parts.push(this.declarationValue(decl));
    for (const d of definitions) {
      if (before.includes(d)) continue;
      if (enclosingFunction(d.node) !== useFunction || inSameLoop(d.node, use, useFunction)) parts.push(d.value());
    }
    return unionOf(parts);
  }

  /** What a declaration carries by itself: its classification plus its initial value. */
  declarationValue(decl: ts.Node): Value {
    const cached = this.declarationValues.get(decl);
    if (cached) return cached;
    if (this.inProgress.has(decl) || !this.spend()) {
      this.cycles++;
      return EMPTY;
    }
    const cyclesBefore = this.cycles;
    this.inProgress.add(decl);
    let value: Value;
    try {
      value = this.computeDeclaration(decl);
    } finally {
      this.inProgress.delete(decl);
    }
    if (this.cycles === cyclesBefore || this.idle()) this.remember(this.declarationValues, decl, value);
    return value;
  }

  private computeDeclaration(decl: ts.Node): Value {
    const name = declarationName(decl) ?? '';
    const sourceNode = (decl as ts.NamedDeclaration).name ?? decl;
    // A constant whose value is not the data is what its value says, whatever its name: `const naam = 'Rapportage'`
    // is no name of a person, `const bsn = toEckId(x)` no BSN, `const naam = vak.naam` a subject's name, `const n =
    // naam.length` a number. Literal data (`const l: Leerling = { email: 'jan@example.nl' }`) is no person's data
    // with or without type information, so its type does not classify it either (see notData.ts).
    const init = isVariableDeclaration(decl) ? decl.initializer : undefined;
    const literal = init !== undefined && isLiteralData(init, (c) => this.isFake(c));
    let hits = this.classifier.declaration(decl);
    if (init !== undefined && hits.length > 0) {
      if (literal) hits = hits.filter((h) => h.reason === 'tag' || (h.reason === 'name' && !isConst(decl as ts.VariableDeclaration)));
      else if (isConst(decl as ts.VariableDeclaration)) hits = hits.filter((h) => h.reason !== 'name' || !this.notDataFor(init, h.category));
    }
    const own = this.fromHits(hits, sourceNode, `\`${name}\``);
    if (isVariableDeclaration(decl)) {
      const forOf = decl.parent.parent;
      const init = decl.initializer ?? (isForOfStatement(forOf) ? forOf.expression : undefined);
      const initial = init ? withStep(this.valueOf(init), decl.name, `assigned to \`${name}\``) : EMPTY;
      return union(own, initial);
    }
    if (isBindingElement(decl)) return union(own, withStep(this.bindingValue(decl), decl, `destructured as \`${isIdentifier(decl.name) ? decl.name.text : name}\``));
    if (isParameter(decl)) return union(own, this.parameterValue(decl));
    if (isPropertyDeclaration(decl)) {
      const initial = decl.initializer ? withStep(this.valueOf(decl.initializer), decl.name, `stored in field \`${name}\``) : EMPTY;
      return union(own, initial);
    }
    if (isGetAccessorDeclaration(decl)) return isFunctionWithBody(decl) ? union(own, withStep(this.returnsOf(decl), decl.name, `returned by getter \`${name}\``)) : own;
    if (isPropertySignature(decl) || isShorthandPropertyAssignment(decl)) return own;
    return EMPTY;
  }

  /** The value a destructuring element takes: the matching property of what is destructured, or the rest of it. */
  private bindingValue(element: ts.BindingElement): Value {
    const pattern = element.parent;
    const whole = this.patternSource(pattern);
    if (isArrayBindingPattern(pattern)) return whole;
    if (element.dotDotDotToken) {
      const keys = pattern.elements.filter((e) => e !== element).map((e) => declarationName(e)).filter((k): k is string => k !== undefined);
      return apply(whole, { op: 'omit', keys });
    }
    const key = declarationName(element);
    return key === undefined ? whole : apply(whole, { op: 'get', key });
  }

  private patternSource(pattern: ts.BindingPattern): Value {
    const owner = pattern.parent;
    if (isVariableDeclaration(owner)) {
      const forOf = owner.parent.parent;
      const init = owner.initializer ?? (isForOfStatement(forOf) ? forOf.expression : undefined);
      return init ? this.valueOf(init) : EMPTY;
    }
    if (isParameter(owner)) return this.parameterValue(owner);
    if (isBindingElement(owner)) return this.bindingValue(owner);
    return EMPTY;
  }

  /**
   * A parameter: for callbacks of array methods and promises, what the receiver holds; otherwise a placeholder that
   * call sites fill in through the function's summary.
   */
  private parameterValue(parameter: ts.ParameterDeclaration): Value {
    const fn = parameter.parent;
    const index = fn.parameters.indexOf(parameter);
    const callback = this.callbackValue(fn, index);
    if (callback) return callback;
    const name = isIdentifier(parameter.name) ? parameter.name.text : `#${index + 1}`;
    const label: ParameterLabel = { kind: 'parameter', fn, index, ops: [], trace: step(undefined, parameter.name, `parameter \`${name}\``) };
    // A default value is what the parameter holds when a call leaves it out.
    const fallback = parameter.initializer ? withStep(this.valueOf(parameter.initializer), parameter.name, `default of \`${name}\``) : EMPTY;
    return union([label], fallback);
  }

  private callbackValue(fn: ts.SignatureDeclaration, index: number): Value | undefined {
    if (!isArrowFunction(fn) && !isFunctionExpression(fn)) return undefined;
    const call = fn.parent;
    if (!isCallExpression(call) || !call.arguments.includes(fn)) return undefined;
    const position = call.arguments.indexOf(fn);
    const callee = skipOuter(call.expression);
    if (isPropertyAccessExpression(callee)) {
      const method = callee.name.text;
      const receiver = (): Value => withStep(this.valueOf(callee.expression), fn.parameters[index] ?? fn, `element given to \`${method}\``);
      if (position === 0 && ARRAY_CALLBACK_METHODS.has(method)) return index === 0 ? receiver() : EMPTY;
      if (position === 0 && (method === 'reduce' || method === 'reduceRight')) {
        if (index === 1) return receiver();
        if (index === 0) return call.arguments[1] ? this.valueOf(call.arguments[1]) : EMPTY;
        return EMPTY;
      }
      if (position === 0 && method === 'then') return index === 0 ? withStep(this.valueOf(callee.expression), fn.parameters[0] ?? fn, 'resolved value given to `then`') : EMPTY;
      if (method === 'catch' || method === 'finally') return EMPTY;
      if (isIdentifier(callee.expression) && callee.expression.text === 'Array' && method === 'from' && position === 1) {
        return index === 0 && call.arguments[0] ? this.valueOf(call.arguments[0]) : EMPTY;
      }
    }
    return undefined;
  }

  private propertyAccess(node: ts.PropertyAccessExpression): Value {
    const name = node.name.text;
    // A length or size says how long the value is, not what it is.
    if (DERIVED_MEMBERS.has(name)) return EMPTY;
    // A member of literal data is literal data (`const l = { email: 'jan@example.nl' }; l.email`).
    const own = this.isLiteralConstant(node.expression) ? EMPTY : this.fromHits(this.classifier.member(node, name), node, () => `reads \`${shortText(node)}\``);
    const base = apply(this.valueOf(node.expression), { op: 'get', key: name });
    const member = this.resolveMember(node);
    const field = member && (isPropertyDeclaration(member) || isGetAccessorDeclaration(member)) && !this.classifier.isLibraryFile(member.getSourceFile())
      ? this.fieldValue(member)
      : member && isParameter(member) && isConstructorDeclaration(member.parent)
        ? this.declarationValue(member)
        : EMPTY;
    return union(own, base, field);
  }

  /** A class field: its initializer, getter or `this.x = …` assignments anywhere in the class. */
  private fieldValue(member: ts.PropertyDeclaration | ts.GetAccessorDeclaration): Value {
    const definitions = this.definitionsOf(member);
    return union(this.declarationValue(member), ...definitions.map((d) => d.value()));
  }

  private elementAccess(node: ts.ElementAccessExpression): Value {
    const key = node.argumentExpression;
    if (isStringLiteral(key) || isNoSubstitutionTemplateLiteral(key)) {
      const own = this.fromHits(this.classifier.member(node, key.text), node, () => `reads \`${shortText(node)}\``);
      return union(own, apply(this.valueOf(node.expression), { op: 'get', key: key.text }));
    }
    // An element of an array carries what the array carries; an unknown key of an object may be any of its members.
    return union(this.valueOf(node.expression), this.typeValue(node));
  }

  private objectLiteral(node: ts.ObjectLiteralExpression): Value {
    const parts: Value[] = [];
    for (const property of node.properties) {
      if (isPropertyAssignment(property)) {
        const key = propertyNameText(property.name);
        let value = this.valueOf(property.initializer);
        if (key !== undefined) {
          if (!this.isNotData(property.initializer)) value = union(this.fromHits(this.keyHits(key, property.initializer, node), property.name, `sent as \`${key}\``), value);
          value = withStep(apply(value, { op: 'put', key }), property.name, `put in \`${key}\``);
        }
        parts.push(value);
      } else if (isShorthandPropertyAssignment(property)) {
        const key = property.name.text;
        const value = union(this.fromHits(this.classifier.owned(this.classifier.byName(key), () => this.literalOwners(node)), property.name, `sent as \`${key}\``), this.identifier(property.name));
        parts.push(withStep(apply(value, { op: 'put', key }), property.name, `put in \`${key}\``));
      } else if (isSpreadAssignment(property)) {
        // Members written after the spread replace the spread's members of the same name.
        const later = node.properties.slice(node.properties.indexOf(property) + 1);
        const except = later.map((p) => (p.name ? propertyNameText(p.name) : undefined)).filter((k): k is string => k !== undefined);
        parts.push(withStep(apply(this.valueOf(property.expression), { op: 'spread', except }), property, `spread into an object`));
      }
    }
    return unionOf(parts);
  }

  private stringOf(node: ts.Node, parts: readonly ts.Expression[], description: string): Value {
    return withStep(unionOf(parts.map((p) => apply(this.valueOf(p), { op: 'flatten' }))), node, description);
  }

  private binary(node: ts.BinaryExpression): Value {
    const op = node.operatorToken.kind;
    switch (op) {
      case SyntaxKind.PlusToken: {
        // `a + b + c + …` nests to the left; walking the chain here keeps long concatenations off the call stack.
        const operands: ts.Expression[] = [];
        let e: ts.Expression = node;
        while (isBinaryExpression(e) && e.operatorToken.kind === SyntaxKind.PlusToken) {
          operands.push(e.right);
          e = e.left;
        }
        operands.push(e);
        return this.stringOf(node, operands.reverse(), 'concatenated');
      }
      case SyntaxKind.QuestionQuestionToken:
      case SyntaxKind.BarBarToken:
      case SyntaxKind.AmpersandAmpersandToken:
        return union(this.valueOf(node.left), this.valueOf(node.right));
      case SyntaxKind.CommaToken:
        return this.valueOf(node.right);
      case SyntaxKind.EqualsToken:
      case SyntaxKind.PlusEqualsToken:
      case SyntaxKind.QuestionQuestionEqualsToken:
      case SyntaxKind.BarBarEqualsToken:
        return this.valueOf(node.right);
      case SyntaxKind.MinusToken:
      case SyntaxKind.AsteriskToken:
      case SyntaxKind.SlashToken:
      case SyntaxKind.PercentToken:
        return apply(union(this.valueOf(node.left), this.valueOf(node.right)), { op: 'flatten' });
      default:
        return EMPTY;
    }
  }

  private call(call: ts.CallExpression): Value {
    const callee = skipOuter(call.expression);
    const args = call.arguments;
    const sanitiser = this.sanitiserFor(callee);
    if (sanitiser) return this.sanitised(call, sanitiser);
    if (this.isDerivedCall(call) || isMask(call) || this.isFake(call)) return EMPTY;
    if (this.apis.sinkAt(call) || this.apis.originOf(call)) return this.typeValue(call);
    const typed = this.typeValue(call);
    const calleeText = (): string => shortText(callee);
    if (isPropertyAccessExpression(callee)) {
      const method = callee.name.text;
      const owner = skipOuter(callee.expression);
      if (isIdentifier(owner) && this.isGlobal(owner)) {
        const builtin = this.builtin(owner.text, method, call);
        if (builtin) return union(builtin, typed);
      }
    } else if (isIdentifier(callee) && this.isGlobal(callee) && (callee.text === 'String' || callee.text === 'encodeURIComponent' || callee.text === 'encodeURI' || callee.text === 'structuredClone')) {
      const first = args[0] ? this.valueOf(args[0]) : EMPTY;
      return callee.text === 'structuredClone' ? first : apply(first, { op: 'flatten' });
    }
    const decl = this.calleeDeclaration(call);
    if (decl) return union(this.applySummary(call, decl), typed);
    if (isPropertyAccessExpression(callee)) {
      const method = callee.name.text;
      const receiver = callee.expression;
      if (method === 'map' || method === 'flatMap') return union(this.callbackReturn(args[0], call), typed);
      if (method === 'reduce' || method === 'reduceRight') return union(this.callbackReturn(args[0], call), args[1] ? this.valueOf(args[1]) : EMPTY, typed);
      if (method === 'then') return union(args[0] ? this.callbackReturn(args[0], call) : this.valueOf(receiver), typed);
      if (method === 'catch' || method === 'finally') return union(this.valueOf(receiver), typed);
      if (method === 'join') return union(apply(this.valueOf(receiver), { op: 'flatten' }), typed);
      if (method === 'concat') return unionOf([this.valueOf(receiver), ...args.map((a) => this.valueOf(a)), typed]);
      if (ARRAY_SAME_METHODS.has(method)) return union(this.valueOf(receiver), typed);
      if (VALUELESS_METHODS.has(method)) return typed;
      return union(this.passedThrough(unionOf([this.valueOf(receiver), ...args.map((a) => this.valueOf(a))]), call, calleeText), typed);
    }
    // A function avglint cannot see into: its result may carry anything its arguments carry — unless it answers a
    // question (`isGeldigBsn(x)`, or typed `boolean`), which reveals nothing of them.
    if (this.answersQuestion(call)) return typed;
    return union(this.passedThrough(unionOf(args.map((a) => this.valueOf(a))), call, calleeText), typed);
  }

  /** `Boolean(x)`, `isNaN(x)`, `Array.isArray(x)`, `Object.keys(x)`: a truth value or the keys, not the value. */
  private isDerivedCall(call: ts.CallExpression): boolean {
    const callee = skipOuter(call.expression);
    if (isIdentifier(callee)) return DERIVED_GLOBALS.has(callee.text) && this.isGlobal(callee);
    if (isPropertyAccessExpression(callee) && isIdentifier(callee.expression)) {
      return DERIVED_STATIC_METHODS.has(`${callee.expression.text}.${callee.name.text}`) && this.isGlobal(callee.expression);
    }
    return false;
  }

  /** An opaque call named as a question or typed `boolean`. */
  private answersQuestion(call: ts.CallExpression): boolean {
    const callee = skipOuter(call.expression);
    const name = isIdentifier(callee) ? callee.text : isPropertyAccessExpression(callee) ? callee.name.text : undefined;
    if (name !== undefined && isPredicateName(name)) return true;
    if (!this.checker) return false;
    return (this.checker.getTypeAtLocation(call).flags & TypeFlags.BooleanLike) !== 0;
  }

  /** A call into a fake-data library (`faker.person.fullName()`, imported from `@faker-js/faker`). */
  isFake(call: ts.CallExpression): boolean {
    const root = rootIdentifier(call.expression);
    if (!root) return false;
    const module = importedFrom(this.resolveLocal(root));
    return module !== undefined && isFakeDataModule(module);
  }

  /** An expression whose value is not personal data by construction: literal or fake data, a sanitiser's result, a derived value or a mask. */
  isNotData(expression: ts.Expression): boolean {
    const e = skipOuter(expression);
    if (isLiteralData(e, (c) => this.isFake(c))) return true;
    if (isCallExpression(e)) return this.sanitiserFor(skipOuter(e.expression)) !== undefined || this.isDerivedCall(e) || isMask(e);
    if (isPropertyAccessExpression(e)) return DERIVED_MEMBERS.has(e.name.text);
    if (isPrefixUnaryExpression(e)) return e.operator === SyntaxKind.ExclamationToken;
    if (isBinaryExpression(e)) return COMPARISONS.has(e.operatorToken.kind);
    return e.kind === SyntaxKind.TypeOfExpression;
  }

  /** Whether `expression` is not data of `category`: not data at all, or a member of an owner that is never a person. */
  private notDataFor(expression: ts.Expression, category: Category): boolean {
    if (this.isNotData(expression)) return true;
    const e = skipOuter(expression);
    if (!isPropertyAccessExpression(e) && !isElementAccessExpression(e)) return false;
    const member = isPropertyAccessExpression(e) ? e.name.text : isStringLiteral(e.argumentExpression) ? e.argumentExpression.text : undefined;
    return ownerIsNotPerson(this.catalogue, this.classifier.ownerIdentities(e), category, member);
  }

  /** `{ naam: … }`: the key classifies the value by name, unless the literal belongs to a non-person or the value is a non-person's. */
  private keyHits(key: string, value: ts.Expression, literal: ts.ObjectLiteralExpression | undefined): Hit[] {
    const hits = this.classifier.byName(key);
    if (hits.length === 0) return hits;
    const owned = literal ? this.classifier.owned(hits, () => this.literalOwners(literal)) : hits;
    return owned.filter((h) => !this.notDataFor(value, h.category));
  }

  /** The owner of an object literal's members: its contextual type (with types), then the name it is given. */
  private literalOwners(literal: ts.ObjectLiteralExpression): (string | undefined)[] {
    const owners: (string | undefined)[] = [];
    if (this.checker) {
      const contextual = this.checker.getContextualType(literal);
      const symbol = contextual?.aliasSymbol ?? contextual?.getSymbol();
      if (symbol && !symbol.name.startsWith('__')) owners.push(symbol.name);
    }
    owners.push(literalName(literal));
    return owners;
  }

  /** A name bound to a `const` whose value is literal data. */
  private isLiteralConstant(expression: ts.Expression): boolean {
    const e = skipOuter(expression);
    if (!isIdentifier(e)) return false;
    const decl = this.resolve(e);
    return decl !== undefined && isVariableDeclaration(decl) && isConst(decl) && decl.initializer !== undefined && isObjectLiteralExpression(skipOuter(decl.initializer)) && isLiteralData(decl.initializer, (c) => this.isFake(c));
  }

  private passedThrough(value: Value, call: ts.CallExpression, calleeText: () => string): Value {
    return value.length === 0 ? value : withStep(value, call, `passed through \`${calleeText()}\``);
  }

  private builtin(owner: string, method: string, call: ts.CallExpression): Value | undefined {
    const args = call.arguments;
    const first = args[0] ? this.valueOf(args[0]) : EMPTY;
    if (owner === 'JSON' && method === 'stringify') return withStep(apply(first, { op: 'flatten' }), call, 'turned into JSON by `JSON.stringify`');
    if (owner === 'JSON' && method === 'parse') return first;
    if (owner === 'Object' && (method === 'assign' || method === 'fromEntries' || method === 'freeze')) return unionOf(args.map((a) => this.valueOf(a)));
    if (owner === 'Object' && (method === 'values' || method === 'entries')) return apply(first, { op: 'flatten' });
    if (owner === 'Object' && method === 'keys') return EMPTY;
    if (owner === 'Promise') return unionOf(args.map((a) => this.valueOf(a)));
    if (owner === 'Array' && method === 'from') return args[1] ? this.callbackReturn(args[1], call) : first;
    if (owner === 'Math' || owner === 'Number' || owner === 'Date') return EMPTY;
    return undefined;
  }

  /** What a callback returns (inline function or a named one), with its parameters bound by `callbackValue`. */
  private callbackReturn(arg: ts.Expression | undefined, call: ts.CallExpression): Value {
    if (!arg) return EMPTY;
    const fn = skipOuter(arg);
    if (isArrowFunction(fn) || isFunctionExpression(fn)) return withStep(this.returnsOf(fn), fn, 'returned by the callback');
    // A named function passed as callback: its parameter 0 receives the elements.
    let decl: ts.Node | undefined = isIdentifier(fn) ? this.resolve(fn) : undefined;
    if (decl && isVariableDeclaration(decl) && decl.initializer) decl = skipOuter(decl.initializer);
    if (decl && isFunctionWithBody(decl)) {
      const receiver = isPropertyAccessExpression(skipOuter(call.expression)) ? (skipOuter(call.expression) as ts.PropertyAccessExpression).expression : undefined;
      const elements = receiver ? this.valueOf(receiver) : EMPTY;
      return this.substitute(this.returnsOf(decl), decl, (index) => (index === 0 ? { value: elements, node: arg } : undefined), shortText(fn));
    }
    return this.valueOf(arg);
  }

  private sanitiserFor(callee: ts.Expression): Sanitiser | undefined {
    if (this.sanitisers.size === 0) return undefined;
    const full = isIdentifier(callee) || isPropertyAccessExpression(callee) ? callee.getText() : undefined;
    if (full !== undefined) {
      const exact = this.sanitisers.get(full);
      if (exact) return exact;
    }
    const last = isIdentifier(callee) ? callee.text : isPropertyAccessExpression(callee) ? callee.name.text : undefined;
    const byName = last === undefined ? undefined : this.sanitisers.get(last);
    return byName && !byName.function.includes('.') ? byName : undefined;
  }

  private sanitised(call: ts.CallExpression, sanitiser: Sanitiser): Value {
    const input = unionOf(call.arguments.map((a) => this.valueOf(a)));
    const removed = apply(input, { op: 'remove', categories: sanitiser.removes.length === 0 ? 'all' : sanitiser.removes });
    const produced = sanitiser.produces ? this.catalogue.categories.get(sanitiser.produces) : undefined;
    if (!produced) return removed;
    const label: CategoryLabel = { kind: 'category', category: produced, path: [], reason: 'sanitiser', trace: step(undefined, call, `produced by \`${sanitiser.function}\``) };
    return union(removed, [label]);
  }

  /** With a checker: the categories the static type of an expression carries (an API response typed `Leerling`). */
  typeValue(node: ts.Expression): Value {
    if (!this.checker) return EMPTY;
    return this.fromHits(this.classifier.type(this.checker.getTypeAtLocation(node), 0, new Set(), [expressionName(node)]), node, () => `\`${shortText(node)}\``);
  }

  fromHits(hits: readonly Hit[], node: ts.Node, describe: string | (() => string)): Value {
    if (hits.length === 0) return EMPTY;
    const what = typeof describe === 'string' ? describe : describe();
    const labels: Label[] = hits.map((hit) => ({
      kind: 'category',
      category: hit.category,
      path: hit.path,
      reason: hit.reason,
      trace: step(undefined, node, `${what}: ${hit.category.label} (by ${hit.detail}${hit.path.length > 0 ? ` of \`${hit.path.join('.')}\`` : ''})`),
    }));
    return union(labels);
  }

  /** Nothing is being evaluated: the question that just finished was a top-level one. */
  private idle(): boolean {
    return this.inProgress.size === 0 && this.summarisingReturns.size === 0 && this.summarisingReaches.size === 0;
  }

  /**
   * Counts one evaluation against the budget of the current top-level question. Values computed inside a cycle are
   * not cached (so results do not depend on which file was analysed first); the budget keeps recursive code, where
   * that means evaluating again, from taking unbounded time. A question that runs out gets a partial answer.
   */
  private spend(): boolean {
    if (this.idle()) {
      this.budget = MAX_STEPS;
      this.rerounds = MAX_REROUNDS;
    }
    return this.budget-- > 0;
  }

  /** Caches a result; while a summary is being computed, also logs how to forget it (see `returnsOf`). */
  private remember<K, V>(map: Map<K, V>, key: K, value: V): void {
    map.set(key, value);
    if (this.idle()) this.cacheLog.length = 0;
    else this.cacheLog.push(() => map.delete(key));
  }

  private forgetSince(mark: number): void {
    while (this.cacheLog.length > mark) this.cacheLog.pop()?.();
  }

  /**
   * Recursion: a function whose summary is asked for while it is being computed gets its answer so far (empty at
   * first). If that happened and the final answer differs, everything cached since is forgotten and the summary is
   * computed again with the new answer, until it no longer changes. So a summary does not depend on which function of
   * a recursive cycle was asked first. Re-evaluations per top-level question are bounded (`MAX_REROUNDS`).
   */
  private fixpoint<T>(fn: ts.Node, heads: Set<ts.Node>, provisional: Map<ts.Node, T>, empty: T, same: (a: T, b: T) => boolean, compute: () => T): T {
    let value = empty;
    try {
      for (;;) {
        const mark = this.cacheLog.length;
        heads.delete(fn);
        value = compute();
        if (!heads.has(fn) || same(value, provisional.get(fn) ?? empty) || this.rerounds <= 0) break;
        this.rerounds--;
        provisional.set(fn, value);
        this.forgetSince(mark);
      }
    } finally {
      // Also when a summary nested too deep unwinds through here (SummaryTooDeep): nothing provisional stays behind.
      heads.delete(fn);
      provisional.delete(fn);
    }
    return value;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Function summaries

  /** What a function returns, in terms of its parameters. */
  returnsOf(fn: FunctionWithBody): Value {
    const cached = this.returns.get(fn);
    if (cached) return cached;
    if (this.summarisingReturns.has(fn)) {
      this.headsReturns.add(fn);
      return this.provisionalReturns.get(fn) ?? EMPTY;
    }
    if (this.summaryNesting === 0) return this.outermostSummary(() => this.computeReturns(fn));
    if (this.summaryNesting >= MAX_SUMMARY_NESTING) throw new SummaryTooDeep(fn, 'returns');
    return this.computeReturns(fn);
  }

  private computeReturns(fn: FunctionWithBody): Value {
    const cached = this.returns.get(fn);
    if (cached) return cached;
    this.summaryNesting++;
    this.summarisingReturns.add(fn);
    let value: Value = EMPTY;
    try {
      value = this.fixpoint(fn, this.headsReturns, this.provisionalReturns, EMPTY, sameLabels, () => {
        if (!isBlock(fn.body)) return this.valueOf(fn.body);
        const parts: Value[] = [];
        forEachReturn(fn.body, (r) => {
          if (r.expression) parts.push(withStep(this.valueOf(r.expression), r, 'returned'));
        });
        return unionOf(parts);
      });
    } finally {
      this.summarisingReturns.delete(fn);
      this.summaryNesting--;
    }
    this.remember(this.returns, fn, value);
    return value;
  }

  /** The value of a call to a function with a body: its summary with the arguments put in for the parameters. */
  private applySummary(call: ts.CallExpression, fn: FunctionWithBody): Value {
    if (this.returnsOf(fn).length === 0) return EMPTY;
    const calleeText = shortText(skipOuter(call.expression));
    let value = this.substitute(this.returnsOf(fn), fn, (index) => {
      const arg = call.arguments[index];
      return arg ? { value: this.valueOf(arg), node: arg } : undefined;
    }, calleeText);
    // A method returning instance state set from constructor arguments: put in the arguments of the `new`.
    const construction = this.constructionFor(call, fn);
    if (construction) {
      value = this.substitute(value, construction.ctor, (index) => {
        const arg = construction.site.arguments?.[index];
        return arg ? { value: this.valueOf(arg), node: arg } : undefined;
      }, shortText(construction.site));
    }
    return withStep(value, call, `returned by \`${calleeText}\``);
  }

  /**
   * For a method call on an instance made in the same file (`new Sync(l).run()`, `const s = new Sync(l); s.run()`):
   * the class's constructor and the `new` expression, so values the constructor stored can be followed.
   */
  private constructionFor(call: ts.CallExpression, fn: FunctionWithBody): { ctor: ts.ConstructorDeclaration; site: ts.NewExpression } | undefined {
    const ctor = constructorOf(fn);
    const callee = skipOuter(call.expression);
    if (!ctor || !isPropertyAccessExpression(callee)) return undefined;
    let receiver: ts.Node | undefined = skipOuter(callee.expression);
    if (isIdentifier(receiver)) {
      const decl = this.resolve(receiver);
      receiver = decl && isVariableDeclaration(decl) && decl.initializer && isConst(decl) ? skipOuter(decl.initializer) : undefined;
    }
    if (!receiver || !isNewExpression(receiver) || sourceFileOf(receiver) !== sourceFileOf(call)) return undefined;
    return this.classOf(receiver.expression) === ctor.parent ? { ctor, site: receiver } : undefined;
  }

  /** Replaces the parameter labels of `fn` in `value` by the arguments' values. */
  substitute(value: Value, fn: ts.SignatureDeclaration, argument: (index: number) => { value: Value; node: ts.Node } | undefined, calleeText: string): Value {
    if (value.length === 0) return value;
    const parts: Value[] = [];
    for (const label of value) {
      if (label.kind === 'category' || label.fn !== fn) {
        parts.push([label]);
        continue;
      }
      const arg = argument(label.index);
      if (!arg) continue;
      parts.push(this.replay(arg.value, arg.node, calleeText, label));
    }
    return unionOf(parts);
  }

  /** Runs an argument's value through what the callee does with the parameter, and joins the traces. */
  replay(argument: Value, argumentNode: ts.Node, calleeText: string, parameter: ParameterLabel): Value {
    const passed = withStep(argument, argumentNode, `passed to \`${calleeText}\``);
    return applyAll(passed, parameter.ops).map((l) => ({ ...l, trace: appendTrace(l.trace, parameter.trace) ?? l.trace }));
  }

  /** Which parameters of a function reach which sinks, directly or through the functions it calls. */
  reachesOf(fn: FunctionWithBody): readonly Reach[] {
    const cached = this.reaches.get(fn);
    if (cached) return cached;
    if (this.summarisingReaches.has(fn)) {
      this.headsReaches.add(fn);
      return this.provisionalReaches.get(fn) ?? [];
    }
    if (this.summaryNesting === 0) return this.outermostSummary(() => this.computeReaches(fn));
    if (this.summaryNesting >= MAX_SUMMARY_NESTING) throw new SummaryTooDeep(fn, 'reaches');
    return this.computeReaches(fn);
  }

  /**
   * The outermost summary being computed: when summaries nest too deep, the one where it happened is summarised
   * first at the top (and so on, innermost first: a stack, not recursion), then the outer computation runs again and
   * finds it done. The results are the same as with unlimited nesting, whatever order files are analysed in.
   */
  private outermostSummary<T>(compute: () => T): T {
    const pending: SummaryTooDeep[] = [];
    for (;;) {
      const next = pending[pending.length - 1];
      try {
        if (!next) return compute();
        if (next.kind === 'returns') this.computeReturns(next.fn);
        else this.computeReaches(next.fn);
        pending.pop();
      } catch (error) {
        if (!(error instanceof SummaryTooDeep)) throw error;
        pending.push(error);
      }
    }
  }

  private computeReaches(fn: FunctionWithBody): readonly Reach[] {
    const cached = this.reaches.get(fn);
    if (cached) return cached;
    this.summaryNesting++;
    this.summarisingReaches.add(fn);
    let reaches: readonly Reach[] = [];
    try {
      const ctor = constructorOf(fn);
      reaches = this.fixpoint<readonly Reach[]>(fn, this.headsReaches, this.provisionalReaches, [], sameReaches, () => {
        const found: Reach[] = [];
        forEachCall(fn.body, (call) => {
          for (const flow of this.flowsAtCall(call)) {
            for (const label of parametersOf(flow.value)) {
              if (label.fn === fn || (ctor !== undefined && label.fn === ctor)) found.push({ sink: flow.sink, label, covered: flow.covered });
            }
          }
        });
        return found;
      });
    } finally {
      this.summarisingReaches.delete(fn);
      this.summaryNesting--;
    }
    this.remember(this.reaches, fn, reaches);
    return reaches;
  }

  /**
   * What flows into a sink at one call: the sink's own data arguments, or, for a call to a function that passes its
   * parameters on to a sink, the arguments of this call replayed through the callee.
   */
  flowsAtCall(call: ts.CallExpression): Flow[] {
    const flows: Flow[] = [];
    const sink = this.apis.sinkAt(call);
    if (sink) {
      for (const carrier of sink.carriers) {
        const value = this.valueOf(carrier.expression);
        if (value.length === 0) continue;
        const covered = new Set(categoriesOf(value).map((l) => l.category.id));
        flows.push({ sink, at: call, carrier: carrier.expression, role: carrier.role, value, covered });
      }
      return flows;
    }
    const decl = this.calleeDeclaration(call);
    if (!decl) return flows;
    const calleeText = shortText(skipOuter(call.expression));
    let construction: { ctor: ts.ConstructorDeclaration; site: ts.NewExpression } | undefined | null = null;
    for (const reach of this.reachesOf(decl)) {
      let arg: ts.Expression | undefined;
      if (reach.label.fn === decl) arg = call.arguments[reach.label.index];
      else {
        // Instance state from the constructor reaches the sink: the argument is in the `new` expression.
        if (construction === null) construction = this.constructionFor(call, decl);
        arg = construction && reach.label.fn === construction.ctor ? construction.site.arguments?.[reach.label.index] : undefined;
      }
      if (!arg) continue;
      const argValue = this.valueOf(arg);
      if (argValue.length === 0) continue;
      const value = this.replay(argValue, arg, calleeText, reach.label).filter((l) => l.kind === 'parameter' || !reach.covered.has(l.category.id));
      if (value.length === 0) continue;
      flows.push({ sink: reach.sink, at: call, carrier: arg, role: 'argument', value, covered: new Set([...reach.covered, ...categoriesOf(value).map((l) => l.category.id)]) });
    }
    return flows;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Assignments and mutations

  private definitionsOf(decl: ts.Node): readonly Definition[] {
    const file = sourceFileOf(decl);
    let table = this.definitions.get(file);
    if (!table) {
      table = this.collectDefinitions(file);
      this.definitions.set(file, table);
    }
    return table.get(decl) ?? [];
  }

  /** One pass over a file: every assignment, property write and mutating call, keyed by the declaration it changes. */
  private collectDefinitions(file: ts.SourceFile): Map<ts.Node, Definition[]> {
    const table = new Map<ts.Node, Definition[]>();
    const add = (target: ts.Node | undefined, definition: Definition): void => {
      if (!target) return;
      const list = table.get(target);
      if (list) list.push(definition);
      else table.set(target, [definition]);
    };
    for (const node of nodesFor(file).writes) {
      if (isBinaryExpression(node) && isAssignment(node.operatorToken.kind)) {
        const assign = node.operatorToken.kind === SyntaxKind.EqualsToken;
        this.addWrite(node.left, node, assign, () => this.valueOf(node.right), add);
      } else if (isCallExpression(node) && isPropertyAccessExpression(node.expression)) {
        const method = node.expression.name.text;
        const target = node.expression.expression;
        if (MUTATING_ADD.has(method)) {
          this.addWrite(target, node, false, () => withStep(unionOf(node.arguments.map((a) => this.valueOf(a))), node, `added by \`${method}\``), add);
        } else if (MUTATING_KEYED.has(method) && node.arguments.length >= 2) {
          const [keyNode, valueNode] = node.arguments;
          if (keyNode && valueNode) this.addWrite(target, node, false, () => this.keyed(keyNode, valueNode, method), add);
        } else if (method === 'assign' && isIdentifier(target) && target.text === 'Object' && node.arguments[0]) {
          const [first, ...rest] = node.arguments;
          if (first) this.addWrite(first, node, false, () => unionOf(rest.map((a) => this.valueOf(a))), add);
        }
      }
    }
    return table;
  }

  /** `params.append('bsn', x)`: x under key `bsn`, and the key's own name classifies the value. */
  private keyed(keyNode: ts.Expression, valueNode: ts.Expression, method: string): Value {
    let value = this.valueOf(valueNode);
    if (isStringLiteral(keyNode) || isNoSubstitutionTemplateLiteral(keyNode)) {
      const key = keyNode.text;
      if (!this.isNotData(valueNode)) value = union(this.fromHits(this.keyHits(key, valueNode, undefined), keyNode, `sent as \`${key}\``), value);
      value = apply(value, { op: 'put', key });
    }
    return withStep(value, valueNode, `added by \`${method}\``);
  }

  private addWrite(target: ts.Expression, node: ts.Node, assign: boolean, value: () => Value, add: (target: ts.Node | undefined, d: Definition) => void): void {
    const keys: string[] = [];
    let e = skipOuter(target);
    for (;;) {
      if (isPropertyAccessExpression(e) && e.expression.kind !== SyntaxKind.ThisKeyword) {
        keys.unshift(e.name.text);
        e = skipOuter(e.expression);
      } else if (isElementAccessExpression(e)) {
        const k = e.argumentExpression;
        if (isStringLiteral(k) || isNoSubstitutionTemplateLiteral(k)) keys.unshift(k.text);
        e = skipOuter(e.expression);
      } else break;
    }
    const withKeys = (): Value => {
      let v = value();
      for (let i = keys.length - 1; i >= 0; i--) v = apply(v, { op: 'put', key: keys[i] ?? '' });
      return v;
    };
    if (isIdentifier(e)) {
      const decl = this.resolve(e);
      add(decl, { node, kind: assign && keys.length === 0 ? 'assign' : 'mutate', value: () => withStep(withKeys(), node, `assigned to \`${shortText(target)}\``) });
    } else if (isPropertyAccessExpression(e) && e.expression.kind === SyntaxKind.ThisKeyword) {
      const member = this.resolveMember(e) ?? classMember(e, e.name.text);
      if (member && (isPropertyDeclaration(member) || isGetAccessorDeclaration(member) || isParameter(member))) {
        add(member, { node, kind: 'mutate', value: () => withStep(withKeys(), node, `stored in \`${shortText(target)}\``) });
      }
    }
  }
}

/** A flow into a sink found at one call. */
export interface Flow {
  readonly sink: SinkSite;
  /** The call the flow was found at: the sink itself, or a call to a function that passes data on to it. */
  readonly at: ts.CallExpression;
  /** The expression at this call that carries the data (the sink's argument, or the argument of a summarised call). */
  readonly carrier: ts.Expression;
  /** How the sink takes it: `body`, `URL`, `params`, `argument`. */
  readonly role: string;
  readonly value: Value;
  /** Categories reported at the sink itself, so callers do not report them again. */
  readonly covered: ReadonlySet<string>;
}

const engines = new WeakMap<object, WeakMap<Catalogue, FlowEngine>>();

/** The engine already made for this program or file, if any (without making one). */
export function existingEngine(catalogue: Catalogue, program: ts.Program | undefined, sourceFile: ts.SourceFile): FlowEngine | undefined {
  return engines.get(program ?? sourceFile)?.get(catalogue);
}

/**
 * The engine for a program (shared by every file of it, so summaries are computed once) or, without a program, for
 * one source file.
 */
export function engineFor(catalogue: Catalogue, program: ts.Program | undefined, sourceFile: ts.SourceFile, networkPackages?: ReadonlySet<string>): FlowEngine {
  const key: object = program ?? sourceFile;
  let byCatalogue = engines.get(key);
  if (!byCatalogue) {
    byCatalogue = new WeakMap();
    engines.set(key, byCatalogue);
  }
  let engine = byCatalogue.get(catalogue);
  // The host's package answer is part of what sinks are: another answer (a changed package.json) needs a new engine.
  if (!engine || engine.networkPackages !== networkPackages) {
    engine = new FlowEngine(catalogue, program);
    engine.networkPackages = networkPackages;
    byCatalogue.set(catalogue, engine);
  }
  return engine;
}

// -----------------------------------------------------------------------------------------------------------------
// Helpers

export function isFunctionWithBody(node: ts.Node): node is FunctionWithBody {
  return (
    (isFunctionDeclaration(node) || isFunctionExpression(node) || isArrowFunction(node) || isMethodDeclaration(node) || isGetAccessorDeclaration(node)) &&
    node.body !== undefined
  );
}

function sameReaches(a: readonly Reach[], b: readonly Reach[]): boolean {
  const key = (r: Reach): string => `${r.sink.call.pos}\0${sourceFileOf(r.sink.call).fileName}\0${labelKey(r.label)}`;
  if (a.length !== b.length) return false;
  const keys = new Set(a.map(key));
  return b.every((r) => keys.has(key(r)));
}

function isImportBinding(node: ts.Node): boolean {
  return isImportClause(node) || isImportSpecifier(node) || isNamespaceImport(node) || isImportEqualsDeclaration(node) || isRequireBinding(node);
}

/**
 * `const x = require('./m')` and `const { a } = require('./m')` in JavaScript: TypeScript binds them as aliases of
 * the module's exports, so the checker follows them like imports.
 */
function isRequireBinding(node: ts.Node): boolean {
  const declaration = isBindingElement(node) ? node.parent.parent : node;
  if (!isVariableDeclaration(declaration) || !declaration.initializer) return false;
  if (!(declaration.getSourceFile().flags & NodeFlags.JavaScriptFile)) return false;
  return requiredModule(skipOuter(declaration.initializer)) !== undefined;
}

/**
 * What a CommonJS export declares: `module.exports = { stuur }` → the function `stuur`; `exports.f = (…) => …` → the
 * arrow function; `module.exports = sync` → the function `sync`. Other declarations are returned as they are.
 */
function commonJsValue(decl: ts.Node, checker: ts.TypeChecker, depth = 0): ts.Node {
  if (depth > 3) return decl;
  if (isShorthandPropertyAssignment(decl)) {
    const value = checker.getShorthandAssignmentValueSymbol(decl);
    const target = value?.valueDeclaration ?? value?.declarations?.[0];
    return target ? commonJsValue(target, checker, depth + 1) : decl;
  }
  const assignment = isPropertyAccessExpression(decl) && isBinaryExpression(decl.parent) && decl.parent.left === decl ? decl.parent : decl;
  if (isBinaryExpression(assignment) && assignment.operatorToken.kind === SyntaxKind.EqualsToken) {
    const right = skipOuter(assignment.right);
    if (isIdentifier(right)) {
      const symbol = checker.getSymbolAtLocation(right);
      const target = symbol?.valueDeclaration ?? symbol?.declarations?.[0];
      return target ? commonJsValue(target, checker, depth + 1) : decl;
    }
    return right;
  }
  if (isPropertyAssignment(decl) && isIdentifier(skipOuter(decl.initializer))) {
    const symbol = checker.getSymbolAtLocation(skipOuter(decl.initializer));
    const target = symbol?.valueDeclaration ?? symbol?.declarations?.[0];
    return target ? commonJsValue(target, checker, depth + 1) : decl;
  }
  return decl;
}

function isConst(decl: ts.VariableDeclaration): boolean {
  return isVariableDeclarationList(decl.parent) && (decl.parent.flags & NodeFlags.Const) !== 0;
}

function isAssignment(kind: ts.SyntaxKind): boolean {
  return kind === SyntaxKind.EqualsToken || kind === SyntaxKind.PlusEqualsToken || kind === SyntaxKind.QuestionQuestionEqualsToken || kind === SyntaxKind.BarBarEqualsToken || kind === SyntaxKind.AmpersandAmpersandEqualsToken;
}


export function enclosingFunction(node: ts.Node): ts.Node {
  for (let n = node.parent; n; n = n.parent) if (isFunctionLike(n) || isSourceFile(n) || isClassStaticBlockDeclaration(n)) return n;
  return node.getSourceFile();
}

/** Whether `definition` runs on every path to `use`: it is a statement of a block that encloses `use`. */
function alwaysRunsBefore(definition: ts.Node, use: ts.Node): boolean {
  const statement = definition.parent;
  if (!isExpressionStatement(statement)) return false;
  const block = statement.parent;
  for (let n: ts.Node | undefined = use.parent; n; n = n.parent) if (n === block) return true;
  return false;
}

function inSameLoop(definition: ts.Node, use: ts.Node, stop: ts.Node): boolean {
  for (let n: ts.Node | undefined = use.parent; n && n !== stop; n = n.parent) {
    if (isIterationStatement(n, false) && definition.pos >= n.pos && definition.end <= n.end) return true;
  }
  return false;
}

/** The constructor (with a body) of the class a method or accessor belongs to. */
function constructorOf(fn: ts.Node): ts.ConstructorDeclaration | undefined {
  if (!(isMethodDeclaration(fn) || isGetAccessorDeclaration(fn)) || !isClassLike(fn.parent)) return undefined;
  return fn.parent.members.find((m): m is ts.ConstructorDeclaration => isConstructorDeclaration(m) && m.body !== undefined);
}

function enclosingClass(at: ts.Node): ts.ClassLikeDeclaration | undefined {
  for (let n: ts.Node | undefined = at.parent; n; n = n.parent) {
    if (isClassLike(n)) return n;
    if (isFunctionDeclaration(n) || isFunctionExpression(n)) return undefined;
  }
  return undefined;
}

/** A member of a class, an object literal or a module (its exported declaration of that name). */
function memberOf(container: ts.Node | undefined, name: string): ts.Node | undefined {
  if (!container) return undefined;
  if (isClassLike(container)) {
    for (const member of container.members) {
      if ((isPropertyDeclaration(member) || isGetAccessorDeclaration(member) || isMethodDeclaration(member)) && member.name && propertyNameText(member.name) === name) return member;
      if (isConstructorDeclaration(member)) {
        const property = member.parameters.find((p) => isIdentifier(p.name) && p.name.text === name && getModifiers(p)?.length);
        if (property) return property;
      }
    }
    return undefined;
  }
  if (isInterfaceDeclaration(container)) {
    return container.members.find((m) => (isMethodSignature(m) || isPropertySignature(m)) && propertyNameText(m.name) === name);
  }
  if (isObjectLiteralExpression(container)) {
    for (const property of container.properties) {
      if ((isPropertyAssignment(property) || isMethodDeclaration(property) || isShorthandPropertyAssignment(property)) && propertyNameText(property.name) === name) return property;
    }
    return undefined;
  }
  if (isSourceFile(container)) {
    for (const statement of container.statements) {
      if ((isFunctionDeclaration(statement) || isClassDeclaration(statement)) && statement.name?.text === name) return statement;
      if (isVariableStatement(statement)) {
        const decl = statement.declarationList.declarations.find((d) => isIdentifier(d.name) && d.name.text === name);
        if (decl) return decl;
      }
      // CommonJS: `exports.name = …`, `module.exports.name = …`, `module.exports = { name … }`.
      if (isExpressionStatement(statement) && isBinaryExpression(statement.expression) && statement.expression.operatorToken.kind === SyntaxKind.EqualsToken) {
        const { left, right } = statement.expression;
        if (isPropertyAccessExpression(left) && left.name.text === name && isCommonJsExports(left.expression)) return skipOuter(right);
        if (isPropertyAccessExpression(left) && left.name.text === 'exports' && isIdentifier(left.expression) && left.expression.text === 'module') {
          const exported = memberOf(skipOuter(right), name);
          if (exported) return exported;
        }
      }
    }
  }
  return undefined;
}

function isCommonJsExports(expression: ts.Expression): boolean {
  if (isIdentifier(expression)) return expression.text === 'exports';
  return isPropertyAccessExpression(expression) && expression.name.text === 'exports' && isIdentifier(expression.expression) && expression.expression.text === 'module';
}

function classMember(at: ts.Node, name: string): ts.Node | undefined {
  for (let n: ts.Node | undefined = at.parent; n; n = n.parent) {
    if (isClassLike(n)) {
      for (const member of n.members) {
        if ((isPropertyDeclaration(member) || isGetAccessorDeclaration(member)) && member.name && propertyNameText(member.name) === name) return member;
        if (isConstructorDeclaration(member)) {
          const property = member.parameters.find((p) => isIdentifier(p.name) && p.name.text === name && getModifiers(p)?.length);
          if (property) return property;
        }
      }
      return undefined;
    }
    if (isFunctionDeclaration(n) || isFunctionExpression(n)) return undefined;
  }
  return undefined;
}

/** The expressions a function returns (its expression body, or each `return`'s expression). */
export function returnedExpressions(fn: FunctionWithBody): ts.Expression[] {
  if (!isBlock(fn.body)) return [fn.body];
  const results: ts.Expression[] = [];
  forEachReturn(fn.body, (r) => {
    if (r.expression) results.push(r.expression);
  });
  return results;
}

export function forEachReturn(body: ts.Node, visit: (node: ts.ReturnStatement) => void): void {
  const walk = (node: ts.Node): void => {
    if (isReturnStatement(node)) visit(node);
    if (isFunctionLike(node) || isClassLike(node)) return;
    forEachChild(node, walk);
  };
  forEachChild(body, walk);
}

/** Every call in a function body, nested callbacks included (they run with the function's parameters in scope). */
export function forEachCall(body: ts.Node, visit: (call: ts.CallExpression) => void): void {
  const walk = (node: ts.Node): void => {
    if (isCallExpression(node)) visit(node);
    if (isFunctionDeclaration(node) || isClassLike(node) || isMethodDeclaration(node)) return;
    forEachChild(node, walk);
  };
  if (isCallExpression(body)) visit(body);
  forEachChild(body, walk);
}

/** The source text of a node on one line, shortened for messages. */
export function shortText(node: ts.Node): string {
  const file = sourceFileOf(node);
  const start = node.getStart(file);
  const text = file.text.slice(start, Math.min(node.getEnd(), start + 200)).replace(/\s+/g, ' ');
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
