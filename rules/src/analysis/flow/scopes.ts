/**
 * Name resolution without a type checker: finds the declaration an identifier refers to by walking the enclosing
 * scopes of its file. It knows the declarations JavaScript has (var/let/const with destructuring, functions, classes,
 * parameters, imports, catch and loop variables); `var` hoisting out of nested blocks is not modelled, which only
 * matters for code that relies on it.
 */
// Default import: `import * as` would read every member through an esModuleInterop getter (a sixth of the time).
import ts from 'typescript';
// Read once: every member of the typescript module is a getter, and these run for every node.
const { isBindingElement, isBlock, isCallExpression, isCaseBlock, isCatchClause, isClassDeclaration, isClassExpression, isEnumDeclaration, isExternalModuleReference, isForInStatement, isForOfStatement, isForStatement, isFunctionDeclaration, isFunctionExpression, isFunctionLike, isIdentifier, isImportClause, isImportDeclaration, isImportEqualsDeclaration, isImportSpecifier, isModuleBlock, isNamespaceImport, isPropertyAccessExpression, isSourceFile, isStringLiteral, isVariableDeclarationList, isVariableStatement } = ts;

/**
 * The names a scope declares, first declaration first: as a list `[name, declaration, name, declaration, …]` when there
 * are few (most scopes declare one to three names, and a short list is cheaper to build and to search than a map), as
 * a map when there are many (more than `LIST_LIMIT`: the top level of a large module).
 */
type ScopeTable = readonly (string | ts.Node)[] | ReadonlyMap<string, ts.Node>;

let tables = new WeakMap<ts.Node, ScopeTable>();
const NO_NAMES: ScopeTable = [];
/** Above this many names a scope's table is a map. */
const LIST_LIMIT = 32;
/** For a node that is not a scope: the nearest scope above it (null: none), filled on the way up by every lookup. */
let enclosing = new WeakMap<ts.Node, ts.Node | null>();

/**
 * Forgets every scope table. The orchestrator calls it when a file is done: in a long ESLint run the tables of every
 * file analysed would otherwise stay alive with the program, and a table needed again is cheap to rebuild.
 */
export function releaseScopeTables(): void {
  tables = new WeakMap();
  enclosing = new WeakMap();
}

/** The declaration `id` refers to in its file, or undefined for globals and names not declared here. */
export function lexicalDeclaration(id: ts.Identifier): ts.Node | undefined {
  const name = id.text;
  for (let scope = scopeAtOrAbove(id.parent); scope; scope = scopeAtOrAbove(scope.parent)) {
    const decl = lookUp(scopeTable(scope), name);
    if (decl) return decl;
  }
  return undefined;
}

/** How many parents a lookup passes before it starts remembering answers (see `scopeAtOrAbove`). */
const SHORT_WALK = 64;

/**
 * The nearest scope at or above `node`. In ordinary code that is a few parents up, found by a plain walk that writes
 * nothing; a longer walk continues as `rememberedScopeAtOrAbove`. (Remembering the answer for every node passed, as
 * every lookup did before, put an entry per expression into a weak map: the largest allocation of the analysis,
 * and weak maps are what garbage collection in ESLint's large heap pays most for.)
 */
function scopeAtOrAbove(node: ts.Node | undefined): ts.Node | undefined {
  let current = node;
  for (let steps = 0; current && steps < SHORT_WALK; steps++, current = current.parent) if (SCOPE_KINDS[current.kind]) return current;
  return current ? rememberedScopeAtOrAbove(node) : undefined;
}

/**
 * The nearest scope at or above `node`, for long walks. Every node passed on the way remembers the answer, so the
 * names of a long generated expression (`a.b + a.b + …`, nested thousands deep) do not each walk all the way up:
 * linear, not quadratic.
 */
function rememberedScopeAtOrAbove(node: ts.Node | undefined): ts.Node | undefined {
  const passed: ts.Node[] = [];
  let found: ts.Node | undefined;
  for (let current = node; current; current = current.parent) {
    if (isScope(current)) {
      found = current;
      break;
    }
    const known = enclosing.get(current);
    if (known !== undefined) {
      found = known ?? undefined;
      break;
    }
    passed.push(current);
  }
  for (const n of passed) enclosing.set(n, found ?? null);
  return found;
}

function scopeTable(scope: ts.Node): ScopeTable {
  let table = tables.get(scope);
  if (!table) {
    fill(scope, scratch);
    // Most blocks declare nothing: they share one empty table.
    const count = scratch.length;
    table = count === 0 ? NO_NAMES : count > 2 * LIST_LIMIT ? asMap(scratch.items, count) : (scratch.items.slice(0, count) as (string | ts.Node)[]);
    scratch.clear();
    tables.set(scope, table);
  }
  return table;
}

function lookUp(table: ScopeTable, name: string): ts.Node | undefined {
  if (table instanceof Map) return table.get(name);
  const names = table as readonly (string | ts.Node)[];
  for (let i = 0; i < names.length; i += 2) if (names[i] === name) return names[i + 1] as ts.Node;
  return undefined;
}

/** A long list of names as a map; the first declaration of a name wins, as in the list. */
function asMap(names: readonly (string | ts.Node | undefined)[], count: number): ReadonlyMap<string, ts.Node> {
  const map = new Map<string, ts.Node>();
  for (let i = 0; i < count; i += 2) {
    const name = names[i] as string;
    if (!map.has(name)) map.set(name, names[i + 1] as ts.Node);
  }
  return map;
}

/** `isScope` by syntax kind, looked up in one load (the `ts.is…` tests are tests of `kind` alone). */
const SCOPE_KINDS = (() => {
  const kinds = new Uint8Array(ts.SyntaxKind.Count);
  for (let kind = 0; kind < kinds.length; kind++) kinds[kind] = isScope({ kind } as ts.Node) ? 1 : 0;
  return kinds;
})();

function isScope(node: ts.Node): boolean {
  return (
    isSourceFile(node) ||
    isBlock(node) ||
    isModuleBlock(node) ||
    isCaseBlock(node) ||
    isFunctionLike(node) ||
    isForStatement(node) ||
    isForOfStatement(node) ||
    isForInStatement(node) ||
    isCatchClause(node) ||
    isClassExpression(node)
  );
}

/**
 * The names of the scope being filled, kept from one scope to the next: each table is a copy of its exact size (a
 * list grown from empty for every scope, and closures made for each, were a visible share of the allocation of name
 * resolution). It keeps its capacity, not its names, so it holds no file alive.
 */
class NameList {
  items: (string | ts.Node | undefined)[] = [];
  length = 0;

  add(name: string, decl: ts.Node): void {
    this.items[this.length++] = name;
    this.items[this.length++] = decl;
  }

  clear(): void {
    if (this.items.length > 4096) this.items = [];
    else this.items.fill(undefined, 0, this.length);
    this.length = 0;
  }
}

const scratch = new NameList();

function fill(scope: ts.Node, names: NameList): void {
  if (isSourceFile(scope) || isBlock(scope) || isModuleBlock(scope)) addStatements(scope.statements, names);
  else if (isCaseBlock(scope)) for (const clause of scope.clauses) addStatements(clause.statements, names);
  else if (isFunctionLike(scope)) {
    for (const p of scope.parameters) addBinding(p.name, p, names);
    if ((isFunctionExpression(scope) || isFunctionDeclaration(scope)) && scope.name) names.add(scope.name.text, scope);
  } else if (isForStatement(scope) || isForOfStatement(scope) || isForInStatement(scope)) {
    const init = scope.initializer;
    if (init && isVariableDeclarationList(init)) for (const d of init.declarations) addBinding(d.name, d, names);
  } else if (isCatchClause(scope)) {
    if (scope.variableDeclaration) addBinding(scope.variableDeclaration.name, scope.variableDeclaration, names);
  } else if (isClassExpression(scope) && scope.name) names.add(scope.name.text, scope);
}

function addStatements(statements: readonly ts.Statement[], names: NameList): void {
  for (let i = 0; i < statements.length; i++) {
    const statement = statements[i] as ts.Statement;
    if (isVariableStatement(statement)) for (const d of statement.declarationList.declarations) addBinding(d.name, d, names);
    else if ((isFunctionDeclaration(statement) || isClassDeclaration(statement) || isEnumDeclaration(statement)) && statement.name) names.add(statement.name.text, statement);
    else if (isImportDeclaration(statement)) addImport(statement, names);
  }
}

function addBinding(name: ts.BindingName, decl: ts.Node, names: NameList): void {
  if (isIdentifier(name)) names.add(name.text, decl);
  else for (const element of name.elements) if (isBindingElement(element)) addBinding(element.name, element, names);
}

function addImport(statement: ts.ImportDeclaration, names: NameList): void {
  const clause = statement.importClause;
  if (!clause) return;
  if (clause.name) names.add(clause.name.text, clause);
  const bindings = clause.namedBindings;
  if (!bindings) return;
  if (isNamespaceImport(bindings)) names.add(bindings.name.text, bindings);
  else for (const specifier of bindings.elements) names.add(specifier.name.text, specifier);
}

/** The module an import binding comes from, and which export: `default`, `*` or the imported name. */
export function importOf(decl: ts.Node): { module: string; name: string } | undefined {
  let module: ts.Expression | undefined;
  let name: string;
  if (isImportClause(decl)) {
    module = decl.parent.moduleSpecifier;
    name = 'default';
  } else if (isNamespaceImport(decl)) {
    module = decl.parent.parent.moduleSpecifier;
    name = '*';
  } else if (isImportSpecifier(decl)) {
    module = decl.parent.parent.parent.moduleSpecifier;
    name = (decl.propertyName ?? decl.name).text;
  } else if (isImportEqualsDeclaration(decl) && isExternalModuleReference(decl.moduleReference)) {
    module = decl.moduleReference.expression;
    name = '*';
  } else return undefined;
  return module && isStringLiteral(module) ? { module: module.text, name } : undefined;
}

/** `require('axios')` and `require('axios').default`: the module name. */
export function requiredModule(expression: ts.Expression): string | undefined {
  let e = expression;
  if (isPropertyAccessExpression(e) && e.name.text === 'default') e = e.expression;
  if (isCallExpression(e) && isIdentifier(e.expression) && e.expression.text === 'require' && e.arguments.length === 1) {
    const arg = e.arguments[0];
    if (arg && isStringLiteral(arg)) return arg.text;
  }
  return undefined;
}
