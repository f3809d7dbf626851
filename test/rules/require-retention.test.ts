import { at } from '../helpers/positions';
import { message, rule, ruleTester, typedRuleTester } from '../helpers/ruleTester';

/** The suggestions that insert `/** @retention <term> *\/` on its own line before `anchor` (at its indentation). */
function insert(code: string, anchor: string, terms: readonly string[]): { messageId: 'addRetention'; output: string }[] {
  const start = code.indexOf(anchor);
  const lineStart = code.lastIndexOf('\n', start - 1) + 1;
  const indent = code.slice(lineStart, start);
  return terms.map((term) => ({ messageId: 'addRetention', output: `${code.slice(0, start)}/** @retention ${term} */\n${indent}${code.slice(start)}` }));
}

/** The suggestions that replace the term `from` in an existing tag. */
function replace(code: string, from: string, terms: readonly string[]): { messageId: 'addRetention'; output: string }[] {
  return terms.map((term) => ({ messageId: 'addRetention', output: code.replace(`@retention ${from}`, `@retention ${term}`) }));
}

const entity = ["import { Entity, Column, PrimaryGeneratedColumn } from 'typeorm';", '@Entity()', 'export class Leerling {', '  @PrimaryGeneratedColumn() id!: number;', '  @Column() bsn!: string;', '}'].join('\n');
const mikro = ["import { Entity, Property } from '@mikro-orm/core';", '@Entity()', 'class Contact {', '  @Property() email!: string;', '}'].join('\n');
const sequelizeDefine = "const Leerling = sequelize.define('Leerling', { bsn: DataTypes.STRING });";
const sequelizeInit = ['class Cijfer extends Model {}', 'Cijfer.init({ cijfer: DataTypes.FLOAT }, { sequelize });'].join('\n');
const mongoose = "import { Schema } from 'mongoose';\nexport const leerlingSchema = new Schema({ bsn: { type: String, required: true } });";
const drizzle = "export const leerlingen = pgTable('leerlingen', { id: serial('id'), bsn: varchar('bsn', { length: 9 }) });";
const knex = "async function up(knex) {\n  await knex.schema.createTable('leerlingen', (t) => {\n    t.string('bsn', 9);\n  });\n}";
const kysely = "await db.schema.createTable('zorg').addColumn('diagnose', 'text').execute();";
const fsWrite = "import { writeFileSync } from 'node:fs';\nwriteFileSync('export.json', JSON.stringify({ bsn }));";
const fsPromises = "import * as fs from 'fs/promises';\nawait fs.appendFile('adressen.txt', postcode);";
const local = "localStorage.setItem('roepnaam', naam);";
const redisNoTtl = "import Redis from 'ioredis';\nconst cache = new Redis();\nawait cache.set(`leerling:${id}`, bsn);";
// Serverless Redis over HTTP (Upstash, Vercel KV): the same commands, a client named like anything.
const upstashNoTtl = "import { Redis } from '@upstash/redis';\nconst opslag = Redis.fromEnv();\nawait opslag.hset(`leerling:${id}`, { bsn });";
const vercelKvNoTtl = "import { createClient } from '@vercel/kv';\nconst opslag = createClient({ url, token });\nawait opslag.set('leerling', bsn);";
const redisLong = "import { createClient } from 'redis';\nconst client = createClient();\nawait client.set('beeld', opname, { EX: 60 * 60 * 24 * 30 });";
const redisSetex = "await redis.setex('beeld', 60 * 60 * 24 * 29, camerabeeld);";
const redisHset = "await redis.hset(`leerling:${id}`, 'bsn', bsn);";
const s3v2 = "await s3.putObject({ Bucket: 'export', Key: 'k', Body: JSON.stringify({ handelingsplan }) }).promise();";
const s3v3 = "import { PutObjectCommand } from '@aws-sdk/client-s3';\nawait client.send(new PutObjectCommand({ Bucket: 'export', Key: 'k', Body: diagnose }));";
const unknown = '/** @retention altijd */\n@Entity()\nclass Leerling { @Column() bsn!: string; }';
const tooLong = '/** @retention verzuim */\n@Entity()\nclass Beeld { @Column() opname!: string; @Column() naam!: string; }';

// Browser and mobile stores, cookies, IndexedDB, Prisma, raw SQL and persisted Angular state.
const localProperty = 'localStorage.roepnaam = naam;';
const localElement = "window.localStorage['k'] = JSON.stringify({ bsn });";
const cookieNoTtl = 'document.cookie = `naam=${leerling.naam}; path=/`;';
const cookieConcat = "document.cookie = 'opname=' + opname + '; max-age=5184000';";
const jsCookie = "import Cookies from 'js-cookie';\nCookies.set('bsn', leerling.bsn);";
const jsCookieLong = "import Cookies from 'js-cookie';\nCookies.set('opname', opname, { expires: 60 });";
const express = "app.get('/', (req, res) => {\n  res.cookie('email', leerling.email, { httpOnly: true });\n});";
const asyncStorage = "import AsyncStorage from '@react-native-async-storage/async-storage';\nawait AsyncStorage.setItem('leerling', JSON.stringify({ naam, bsn }));";
const rnAsyncStorage = "import { AsyncStorage } from 'react-native';\nawait AsyncStorage.multiSet([['cijfer', cijfer]]);";
const capacitor = "import { Preferences } from '@capacitor/preferences';\nawait Preferences.set({ key: 'adres', value: JSON.stringify(adres) });";
const idb = "import { openDB } from 'idb';\nconst db = await openDB('school', 1);\nawait db.put('leerlingen', { bsn, naam });";
const idbTx = "const tx = db.transaction('zorg', 'readwrite');\nawait tx.store.put({ diagnose });";
const nativeIdb = "request.result.transaction('x', 'readwrite').objectStore('adressen').add({ postcode });";
const dexieStores = "import Dexie from 'dexie';\nconst db = new Dexie('school');\ndb.version(1).stores({ leerlingen: '++id, naam, bsn', lokalen: '++id, nummer' });\nawait db.leerlingen.put({ naam, bsn });";
const dexieClass = "import Dexie, { type Table } from 'dexie';\nclass SchoolDb extends Dexie {\n  constructor() {\n    super('school');\n  }\n  bewaar(cijfers: unknown[]) {\n    return this.resultaten.bulkPut(cijfers.map((c) => ({ cijfer: c })));\n  }\n}";
const prisma = "import { PrismaClient } from '@prisma/client';\nconst prisma = new PrismaClient();\nawait prisma.leerling.create({ data: { bsn: leerling.bsn, roepnaam: 'x' } });";
const prismaUpsert = 'await this.prisma.contact.upsert({ where: { id }, create: { email }, update: { email } });';
const prismaTx = 'await prisma.$transaction(async (tx) => {\n  await tx.uitslag.createMany({ data: cijfers });\n});';
const pgInsert = "await pool.query('INSERT INTO leerlingen (bsn, naam) VALUES ($1, $2)', [a, b]);";
const pgValues = "await pool.query('INSERT INTO meldingen (tekst) VALUES ($1)', [leerling.diagnose]);";
const sqliteUpdate = "db.prepare('UPDATE leerlingen SET adres = ?, postcode = ? WHERE id = ?').run(x, y, id);";
const mysqlCreate = 'await connection.execute(`CREATE TABLE IF NOT EXISTS leerlingen (id INT, bsn VARCHAR(9), PRIMARY KEY (id))`);';
const sqlCovered = "db.exec('CREATE TABLE beelden (id INTEGER, opname BLOB)');\ndb.prepare('INSERT INTO beelden (opname) VALUES (?)').run(opname);";
const postgresTag = 'await sql`insert into contacten (email, roepnaam) values (${email}, ${naam})`;';
const slonikAlter = 'await pool.query(sql.unsafe`ALTER TABLE leerlingen ADD COLUMN diagnose text`);';
const ngxs = "import { NgxsStoragePluginModule } from '@ngxs/storage-plugin';\nexport const imports = [NgxsStoragePluginModule.forRoot({ keys: ['auth', 'leerling.adres'] })];";
const ngxsState = "import { withNgxsStoragePlugin } from '@ngxs/storage-plugin';\n@State<unknown>({ name: 'profiel', defaults: { roepnaam: '', email: '' } })\nclass ProfielState {}\nexport const providers = [withNgxsStoragePlugin({ keys: [ProfielState] })];";
const typegoose = "import { getModelForClass, prop } from '@typegoose/typegoose';\nexport class IUser {\n  @prop({ required: true }) email!: string;\n  @prop() roepnaam!: string;\n}\nexport const User = getModelForClass(IUser);\nawait User.findOneAndUpdate({ id }, { email, roepnaam }, { upsert: true });";
const mongooseCreate = "import mongoose from 'mongoose';\nconst Leerling = mongoose.model('Leerling', extern);\nawait Leerling.create({ bsn: leerling.bsn });";
const mongoDriver = "await db.collection('leerlingen').insertOne({ naam: leerling.naam });";
const mongoUpdate = "await db.collection('beheerders').updateOne({ id }, { $push: { toegang: { adres: req.ip } } });";
const ngrx = "import { localStorageSync } from 'ngrx-store-localstorage';\nexport const sync = localStorageSync({ keys: [{ leerling: ['naam', 'bsn'] }], rehydrate: true });";

// Store wrappers: the project's own functions that pass a parameter on to a store write (a wrapper module over the
// MongoDB driver, as real back-ends write one per collection), and a Prisma client cached on `globalThis`.
const wrapperObject = "const beheerders = {\n  insertOne: async (object) => instance.collection('beheerders').insertOne(object),\n};\nawait beheerders.insertOne({ email: gebruiker.email, rol: 'admin' });";
const wrapperPush = "async function updateOne(query, action) {\n  return instance.collection('beheerders').updateOne(query, action);\n}\nawait updateOne({ id }, { $push: { toegang: { adres: req.ip, pad: req.path } } });";
const wrapperChain = "function bewaar(doc) {\n  return db.collection('x').insertOne(doc);\n}\nfunction registreer(l) {\n  return bewaar({ naam: l.naam, bsn: l.bsn });\n}\nawait registreer(leerling);";
const wrapperPromise = "const sessies = {\n  insertOne: (object) => new Promise((resolve) => {\n    instance.collection('sessies').insertOne(object).then(resolve);\n  }),\n};\nsessies.insertOne(format({ cijfer }));";
const prismaCached = "import { PrismaClient } from '@prisma/client';\nconst db = globalThis.prisma ?? new PrismaClient();\nawait db.leerling.create({ data: { bsn: leerling.bsn } });";

const prismaUpdate = "import { PrismaClient } from '@prisma/client';\nconst prisma = new PrismaClient();\nawait prisma.leerling.update({ where: { id: 1 }, data: { adres: nieuwAdres } });";
const dexieTable = "import Dexie from 'dexie';\nconst db = new Dexie('school');\ndb.version(1).stores({ lokalen: '++id, nummer' });\nawait db.table('meldingen').add({ diagnose });";
const sqlite3Run = "import sqlite3 from 'sqlite3';\nconst db = new sqlite3.Database('school.db');\ndb.run('INSERT INTO leerlingen (naam, email) VALUES (?, ?)', [naam, email]);";
const sqliteRun = "import { open } from 'sqlite';\nconst db = await open({ filename: 'school.db' });\nawait db.run('UPDATE leerlingen SET email = ? WHERE id = ?', email, id);";
const mysqlSet = "import mysql from 'mysql2/promise';\nconst conn = await mysql.createConnection({});\nawait conn.query('INSERT INTO contacten SET ?', { email, roepnaam });";
const mysqlExecute = "import mysql from 'mysql2/promise';\nconst conn = await mysql.createConnection({});\nawait conn.execute('INSERT INTO contacten (email) VALUES (?)', [email]);";
const drizzleSql = "import { sql } from 'drizzle-orm';\nawait db.execute(sql`insert into leerlingen (bsn) values (${bsn})`);";
const requireDefault = "const AsyncStorage = require('@react-native-async-storage/async-storage').default;\nawait AsyncStorage.setItem('leerling', JSON.stringify({ naam }));";
const pgConfig = "await pool.query({ text: 'INSERT INTO meldingen (tekst) VALUES ($1)', values: [leerling.diagnose] });";
const cookieService = "import { CookieService } from 'ngx-cookie-service';\nexport class Profiel {\n  constructor(private cookieService: CookieService) {}\n  bewaar(naam: string, opname: string) {\n    this.cookieService.set('naam', naam);\n    this.cookieService.set('beeld', opname, 60);\n  }\n}";
const secureStore = "import * as SecureStore from 'expo-secure-store';\nawait SecureStore.setItemAsync('bsn', leerling.bsn);";
const pgClient = "import { Client } from 'pg';\nconst client = new Client();\nawait client.query('UPDATE leerlingen SET postcode = $1 WHERE id = $2', [postcode, id]);";

// A file beside a Prisma schema (src/prisma-app/prisma/schema.prisma, `Leerling` tagged `/// @retention`): writes
// to a model the schema declares are covered there; a model it does not declare is reported at the write.
const besideSchema = 'src/prisma-app/opslag.ts';
const undeclaredModel = "import { PrismaClient } from '@prisma/client';\nconst prisma = new PrismaClient();\nawait prisma.leerling.create({ data: { bsn } });\nawait prisma.contact.create({ data: { email } });";

// Probe suite (ACCURACY.md "Probe suite"): Mongoose TTL indexes, localForage, idb-keyval, Firestore, and #10's
// silent cases in stores (fake data, a member of an owner that is never a person).
const mongooseTtlLong = "import { Schema } from 'mongoose';\nexport const beeldSchema = new Schema({ opname: Buffer, gemaakt: { type: Date, expires: '60d' } });";
const mongooseSeriesLong = "import { Schema } from 'mongoose';\nexport const metingen = new Schema({ opname: Buffer, t: Date }, { timeseries: { timeField: 't' }, expireAfterSeconds: 60 * 60 * 24 * 365 });";
const mongooseIndexLong = "import { Schema } from 'mongoose';\nconst beelden = new Schema({ opname: Buffer, gemaakt: Date });\nbeelden.index({ gemaakt: 1 }, { expireAfterSeconds: 60 * 60 * 24 * 90 });";
const localForage = "import localforage from 'localforage';\nawait localforage.setItem('leerling', { naam, bsn });";
const idbKeyval = "import { set as bewaar } from 'idb-keyval';\nawait bewaar('leerling', { bsn: leerling.bsn });";
const idbKeyvalNamespace = "import * as idb from 'idb-keyval';\nawait idb.setMany([['cijfer', cijfer]]);";
const firestoreSet = "import { doc, setDoc } from 'firebase/firestore';\nawait setDoc(doc(db, 'leerlingen', id), { bsn: leerling.bsn });";
const firestoreAdd = "import { addDoc, collection } from 'firebase/firestore';\nawait addDoc(collection(db, 'meldingen'), { diagnose });";
const knexInsert = "import knex from 'knex';\nconst db = knex({ client: 'pg' });\nawait db('leerlingen').insert({ bsn: leerling.bsn, naam });";
const knexRequire = "const db = require('knex')({ client: 'pg' });\nawait db.table('contacten').update({ email });";
const knexDirect = "import knex from 'knex';\nawait knex('meldingen').insert([{ diagnose }]);";
const supabase = "import { createClient } from '@supabase/supabase-js';\nconst client = createClient('https://x.supabase.co', 'anon');\nawait client.from('leerlingen').upsert({ bsn: leerling.bsn });";
const supabaseNamed = "await supabase.from('contacten').insert({ email: ouder.email });";
const redisExpireLong = "import Redis from 'ioredis';\nconst redis = new Redis();\nawait redis.set(`beeld:${id}`, opname);\nawait redis.expire(`beeld:${id}`, 60 * 60 * 24 * 60);";
const redisList = "import { createClient } from 'redis';\nconst client = createClient();\nawait client.lPush('wachtrij', JSON.stringify({ bsn: leerling.bsn }));\nawait client.sAdd('adressen', postcode);";
const mongoTtlLong = "await db.collection('beelden').createIndex({ gemaakt: 1 }, { expireAfterSeconds: 60 * 60 * 24 * 90 });\nawait db.collection('beelden').insertOne({ opname, gemaakt: new Date() });";
const keyv = "import Keyv from 'keyv';\nconst keyv = new Keyv('redis://localhost');\nawait keyv.set(`l:${id}`, { bsn: leerling.bsn });\nawait keyv.set('beeld', opname, 1000 * 60 * 60 * 24 * 60);";
const fakeAndReal = "import { faker } from '@faker-js/faker';\nlocalStorage.setItem('demo', JSON.stringify({ roepnaam: faker.person.firstName(), bsn: leerling.bsn }));";

// The browser, mobile, cookie, IndexedDB, Prisma, SQL and persisted-state stores run without and with types alike.
const storesValid = [
  // A Mongoose TTL index within the strictest category's term is the schema's retention (`expires` in `ms` text or
  // seconds, also under `index`; `schema.index(…, { expireAfterSeconds })`).
  "import { Schema } from 'mongoose';\nexport const beeldSchema = new Schema({ opname: Buffer, gemaakt: { type: Date, expires: '7d' } });",
  "import mongoose from 'mongoose';\nexport const s = new mongoose.Schema({ bsn: String, gemaakt: { type: Date, index: { expires: 3600 } } });",
  "import { Schema } from 'mongoose';\nconst beelden = new Schema({ opname: Buffer, gemaakt: Date });\nbeelden.index({ gemaakt: 1 }, { expireAfterSeconds: 60 * 60 * 24 * 14 });",
  "import { Schema } from 'mongoose';\nexport const metingen = new Schema({ opname: Buffer, t: Date }, { timeseries: { timeField: 't' }, expireAfterSeconds: 86400 });",
  "import localforage from 'localforage';\nawait localforage.setItem('thema', 'donker');",
  "import localforage from 'localforage';\n/** @retention leerlingdossier */\nawait localforage.setItem('leerling', { naam, bsn });",
  "import { set } from 'idb-keyval';\nawait set('thema', { donker: true });",
  // A TTL given after the write (`expire`, `pexpire`) on the same client and key; a MongoDB TTL index on the collection.
  "import Redis from 'ioredis';\nconst redis = new Redis();\nawait redis.set(`leerling:${id}`, bsn);\nawait redis.expire(`leerling:${id}`, 3600);",
  "import { createClient } from 'redis';\nconst client = createClient();\nawait client.hSet('sessie', { email });\nawait client.pExpire('sessie', 60 * 60 * 1000);",
  "await db.collection('sessies').createIndex({ t: 1 }, { expireAfterSeconds: 3600 });\nawait db.collection('sessies').insertOne({ bsn, t: new Date() });",
  "import Keyv from 'keyv';\nconst keyv = new Keyv();\nawait keyv.set('sessie', { email }, 60 * 60 * 1000);",
  "import knex from 'knex';\nconst db = knex({ client: 'pg' });\nawait db('lokalen').insert({ nummer });\nawait db('leerlingen').where({ bsn }).first();",
  "import knex from 'knex';\nconst db = knex({ client: 'pg' });\n/** @retention leerlingdossier */\nawait db('leerlingen').insert({ bsn: leerling.bsn });",
  "import { createClient } from '@supabase/supabase-js';\nconst client = createClient('https://x.supabase.co', 'anon');\nawait client.from('leerlingen').select('bsn').eq('bsn', bsn);",
  "const query = (t: string) => ({ insert: (x: unknown) => x });\nquery('leerlingen').insert({ bsn });\nconst lijst = { from: (t: string) => ({ insert: (x: unknown) => x }) };\nlijst.from('x').insert({ bsn });", // no query builder
  "import { get } from 'idb-keyval';\nawait get('leerling');",
  "import { doc, setDoc } from 'firebase/firestore';\nawait setDoc(doc(db, 'lokalen', id), { nummer });",
  "import { doc, getDoc } from 'firebase/firestore';\nawait getDoc(doc(db, 'leerlingen', bsn));",
  "const set = (k: string, v: unknown) => [k, v];\nset('bsn', bsn);", // not idb-keyval's
  // #10: generated fake data and the members of an owner that is never a person carry no category under their key.
  "import { faker } from '@faker-js/faker';\nlocalStorage.setItem('demo', JSON.stringify({ roepnaam: faker.person.firstName(), email: faker.internet.email() }));",
  "localStorage.setItem('school', JSON.stringify({ adres: school.adres, naam: school.naam }));",
  // Browser, mobile, cookies, IndexedDB, Prisma, SQL and persisted state: tagged, within a TTL, or nothing catalogued.
  // sessionStorage forgets everything when the tab closes: its retention is the session.
  "window.sessionStorage.setItem('k', JSON.stringify({ cijfer }));",
  'sessionStorage.roepnaam = naam;',
  // A Mongoose write to a model whose schema is declared here is covered by the schema's site.
  "import { Schema, model } from 'mongoose';\n/** @retention leerlingdossier */\nconst schema = new Schema({ bsn: String });\nconst Leerling = model('Leerling', schema);\nawait Leerling.create({ bsn });",
  "await db.collection('lokalen').insertOne({ nummer, capaciteit });",
  "const lijst = { insertOne: (x: unknown) => x };\nlijst.insertOne({ bsn });", // not a collection or model
  "window.sessionStorage.theme = 'dark';",
  '/** @retention sessie */\nlocalStorage.roepnaam = naam;',
  'document.cookie = `naam=${leerling.naam}; max-age=${60 * 60}`;',
  "import Cookies from 'js-cookie';\nCookies.set('roepnaam', naam, { expires: 1 });",
  "import Cookies from 'js-cookie';\nCookies.set('opname', opname, { expires: vanConfig });",
  "app.get('/', (req, res) => {\n  res.cookie('email', leerling.email, { maxAge: 1000 * 60 * 60 });\n});",
  "import { Preferences } from '@capacitor/preferences';\nawait Preferences.set({ key: 'thema', value: 'donker' });",
  "import Dexie from 'dexie';\nconst db = new Dexie('school');\n/** @retention leerlingdossier */\ndb.version(1).stores({ leerlingen: '++id, naam, bsn' });\nawait db.leerlingen.put({ naam, bsn });",
  "const m = new Map();\nm.set('bsn', bsn);\ncache.put({ bsn });\nres.json({ bsn });\ncookies.set('bsn', bsn);", // not stores
  "await pool.query('SELECT bsn, naam FROM leerlingen WHERE id = $1', [id]);",
  "await pool.query('DELETE FROM leerlingen WHERE bsn = $1', [bsn]);",
  "/** @retention leerlingdossier */\nawait pool.query('INSERT INTO leerlingen (bsn, naam) VALUES ($1, $2)', [a, b]);",
  "await pool.query('INSERT INTO lokalen (nummer) VALUES ($1)', [nummer]);",
  'await sql`update lokalen set capaciteit = ${n}`;',
  "/** @retention camera */\nasync function bewaar() {\n  await prisma.beeld.create({ data: { opname } });\n}",
  "const klant = { leerling: { create: (x: unknown) => x } };\nklant.leerling.create({ data: { bsn } });", // not a Prisma client
  "import { NgxsStoragePluginModule } from '@ngxs/storage-plugin';\nexport const imports = [NgxsStoragePluginModule.forRoot({ keys: ['thema'] })];",
  // Each store's harmless or tagged counterpart (audit of #9).
  "import { PrismaClient } from '@prisma/client';\nconst prisma = new PrismaClient();\nawait prisma.lokaal.update({ where: { id: 1 }, data: { capaciteit: 30 } });",
  "import Dexie from 'dexie';\nconst db = new Dexie('school');\ndb.version(1).stores({ lokalen: '++id, nummer' });\nawait db.table('lokalen').add({ nummer });",
  "import AsyncStorage from '@react-native-async-storage/async-storage';\nawait AsyncStorage.setItem('thema', 'donker');",
  "import AsyncStorage from '@react-native-async-storage/async-storage';\n/** @retention leerlingdossier */\nawait AsyncStorage.setItem('leerling', JSON.stringify({ naam, bsn }));",
  "import { openDB } from 'idb';\nconst db = await openDB('school', 1);\nawait db.put('lokalen', { nummer });",
  "import { openDB } from 'idb';\nconst db = await openDB('school', 1);\n/** @retention leerlingdossier */\nawait db.put('leerlingen', { bsn, naam });",
  "import { Preferences } from '@capacitor/preferences';\n/** @retention sessie */\nawait Preferences.set({ key: 'adres', value: JSON.stringify(adres) });",
  "import { localStorageSync } from 'ngrx-store-localstorage';\nexport const sync = localStorageSync({ keys: ['thema'], rehydrate: true });",
  "import Cookies from 'js-cookie';\nCookies.set('thema', 'donker');",
  "import { Client } from 'pg';\nconst client = new Client();\nawait client.query('INSERT INTO lokalen (nummer) VALUES ($1)', [nummer]);",
  "import mysql from 'mysql2/promise';\nconst conn = await mysql.createConnection({});\n/** @retention sessie */\nawait conn.query('INSERT INTO contacten SET ?', { email, roepnaam });",
  "await conn.query({ sql: 'INSERT INTO lokalen (nummer) VALUES (?)', values: [nummer] });",
  "import { CookieService } from 'ngx-cookie-service';\nexport class Profiel {\n  constructor(private cookieService: CookieService) {}\n  bewaar(naam: string) {\n    this.cookieService.set('naam', naam, 1);\n    this.cookieService.set('thema', 'donker');\n  }\n}",
  "import * as SecureStore from 'expo-secure-store';\nawait SecureStore.setItemAsync('token', token);",
  { code: "import { PrismaClient } from '@prisma/client';\nconst prisma = new PrismaClient();\nawait prisma.leerling.upsert({ where: { id: 1 }, create: { bsn }, update: { bsn } });", filename: besideSchema },
];
const storesInvalid = [
  { code: mongooseTtlLong, errors: [{ messageId: 'ttlTooLong', ...at(mongooseTtlLong, 'beeldSchema'), suggestions: [] }] },
  { code: mongooseSeriesLong, errors: [{ messageId: 'ttlTooLong', ...at(mongooseSeriesLong, 'metingen'), suggestions: [] }] },
  { code: mongooseIndexLong, errors: [{ messageId: 'ttlTooLong', ...at(mongooseIndexLong, 'beelden'), suggestions: [] }] },
  { code: localForage, errors: [{ messageId: 'missingRetention', ...at(localForage, "localforage.setItem('leerling', { naam, bsn })"), suggestions: insert(localForage, 'await', ['leerlingdossier']) }] },
  { code: idbKeyval, errors: [{ messageId: 'missingRetention', ...at(idbKeyval, "bewaar('leerling', { bsn: leerling.bsn })"), suggestions: insert(idbKeyval, 'await', ['leerlingdossier']) }] },
  { code: idbKeyvalNamespace, errors: [{ messageId: 'missingRetention', ...at(idbKeyvalNamespace, "idb.setMany([['cijfer', cijfer]])"), suggestions: insert(idbKeyvalNamespace, 'await', ['leerlingdossier', 'examen']) }] },
  { code: firestoreSet, errors: [{ messageId: 'missingRetention', ...at(firestoreSet, "setDoc(doc(db, 'leerlingen', id), { bsn: leerling.bsn })"), suggestions: insert(firestoreSet, 'await', ['leerlingdossier']) }] },
  { code: firestoreAdd, errors: [{ messageId: 'missingRetention', ...at(firestoreAdd, "addDoc(collection(db, 'meldingen'), { diagnose })"), suggestions: insert(firestoreAdd, 'await', ['leerlingdossier']) }] },
  { code: knexInsert, errors: [{ messageId: 'missingRetention', ...at(knexInsert, "db('leerlingen').insert({ bsn: leerling.bsn, naam })"), suggestions: insert(knexInsert, 'await', ['leerlingdossier']) }] },
  { code: knexRequire, errors: [{ messageId: 'missingRetention', ...at(knexRequire, "db.table('contacten').update({ email })"), suggestions: insert(knexRequire, 'await', ['leerlingdossier', 'sessie']) }] },
  { code: knexDirect, errors: [{ messageId: 'missingRetention', ...at(knexDirect, "knex('meldingen').insert([{ diagnose }])"), suggestions: insert(knexDirect, 'await', ['leerlingdossier']) }] },
  { code: supabase, errors: [{ messageId: 'missingRetention', ...at(supabase, "client.from('leerlingen').upsert({ bsn: leerling.bsn })"), suggestions: insert(supabase, 'await', ['leerlingdossier']) }] },
  { code: supabaseNamed, errors: [{ messageId: 'missingRetention', ...at(supabaseNamed, "supabase.from('contacten').insert({ email: ouder.email })"), suggestions: insert(supabaseNamed, 'await', ['leerlingdossier', 'sessie']) }] },
  { code: redisExpireLong, errors: [{ messageId: 'ttlTooLong', ...at(redisExpireLong, 'redis.set(`beeld:${id}`, opname)'), suggestions: [] }] },
  {
    code: redisList,
    errors: [
      { messageId: 'missingRetention', ...at(redisList, "client.lPush('wachtrij', JSON.stringify({ bsn: leerling.bsn }))"), suggestions: insert(redisList, "await client.lPush", ['leerlingdossier']) },
      { messageId: 'missingRetention', ...at(redisList, "client.sAdd('adressen', postcode)"), suggestions: insert(redisList, "await client.sAdd", ['leerlingdossier', 'sessie']) },
    ],
  },
  { code: mongoTtlLong, errors: [{ messageId: 'ttlTooLong', ...at(mongoTtlLong, "db.collection('beelden').insertOne({ opname, gemaakt: new Date() })"), suggestions: [] }] },
  {
    code: keyv,
    errors: [
      { messageId: 'missingRetention', ...at(keyv, 'keyv.set(`l:${id}`, { bsn: leerling.bsn })'), suggestions: insert(keyv, 'await keyv.set(`l', ['leerlingdossier']) },
      { messageId: 'ttlTooLong', ...at(keyv, "keyv.set('beeld', opname, 1000 * 60 * 60 * 24 * 60)"), suggestions: [] },
    ],
  },
  { code: fakeAndReal, errors: [{ messageId: 'missingRetention', ...at(fakeAndReal, "localStorage.setItem('demo', JSON.stringify({ roepnaam: faker.person.firstName(), bsn: leerling.bsn }))"), suggestions: insert(fakeAndReal, 'localStorage', ['leerlingdossier']) }] },
  { code: localProperty, errors: [{ messageId: 'missingRetention', ...at(localProperty, 'localStorage.roepnaam = naam'), suggestions: insert(localProperty, 'localStorage', ['leerlingdossier', 'sessie']) }] },
  { code: localElement, errors: [{ messageId: 'missingRetention', ...at(localElement, "window.localStorage['k'] = JSON.stringify({ bsn })"), suggestions: insert(localElement, 'window', ['leerlingdossier']) }] },
  { code: cookieNoTtl, errors: [{ messageId: 'missingRetention', ...at(cookieNoTtl, 'document.cookie = `naam=${leerling.naam}; path=/`'), suggestions: insert(cookieNoTtl, 'document', ['leerlingdossier', 'sessie']) }] },
  { code: cookieConcat, errors: [{ messageId: 'ttlTooLong', ...at(cookieConcat, "document.cookie = 'opname=' + opname + '; max-age=5184000'"), suggestions: [] }] },
  { code: jsCookie, errors: [{ messageId: 'missingRetention', ...at(jsCookie, "Cookies.set('bsn', leerling.bsn)"), suggestions: insert(jsCookie, 'Cookies.set', ['leerlingdossier']) }] },
  { code: jsCookieLong, errors: [{ messageId: 'ttlTooLong', ...at(jsCookieLong, "Cookies.set('opname', opname, { expires: 60 })"), suggestions: [] }] },
  { code: express, errors: [{ messageId: 'missingRetention', ...at(express, "res.cookie('email', leerling.email, { httpOnly: true })"), suggestions: insert(express, 'res.cookie', ['leerlingdossier', 'sessie']) }] },
  { code: asyncStorage, errors: [{ messageId: 'missingRetention', ...at(asyncStorage, "AsyncStorage.setItem('leerling', JSON.stringify({ naam, bsn }))"), suggestions: insert(asyncStorage, 'await AsyncStorage', ['leerlingdossier']) }] },
  { code: rnAsyncStorage, errors: [{ messageId: 'missingRetention', ...at(rnAsyncStorage, "AsyncStorage.multiSet([['cijfer', cijfer]])"), suggestions: insert(rnAsyncStorage, 'await AsyncStorage', ['leerlingdossier', 'examen']) }] },
  { code: capacitor, errors: [{ messageId: 'missingRetention', ...at(capacitor, "Preferences.set({ key: 'adres', value: JSON.stringify(adres) })"), suggestions: insert(capacitor, 'await Preferences', ['leerlingdossier', 'sessie']) }] },
  { code: idb, errors: [{ messageId: 'missingRetention', ...at(idb, "db.put('leerlingen', { bsn, naam })"), suggestions: insert(idb, 'await db.put', ['leerlingdossier']) }] },
  { code: idbTx, errors: [{ messageId: 'missingRetention', ...at(idbTx, 'tx.store.put({ diagnose })'), suggestions: insert(idbTx, 'await tx', ['leerlingdossier']) }] },
  { code: nativeIdb, errors: [{ messageId: 'missingRetention', ...at(nativeIdb, "request.result.transaction('x', 'readwrite').objectStore('adressen').add({ postcode })"), suggestions: insert(nativeIdb, 'request', ['leerlingdossier', 'sessie']) }] },
  { code: dexieStores, errors: [{ messageId: 'missingRetention', ...at(dexieStores, 'leerlingen'), suggestions: insert(dexieStores, 'db.version', ['leerlingdossier']) }] },
  { code: dexieClass, errors: [{ messageId: 'missingRetention', ...at(dexieClass, 'this.resultaten.bulkPut(cijfers.map((c) => ({ cijfer: c })))'), suggestions: insert(dexieClass, 'return this', ['leerlingdossier', 'examen']) }] },
  { code: prisma, errors: [{ messageId: 'missingRetention', ...at(prisma, "prisma.leerling.create({ data: { bsn: leerling.bsn, roepnaam: 'x' } })"), suggestions: insert(prisma, 'await prisma', ['leerlingdossier']) }] },
  { code: prismaUpsert, errors: [{ messageId: 'missingRetention', ...at(prismaUpsert, 'this.prisma.contact.upsert({ where: { id }, create: { email }, update: { email } })'), suggestions: insert(prismaUpsert, 'await', ['leerlingdossier', 'sessie']) }] },
  { code: prismaTx, errors: [{ messageId: 'missingRetention', ...at(prismaTx, 'tx.uitslag.createMany({ data: cijfers })'), suggestions: insert(prismaTx, 'await tx', ['leerlingdossier', 'examen']) }] },
  { code: pgInsert, errors: [{ messageId: 'missingRetention', ...at(pgInsert, "pool.query('INSERT INTO leerlingen (bsn, naam) VALUES ($1, $2)', [a, b])"), suggestions: insert(pgInsert, 'await', ['leerlingdossier']) }] },
  { code: pgValues, errors: [{ messageId: 'missingRetention', ...at(pgValues, "pool.query('INSERT INTO meldingen (tekst) VALUES ($1)', [leerling.diagnose])"), suggestions: insert(pgValues, 'await', ['leerlingdossier']) }] },
  { code: sqliteUpdate, errors: [{ messageId: 'missingRetention', ...at(sqliteUpdate, "db.prepare('UPDATE leerlingen SET adres = ?, postcode = ? WHERE id = ?')"), suggestions: insert(sqliteUpdate, 'db', ['leerlingdossier', 'sessie']) }] },
  { code: mysqlCreate, errors: [{ messageId: 'missingRetention', ...at(mysqlCreate, 'connection.execute(`CREATE TABLE IF NOT EXISTS leerlingen (id INT, bsn VARCHAR(9), PRIMARY KEY (id))`)'), suggestions: insert(mysqlCreate, 'await', ['leerlingdossier']) }] },
  { code: sqlCovered, errors: [{ messageId: 'missingRetention', ...at(sqlCovered, "db.exec('CREATE TABLE beelden (id INTEGER, opname BLOB)')"), suggestions: insert(sqlCovered, 'db.exec', ['camera']) }] },
  { code: postgresTag, errors: [{ messageId: 'missingRetention', ...at(postgresTag, 'sql`insert into contacten (email, roepnaam) values (${email}, ${naam})`'), suggestions: insert(postgresTag, 'await', ['leerlingdossier', 'sessie']) }] },
  { code: slonikAlter, errors: [{ messageId: 'missingRetention', ...at(slonikAlter, 'sql.unsafe`ALTER TABLE leerlingen ADD COLUMN diagnose text`'), suggestions: insert(slonikAlter, 'await', ['leerlingdossier']) }] },
  { code: ngxs, errors: [{ messageId: 'missingRetention', ...at(ngxs, "NgxsStoragePluginModule.forRoot({ keys: ['auth', 'leerling.adres'] })"), suggestions: insert(ngxs, 'export', ['leerlingdossier', 'sessie']) }] },
  { code: ngxsState, errors: [{ messageId: 'missingRetention', ...at(ngxsState, 'withNgxsStoragePlugin({ keys: [ProfielState] })'), suggestions: insert(ngxsState, 'export const providers', ['leerlingdossier', 'sessie']) }] },
  { code: typegoose, errors: [{ messageId: 'missingRetention', ...at(typegoose, 'IUser'), suggestions: insert(typegoose, 'export class', ['leerlingdossier', 'sessie']) }] },
  { code: mongooseCreate, errors: [{ messageId: 'missingRetention', ...at(mongooseCreate, 'Leerling.create({ bsn: leerling.bsn })'), suggestions: insert(mongooseCreate, 'await', ['leerlingdossier']) }] },
  { code: mongoDriver, errors: [{ messageId: 'missingRetention', ...at(mongoDriver, "db.collection('leerlingen').insertOne({ naam: leerling.naam })"), suggestions: insert(mongoDriver, 'await', ['leerlingdossier', 'sessie']) }] },
  { code: mongoUpdate, errors: [{ messageId: 'missingRetention', ...at(mongoUpdate, "db.collection('beheerders').updateOne({ id }, { $push: { toegang: { adres: req.ip } } })"), suggestions: insert(mongoUpdate, 'await', ['leerlingdossier', 'sessie']) }] },
  { code: ngrx, errors: [{ messageId: 'missingRetention', ...at(ngrx, "localStorageSync({ keys: [{ leerling: ['naam', 'bsn'] }], rehydrate: true })"), suggestions: insert(ngrx, 'export', ['leerlingdossier']) }] },
  { code: prismaUpdate, errors: [{ messageId: 'missingRetention', ...at(prismaUpdate, 'prisma.leerling.update({ where: { id: 1 }, data: { adres: nieuwAdres } })'), suggestions: insert(prismaUpdate, 'await prisma', ['leerlingdossier', 'sessie']) }] },
  { code: dexieTable, errors: [{ messageId: 'missingRetention', ...at(dexieTable, "db.table('meldingen').add({ diagnose })"), suggestions: insert(dexieTable, 'await db.table', ['leerlingdossier']) }] },
  { code: sqlite3Run, errors: [{ messageId: 'missingRetention', ...at(sqlite3Run, "db.run('INSERT INTO leerlingen (naam, email) VALUES (?, ?)', [naam, email])"), suggestions: insert(sqlite3Run, 'db.run', ['leerlingdossier', 'sessie']) }] },
  { code: sqliteRun, errors: [{ messageId: 'missingRetention', ...at(sqliteRun, "db.run('UPDATE leerlingen SET email = ? WHERE id = ?', email, id)"), suggestions: insert(sqliteRun, 'await db.run', ['leerlingdossier', 'sessie']) }] },
  { code: mysqlSet, errors: [{ messageId: 'missingRetention', ...at(mysqlSet, "conn.query('INSERT INTO contacten SET ?', { email, roepnaam })"), suggestions: insert(mysqlSet, 'await conn.query', ['leerlingdossier', 'sessie']) }] },
  { code: mysqlExecute, errors: [{ messageId: 'missingRetention', ...at(mysqlExecute, "conn.execute('INSERT INTO contacten (email) VALUES (?)', [email])"), suggestions: insert(mysqlExecute, 'await conn.execute', ['leerlingdossier', 'sessie']) }] },
  { code: drizzleSql, errors: [{ messageId: 'missingRetention', ...at(drizzleSql, 'sql`insert into leerlingen (bsn) values (${bsn})`'), suggestions: insert(drizzleSql, 'await db.execute', ['leerlingdossier']) }] },
  { code: undeclaredModel, filename: besideSchema, errors: [{ messageId: 'missingRetention', ...at(undeclaredModel, 'prisma.contact.create({ data: { email } })'), suggestions: insert(undeclaredModel, 'await prisma.contact', ['leerlingdossier', 'sessie']) }] },
  { code: requireDefault, errors: [{ messageId: 'missingRetention', ...at(requireDefault, "AsyncStorage.setItem('leerling', JSON.stringify({ naam }))"), suggestions: insert(requireDefault, 'await', ['leerlingdossier', 'sessie']) }] },
  { code: pgConfig, errors: [{ messageId: 'missingRetention', ...at(pgConfig, "pool.query({ text: 'INSERT INTO meldingen (tekst) VALUES ($1)', values: [leerling.diagnose] })"), suggestions: insert(pgConfig, 'await', ['leerlingdossier']) }] },
  {
    code: cookieService,
    errors: [
      { messageId: 'missingRetention', ...at(cookieService, "this.cookieService.set('naam', naam)"), suggestions: insert(cookieService, "this.cookieService.set('naam'", ['leerlingdossier', 'sessie']) },
      { messageId: 'ttlTooLong', ...at(cookieService, "this.cookieService.set('beeld', opname, 60)"), suggestions: [] },
    ],
  },
  { code: secureStore, errors: [{ messageId: 'missingRetention', ...at(secureStore, "SecureStore.setItemAsync('bsn', leerling.bsn)"), suggestions: insert(secureStore, 'await', ['leerlingdossier']) }] },
  { code: pgClient, errors: [{ messageId: 'missingRetention', ...at(pgClient, "client.query('UPDATE leerlingen SET postcode = $1 WHERE id = $2', [postcode, id])"), suggestions: insert(pgClient, 'await client.query', ['leerlingdossier', 'sessie']) }] },
];

ruleTester.run('require-retention', rule('require-retention'), {
  valid: [
    entity.replace('@Entity()', '/** @retention leerlingdossier */\n@Entity()'),
    '@Entity()\n/** @retention leerlingdossier */\nexport class Leerling { @Column() bsn!: string; }',
    "@Entity() class Lokaal { @Column() nummer!: string; }", // no catalogued column
    'class Leerling { bsn!: string; }', // not an entity
    `/** @retention leerlingdossier */\n${sequelizeDefine}`,
    'class Cijfer extends Model {}\n/** @retention examen */\nCijfer.init({ cijfer: DataTypes.FLOAT }, { sequelize });',
    "/** @retention sessie */\nconst s = new Schema({ naam: String });", // naw allows sessie
    "/** @retention examen */\nconst t = pgTable('t', { cijfer: real('cijfer') });", // a shorter term than resultaten's longest is fine
    "import { writeFileSync } from 'fs';\n/** @retention leerlingdossier */\nconst save = (bsn: string) => writeFileSync('x', bsn);",
    "import { writeFileSync } from 'fs';\nwriteFileSync('lokalen.json', JSON.stringify(lokalen));", // nothing catalogued
    "localStorage.setItem('theme', 'dark');",
    "import Redis from 'ioredis';\nconst cache = new Redis();\nawait cache.set('sessie', naam, 'EX', 60 * 60);", // TTL within the term
    "await redis.setex('beeld', 60 * 60 * 24 * 7, opname);", // 7 days, camera allows 28
    "await redis.set('x', opname, 'EX', ttlVanConfig);", // a TTL that cannot be computed is trusted
    "import { Redis } from '@upstash/redis';\nconst opslag = new Redis({ url, token });\nawait opslag.set('sessie', naam, { ex: 60 * 60 });", // Upstash's TTL option, within the term
    "import { Redis } from '@upstash/redis';\nconst opslag = Redis.fromEnv();\nawait opslag.set('thema', 'donker');", // nothing catalogued
    "const m = new Map(); m.set('bsn', bsn);", // a Map is not Redis
    "await s3.putObject({ Bucket: 'b', Key: 'logo.png', Body: logo });",
    ...storesValid,
    // A store wrapper: the call passes nothing catalogued, or the wrapper (or the write inside) carries the tag.
    "const beheerders = {\n  insertOne: async (object) => instance.collection('beheerders').insertOne(object),\n};\nawait beheerders.insertOne({ lokaal: 'A1' });",
    "/** @retention leerlingdossier */\nasync function bewaar(doc) {\n  await db.collection('x').insertOne(doc);\n}\nawait bewaar({ bsn: leerling.bsn });",
    "async function bewaar(doc) {\n  /** @retention leerlingdossier */\n  await db.collection('x').insertOne(doc);\n}\nawait bewaar({ bsn: leerling.bsn });",
    // A function whose parameter reaches no store is no wrapper; a cached client not made by Prisma is no client.
    "async function toon(doc) {\n  return db.collection('x').findOne(doc);\n}\nawait toon({ bsn: leerling.bsn });",
    "const db = globalThis.cache ?? new Map();\nawait db.leerling.create({ data: { bsn: leerling.bsn } });",
  ],
  invalid: [
    {
      code: entity,
      errors: [{ ...message('require-retention', 'missingRetention', { store: 'entity `Leerling` (TypeORM/MikroORM)', category: 'Burgerservicenummer (BSN)', categories: 'Burgerservicenummer (BSN)', allowed: '`leerlingdossier` (Leerlingdossier, P2Y)', suggested: 'leerlingdossier', place: 'to the declaration' }), ...at(entity, 'Leerling'), suggestions: insert(entity, '@Entity()', ['leerlingdossier']) }],
    },
    {
      code: mikro,
      errors: [{ messageId: 'missingRetention', ...at(mikro, 'Contact'), suggestions: insert(mikro, '@Entity()', ['leerlingdossier', 'sessie']) }],
    },
    {
      code: sequelizeDefine,
      errors: [{ messageId: 'missingRetention', ...at(sequelizeDefine, 'Leerling'), suggestions: insert(sequelizeDefine, 'const', ['leerlingdossier']) }],
    },
    {
      code: sequelizeInit,
      errors: [{ messageId: 'missingRetention', ...at(sequelizeInit, 'Cijfer'), suggestions: insert(sequelizeInit, 'class', ['leerlingdossier', 'examen']) }],
    },
    {
      code: mongoose,
      errors: [{ messageId: 'missingRetention', ...at(mongoose, 'leerlingSchema'), suggestions: insert(mongoose, 'export const', ['leerlingdossier']) }],
    },
    {
      code: drizzle,
      errors: [{ messageId: 'missingRetention', ...at(drizzle, 'leerlingen'), suggestions: insert(drizzle, 'export', ['leerlingdossier']) }],
    },
    {
      code: knex,
      errors: [{ messageId: 'missingRetention', ...at(knex, "knex.schema.createTable('leerlingen', (t) => {\n    t.string('bsn', 9);\n  })"), suggestions: insert(knex, 'await', ['leerlingdossier']) }],
    },
    {
      code: kysely,
      errors: [{ messageId: 'missingRetention', ...at(kysely, "db.schema.createTable('zorg')"), suggestions: insert(kysely, 'await', ['leerlingdossier']) }],
    },
    {
      code: fsWrite,
      errors: [{ ...message('require-retention', 'missingRetention', { store: '`writeFileSync`', category: 'Burgerservicenummer (BSN)', categories: 'Burgerservicenummer (BSN)', allowed: '`leerlingdossier` (Leerlingdossier, P2Y)', suggested: 'leerlingdossier', place: 'above the statement that stores (or the function around it)' }), ...at(fsWrite, "writeFileSync('export.json', JSON.stringify({ bsn }))"), suggestions: insert(fsWrite, "writeFileSync('", ['leerlingdossier']) }],
    },
    {
      code: fsPromises,
      errors: [{ messageId: 'missingRetention', ...at(fsPromises, "fs.appendFile('adressen.txt', postcode)"), suggestions: insert(fsPromises, 'await', ['leerlingdossier', 'sessie']) }],
    },
    {
      code: local,
      errors: [{ messageId: 'missingRetention', ...at(local, "localStorage.setItem('roepnaam', naam)"), suggestions: insert(local, 'localStorage', ['leerlingdossier', 'sessie']) }],
    },
    {
      code: redisNoTtl,
      errors: [{ messageId: 'missingRetention', ...at(redisNoTtl, 'cache.set(`leerling:${id}`, bsn)'), suggestions: insert(redisNoTtl, 'await', ['leerlingdossier']) }],
    },
    {
      code: upstashNoTtl,
      errors: [{ messageId: 'missingRetention', ...at(upstashNoTtl, 'opslag.hset(`leerling:${id}`, { bsn })'), suggestions: insert(upstashNoTtl, 'await', ['leerlingdossier']) }],
    },
    {
      code: vercelKvNoTtl,
      errors: [{ messageId: 'missingRetention', ...at(vercelKvNoTtl, "opslag.set('leerling', bsn)"), suggestions: insert(vercelKvNoTtl, 'await', ['leerlingdossier']) }],
    },
    {
      code: redisLong,
      errors: [{ ...message('require-retention', 'ttlTooLong', { store: 'Redis `set`', category: 'Camerabeelden', ttl: '2592000 s (30 days)', allowed: '`camera` (Camerabeelden, P4W)' }), ...at(redisLong, "client.set('beeld', opname, { EX: 60 * 60 * 24 * 30 })"), suggestions: [] }],
    },
    {
      code: redisSetex,
      errors: [{ messageId: 'ttlTooLong', ...at(redisSetex, "redis.setex('beeld', 60 * 60 * 24 * 29, camerabeeld)"), suggestions: [] }],
    },
    {
      code: redisHset,
      errors: [{ messageId: 'missingRetention', ...at(redisHset, "redis.hset(`leerling:${id}`, 'bsn', bsn)"), suggestions: insert(redisHset, 'await', ['leerlingdossier']) }],
    },
    {
      code: s3v2,
      errors: [{ messageId: 'missingRetention', ...at(s3v2, "s3.putObject({ Bucket: 'export', Key: 'k', Body: JSON.stringify({ handelingsplan }) })"), suggestions: insert(s3v2, 'await', ['leerlingdossier']) }],
    },
    {
      code: s3v3,
      errors: [{ messageId: 'missingRetention', ...at(s3v3, "new PutObjectCommand({ Bucket: 'export', Key: 'k', Body: diagnose })"), suggestions: insert(s3v3, 'await', ['leerlingdossier']) }],
    },
    ...storesInvalid,
    { code: wrapperObject, errors: [{ messageId: 'missingRetention', ...at(wrapperObject, "beheerders.insertOne({ email: gebruiker.email, rol: 'admin' })"), suggestions: insert(wrapperObject, 'await beheerders', ['leerlingdossier', 'sessie']) }] },
    { code: wrapperPush, errors: [{ messageId: 'missingRetention', ...at(wrapperPush, 'updateOne({ id }, { $push: { toegang: { adres: req.ip, pad: req.path } } })'), suggestions: insert(wrapperPush, 'await updateOne', ['leerlingdossier', 'sessie']) }] },
    // Through two wrappers: reported where the data is put in, once; the outer call adds nothing new.
    { code: wrapperChain, errors: [{ messageId: 'missingRetention', ...at(wrapperChain, 'bewaar({ naam: l.naam, bsn: l.bsn })'), suggestions: insert(wrapperChain, 'return bewaar', ['leerlingdossier']) }] },
    { code: wrapperPromise, errors: [{ messageId: 'missingRetention', ...at(wrapperPromise, 'sessies.insertOne(format({ cijfer }))'), suggestions: insert(wrapperPromise, 'sessies.insertOne(format', ['leerlingdossier', 'examen']) }] },
    { code: prismaCached, errors: [{ messageId: 'missingRetention', ...at(prismaCached, 'db.leerling.create({ data: { bsn: leerling.bsn } })'), suggestions: insert(prismaCached, 'await db', ['leerlingdossier']) }] },
    {
      code: unknown,
      errors: [{ ...message('require-retention', 'unknownTerm', { term: 'altijd', allowed: '`leerlingdossier` (Leerlingdossier, P2Y)' }), ...at(unknown, 'Leerling'), suggestions: replace(unknown, 'altijd', ['leerlingdossier']) }],
    },
    {
      code: tooLong,
      errors: [{ messageId: 'termTooLong', ...at(tooLong, 'Beeld'), suggestions: replace(tooLong, 'verzuim', ['camera']) }],
    },
  ],
});

const typedWrite = "import { writeFileSync } from 'fs';\nimport { leerling, lokaal, uitslagen } from './store-types';\nwriteFileSync('a.json', JSON.stringify(leerling));\nwriteFileSync('b.json', JSON.stringify(lokaal));\nwriteFileSync('c.json', JSON.stringify(uitslagen));";
const typedEntity = "import type { Zorgdossier } from './store-types';\n@Entity()\nexport class Dossier {\n  @Column() inhoud!: Zorgdossier;\n}";
const typedSchema = "import type { Leerling } from './store-types';\nexport const LeerlingSchema = new EntitySchema<Leerling>({ name: 'leerling', columns: {} });";
const typedBrand = "import { leerlingBsn } from './store-types';\nlocalStorage.setItem('k', leerlingBsn);";

// The new stores with types: a whole `Leerling` written stores its BSN, name and address; a `Lokaal` is nobody's.
const typedAsync = "import AsyncStorage from '@react-native-async-storage/async-storage';\nimport { leerling } from './store-types';\nawait AsyncStorage.setItem('k', JSON.stringify(leerling));";
const typedPrisma = "import { leerling } from './store-types';\nawait prisma.inschrijving.create({ data: leerling });";
const typedSql = "import { leerlingBsn } from './store-types';\nawait sql`insert into meldingen (tekst) values (${leerlingBsn})`;";
const typedModel = "import Contact, { Gebruiker } from './store-models';\nexport async function bewaar(email: string) {\n  await Gebruiker.findOneAndUpdate({ email }, { email }, { upsert: true });\n  await Contact.findOneAndUpdate({ email }, { email });\n}";
const typedCookie = "import { leerling } from './store-types';\ndocument.cookie = `wie=${leerling.roepnaam}`;";

// The wrapper module and the Prisma client module are fixtures (src/store-wrapper.ts, src/store-prisma-client.ts);
// the client is imported through the tsconfig `paths` alias `@/*` and by a relative path.
const typedWrapper = "import * as beheerders from './store-wrapper';\nimport { leerling } from './store-types';\nconst rol = 'admin';\nawait beheerders.insertOne({ roepnaam: leerling.roepnaam, rol });";
const typedWrapperPush = "import { updateOne } from './store-wrapper';\ndeclare const adres: string;\nawait updateOne({ id: 1 }, { $push: { toegang: { adres } } });";
const typedPrismaModule = "import db from '@/store-prisma-client';\nimport { leerling } from './store-types';\nawait db.leerling.create({ data: { bsn: leerling.BSN } });";
const typedPrismaNamed = "import { db as client } from './store-prisma-client';\nimport { leerling } from './store-types';\nawait client.inschrijving.update({ where: { id: 1 }, data: leerling });";

// #10 with types (probe suite): a whole object of a type that is never a person's (`School`, or an anonymous type
// whose value is named `lokaal`) stores no category by its members' names; a person's type still does.
const typedOuder = "interface Ouder { naam: string; adres: string }\ndeclare const ouder: Ouder;\nlocalStorage.setItem('o', JSON.stringify(ouder));";

typedRuleTester.run('require-retention (typed)', rule('require-retention'), {
  valid: [
    ...storesValid,
    "interface School { naam: string; postcode: string; adres: string }\ndeclare const school: School;\nlocalStorage.setItem('school', JSON.stringify(school));",
    "declare const lokaal: { naam: string; adres: string };\nlocalStorage.setItem('l', JSON.stringify(lokaal));",
    { code: "import AsyncStorage from '@react-native-async-storage/async-storage';\nimport { lokaal } from './store-types';\nawait AsyncStorage.setItem('k', JSON.stringify(lokaal));", filename: 'src/store-typed.ts' },
    { code: "import { lokaal } from './store-types';\nawait prisma.ruimte.create({ data: lokaal });", filename: 'src/store-typed.ts' },
    { code: "import { writeFileSync } from 'fs';\nimport { lokaal } from './store-types';\nwriteFileSync('x', JSON.stringify(lokaal));", filename: 'src/store-typed.ts' },
    { code: "import { writeFileSync } from 'fs';\nimport { leerling } from './store-types';\n/** @retention leerlingdossier */\nwriteFileSync('x', JSON.stringify(leerling));", filename: 'src/store-typed.ts' },
    // A wrapper in another module whose function carries the tag covers every call (the tag is in that file).
    { code: "import { bewaarSessie } from './store-wrapper';\nimport { leerling } from './store-types';\nawait bewaarSessie({ roepnaam: leerling.roepnaam });", filename: 'src/store-typed.ts' },
    { code: "import * as beheerders from './store-wrapper';\nimport { lokaal } from './store-types';\nawait beheerders.insertOne(lokaal);", filename: 'src/store-typed.ts' },
    { code: "import { cache } from '@/store-prisma-client';\nimport { leerling } from './store-types';\nawait (cache as any).leerling.create({ data: leerling });", filename: 'src/store-typed.ts' },
  ],
  invalid: [
    ...storesInvalid,
    { code: typedOuder, errors: [{ messageId: 'missingRetention', ...at(typedOuder, "localStorage.setItem('o', JSON.stringify(ouder))"), suggestions: insert(typedOuder, 'localStorage', ['leerlingdossier', 'sessie']) }] },
    {
      // Writing a `Leerling` writes its BSN, name and address; `Toetsresultaat[]` are results; a `Lokaal` is nobody's.
      code: typedWrite,
      filename: 'src/store-typed.ts',
      errors: [
        {
          ...message('require-retention', 'missingRetention', {
            store: '`writeFileSync`',
            category: 'Burgerservicenummer (BSN) + 1 more',
            categories: 'Burgerservicenummer (BSN) and Naam-, adres- en woonplaatsgegevens',
            allowed: '`leerlingdossier` (Leerlingdossier, P2Y)',
            suggested: 'leerlingdossier',
            place: 'above the statement that stores (or the function around it)',
          }),
          ...at(typedWrite, "writeFileSync('a.json', JSON.stringify(leerling))"),
          suggestions: insert(typedWrite, "writeFileSync('a.json'", ['leerlingdossier']),
        },
        { messageId: 'missingRetention', ...at(typedWrite, "writeFileSync('c.json', JSON.stringify(uitslagen))"), suggestions: insert(typedWrite, "writeFileSync('c.json'", ['leerlingdossier', 'examen']) },
      ],
    },
    {
      code: typedEntity,
      filename: 'src/store-entity.ts',
      errors: [{ messageId: 'missingRetention', ...at(typedEntity, 'Dossier'), suggestions: insert(typedEntity, '@Entity()', ['leerlingdossier']) }],
    },
    {
      // The entity type says what the schema stores, even before any column is listed.
      code: typedSchema,
      filename: 'src/store-entity.ts',
      errors: [{ messageId: 'missingRetention', ...at(typedSchema, 'LeerlingSchema'), suggestions: insert(typedSchema, 'export const', ['leerlingdossier']) }],
    },
    { code: typedAsync, filename: 'src/store-typed.ts', errors: [{ messageId: 'missingRetention', ...at(typedAsync, "AsyncStorage.setItem('k', JSON.stringify(leerling))"), suggestions: insert(typedAsync, 'await', ['leerlingdossier']) }] },
    { code: typedPrisma, filename: 'src/store-typed.ts', errors: [{ messageId: 'missingRetention', ...at(typedPrisma, 'prisma.inschrijving.create({ data: leerling })'), suggestions: insert(typedPrisma, 'await', ['leerlingdossier']) }] },
    { code: typedSql, filename: 'src/store-typed.ts', errors: [{ messageId: 'missingRetention', ...at(typedSql, 'sql`insert into meldingen (tekst) values (${leerlingBsn})`'), suggestions: insert(typedSql, 'await', ['leerlingdossier']) }] },
    // The model is made in another module (`getModelForClass` there): followed through the import with types.
    {
      code: typedModel,
      filename: 'src/store-typed.ts',
      errors: [
        { messageId: 'missingRetention', ...at(typedModel, 'Gebruiker.findOneAndUpdate({ email }, { email }, { upsert: true })'), suggestions: insert(typedModel, 'await Gebruiker', ['leerlingdossier', 'sessie']) },
        // A default-exported model (`export default getModelForClass(…)`).
        { messageId: 'missingRetention', ...at(typedModel, 'Contact.findOneAndUpdate({ email }, { email })'), suggestions: insert(typedModel, 'await Contact', ['leerlingdossier', 'sessie']) },
      ],
    },
    { code: typedCookie, filename: 'src/store-typed.ts', errors: [{ messageId: 'missingRetention', ...at(typedCookie, 'document.cookie = `wie=${leerling.roepnaam}`'), suggestions: insert(typedCookie, 'document', ['leerlingdossier', 'sessie']) }] },
    {
      code: typedBrand,
      filename: 'src/store-typed.ts',
      errors: [{ messageId: 'missingRetention', ...at(typedBrand, "localStorage.setItem('k', leerlingBsn)"), suggestions: insert(typedBrand, 'localStorage', ['leerlingdossier']) }],
    },
    { code: typedWrapper, filename: 'src/store-typed.ts', errors: [{ messageId: 'missingRetention', ...at(typedWrapper, 'beheerders.insertOne({ roepnaam: leerling.roepnaam, rol })'), suggestions: insert(typedWrapper, 'await beheerders.insertOne', ['leerlingdossier', 'sessie']) }] },
    { code: typedWrapperPush, filename: 'src/store-typed.ts', errors: [{ messageId: 'missingRetention', ...at(typedWrapperPush, 'updateOne({ id: 1 }, { $push: { toegang: { adres } } })'), suggestions: insert(typedWrapperPush, 'await updateOne', ['leerlingdossier', 'sessie']) }] },
    { code: typedPrismaModule, filename: 'src/store-typed.ts', errors: [{ messageId: 'missingRetention', ...at(typedPrismaModule, 'db.leerling.create({ data: { bsn: leerling.BSN } })'), suggestions: insert(typedPrismaModule, 'await db', ['leerlingdossier']) }] },
    { code: typedPrismaNamed, filename: 'src/store-typed.ts', errors: [{ messageId: 'missingRetention', ...at(typedPrismaNamed, 'client.inschrijving.update({ where: { id: 1 }, data: leerling })'), suggestions: insert(typedPrismaNamed, 'await client', ['leerlingdossier']) }] },
  ],
});

// Issue #9: a whole untyped value stored as JSON carries the categories its own binding's code reads or writes.
const shapeStore = "export function bewaar(l: any) {\n  if (!l.bsn) return;\n  localStorage.setItem('leerling', JSON.stringify(l));\n}";
const shapeStoreLater = "export function bewaar(l: any) {\n  localStorage.setItem('leerling', JSON.stringify(l));\n  return l.roepnaam;\n}";
const shapeStoresTable = {
  valid: [
    "export function bewaar(l: any) {\n  localStorage.setItem('leerling', JSON.stringify(l));\n  return l.thema;\n}",
    "export function lees(l: any) {\n  return l.bsn;\n}\nexport function bewaar(l: any) {\n  localStorage.setItem('leerling', JSON.stringify(l));\n}",
    "export function bewaar(school: any) {\n  localStorage.setItem('school', JSON.stringify(school));\n  return school.naam;\n}",
  ],
  invalid: [
    { code: shapeStore, errors: [{ messageId: 'missingRetention', ...at(shapeStore, "localStorage.setItem('leerling', JSON.stringify(l))"), suggestions: insert(shapeStore, 'localStorage', ['leerlingdossier']) }] },
    { code: shapeStoreLater, errors: [{ messageId: 'missingRetention', ...at(shapeStoreLater, "localStorage.setItem('leerling', JSON.stringify(l))"), suggestions: insert(shapeStoreLater, 'localStorage', ['leerlingdossier', 'sessie']) }] },
  ],
};
ruleTester.run('require-retention (observed shapes of untyped values)', rule('require-retention'), shapeStoresTable);
typedRuleTester.run('require-retention (observed shapes of untyped values; typed)', rule('require-retention'), shapeStoresTable);

const jsShapeStore = "const AsyncStorage = require('@react-native-async-storage/async-storage').default;\nexports.bewaar = async (leerling) => {\n  await AsyncStorage.setItem('leerling', JSON.stringify(leerling));\n  return leerling.email;\n};";
ruleTester.run('require-retention (observed shapes, plain JavaScript)', rule('require-retention'), {
  valid: [{ code: jsShapeStore.replace('leerling.email', 'leerling.id'), filename: 'src/app.js' }],
  invalid: [{ code: jsShapeStore, filename: 'src/app.js', errors: [{ messageId: 'missingRetention', ...at(jsShapeStore, "AsyncStorage.setItem('leerling', JSON.stringify(leerling))"), suggestions: insert(jsShapeStore, 'await AsyncStorage', ['leerlingdossier', 'sessie']) }] }],
});
