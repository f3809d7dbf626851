/**
 * Name resolution: the declaration a name, a member or a call refers to. Names declared in a file are found through
 * its scopes (`scopes.ts`); the checker, when there is one, only follows imports into other modules and answers for
 * names the file does not declare. Members are found structurally (through declarations, `new` expressions, type
 * annotations and object literals), never by asking the checker to type a receiver.
 *
 * The flow engine, the sink interpreter (`apis.ts`) and destinations (`destinations.ts`) share one `Resolver` per
 * engine; they receive it rather than the engine, so none of them depends on the others to find a declaration.
 */
// Default import: `import * as` would read every member through an esModuleInterop getter (a sixth of the time).
import ts from 'typescript';
import { propertyNameText, skipOuter } from './classify';
import { nodesFor } from './nodes';
import type { ProjectIndex } from './projectIndex';
import type { ProjectModules } from './modules';
import { importOf, lexicalDeclaration } from './scopes';
import { forEachNode, sourceFileOf } from './walk';
import { enclosingClass, isConst, isFunctionWithBody, isImportBinding, returnedExpressions, type FunctionWithBody } from './syntax';
// Read once: every member of the typescript module is a getter, and these run for every node.
const { escapeLeadingUnderscores, isPrivateIdentifier, isStringLiteral, isEnumDeclaration, isExportAssignment, isImportClause, isImportSpecifier, NodeFlags, getModifiers, isBinaryExpression, isExpressionStatement, isArrowFunction, isAwaitExpression, isCallExpression, isClassDeclaration, isClassLike, isConstructorDeclaration, isFunctionExpression, isFunctionDeclaration, isFunctionLike, isGetAccessorDeclaration, isIdentifier, isInterfaceDeclaration, isMethodDeclaration, isMethodSignature, isNewExpression, isObjectLiteralExpression, isParameter, isPropertyAccessExpression, isPropertyAssignment, isPropertyDeclaration, isPropertySignature, isQualifiedName, isShorthandPropertyAssignment, isSourceFile, isTypeReferenceNode, isVariableDeclaration, isVariableStatement, SymbolFlags, SyntaxKind } = ts;

/** Globals of every JavaScript host: a name the file does not declare and that is one of these is the global. */
const WELL_KNOWN_GLOBALS = new Set(['console', 'fetch', 'JSON', 'Object', 'Array', 'Promise', 'Math', 'Number', 'String', 'Boolean', 'Date', 'Error', 'Map', 'Set', 'URL', 'URLSearchParams', 'FormData', 'encodeURIComponent', 'encodeURI', 'structuredClone', 'globalThis', 'window', 'self', 'undefined', 'require', 'process', 'Buffer', 'setTimeout', 'setInterval', 'clearTimeout', 'parseInt', 'parseFloat', 'Symbol', 'RegExp', 'BigInt']);

/** The export table's key for `export =`. */
const EXPORT_EQUALS = escapeLeadingUnderscores('export=');

export class Resolver {
  /**
   * Per identifier: the declaration both `resolve` and `resolveLocal` give (nearly every name is asked both, and they
   * differ only for imports and names the checker finds), or a `Split` holding each answer once it is asked. One
   * lookup in the file's scopes and one entry per name instead of two.
   */
  private readonly names = new Map<ts.Identifier, ts.Node | null | Split>();
  private readonly members = new Map<ts.PropertyAccessExpression, ts.Node | null>();
  /**
   * The function each call invokes: asked for the same call by the sink search (`flowsAtCall`), the value of the
   * call, retention's wrappers and the calls-by-function table — 198,000 questions about 81,000 calls on the
   * benchmark corpus.
   */
  private readonly callees = new Map<ts.CallExpression, FunctionWithBody | null>();
  /**
   * Per import binding (`import { x }`, `import * as m`, a `require` binding in JavaScript): the declaration it leads
   * to. Every use of the binding resolves to the binding's one alias symbol, so the checker is asked once per binding
   * instead of once per use (a module's client or helper is used many times in a file). Kept for the program, not
   * dropped with each file: the analysis of one file follows the imports of the files it reaches (a class's module, a
   * callee's), and on the benchmark corpus half of all these questions (5,100 of 11,100) were about bindings another
   * file's analysis had already followed. One entry per binding of the program at most.
   */
  private readonly imported = new Map<ts.Node, ts.Node | null>();
  /**
   * Per identifier the file does not declare (a type name such as `Dag` in `readonly dag: Dag`, which the file's value
   * scopes do not hold, or a global): what the checker says it refers to. Kept for the program like `imported`: such
   * a name in a shared module (a type's member read in every file) was asked again by each file's analysis.
   */
  private readonly undeclared = new Map<ts.Identifier, ts.Node | null>();

  constructor(
    readonly checker: ts.TypeChecker | undefined,
    /** Whether a file is library code (a `.d.ts` of the standard library or a package): its bodies are not followed. */
    readonly isLibraryFile: (file: ts.SourceFile) => boolean,
    /** The project's top-level facts (modules it imports, classes by name), for untyped JavaScript. */
    readonly project?: ProjectIndex,
    /** The project's own modules by relative specifier, so most imports are followed without the checker. */
    private readonly modules?: ProjectModules,
  ) {}

  private readonly factoryCalls = new Set<ts.CallExpression>();

  /** Drops the per-node answers when a file is done (see `FlowEngine.releaseFileCaches`). */
  release(): void {
    this.names.clear();
    this.members.clear();
    this.callees.clear();
  }

  /** The declaration an identifier refers to, following imports into other modules when there is a checker. */
  resolve(id: ts.Identifier): ts.Node | undefined {
    const entry = this.names.get(id) ?? this.nameEntry(id);
    if (!(entry instanceof Split)) return entry ?? undefined;
    entry.followed ??= this.followed(id, entry.binding) ?? null;
    return entry.followed ?? undefined;
  }

  /** Like `resolve`, but stops at import bindings so callers can see which module a name comes from. */
  resolveLocal(id: ts.Identifier): ts.Node | undefined {
    const entry = this.names.get(id) ?? this.nameEntry(id);
    if (!(entry instanceof Split)) return entry ?? undefined;
    if (entry.binding) return entry.binding;
    // A name the file does not declare: the checker's declaration, aliases not followed.
    if (entry.local === undefined) entry.local = (this.checker && this.followSymbol(id, this.checker, false)) ?? null;
    return entry.local ?? undefined;
  }

  /** What `resolve` and `resolveLocal` both give for `id`, or a `Split` where they may differ. */
  private nameEntry(id: ts.Identifier): ts.Node | null | Split {
    // Names declared in the file are found by walking its scopes, which costs a few map lookups; the checker is asked
    // only to follow imports into other modules and for names the file does not declare (globals, `var` hoisting).
    const local = lexicalDeclaration(id);
    let entry: ts.Node | null | Split;
    if (!this.checker || (local && !isImportBinding(local))) entry = local ?? null;
    else if (!local && WELL_KNOWN_GLOBALS.has(id.text)) entry = null;
    else entry = new Split(local);
    this.names.set(id, entry);
    return entry;
  }

  /** `resolve` of an import binding (the checker is asked once per binding), or of a name the file does not declare. */
  private followed(id: ts.Identifier, binding: ts.Node | undefined): ts.Node | undefined {
    const checker = this.checker;
    if (!checker) return binding;
    if (!binding) {
      const known = this.undeclared.get(id);
      if (known !== undefined) return known ?? undefined;
      const decl = this.followSymbol(id, checker, true);
      this.undeclared.set(id, decl ?? null);
      return decl;
    }
    const known = this.imported.get(binding);
    if (known !== undefined) return known ?? undefined;
    const decl = this.exportedDeclaration(binding, checker) ?? this.followSymbol(id, checker, true);
    this.imported.set(binding, decl ?? null);
    return decl;
  }

  /**
   * What an import of one of the project's own TypeScript modules leads to, read from that file's bound export table:
   * a declaration exported as itself (`export function f`, `export class C`, `export const x = …`, `export interface
   * I`, `export default function …`). The checker's way resolves the specifier and builds the module's exports again
   * for every import (see modules.ts). Undefined where the checker must answer: names exported through an alias
   * (`export { x }`, `export { x } from`), `export *`, `export =`, namespace imports, JavaScript and declaration files,
   * and modules `ProjectModules` cannot find.
   */
  private exportedDeclaration(binding: ts.Node, checker: ts.TypeChecker): ts.Node | undefined {
    if (!this.modules || (!isImportSpecifier(binding) && !isImportClause(binding))) return undefined;
    // `with { 'resolution-mode': … }` changes how the specifier resolves.
    const declaration = isImportClause(binding) ? binding.parent : binding.parent.parent.parent;
    const imported = declaration.attributes === undefined ? importOf(binding) : undefined;
    if (!imported) return undefined;
    const target = this.modules.fileOf(sourceFileOf(binding), imported.module);
    if (!target || target.isDeclarationFile || target.flags & NodeFlags.JavaScriptFile || this.isLibraryFile(target)) return undefined;
    const exports = checker.getSymbolAtLocation(target)?.exports;
    if (!exports || exports.has(EXPORT_EQUALS)) return undefined;
    const symbol = exports.get(escapeLeadingUnderscores(imported.name));
    if (!symbol || symbol.flags & SymbolFlags.Alias) return undefined;
    const decl = symbol.valueDeclaration ?? symbol.declarations?.[0];
    return decl ? commonJsValue(decl, checker) : undefined;
  }

  /** What the checker says `id` refers to, through an import or alias when `followAliases`. */
  private followSymbol(id: ts.Identifier, checker: ts.TypeChecker, followAliases: boolean): ts.Node | undefined {
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
    // A private field `this.#url` is declared as `#url`, whose name text avglint reads without the `#`.
    const text = node.name.text;
    const name = text.charCodeAt(0) === 35 /* # */ ? text.slice(1) : text;
    const decl = receiver.kind === SyntaxKind.ThisKeyword ? classMember(node, name) ?? this.thisMember(node, name) : this.memberIn(this.containerOf(receiver, 0), name, 0);
    this.members.set(node, decl ?? null);
    return decl;
  }

  /** The class, object literal or module whose members an expression's members are. */
  private containerOf(expression: ts.Expression, depth: number): ts.Node | undefined {
    if (depth > 6) return undefined;
    const e = skipOuter(expression);
    if (isObjectLiteralExpression(e)) return e;
    if (isNewExpression(e)) return this.classOf(e.expression) ?? this.constructorFunction(e.expression);
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
    // A module's exported value (`export default new Api(url)`, `module.exports = new Api(url)`).
    if (isNewExpression(decl) || isCallExpression(decl)) return this.containerOf(decl, depth + 1);
    // A CommonJS module whose `module.exports = { … }` the name resolves to is that object literal.
    if (isSourceFile(decl) || isClassLike(decl) || isObjectLiteralExpression(decl) || isEnumDeclaration(decl)) return decl;
    if (isVariableDeclaration(decl) || isPropertyDeclaration(decl) || isPropertyAssignment(decl)) {
      if (decl.initializer) {
        const fromValue = this.containerOf(decl.initializer, depth + 1);
        if (fromValue) return fromValue;
      }
    }
    const typeNode = (decl as { type?: ts.TypeNode }).type;
    if (typeNode && isTypeReferenceNode(typeNode)) return this.classOf(typeNode.typeName) ?? this.interfaceOf(typeNode.typeName);
    if (isParameter(decl) && !decl.type && !decl.initializer && isIdentifier(decl.name)) return this.namesakeClass(decl.name);
    return undefined;
  }

  /**
   * A method the project adds to a library's class (`Discord.CommandInteraction.prototype.sendSilent = function …`),
   * for a call of that name nothing else resolves (`interaction.sendSilent(text)`): the one such extension of a class
   * that is not the project's own.
   */
  private foreignExtension(callee: ts.PropertyAccessExpression): ts.Node | undefined {
    const found = this.project?.prototypeExtensions(callee.name.text, callee);
    // Most method names no prototype extension has: no array is made for them (this runs for every unresolved call).
    if (found === undefined || found.length === 0) return undefined;
    const foreign = found.filter((e) => !this.classOf(skipOuter(e.owner)) && !this.constructorFunction(e.owner));
    return foreign.length === 1 ? foreign[0]?.fn : undefined;
  }

  /**
   * The class an untyped parameter is named after: `interaction` is an `Interaction` when the project declares exactly
   * one class of that name. Plain JavaScript hands such instances around through dynamic `require`s and registries
   * (`client.commands.get(name).run(client, interaction)`) that no analysis resolves; the name is what the code says.
   */
  private namesakeClass(name: ts.Identifier): ts.ClassLikeDeclaration | undefined {
    const text = name.text;
    if (!this.project || text.length < 3 || text[0] !== text[0]?.toLowerCase()) return undefined;
    return this.project.classNamed(text[0]?.toUpperCase() + text.slice(1), name);
  }

  /**
   * A member of `this` that is not a field: a method of the class or of a class it extends (`this.post(…)` in a
   * wrapper's subclass), or a method a constructor function's prototype has (`Client.prototype.get = function …`).
   */
  private thisMember(node: ts.PropertyAccessExpression, name: string): ts.Node | undefined {
    const cls = enclosingClass(node);
    if (cls) return this.memberIn(cls, name, 0);
    const owner = this.prototypeOwner(node);
    return owner ? prototypeMember(owner, name) : undefined;
  }

  /** A member of a container; for classes also an inherited one, for constructor functions one of the prototype. */
  private memberIn(container: ts.Node | undefined, name: string, depth: number): ts.Node | undefined {
    if (!container) return undefined;
    if (isFunctionDeclaration(container) || isFunctionExpression(container)) return prototypeMember(container, name);
    const own = memberOf(container, name);
    if (own || !isClassLike(container) || depth > 4) return own;
    const parent = this.superClass(container);
    return parent ? this.memberIn(parent, name, depth + 1) : undefined;
  }

  /** The class a class `extends`, when it is a class of the project. */
  superClass(cls: ts.ClassLikeDeclaration): ts.ClassLikeDeclaration | undefined {
    const clause = cls.heritageClauses?.find((h) => h.token === SyntaxKind.ExtendsKeyword);
    const type = clause?.types[0];
    return type ? this.classOf(type.expression) : undefined;
  }

  /** `function Client(base) { … }` used with `new Client(…)`: the function, as the container of its prototype. */
  constructorFunction(expression: ts.Expression): ts.FunctionLikeDeclaration | undefined {
    const name = skipOuter(expression);
    if (!isIdentifier(name)) return undefined;
    let decl = this.resolve(name);
    if (decl && isVariableDeclaration(decl) && decl.initializer) decl = skipOuter(decl.initializer);
    return decl && (isFunctionDeclaration(decl) || isFunctionExpression(decl)) ? decl : undefined;
  }

  /**
   * For code inside a method assigned to a prototype (`Client.prototype.get = function () { this.base … }`): the
   * constructor function `Client`.
   */
  prototypeOwner(at: ts.Node): ts.FunctionLikeDeclaration | undefined {
    let fn: ts.Node | undefined = at.parent;
    while (fn && !isFunctionExpression(fn) && !isMethodDeclaration(fn)) {
      if (isArrowFunction(fn) || isClassLike(fn) || isFunctionDeclaration(fn)) return undefined;
      fn = fn.parent;
    }
    if (!fn) return undefined;
    let target: ts.Node = fn.parent;
    // `Client.prototype = { get() { … } }`: the object literal is what is assigned.
    if (isPropertyAssignment(target) || isObjectLiteralExpression(fn.parent)) target = (isPropertyAssignment(target) ? target.parent : fn.parent).parent;
    if (!isBinaryExpression(target) || target.operatorToken.kind !== SyntaxKind.EqualsToken) return undefined;
    let left = skipOuter(target.left);
    if (isPropertyAccessExpression(left) && left.name.text !== 'prototype') left = skipOuter(left.expression);
    if (!isPropertyAccessExpression(left) || left.name.text !== 'prototype') return undefined;
    return this.constructorFunction(skipOuter(left.expression));
  }

  /**
   * The values assigned to `this.<name>` where an instance is set up: in the constructor of the class (or of a class
   * it extends), or in the body of the constructor function a prototype method belongs to.
   */
  thisAssignments(node: ts.PropertyAccessExpression): ts.Expression[] {
    const name = node.name.text;
    const values: ts.Expression[] = [];
    const bodies: ts.Node[] = [];
    let cls = enclosingClass(node);
    for (let depth = 0; cls && depth < 5; depth++, cls = this.superClass(cls)) {
      const ctor = cls.members.find((m): m is ts.ConstructorDeclaration => isConstructorDeclaration(m) && m.body !== undefined);
      if (ctor?.body) bodies.push(ctor.body);
    }
    if (bodies.length === 0) {
      const owner = this.prototypeOwner(node);
      if (owner?.body) bodies.push(owner.body);
    }
    for (const body of bodies) {
      forEachNode(body, (n) => {
        if (n !== body && (isFunctionDeclaration(n) || isFunctionExpression(n) || isClassLike(n))) return true;
        if (isBinaryExpression(n) && n.operatorToken.kind === SyntaxKind.EqualsToken) {
          const left = skipOuter(n.left);
          if (isPropertyAccessExpression(left) && left.expression.kind === SyntaxKind.ThisKeyword && left.name.text === name) values.push(n.right);
        }
        return true;
      });
    }
    return values;
  }

  /** The interface a type name refers to (for method signatures: what a call on it returns). */
  private interfaceOf(name: ts.EntityName): ts.InterfaceDeclaration | undefined {
    if (!isIdentifier(name)) return undefined;
    // With a checker the name resolves like any other (imports followed); without one, type names are looked up
    // among the file's top-level declarations, as the scope walk only knows values.
    const decl = this.resolve(name);
    if (decl && isInterfaceDeclaration(decl)) return decl;
    return sourceFileOf(name).statements.find((st): st is ts.InterfaceDeclaration => isInterfaceDeclaration(st) && st.name.text === name.text);
  }

  /** The class a name (`Client`, `sdk.Client`) refers to. */
  classOf(name: ts.Node): ts.ClassLikeDeclaration | undefined {
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

  /**
   * The values assigned to a variable (`x = …`; also a destructured one) after its declaration, in the function (or
   * file) it is declared in.
   */
  localAssignments(decl: ts.VariableDeclaration | ts.BindingElement): ts.Expression[] {
    if (!isIdentifier(decl.name)) return [];
    const name = decl.name.text;
    let scope: ts.Node = decl;
    while (scope.parent && !isFunctionLike(scope) && !isSourceFile(scope)) scope = scope.parent;
    const values: ts.Expression[] = [];
    forEachNode(scope, (n) => {
      if (isBinaryExpression(n) && n.operatorToken.kind === SyntaxKind.EqualsToken) {
        const left = skipOuter(n.left);
        if (isIdentifier(left) && left.text === name && this.resolve(left) === decl) values.push(n.right);
      }
      return true;
    });
    return values;
  }

  /** A name not declared in the project: a global such as `JSON`, `Object` or `encodeURIComponent`. */
  isGlobal(id: ts.Identifier): boolean {
    const decl = this.resolve(id);
    return !decl || this.isLibraryFile(sourceFileOf(decl));
  }

  /** The function a call invokes, when its body is available and is not library code. */
  calleeDeclaration(call: ts.CallExpression): FunctionWithBody | undefined {
    // Inside a factory's resolution the answer may be cut short (`factorySite`'s guard): only answers found outside
    // one are remembered and given.
    if (this.factoryCalls.size > 0) return this.computeCalleeDeclaration(call);
    const cached = this.callees.get(call);
    if (cached !== undefined) return cached ?? undefined;
    const fn = this.computeCalleeDeclaration(call);
    this.callees.set(call, fn ?? null);
    return fn;
  }

  private computeCalleeDeclaration(call: ts.CallExpression): FunctionWithBody | undefined {
    const callee = skipOuter(call.expression);
    let decl: ts.Node | undefined;
    if (isIdentifier(callee)) decl = this.resolve(callee);
    else if (isPropertyAccessExpression(callee)) decl = this.resolveMember(callee);
    else if (isFunctionExpression(callee) || isArrowFunction(callee)) decl = callee;
    if (decl && isVariableDeclaration(decl) && decl.initializer) {
      const init = skipOuter(decl.initializer);
      if (isFunctionExpression(init) || isArrowFunction(init)) decl = init;
    }
    // `module.exports = { classList: classList }` and `{ stuur: verstuur }`: the member names a function declared beside it.
    if (decl && isPropertyAssignment(decl) && isIdentifier(skipOuter(decl.initializer))) decl = this.resolve(skipOuter(decl.initializer) as ts.Identifier);
    if (decl && isVariableDeclaration(decl) && decl.initializer) {
      const init = skipOuter(decl.initializer);
      if (isFunctionExpression(init) || isArrowFunction(init)) decl = init;
    }
    // `{ post: (…) => … }`, and a class field holding an arrow function (`post = (path, body) => fetch(…)`).
    if (decl && (isPropertyAssignment(decl) || isPropertyDeclaration(decl)) && decl.initializer) {
      const init = skipOuter(decl.initializer);
      if (isFunctionExpression(init) || isArrowFunction(init)) decl = init;
    }
    // An overload signature (`function send(x: string): void;`): the implementation after the signatures.
    if (decl && (isFunctionDeclaration(decl) || isMethodDeclaration(decl)) && !decl.body) decl = overloadImplementation(decl) ?? decl;
    if (!decl && isPropertyAccessExpression(callee)) decl = this.foreignExtension(callee);
    // A function a factory returns (`const zend = maakZender(url); zend(data)`, `maakZender(url)(data)`): the closure.
    if (!decl || !isFunctionWithBody(decl)) decl = this.factorySite(callee)?.made;
    if (!decl || !isFunctionWithBody(decl)) return undefined;
    if (this.isLibraryFile(sourceFileOf(decl))) return undefined;
    return decl;
  }

  /**
   * The call of a project function (a factory) that made the function or object a callee belongs to — `maakZender(url)`
   * for `zend` in `const zend = maakZender(url); zend(data)`, or for `client.post` in `const client = maakClient(url)`
   * — with the factory, and the function the factory returns when that is what the callee is. Values the factory's
   * parameters hold inside the closure are the arguments of this call, as a constructor's are those of its `new`.
   */
  factorySite(callee: ts.Expression, depth = 0): { site: ts.CallExpression; factory: FunctionWithBody; made: FunctionWithBody | undefined } | undefined {
    if (depth > 2) return undefined;
    let e = skipOuter(callee);
    if (isPropertyAccessExpression(e)) {
      const owner = this.factorySite(e.expression, depth + 1);
      return owner ? { ...owner, made: undefined } : undefined;
    }
    if (isIdentifier(e)) {
      const decl = this.resolve(e);
      if (!decl || !isVariableDeclaration(decl) || !decl.initializer || !isConst(decl)) return undefined;
      e = skipOuter(decl.initializer);
    }
    // A factory is called by name (`maakZender(url)`, `api.maakClient(url)`), not at the end of a call chain
    // (`q.then().then()…`, thousands of links in generated code, each of which would be asked again).
    if (!isCallExpression(e) || this.factoryCalls.has(e) || this.factoryCalls.size >= 3) return undefined;
    const factoryCallee = skipOuter(e.expression);
    if (!isIdentifier(factoryCallee) && !(isPropertyAccessExpression(factoryCallee) && isIdentifier(skipOuter(factoryCallee.expression)))) return undefined;
    // A factory call being resolved is not resolved again (`const a = b(); const b = a();`), nor more than a few deep.
    this.factoryCalls.add(e);
    const factory = this.calleeDeclaration(e);
    this.factoryCalls.delete(e);
    if (!factory) return undefined;
    const results = returnedExpressions(factory).map(skipOuter);
    const made = results.length === 1 && results[0] && (isArrowFunction(results[0]) || isFunctionExpression(results[0])) ? results[0] : undefined;
    return { site: e, factory, made: made && isFunctionWithBody(made) ? made : undefined };
  }
}

/** A method given to a constructor function's prototype: `F.prototype.name = function …` or `F.prototype = { name() … }`. */
export function prototypeMember(owner: ts.FunctionLikeDeclaration, name: string): ts.Node | undefined {
  const ownerName = owner.name && isIdentifier(owner.name) ? owner.name.text : isVariableDeclaration(owner.parent) && isIdentifier(owner.parent.name) ? owner.parent.name.text : undefined;
  if (ownerName === undefined) return undefined;
  for (const write of nodesFor(sourceFileOf(owner)).writes) {
    if (!isBinaryExpression(write) || write.operatorToken.kind !== SyntaxKind.EqualsToken) continue;
    const left = skipOuter(write.left);
    if (!isPropertyAccessExpression(left)) continue;
    const right = skipOuter(write.right);
    if (left.name.text === name && isPrototypeOf(left.expression, ownerName)) return right;
    if (left.name.text === 'prototype' && isIdentifier(left.expression) && left.expression.text === ownerName && isObjectLiteralExpression(right)) {
      const member = memberOf(right, name);
      if (member) return member;
    }
  }
  return undefined;
}

function isPrototypeOf(node: ts.Expression, ownerName: string): boolean {
  const e = skipOuter(node);
  return isPropertyAccessExpression(e) && e.name.text === 'prototype' && isIdentifier(e.expression) && e.expression.text === ownerName;
}

/** A member of a class, an object literal or a module (its exported declaration of that name). */
export function memberOf(container: ts.Node | undefined, name: string): ts.Node | undefined {
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
  if (isEnumDeclaration(container)) return container.members.find((m) => propertyNameText(m.name) === name);
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

export function classMember(at: ts.Node, name: string): ts.Node | undefined {
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

/** The declaration with a body that a run of overload signatures ends in (none for an ambient function). */
function overloadImplementation(signature: ts.FunctionDeclaration | ts.MethodDeclaration): ts.FunctionDeclaration | ts.MethodDeclaration | undefined {
  const name = overloadName(signature);
  if (name === undefined) return undefined;
  const siblings: readonly ts.Node[] = isMethodDeclaration(signature) ? (isClassLike(signature.parent) ? signature.parent.members : signature.parent.properties) : 'statements' in signature.parent ? (signature.parent as { statements: ts.NodeArray<ts.Statement> }).statements : [];
  for (let i = siblings.indexOf(signature) + 1; i < siblings.length; i++) {
    const next = siblings[i];
    if (!next || (!isFunctionDeclaration(next) && !isMethodDeclaration(next)) || next.kind !== signature.kind) return undefined;
    if (overloadName(next) !== name) return undefined;
    if (next.body) return next;
  }
  return undefined;
}

/** `send`, `#send`, `'send'`: the name overloads share; none for a computed one. */
function overloadName(fn: ts.FunctionDeclaration | ts.MethodDeclaration): string | undefined {
  const name = fn.name;
  return name && (isIdentifier(name) || isPrivateIdentifier(name) || isStringLiteral(name)) ? name.text : undefined;
}

/**
 * What a CommonJS export declares: `module.exports = { stuur }` → the function `stuur`; `exports.f = (…) => …` → the
 * arrow function; `module.exports = sync` → the function `sync`. Other declarations are returned as they are.
 */
function commonJsValue(decl: ts.Node, checker: ts.TypeChecker, depth = 0): ts.Node {
  if (depth > 3) return decl;
  // `export default new Api(url)` / `export default api`: the exported expression, or the declaration it names.
  if (isExportAssignment(decl)) {
    const value = skipOuter(decl.expression);
    if (!isIdentifier(value)) return value;
    const symbol = checker.getSymbolAtLocation(value);
    const target = symbol?.valueDeclaration ?? symbol?.declarations?.[0];
    return target ? commonJsValue(target, checker, depth + 1) : decl;
  }
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

function isCommonJsExports(expression: ts.Expression): boolean {
  if (isIdentifier(expression)) return expression.text === 'exports';
  return isPropertyAccessExpression(expression) && expression.name.text === 'exports' && isIdentifier(expression.expression) && expression.expression.text === 'module';
}

/**
 * A name whose `resolve` and `resolveLocal` may differ: an import binding (`resolveLocal` is the binding), or a name
 * the file does not declare (both asked of the checker). Each answer is worked out when first asked.
 */
class Split {
  /** `resolve`'s answer, once asked. */
  followed: ts.Node | null | undefined;
  /** `resolveLocal`'s answer for a name the file does not declare, once asked. */
  local: ts.Node | null | undefined;
  constructor(
    /** The import binding the file declares the name with, if it does. */
    readonly binding: ts.Node | undefined,
  ) {}
}
