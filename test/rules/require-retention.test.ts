import { at } from '../helpers/positions';
import { rule, ruleTester, typedRuleTester } from '../helpers/ruleTester';

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
const session = "window.sessionStorage.setItem('k', JSON.stringify({ cijfer }));";
const redisNoTtl = "import Redis from 'ioredis';\nconst cache = new Redis();\nawait cache.set(`leerling:${id}`, bsn);";
const redisLong = "import { createClient } from 'redis';\nconst client = createClient();\nawait client.set('beeld', opname, { EX: 60 * 60 * 24 * 30 });";
const redisSetex = "await redis.setex('beeld', 60 * 60 * 24 * 29, camerabeeld);";
const redisHset = "await redis.hset(`leerling:${id}`, 'bsn', bsn);";
const s3v2 = "await s3.putObject({ Bucket: 'export', Key: 'k', Body: JSON.stringify({ handelingsplan }) }).promise();";
const s3v3 = "import { PutObjectCommand } from '@aws-sdk/client-s3';\nawait client.send(new PutObjectCommand({ Bucket: 'export', Key: 'k', Body: diagnose }));";
const unknown = '/** @retention altijd */\n@Entity()\nclass Leerling { @Column() bsn!: string; }';
const tooLong = '/** @retention verzuim */\n@Entity()\nclass Beeld { @Column() opname!: string; @Column() naam!: string; }';

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
    "const m = new Map(); m.set('bsn', bsn);", // a Map is not Redis
    "await s3.putObject({ Bucket: 'b', Key: 'logo.png', Body: logo });",
  ],
  invalid: [
    {
      code: entity,
      errors: [{ messageId: 'missingRetention', data: { store: 'entity `Leerling` (TypeORM/MikroORM)', category: 'Burgerservicenummer (BSN)', allowed: '`leerlingdossier` (Leerlingdossier, P2Y)', suggested: 'leerlingdossier' }, ...at(entity, 'Leerling'), suggestions: insert(entity, '@Entity()', ['leerlingdossier']) }],
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
      errors: [{ messageId: 'missingRetention', data: { store: '`writeFileSync`', category: 'Burgerservicenummer (BSN)', allowed: '`leerlingdossier` (Leerlingdossier, P2Y)', suggested: 'leerlingdossier' }, ...at(fsWrite, "writeFileSync('export.json', JSON.stringify({ bsn }))"), suggestions: insert(fsWrite, "writeFileSync('", ['leerlingdossier']) }],
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
      code: session,
      errors: [{ messageId: 'missingRetention', ...at(session, "window.sessionStorage.setItem('k', JSON.stringify({ cijfer }))"), suggestions: insert(session, 'window', ['leerlingdossier', 'examen']) }],
    },
    {
      code: redisNoTtl,
      errors: [{ messageId: 'missingRetention', ...at(redisNoTtl, 'cache.set(`leerling:${id}`, bsn)'), suggestions: insert(redisNoTtl, 'await', ['leerlingdossier']) }],
    },
    {
      code: redisLong,
      errors: [{ messageId: 'ttlTooLong', data: { store: 'Redis `set`', category: 'Camerabeelden', ttl: '2592000 s (30 days)', allowed: '`camera` (Camerabeelden, P4W)' }, ...at(redisLong, "client.set('beeld', opname, { EX: 60 * 60 * 24 * 30 })"), suggestions: [] }],
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
    {
      code: unknown,
      errors: [{ messageId: 'unknownTerm', data: { term: 'altijd', allowed: '`leerlingdossier` (Leerlingdossier, P2Y)' }, ...at(unknown, 'Leerling'), suggestions: replace(unknown, 'altijd', ['leerlingdossier']) }],
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

typedRuleTester.run('require-retention (typed)', rule('require-retention'), {
  valid: [
    { code: "import { writeFileSync } from 'fs';\nimport { lokaal } from './store-types';\nwriteFileSync('x', JSON.stringify(lokaal));", filename: 'src/store-typed.ts' },
    { code: "import { writeFileSync } from 'fs';\nimport { leerling } from './store-types';\n/** @retention leerlingdossier */\nwriteFileSync('x', JSON.stringify(leerling));", filename: 'src/store-typed.ts' },
  ],
  invalid: [
    {
      // Writing a `Leerling` writes its BSN, name and address; `Toetsresultaat[]` are results; a `Lokaal` is nobody's.
      code: typedWrite,
      filename: 'src/store-typed.ts',
      errors: [
        {
          messageId: 'missingRetention',
          data: { store: '`writeFileSync`', category: 'Burgerservicenummer (BSN), Naam-, adres- en woonplaatsgegevens', allowed: '`leerlingdossier` (Leerlingdossier, P2Y)', suggested: 'leerlingdossier' },
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
    {
      code: typedBrand,
      filename: 'src/store-typed.ts',
      errors: [{ messageId: 'missingRetention', ...at(typedBrand, "localStorage.setItem('k', leerlingBsn)"), suggestions: insert(typedBrand, 'localStorage', ['leerlingdossier']) }],
    },
  ],
});
