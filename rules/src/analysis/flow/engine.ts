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
import { DERIVED_GLOBALS, DERIVED_MEMBERS, DERIVED_STATIC_METHODS, importedFrom, packageImport, isFakeDataModule, isLiteralData, isMask, isPredicateName, rootIdentifier } from './notData';
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
  type TraceStep,
  type Value,
} from './labels';
import { DefinitionTable, type Definition, type Evaluator } from './definitions';
import { Resolver } from './resolver';
import { Casts } from './casts';
import { KnownResults } from './results';
import { ProjectIndex } from './projectIndex';
import { ProjectModules } from './modules';
import { ObservedShapes } from './shapes';
import { constructorOf, enclosingClass, enclosingFunction, forEachCall, forEachReturn, isConst, isFunctionWithBody, shortText, type FunctionWithBody } from './syntax';
import { Apis, type SinkCall, type SinkSite } from './apis';
import { sourceFileOf } from './walk';
import { phrase, PHRASES_WITHOUT_ARGS as FIXED, sourcePhrase, type SourceWhat, type StepMatch, type StepPhrase } from './steps';
import type { Bindings } from './destinations';

// Kept for modules that imported these helpers from the engine before they moved to `syntax.ts`.
export { enclosingFunction, forEachCall, forEachReturn, isFunctionWithBody, returnedExpressions, shortText } from './syntax';
// Read once: every member of the typescript module is a getter, and these run for every node.
const { forEachChild, isFunctionLike, isTypeReferenceNode, SymbolFlags, isArrayBindingPattern, isArrayLiteralExpression, isArrowFunction, isAsExpression, isAwaitExpression, isBinaryExpression, isBindingElement, isBlock, isCallExpression, isConditionalExpression, isConstructorDeclaration, isElementAccessExpression, isEnumMember, isExpressionStatement, isForOfStatement, isFunctionExpression, isGetAccessorDeclaration, isIdentifier, isIterationStatement, isLiteralExpression, isNewExpression, isNoSubstitutionTemplateLiteral, isNonNullExpression, isObjectLiteralExpression, isParameter, isParenthesizedExpression, isPrefixUnaryExpression, isPropertyAccessExpression, isPropertyAssignment, isPropertyDeclaration, isPropertySignature, isSatisfiesExpression, isShorthandPropertyAssignment, isSpreadAssignment, isSpreadElement, isStringLiteral, isTaggedTemplateExpression, isTemplateExpression, isTypeAssertionExpression, isVariableDeclaration, SyntaxKind, TypeFlags } = ts;

/** A parameter of a function that reaches a sink inside it (directly or through further calls). */
export interface Reach {
  readonly sink: SinkSite;
  /** The parameter, with what happens to it on the way and the steps inside the function. */
  readonly label?: ParameterLabel;
  /**
   * Data read inside the function that reaches a sink whose destination only its callers decide (a wrapper's URL
   * parameter, a base URL from the constructor): each caller reports it with the destination its arguments give.
   */
  readonly fixed?: Value;
  /** Categories already reported inside the function at this sink (from the parameter's own name or type). */
  readonly covered: ReadonlySet<string>;
}

const ARRAY_CALLBACK_METHODS = new Set(['map', 'flatMap', 'filter', 'find', 'findLast', 'findIndex', 'findLastIndex', 'forEach', 'some', 'every', 'sort', 'toSorted']);
/** Methods that read one entry by its key: `Map`/`Headers`/`URLSearchParams`/`FormData` `get`, Express `req.header`. */
const KEYED_READS = new Set(['get', 'getAll', 'header', 'getHeader', 'param']);
const ARRAY_SAME_METHODS = new Set(['filter', 'find', 'findLast', 'slice', 'sort', 'toSorted', 'reverse', 'toReversed', 'at', 'flat', 'values', 'splice', 'shift', 'pop', 'with', 'get', 'getAll', 'toString', 'toJSON', 'valueOf', 'trim', 'trimStart', 'trimEnd', 'toLowerCase', 'toUpperCase', 'padStart', 'padEnd', 'substring', 'substr', 'split', 'normalize', 'charAt', 'replace', 'replaceAll', 'repeat', 'entries', 'toLocaleString']);
/** Methods that return their receiver (or a copy) with a key and value added, when a caller uses the result. */
const KEYED_BUILDER_METHODS = new Set(['set', 'append']);
const VALUELESS_METHODS = new Set(['forEach', 'some', 'every', 'includes', 'indexOf', 'lastIndexOf', 'findIndex', 'findLastIndex', 'has', 'keys', 'push', 'unshift', 'append', 'set', 'add', 'delete', 'startsWith', 'endsWith', 'localeCompare', 'test']);

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
/** Comparisons and tests: a truth value, not the values compared. */
const COMPARISONS = new Set<ts.SyntaxKind>([ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.LessThanToken, ts.SyntaxKind.GreaterThanToken, ts.SyntaxKind.LessThanEqualsToken, ts.SyntaxKind.GreaterThanEqualsToken, ts.SyntaxKind.InstanceOfKeyword, ts.SyntaxKind.InKeyword]);

export class FlowEngine implements Evaluator {
  readonly classifier: Classifier;
  readonly checker: ts.TypeChecker | undefined;
  readonly apis: Apis;
  /** Packages the host found to reach the network (see `libraries/packages.ts`), from the analysis input. */
  networkPackages: ReadonlySet<string> | undefined;
  /** Name resolution, shared with the sink interpreter and destinations. */
  readonly resolver: Resolver;
  private readonly casts: Casts;
  private readonly knownResults: KnownResults;
  private readonly shapes: ObservedShapes;
  /** What each untyped binding's observed members make its whole value carry (see `shapes.ts`), per program. */
  private readonly shapeValues = new Map<ts.Node, Value>();
  private readonly values = new Map<ts.Node, Value>();
  private readonly declarationValues = new Map<ts.Node, Value>();
  /** The owners of each object literal asked about (`literalOwners`): one contextual type per literal, not per key. */
  private readonly ownersOfLiterals = new Map<ts.ObjectLiteralExpression, readonly (string | undefined)[]>();
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
  private readonly definitions: DefinitionTable;
  private readonly sanitisers: ReadonlyMap<string, Sanitiser>;

  constructor(
    readonly catalogue: Catalogue,
    readonly program: ts.Program | undefined,
  ) {
    this.checker = program?.getTypeChecker();
    this.classifier = new Classifier({ catalogue, index: categoryIndex(catalogue), program, checker: this.checker });
    const isLibraryFile = (file: ts.SourceFile): boolean => this.classifier.isLibraryFile(file);
    this.resolver = new Resolver(this.checker, isLibraryFile, new ProjectIndex(program, isLibraryFile), new ProjectModules(program));
    this.apis = new Apis(catalogue, this.resolver, () => this.networkPackages);
    this.definitions = new DefinitionTable(this.resolver, this);
    this.casts = new Casts(this.resolver, this.checker);
    this.knownResults = new KnownResults(this.resolver, this.checker);
    this.shapes = new ObservedShapes(this.resolver, this.classifier, this.checker);
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
    this.ownersOfLiterals.clear();
    this.resolver.release();
    this.casts.release();
    this.cacheLog.length = 0;
    this.apis.release();
    this.shapes.release();
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
    if (isNewExpression(node)) return this.promised(node) ?? unionOf((node.arguments ?? []).map((a) => this.valueOf(a)));
    if (isObjectLiteralExpression(node)) return this.objectLiteral(node);
    if (isArrayLiteralExpression(node)) return unionOf(node.elements.map((e) => this.valueOf(e)));
    if (isSpreadElement(node)) return this.valueOf(node.expression);
    if (isTemplateExpression(node)) return this.stringOf(node, node.templateSpans.map((s) => s.expression), FIXED.templateLiteral);
    if (isTaggedTemplateExpression(node) && isTemplateExpression(node.template)) {
      return this.stringOf(node, node.template.templateSpans.map((s) => s.expression), FIXED.templateLiteral);
    }
    if (isBinaryExpression(node)) return this.binary(node);
    if (isConditionalExpression(node)) return union(this.valueOf(node.whenTrue), this.valueOf(node.whenFalse));
    if (isAwaitExpression(node)) return union(this.valueOf(node.expression), this.typeValue(node));
    if (isPrefixUnaryExpression(node)) return node.operator === SyntaxKind.ExclamationToken ? EMPTY : this.valueOf(node.operand);
    return EMPTY;
  }

  /**
   * `new Promise((resolve, reject) => { … resolve(x) … })`: the promise holds what the executor resolves it with, also
   * from inside callbacks (`q.then((r) => resolve(r))`, `q.then(resolve)`). Undefined for any other `new`.
   */
  private promised(node: ts.NewExpression): Value | undefined {
    const callee = skipOuter(node.expression);
    const executor = node.arguments?.[0] && skipOuter(node.arguments[0]);
    if (!isIdentifier(callee) || callee.text !== 'Promise' || !executor || !(isArrowFunction(executor) || isFunctionExpression(executor)) || !this.resolver.isGlobal(callee)) return undefined;
    const resolve = executor.parameters[0];
    if (!resolve || !isIdentifier(resolve.name)) return EMPTY;
    const parts: Value[] = [];
    const isResolve = (e: ts.Expression | undefined): boolean => {
      const inner = e && skipOuter(e);
      return inner !== undefined && isIdentifier(inner) && this.resolver.resolve(inner) === resolve;
    };
    forEachCall(executor.body, (call) => {
      if (isResolve(call.expression)) {
        if (call.arguments[0]) parts.push(withStep(this.valueOf(call.arguments[0]), call, FIXED.resolvedIntoPromise));
      } else if (isPropertyAccessExpression(call.expression) && call.expression.name.text === 'then' && isResolve(call.arguments[0])) {
        parts.push(withStep(this.valueOf(call.expression.expression), call, FIXED.resolvedIntoPromise));
      }
    });
    return unionOf(parts);
  }

  private identifier(id: ts.Identifier): Value {
    if (id.text === 'undefined') return EMPTY;
    const decl = this.resolver.resolve(id);
    if (!decl) return EMPTY;
    const definitions = this.definitions.of(decl);
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
    if (hits.length > 0 && isTruthValueDeclaration(decl)) hits = hits.filter((h) => h.reason === 'tag');
    if (init !== undefined && hits.length > 0) {
      if (literal) hits = hits.filter((h) => h.reason === 'tag' || (h.reason === 'name' && !isConst(decl as ts.VariableDeclaration)));
      else if (isConst(decl as ts.VariableDeclaration)) hits = hits.filter((h) => h.reason !== 'name' || !this.notDataFor(init, h.category));
    }
    const own = this.fromHits(hits, sourceNode, { id: 'value', args: { code: name } });
    if (isVariableDeclaration(decl)) {
      const forOf = decl.parent.parent;
      const init = decl.initializer ?? (isForOfStatement(forOf) ? forOf.expression : undefined);
      const initial = init ? withStep(this.valueOf(init), decl.name, phrase('assignedTo', { name })) : EMPTY;
      return union(own, initial, this.observedShape(decl, literal));
    }
    if (isBindingElement(decl)) return union(own, withStep(this.bindingValue(decl), decl, phrase('destructuredAs', { name: isIdentifier(decl.name) ? decl.name.text : name })), this.observedShape(decl));
    if (isParameter(decl)) return union(own, this.parameterValue(decl), this.observedShape(decl));
    if (isPropertyDeclaration(decl)) {
      const initial = decl.initializer ? withStep(this.valueOf(decl.initializer), decl.name, phrase('storedInField', { name })) : EMPTY;
      return union(own, initial);
    }
    if (isGetAccessorDeclaration(decl)) return isFunctionWithBody(decl) ? union(own, withStep(this.returnsOf(decl), decl.name, phrase('returnedByGetter', { name }))) : own;
    if (isPropertySignature(decl) || isShorthandPropertyAssignment(decl)) return own;
    return EMPTY;
  }

  /**
   * An untyped binding's members as its code reads or writes them (`shapes.ts`): each category under its member's
   * path, so the whole value carries it (`console.log(l)`) and a member that does not classify takes none of it.
   */
  private observedShape(decl: ts.Node, literal = false): Value {
    const cached = this.shapeValues.get(decl);
    if (cached) return cached;
    const code = declarationName(decl) ?? '';
    // Literal data read back is literal data (`const l = { email: 'jan@example.nl' }; l.email`); a member written
    // later (`l.bsn = nummer`) is what is written, and writing literal data (`l.naam = ''`) puts no one's data there.
    const members = this.shapes.of(decl).filter((m) => m.written !== undefined || !literal);
    const parts = members.map((m) => {
      const file = sourceFileOf(m.node);
      const fileName = file.fileName.slice(Math.max(file.fileName.lastIndexOf('/'), file.fileName.lastIndexOf('\\')) + 1);
      const line = file.getLineAndCharacterOfPosition(m.node.getStart(file)).line + 1;
      const written = m.written;
      const what: SourceWhat = { id: 'hasMember', args: { code, member: m.path.join('.'), file: fileName, line } };
      // The member's path from the binding is where the category sits in the whole value; the match says why.
      return m.hits
        .filter((h) => written === undefined || !this.notDataFor(written, h.category))
        .map((h): Label => ({ kind: 'category', category: h.category, path: [...m.path, ...h.path].slice(0, 4), reason: h.reason, trace: new SourceStep(m.node, what, h) }));
    });
    const value = unionOf(parts);
    this.shapeValues.set(decl, value);
    return value;
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
    // A TypeScript `this` parameter is no argument: the first argument goes to the parameter after it.
    const index = fn.parameters.indexOf(parameter) - (isThisParameter(fn.parameters[0]) ? 1 : 0);
    const callback = this.callbackValue(fn, index);
    if (callback) return callback;
    const name = isIdentifier(parameter.name) ? parameter.name.text : `#${index + 1}`;
    const label: ParameterLabel = { kind: 'parameter', fn, index, ops: [], trace: step(undefined, parameter.name, phrase('parameter', { name })) };
    // A default value is what the parameter holds when a call leaves it out.
    const fallback = parameter.initializer ? withStep(this.valueOf(parameter.initializer), parameter.name, phrase('defaultOf', { name })) : EMPTY;
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
      const receiver = (): Value => withStep(this.valueOf(callee.expression), fn.parameters[index] ?? fn, phrase('elementGivenTo', { method }));
      if (position === 0 && ARRAY_CALLBACK_METHODS.has(method)) return index === 0 ? receiver() : EMPTY;
      if (position === 0 && (method === 'reduce' || method === 'reduceRight')) {
        if (index === 1) return receiver();
        if (index === 0) return call.arguments[1] ? this.valueOf(call.arguments[1]) : EMPTY;
        return EMPTY;
      }
      if (position === 0 && method === 'then') return index === 0 ? withStep(this.valueOf(callee.expression), fn.parameters[0] ?? fn, FIXED.resolvedGivenToThen) : EMPTY;
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
    const member = this.resolver.resolveMember(node);
    // A member of an enum is a constant written in the code (`endpoints.grades` is the path `/resultaten`), as
    // literal data is: its name says what it is about, not that it holds anyone's data.
    if (member && isEnumMember(member) && (!member.initializer || isLiteralExpression(member.initializer))) return EMPTY;
    // A member of literal data is literal data (`const l = { email: 'jan@example.nl' }; l.email`).
    const own = this.isLiteralConstant(node.expression) ? EMPTY : this.fromHits(this.classifier.member(node, name), node, () => ({ id: 'reads', args: { code: shortText(node) } }));
    const base = apply(this.valueOf(node.expression), { op: 'get', key: name });
    const field = member && (isPropertyDeclaration(member) || isGetAccessorDeclaration(member)) && !this.classifier.isLibraryFile(sourceFileOf(member))
      ? this.fieldValue(member)
      : member && isParameter(member) && isConstructorDeclaration(member.parent)
        ? this.declarationValue(member)
        : EMPTY;
    return union(own, base, field, this.castValue(node));
  }

  /** What an untyped value is cast to in the same function (`req.body as MarkAttendanceInput`), see `casts.ts`. */
  private castValue(node: ts.Identifier | ts.PropertyAccessExpression): Value {
    const types = this.casts.typesOf(node);
    if (types.length === 0) return EMPTY;
    const checker = this.checker;
    const hits = types.flatMap((t) => (checker ? this.classifier.type(checker.getTypeFromTypeNode(t), 0, new Set(), [expressionName(node)]) : this.classifier.typeNode(t, 0, [expressionName(node)])));
    return this.fromHits(hits, node, () => ({ id: 'cast', args: { code: shortText(node), type: types[0]?.getText() ?? '' } }));
  }

  /** A class field: its initializer, getter or `this.x = …` assignments anywhere in the class. */
  private fieldValue(member: ts.PropertyDeclaration | ts.GetAccessorDeclaration): Value {
    const definitions = this.definitions.of(member);
    return union(this.declarationValue(member), ...definitions.map((d) => d.value()));
  }

  private elementAccess(node: ts.ElementAccessExpression): Value {
    const key = node.argumentExpression;
    if (isStringLiteral(key) || isNoSubstitutionTemplateLiteral(key)) {
      const own = this.fromHits(this.classifier.member(node, key.text), node, () => ({ id: 'reads', args: { code: shortText(node) } }));
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
          if (!this.isNotData(property.initializer)) value = union(this.fromHits(this.keyHits(key, property.initializer, node), property.name, { id: 'sentAs', args: { key } }), value);
          value = withStep(apply(value, { op: 'put', key }), property.name, phrase('putIn', { key }));
        }
        parts.push(value);
      } else if (isShorthandPropertyAssignment(property)) {
        const key = property.name.text;
        const hits = this.isNotData(property.name) ? [] : this.classifier.owned(this.classifier.byName(key), () => this.literalOwners(node));
        const value = union(this.fromHits(hits, property.name, { id: 'sentAs', args: { key } }), this.identifier(property.name));
        parts.push(withStep(apply(value, { op: 'put', key }), property.name, phrase('putIn', { key })));
      } else if (isSpreadAssignment(property)) {
        // Members written after the spread replace the spread's members of the same name.
        const later = node.properties.slice(node.properties.indexOf(property) + 1);
        const except = later.map((p) => (p.name ? propertyNameText(p.name) : undefined)).filter((k): k is string => k !== undefined);
        parts.push(withStep(apply(this.valueOf(property.expression), { op: 'spread', except }), property, FIXED.spreadIntoObject));
      }
    }
    return unionOf(parts);
  }

  private stringOf(node: ts.Node, parts: readonly ts.Expression[], how: StepPhrase): Value {
    return withStep(unionOf(parts.map((p) => apply(this.valueOf(p), { op: 'flatten' }))), node, how);
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
        return this.stringOf(node, operands.reverse(), FIXED.concatenated);
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
    // A library call whose result shape is known (libraries/results.ts) and whose types are not there: what the
    // service answers, not what the call was given.
    const known = this.knownResults.of(call);
    if (known) return union(this.fromHits(this.classifier.shape(known.shape), call, () => ({ id: 'knownResult', args: { callee: shortText(callee), library: known.library.label } })), this.typeValue(call));
    if (this.apis.sinkAt(call) || this.apis.originOf(call)) return this.typeValue(call);
    const typed = this.typeValue(call);
    const calleeText = (): string => shortText(callee);
    if (isPropertyAccessExpression(callee)) {
      const method = callee.name.text;
      const owner = skipOuter(callee.expression);
      if (isIdentifier(owner) && this.resolver.isGlobal(owner)) {
        const builtin = this.builtin(owner.text, method, call);
        if (builtin) return union(builtin, typed);
      }
    } else if (isIdentifier(callee) && this.resolver.isGlobal(callee) && (callee.text === 'String' || callee.text === 'encodeURIComponent' || callee.text === 'encodeURI' || callee.text === 'structuredClone')) {
      const first = args[0] ? this.valueOf(args[0]) : EMPTY;
      return callee.text === 'structuredClone' ? first : apply(first, { op: 'flatten' });
    }
    const decl = this.resolver.calleeDeclaration(call);
    if (decl) return union(this.applySummary(call, decl), typed);
    if (isPropertyAccessExpression(callee)) {
      const method = callee.name.text;
      const receiver = callee.expression;
      if (method === 'map' || method === 'flatMap') return union(this.callbackReturn(args[0], call), typed);
      if (method === 'reduce' || method === 'reduceRight') return union(this.callbackReturn(args[0], call), args[1] ? this.valueOf(args[1]) : EMPTY, typed);
      if (method === 'then') return union(args[0] ? this.callbackReturn(args[0], call) : this.valueOf(receiver), typed);
      if (method === 'catch' || method === 'finally') return union(this.valueOf(receiver), typed);
      // `headers.get('user-agent')`, `req.header('x-forwarded-for')`, `params.get('bsn')`: the entry under that key,
      // as `set('bsn', x)` and `append` put it there — not everything else the receiver holds.
      const key = args.length === 1 && args[0] && (isStringLiteral(args[0]) || isNoSubstitutionTemplateLiteral(args[0])) ? args[0].text : undefined;
      if (key !== undefined && KEYED_READS.has(method)) return union(this.passedThrough(apply(this.valueOf(receiver), { op: 'get', key }), call, calleeText), typed);
      if (method === 'join') return union(apply(this.valueOf(receiver), { op: 'flatten' }), typed);
      if (method === 'concat') return unionOf([this.valueOf(receiver), ...args.map((a) => this.valueOf(a)), typed]);
      if (ARRAY_SAME_METHODS.has(method)) return union(this.valueOf(receiver), typed);
      // `new HttpParams().set('bsn', x)`, `headers.append(…)`, `map.set(…)` whose result is used: the builder (or the
      // map itself) returned with the pair in it.
      if (KEYED_BUILDER_METHODS.has(method) && args[0] && args[1]) return unionOf([this.valueOf(receiver), this.keyedValue(args[0], args[1], method), typed]);
      if (VALUELESS_METHODS.has(method)) return typed;
      // A receiver nothing resolves (a module a registry loaded: `command.callback(…)`): the functions the project's
      // modules export under that name, as a field-based call graph has it.
      const targets = this.isLoadedModule(receiver) ? this.resolver.project?.exportedFunctions(method, call) ?? [] : [];
      if (targets.length > 0 && targets.length <= MAX_FIELD_TARGETS) return unionOf([...targets.map((fn) => this.applySummary(call, fn)), typed]);
      // A package's object (an SDK client built with a password): its methods return what the service answers, not
      // what the object was built with. Only what this call passes may come back.
      const receiverValue = this.isPackageInstance(receiver) ? EMPTY : this.valueOf(receiver);
      return union(this.passedThrough(unionOf([receiverValue, ...args.map((a) => this.valueOf(a))]), call, calleeText), typed);
    }
    // A function avglint cannot see into: its result may carry anything its arguments carry — unless it answers a
    // question (`isGeldigBsn(x)`, or typed `boolean`), which reveals nothing of them.
    if (this.answersQuestion(call)) return typed;
    return union(this.passedThrough(unionOf(args.map((a) => this.valueOf(a))), call, calleeText), typed);
  }

  /**
   * Whether a receiver is a module some registry handed over, as far as the code shows: an untyped parameter, a
   * variable declared without a value (`let command;` set in a callback), an element of a registry (`commands[name]`)
   * or a registry's lookup (`commands.get(name)`) — and nothing else resolves it (no library, no import).
   */
  private isLoadedModule(receiver: ts.Expression): boolean {
    const e = skipOuter(receiver);
    if (this.apis.originOf(e)) return false;
    if (isElementAccessExpression(e)) return true;
    if (isCallExpression(e)) {
      const callee = skipOuter(e.expression);
      return isPropertyAccessExpression(callee) && callee.name.text === 'get' && e.arguments.length === 1;
    }
    if (!isIdentifier(e)) return false;
    const decl = this.resolver.resolve(e);
    if (decl && isParameter(decl)) return !decl.type && !decl.initializer;
    return decl !== undefined && isVariableDeclaration(decl) && !decl.initializer && !decl.type && isIdentifier(decl.name);
  }

  /** `Boolean(x)`, `isNaN(x)`, `Array.isArray(x)`, `Object.keys(x)`: a truth value or the keys, not the value. */
  private isDerivedCall(call: ts.CallExpression): boolean {
    const callee = skipOuter(call.expression);
    if (isIdentifier(callee)) return DERIVED_GLOBALS.has(callee.text) && this.resolver.isGlobal(callee);
    if (isPropertyAccessExpression(callee) && isIdentifier(callee.expression)) {
      return DERIVED_STATIC_METHODS.has(`${callee.expression.text}.${callee.name.text}`) && this.resolver.isGlobal(callee.expression);
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

  /**
   * An instance made by `new` of a class imported or required from a package (`new WebUntis(school, user, password)`,
   * `new Lib.Client(…)`), not one of the project's own classes nor a global such as `Date` or `URL`.
   */
  private isPackageInstance(receiver: ts.Expression): boolean {
    const site = this.newSite(receiver, 0);
    const root = site && rootIdentifier(site.expression);
    if (!root) return false;
    const module = packageImport(this.resolver.resolveLocal(root));
    return module !== undefined && !module.startsWith('.') && !module.startsWith('/');
  }

  /** A call into a fake-data library (`faker.person.fullName()`, imported from `@faker-js/faker`). */
  isFake(call: ts.CallExpression): boolean {
    const root = rootIdentifier(call.expression);
    if (!root) return false;
    const module = importedFrom(this.resolver.resolveLocal(root));
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
    if (isIdentifier(e)) return isTruthValueDeclaration(this.resolver.resolve(e));
    return e.kind === SyntaxKind.TypeOfExpression;
  }


  /** Whether `expression` is not data of `category`: not data at all, or a member of an owner that is never a person. */
  notDataFor(expression: ts.Expression, category: Category): boolean {
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
  private literalOwners(literal: ts.ObjectLiteralExpression): readonly (string | undefined)[] {
    let owners = this.ownersOfLiterals.get(literal);
    if (!owners) this.ownersOfLiterals.set(literal, (owners = this.computeLiteralOwners(literal)));
    return owners;
  }

  private computeLiteralOwners(literal: ts.ObjectLiteralExpression): (string | undefined)[] {
    const owners: (string | undefined)[] = [];
    if (this.checker && !ownTypeOnly(literal, this.checker)) {
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
    const decl = this.resolver.resolve(e);
    return decl !== undefined && isVariableDeclaration(decl) && isConst(decl) && decl.initializer !== undefined && isObjectLiteralExpression(skipOuter(decl.initializer)) && isLiteralData(decl.initializer, (c) => this.isFake(c));
  }

  private passedThrough(value: Value, call: ts.CallExpression, calleeText: () => string): Value {
    return value.length === 0 ? value : withStep(value, call, phrase('passedThrough', { callee: calleeText() }));
  }

  private builtin(owner: string, method: string, call: ts.CallExpression): Value | undefined {
    const args = call.arguments;
    const first = args[0] ? this.valueOf(args[0]) : EMPTY;
    if (owner === 'JSON' && method === 'stringify') return withStep(apply(first, { op: 'flatten' }), call, FIXED.jsonStringify);
    if (owner === 'JSON' && method === 'parse') return first;
    if (owner === 'Object' && (method === 'assign' || method === 'fromEntries' || method === 'freeze')) return unionOf(args.map((a) => this.valueOf(a)));
    if (owner === 'Object' && (method === 'values' || method === 'entries')) return apply(first, { op: 'flatten' });
    if (owner === 'Object' && method === 'keys') return EMPTY;
    if (owner === 'Promise') return unionOf(args.map((a) => this.valueOf(a)));
    if (owner === 'Array' && method === 'from') return args[1] ? this.callbackReturn(args[1], call) : first;
    // A rounded, bounded or absolute grade is still the grade, as `x * 10 / 10` is (arithmetic carries too).
    if (owner === 'Math' && MATH_OF_VALUE.has(method)) return withStep(apply(unionOf(args.map((a) => this.valueOf(a))), { op: 'flatten' }), call, phrase('computedBy', { fn: `Math.${method}` }));
    if (owner === 'Math' || owner === 'Number' || owner === 'Date') return EMPTY;
    return undefined;
  }

  /** What a callback returns (inline function or a named one), with its parameters bound by `callbackValue`. */
  private callbackReturn(arg: ts.Expression | undefined, call: ts.CallExpression): Value {
    if (!arg) return EMPTY;
    const fn = skipOuter(arg);
    if (isArrowFunction(fn) || isFunctionExpression(fn)) return withStep(this.returnsOf(fn), fn, FIXED.returnedByCallback);
    // A named function passed as callback: its parameter 0 receives the elements.
    let decl: ts.Node | undefined = isIdentifier(fn) ? this.resolver.resolve(fn) : undefined;
    if (decl && isVariableDeclaration(decl) && decl.initializer) decl = skipOuter(decl.initializer);
    if (decl && isFunctionWithBody(decl)) {
      const receiver = isPropertyAccessExpression(skipOuter(call.expression)) ? (skipOuter(call.expression) as ts.PropertyAccessExpression).expression : undefined;
      const elements = receiver ? this.valueOf(receiver) : EMPTY;
      return this.substitute(this.returnsOf(decl), decl, (index) => (index === 0 ? { value: elements, node: arg } : undefined), shortText(fn));
    }
    return this.valueOf(arg);
  }

  /** `params.append('bsn', x)`: x under key `bsn`, and the key's own name classifies the value. */
  keyedValue(keyNode: ts.Expression, valueNode: ts.Expression, method: string): Value {
    let value = this.valueOf(valueNode);
    if (isStringLiteral(keyNode) || isNoSubstitutionTemplateLiteral(keyNode)) {
      const key = keyNode.text;
      if (!this.isNotData(valueNode)) value = union(this.fromHits(this.keyHits(key, valueNode, undefined), keyNode, { id: 'sentAs', args: { key } }), value);
      value = apply(value, { op: 'put', key });
    }
    return withStep(value, valueNode, phrase('addedBy', { method }));
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
    const label: CategoryLabel = { kind: 'category', category: produced, path: [], reason: 'sanitiser', trace: step(undefined, call, phrase('producedBy', { fn: sanitiser.function })) };
    return union(removed, [label]);
  }

  /** With a checker: the categories the static type of an expression carries (an API response typed `Leerling`). */
  typeValue(node: ts.Expression): Value {
    if (!this.checker) return EMPTY;
    return this.fromHits(this.classifier.type(this.checker.getTypeAtLocation(node), 0, new Set(), [expressionName(node)]), node, () => ({ id: 'value', args: { code: shortText(node) } }));
  }

  /** The labels of a source's hits; `describe` says what the source is (a function: only made when there are hits). */
  fromHits(hits: readonly Hit[], node: ts.Node, describe: SourceWhat | (() => SourceWhat)): Value {
    if (hits.length === 0) return EMPTY;
    const what = typeof describe === 'function' ? describe() : describe;
    const labels: Label[] = hits.map((hit) => ({
      kind: 'category',
      category: hit.category,
      path: hit.path,
      reason: hit.reason,
      trace: new SourceStep(node, what, hit),
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
          if (r.expression) parts.push(withStep(this.valueOf(r.expression), r, FIXED.returned));
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
    return withStep(value, call, phrase('returnedBy', { callee: calleeText }));
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
      const decl = this.resolver.resolve(receiver);
      receiver = decl && isVariableDeclaration(decl) && decl.initializer && isConst(decl) ? skipOuter(decl.initializer) : undefined;
    }
    if (!receiver || !isNewExpression(receiver) || sourceFileOf(receiver) !== sourceFileOf(call)) return undefined;
    return this.resolver.classOf(receiver.expression) === ctor.parent ? { ctor, site: receiver } : undefined;
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
    const passed = withStep(argument, argumentNode, phrase('passedTo', { callee: calleeText }));
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
            if (isPending(flow.sink)) {
              const fixed = flow.value.filter((l) => l.kind === 'category');
              if (fixed.length > 0) found.push({ sink: flow.sink, fixed, covered: flow.covered });
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
  flowsAtCall(call: SinkCall): Flow[] {
    const flows: Flow[] = [];
    const sink = this.apis.sinkAt(call);
    if (sink) {
      for (const carrier of sink.carriers) {
        const value = this.valueOf(carrier.expression);
        if (value.length === 0) continue;
        // A destination its callers decide has not been reported here: callers still report what they pass.
        const covered = new Set(sink.relocate ? [] : categoriesOf(value).map((l) => l.category.id));
        flows.push({ sink, at: call, carrier: carrier.expression, role: carrier.role, value, covered });
      }
      return flows;
    }
    if (!isCallExpression(call)) return flows;
    const decl = this.resolver.calleeDeclaration(call);
    if (!decl) return flows;
    const calleeText = shortText(skipOuter(call.expression));
    let construction: { ctor: ts.ConstructorDeclaration; site: ts.NewExpression } | undefined | null = null;
    let factory: { site: ts.CallExpression; factory: FunctionWithBody } | undefined | null = null;
    // Sinks whose destination depends on the callee's parameters, resolved with this call's arguments (once each).
    let bindings: Bindings | null = null;
    const relocated = new Map<SinkSite, SinkSite>();
    const relocate = (sink: SinkSite): SinkSite => {
      const move = sink.relocate;
      if (!move) return sink;
      let moved = relocated.get(sink);
      if (!moved) {
        bindings ??= this.bindingsAt(call, decl);
        const merged = new Map([...(sink.bindings ?? []), ...bindings]);
        moved = { ...sink, bindings: merged, destination: move(merged) };
        relocated.set(sink, moved);
      }
      return moved;
    };
    const reaches = this.reachesOf(decl);
    for (const reach of reaches) {
      if (!reach.label) continue;
      let arg: ts.Expression | undefined;
      if (reach.label.fn === decl) arg = call.arguments[reach.label.index];
      else {
        // Instance state from the constructor reaches the sink: the argument is in the `new` expression.
        if (construction === null) construction = this.constructionFor(call, decl);
        arg = construction && reach.label.fn === construction.ctor ? construction.site.arguments?.[reach.label.index] : undefined;
        // A factory's parameter the closure (or the made object's method) holds: the argument of the factory call.
        if (!arg) {
          if (factory === null) factory = this.resolver.factorySite(call.expression) ?? undefined;
          if (factory && reach.label.fn === factory.factory) arg = factory.site.arguments[reach.label.index];
        }
      }
      if (!arg) continue;
      const argValue = this.valueOf(arg);
      if (argValue.length === 0) continue;
      const value = this.replay(argValue, arg, calleeText, reach.label).filter((l) => l.kind === 'parameter' || !reach.covered.has(l.category.id));
      if (value.length === 0) continue;
      flows.push({ sink: relocate(reach.sink), at: call, carrier: arg, role: 'argument', value, covered: new Set([...reach.covered, ...categoriesOf(value).map((l) => l.category.id)]) });
    }
    // Data the callee reads itself, sent where this call's arguments say: reported at this call, except categories
    // an argument already carries there.
    for (const reach of reaches) {
      if (!reach.fixed) continue;
      const sink = relocate(reach.sink);
      const passed = new Set(flows.filter((f) => f.sink === sink).flatMap((f) => categoriesOf(f.value).map((l) => l.category.id)));
      const value = reach.fixed.filter((l) => l.kind === 'category' && !passed.has(l.category.id));
      if (value.length === 0) continue;
      flows.push({ sink, at: call, carrier: call, role: 'argument', value: withStep(value, call, phrase('sentByCall', { callee: calleeText })), covered: new Set(categoriesOf(value).map((l) => l.category.id)), ...(isPending(sink) ? { pending: true } : {}) });
    }
    return flows;
  }

  /**
   * The arguments a call gives the callee's parameters and, for a method, the arguments of the `new` that made the
   * receiver given to the constructors of its class and the classes it extends (through `super(…)`), or to a
   * constructor function. Used to resolve a destination built from parameters at each call site.
   */
  private bindingsAt(call: ts.CallExpression, fn: FunctionWithBody): Bindings {
    const bindings = new Map<ts.ParameterDeclaration, ts.Expression>();
    const bind = (all: readonly ts.ParameterDeclaration[], args: readonly ts.Expression[]): void => {
      const parameters = isThisParameter(all[0]) ? all.slice(1) : all;
      parameters.forEach((p, i) => {
        const arg = args[i];
        if (arg && !p.dotDotDotToken) bindings.set(p, arg);
      });
    };
    bind(fn.parameters, call.arguments);
    // A closure or a made object's method: the factory's parameters hold the factory call's arguments.
    const made = this.resolver.factorySite(call.expression);
    if (made) bind(made.factory.parameters, made.site.arguments);
    const callee = skipOuter(call.expression);
    if (!isPropertyAccessExpression(callee)) return bindings;
    let args: readonly ts.Expression[] | undefined;
    let cls: ts.ClassLikeDeclaration | undefined;
    if (callee.expression.kind === SyntaxKind.ThisKeyword) {
      // `this.post(…)` in a subclass: what its constructor passes to `super(…)` is known; its own parameters are not.
      cls = enclosingClass(call);
    } else {
      const site = this.newSite(callee.expression, 0);
      if (!site) return bindings;
      args = site.arguments ?? [];
      cls = this.resolver.classOf(site.expression);
      if (!cls) {
        const ctorFunction = this.resolver.constructorFunction(site.expression);
        if (ctorFunction) bind(ctorFunction.parameters, args);
        return bindings;
      }
    }
    for (let depth = 0; cls && depth < 5; depth++) {
      const ctor = cls.members.find((m): m is ts.ConstructorDeclaration => isConstructorDeclaration(m) && m.body !== undefined);
      if (ctor?.body) {
        if (args) bind(ctor.parameters, args);
        const superCall = ctor.body.statements.map((st) => (isExpressionStatement(st) ? skipOuter(st.expression) : undefined)).find((e): e is ts.CallExpression => e !== undefined && isCallExpression(e) && e.expression.kind === SyntaxKind.SuperKeyword);
        if (!superCall) break;
        args = superCall.arguments;
      }
      cls = this.resolver.superClass(cls);
    }
    return bindings;
  }

  /** The `new` expression that made the value of a receiver (`api` in `api.post(…)`, `this.api`), if visible. */
  private newSite(receiver: ts.Expression, depth: number): ts.NewExpression | undefined {
    const e = skipOuter(receiver);
    if (isNewExpression(e)) return e;
    if (depth > 4) return undefined;
    let decl: ts.Node | undefined;
    if (isIdentifier(e)) decl = this.resolver.resolve(e);
    else if (isPropertyAccessExpression(e)) {
      decl = this.resolver.resolveMember(e);
      if (decl && isPropertyDeclaration(decl) && !decl.initializer && e.expression.kind === SyntaxKind.ThisKeyword) {
        for (const value of this.resolver.thisAssignments(e)) {
          const site = this.newSite(value, depth + 1);
          if (site) return site;
        }
        return undefined;
      }
    }
    if (decl && (isVariableDeclaration(decl) || isPropertyDeclaration(decl)) && decl.initializer) return this.newSite(decl.initializer, depth + 1);
    // A module's exported instance (`export default new Api(url)`): the resolver gives the exported expression.
    if (decl && isNewExpression(decl)) return decl;
    return undefined;
  }
}

/** A flow into a sink found at one call. */
export interface Flow {
  readonly sink: SinkSite;
  /** The call the flow was found at: the sink itself, or a call to a function that passes data on to it. */
  readonly at: SinkCall;
  /** The expression at this call that carries the data (the sink's argument, or the argument of a summarised call). */
  readonly carrier: ts.Expression;
  /** How the sink takes it: `body`, `URL`, `params`, `argument`. */
  readonly role: string;
  readonly value: Value;
  /** Categories reported at the sink itself, so callers do not report them again. */
  readonly covered: ReadonlySet<string>;
  /** Data whose destination is still open here: callers further up decide it, and no check reports this flow. */
  readonly pending?: boolean;
}

/** More functions than this under one exported name is no registry of modules but a common name: not followed. */
const MAX_FIELD_TARGETS = 16;

/** `Math` functions whose result is (a rounding or a choice among) their arguments' values. */
const MATH_OF_VALUE: ReadonlySet<string> = new Set(['round', 'ceil', 'floor', 'trunc', 'abs', 'min', 'max', 'fround']);

/**
 * A switch named like a category (`absences = true`, `verzuim: boolean`): a parameter or variable declared `boolean`
 * or, without a type, a parameter or constant initialised with `true`/`false` holds a truth value, not the data.
 */
function isTruthValueDeclaration(decl: ts.Node | undefined): boolean {
  if (!decl || (!isParameter(decl) && !isVariableDeclaration(decl))) return false;
  if (decl.type) return decl.type.kind === SyntaxKind.BooleanKeyword;
  const init = decl.initializer && skipOuter(decl.initializer);
  return init !== undefined && (init.kind === SyntaxKind.TrueKeyword || init.kind === SyntaxKind.FalseKeyword) && (isParameter(decl) || isConst(decl));
}

function isThisParameter(parameter: ts.ParameterDeclaration | undefined): boolean {
  return parameter !== undefined && isIdentifier(parameter.name) && parameter.name.text === 'this';
}

/** A sink whose destination depends on parameters and is not known yet. */
function isPending(sink: SinkSite): boolean {
  return sink.relocate !== undefined && sink.destination?.kind === 'unresolved';
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


function sameReaches(a: readonly Reach[], b: readonly Reach[]): boolean {
  const key = (r: Reach): string => `${r.sink.call.pos}\0${sourceFileOf(r.sink.call).fileName}\0${r.label ? labelKey(r.label) : `fixed:${categoriesOf(r.fixed ?? []).map((l) => l.category.id).join(',')}`}`;
  if (a.length !== b.length) return false;
  const keys = new Set(a.map(key));
  return b.every((r) => keys.has(key(r)));
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









/** Why a hit is its category, as the arguments of a source phrase. */
export function hitMatch(hit: Hit): StepMatch {
  return hit.path.length > 0
    ? { category: hit.category.label, by: hit.reason, matched: hit.matched, of: hit.path.join('.') }
    : { category: hit.category.label, by: hit.reason, matched: hit.matched };
}

/**
 * The first step of a trace: where a source was read, and why it is the category. Its phrase is put together only
 * when it is read: most labels never become part of a finding's path (they are unioned away, or carry no finding),
 * and merging the arguments of every source phrase was a tenth of the time the values at sinks took.
 */
class SourceStep implements TraceStep {
  readonly prev = undefined;
  readonly length = 1;
  private made: StepPhrase | undefined;

  constructor(
    readonly node: ts.Node,
    private readonly what: SourceWhat,
    private readonly hit: Hit,
  ) {}

  get phrase(): StepPhrase {
    return (this.made ??= sourcePhrase(this.what, hitMatch(this.hit)));
  }
}

/**
 * Whether an object literal passed straight to a call can only be typed by itself there, so that asking the checker
 * for its contextual type would name no owner: every declaration of the callee takes that argument as a bare type
 * parameter of its own (or `any`/`unknown`), which no other parameter, no other type parameter and no return type
 * mentions, and the call gives no type arguments. Generic clients' `post(url, data)` are the common case; the
 * contextual type of their data is the literal's own unnamed type, and finding it resolves the whole call — the
 * signature, every overload and the inference of every argument — which was the largest part of the checker's time
 * at sinks in the benchmark profile.
 */
function ownTypeOnly(literal: ts.ObjectLiteralExpression, checker: ts.TypeChecker): boolean {
  const call = literal.parent;
  if (!(isCallExpression(call) || isNewExpression(call)) || call.typeArguments !== undefined) return false;
  const index = call.arguments?.indexOf(literal) ?? -1;
  if (index < 0) return false;
  const callee = skipOuter(call.expression);
  const name = isPropertyAccessExpression(callee) ? callee.name : isIdentifier(callee) ? callee : undefined;
  if (!name) return false;
  let symbol = checker.getSymbolAtLocation(name);
  if (symbol && symbol.flags & SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  const declarations = symbol?.declarations;
  return declarations !== undefined && declarations.length > 0 && declarations.every((d) => freeTypeParameterAt(d, index));
}

function freeTypeParameterAt(node: ts.Declaration, index: number): boolean {
  if (!isFunctionLike(node)) return false;
  const declaration: ts.SignatureDeclaration = node;
  const parameter = declaration.parameters[index];
  if (!parameter || parameter.dotDotDotToken || !parameter.type) return false;
  const type = parameter.type;
  if (type.kind === SyntaxKind.AnyKeyword || type.kind === SyntaxKind.UnknownKeyword) return true;
  if (!isTypeReferenceNode(type) || type.typeArguments || !isIdentifier(type.typeName)) return false;
  const own = type.typeName.text;
  const typeParameter = declaration.typeParameters?.find((p) => p.name.text === own);
  if (!typeParameter) return false;
  const elsewhere: ts.Node[] = [];
  for (const other of declaration.parameters) if (other !== parameter && other.type) elsewhere.push(other.type);
  for (const other of declaration.typeParameters ?? []) {
    if (other.constraint) elsewhere.push(other.constraint);
    if (other.default && other !== typeParameter) elsewhere.push(other.default);
  }
  if (declaration.type) elsewhere.push(declaration.type);
  return !elsewhere.some((node) => mentions(node, own));
}

/** Whether a type node names `name` anywhere inside it. */
function mentions(node: ts.Node, name: string): boolean {
  if (isIdentifier(node)) return node.text === name;
  return forEachChild(node, (child) => (mentions(child, name) ? true : undefined)) === true;
}
