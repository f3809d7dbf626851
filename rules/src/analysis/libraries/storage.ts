/**
 * Storage libraries as data: which calls and assignments write personal data to a store, where the stored value and
 * its key are, and where a TTL lives. `storageWrites.ts` interprets these tables; nothing else in the core knows a
 * storage library's names. A new key-value store, cookie library or ORM client is one entry here (and a test).
 */

/** What kind of store a site writes to; `require-retention` words its messages by it. */
export type StoreKind =
  | 'entity'
  | 'model'
  | 'schema'
  | 'table'
  | 'table-write'
  | 'file'
  | 'browser-storage'
  | 'cookie'
  | 'indexeddb'
  | 'cache'
  | 'object-store';

/** An argument, or a property of an options-object argument (`Preferences.set({ key, value })`). */
export interface ArgumentPlace {
  readonly argument: number;
  /** The property of the object literal at `argument` that holds it; the whole argument when absent. */
  readonly property?: string;
}

/**
 * Where a write's TTL is written and in which unit: it documents the write's retention like a Redis TTL. With a
 * `property`, an options-object argument holds it there; an argument that is no object is the TTL itself.
 */
export interface TtlPlace extends ArgumentPlace {
  readonly unit: 'seconds' | 'milliseconds' | 'days';
}

export interface WriteMethod {
  /** The key or name the value is stored under: a literal key names what it holds (`'roepnaam'`). */
  readonly key?: ArgumentPlace;
  /** The stored values. */
  readonly values: readonly ArgumentPlace[];
  readonly ttl?: TtlPlace;
}

/** How the receiver of a write method is recognised. */
export type Receiver =
  /** A global object, also as `window.x`, `globalThis.x`, `self.x`. */
  | { readonly global: string }
  /** A binding imported (or required) from one of the modules, by its exported name (`default` for a default export). */
  | { readonly modules: readonly string[]; readonly export: string }
  /**
   * A value by its name (`res`, `response`) or, with a type checker, by a type declared in one of the modules'
   * declaration files.
   */
  | { readonly names: readonly string[]; readonly typeModules: readonly string[] };

/** A library whose methods write values to a store. */
export interface StoreWriteLibrary {
  /** For messages: "`js-cookie` `Cookies.set`". */
  readonly library: string;
  readonly kind: StoreKind;
  readonly receiver: Receiver;
  readonly methods: Readonly<Record<string, WriteMethod>>;
  /** Whether `receiver.key = value` and `receiver['key'] = value` also store (the Web Storage API does). */
  readonly propertyWrites?: boolean;
  /**
   * The store forgets everything when the browser session ends (`sessionStorage`): its retention is the session, so
   * a write needs no tag.
   */
  readonly sessionScoped?: boolean;
}

const KEY_VALUE: WriteMethod = { key: { argument: 0 }, values: [{ argument: 1 }] };

export const STORE_WRITE_LIBRARIES: readonly StoreWriteLibrary[] = [
  { library: 'Web Storage', kind: 'browser-storage', receiver: { global: 'localStorage' }, methods: { setItem: KEY_VALUE }, propertyWrites: true },
  { library: 'Web Storage', kind: 'browser-storage', receiver: { global: 'sessionStorage' }, methods: { setItem: KEY_VALUE }, propertyWrites: true, sessionScoped: true },
  {
    library: 'React Native AsyncStorage',
    kind: 'browser-storage',
    receiver: { modules: ['@react-native-async-storage/async-storage'], export: 'default' },
    methods: { setItem: KEY_VALUE, mergeItem: KEY_VALUE, multiSet: { values: [{ argument: 0 }] }, multiMerge: { values: [{ argument: 0 }] } },
  },
  {
    library: 'React Native AsyncStorage',
    kind: 'browser-storage',
    receiver: { modules: ['react-native', '@react-native-community/async-storage'], export: 'AsyncStorage' },
    methods: { setItem: KEY_VALUE, mergeItem: KEY_VALUE, multiSet: { values: [{ argument: 0 }] }, multiMerge: { values: [{ argument: 0 }] } },
  },
  {
    library: 'Capacitor Preferences',
    kind: 'browser-storage',
    receiver: { modules: ['@capacitor/preferences'], export: 'Preferences' },
    methods: { set: { key: { argument: 0, property: 'key' }, values: [{ argument: 0, property: 'value' }] } },
  },
  {
    library: 'Capacitor Storage',
    kind: 'browser-storage',
    receiver: { modules: ['@capacitor/storage'], export: 'Storage' },
    methods: { set: { key: { argument: 0, property: 'key' }, values: [{ argument: 0, property: 'value' }] } },
  },
  {
    library: 'js-cookie',
    kind: 'cookie',
    receiver: { modules: ['js-cookie'], export: 'default' },
    methods: { set: { ...KEY_VALUE, ttl: { argument: 2, property: 'expires', unit: 'days' } } },
  },
  {
    library: 'ngx-cookie-service',
    kind: 'cookie',
    // Angular injects it as `CookieService`: known by the conventional field name, or with types by its declaration.
    receiver: { names: ['cookieService'], typeModules: ['ngx-cookie-service'] },
    methods: { set: { ...KEY_VALUE, ttl: { argument: 2, property: 'expires', unit: 'days' } } },
  },
  {
    library: 'Expo SecureStore',
    kind: 'browser-storage',
    receiver: { modules: ['expo-secure-store'], export: '*' },
    methods: { setItemAsync: KEY_VALUE, setItem: KEY_VALUE },
  },
  {
    library: 'Ionic Storage',
    kind: 'browser-storage',
    // `storage` is too common a name to go by: only with types.
    receiver: { names: [], typeModules: ['@ionic/storage', '@ionic/storage-angular'] },
    methods: { set: KEY_VALUE },
  },
  {
    library: 'localForage',
    kind: 'indexeddb',
    receiver: { modules: ['localforage'], export: 'default' },
    methods: { setItem: KEY_VALUE },
  },
  {
    library: 'Keyv',
    kind: 'cache',
    // Keyv stores in Redis, a database or a file; known by its conventional name, or with types by its declaration.
    receiver: { names: ['keyv'], typeModules: ['keyv'] },
    methods: { set: { ...KEY_VALUE, ttl: { argument: 2, unit: 'milliseconds' } } },
  },
  {
    library: 'Express',
    kind: 'cookie',
    receiver: { names: ['res', 'response', 'resp'], typeModules: ['express-serve-static-core', 'express'] },
    methods: { cookie: { ...KEY_VALUE, ttl: { argument: 2, property: 'maxAge', unit: 'milliseconds' } } },
  },
];

/** A library whose exported functions write (`set('leerling', value)` from idb-keyval, Firestore `setDoc(ref, data)`). */
export interface StoreWriteFunctions {
  /** For messages: "`set` (idb-keyval)". */
  readonly library: string;
  readonly kind: StoreKind;
  /** Module names; the functions count as named imports and as members of a namespace or default import. */
  readonly modules: readonly string[];
  readonly functions: Readonly<Record<string, WriteMethod>>;
}

export const STORE_WRITE_FUNCTIONS: readonly StoreWriteFunctions[] = [
  {
    library: 'idb-keyval',
    kind: 'indexeddb',
    modules: ['idb-keyval'],
    functions: { set: KEY_VALUE, setMany: { values: [{ argument: 0 }] }, update: KEY_VALUE },
  },
  {
    // The modular Firebase SDK (v9+): a document's data is the second argument (`setDoc(doc(db, 'leerlingen', id), data)`).
    library: 'Firestore',
    kind: 'table-write',
    modules: ['firebase/firestore', 'firebase/firestore/lite', '@firebase/firestore'],
    functions: { setDoc: { values: [{ argument: 1 }] }, addDoc: { values: [{ argument: 1 }] }, updateDoc: { values: [{ argument: 1 }] } },
  },
];

/**
 * Query builders that name a table and then write to it: knex `db('leerlingen').insert(row)` (also `db.table(…)`,
 * `db.into(…)`, `db.from(…)`) and Supabase `supabase.from('leerlingen').insert(row)`. The client is a value made by
 * the module's factory in the file (`const db = knex(config)`, `require('knex')(config)`, `createClient(url, key)`), the
 * module's import called directly (`knex('t')`), or a value with the library's conventional name (`knex`, `supabase`).
 */
export interface QueryBuilderLibrary {
  readonly library: string;
  readonly modules: readonly string[];
  /** The exported name of the factory that makes a client (`default` for the module itself, as knex's). */
  readonly factory: string;
  /** Whether the client is called with the table name (`db('t')`, knex). */
  readonly callable: boolean;
  /** Client methods that return a table's query builder (`from('t')`). */
  readonly tableMethods: readonly string[];
  /** Names a client is conventionally given, recognised without its factory in sight. */
  readonly clientNames: readonly string[];
  /** Builder methods that write, and the argument with the rows or values. */
  readonly writes: Readonly<Record<string, number>>;
}

export const QUERY_BUILDERS: readonly QueryBuilderLibrary[] = [
  { library: 'knex', modules: ['knex'], factory: 'default', callable: true, tableMethods: ['table', 'into', 'from'], clientNames: ['knex'], writes: { insert: 0, update: 0, upsert: 0 } },
  { library: 'Supabase', modules: ['@supabase/supabase-js'], factory: 'createClient', callable: false, tableMethods: ['from'], clientNames: ['supabase'], writes: { insert: 0, upsert: 0, update: 0 } },
];

/**
 * IndexedDB through `idb`: `openDB(…)` makes a database whose `put`/`add(store, value)` write; native IndexedDB and
 * idb transactions write with `objectStore(name).put/add(value)` and `tx.store.put(value)`.
 */
export const IDB = {
  modules: ['idb'],
  openers: ['openDB'],
  /** Database methods: `db.put(storeName, value, key?)`. */
  databaseWrites: { put: { key: { argument: 0 }, values: [{ argument: 1 }] }, add: { key: { argument: 0 }, values: [{ argument: 1 }] } } as Readonly<Record<string, WriteMethod>>,
  /** Object store methods: `store.put(value, key?)`. */
  storeWrites: { put: { values: [{ argument: 0 }] }, add: { values: [{ argument: 0 }] } } as Readonly<Record<string, WriteMethod>>,
} as const;

/**
 * Dexie: `db.version(n).stores({ table: 'keys' })` declares tables; `db.table.put/add/bulkPut/bulkAdd` (or
 * `db.table('name').add(…)`) write.
 */
export const DEXIE = {
  modules: ['dexie'],
  /** The class a database is made from or extends. */
  className: 'Dexie',
  /** The database's method that returns a table by its name (`db.table('meldingen')`). */
  tableAccessor: 'table',
  /** Files that declare Dexie's types: a `Table` value declared there is a Dexie table. */
  declarations: /[\\/]node_modules[\\/]dexie[\\/]/,
  tableWrites: {
    put: { values: [{ argument: 0 }] },
    add: { values: [{ argument: 0 }] },
    bulkPut: { values: [{ argument: 0 }] },
    bulkAdd: { values: [{ argument: 0 }] },
    update: { values: [{ argument: 1 }] },
  } as Readonly<Record<string, WriteMethod>>,
} as const;

/**
 * Prisma Client: `prisma.<model>.<method>({ data })`. The client is `new PrismaClient()` from these modules, a value
 * whose name contains `prisma`, or (with types) a value of the generated client's type.
 */
export const PRISMA = {
  modules: ['@prisma/client'],
  className: 'PrismaClient',
  clientName: /prisma/i,
  declarations: /[\\/](\.prisma|@prisma)[\\/]client[\\/]/,
  /** The option keys of each write method that hold stored data. */
  writes: {
    create: ['data'],
    createMany: ['data'],
    createManyAndReturn: ['data'],
    update: ['data'],
    updateMany: ['data'],
    upsert: ['create', 'update'],
  } as Readonly<Record<string, readonly string[]>>,
} as const;

/**
 * MongoDB documents: through the driver (`db.collection('x').insertOne(doc)`) and through Mongoose or Typegoose models
 * (`User.create(doc)`, `User.findOneAndUpdate(filter, update)`), where a model is a value made by `model(…)`,
 * `mongoose.model(…)` or `getModelForClass(…)`, or (with types) a value of a type declared by these modules.
 */
export const MONGO = {
  collectionMethod: 'collection',
  modelFactories: ['model', 'getModelForClass', 'getDiscriminatorModelForClass'],
  declarations: /[\\/]node_modules[\\/](mongoose|@typegoose[\\/]typegoose)[\\/]/,
  writes: {
    insertOne: { values: [{ argument: 0 }] },
    insertMany: { values: [{ argument: 0 }] },
    create: { values: [{ argument: 0 }] },
    updateOne: { values: [{ argument: 1 }] },
    updateMany: { values: [{ argument: 1 }] },
    replaceOne: { values: [{ argument: 1 }] },
    findOneAndUpdate: { values: [{ argument: 1 }] },
    findOneAndReplace: { values: [{ argument: 1 }] },
    findByIdAndUpdate: { values: [{ argument: 1 }] },
  } as Readonly<Record<string, WriteMethod>>,
  /**
   * TTL index options: a schema field's `{ type: Date, expires: '30d' }` (also `index: { expires }`), or
   * `schema.index(fields, { expireAfterSeconds })`. MongoDB deletes each document that long after the date, so the
   * TTL documents the schema's retention like a Redis TTL.
   */
  ttlOptions: ['expireAfterSeconds', 'expires'],
  /** Typegoose: a class whose members carry `@prop()` declares a collection's documents. */
  propertyDecorators: ['prop', 'Prop'],
} as const;

/**
 * Raw SQL: the methods of database drivers that take SQL text as their first argument (pg, mysql2, better-sqlite3,
 * sqlite/sqlite3, pg-promise, knex `raw`, Prisma `$executeRawUnsafe`; also a query-config object `{ text, values }`), and the tags of `sql` template literals
 * (postgres.js `sql`, slonik `sql`/`sql.unsafe`, drizzle `sql`, Prisma `Prisma.sql`/`$executeRaw`). The text itself
 * decides: only `INSERT`, `UPDATE`, `REPLACE`, `CREATE TABLE` and `ALTER TABLE` store.
 */
export const SQL = {
  /** The keys of a query-config object that hold the text (pg `{ text, values }`, mysql2 `{ sql, values }`). */
  textOptions: ['text', 'sql'],
  /** The key of a query-config object that holds the values. */
  valuesOption: 'values',
  methods: new Set(['query', 'execute', 'exec', 'run', 'prepare', 'all', 'get', 'none', 'one', 'many', 'any', 'oneOrNone', 'manyOrNone', 'raw', 'unsafe', '$executeRawUnsafe', '$queryRawUnsafe']),
  tags: new Set(['sql', 'SQL', '$executeRaw', '$queryRaw']),
} as const;

/**
 * Persisted state in Angular stores: NGXS's storage plugin (`NgxsStoragePluginModule.forRoot({ key })`,
 * `withNgxsStoragePlugin({ keys })`) and NgRx `localStorageSync({ keys })` from ngrx-store-localstorage. The listed
 * state names (and, for NgRx, the listed fields) are written to localStorage.
 */
export const PERSISTED_STATE = [
  { library: 'NGXS storage plugin', modules: ['@ngxs/storage-plugin'], calls: ['forRoot', 'withNgxsStoragePlugin'], options: ['key', 'keys'] },
  { library: 'ngrx-store-localstorage', modules: ['ngrx-store-localstorage'], calls: ['localStorageSync'], options: ['keys'] },
] as const;
