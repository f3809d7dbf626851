/**
 * The interpreter of the storage library tables (`libraries/storage.ts`): key-value stores and cookies, IndexedDB
 * (idb, native, Dexie), Prisma Client writes, raw SQL text and persisted Angular state. `storage.ts` hands it every
 * call, assignment and tagged template of a file; it reports the ones that store through `StorageScope.add`.
 *
 * A write whose store is declared in the same file (a Dexie table in `stores()`, a SQL table in `CREATE TABLE`) or in
 * the Prisma schema the host passed is covered by that declaration: the declaration carries the `@retention` tag and
 * is the one reported, so one table is not reported at every write.
 */
// Default import: `import * as` would read every member through an esModuleInterop getter (a sixth of the time).
import ts from 'typescript';
import type { CheckContext } from './context';
import { DEXIE, IDB, MONGO, PERSISTED_STATE, PRISMA, QUERY_BUILDERS, SQL, STORE_WRITE_FUNCTIONS, type QueryBuilderLibrary, STORE_WRITE_LIBRARIES, type ArgumentPlace, type Receiver, type StoreKind, type StoreWriteLibrary, type TtlPlace, type WriteMethod } from './libraries/storage';
import { parseSql, type SqlStatement } from './sql';
import { calleeName, enclosingFunctions, enclosingStatement, propertyNameText, requiredModule, skipWrappers, type CategoryCollector } from './storageCollector';
// Read once: every member of the typescript module is a getter, and these run for every node.
const { canHaveDecorators, getDecorators, isArrayLiteralExpression, isArrowFunction, isBinaryExpression, isCallExpression, isClassLike, isElementAccessExpression, isExportAssignment, isFunctionExpression, isHeritageClause, isIdentifier, isNewExpression, isNoSubstitutionTemplateLiteral, isObjectLiteralExpression, isParameter, isPropertyAccessExpression, isPropertyAssignment, isShorthandPropertyAssignment, isStringLiteralLike, isTaggedTemplateExpression, isTemplateExpression, isVariableDeclaration, SymbolFlags, SyntaxKind } = ts;

/** What an imported or required local name refers to. */
export interface ImportBinding {
  readonly module: string;
  /** `*` for a namespace import or a whole `require`, `default`, or the exported name. */
  readonly name: string;
}

/**
 * The TTL a write sets: a number of seconds, a TTL that is set but cannot be computed statically, or the browser
 * session (`sessionStorage`).
 */
export type StorageTtl = { readonly seconds: number } | 'unresolved' | 'session';

/** What the interpreter needs from the file's storage finder. */
export interface StorageScope {
  readonly context: CheckContext;
  importOf(name: string): ImportBinding | undefined;
  /** The initialiser of a variable declared in the file under this name. */
  constantOf(name: string): ts.Expression | undefined;
  objectLiteral(expression: ts.Expression): ts.ObjectLiteralExpression | undefined;
  evaluateNumber(expression: ts.Expression): number | undefined;
  collector(): CategoryCollector;
  /**
   * Whether a name holds an instance of `className` from one of `modules`, made where the name is declared — also in
   * another module it is imported from (`export const db = globalThis.prisma ?? new PrismaClient()`).
   */
  madeFrom(id: ts.Identifier, modules: readonly string[], className: string): boolean;
  add(kind: StoreKind, store: string, reportNode: ts.Node, declaration: ts.Node, alternatives: ts.Node[], collector: CategoryCollector, ttl?: StorageTtl): void;
}

const GLOBAL_OWNERS = new Set(['window', 'globalThis', 'self']);

// The checks a call's name can lead to (bits of `CHECKS_BY_NAME`).
const SQL_TEXT = 1;
const PERSISTED = 2;
const LIBRARY = 4;
const DEXIE_STORES = 8;
const INDEXED_DB = 16;
const DEXIE_TABLE = 32;
const PRISMA_WRITE = 64;
const MONGO_WRITE = 128;
/** The checks that need a member call (`receiver.method(…)`). */
const MEMBER_CHECKS = LIBRARY | DEXIE_STORES | INDEXED_DB | DEXIE_TABLE | PRISMA_WRITE | MONGO_WRITE;

/**
 * Which checks a call's name (a function's, or a member's: `setItem` of `localStorage.setItem`) can lead to, built
 * once from the tables, which stay the one place that names a library's methods: each call is asked one lookup and
 * only the checks its name is listed in. Most calls of a project (`push`, `map`, `slice`, `Number`) are listed in
 * none, and used to go through every check and every library's method table. Only the tables' own keys count, so
 * `localStorage.hasOwnProperty('x')` is no write (`methods['hasOwnProperty']` found `Object.prototype`'s function).
 */
const CHECKS_BY_NAME: ReadonlyMap<string, number> = (() => {
  const checks = new Map<string, number>();
  const add = (names: Iterable<string>, check: number): void => {
    for (const name of names) checks.set(name, (checks.get(name) ?? 0) | check);
  };
  add(SQL.methods, SQL_TEXT);
  add(PERSISTED_STATE.flatMap((library) => library.calls), PERSISTED);
  add(STORE_WRITE_LIBRARIES.flatMap((library) => Object.keys(library.methods)), LIBRARY);
  add(['stores'], DEXIE_STORES);
  add([...Object.keys(IDB.storeWrites), ...Object.keys(IDB.databaseWrites)], INDEXED_DB);
  add(Object.keys(DEXIE.tableWrites), DEXIE_TABLE);
  add(Object.keys(PRISMA.writes), PRISMA_WRITE);
  add(Object.keys(MONGO.writes), MONGO_WRITE);
  return checks;
})();

/** The store write libraries that list a method, in table order. */
const LIBRARIES_BY_METHOD: ReadonlyMap<string, readonly StoreWriteLibrary[]> = (() => {
  const libraries = new Map<string, StoreWriteLibrary[]>();
  for (const library of STORE_WRITE_LIBRARIES) {
    for (const method of Object.keys(library.methods)) {
      const listed = libraries.get(method);
      if (listed) listed.push(library);
      else libraries.set(method, [library]);
    }
  }
  return libraries;
})();

/** The names `STORE_WRITE_FUNCTIONS` lists, and the write methods of `QUERY_BUILDERS`. */
const WRITE_FUNCTION_NAMES: ReadonlySet<string> = new Set(STORE_WRITE_FUNCTIONS.flatMap((library) => Object.keys(library.functions)));
const QUERY_BUILDER_WRITES: ReadonlySet<string> = new Set(QUERY_BUILDERS.flatMap((library) => Object.keys(library.writes)));
const NO_STATEMENTS: readonly SqlStatement[] = [];
const NO_LIBRARIES: readonly StoreWriteLibrary[] = [];
const TTL_OPTIONS = new Set(['expires', 'maxAge', 'max-age', 'expiration', 'ttl']);
/** The pattern of a receiver's `typeModules`, made once per table entry (not per call: `set` is everywhere). */
const typeModulePatterns = new WeakMap<Receiver, RegExp>();

/** The stores a file declares, which cover the file's writes to them. */
interface DeclaredStores {
  /** Dexie tables declared in this file with `stores()`. */
  readonly dexieTables: Set<string>;
  /** SQL tables created in this file. */
  readonly sqlTables: Set<string>;
  /** TTL indexes of MongoDB collections created in this file, by collection name. */
  readonly collectionTtls: Map<string, StorageTtl>;
}

export class StoreWrites {
  /** The SQL statements of the calls and tagged templates whose name or tag is a driver's, once each. */
  private readonly sqlByNode = new Map<ts.Node, readonly SqlStatement[]>();
  /** Found on the first write that asks: most files write to no store at all. */
  private declaredStores: DeclaredStores | undefined;

  constructor(
    private readonly scope: StorageScope,
    private readonly calls: readonly ts.CallExpression[],
    private readonly storage: readonly ts.Node[],
  ) {}

  /** The file's declarations, wherever they are in it: a write before its table's `CREATE TABLE` is covered too. */
  private get declared(): DeclaredStores {
    if (this.declaredStores) return this.declaredStores;
    const declared: DeclaredStores = { dexieTables: new Set(), sqlTables: new Set(), collectionTtls: new Map() };
    this.declaredStores = declared;
    for (const call of this.calls) {
      if (calleeName(call.expression) === 'stores' && this.dexieVersion(call)) {
        const spec = call.arguments[0] && this.scope.objectLiteral(call.arguments[0]);
        for (const property of spec?.properties ?? []) {
          const name = property.name && propertyNameText(property.name);
          if (name !== undefined) declared.dexieTables.add(name);
        }
      }
      for (const statement of this.sqlOfCall(call)) if (statement.verb === 'create' || statement.verb === 'alter') declared.sqlTables.add(statement.table.toLowerCase());
      this.mongoTtlIndex(call, declared.collectionTtls);
    }
    for (const node of this.storage) {
      if (!isTaggedTemplateExpression(node)) continue;
      for (const statement of this.sqlOfTagged(node)) if (statement.verb === 'create' || statement.verb === 'alter') declared.sqlTables.add(statement.table.toLowerCase());
    }
    return declared;
  }

  private get checker(): ts.TypeChecker | undefined {
    return this.scope.context.checker;
  }

  // ---------------------------------------------------------------- entry points

  /** Whether the call is a write this interpreter knows (reported if it stores catalogued data). */
  call(node: ts.CallExpression): boolean {
    const callee = node.expression;
    const name = calleeName(callee);
    const checks = name !== undefined ? (CHECKS_BY_NAME.get(name) ?? 0) : 0;
    if (checks & SQL_TEXT && this.sqlCall(node)) return true;
    if (checks & PERSISTED && this.persistedState(node)) return true;
    // An imported write function is known by its exported name, whatever it is called here.
    if (this.functionWrite(node) || this.queryBuilderWrite(node)) return true;
    if (!(checks & MEMBER_CHECKS) || !isPropertyAccessExpression(callee)) return false;
    const method = callee.name.text;
    const receiver = callee.expression;
    for (const library of (checks & LIBRARY && LIBRARIES_BY_METHOD.get(method)) || NO_LIBRARIES) {
      const write = library.methods[method];
      if (write && this.matches(receiver, library.receiver)) {
        this.write(node, library.kind, write, `\`${receiverLabel(receiver, library)}.${method}\`${library.library === 'Web Storage' ? '' : ` (${library.library})`}`, library.sessionScoped);
        return true;
      }
    }
    if (checks & DEXIE_STORES && this.dexieVersion(node)) {
      this.dexieStores(node);
      return true;
    }
    return (
      (checks & INDEXED_DB && this.indexedDbWrite(node, callee)) ||
      (checks & DEXIE_TABLE && this.dexieWrite(node, callee)) ||
      (checks & PRISMA_WRITE && this.prismaWrite(node, callee)) ||
      (checks & MONGO_WRITE && this.mongoWrite(node, callee)) ||
      false
    );
  }

  /** `localStorage.roepnaam = naam`, `localStorage['k'] = v`, `document.cookie = 'naam=…'`. */
  assignment(node: ts.BinaryExpression): void {
    if (node.operatorToken.kind !== SyntaxKind.EqualsToken) return;
    const left = skipWrappers(node.left);
    if (!isPropertyAccessExpression(left) && !isElementAccessExpression(left)) return;
    const owner = left.expression;
    const key = isPropertyAccessExpression(left) ? left.name.text : isStringLiteralLike(left.argumentExpression) ? left.argumentExpression.text : undefined;
    if (key === 'cookie' && this.isGlobal(owner, 'document')) {
      this.documentCookie(node);
      return;
    }
    for (const library of STORE_WRITE_LIBRARIES) {
      if (!library.propertyWrites || !this.matches(owner, library.receiver)) continue;
      const collector = this.scope.collector();
      if (key !== undefined) collector.name(key);
      collector.stored(node.right);
      const label = `\`${receiverLabel(owner, library)}${key !== undefined && isPropertyAccessExpression(left) ? `.${key}` : '[…]'} = …\``;
      this.scope.add(library.kind, label, node, enclosingStatement(node), enclosingFunctions(node), collector, library.sessionScoped ? 'session' : undefined);
      return;
    }
  }

  /** postgres.js, slonik and drizzle `sql\`INSERT INTO …\`` (and Prisma's `$executeRaw\`…\``). */
  taggedTemplate(node: ts.TaggedTemplateExpression): void {
    const statements = this.sqlOfTagged(node);
    if (statements.length === 0) return;
    const values = isTemplateExpression(node.template) ? node.template.templateSpans.map((span) => span.expression) : [];
    this.sqlSites(node, statements, values);
  }

  // ---------------------------------------------------------------- key-value stores and cookies

  private write(node: ts.CallExpression, kind: StoreKind, write: WriteMethod, label: string, sessionScoped?: boolean): void {
    const collector = this.scope.collector();
    const key = write.key && this.place(node, write.key);
    if (key && isStringLiteralLike(skipWrappers(key))) collector.name((skipWrappers(key) as ts.StringLiteralLike).text);
    for (const place of write.values) {
      const value = this.place(node, place);
      if (value) collector.stored(value);
    }
    const ttl = sessionScoped ? 'session' : write.ttl ? this.ttl(node, write.ttl) : undefined;
    this.scope.add(kind, label, node, enclosingStatement(node), enclosingFunctions(node), collector, ttl);
  }

  /**
   * A write function a library exports (`STORE_WRITE_FUNCTIONS`): `set(key, value)` imported from idb-keyval (also
   * renamed), or `idbKeyval.set(…)` on its namespace or default import.
   */
  private functionWrite(node: ts.CallExpression): boolean {
    const callee = skipWrappers(node.expression);
    let binding: ImportBinding | undefined;
    let name: string | undefined;
    if (isIdentifier(callee)) {
      binding = this.scope.importOf(callee.text);
      name = binding?.name;
    } else if (isPropertyAccessExpression(callee) && isIdentifier(callee.expression)) {
      if (!WRITE_FUNCTION_NAMES.has(callee.name.text)) return false;
      binding = this.scope.importOf(callee.expression.text);
      if (binding?.name !== '*' && binding?.name !== 'default') return false;
      name = callee.name.text;
    }
    if (!binding || name === undefined) return false;
    for (const library of STORE_WRITE_FUNCTIONS) {
      const write = Object.hasOwn(library.functions, name) ? library.functions[name] : undefined;
      if (!write || !library.modules.includes(binding.module)) continue;
      this.write(node, library.kind, write, `\`${name}\` (${library.library})`);
      return true;
    }
    return false;
  }

  /** knex `db('leerlingen').insert(row)`, Supabase `supabase.from('leerlingen').insert(row)` (`QUERY_BUILDERS`). */
  private queryBuilderWrite(node: ts.CallExpression): boolean {
    const callee = skipWrappers(node.expression);
    if (!isPropertyAccessExpression(callee)) return false;
    const method = callee.name.text;
    if (!QUERY_BUILDER_WRITES.has(method)) return false;
    const table = skipWrappers(callee.expression);
    if (!isCallExpression(table)) return false;
    const tableCallee = skipWrappers(table.expression);
    for (const library of QUERY_BUILDERS) {
      const argument = Object.hasOwn(library.writes, method) ? library.writes[method] : undefined;
      if (argument === undefined) continue;
      const client = library.callable && !isPropertyAccessExpression(tableCallee) ? tableCallee : isPropertyAccessExpression(tableCallee) && library.tableMethods.includes(tableCallee.name.text) ? tableCallee.expression : undefined;
      if (!client || !this.isQueryClient(client, library)) continue;
      const name = table.arguments[0] && skipWrappers(table.arguments[0]);
      const tableName = name && isStringLiteralLike(name) ? name.text : '…';
      this.write(node, 'table-write', { values: [{ argument }] }, `${library.library} \`${tableName}.${method}\``);
      return true;
    }
    return false;
  }

  private isQueryClient(expression: ts.Expression, library: QueryBuilderLibrary): boolean {
    const client = skipWrappers(expression);
    if (!isIdentifier(client)) return false;
    const binding = this.scope.importOf(client.text);
    // `import knex from 'knex'; knex('t')`: the module's own function used as the client.
    if (binding) return library.callable && library.modules.includes(binding.module) && (binding.name === 'default' || binding.name === '*');
    const made = this.scope.constantOf(client.text);
    if (made === undefined) return library.clientNames.includes(client.text);
    const call = skipWrappers(made);
    if (!isCallExpression(call)) return false;
    const factory = skipWrappers(call.expression);
    // `require('knex')(config)`
    const required = requiredModule(factory);
    if (required !== undefined) return library.factory === 'default' && library.modules.includes(required);
    const name = isIdentifier(factory) ? factory.text : isPropertyAccessExpression(factory) && isIdentifier(factory.expression) ? factory.expression.text : undefined;
    const factoryBinding = name !== undefined ? this.scope.importOf(name) : undefined;
    if (!factoryBinding || !library.modules.includes(factoryBinding.module)) return false;
    const exported = isPropertyAccessExpression(factory) ? factory.name.text : factoryBinding.name === '*' ? 'default' : factoryBinding.name;
    return exported === library.factory || (library.factory === 'default' && exported === 'knex');
  }

  /** The expression at an argument place: the argument, or the named property of the object literal there. */
  private place(node: ts.CallExpression, place: ArgumentPlace): ts.Expression | undefined {
    const argument = node.arguments[place.argument];
    if (!argument || place.property === undefined) return argument;
    const object = this.scope.objectLiteral(argument);
    if (!object) return argument;
    return propertyValue(object, place.property);
  }

  /**
   * The TTL: the table's property of an options object, or the argument itself when it is no object
   * (`cookieService.set(name, value, 7)`), in the table's unit; another expiry option (a `Date`) is set but unknown.
   */
  private ttl(node: ts.CallExpression, place: TtlPlace): StorageTtl | undefined {
    const argument = node.arguments[place.argument];
    const object = argument && this.scope.objectLiteral(argument);
    if (!argument) return undefined;
    const inUnit = (amount: number): StorageTtl => ({ seconds: place.unit === 'days' ? amount * 86400 : place.unit === 'milliseconds' ? amount / 1000 : amount });
    if (!object) {
      const amount = this.scope.evaluateNumber(argument);
      return amount === undefined ? 'unresolved' : inUnit(amount);
    }
    const value = place.property !== undefined ? propertyValue(object, place.property) : undefined;
    if (value) {
      const amount = this.scope.evaluateNumber(value);
      return amount === undefined ? 'unresolved' : inUnit(amount);
    }
    for (const property of object.properties) {
      const name = property.name && propertyNameText(property.name);
      if (name !== undefined && TTL_OPTIONS.has(name)) return 'unresolved';
    }
    return undefined;
  }

  /** `document.cookie = \`naam=${naam}; max-age=3600\``: the name before `=`, the value, `max-age`/`expires`. */
  private documentCookie(node: ts.BinaryExpression): void {
    const text = literalText(node.right);
    const collector = this.scope.collector();
    const name = text !== undefined ? /^\s*([^=;\uE000]+)=/.exec(text)?.[1] : undefined;
    if (name !== undefined) collector.name(name.trim());
    collector.stored(node.right);
    let ttl: StorageTtl | undefined;
    if (text !== undefined) {
      const maxAge = /;\s*max-age=(\d+)/i.exec(text);
      if (maxAge?.[1] !== undefined) ttl = { seconds: Number(maxAge[1]) };
      else if (/;\s*(max-age|expires)=/i.test(text)) ttl = 'unresolved';
    }
    this.scope.add('cookie', '`document.cookie`', node, enclosingStatement(node), enclosingFunctions(node), collector, ttl);
  }

  // ---------------------------------------------------------------- IndexedDB

  /** idb `db.put('store', value)`, and `objectStore('x').put(value)` / `tx.store.add(value)` (idb and native). */
  private indexedDbWrite(node: ts.CallExpression, callee: ts.PropertyAccessExpression): boolean {
    const method = callee.name.text;
    const receiver = skipWrappers(callee.expression);
    let write: WriteMethod | undefined;
    if (IDB.storeWrites[method] && this.isObjectStore(receiver)) write = IDB.storeWrites[method];
    else if (IDB.databaseWrites[method] && this.isIdbDatabase(receiver)) write = IDB.databaseWrites[method];
    if (!write) return false;
    const collector = this.scope.collector();
    const storeName = write.key && this.place(node, write.key);
    if (storeName && isStringLiteralLike(storeName)) collector.name(storeName.text);
    for (const place of write.values) {
      const value = this.place(node, place);
      if (value) collector.stored(value);
    }
    this.scope.add('indexeddb', `IndexedDB \`${method}\``, node, enclosingStatement(node), enclosingFunctions(node), collector);
    return true;
  }

  private isObjectStore(receiver: ts.Expression, depth = 0): boolean {
    const inner = skipWrappers(receiver);
    if (isCallExpression(inner)) return calleeName(inner.expression) === 'objectStore';
    // idb: `tx.store`, where the transaction comes from `db.transaction(…)`.
    if (isPropertyAccessExpression(inner) && inner.name.text === 'store') return this.isTransaction(inner.expression, depth);
    if (isIdentifier(inner) && depth < 3) {
      const initializer = this.scope.constantOf(inner.text);
      return initializer !== undefined && this.isObjectStore(initializer, depth + 1);
    }
    return false;
  }

  private isTransaction(expression: ts.Expression, depth: number): boolean {
    const inner = skipWrappers(expression);
    if (isCallExpression(inner)) return calleeName(inner.expression) === 'transaction';
    if (isIdentifier(inner) && depth < 3) {
      const initializer = this.scope.constantOf(inner.text);
      return initializer !== undefined && this.isTransaction(initializer, depth + 1);
    }
    return false;
  }

  /** A database opened with idb's `openDB` in this file, or (with types) a value of idb's database type. */
  private isIdbDatabase(receiver: ts.Expression): boolean {
    const inner = skipWrappers(receiver);
    if (isIdentifier(inner)) {
      const initializer = this.scope.constantOf(inner.text);
      const made = initializer && skipWrappers(initializer);
      if (made && isCallExpression(made) && isIdentifier(made.expression)) {
        const binding = this.scope.importOf(made.expression.text);
        if (binding && (IDB.modules as readonly string[]).includes(binding.module) && (IDB.openers as readonly string[]).includes(binding.name)) return true;
      }
    }
    return this.typeDeclaredIn(inner, /[\\/]node_modules[\\/]idb[\\/]/);
  }

  // ---------------------------------------------------------------- Dexie

  /** `<db>.version(n)`: the receiver of Dexie's `stores()`. */
  private dexieVersion(node: ts.CallExpression): boolean {
    const callee = node.expression;
    if (!isPropertyAccessExpression(callee) || callee.name.text !== 'stores') return false;
    const receiver = skipWrappers(callee.expression);
    return isCallExpression(receiver) && calleeName(receiver.expression) === 'version';
  }

  /** `db.version(1).stores({ leerlingen: '++id, naam, bsn' })`: one table site per table, at its name. */
  private dexieStores(node: ts.CallExpression): void {
    const spec = node.arguments[0] && this.scope.objectLiteral(node.arguments[0]);
    if (!spec) return;
    for (const property of spec.properties) {
      const table = property.name && propertyNameText(property.name);
      if (table === undefined || !isPropertyAssignment(property)) continue;
      const collector = this.scope.collector();
      collector.name(table);
      const indexes = skipWrappers(property.initializer);
      if (isStringLiteralLike(indexes)) {
        for (const part of indexes.text.split(/[,+[\]]/)) {
          const column = part.trim().replace(/^(\+\+|&|\*)/, '').trim();
          if (column !== '') for (const segment of column.split('.')) collector.name(segment);
        }
      }
      this.scope.add('table', `Dexie table \`${table}\``, property.name, enclosingStatement(node), enclosingFunctions(node), collector);
    }
  }

  /** `db.leerlingen.put(value)` or `db.table('leerlingen').put(value)` on a Dexie database whose tables are not declared in this file. */
  private dexieWrite(node: ts.CallExpression, callee: ts.PropertyAccessExpression): boolean {
    const write = DEXIE.tableWrites[callee.name.text];
    const table = skipWrappers(callee.expression);
    if (!write) return false;
    const named = this.dexieTable(table);
    if (!named) return false;
    const [tableName, database] = named;
    if (!this.isDexieDatabase(database) && !this.typeDeclaredIn(table, DEXIE.declarations)) return false;
    // Declared here: the `stores()` site carries the retention.
    if (this.declared.dexieTables.has(tableName)) return true;
    const collector = this.scope.collector();
    collector.name(tableName);
    for (const place of write.values) {
      const value = this.place(node, place);
      if (value) collector.stored(value);
    }
    this.scope.add('indexeddb', `Dexie \`${tableName}.${callee.name.text}\``, node, enclosingStatement(node), enclosingFunctions(node), collector);
    return true;
  }

  /** A table's name and its database: `db.leerlingen`, or `db.table('leerlingen')` with a literal name. */
  private dexieTable(table: ts.Expression): [string, ts.Expression] | undefined {
    if (isPropertyAccessExpression(table)) return [table.name.text, table.expression];
    if (!isCallExpression(table) || !isPropertyAccessExpression(table.expression) || table.expression.name.text !== DEXIE.tableAccessor) return undefined;
    const name = table.arguments[0] && skipWrappers(table.arguments[0]);
    return name && isStringLiteralLike(name) ? [name.text, table.expression.expression] : undefined;
  }

  /** `new Dexie(…)`, an instance of a class extending Dexie in this file, or `this` inside such a class. */
  private isDexieDatabase(expression: ts.Expression): boolean {
    const inner = skipWrappers(expression);
    if (inner.kind === SyntaxKind.ThisKeyword) {
      for (let n: ts.Node | undefined = inner.parent; n; n = n.parent) if (isClassLike(n)) return this.extendsDexie(n);
      return false;
    }
    if (!isIdentifier(inner)) return false;
    const initializer = this.scope.constantOf(inner.text);
    const made = initializer && skipWrappers(initializer);
    if (!made || !isNewExpression(made) || !isIdentifier(made.expression)) return false;
    if (this.isDexieClass(made.expression.text)) return true;
    const local = this.localClass(made.expression.text);
    return local !== undefined && this.extendsDexie(local);
  }

  private isDexieClass(name: string): boolean {
    const binding = this.scope.importOf(name);
    return binding !== undefined && (DEXIE.modules as readonly string[]).includes(binding.module) && (binding.name === 'default' || binding.name === DEXIE.className || binding.name === '*');
  }

  private extendsDexie(cls: ts.ClassLikeDeclaration): boolean {
    return (cls.heritageClauses ?? []).some((clause) => isHeritageClause(clause) && clause.token === SyntaxKind.ExtendsKeyword && clause.types.some((t) => isIdentifier(t.expression) && this.isDexieClass(t.expression.text)));
  }

  private localClass(name: string): ts.ClassLikeDeclaration | undefined {
    for (const statement of this.scope.context.sourceFile.statements) if (isClassLike(statement) && statement.name?.text === name) return statement;
    return undefined;
  }

  // ---------------------------------------------------------------- Prisma

  /** `prisma.leerling.create({ data })`; covered when the host's Prisma schema declares the model. */
  private prismaWrite(node: ts.CallExpression, callee: ts.PropertyAccessExpression): boolean {
    const keys = PRISMA.writes[callee.name.text];
    const delegate = skipWrappers(callee.expression);
    if (!keys || !isPropertyAccessExpression(delegate) || !this.isPrismaClient(delegate.expression)) return false;
    const model = delegate.name.text;
    if (this.scope.context.prismaModels?.has(model.toLowerCase())) return true;
    const collector = this.scope.collector();
    collector.typeName(model.charAt(0).toUpperCase() + model.slice(1));
    const options = node.arguments[0] && this.scope.objectLiteral(node.arguments[0]);
    if (options) {
      for (const key of keys) {
        const value = propertyValue(options, key);
        if (value) collector.stored(value);
      }
    } else if (node.arguments[0]) {
      collector.stored(node.arguments[0]);
    }
    this.scope.add('table-write', `Prisma \`${model}.${callee.name.text}\``, node, enclosingStatement(node), enclosingFunctions(node), collector);
    return true;
  }

  private isPrismaClient(expression: ts.Expression): boolean {
    const inner = skipWrappers(expression);
    const name = isIdentifier(inner) ? inner.text : isPropertyAccessExpression(inner) ? inner.name.text : undefined;
    if (name !== undefined && PRISMA.clientName.test(name)) return true;
    if (isIdentifier(inner)) {
      const initializer = this.scope.constantOf(inner.text);
      const made = initializer && skipWrappers(initializer);
      if (made && isNewExpression(made) && isIdentifier(made.expression)) {
        const binding = this.scope.importOf(made.expression.text);
        if (binding && (PRISMA.modules as readonly string[]).includes(binding.module)) return true;
      }
      if (this.isTransactionParameter(inner)) return true;
      if (this.scope.madeFrom(inner, PRISMA.modules, PRISMA.className)) return true;
    }
    return this.typeDeclaredIn(inner, PRISMA.declarations);
  }

  /** `prisma.$transaction(async (tx) => tx.leerling.create(…))`: `tx` is a client too. */
  private isTransactionParameter(id: ts.Identifier): boolean {
    for (let n: ts.Node | undefined = id.parent; n; n = n.parent) {
      if ((isArrowFunction(n) || isFunctionExpression(n)) && isCallExpression(n.parent) && calleeName(n.parent.expression) === '$transaction') {
        return n.parameters.some((p) => isParameter(p) && isIdentifier(p.name) && p.name.text === id.text);
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- MongoDB

  /** `db.collection('x').insertOne(doc)` and Mongoose/Typegoose `Model.create(doc)`, `Model.findOneAndUpdate(f, u)`. */
  private mongoWrite(node: ts.CallExpression, callee: ts.PropertyAccessExpression): boolean {
    const write = MONGO.writes[callee.name.text];
    if (!write) return false;
    const receiver = skipWrappers(callee.expression);
    const collection = isCallExpression(receiver) && calleeName(receiver.expression) === MONGO.collectionMethod ? receiver : undefined;
    if (!collection && !this.isMongooseModel(receiver)) return false;
    // A model whose schema or document class is declared in this file is covered by that declaration's site.
    if (!collection && this.modelDeclaredHere(receiver)) return true;
    const collector = this.scope.collector();
    const name = collection?.arguments[0];
    if (name && isStringLiteralLike(name)) collector.name(name.text);
    for (const place of write.values) {
      const value = this.place(node, place);
      if (value) collector.stored(value);
    }
    const label = collection ? `MongoDB \`collection(…).${callee.name.text}\`` : `Mongoose \`${receiverLabelOf(receiver)}.${callee.name.text}\``;
    const ttl = name && isStringLiteralLike(name) ? this.declared.collectionTtls.get(name.text) : undefined;
    this.scope.add('table-write', label, node, enclosingStatement(node), enclosingFunctions(node), collector, ttl);
    return true;
  }

  /**
   * `db.collection('sessies').createIndex({ t: 1 }, { expireAfterSeconds: 3600 })`: MongoDB deletes the collection's
   * documents that long after their date, so the TTL is the retention of the file's writes to that collection.
   */
  private mongoTtlIndex(call: ts.CallExpression, collectionTtls: Map<string, StorageTtl>): void {
    const callee = skipWrappers(call.expression);
    if (!isPropertyAccessExpression(callee) || (callee.name.text !== 'createIndex' && callee.name.text !== 'ensureIndex')) return;
    const collection = skipWrappers(callee.expression);
    if (!isCallExpression(collection) || calleeName(collection.expression) !== MONGO.collectionMethod) return;
    const name = collection.arguments[0];
    const options = call.arguments[1] && this.scope.objectLiteral(call.arguments[1]);
    const value = options && propertyValue(options, 'expireAfterSeconds');
    if (!name || !isStringLiteralLike(name) || !value) return;
    const amount = this.scope.evaluateNumber(value);
    const ttl: StorageTtl = amount === undefined ? 'unresolved' : { seconds: amount };
    const known = collectionTtls.get(name.text);
    if (typeof known !== 'object' || (typeof ttl === 'object' && ttl.seconds < known.seconds)) collectionTtls.set(name.text, ttl);
  }

  /** `getModelForClass(LocalClass)` or `model('X', localSchema)` where `localSchema = new Schema(…)` in this file. */
  private modelDeclaredHere(receiver: ts.Expression): boolean {
    if (!isIdentifier(receiver)) return false;
    const made = this.scope.constantOf(receiver.text);
    const call = made && skipWrappers(made);
    if (!call || !isCallExpression(call)) return false;
    return call.arguments.some((argument) => {
      const inner = skipWrappers(argument);
      if (!isIdentifier(inner)) return false;
      if (this.localClass(inner.text)) return true;
      const schema = this.scope.constantOf(inner.text);
      const created = schema && skipWrappers(schema);
      return created !== undefined && isNewExpression(created) && calleeName(created.expression) === 'Schema';
    });
  }

  /** A model made by `model(…)`/`mongoose.model(…)`/`getModelForClass(…)` here or (with a checker) where it is imported from. */
  private isMongooseModel(receiver: ts.Expression): boolean {
    if (!isIdentifier(receiver)) return isPropertyAccessExpression(receiver) && this.typeDeclaredIn(receiver, MONGO.declarations);
    const made = (initializer: ts.Expression | undefined): boolean => {
      const inner = initializer && skipWrappers(initializer);
      return inner !== undefined && isCallExpression(inner) && (MONGO.modelFactories as readonly string[]).includes(calleeName(inner.expression) ?? '');
    };
    if (made(this.scope.constantOf(receiver.text))) return true;
    const checker = this.checker;
    if (!checker) return false;
    let symbol = checker.getSymbolAtLocation(receiver);
    if (symbol && symbol.flags & SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
    const declaration = symbol?.valueDeclaration;
    if (declaration && isVariableDeclaration(declaration) && made(declaration.initializer)) return true;
    // `export default getModelForClass(IUser)`, imported as `import User from './user.model'`.
    if (declaration && isExportAssignment(declaration) && made(declaration.expression)) return true;
    return this.typeDeclaredIn(receiver, MONGO.declarations);
  }

  // ---------------------------------------------------------------- SQL

  private sqlOfCall(node: ts.CallExpression): readonly SqlStatement[] {
    const name = calleeName(node.expression);
    if (name === undefined || !SQL.methods.has(name) || !node.arguments[0]) return NO_STATEMENTS;
    const cached = this.sqlByNode.get(node);
    if (cached) return cached;
    const text = this.sqlText(node.arguments[0]);
    const statements = text !== undefined ? parseSql(text) : NO_STATEMENTS;
    this.sqlByNode.set(node, statements);
    return statements;
  }

  private sqlOfTagged(node: ts.TaggedTemplateExpression): readonly SqlStatement[] {
    const tag = calleeName(node.tag);
    if (tag === undefined || !(SQL.tags.has(tag) || (tag === 'unsafe' && isPropertyAccessExpression(node.tag)))) return NO_STATEMENTS;
    const cached = this.sqlByNode.get(node);
    if (cached) return cached;
    const template = node.template;
    const statements = parseSql(isNoSubstitutionTemplateLiteral(template) ? template.text : [template.head.text, ...template.templateSpans.map((s) => s.literal.text)].join('?'));
    this.sqlByNode.set(node, statements);
    return statements;
  }

  /** SQL text written as a literal, a template (its expressions as `?`) or a constant holding one. */
  private sqlText(expression: ts.Expression, depth = 0): string | undefined {
    const inner = skipWrappers(expression);
    if (isStringLiteralLike(inner)) return inner.text;
    if (isTemplateExpression(inner)) return [inner.head.text, ...inner.templateSpans.map((s) => s.literal.text)].join('?');
    if (isIdentifier(inner) && depth < 3) {
      const initializer = this.scope.constantOf(inner.text);
      return initializer ? this.sqlText(initializer, depth + 1) : undefined;
    }
    if (isCallExpression(inner) && depth < 3) {
      // A tagged `sql` template passed to a driver: handled at the template.
      return undefined;
    }
    // A query-config object: `pool.query({ text: 'INSERT …', values })`.
    const config = this.scope.objectLiteral(inner);
    if (config && depth < 3) {
      for (const key of SQL.textOptions) {
        const text = propertyValue(config, key);
        if (text) return this.sqlText(text, depth + 1);
      }
    }
    return undefined;
  }

  private sqlCall(node: ts.CallExpression): boolean {
    const statements = this.sqlOfCall(node);
    if (statements.length === 0) return false;
    // The values: the other arguments (`query(text, [bsn])`), the text's own template expressions, and for a
    // prepared statement the arguments of the call on it (`db.prepare(text).run(bsn, naam)`).
    const values: ts.Expression[] = [...node.arguments.slice(1)];
    const text = skipWrappers(node.arguments[0] as ts.Expression);
    if (isTemplateExpression(text)) values.push(...text.templateSpans.map((span) => span.expression));
    const config = this.scope.objectLiteral(text);
    const configValues = config && propertyValue(config, SQL.valuesOption);
    if (configValues) values.push(configValues);
    const parent = node.parent;
    if (isPropertyAccessExpression(parent) && parent.expression === node && isCallExpression(parent.parent)) values.push(...parent.parent.arguments);
    this.sqlSites(node, statements, values);
    return true;
  }

  private sqlSites(node: ts.CallExpression | ts.TaggedTemplateExpression, statements: readonly SqlStatement[], values: readonly ts.Expression[]): void {
    for (const statement of statements) {
      const isWrite = statement.verb === 'insert' || statement.verb === 'update';
      // A write to a table created in this file is covered by the `CREATE TABLE` site.
      if (isWrite && this.declared.sqlTables.has(statement.table.toLowerCase())) continue;
      const collector = this.scope.collector();
      for (const column of statement.columns) collector.name(column);
      if (isWrite) for (const value of values) collector.stored(value);
      const words = { insert: 'INSERT INTO', update: 'UPDATE', create: 'CREATE TABLE', alter: 'ALTER TABLE' }[statement.verb];
      this.scope.add(isWrite ? 'table-write' : 'table', `SQL \`${words} ${statement.table}\``, node, enclosingStatement(node), enclosingFunctions(node), collector);
    }
  }

  // ---------------------------------------------------------------- persisted state

  /** NGXS storage plugin and ngrx-store-localstorage: the state names (and fields) they persist. */
  private persistedState(node: ts.CallExpression): boolean {
    const callee = node.expression;
    const name = calleeName(callee);
    if (name === undefined) return false;
    const owner = isPropertyAccessExpression(callee) ? callee.expression : callee;
    const binding = isIdentifier(owner) ? this.scope.importOf(owner.text) : undefined;
    if (!binding) return false;
    const library = PERSISTED_STATE.find((l) => (l.calls as readonly string[]).includes(name) && (l.modules as readonly string[]).includes(binding.module));
    if (!library) return false;
    const options = node.arguments[0] && this.scope.objectLiteral(node.arguments[0]);
    if (!options) return true;
    const collector = this.scope.collector();
    for (const key of library.options) {
      const value = propertyValue(options, key);
      if (value) this.stateKeys(value, collector, 0);
    }
    this.scope.add('browser-storage', `\`${name}\` (${library.library})`, node, enclosingStatement(node), enclosingFunctions(node), collector);
    return true;
  }

  /** `'leerling'`, `'auth.leerling'`, `[…]`, `{ leerling: ['naam', 'bsn'] }`, a local `@State` class. */
  private stateKeys(expression: ts.Expression, collector: CategoryCollector, depth: number): void {
    if (depth > 3) return;
    const inner = skipWrappers(expression);
    if (isStringLiteralLike(inner)) {
      for (const part of inner.text.split('.')) collector.name(part);
    } else if (isArrayLiteralExpression(inner)) {
      for (const element of inner.elements) this.stateKeys(element, collector, depth + 1);
    } else if (isObjectLiteralExpression(inner)) {
      for (const property of inner.properties) {
        const name = property.name && propertyNameText(property.name);
        if (name !== undefined) collector.name(name);
        if (isPropertyAssignment(property)) this.stateKeys(property.initializer, collector, depth + 1);
      }
    } else if (isIdentifier(inner)) {
      const cls = this.localClass(inner.text);
      if (cls) this.stateClass(cls, collector);
      else if (this.checker) collector.expression(inner);
    }
  }

  /** An NGXS `@State<Model>({ name, defaults })` class: its name, its model type and the keys of its defaults. */
  private stateClass(cls: ts.ClassLikeDeclaration, collector: CategoryCollector): void {
    for (const decorator of canHaveDecorators(cls) ? (getDecorators(cls) ?? []) : []) {
      const call = decorator.expression;
      if (!isCallExpression(call) || calleeName(call.expression) !== 'State') continue;
      for (const typeArgument of call.typeArguments ?? []) collector.typeNode(typeArgument);
      const options = call.arguments[0] && this.scope.objectLiteral(call.arguments[0]);
      if (!options) continue;
      const stateName = propertyValue(options, 'name');
      if (stateName && isStringLiteralLike(stateName)) collector.name(stateName.text);
      const defaults = propertyValue(options, 'defaults');
      if (defaults) collector.expression(defaults);
    }
  }

  // ---------------------------------------------------------------- receivers

  private matches(receiver: ts.Expression, expected: Receiver): boolean {
    const inner = skipWrappers(receiver);
    if ('global' in expected) return this.isGlobal(inner, expected.global);
    if ('modules' in expected) {
      if (!isIdentifier(inner)) return false;
      const binding = this.scope.importOf(inner.text);
      if (!binding || !expected.modules.includes(binding.module)) return false;
      return binding.name === expected.export || (expected.export === 'default' && binding.name === '*');
    }
    const name = isIdentifier(inner) ? inner.text : isPropertyAccessExpression(inner) ? inner.name.text : undefined;
    if (name !== undefined && expected.names.includes(name)) return true;
    let pattern = typeModulePatterns.get(expected);
    if (!pattern) typeModulePatterns.set(expected, (pattern = new RegExp(`[\\\\/]node_modules[\\\\/](@types[\\\\/])?(${expected.typeModules.map(escape).join('|')})[\\\\/]`)));
    return this.typeDeclaredIn(inner, pattern);
  }

  /** A global (`localStorage`) not declared in the file, also as `window.localStorage`. */
  private isGlobal(expression: ts.Expression, global: string): boolean {
    const inner = skipWrappers(expression);
    if (isIdentifier(inner)) return inner.text === global && this.scope.constantOf(global) === undefined && this.scope.importOf(global) === undefined;
    return isPropertyAccessExpression(inner) && inner.name.text === global && isIdentifier(inner.expression) && GLOBAL_OWNERS.has(inner.expression.text);
  }

  /** With a type checker: whether the value's type is declared in a file matching `pattern`. */
  private typeDeclaredIn(expression: ts.Expression, pattern: RegExp): boolean {
    const checker = this.checker;
    if (!checker || !programDeclaresIn(this.scope.context.program, pattern)) return false;
    const type = checker.getTypeAtLocation(expression);
    const symbol = type.aliasSymbol ?? type.getSymbol();
    return (symbol?.declarations ?? []).some((d) => pattern.test(d.getSourceFile().fileName));
  }
}

const declaringPrograms = new WeakMap<ts.Program, Map<string, boolean>>();

/**
 * Whether any file of the program matches `pattern` (a library's declarations). Without one, no value can have a type
 * declared there, so the type checker need not be asked about every receiver whose method name a store table lists
 * (`add`, `put`, `create` are everywhere): on the benchmark corpus that question was a fifth of the core's time.
 */
function programDeclaresIn(program: ts.Program | undefined, pattern: RegExp): boolean {
  if (!program) return true;
  let known = declaringPrograms.get(program);
  if (!known) declaringPrograms.set(program, (known = new Map()));
  let has = known.get(pattern.source);
  if (has === undefined) {
    has = program.getSourceFiles().some((file) => pattern.test(file.fileName));
    known.set(pattern.source, has);
  }
  return has;
}

function propertyValue(object: ts.ObjectLiteralExpression, key: string): ts.Expression | undefined {
  for (const property of object.properties) {
    if (isPropertyAssignment(property) && propertyNameText(property.name) === key) return property.initializer;
    if (isShorthandPropertyAssignment(property) && property.name.text === key) return property.name;
  }
  return undefined;
}

/** The literal parts of a string, template or `+` concatenation, with `\uE000` where an expression goes. */
function literalText(expression: ts.Expression, depth = 0): string | undefined {
  const inner = skipWrappers(expression);
  if (isStringLiteralLike(inner)) return inner.text;
  if (isTemplateExpression(inner)) return [inner.head.text, ...inner.templateSpans.map((s) => s.literal.text)].join('\uE000');
  if (isBinaryExpression(inner) && inner.operatorToken.kind === SyntaxKind.PlusToken && depth < 32) {
    return `${literalText(inner.left, depth + 1) ?? '\uE000'}${literalText(inner.right, depth + 1) ?? '\uE000'}`;
  }
  return undefined;
}

function receiverLabelOf(receiver: ts.Expression): string {
  return isIdentifier(receiver) ? receiver.text : isPropertyAccessExpression(receiver) ? receiver.name.text : 'model';
}

function receiverLabel(receiver: ts.Expression, library: StoreWriteLibrary): string {
  const inner = skipWrappers(receiver);
  if ('global' in library.receiver) return library.receiver.global;
  if (isIdentifier(inner)) return inner.text;
  if (isPropertyAccessExpression(inner)) return inner.name.text;
  return library.library;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

