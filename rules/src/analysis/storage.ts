/**
 * Where code stores personal data, and which categories it stores. `require-retention` asks each storage site for a
 * bewaartermijn; the language server's hover and quick fix use the same sites.
 *
 * Two kinds of storage are recognised:
 * - **Declarations** of persistent structure: TypeORM/MikroORM `@Entity()` classes (their `@Column`/`@Property`
 *   members), Sequelize `sequelize.define(name, attributes)` and `Model.init(attributes, { sequelize })`, Mongoose
 *   `new Schema({...})`, Drizzle `pgTable`/`mysqlTable`/`sqliteTable`, knex `schema.createTable(name, t => …)` and
 *   Kysely `schema.createTable(name).addColumn(…)`.
 * - **Writes**: `fs.writeFile`/`appendFile` (and their `Sync` and promise forms from `fs`, `node:fs`, `fs/promises`),
 *   `localStorage`/`sessionStorage.setItem`, Redis `set`/`setex`/`hset` (with the TTL they set) and S3
 *   `putObject`/`PutObjectCommand`.
 *
 * The categories come from column and attribute names (the catalogue's `match.names`), from JSDoc tags on columns,
 * from type names, and — when a type checker is available — from the type of the stored value: writing a `Leerling`
 * stores its `bsn`.
 */
// Default import: `import * as` would read every member through an esModuleInterop getter (a sixth of the time).
import ts from 'typescript';
import type { Category } from '../catalogue/model';
import type { TextRange } from '../finding';
import type { CheckContext } from './context';
import type { FlowEngine } from './flow/engine';
import { engineOf } from './flow/flows';
import { fileNodes, nodesFor, type FileNodes } from './flow/nodes';
import { withStep, type TraceStep } from './flow/labels';
import { phrase } from './flow/steps';
import { packageImport } from './flow/notData';
import { shortText } from './flow/syntax';
import { ensureParents } from './flow/walk';
import { storeWrappers, type ProbedWrite } from './storageWrappers';
import { MONGO, type StoreKind } from './libraries/storage';
import { StoreWrites, type ImportBinding, type StorageScope, type StorageTtl } from './storageWrites';
import { CategoryCollector, calleeName, FS_MODULES, enclosingFunctions, enclosingStatement, MAX_DEPTH, propertyNameText, requiredModule, skipWrappers, stringProperty } from './storageCollector';

export { enclosingStatement } from './storageCollector';
// Read once: every member of the typescript module is a getter, and these run for every node.
const { canHaveDecorators, canHaveModifiers, forEachChild, getDecorators, getLeadingCommentRanges, getModifiers, isArrowFunction, isAsExpression, isBinaryExpression, isCallExpression, isClassDeclaration, isConditionalExpression, isExportAssignment, isClassLike, isExternalModuleReference, isFunctionExpression, isIdentifier, isImportDeclaration, isImportEqualsDeclaration, isNamedImports, isNamespaceImport, isNewExpression, isNumericLiteral, isObjectBindingPattern, isObjectLiteralExpression, isParenthesizedExpression, isPrefixUnaryExpression, isPropertyAccessExpression, isPropertyAssignment, isPropertyDeclaration, isSatisfiesExpression, isShorthandPropertyAssignment, isStringLiteral, isStringLiteralLike, isVariableDeclaration, SyntaxKind } = ts;

export type { StoreKind } from './libraries/storage';
export type { StorageTtl } from './storageWrites';

export interface StorageSite {
  readonly kind: StoreKind;
  /** In words, for messages: "entity `Leerling` (TypeORM/MikroORM)", "`fs.writeFile`". */
  readonly store: string;
  /** Where findings are reported: the declaration's name, or the storing call expression. */
  readonly reportNode: ts.Node;
  /** The node whose JSDoc holds `@retention`, and before which a quick fix inserts it. */
  readonly declaration: ts.Node;
  /**
   * Further nodes whose JSDoc may hold the tag: the statement of a `Model.init` call beside its class, the functions
   * and methods around a write.
   */
  readonly alternativeDeclarations: readonly ts.Node[];
  /** The categories stored, in catalogue order, without duplicates. */
  readonly categories: readonly Category[];
  /** For Redis writes only: the TTL, when one is set. */
  readonly ttl?: StorageTtl;
  /** For writes: how the first stored category got into the written value, from the flow analysis (source first). */
  readonly trace?: TraceStep;
}

/** A `@retention <term>` tag as written. */
export interface RetentionTag {
  /** The term id; empty when the tag names none. */
  readonly term: string;
  /** The term's text, or the position right after `@retention` when there is none. */
  readonly termRange: TextRange;
}

const FS_PROMISES_MODULES = new Set(['fs/promises', 'node:fs/promises']);
const FS_WRITES = new Set(['writeFile', 'writeFileSync', 'appendFile', 'appendFileSync']);
/** Redis clients: ioredis, node-redis, and the HTTP clients of serverless Redis (Upstash, Vercel KV) with the same commands. */
const REDIS_MODULES = new Set(['ioredis', 'redis', '@redis/client', '@upstash/redis', '@vercel/kv']);
/** Files that declare a Redis client's types. */
const REDIS_DECLARATIONS = /[\\/]node_modules[\\/](ioredis|redis|@redis[\\/][^\\/]+|@upstash[\\/]redis|@vercel[\\/]kv)[\\/]/;
const redisPrograms = new WeakMap<ts.Program, boolean>();

/**
 * Whether the program holds a Redis client's declarations at all. Without them no value can have a Redis type, so
 * the type checker need not be asked about every `x.set(…)` receiver (Map.set is everywhere): the benchmark profile
 * showed that question as a visible share of require-retention's time (BENCHMARKS.md, "Profile").
 */
function programHasRedis(program: ts.Program | undefined): boolean {
  if (!program) return true;
  let has = redisPrograms.get(program);
  if (has === undefined) {
    has = program.getSourceFiles().some((file) => REDIS_DECLARATIONS.test(file.fileName));
    redisPrograms.set(program, has);
  }
  return has;
}

/** Redis writes that add members to a list or set under a key: every argument after the key is stored. */
const REDIS_MEMBER_WRITES = new Set(['lpush', 'lPush', 'rpush', 'rPush', 'sadd', 'sAdd']);
/** Redis commands that give a key its TTL after it was written (`set(k, v)` then `expire(k, 3600)`). */
const REDIS_EXPIRES: Readonly<Record<string, number>> = { expire: 1, pexpire: 0.001, pExpire: 0.001 };
const REDIS_WRITES = new Set(['set', 'setex', 'setEx', 'psetex', 'pSetEx', 'hset', 'hSet', 'hmset', 'hmSet', ...REDIS_MEMBER_WRITES]);
const COLUMN_DECORATORS = new Set([
  'Column', 'PrimaryColumn', 'PrimaryGeneratedColumn', 'CreateDateColumn', 'UpdateDateColumn', 'DeleteDateColumn',
  'VersionColumn', 'ViewColumn', 'ObjectIdColumn', 'Property', 'PrimaryKey', 'SerializedPrimaryKey', 'Enum', 'Formula',
  'Embedded',
]);
const DRIZZLE_TABLES = new Set(['pgTable', 'mysqlTable', 'sqliteTable', 'singlestoreTable']);
/** knex table-builder methods that do not add a column. */
const KNEX_NON_COLUMNS = new Set([
  'primary', 'index', 'unique', 'foreign', 'dropColumn', 'dropColumns', 'dropIndex', 'dropUnique', 'dropPrimary',
  'dropForeign', 'dropTimestamps', 'renameColumn', 'comment', 'engine', 'charset', 'collate', 'inherits', 'check',
  'setNullable', 'dropNullable', 'queryContext',
]);

/** All storage sites in the file that store at least one catalogued category. */
export function findStorageSites(context: CheckContext): StorageSite[] {
  const nodes = fileNodes(context.sourceFile);
  const finder = new StorageFinder(context, nodes);
  const writes = ownWrites(context, finder, nodes);
  if (!writes) return finder.sites;
  // Declarations are visited here, the writes' sites come from the file's write pass, and the calls that are no known
  // write may call a store wrapper: all in source order, as one walk would have found them.
  let next = 0;
  for (const node of nodes.storage) {
    if (context.isCancelled()) break;
    if (isClassLike(node) || isNewExpression(node)) {
      finder.visit(node);
      continue;
    }
    if (writes.nodes[next] === node) {
      do {
        const site = writes.sites[next++];
        if (site) finder.sites.push(site);
      } while (writes.nodes[next] === node);
    } else if (isCallExpression(node)) {
      finder.wrapperWrite(node);
    }
  }
  return finder.sites;
}

/**
 * The writes of one file, found in one pass per flow engine (one program and catalogue): the file's own analysis and
 * the store-wrapper summaries of every other file that calls into it share it, where each used to walk the file's
 * writes on its own (the probe was most of require-retention's time on the benchmark corpus).
 */
interface FileWrites {
  /** Every store write, also those that store nothing catalogued by themselves, for the store-wrapper summaries. */
  readonly probed: readonly ProbedWrite[];
  /** The Prisma models the writes were judged against: a write to a model the schema declares is covered by it. */
  readonly prismaModels: ReadonlyMap<string, unknown> | undefined;
  /** What the file's own analysis takes from the pass, kept until it has (see `WritePass`). */
  own?: WritePass;
}

/**
 * The pass over a file's writes in source order, for the file's own analysis: each write node with a site it reports
 * (a node may report several), and each known write call that reports none with no site. Any other call may call a
 * store wrapper, which only the file's own analysis looks at.
 */
interface WritePass {
  readonly nodes: ts.Node[];
  readonly sites: (StorageSite | undefined)[];
}

const fileWritesPerEngine = new WeakMap<FlowEngine, WeakMap<ts.SourceFile, FileWrites>>();

function fileWritesOf(engine: FlowEngine): WeakMap<ts.SourceFile, FileWrites> {
  let files = fileWritesPerEngine.get(engine);
  if (!files) fileWritesPerEngine.set(engine, (files = new WeakMap()));
  return files;
}

/** The write pass of the analysed file: from a probe that came first, else made now (and kept for later probes). */
function ownWrites(context: CheckContext, finder: StorageFinder, nodes: FileNodes): WritePass | undefined {
  const files = fileWritesOf(finder.flowEngine());
  const known = files.get(context.sourceFile);
  if (known?.own && sameModels(known.prismaModels, context.prismaModels)) {
    const own = known.own;
    // Kept only until the file is analysed, so a long run does not hold every file's calls.
    delete known.own;
    return own;
  }
  const pass: WritePass = { nodes: [], sites: [] };
  const probed = finder.writePass(nodes, pass, context.isCancelled);
  if (!probed) return undefined;
  if (!known) files.set(context.sourceFile, { probed, prismaModels: context.prismaModels });
  return pass;
}

/**
 * Every store write in another file of the program, also those that store nothing catalogued by themselves (a
 * wrapper's write of its parameter), for the store-wrapper summaries. Wrapper calls in that file are not probed.
 */
function probeWrites(context: CheckContext, engine: FlowEngine, file: ts.SourceFile): readonly ProbedWrite[] {
  const files = fileWritesOf(engine);
  const known = files.get(file);
  if (known) return known.probed;
  ensureParents(file);
  const nodes = nodesFor(file);
  const own: WritePass = { nodes: [], sites: [] };
  const probed = new StorageFinder({ ...context, sourceFile: file }, nodes).writePass(nodes, own) ?? [];
  files.set(file, { probed, prismaModels: context.prismaModels, own });
  return probed;
}

/** Whether two Prisma schemas declare the same models (hosts pass the schema anew for every file). */
function sameModels(a: ReadonlyMap<string, unknown> | undefined, b: ReadonlyMap<string, unknown> | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.size !== b.size) return false;
  for (const key of a.keys()) if (!b.has(key)) return false;
  return true;
}

/** The `@retention` tag in the JSDoc of `node` (before its decorators, modifiers or keyword), if any. */
export function retentionTagOf(node: ts.Node, sourceFile: ts.SourceFile): RetentionTag | undefined {
  const text = sourceFile.text;
  const positions = [node.getFullStart()];
  // JSDoc may also sit between decorators and the declaration (`@Entity() /** @retention x */ export class …`).
  if (canHaveModifiers(node)) for (const modifier of getModifiers(node) ?? []) positions.push(modifier.end);
  if (canHaveDecorators(node)) for (const decorator of getDecorators(node) ?? []) positions.push(decorator.end);
  for (const pos of positions) {
    for (const range of getLeadingCommentRanges(text, pos) ?? []) {
      const comment = text.slice(range.pos, range.end);
      if (!comment.startsWith('/**')) continue;
      const match = /@retention(?![\w-])[ \t]*([^\s*]*)/.exec(comment);
      if (!match) continue;
      const term = match[1] ?? '';
      // Without a term, the range is empty and sits right after `@retention`, so a fix inserts ` <term>` there.
      const start = term === '' ? range.pos + match.index + '@retention'.length : range.pos + match.index + match[0].length - term.length;
      return { term, termRange: { start, end: start + term.length } };
    }
  }
  return undefined;
}

class StorageFinder implements StorageScope {
  readonly sites: StorageSite[] = [];
  private readonly sourceFile: ts.SourceFile;
  private readonly checker: ts.TypeChecker | undefined;
  private readonly imports = new Map<string, ImportBinding>();
  /** Local `const x = …` initialisers by name, to follow values without a type checker. */
  private readonly constants = new Map<string, ts.Expression>();
  /** Local names bound to a Redis client (`new Redis()`, `createClient()`), found when a Redis-named call asks. */
  private redisClientNames: Set<string> | undefined;
  /** The flow analysis shared with the transfer and log checks, created on the first write that needs it. */
  private engine: FlowEngine | undefined;
  /** The storage library tables' interpreter, made for the write pass (a file whose pass a probe made needs none). */
  private storeWrites: StoreWrites | undefined;
  /** The file's calls (a Mongoose schema's `index(…, { expireAfterSeconds })` may follow its declaration). */
  private readonly calls: readonly ts.CallExpression[];
  /** During the write pass: every write goes here too, catalogued data or not, for the store-wrapper summaries. */
  private probed: ProbedWrite[] | undefined;
  /** How the store-wrapper summaries find the writes of a file (made once, not per call). */
  private readonly probe = (file: ts.SourceFile): readonly ProbedWrite[] => probeWrites(this.context, this.flowEngine(), file);

  constructor(
    readonly context: CheckContext,
    private readonly nodes: FileNodes,
  ) {
    this.sourceFile = context.sourceFile;
    this.checker = context.checker;
    this.collectBindings(nodes.bindings);
    this.calls = nodes.calls;
  }

  private get writes(): StoreWrites {
    return (this.storeWrites ??= new StoreWrites(this, this.nodes.calls, this.nodes.storage));
  }

  flowEngine(): FlowEngine {
    return (this.engine ??= engineOf(this.context));
  }

  /** A declaration: a class (an entity, a document class) or a `new` expression (a schema, an S3 command). */
  visit(node: ts.ClassLikeDeclaration | ts.NewExpression): void {
    if (isClassLike(node)) this.entity(node);
    else this.construct(node);
  }

  /**
   * The pass over the file's writes (calls, assignments and tagged templates), in source order: fills `pass` and
   * returns every write as probed, or `undefined` when the analysis was cancelled half way.
   */
  writePass(nodes: FileNodes, pass: WritePass, isCancelled?: () => boolean): ProbedWrite[] | undefined {
    const probed: ProbedWrite[] = [];
    this.probed = probed;
    try {
      for (const node of nodes.storage) {
        if (isClassLike(node) || isNewExpression(node)) continue;
        if (isCancelled?.()) return undefined;
        const before = this.sites.length;
        let knownCall = false;
        if (isCallExpression(node)) knownCall = this.call(node);
        else if (isBinaryExpression(node)) this.writes.assignment(node);
        else this.writes.taggedTemplate(node);
        if (this.sites.length === before && knownCall) {
          pass.nodes.push(node);
          pass.sites.push(undefined);
        }
        for (let i = before; i < this.sites.length; i++) {
          pass.nodes.push(node);
          pass.sites.push(this.sites[i]);
        }
        this.sites.length = before;
      }
    } finally {
      this.probed = undefined;
    }
    return probed;
  }

  importOf(name: string): ImportBinding | undefined {
    return this.imports.get(name);
  }

  constantOf(name: string): ts.Expression | undefined {
    return this.constants.get(name);
  }

  // ---------------------------------------------------------------- bindings

  private collectBindings(declarations: FileNodes['bindings']): void {
    for (const node of declarations) {
      if (isImportDeclaration(node) && isStringLiteral(node.moduleSpecifier) && node.importClause) {
        const module = node.moduleSpecifier.text;
        const clause = node.importClause;
        if (clause.name) this.imports.set(clause.name.text, { module, name: 'default' });
        const bindings = clause.namedBindings;
        if (bindings && isNamespaceImport(bindings)) this.imports.set(bindings.name.text, { module, name: '*' });
        if (bindings && isNamedImports(bindings)) {
          for (const element of bindings.elements) this.imports.set(element.name.text, { module, name: (element.propertyName ?? element.name).text });
        }
      } else if (isImportEqualsDeclaration(node) && isExternalModuleReference(node.moduleReference) && isStringLiteral(node.moduleReference.expression)) {
        this.imports.set(node.name.text, { module: node.moduleReference.expression.text, name: '*' });
      } else if (isVariableDeclaration(node) && node.initializer) {
        const required = requiredModule(node.initializer);
        if (required !== undefined) {
          if (isIdentifier(node.name)) this.imports.set(node.name.text, { module: required, name: '*' });
          else if (isObjectBindingPattern(node.name)) {
            for (const element of node.name.elements) {
              if (!isIdentifier(element.name)) continue;
              const imported = element.propertyName && isIdentifier(element.propertyName) ? element.propertyName.text : element.name.text;
              this.imports.set(element.name.text, { module: required, name: imported });
            }
          }
        } else if (isIdentifier(node.name)) {
          // `require('m').default` or `require('m').Named`: the module's export of that name.
          const access = skipWrappers(node.initializer);
          const from = isPropertyAccessExpression(access) ? requiredModule(access.expression) : undefined;
          if (from !== undefined && isPropertyAccessExpression(access)) this.imports.set(node.name.text, { module: from, name: access.name.text });
          else this.constants.set(node.name.text, node.initializer);
        }
      }
    }
  }

  /** Redis clients need the imports, so they are found in a second pass over the constants. */
  private get redisClients(): Set<string> {
    if (!this.redisClientNames) {
      const names = (this.redisClientNames = new Set());
      // forEach, not for…of: no [name, initializer] pair per constant of the file.
      this.constants.forEach((initializer, name) => {
        if (this.createsRedisClient(initializer)) names.add(name);
      });
    }
    return this.redisClientNames;
  }

  private binding(expression: ts.Expression): ImportBinding | undefined {
    return isIdentifier(expression) ? this.imports.get(expression.text) : undefined;
  }

  private createsRedisClient(expression: ts.Expression): boolean {
    const inner = skipWrappers(expression);
    if (isNewExpression(inner)) {
      const callee = inner.expression;
      const binding = this.binding(isPropertyAccessExpression(callee) ? callee.expression : callee);
      return binding !== undefined && REDIS_MODULES.has(binding.module);
    }
    if (isCallExpression(inner)) {
      const callee = inner.expression;
      const name = calleeName(callee);
      // createClient/createCluster (node-redis, @vercel/kv), Redis.fromEnv() (Upstash).
      if (name !== 'createClient' && name !== 'createCluster' && name !== 'fromEnv') return false;
      const binding = this.binding(isPropertyAccessExpression(callee) ? callee.expression : callee);
      return binding !== undefined && REDIS_MODULES.has(binding.module);
    }
    return false;
  }

  // ---------------------------------------------------------------- declarations

  private entity(node: ts.ClassLikeDeclaration): void {
    const decorators = canHaveDecorators(node) ? (getDecorators(node) ?? []) : [];
    if (!decorators.some((d) => decoratorName(d) === 'Entity')) {
      this.documentClass(node);
      return;
    }
    const className = node.name?.text;
    const collector = this.collector();
    if (className !== undefined) collector.typeName(className);
    for (const member of node.members) {
      if (!isPropertyDeclaration(member) || !canHaveDecorators(member)) continue;
      const columns = (getDecorators(member) ?? []).filter((d) => COLUMN_DECORATORS.has(decoratorName(d) ?? ''));
      if (columns.length === 0) continue;
      const memberName = propertyNameText(member.name);
      if (memberName !== undefined) {
        collector.name(memberName);
        if (className !== undefined) collector.member(className, memberName);
      }
      for (const column of columns) {
        if (!isCallExpression(column.expression)) continue;
        for (const arg of column.expression.arguments) {
          if (isObjectLiteralExpression(arg)) {
            const name = stringProperty(arg, 'name');
            if (name !== undefined) collector.name(name);
          }
        }
      }
      collector.jsdocTags(member);
      if (member.type) collector.typeNode(member.type);
    }
    const store = className !== undefined ? `entity \`${className}\` (TypeORM/MikroORM)` : 'an anonymous entity class (TypeORM/MikroORM)';
    this.add('entity', store, node.name ?? node, node, [], collector);
  }

  /**
   * A Typegoose or NestJS Mongoose document class: members decorated with `@prop()`/`@Prop()` are the stored fields
   * (`class IUser { @prop() email!: string }` with `getModelForClass(IUser)`, or `@Schema() class … { @Prop() … }`).
   */
  private documentClass(node: ts.ClassLikeDeclaration): void {
    const collector = this.collector();
    let fields = 0;
    for (const member of node.members) {
      if (!isPropertyDeclaration(member) || !canHaveDecorators(member)) continue;
      if (!(getDecorators(member) ?? []).some((d) => (MONGO.propertyDecorators as readonly string[]).includes(decoratorName(d) ?? ''))) continue;
      fields++;
      const memberName = propertyNameText(member.name);
      if (memberName !== undefined) collector.name(memberName);
      collector.jsdocTags(member);
      if (member.type) collector.typeNode(member.type);
    }
    if (fields === 0) return;
    const className = node.name?.text;
    if (className !== undefined) collector.typeName(className);
    this.add('model', className !== undefined ? `document class \`${className}\` (Typegoose/Mongoose)` : 'a document class (Typegoose/Mongoose)', node.name ?? node, node, [], collector);
  }

  /** A call the tables or the hand-written checks know; `false` for any other call (it may call a store wrapper). */
  private call(node: ts.CallExpression): boolean {
    const callee = node.expression;
    // A function imported under another name is known by its exported name: `import { appendFileSync as append }`.
    const imported = isIdentifier(callee) ? this.imports.get(callee.text) : undefined;
    const name = imported && imported.name !== '*' && imported.name !== 'default' ? imported.name : calleeName(callee);
    if (name === undefined) return true;
    if (this.writes.call(node)) return true;
    if (name === 'define' && isPropertyAccessExpression(callee)) this.sequelizeDefine(node);
    else if (name === 'init' && isPropertyAccessExpression(callee)) this.sequelizeInit(node, callee);
    else if (DRIZZLE_TABLES.has(name)) this.drizzleTable(node, name);
    else if (isCreateTable(name) && isPropertyAccessExpression(callee) && endsWithSchema(callee.expression)) this.schemaTable(node, name);
    else if (FS_WRITES.has(name)) this.fsWrite(node, callee, name);
    else if (REDIS_WRITES.has(name) && isPropertyAccessExpression(callee)) this.redisWrite(node, callee, name);
    else if (name === 'putObject' && isPropertyAccessExpression(callee)) this.s3Put(node, '`putObject` (S3)');
    else return false;
    return true;
  }

  /**
   * A call to a project function that passes its parameters on to a store (`admin.insertOne(doc)` over the MongoDB
   * driver, see `storageWrappers.ts`): a write of what this call passes, less what the write inside reports itself.
   */
  wrapperWrite(node: ts.CallExpression): void {
    // A call without arguments passes nothing on: no need to resolve its callee (a tenth of a project's calls).
    if (node.arguments.length === 0) return;
    const engine = this.flowEngine();
    const fn = engine.resolver.calleeDeclaration(node);
    if (!fn) return;
    const reaches = storeWrappers(engine, this.probe).reachesOf(fn);
    if (reaches.length === 0) return;
    const calleeText = shortText(skipWrappers(node.expression));
    const byStore = new Map<string, { kind: StoreKind; collector: CategoryCollector; documented: ts.Node[] }>();
    for (const reach of reaches) {
      const arg = node.arguments[reach.label.index];
      if (!arg) continue;
      const value = engine.replay(engine.valueOf(arg), arg, calleeText, reach.label).filter((l) => l.kind === 'category' && !reach.covered.has(l.category.id));
      if (value.length === 0) continue;
      let entry = byStore.get(reach.store);
      if (!entry) byStore.set(reach.store, (entry = { kind: reach.kind, collector: this.collector(), documented: [] }));
      entry.collector.value(withStep(value, node, phrase('storedBy', { callee: calleeText })));
      entry.documented.push(...reach.documented);
    }
    for (const [store, { kind, collector, documented }] of byStore) {
      this.add(kind, `${store} through \`${calleeText}\``, node, enclosingStatement(node), [...enclosingFunctions(node), ...documented], collector);
    }
  }

  private construct(node: ts.NewExpression): void {
    const name = calleeName(node.expression);
    if (name === 'Schema') this.mongooseSchema(node);
    else if (name === 'EntitySchema') this.entitySchema(node);
    else if (name === 'PutObjectCommand') this.s3Put(node, '`PutObjectCommand` (S3)');
  }

  /** `const Leerling = sequelize.define('Leerling', { bsn: DataTypes.STRING })`. */
  private sequelizeDefine(node: ts.CallExpression): void {
    const [modelName, attributes] = node.arguments;
    if (!modelName || !isStringLiteralLike(modelName) || !attributes) return;
    const object = this.objectLiteral(attributes);
    if (!object) return;
    const collector = this.collector();
    collector.typeName(modelName.text);
    this.attributes(object, collector);
    const { reportNode, declaration } = this.declarationOf(node);
    this.add('model', `Sequelize model \`${modelName.text}\``, reportNode, declaration, [], collector);
  }

  /** `Leerling.init({ bsn: DataTypes.STRING }, { sequelize })`, reported at the class when it is in this file. */
  private sequelizeInit(node: ts.CallExpression, callee: ts.PropertyAccessExpression): void {
    const [attributes, options] = node.arguments;
    if (!attributes || !options || !isObjectLiteralExpression(options)) return;
    if (!options.properties.some((p) => (p.name !== undefined && propertyNameText(p.name)) === 'sequelize')) return;
    const object = this.objectLiteral(attributes);
    if (!object) return;
    const modelName = isIdentifier(callee.expression) ? callee.expression.text : callee.expression.getText(this.sourceFile);
    const collector = this.collector();
    collector.typeName(modelName);
    this.attributes(object, collector);
    const statement = enclosingStatement(node);
    const classDeclaration = isIdentifier(callee.expression) ? this.localClass(callee.expression.text) : undefined;
    if (classDeclaration?.name) {
      this.add('model', `Sequelize model \`${modelName}\``, classDeclaration.name, classDeclaration, [statement], collector);
    } else {
      this.add('model', `Sequelize model \`${modelName}\``, node, statement, [], collector);
    }
  }

  /** Attribute names, and the column names given with `field: '…'` or `name: '…'`. */
  private attributes(object: ts.ObjectLiteralExpression, collector: CategoryCollector): void {
    for (const property of object.properties) {
      const name = property.name ? propertyNameText(property.name) : undefined;
      if (name !== undefined) collector.name(name);
      if (isPropertyAssignment(property) && isObjectLiteralExpression(property.initializer)) {
        // The column's own name: Sequelize `field: 'bsn'`, TypeORM EntitySchema `name: 'bsn'`.
        for (const key of ['field', 'name']) {
          const column = stringProperty(property.initializer, key);
          if (column !== undefined) collector.name(column);
        }
      }
    }
  }

  /** `const leerlingSchema = new Schema({ bsn: String, adres: { postcode: String } })`. */
  private mongooseSchema(node: ts.NewExpression): void {
    const [definition, schemaOptions] = node.arguments ?? [];
    if (!definition) return;
    const object = this.objectLiteral(definition);
    if (!object) return;
    const collector = this.collector();
    // Schema options: a time-series collection's `expireAfterSeconds` (Mongoose 6+).
    let ttl: StorageTtl | undefined = this.mongoTtl(schemaOptions && this.objectLiteral(schemaOptions));
    const visitFields = (fields: ts.ObjectLiteralExpression, depth: number): void => {
      for (const property of fields.properties) {
        const name = property.name ? propertyNameText(property.name) : undefined;
        if (name === undefined || name === 'type') continue;
        collector.name(name);
        // A nested object is a subdocument unless it is a field's options (`{ type: String, required: true }`).
        if (depth < MAX_DEPTH && isPropertyAssignment(property) && isObjectLiteralExpression(property.initializer)) {
          const nested = property.initializer;
          if (!nested.properties.some((p) => propertyNameText(p.name ?? p) === 'type')) visitFields(nested, depth + 1);
          // A TTL index on a date field (`{ type: Date, expires: '30d' }`, also under `index: { … }`): MongoDB deletes
          // each document that long after the field's date, so the TTL is the schema's retention.
          else ttl = shorterTtl(ttl, this.mongoTtl(nested) ?? this.mongoTtl(objectProperty(nested, 'index')));
        }
      }
    };
    visitFields(object, 0);
    for (const typeArgument of node.typeArguments ?? []) collector.typeNode(typeArgument);
    const { reportNode, declaration } = this.declarationOf(node);
    // `schema.index({ aangemaakt: 1 }, { expireAfterSeconds: 2592000 })` anywhere in the file.
    if (isIdentifier(reportNode)) {
      for (const call of this.calls) {
        const callee = call.expression;
        if (!isPropertyAccessExpression(callee) || callee.name.text !== 'index' || !isIdentifier(callee.expression) || callee.expression.text !== reportNode.text) continue;
        ttl = shorterTtl(ttl, this.mongoTtl(call.arguments[1] && this.objectLiteral(call.arguments[1])));
      }
    }
    const store = isIdentifier(reportNode) ? `Mongoose schema \`${reportNode.text}\`` : 'a Mongoose schema';
    this.add('schema', store, reportNode, declaration, [], collector, ttl);
  }

  /**
   * The TTL in a MongoDB index's options: `expireAfterSeconds` (seconds) or Mongoose's `expires` (seconds, or an `ms`
   * text such as `'30d'`); `'unresolved'` when it is set but cannot be computed.
   */
  private mongoTtl(options: ts.ObjectLiteralExpression | undefined): StorageTtl | undefined {
    if (!options) return undefined;
    for (const key of MONGO.ttlOptions) {
      const value = propertyValueOf(options, key);
      if (!value) continue;
      const inner = skipWrappers(value);
      if (isStringLiteralLike(inner)) {
        const seconds = msTextSeconds(inner.text);
        return seconds === undefined ? 'unresolved' : { seconds };
      }
      const amount = this.evaluateNumber(value);
      return amount === undefined ? 'unresolved' : { seconds: amount };
    }
    return undefined;
  }

  /**
   * TypeORM `new EntitySchema<Leerling>({ name, columns: { bsn: {...} } })` and MikroORM
   * `new EntitySchema<Leerling>({ name, properties: { bsn: {...} } })`: the column keys, and the entity type.
   */
  private entitySchema(node: ts.NewExpression): void {
    const [definition] = node.arguments ?? [];
    const object = definition ? this.objectLiteral(definition) : undefined;
    if (!object) return;
    const collector = this.collector();
    for (const property of object.properties) {
      const key = property.name ? propertyNameText(property.name) : undefined;
      if ((key === 'columns' || key === 'properties') && isPropertyAssignment(property)) {
        const columns = this.objectLiteral(property.initializer);
        if (columns) this.attributes(columns, collector);
      }
    }
    for (const typeArgument of node.typeArguments ?? []) collector.typeNode(typeArgument);
    const name = stringProperty(object, 'name');
    const { reportNode, declaration } = this.declarationOf(node);
    const store = name !== undefined ? `entity schema \`${name}\` (TypeORM/MikroORM)` : 'an entity schema (TypeORM/MikroORM)';
    this.add('entity', store, reportNode, declaration, [], collector);
  }

  /** `export const leerlingen = pgTable('leerlingen', { bsn: varchar('bsn', { length: 9 }) })`. */
  private drizzleTable(node: ts.CallExpression, factory: string): void {
    const [tableName, columns] = node.arguments;
    if (!tableName || !isStringLiteralLike(tableName) || !columns) return;
    const object = this.objectLiteral(columns);
    if (!object) return;
    const collector = this.collector();
    for (const property of object.properties) {
      const name = property.name ? propertyNameText(property.name) : undefined;
      if (name !== undefined) collector.name(name);
      // The column's own name is the builder's first argument: `varchar('burgerservicenummer')`.
      if (isPropertyAssignment(property)) {
        const builder = innermostCall(property.initializer);
        const first = builder?.arguments[0];
        if (first && isStringLiteralLike(first)) collector.name(first.text);
      }
    }
    const { reportNode, declaration } = this.declarationOf(node);
    this.add('table', `Drizzle table \`${tableName.text}\` (${factory})`, reportNode, declaration, [], collector);
  }

  /** knex `schema.createTable('t', (t) => { t.string('bsn') })` or Kysely `schema.createTable('t').addColumn('bsn', …)`. */
  private schemaTable(node: ts.CallExpression, method: string): void {
    const [tableName, builder] = node.arguments;
    if (!tableName || !isStringLiteralLike(tableName)) return;
    const collector = this.collector();
    let library: string;
    if (builder && (isArrowFunction(builder) || isFunctionExpression(builder))) {
      library = 'knex';
      const parameter = builder.parameters[0];
      if (!parameter || !isIdentifier(parameter.name)) return;
      const table = parameter.name.text;
      const visit = (child: ts.Node): void => {
        if (isCallExpression(child) && isPropertyAccessExpression(child.expression)) {
          const receiver = child.expression.expression;
          const column = child.arguments[0];
          if (isIdentifier(receiver) && receiver.text === table && !KNEX_NON_COLUMNS.has(child.expression.name.text) && column && isStringLiteralLike(column)) {
            collector.name(column.text);
          }
        }
        forEachChild(child, visit);
      };
      visit(builder.body);
    } else if (!builder) {
      library = 'Kysely';
      // Walk up the builder chain: createTable('t').addColumn('bsn', 'varchar(9)').addColumn(…).execute().
      let current: ts.Expression = node;
      while (isPropertyAccessExpression(current.parent) && isCallExpression(current.parent.parent) && current.parent.parent.expression === current.parent) {
        const call: ts.CallExpression = current.parent.parent;
        const column = call.arguments[0];
        if ((current.parent.name.text === 'addColumn' || current.parent.name.text === 'modifyColumn') && column && isStringLiteralLike(column)) collector.name(column.text);
        current = call;
      }
    } else {
      return;
    }
    const verb = method === 'createTable' || method === 'createTableIfNotExists' ? 'table' : 'table change';
    this.add('table', `${library} ${verb} \`${tableName.text}\``, node, enclosingStatement(node), enclosingFunctions(node), collector);
  }

  // ---------------------------------------------------------------- writes

  private fsWrite(node: ts.CallExpression, callee: ts.LeftHandSideExpression, method: string): void {
    if (!this.isFsFunction(callee, method)) return;
    const data = node.arguments[1];
    if (!data) return;
    const collector = this.collector();
    collector.stored(data);
    const path = node.arguments[0];
    // A file named after its content (`bsn.txt`) says what it holds.
    if (path && isStringLiteralLike(path)) collector.name(path.text.replace(/^.*[\\/]/, '').replace(/\..*$/, ''));
    this.add('file', `\`${callee.getText(this.sourceFile)}\``, node, enclosingStatement(node), enclosingFunctions(node), collector);
  }

  private isFsFunction(callee: ts.LeftHandSideExpression, method: string): boolean {
    if (isIdentifier(callee)) {
      const binding = this.imports.get(callee.text);
      return binding !== undefined && binding.name === method && (FS_MODULES.has(binding.module) || FS_PROMISES_MODULES.has(binding.module));
    }
    if (!isPropertyAccessExpression(callee)) return false;
    const receiver = callee.expression;
    const binding = this.binding(receiver);
    if (binding) {
      if (binding.name === '*' || binding.name === 'default') return FS_MODULES.has(binding.module) || FS_PROMISES_MODULES.has(binding.module);
      return binding.name === 'promises' && FS_MODULES.has(binding.module);
    }
    // fs.promises.writeFile
    if (isPropertyAccessExpression(receiver) && receiver.name.text === 'promises') {
      const inner = this.binding(receiver.expression);
      return inner !== undefined && (inner.name === '*' || inner.name === 'default') && FS_MODULES.has(inner.module);
    }
    return false;
  }

  private redisWrite(node: ts.CallExpression, callee: ts.PropertyAccessExpression, method: string): void {
    if (!this.isRedisClient(callee.expression)) return;
    const args = node.arguments;
    const collector = this.collector();
    let ttl: StorageTtl | undefined;
    const lower = method.toLowerCase();
    if (lower === 'set') {
      if (args[1]) collector.stored(args[1]);
      ttl = this.redisSetTtl(args.slice(2));
    } else if (lower === 'setex' || lower === 'psetex') {
      if (args[2]) collector.stored(args[2]);
      const amount = args[1] ? this.evaluateNumber(args[1]) : undefined;
      ttl = amount === undefined ? 'unresolved' : { seconds: lower === 'psetex' ? amount / 1000 : amount };
    } else if (REDIS_MEMBER_WRITES.has(method)) {
      for (const arg of args.slice(1)) collector.stored(arg);
    } else {
      // hset(key, field, value, field, value, …) or hset(key, { field: value }).
      for (let i = 1; i < args.length; i++) {
        const arg = args[i];
        if (!arg) continue;
        if (i % 2 === 1 && isStringLiteralLike(arg)) collector.name(arg.text);
        else collector.stored(arg);
      }
    }
    this.add('cache', `Redis \`${method}\``, node, enclosingStatement(node), enclosingFunctions(node), collector, ttl ?? this.redisExpire(node, callee));
  }

  /**
   * The TTL an `expire(key, seconds)` (or `pexpire`) on the same client gives the written key, in the same function or
   * at the same level of the file: the key is compared as written (`\`leerling:${id}\``).
   */
  private redisExpire(node: ts.CallExpression, callee: ts.PropertyAccessExpression): StorageTtl | undefined {
    const key = node.arguments[0];
    if (!key) return undefined;
    const client = callee.expression.getText(this.sourceFile);
    const keyText = key.getText(this.sourceFile);
    const scope = enclosingFunctions(node)[0];
    for (const call of this.calls) {
      const expire = call.expression;
      if (!isPropertyAccessExpression(expire) || !Object.hasOwn(REDIS_EXPIRES, expire.name.text)) continue;
      if (enclosingFunctions(call)[0] !== scope || expire.expression.getText(this.sourceFile) !== client) continue;
      const [expired, amount] = call.arguments;
      if (!expired || !amount || expired.getText(this.sourceFile) !== keyText) continue;
      const value = this.evaluateNumber(amount);
      return value === undefined ? 'unresolved' : { seconds: value * (REDIS_EXPIRES[expire.name.text] ?? 1) };
    }
    return undefined;
  }

  /** The TTL of `set(key, value, 'EX', 60)` (ioredis) or `set(key, value, { EX: 60 })` (node-redis). */
  private redisSetTtl(options: readonly ts.Expression[]): StorageTtl | undefined {
    for (let i = 0; i < options.length; i++) {
      const option = options[i];
      if (!option) continue;
      if (isStringLiteralLike(option)) {
        const flag = option.text.toUpperCase();
        if (flag === 'EX' || flag === 'PX') {
          const next = options[i + 1];
          const amount = next ? this.evaluateNumber(next) : undefined;
          return amount === undefined ? 'unresolved' : { seconds: flag === 'PX' ? amount / 1000 : amount };
        }
        if (flag === 'EXAT' || flag === 'PXAT' || flag === 'KEEPTTL') return 'unresolved';
      } else if (isObjectLiteralExpression(option)) {
        for (const property of option.properties) {
          const key = property.name ? propertyNameText(property.name)?.toUpperCase() : undefined;
          if (key === 'EX' || key === 'PX') {
            const amount = isPropertyAssignment(property) ? this.evaluateNumber(property.initializer) : undefined;
            return amount === undefined ? 'unresolved' : { seconds: key === 'PX' ? amount / 1000 : amount };
          }
          if (key === 'EXAT' || key === 'PXAT' || key === 'KEEPTTL') return 'unresolved';
          if (key === 'EXPIRATION' && isPropertyAssignment(property) && isObjectLiteralExpression(property.initializer)) {
            // node-redis 5: { expiration: { type: 'EX', value: 60 } }
            const type = stringProperty(property.initializer, 'type')?.toUpperCase();
            const value = property.initializer.properties.find((p) => propertyNameText(p.name ?? p) === 'value');
            const amount = value && isPropertyAssignment(value) ? this.evaluateNumber(value.initializer) : undefined;
            if (type === 'EX' || type === 'PX') return amount === undefined ? 'unresolved' : { seconds: type === 'PX' ? amount / 1000 : amount };
            return 'unresolved';
          }
        }
      } else {
        return 'unresolved';
      }
    }
    return undefined;
  }

  private isRedisClient(receiver: ts.Expression): boolean {
    const inner = skipWrappers(receiver);
    const name = isIdentifier(inner) ? inner.text : isPropertyAccessExpression(inner) ? inner.name.text : undefined;
    if (name !== undefined && (this.redisClients.has(name) || /redis/i.test(name))) return true;
    if (!this.checker || !programHasRedis(this.context.program)) return false;
    const type = this.checker.getTypeAtLocation(inner);
    const symbol = type.aliasSymbol ?? type.getSymbol();
    return (symbol?.declarations ?? []).some((d) => REDIS_DECLARATIONS.test(d.getSourceFile().fileName));
  }

  private s3Put(node: ts.CallExpression | ts.NewExpression, store: string): void {
    const args = node.arguments ?? [];
    const collector = this.collector();
    const params = args[0] ? this.objectLiteral(args[0]) : undefined;
    if (params) {
      for (const property of params.properties) {
        const key = property.name ? propertyNameText(property.name) : undefined;
        if ((key === 'Body' || key === 'Metadata') && isPropertyAssignment(property)) collector.stored(property.initializer);
        else if (key === 'Body' && isShorthandPropertyAssignment(property)) collector.stored(property.name);
      }
    } else if (args[0] && this.checker) {
      // A parameter object built elsewhere: what its `Body` holds, by type.
      const type = this.checker.getTypeAtLocation(args[0]);
      const body = type.getProperty('Body');
      if (body) collector.type(this.checker.getTypeOfSymbolAtLocation(body, args[0]), 1);
    } else {
      // minio and similar clients: putObject(bucket, name, data).
      for (const arg of args.slice(2)) collector.stored(arg);
    }
    this.add('object-store', store, node, enclosingStatement(node), enclosingFunctions(node), collector);
  }

  // ---------------------------------------------------------------- helpers

  add(kind: StoreKind, store: string, reportNode: ts.Node, declaration: ts.Node, alternatives: ts.Node[], collector: CategoryCollector, ttl?: StorageTtl): void {
    const categories = collector.categories();
    this.probed?.push({ kind, store, reportNode, documented: [declaration, ...alternatives], values: collector.values, categories: new Set(categories.map((c) => c.id)) });
    if (categories.length === 0) return;
    const trace = collector.trace();
    this.sites.push({ kind, store, reportNode, declaration, alternativeDeclarations: alternatives, categories, ...(ttl !== undefined ? { ttl } : {}), ...(trace ? { trace } : {}) });
  }

  /** A schema assigned to a variable is reported at the variable's name and documented on its statement. */
  private declarationOf(node: ts.Expression): { reportNode: ts.Node; declaration: ts.Node } {
    let current: ts.Node = node;
    while (isAsExpression(current.parent) || isSatisfiesExpression(current.parent) || isParenthesizedExpression(current.parent)) current = current.parent;
    const parent = current.parent;
    if (isVariableDeclaration(parent) && parent.initializer === current && isIdentifier(parent.name)) {
      return { reportNode: parent.name, declaration: enclosingStatement(parent) };
    }
    return { reportNode: node, declaration: enclosingStatement(node) };
  }

  private localClass(name: string): ts.ClassDeclaration | undefined {
    for (const statement of this.sourceFile.statements) if (isClassDeclaration(statement) && statement.name?.text === name) return statement;
    return undefined;
  }

  /** An object literal, directly or through a local constant. */
  objectLiteral(expression: ts.Expression): ts.ObjectLiteralExpression | undefined {
    const inner = skipWrappers(expression);
    if (isObjectLiteralExpression(inner)) return inner;
    if (isIdentifier(inner)) {
      const initializer = this.constants.get(inner.text);
      if (initializer) {
        const resolved = skipWrappers(initializer);
        if (isObjectLiteralExpression(resolved)) return resolved;
      }
    }
    return undefined;
  }

  /** Numbers and simple arithmetic on them (`60 * 60 * 24`), through local constants and literal types. */
  evaluateNumber(expression: ts.Expression, depth = 0): number | undefined {
    if (depth > MAX_DEPTH * 2) return undefined;
    const inner = skipWrappers(expression);
    if (isNumericLiteral(inner)) return Number(inner.text.replace(/_/g, ''));
    if (isStringLiteralLike(inner) && /^\d+$/.test(inner.text)) return Number(inner.text);
    if (isPrefixUnaryExpression(inner) && inner.operator === SyntaxKind.MinusToken) {
      const value = this.evaluateNumber(inner.operand, depth + 1);
      return value === undefined ? undefined : -value;
    }
    if (isBinaryExpression(inner)) {
      const left = this.evaluateNumber(inner.left, depth + 1);
      const right = this.evaluateNumber(inner.right, depth + 1);
      if (left === undefined || right === undefined) return undefined;
      switch (inner.operatorToken.kind) {
        case SyntaxKind.AsteriskToken:
          return left * right;
        case SyntaxKind.PlusToken:
          return left + right;
        case SyntaxKind.MinusToken:
          return left - right;
        case SyntaxKind.SlashToken:
          return right === 0 ? undefined : left / right;
        default:
          return undefined;
      }
    }
    if (isIdentifier(inner)) {
      const initializer = this.constants.get(inner.text);
      if (initializer) return this.evaluateNumber(initializer, depth + 1);
    }
    if (this.checker) {
      const type = this.checker.getTypeAtLocation(inner);
      if (type.isNumberLiteral()) return type.value;
    }
    return undefined;
  }

  madeFrom(id: ts.Identifier, modules: readonly string[], className: string): boolean {
    const engine = this.flowEngine();
    let decl = engine.resolver.resolve(id);
    // `export default prisma` after `const prisma = …`: the name it exports.
    if (decl && isExportAssignment(decl) && isIdentifier(skipWrappers(decl.expression))) decl = engine.resolver.resolve(skipWrappers(decl.expression) as ts.Identifier);
    const initializer = decl && isVariableDeclaration(decl) ? decl.initializer : decl && isExportAssignment(decl) ? decl.expression : undefined;
    if (!initializer) return false;
    // The instance may be behind a cache: `global.prisma || new PrismaClient()`, `globalThis.db ?? new PrismaClient()`.
    const made = (e: ts.Expression, depth: number): boolean => {
      const inner = skipWrappers(e);
      if (isBinaryExpression(inner)) return depth < 4 && (made(inner.left, depth + 1) || made(inner.right, depth + 1));
      if (isConditionalExpression(inner)) return depth < 4 && (made(inner.whenTrue, depth + 1) || made(inner.whenFalse, depth + 1));
      if (!isNewExpression(inner) || calleeName(inner.expression) !== className) return false;
      const root = isPropertyAccessExpression(inner.expression) ? inner.expression.expression : inner.expression;
      const module = isIdentifier(root) ? packageImport(engine.resolver.resolveLocal(root)) : undefined;
      return module !== undefined && modules.includes(module);
    };
    return made(initializer, 0);
  }

  collector(): CategoryCollector {
    return new CategoryCollector(this.context, this.constants, () => this.flowEngine());
  }
}


function decoratorName(decorator: ts.Decorator): string | undefined {
  const expression = isCallExpression(decorator.expression) ? decorator.expression.expression : decorator.expression;
  return calleeName(expression);
}


/** The call at the bottom of a builder chain: `varchar('bsn', { length: 9 }).notNull()` → `varchar('bsn', …)`. */
function innermostCall(expression: ts.Expression): ts.CallExpression | undefined {
  let node = skipWrappers(expression);
  let found: ts.CallExpression | undefined;
  while (isCallExpression(node)) {
    found = node;
    if (!isPropertyAccessExpression(node.expression)) break;
    node = node.expression.expression;
  }
  return found;
}


function isCreateTable(name: string): boolean {
  return name === 'createTable' || name === 'createTableIfNotExists' || name === 'alterTable' || name === 'table';
}


function endsWithSchema(expression: ts.Expression): boolean {
  const inner = skipWrappers(expression);
  if (isIdentifier(inner)) return inner.text === 'schema';
  if (isPropertyAccessExpression(inner)) return inner.name.text === 'schema';
  // knex.schema.withSchema('x').createTable(…)
  if (isCallExpression(inner) && isPropertyAccessExpression(inner.expression) && inner.expression.name.text === 'withSchema') return endsWithSchema(inner.expression.expression);
  return false;
}


/** The property's value in an object literal, when it is an object literal itself. */
function objectProperty(object: ts.ObjectLiteralExpression, key: string): ts.ObjectLiteralExpression | undefined {
  const value = propertyValueOf(object, key);
  return value && isObjectLiteralExpression(value) ? value : undefined;
}

function propertyValueOf(object: ts.ObjectLiteralExpression, key: string): ts.Expression | undefined {
  for (const property of object.properties) {
    if (isPropertyAssignment(property) && propertyNameText(property.name) === key) return property.initializer;
  }
  return undefined;
}

/** The stricter of two TTLs: a computed one wins over `'unresolved'`, the shorter of two computed ones. */
function shorterTtl(a: StorageTtl | undefined, b: StorageTtl | undefined): StorageTtl | undefined {
  if (typeof a !== 'object') return b ?? a;
  if (typeof b !== 'object') return a;
  return b.seconds < a.seconds ? b : a;
}

const MS_UNITS: Readonly<Record<string, number>> = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400, w: 604800, y: 31557600 };

/** An `ms` duration text as Mongoose's `expires` takes it (`'30d'`, `'1h'`, `'2 weeks'`, `'3600'`), in seconds. */
export function msTextSeconds(text: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  if (!match?.[1]) return undefined;
  const amount = Number(match[1]);
  const unit = (match[2] ?? '').toLowerCase();
  if (unit === '') return amount / 1000;
  const key = unit === 'ms' || /^(milli|msec)/.test(unit) ? 'ms' : unit.startsWith('mo') ? undefined : unit[0];
  const factor = key !== undefined ? MS_UNITS[key] : undefined;
  return factor === undefined ? undefined : amount * factor;
}
