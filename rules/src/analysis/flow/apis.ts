/**
 * Sinks: the calls through which data leaves the code (HTTP clients, browser APIs, SDKs, chat bots) or is written to
 * a log, and where it goes. This module is an interpreter of the descriptor tables in `../libraries/`: it knows how
 * to follow names to a library and how to read a descriptor, and nothing about any particular library.
 *
 * An "origin" is what an expression denotes as an API: a library's module or global (`axios`, `fetch`), a member of
 * it (`axios.post`), an instance (an `axios.create` client, an injected `HttpClient`, a Sentry scope handed to a
 * callback, a pino logger) or a request (`superagent.post(url)`, an `XMLHttpRequest`). Origins follow variables,
 * destructuring, class fields, type annotations, factories and (with a checker) imports from other modules, so a
 * client created once and exported is still recognised where it is used.
 */
// Default import: `import * as` would read every member through an esModuleInterop getter (a sixth of the time).
import ts from 'typescript';
import type { Catalogue, Processor } from '../../catalogue/model';
import { INJECTORS, LIBRARIES, libraryOfGlobal, libraryOfInstanceName, librariesOfImportedInstanceName, libraryOfModule, moduleMatches, GENERIC_SDK, type DataSlot, type Library, type Maker, type Operation, type Receiver, type Slot } from '../libraries';
import { propertyNameText, skipOuter } from './classify';
import { isNetworkPackage, packageOf } from '../libraries/packages';
import { Destinations, HOLE, type Bindings, type Destination, type Located, type Requests } from './destinations';
import { nodesFor } from './nodes';
import type { Resolver } from './resolver';
import { importOf, requiredModule } from './scopes';
import { isImportBinding, returnedExpressions } from './syntax';
// Read once: every member of the typescript module is a getter, and these run for every node.
const { getModifiers, isClassLike, isArrowFunction, isFunctionDeclaration, isAsExpression, isAwaitExpression, isBinaryExpression, isBindingElement, isCallExpression, isFunctionExpression, isIdentifier, isImportClause, isImportEqualsDeclaration, isImportSpecifier, isModuleBlock, isNamespaceImport, isNewExpression, isNoSubstitutionTemplateLiteral, isNonNullExpression, isNumericLiteral, isObjectLiteralExpression, isParameter, isParenthesizedExpression, isPropertyAccessExpression, isPropertyAssignment, isPropertyDeclaration, isQualifiedName, isSatisfiesExpression, isShorthandPropertyAssignment, isSpreadAssignment, isStringLiteral, isTypeReferenceNode, isUnionTypeNode, isVariableDeclaration, isVariableDeclarationList, isVariableStatement, forEachChild, NodeFlags, SyntaxKind } = ts;

export interface Origin {
  readonly library: Library;
  readonly receiver: Receiver;
  /** Members taken from the module, instance or request: `axios.post` is `['post']`. */
  readonly member: readonly string[];
  /** For instances and requests: the base URL (or, for requests and sockets, the URL) they were made with. */
  readonly instance?: Instance;
  /** The processor the catalogue lists this module or global for (`modules`, `globals`). */
  readonly processor?: Processor;
  /** The module (or global) name, for messages: `axios`, `node:https`, `console`. */
  readonly name: string;
  /** The module it was imported from, when it was (not a global): an SDK's destination is then named after it. */
  readonly module?: string;
}

interface Instance {
  readonly base?: ts.Expression;
  /** node:http style `{ hostname, path }` the request was made with. */
  readonly hostOptions?: ts.Expression;
}

/** A data-carrying argument of a sink. */
export interface Carrier {
  readonly expression: ts.Expression;
  /** `body`, `data`, `params`, `headers`, `URL`, `argument`. */
  readonly role: string;
}

/** A call, a `new` (`new EventSource(url)`) or an assignment (`location.href = url`) through which data leaves. */
export type SinkCall = ts.CallExpression | ts.NewExpression | ts.BinaryExpression;

/** What a sink is applied to: the callee, the class, or the assignment's target. */
export function sinkCallee(call: SinkCall): ts.Expression {
  return isBinaryExpression(call) ? call.left : call.expression;
}

/** The values a sink is given: the arguments, or the assigned value. */
function sinkArguments(call: SinkCall): readonly ts.Expression[] {
  return isBinaryExpression(call) ? [call.right] : call.arguments ?? [];
}

/** Member names (and globals, for the thing itself) that some assignment sink is about: a cheap test before resolving. */
const ASSIGNED_NAMES: ReadonlySet<string> = new Set(
  LIBRARIES.flatMap((library) => library.operations.filter((o) => o.assign).flatMap((o) => o.methods.flatMap((m) => (m === '()' ? library.globals ?? [] : [m])))),
);

/** Whether an assignment may be a sink (`location.href = url`, `window.location = url`): its target's last name. */
export function mayBeAssignmentSink(node: ts.BinaryExpression): boolean {
  if (node.operatorToken.kind !== SyntaxKind.EqualsToken) return false;
  const target = skipOuter(node.left);
  return (isPropertyAccessExpression(target) && ASSIGNED_NAMES.has(target.name.text)) || (isIdentifier(target) && ASSIGNED_NAMES.has(target.text));
}

export interface SinkSite {
  readonly kind: 'transfer' | 'log';
  readonly call: SinkCall;
  /** How it is called, for messages: `fetch`, `axios.post`, `pino`. */
  readonly api: string;
  readonly carriers: readonly Carrier[];
  /** For transfers. */
  readonly destination?: Destination;
  /**
   * For a destination built from parameters (a wrapper's `url`, a base URL from its constructor): resolves it again
   * with the arguments of a call site, so each caller's URL decides where its data goes.
   */
  readonly relocate?: (bindings: Bindings) => Destination;
  /** The bindings this site was relocated with (callers add theirs). */
  readonly bindings?: Bindings;
  /** For requests: where the server's answer is (`Operation.response`). */
  readonly response?: Operation['response'];
}

/** The kinds of node `computeOrigin` looks at; every other node has no origin. */
const MAY_HAVE_ORIGIN: ReadonlySet<ts.SyntaxKind> = new Set([
  SyntaxKind.ParenthesizedExpression,
  SyntaxKind.AsExpression,
  SyntaxKind.NonNullExpression,
  SyntaxKind.AwaitExpression,
  SyntaxKind.SatisfiesExpression,
  SyntaxKind.Identifier,
  SyntaxKind.PropertyAccessExpression,
  SyntaxKind.CallExpression,
  SyntaxKind.NewExpression,
  SyntaxKind.VariableDeclaration,
  SyntaxKind.PropertyDeclaration,
  SyntaxKind.PropertyAssignment,
  SyntaxKind.BindingElement,
  SyntaxKind.ImportClause,
  SyntaxKind.ImportSpecifier,
  SyntaxKind.NamespaceImport,
  SyntaxKind.ImportEqualsDeclaration,
  SyntaxKind.Parameter,
]);

/** The mark of an origin or sink being worked out (see `Apis.origins`). */
const WORKING = Symbol('working');

export class Apis implements Requests {
  readonly destinations: Destinations;
  /**
   * Origins by node; `WORKING` while a node's origin is being worked out (a cycle through variables gets none).
   * The mark sits in the result map instead of a set of its own: adding to and deleting from a nearly empty set for
   * every node reallocated the set's table each time (V8 shrinks it), 2 MB per 1,000 files.
   */
  private readonly origins = new Map<ts.Node, Origin | null | typeof WORKING>();
  /** How many origins are being worked out inside each other. */
  private originDepth = 0;
  /**
   * Sinks by call; `WORKING` while a call's sink is being worked out: a URL read from a request's own answer (`next`
   * links) must not recurse. In the result map for the same reason as `origins` (19 MB per 2,000 files as a set).
   */
  private readonly sinks = new Map<SinkCall, SinkSite | null | typeof WORKING>();
  private readonly imports = new Map<ts.Node, Origin | null>();
  private readonly fileCalls = new Map<ts.SourceFile, ReadonlyMap<ts.Node, readonly ts.CallExpression[]>>();
  private readonly classAssignments = new Map<ts.ClassLikeDeclaration, ReadonlyMap<string, readonly ts.BinaryExpression[]>>();
  /**
   * Per name asked about: the library whose instances it names, else the libraries that name theirs so where they
   * are imported, else null (nearly every name). The tables' regular expressions ran for every member and parameter.
   */
  private readonly instanceNames = new Map<string, Library | readonly Library[] | null>();
  /** The processor whose `modules` list each module name asked about, if one does (the catalogue's, never stale). */
  private readonly moduleProcessors = new Map<string, Processor | null>();
  /** The catalogue's processors by the globals they list. */
  private readonly processorGlobals = new Map<string, Processor>();

  constructor(
    private readonly catalogue: Catalogue,
    private readonly resolver: Resolver,
    /** The packages the host found to reach the network (`AnalysisInput.networkPackages`), read when needed. */
    private readonly networkPackages: () => ReadonlySet<string> | undefined = () => undefined,
  ) {
    this.destinations = new Destinations(catalogue, resolver, this);
    for (const processor of catalogue.processors.values()) for (const global of processor.globals) if (!this.processorGlobals.has(global)) this.processorGlobals.set(global, processor);
  }

  /** See `FlowEngine.releaseFileCaches`. */
  release(): void {
    this.origins.clear();
    this.sinks.clear();
    this.imports.clear();
    this.fileCalls.clear();
    this.classAssignments.clear();
  }

  /** What API an expression denotes, if any. */
  originOf(node: ts.Node): Origin | undefined {
    // Literals, functions, classes, operators: no origin, and nothing remembered for them.
    if (!MAY_HAVE_ORIGIN.has(node.kind)) return undefined;
    const cached = this.origins.get(node);
    if (cached !== undefined) return cached === WORKING ? undefined : (cached ?? undefined);
    if (this.originDepth > 200) return undefined;
    this.origins.set(node, WORKING);
    this.originDepth++;
    let origin: Origin | undefined;
    try {
      origin = this.computeOrigin(node);
    } catch (error) {
      this.origins.delete(node);
      throw error;
    } finally {
      this.originDepth--;
    }
    this.origins.set(node, origin ?? null);
    return origin;
  }

  private computeOrigin(node: ts.Node): Origin | undefined {
    if (isParenthesizedExpression(node) || isAsExpression(node) || isNonNullExpression(node) || isAwaitExpression(node) || isSatisfiesExpression(node)) {
      return this.originOf(node.expression);
    }
    if (isIdentifier(node)) return this.identifierOrigin(node);
    if (isPropertyAccessExpression(node)) return this.memberOrigin(node);
    if (isCallExpression(node)) return this.callOrigin(node);
    if (isNewExpression(node)) return this.newOrigin(node);
    if (isVariableDeclaration(node) || isPropertyDeclaration(node) || isPropertyAssignment(node)) {
      if (node.initializer) {
        const module = requiredModule(skipOuter(node.initializer));
        if (module !== undefined) return this.moduleOrigin(module, 'default');
        const origin = this.originOf(node.initializer);
        if (origin) return origin;
      }
      if (isPropertyDeclaration(node)) return this.fieldAssignmentOrigin(node) ?? this.typedOrigin(node.type);
      return isVariableDeclaration(node) ? this.typedOrigin(node.type) : undefined;
    }
    if (isBindingElement(node)) {
      const pattern = node.parent;
      const owner = pattern.parent;
      const key = node.propertyName ? propertyNameText(node.propertyName) : isIdentifier(node.name) ? node.name.text : undefined;
      if (isVariableDeclaration(owner) && owner.initializer && key !== undefined) {
        const module = requiredModule(skipOuter(owner.initializer));
        if (module !== undefined) return this.moduleOrigin(module, key);
        const base = this.originOf(owner.initializer);
        return base ? { ...base, member: [...base.member, key] } : undefined;
      }
      return undefined;
    }
    if (isImportClause(node) || isImportSpecifier(node) || isNamespaceImport(node) || isImportEqualsDeclaration(node)) {
      const imported = importOf(node);
      return imported ? this.moduleOrigin(imported.module, imported.name) : undefined;
    }
    if (isParameter(node)) return this.parameterOrigin(node);
    return undefined;
  }

  /** A library's module (`import axios from 'axios'`), or the SDK of a processor that lists the module. */
  private moduleOrigin(module: string, name: string): Origin | undefined {
    const member = name === 'default' || name === '*' ? [] : [name];
    const processor = this.processorOfModule(module);
    let library = libraryOfModule(module);
    // A module of which only some exports are the library (`Logger` of `@nestjs/common`).
    if (library?.exports && !(member.length === 1 && library.exports.includes(name))) library = undefined;
    if (!library && !processor) {
      // A package that can reach the network and that the catalogue does not name: an unknown third party.
      const pkg = packageOf(module);
      if (pkg === undefined || libraryOfModule(pkg) || !isNetworkPackage(pkg, this.networkPackages())) return undefined;
      return { library: GENERIC_SDK, receiver: 'module', member, name: pkg, module: pkg };
    }
    library ??= GENERIC_SDK;
    return { library, receiver: 'module', member, name: module, module, ...(processor ? { processor } : {}) };
  }

  private processorOfModule(module: string): Processor | undefined {
    // Asked for every import an origin is looked for through (each type annotation's too): once per module name.
    let found = this.moduleProcessors.get(module);
    if (found === undefined) {
      found = null;
      for (const processor of this.catalogue.processors.values()) {
        if (processor.modules.some((m) => moduleMatches(m, module))) {
          found = processor;
          break;
        }
      }
      this.moduleProcessors.set(module, found);
    }
    return found ?? undefined;
  }

  /** A global a library is reached by (`fetch`, `navigator`, `Sentry`), or one the catalogue lists for a processor. */
  private globalOrigin(name: string): Origin | undefined {
    const processor = this.processorGlobals.get(name);
    const library = libraryOfGlobal(name) ?? (processor ? GENERIC_SDK : undefined);
    if (!library) return undefined;
    return { library, receiver: 'module', member: [], name, ...(processor ? { processor } : {}) };
  }

  private isKnownGlobal(name: string): boolean {
    return libraryOfGlobal(name) !== undefined || this.processorGlobals.has(name);
  }

  private identifierOrigin(id: ts.Identifier): Origin | undefined {
    const local = this.resolver.resolveLocal(id);
    if (!local || this.resolver.isLibraryFile(local.getSourceFile()) || (this.isKnownGlobal(id.text) && isAmbient(local))) {
      // A logger the platform or a script makes global (`logger.info(…)` with no declaration in the file).
      return this.globalOrigin(id.text) ?? (local ? undefined : this.namedInstance(id.text, id.text, id));
    }
    const direct = this.originOf(local);
    if (direct) return direct;
    // Declared without a value (`declare global { var logger: Logger }`, `declare const log: …`).
    if (isVariableDeclaration(local) && !local.initializer && isIdentifier(local.name)) {
      const named = this.namedInstance(local.name.text, id.text, id);
      if (named) return named;
    }
    // An import of one of the project's own modules: follow it to the exported declaration, once per import.
    if (isImportBinding(local)) {
      let followed = this.imports.get(local);
      if (followed === undefined) {
        const target = this.resolver.resolve(id);
        followed = (target && target !== local ? this.originOf(target) : undefined) ?? null;
        this.imports.set(local, followed);
      }
      return followed ?? undefined;
    }
    return undefined;
  }

  private memberOrigin(node: ts.PropertyAccessExpression): Origin | undefined {
    const name = node.name.text;
    const owner = skipOuter(node.expression);
    if (isIdentifier(owner) && (owner.text === 'globalThis' || owner.text === 'window' || owner.text === 'self') && this.isKnownGlobal(name) && this.resolver.isGlobal(owner)) {
      return this.globalOrigin(name);
    }
    const base = node.expression.kind === SyntaxKind.ThisKeyword ? this.extendedInstance(node.expression) : this.originOf(node.expression);
    if (base) return { ...base, member: [...base.member, name] };
    const member = this.resolver.resolveMember(node);
    if (member && (isPropertyDeclaration(member) || isPropertyAssignment(member) || isParameter(member))) {
      const origin = this.originOf(member);
      if (origin) return origin;
    }
    if (!member && node.expression.kind === SyntaxKind.ThisKeyword) {
      // A field plain JavaScript never declares: `this.http = axios.create(…)` in the constructor (or the
      // constructor function) gives it its origin.
      for (const value of this.resolver.thisAssignments(node)) {
        const origin = this.originOf(value);
        if (origin) return origin;
      }
    }
    if (!member || isParameter(member) || isPropertyDeclaration(member)) return this.namedInstance(name, node, node);
    return undefined;
  }

  /**
   * `this` in a method the project adds to a library's class (`Discord.CommandInteraction.prototype.sendSilent =
   * function (text) { return this.reply(text) }`): an instance of that library.
   */
  private extendedInstance(self: ts.Expression): Origin | undefined {
    let fn: ts.Node | undefined = self.parent;
    while (fn && !isFunctionExpression(fn) && !isFunctionDeclaration(fn) && !isClassLike(fn)) fn = fn.parent;
    const assignment = fn && isFunctionExpression(fn) ? fn.parent : undefined;
    if (!assignment || !isBinaryExpression(assignment) || assignment.operatorToken.kind !== SyntaxKind.EqualsToken) return undefined;
    const left = skipOuter(assignment.left);
    const prototype = isPropertyAccessExpression(left) ? skipOuter(left.expression) : undefined;
    if (!prototype || !isPropertyAccessExpression(prototype) || prototype.name.text !== 'prototype') return undefined;
    const owner = this.originOf(prototype.expression);
    const name = owner?.member[owner.member.length - 1];
    if (!owner || owner.receiver !== 'module' || name === undefined || !(owner.library.types ?? []).includes(name)) return undefined;
    return { ...owner, receiver: 'instance', member: [] };
  }

  /**
   * An instance known by its name alone (`logger`, `auditLogger`), or by the name a library's guide gives its
   * instances (`client`) in a project that imports that library. `shown` is what messages call it: a text, or the
   * node whose text it is.
   */
  private namedInstance(name: string, shown: string | ts.Node, at: ts.Node): Origin | undefined {
    let known = this.instanceNames.get(name);
    if (known === undefined) {
      const imported = librariesOfImportedInstanceName(name);
      known = libraryOfInstanceName(name) ?? (imported.length > 0 ? imported : null);
      this.instanceNames.set(name, known);
    }
    if (known === null) return undefined;
    const library = isLibraryList(known) ? this.importedLibraryNamed(known, at) : known;
    if (!library) return undefined;
    // A node's text is read only for an instance found: `getText` copies it out of the file, and most members are none.
    const text = typeof shown === 'string' ? shown : shown.getText();
    return { library, receiver: 'instance', member: [], name: text, ...(library.modules[0] !== undefined && !library.instanceNames ? { module: library.modules[0] } : {}) };
  }

  /** The first of the libraries whose instances are conventionally named so that the project imports. */
  private importedLibraryNamed(libraries: readonly Library[], at: ts.Node): Library | undefined {
    const project = this.resolver.project;
    if (!project) return undefined;
    for (const library of libraries) for (const module of library.modules) if (project.importsModule(module, at)) return library;
    return undefined;
  }

  /**
   * A parameter: typed as a library's class (`constructor(private http: HttpClient)`), defaulting to an instance,
   * handed an instance by the library (`withScope(scope => …)`), or named like a received instance (`logger`).
   */
  private parameterOrigin(parameter: ts.ParameterDeclaration): Origin | undefined {
    const typed = this.typedOrigin(parameter.type);
    if (typed) return typed;
    // `function watch(discordClient = client)`: what the default is, when a caller gives nothing else.
    const fallback = parameter.initializer && this.originOf(parameter.initializer);
    if (fallback) return fallback;
    const callback = this.callbackOrigin(parameter);
    if (callback) return callback;
    const passed = this.callerOrigin(parameter);
    if (passed) return passed;
    return isIdentifier(parameter.name) ? this.namedInstance(parameter.name.text, parameter.name.text, parameter) : undefined;
  }

  /** A declaration annotated with a type a library exports as an instance type (`HttpClient`, `AxiosInstance`). */
  private typedOrigin(type: ts.TypeNode | undefined): Origin | undefined {
    if (!type) return undefined;
    if (isUnionTypeNode(type)) {
      for (const member of type.types) {
        const origin = this.typedOrigin(member);
        if (origin) return origin;
      }
      return undefined;
    }
    if (!isTypeReferenceNode(type)) return undefined;
    const typeName = type.typeName;
    let module: string | undefined;
    let name: string | undefined;
    if (isIdentifier(typeName)) {
      const local = this.resolver.resolveLocal(typeName);
      const imported = local && isImportBinding(local) ? importOf(local) : undefined;
      module = imported?.module;
      name = imported?.name;
    } else if (isQualifiedName(typeName) && isIdentifier(typeName.left)) {
      // `discord.Message` with `import * as discord from 'discord.js'`.
      const local = this.resolver.resolveLocal(typeName.left);
      const imported = local && isImportBinding(local) ? importOf(local) : undefined;
      module = imported && (imported.name === '*' || imported.name === 'default') ? imported.module : undefined;
      name = typeName.right.text;
    }
    if (module === undefined || name === undefined) return undefined;
    const origin = this.moduleOrigin(module, name);
    if (!origin) return undefined;
    const types = origin.library.types ?? [];
    if (!types.includes(name) && !types.includes('*')) return undefined;
    return { ...origin, receiver: 'instance', member: [] };
  }

  /**
   * An untyped parameter of a function the file calls by name (`safeReply(msg, text)`), when every call in the file passes the
   * same library's instance there: a helper that wraps an SDK's send is given the SDK's object by its callers.
   */
  private callerOrigin(parameter: ts.ParameterDeclaration): Origin | undefined {
    // A typed parameter is what its type says (`typedOrigin`); only untyped helpers take their callers' word.
    if (parameter.type) return undefined;
    const fn = parameter.parent;
    if (!isFunctionDeclaration(fn) && !isFunctionExpression(fn) && !isArrowFunction(fn)) return undefined;
    const calls = this.callsByFunction(fn.getSourceFile()).get(fn);
    if (!calls) return undefined;
    const index = fn.parameters.indexOf(parameter);
    let found: Origin | undefined;
    for (const call of calls) {
      const arg = call.arguments[index];
      const origin = arg && this.originOf(arg);
      if (!origin || (found && found.library !== origin.library)) return undefined;
      found ??= origin;
    }
    return found;
  }

  /** The calls of a file by the function (declared in the project) they call by name. */
  private callsByFunction(file: ts.SourceFile): ReadonlyMap<ts.Node, readonly ts.CallExpression[]> {
    let byFunction = this.fileCalls.get(file);
    if (!byFunction) {
      const map = new Map<ts.Node, ts.CallExpression[]>();
      for (const call of nodesFor(file).calls) {
        if (!isCallExpression(call) || !isIdentifier(skipOuter(call.expression))) continue;
        const fn = this.resolver.calleeDeclaration(call);
        if (!fn) continue;
        const calls = map.get(fn);
        if (calls) calls.push(call);
        else map.set(fn, [call]);
      }
      byFunction = map;
      this.fileCalls.set(file, byFunction);
    }
    return byFunction;
  }

  /** A callback's parameter that the library calls with an instance (`Sentry.withScope(scope => …)`). */
  private callbackOrigin(parameter: ts.ParameterDeclaration): Origin | undefined {
    const fn = parameter.parent;
    if (!isArrowFunction(fn) && !isFunctionExpression(fn)) return undefined;
    let call: ts.Node = fn.parent;
    let key: string | undefined;
    let argument: ts.Node = fn;
    if (isPropertyAssignment(call) && isObjectLiteralExpression(call.parent)) {
      // `Bugsnag.start({ onError: event => … })`.
      key = propertyNameText(call.name);
      argument = call.parent;
      call = call.parent.parent;
    }
    if (!isCallExpression(call)) return undefined;
    const index = call.arguments.indexOf(argument as ts.Expression);
    if (index < 0) return undefined;
    const base = this.originOf(skipOuter(call.expression));
    if (!base) return undefined;
    const param = fn.parameters.indexOf(parameter);
    for (const maker of base.library.makers ?? []) {
      const cb = maker.callback;
      if (!cb || !maker.from.includes(base.receiver) || !matches(maker.call ?? [], base.member, maker.depth)) continue;
      if (cb.param !== param || cb.key !== key) continue;
      if (cb.arg === 'last' ? index !== call.arguments.length - 1 : cb.arg !== index) continue;
      return this.made(base, maker, []);
    }
    return undefined;
  }

  /** `this.http = axios.create(...)` in a constructor gives the field `http` its origin: the first assignment that has one. */
  private fieldAssignmentOrigin(field: ts.PropertyDeclaration): Origin | undefined {
    const name = field.name && propertyNameText(field.name);
    if (name === undefined) return undefined;
    for (const assignment of this.thisAssignmentsIn(field.parent).get(name) ?? []) {
      const origin = this.originOf(assignment.right);
      if (origin) return origin;
    }
    return undefined;
  }

  /**
   * The assignments `this.x = …` anywhere in a class, by field name, in the order of the source: one walk per class,
   * not one per field asked about (every field of an entity read in a file walked its whole class).
   */
  private thisAssignmentsIn(cls: ts.ClassLikeDeclaration): ReadonlyMap<string, readonly ts.BinaryExpression[]> {
    let byName = this.classAssignments.get(cls);
    if (!byName) {
      const found = new Map<string, ts.BinaryExpression[]>();
      const visit = (node: ts.Node): void => {
        if (isBinaryExpression(node) && node.operatorToken.kind === SyntaxKind.EqualsToken && isPropertyAccessExpression(node.left) && node.left.expression.kind === SyntaxKind.ThisKeyword) {
          const list = found.get(node.left.name.text);
          if (list) list.push(node);
          else found.set(node.left.name.text, [node]);
        }
        forEachChild(node, visit);
      };
      forEachChild(cls, visit);
      byName = found;
      this.classAssignments.set(cls, byName);
    }
    return byName;
  }

  private callOrigin(call: ts.CallExpression): Origin | undefined {
    const callee = skipOuter(call.expression);
    const module = requiredModule(call);
    if (module !== undefined) return this.moduleOrigin(module, 'default');
    const injected = this.injectedOrigin(call, callee);
    if (injected) return injected;
    const base = this.originOf(callee);
    if (!base) {
      // A factory in the project that returns a client (`function maakApi() { return axios.create({ … }) }`), or
      // one declared to return a library's instance type.
      const fn = this.resolver.calleeDeclaration(call);
      if (fn) {
        for (const result of returnedExpressions(fn)) {
          const origin = this.originOf(result);
          if (origin) return origin;
        }
      }
      return this.typedOrigin(this.resolver.calleeSignature(call)?.type);
    }
    const maker = findMaker(base, 'call');
    return maker ? this.made(base, maker, call.arguments) : undefined;
  }

  /** `inject(HttpClient)`: dependency injection returns an instance of the class it is given. */
  private injectedOrigin(call: ts.CallExpression, callee: ts.Expression): Origin | undefined {
    if (!isIdentifier(callee) || call.arguments.length === 0) return undefined;
    const injector = INJECTORS.find((i) => i.name === callee.text);
    if (!injector) return undefined;
    const local = this.resolver.resolveLocal(callee);
    const imported = local && isImportBinding(local) ? importOf(local) : undefined;
    if (imported?.module !== injector.module || imported.name !== injector.name) return undefined;
    const argument = call.arguments[injector.arg];
    const cls = argument && this.originOf(argument);
    const name = cls?.member[cls.member.length - 1];
    if (!cls || cls.receiver !== 'module' || name === undefined || !(cls.library.types ?? []).some((t) => t === name || t === '*')) return undefined;
    return { ...cls, receiver: 'instance', member: [] };
  }

  private newOrigin(node: ts.NewExpression): Origin | undefined {
    const base = this.originOf(node.expression);
    if (!base) return undefined;
    const maker = findMaker(base, 'construct');
    return maker ? this.made(base, maker, node.arguments ?? []) : undefined;
  }

  private made(base: Origin, maker: Maker, args: readonly ts.Expression[]): Origin {
    const hostOptions = maker.hostOptions !== undefined ? args[maker.hostOptions] : undefined;
    const url = slotValue(maker.base, args, this.resolver) ?? base.instance?.base;
    const host = hostOptions && isObjectArgument(hostOptions) ? hostOptions : base.instance?.hostOptions;
    const instance: Instance = { ...(url ? { base: url } : {}), ...(host ? { hostOptions: host } : {}) };
    return { library: base.library, receiver: maker.makes, member: [], name: base.name, instance, ...(base.module !== undefined ? { module: base.module } : {}), ...(base.processor ? { processor: base.processor } : {}) };
  }

  /** The sink a call (or `new`) is, if it is one: what data it takes and where the data goes. */
  sinkAt(call: SinkCall): SinkSite | undefined {
    const cached = this.sinks.get(call);
    if (cached !== undefined) return cached === WORKING ? undefined : (cached ?? undefined);
    this.sinks.set(call, WORKING);
    let site: SinkSite | undefined;
    try {
      site = this.computeSink(call);
    } catch (error) {
      this.sinks.delete(call);
      throw error;
    }
    this.sinks.set(call, site ?? null);
    return site;
  }

  /** See `Requests.resultOf`. */
  resultOf(call: ts.CallExpression): Destination | undefined {
    const site = this.sinkAt(call);
    return site?.kind === 'transfer' && site.response === 'result' ? site.destination : undefined;
  }

  /** See `Requests.callbackOf`. */
  callbackOf(fn: ts.ArrowFunction | ts.FunctionExpression, param: number): Destination | undefined {
    const call = fn.parent;
    if (!isCallExpression(call)) return undefined;
    // A call whose sink is being worked out answers nothing here (`sinkAt` gives none for it).
    const site = this.sinkAt(call);
    const response = site?.kind === 'transfer' ? site.response : undefined;
    if (response === undefined || response === 'result' || response.param !== param) return undefined;
    const arg = response.arg === 'last' ? call.arguments.length - 1 : response.arg;
    return call.arguments[arg] === fn ? site?.destination : undefined;
  }

  private computeSink(call: SinkCall): SinkSite | undefined {
    const assign = isBinaryExpression(call);
    if (assign && !mayBeAssignmentSink(call)) return undefined;
    const callee = skipOuter(sinkCallee(call));
    const origin = this.originOf(callee);
    if (!origin) return undefined;
    const construct = isNewExpression(call);
    for (const operation of origin.library.operations) {
      if ((operation.construct ?? false) !== construct || (operation.assign ?? false) !== assign) continue;
      if (!operation.on.includes(origin.receiver) || !matches(operation.methods, origin.member, operation.depth)) continue;
      const site = this.build(call, callee, origin, operation);
      if (site) return site;
    }
    return undefined;
  }

  /**
   * The base URL the project set on the module itself for every call (`axios.defaults.baseURL = …`), for a URL known
   * to be relative: one that starts with an unknown part (`${process.env.API_URL}/x`) may be absolute.
   */
  private defaultBase(origin: Origin, at: ts.Node, url: ts.Expression | undefined, bindings: Bindings | undefined): ts.Expression | undefined {
    if (origin.receiver !== 'module' || origin.module === undefined || !origin.library.defaultBase) return undefined;
    const text = url && this.destinations.stringValue(url, bindings);
    if (text === undefined || text.startsWith(HOLE)) return undefined;
    return this.resolver.project?.defaultBase(origin.module, at);
  }

  private build(call: SinkCall, callee: ts.Expression, origin: Origin, operation: Operation): SinkSite | undefined {
    const original = sinkArguments(call);
    const args = this.unwrapped(original, operation);
    if (operation.unwrap?.required && args === original) return undefined;
    const shape = operation.shapes.find((s) => s.whenObject === undefined || isConfigObject(args[s.whenObject], this.resolver));
    if (!shape) return undefined;
    const method = origin.member[origin.member.length - 1] ?? '()';
    const url = slotValue(shape.url, args, this.resolver);
    const carriers: Carrier[] = url ? [{ expression: url, role: 'URL' }] : [];
    for (const slot of shape.data) for (const carrier of dataCarriers(slot, args, method)) if (!carriers.some((c) => c.expression === carrier.expression)) carriers.push(carrier);
    const api = isBinaryExpression(call) ? `${calleeLabel(callee, origin, false)} =` : calleeLabel(callee, origin, isNewExpression(call));
    if (origin.library.family === 'logger') return { kind: 'log', call, api, carriers };
    const locate = (bindings: Bindings | undefined): Located => {
      const source = operation.destination;
      if (source === 'library') return { destination: this.libraryDestination(origin), parametric: false };
      if (source === 'made') {
        const made = origin.instance;
        if (made?.hostOptions) return this.hostDestination(made.hostOptions, origin.name, bindings);
        return this.destinations.resolve(made?.base, undefined, bindings);
      }
      if (source !== undefined) {
        const sibling = this.siblingCall(call, source.sibling);
        return this.destinations.resolve(sibling ? slotValue([source.url], sibling.arguments, this.resolver) : undefined, undefined, bindings);
      }
      if (shape.hostOptions !== undefined) {
        const options = args[shape.hostOptions];
        return options ? this.hostDestination(options, origin.name, bindings) : { destination: { kind: 'unresolved' }, parametric: false };
      }
      // The URL and base URL looked up again with the call site's bindings: a wrapper's options parameter, a field its
      // constructor set from a parameter, a local assigned a merged config (`options = Object.assign({}, this.defaults, given)`).
      const lookup: Lookup = { bindings, parametric: false };
      const boundUrl = slotValue(shape.url, args, this.resolver, lookup) ?? url;
      const base = (shape.base ? slotValue([shape.base], args, this.resolver, lookup) : undefined) ?? origin.instance?.base ?? this.defaultBase(origin, call, boundUrl, bindings);
      const located = this.destinations.resolve(boundUrl, base, bindings);
      return lookup.parametric && !located.parametric ? { ...located, parametric: true } : located;
    };
    let first = locate(undefined);
    if (operation.navigation && withinApp(first.destination)) first = { destination: { kind: 'internal', host: '', text: first.destination.kind === 'unresolved' ? first.destination.text ?? '' : '' }, parametric: false };
    return {
      kind: 'transfer',
      call,
      api,
      carriers: carriers.filter((c) => !isInert(c.expression)),
      destination: first.destination,
      ...(first.parametric ? { relocate: (bindings: Bindings) => locate(bindings).destination } : {}),
      ...(operation.response !== undefined ? { response: operation.response } : {}),
    };
  }

  /** `fetch(new Request(url, init))`: the arguments of the `new` stand in for the call's. */
  private unwrapped(args: readonly ts.Expression[], operation: Operation): readonly ts.Expression[] {
    const unwrap = operation.unwrap;
    const arg = unwrap && args[unwrap.arg];
    if (!unwrap || !arg) return args;
    let e = skipOuter(arg);
    if (isIdentifier(e)) {
      const decl = this.resolver.resolve(e);
      if (decl && isVariableDeclaration(decl) && decl.initializer) e = skipOuter(decl.initializer);
    }
    if (isNewExpression(e) && isIdentifier(e.expression) && unwrap.classes.includes(e.expression.text)) return [...(e.arguments ?? [])];
    return args;
  }

  /** Where an SDK sends: the processor listing it, else one whose hosts match the SDK's, else the SDK by name. */
  private libraryDestination(origin: Origin): Destination {
    if (origin.processor) return { kind: 'processor', processor: origin.processor, text: origin.name };
    const hosts = origin.library.hosts ?? [];
    for (const host of hosts) {
      const matched = this.destinations.match(`https://${host}/`);
      if (matched.kind === 'processor') return { ...matched, text: origin.name };
    }
    // An SDK the catalogue does not list: an unknown third party, named after its npm package when imported.
    const pkg = origin.module !== undefined ? packageOf(origin.module) : undefined;
    return { kind: 'unknown', host: hosts[0] ?? origin.name, text: origin.name, ...(pkg !== undefined ? { package: pkg } : {}) };
  }

  /** node:http options: `{ protocol, hostname | host, path }`. */
  private hostDestination(options: ts.Expression, module: string, bindings: Bindings | undefined): Located {
    if (!isObjectArgument(options)) return this.destinations.resolve(options, undefined, bindings);
    const host = optionValue(options, 'hostname', this.resolver) ?? optionValue(options, 'host', this.resolver);
    const hostText = host ? this.destinations.stringValue(host, bindings) : undefined;
    if (hostText === undefined) return { destination: { kind: 'unresolved' }, parametric: false };
    const protocol = optionValue(options, 'protocol', this.resolver);
    const protocolText = (protocol ? this.destinations.stringValue(protocol, bindings) : undefined) ?? (/https/.test(module) ? 'https:' : 'http:');
    const path = optionValue(options, 'path', this.resolver);
    return this.destinations.resolve(undefined, undefined, bindings, `${protocolText}//${hostText}${(path ? this.destinations.stringValue(path, bindings) : undefined) ?? '/'}`);
  }

  /** `xhr.open(…)` for `xhr.send(…)`: a call of `method` on the same variable or field, in the same file. */
  private siblingCall(call: SinkCall, method: string): ts.CallExpression | undefined {
    const callee = skipOuter(sinkCallee(call));
    if (!isPropertyAccessExpression(callee)) return undefined;
    const target = this.receiverDeclaration(callee.expression);
    if (!target) return undefined;
    for (const other of nodesFor(call.getSourceFile()).calls) {
      const c = skipOuter(other.expression);
      if (isPropertyAccessExpression(c) && c.name.text === method && this.receiverDeclaration(c.expression) === target) return other;
    }
    return undefined;
  }

  private receiverDeclaration(receiver: ts.Expression): ts.Node | undefined {
    const e = skipOuter(receiver);
    if (isIdentifier(e)) return this.resolver.resolve(e);
    if (isPropertyAccessExpression(e)) return this.resolver.resolveMember(e);
    return undefined;
  }
}

function isLibraryList(known: Library | readonly Library[]): known is readonly Library[] {
  return Array.isArray(known);
}

/** A navigation to a URL without a scheme and host (`/profiel`, `?tab=2`, `profiel`): it stays within the app. */
function withinApp(destination: Destination): boolean {
  if (destination.kind !== 'unresolved' || destination.text === undefined) return false;
  const text = destination.text;
  return !text.startsWith(HOLE) && !text.startsWith('//') && !/^[a-z][a-z0-9+.-]*:/i.test(text);
}

/** Whether a member path is one of `names` (`()` for the thing itself, `*` for any member) at the allowed depth. */
function matches(names: readonly string[], member: readonly string[], depth: number | 'any' | undefined): boolean {
  if (member.length === 0) return names.includes('()');
  if (depth !== 'any' && member.length !== (depth ?? 1)) return false;
  return names.includes('*') || names.includes(member[member.length - 1] as string);
}

function findMaker(base: Origin, how: 'call' | 'construct'): Maker | undefined {
  for (const maker of base.library.makers ?? []) {
    if (maker.callback || !maker.from.includes(base.receiver)) continue;
    if (maker.under !== undefined && (base.member.length < 2 || base.member[0] !== maker.under)) continue;
    const names = how === 'call' ? maker.call : maker.construct;
    if (names && matches(names, base.member, maker.depth)) return maker;
  }
  return undefined;
}

/**
 * A lookup of an option through a wrapper: parameters take the values a call site binds (and make the result
 * depend on the call site), locals and fields their assignments.
 */
interface Lookup {
  readonly bindings: Bindings | undefined;
  parametric: boolean;
}

/** The first slot present in the arguments. */
function slotValue(slots: readonly Slot[] | undefined, args: readonly ts.Expression[], resolver: Resolver, lookup?: Lookup): ts.Expression | undefined {
  for (const slot of slots ?? []) {
    const arg = args[slot.arg];
    if (!arg) continue;
    if (slot.key === undefined) return arg;
    const value = optionValue(arg, slot.key, resolver, 0, lookup);
    if (value) return value;
  }
  return undefined;
}

function dataCarriers(slot: DataSlot, args: readonly ts.Expression[], method: string): Carrier[] {
  if ('from' in slot) return args.slice(slot.from).map((a) => ({ expression: a, role: slot.role === '$method' ? method : slot.role }));
  const arg = args[slot.arg];
  if (!arg) return [];
  if ('keys' in slot) return options(arg, slot.keys);
  return [{ expression: arg, role: slot.role === '$method' ? method : slot.role }];
}

function isObjectArgument(node: ts.Expression | undefined): boolean {
  return node !== undefined && isObjectLiteralExpression(skipOuter(node));
}

/** `Object.assign(…)`, syntactically: the merged object real code builds request configs with. */
function isObjectAssign(node: ts.Expression): node is ts.CallExpression {
  if (!isCallExpression(node)) return false;
  const callee = skipOuter(node.expression);
  return isPropertyAccessExpression(callee) && callee.name.text === 'assign' && isIdentifier(callee.expression) && callee.expression.text === 'Object';
}

/**
 * Whether an argument is a config object rather than a URL: an object literal, `Object.assign({}, defaults, { … })`,
 * or a constant holding either (`const config = { url, data }; axios(config)`).
 */
function isConfigObject(node: ts.Expression | undefined, resolver: Resolver, depth = 0): boolean {
  const e = node && skipOuter(node);
  if (!e || depth > 6) return false;
  if (isObjectLiteralExpression(e) || isObjectAssign(e)) return true;
  if (!isIdentifier(e)) return false;
  const decl = resolver.resolve(e);
  return decl !== undefined && isVariableDeclaration(decl) && decl.initializer !== undefined && isConstDeclaration(decl) && isConfigObject(decl.initializer, resolver, depth + 1);
}

/**
 * The value of `key` in an options argument (`{ baseURL: … }`): an object literal (later members and spreads win),
 * a constant holding one, or `Object.assign({}, defaults, { … })`.
 */
export function optionValue(node: ts.Expression | undefined, key: string, resolver?: Resolver, depth = 0, lookup?: Lookup): ts.Expression | undefined {
  const object = node && skipOuter(node);
  if (!object || depth > 6) return undefined;
  if (isIdentifier(object) && resolver) {
    const decl = resolver.resolve(object);
    if (decl && isVariableDeclaration(decl) && decl.initializer && isConstDeclaration(decl)) return optionValue(decl.initializer, key, resolver, depth + 1, lookup);
    if (!lookup || !decl) return undefined;
    if (isParameter(decl)) {
      lookup.parametric = true;
      const bound = lookup.bindings?.get(decl);
      return bound ? optionValue(bound, key, resolver, depth + 1, lookup) : undefined;
    }
    if (isVariableDeclaration(decl) && !decl.initializer) {
      // `let options; if (…) options = Object.assign({}, defaults, given); else options = given;`: the first that says.
      for (const value of resolver.localAssignments(decl)) {
        const found = optionValue(value, key, resolver, depth + 1, lookup);
        if (found) return found;
      }
    }
    return undefined;
  }
  if (lookup && resolver && isBinaryExpression(object) && (object.operatorToken.kind === SyntaxKind.BarBarToken || object.operatorToken.kind === SyntaxKind.QuestionQuestionToken)) {
    return optionValue(object.left, key, resolver, depth + 1, lookup) ?? optionValue(object.right, key, resolver, depth + 1, lookup);
  }
  if (lookup && resolver && isPropertyAccessExpression(object) && object.expression.kind === SyntaxKind.ThisKeyword) {
    // `this.defaults`, set in the constructor from a parameter (`this.defaults = options || {}`).
    for (const value of resolver.thisAssignments(object)) {
      const found = optionValue(value, key, resolver, depth + 1, lookup);
      if (found) return found;
    }
    return undefined;
  }
  if (isCallExpression(object) && resolver) {
    if (isObjectAssign(object)) {
      for (let i = object.arguments.length - 1; i >= 0; i--) {
        const value = optionValue(object.arguments[i], key, resolver, depth + 1, lookup);
        if (value) return value;
      }
    }
    return undefined;
  }
  if (!isObjectLiteralExpression(object)) return undefined;
  for (let i = object.properties.length - 1; i >= 0; i--) {
    const property = object.properties[i];
    if (!property) continue;
    if (isPropertyAssignment(property) && propertyNameText(property.name) === key) return property.initializer;
    if (isShorthandPropertyAssignment(property) && property.name.text === key) return property.name;
    if (isSpreadAssignment(property) && resolver) {
      const value = optionValue(property.expression, key, resolver, depth + 1, lookup);
      if (value) return value;
    }
  }
  return undefined;
}

/**
 * The data-carrying options of an options object (each object merged by `Object.assign` in turn), or the whole
 * argument when it is not a literal.
 */
function options(node: ts.Expression, keys: readonly string[]): Carrier[] {
  const object = skipOuter(node);
  if (isObjectAssign(object)) return object.arguments.flatMap((a) => options(a, keys));
  if (!isObjectLiteralExpression(object)) return [{ expression: node, role: 'options' }];
  const carriers: Carrier[] = [];
  for (const property of object.properties) {
    if (isSpreadAssignment(property)) carriers.push({ expression: property.expression, role: 'options' });
    else if (isPropertyAssignment(property)) {
      const key = propertyNameText(property.name);
      if (key !== undefined && keys.includes(key)) carriers.push({ expression: property.initializer, role: key });
    } else if (isShorthandPropertyAssignment(property) && keys.includes(property.name.text)) carriers.push({ expression: property.name, role: property.name.text });
  }
  return carriers;
}

function isInert(node: ts.Expression): boolean {
  const e = skipOuter(node);
  return isStringLiteral(e) || isNoSubstitutionTemplateLiteral(e) || isNumericLiteral(e);
}

function isConstDeclaration(decl: ts.VariableDeclaration): boolean {
  return isVariableDeclarationList(decl.parent) && (decl.parent.flags & NodeFlags.Const) !== 0;
}

/** `declare const Sentry: …`, `declare function gtag(…)`, or a declaration inside `declare global { … }`: the script-tag global itself. */
function isAmbient(decl: ts.Node): boolean {
  if (isFunctionDeclaration(decl)) return decl.body === undefined;
  if (!isVariableDeclaration(decl)) return false;
  const statement = decl.parent.parent;
  if (!isVariableStatement(statement)) return false;
  if (getModifiers(statement)?.some((m) => m.kind === SyntaxKind.DeclareKeyword)) return true;
  return isModuleBlock(statement.parent);
}

function calleeLabel(callee: ts.Expression, origin: Origin, construct: boolean): string {
  const text = callee.getText().replace(/\s+/g, '');
  const label = text.length <= 40 ? text : origin.member.length > 0 ? `${origin.name}.${origin.member.join('.')}` : origin.name;
  return construct ? `new ${label}` : label;
}
