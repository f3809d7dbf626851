import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { analyseFile, loadCatalogue, type Catalogue, type Category, type Finding, type RetentionTerm } from '@avglint/rules';

// A catalogue like test/fixtures/project/avglint.catalogue.yaml, built in code so these tests need no loader.
const location = { file: '/project/avglint.catalogue.yaml', line: 1, column: 1 };
function term(id: string, label: string, duration: string, days: number): RetentionTerm {
  return { id, label, duration, days, starts: 'leaving-school', location };
}
function category(id: string, label: string, retention: string[], names: string[], extra: Partial<Category['match']> = {}): Category {
  return {
    id,
    label,
    special: id === 'zorgdossier',
    identifier: id === 'bsn',
    retention,
    match: { names, types: [], members: [], jsdocTags: [], brands: [], ...extra },
    restricted: false,
    location,
  };
}
const terms = [
  term('leerlingdossier', 'Leerlingdossier', 'P2Y', 730.5),
  term('verzuim', 'Verzuim', 'P5Y', 1826.25),
  term('examen', 'Centraal examen', 'P6M', 182.64),
  term('camera', 'Camerabeelden', 'P4W', 28),
  term('sessie', 'Sessie', 'P1D', 1),
];
const categories = [
  category('bsn', 'Burgerservicenummer (BSN)', ['leerlingdossier'], ['bsn', 'burgerservicenummer', 'sofinummer'], { types: ['Bsn'], members: ['Leerling.BSN'], jsdocTags: ['bsn'], brands: ['Bsn'] }),
  category('naw', 'Naam-, adres- en woonplaatsgegevens', ['leerlingdossier', 'sessie'], ['naam', 'achternaam', 'voornamen', 'roepnaam', 'adres', 'postcode', 'woonplaats', 'email']),
  category('resultaten', 'Leer-, toets- en examenresultaten', ['leerlingdossier', 'examen'], ['cijfer', 'cijfers', 'toetsresultaat'], { types: ['Toetsresultaat'] }),
  category('zorgdossier', 'Speciaal zorgdossier', ['leerlingdossier'], ['diagnose', 'handelingsplan'], { types: ['Zorgdossier'], jsdocTags: ['zorg'] }),
  category('camerabeelden', 'Camerabeelden', ['camera'], ['camerabeeld', 'opname']),
];
const catalogue: Catalogue = {
  files: [location.file],
  root: '/project',
  categories: new Map(categories.map((c) => [c.id, c])),
  processors: new Map(),
  retention: new Map(terms.map((t) => [t.id, t])),
  roles: new Map(),
  purposes: new Map(),
  access: new Map(),
  sanitisers: [],
};

const FILE = '/project/src/store.ts';

function analyse(text: string, program?: ts.Program): { sf: ts.SourceFile; findings: readonly Finding[] } {
  const sf = program?.getSourceFile(FILE) ?? ts.createSourceFile(FILE, text, ts.ScriptTarget.Latest, true);
  const result = analyseFile({ sourceFile: sf, ...(program ? { program } : {}), catalogue, options: { rules: new Set(['require-retention']) } });
  assert.deepEqual(result.problems, []);
  return { sf, findings: result.findings };
}

/** [messageId, reported text, categories] per finding. */
function retention(text: string): [string, string, string[]][] {
  const { sf, findings } = analyse(text);
  return findings.map((f) => [f.messageId, sf.text.slice(f.range.start, f.range.end), [...f.categories]]);
}

/** Parsed default-library files, shared between programs so each typed case does not parse lib.d.ts again. */
const libraryFiles = new Map<string, ts.SourceFile>();

/** A program over in-memory files (plus the real default library), for type-aware cases. */
function programOf(files: Record<string, string>): ts.Program {
  const options: ts.CompilerOptions = { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.Node16, moduleResolution: ts.ModuleResolutionKind.Node16, strict: true, noEmit: true, experimentalDecorators: true, types: [] };
  const host = ts.createCompilerHost(options, true);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  host.readFile = (name) => files[name] ?? readFile(name);
  host.fileExists = (name) => name in files || fileExists(name);
  const directoryExists = host.directoryExists?.bind(host);
  host.directoryExists = (name) => Object.keys(files).some((f) => f.startsWith(`${name}/`)) || (directoryExists?.(name) ?? false);
  host.getSourceFile = (name, languageVersion) => {
    const own = files[name];
    if (own !== undefined) return ts.createSourceFile(name, own, languageVersion, true);
    let library = libraryFiles.get(name);
    if (!library) {
      const text = readFile(name);
      if (text === undefined) return undefined;
      library = ts.createSourceFile(name, text, languageVersion, true);
      libraryFiles.set(name, library);
    }
    return library;
  };
  return ts.createProgram(Object.keys(files), options, host);
}

describe('require-retention: storage declarations (through analyseFile)', () => {
  it('TypeORM/MikroORM entity with catalogued columns, at the class name', () => {
    const text = [
      "import { Entity, Column, PrimaryGeneratedColumn } from 'typeorm';",
      '@Entity()',
      'export class Leerling {',
      '  @PrimaryGeneratedColumn() id!: number;',
      '  @Column() bsn!: string;',
      "  @Column({ name: 'achternaam' }) familyName!: string;",
      '  notAColumn = "diagnose";',
      '}',
    ].join('\n');
    assert.deepEqual(retention(text), [['missingRetention', 'Leerling', ['bsn', 'naw']]]);
  });

  it('entity columns found by JSDoc tag and by type name; MikroORM @Property', () => {
    const text = [
      '@Entity()',
      'class Dossier {',
      '  /** @zorg */ @Property() notities!: string;',
      '  @Property() cijfer!: Toetsresultaat;',
      '}',
    ].join('\n');
    assert.deepEqual(retention(text), [['missingRetention', 'Dossier', ['resultaten', 'zorgdossier']]]);
  });

  it('an entity without catalogued columns, or a class that is not an entity, is not reported', () => {
    assert.deepEqual(retention('@Entity() class Lokaal { @Column() nummer!: string; }\nclass Leerling { @Column() bsn!: string; }'), []);
  });

  it('accepts `@retention` with a term from the catalogue, before or after the decorators', () => {
    assert.deepEqual(retention('/** Leerlingen. @retention leerlingdossier */\n@Entity()\nclass Leerling { @Column() bsn!: string; }'), []);
    assert.deepEqual(retention('@Entity()\n/** @retention leerlingdossier */\nexport class Leerling { @Column() bsn!: string; }'), []);
  });

  it('reports a term that is not in the catalogue, and an empty tag', () => {
    assert.deepEqual(retention('/** @retention altijd */\n@Entity() class Leerling { @Column() bsn!: string; }'), [['unknownTerm', 'Leerling', ['bsn']]]);
    const { findings } = analyse('/** @retention */\n@Entity() class Leerling { @Column() bsn!: string; }');
    assert.equal(findings[0]?.messageId, 'unknownTerm');
    assert.equal(findings[0]?.data['term'], '(empty)');
  });

  it('reports a term longer than the strictest stored category allows', () => {
    const { findings } = analyse('/** @retention verzuim */\n@Entity() class Opname { @Column() camerabeeld!: string; @Column() bsn!: string; }');
    assert.equal(findings.length, 1);
    const [finding] = findings;
    assert.equal(finding?.messageId, 'termTooLong');
    assert.equal(finding?.data['category'], 'Camerabeelden');
    assert.equal(finding?.data['term'], 'verzuim');
    assert.equal(finding?.data['termDuration'], 'P5Y');
    assert.equal(finding?.data['suggested'], 'camera');
    assert.equal(finding?.summary, 'Camerabeelden → entity `Opname` (TypeORM/MikroORM): verzuim too long');
  });

  it('a term within the strictest category’s longest term passes, even if it is another category’s term', () => {
    assert.deepEqual(retention('/** @retention examen */\n@Entity() class Cijfer { @Column() cijfer!: number; @Column() naam!: string; }'), []);
    assert.deepEqual(retention('/** @retention sessie */\n@Entity() class Sessie { @Column() naam!: string; }'), []);
  });

  it('Sequelize define, at the variable; Model.init, at the class; field names count', () => {
    const text = [
      "const Leerling = sequelize.define('Leerling', { bsn: DataTypes.STRING, id: DataTypes.INTEGER });",
      "sequelize.define('Adres', { straat: { type: DataTypes.STRING, field: 'postcode' } });",
      'class Cijfer extends Model {}',
      'Cijfer.init({ cijfer: DataTypes.FLOAT }, { sequelize });',
      "Other.init({ cijfer: 1 }, { modelName: 'x' });",
    ].join('\n');
    assert.deepEqual(retention(text), [
      ['missingRetention', 'Leerling', ['bsn']],
      ['missingRetention', "sequelize.define('Adres', { straat: { type: DataTypes.STRING, field: 'postcode' } })", ['naw']],
      ['missingRetention', 'Cijfer', ['resultaten']],
    ]);
    assert.deepEqual(retention('class Cijfer extends Model {}\n/** @retention examen */\nCijfer.init({ cijfer: DataTypes.FLOAT }, { sequelize });'), []);
  });

  it('Mongoose Schema (plain and mongoose.Schema), nested subdocuments, at the variable', () => {
    const text = [
      'const leerlingSchema = new Schema({ bsn: { type: String, required: true } });',
      'export const adresSchema = new mongoose.Schema({ ouder: { woonplaats: String } });',
      'const lokaalSchema = new Schema({ nummer: String });',
    ].join('\n');
    assert.deepEqual(retention(text), [
      ['missingRetention', 'leerlingSchema', ['bsn']],
      ['missingRetention', 'adresSchema', ['naw']],
    ]);
    assert.deepEqual(retention('/** @retention leerlingdossier */\nconst s = new Schema({ bsn: String });'), []);
  });

  it('TypeORM/MikroORM EntitySchema, by column key (and `name` option) and by its type argument', () => {
    const text = [
      "export const LeerlingSchema = new EntitySchema<Leerling>({ name: 'leerling', columns: { id: { type: Number, primary: true }, nummer: { type: String, name: 'bsn' } } });",
      "const ContactSchema = new EntitySchema({ name: 'contact', properties: { email: { type: 'string' } } });",
      "const Typed = new EntitySchema<Zorgdossier>({ name: 'dossier', columns: {} });",
      "const Lokaal = new EntitySchema({ name: 'lokaal', columns: { nummer: { type: String } } });",
    ].join('\n');
    assert.deepEqual(retention(text), [
      ['missingRetention', 'LeerlingSchema', ['bsn']],
      ['missingRetention', 'ContactSchema', ['naw']],
      ['missingRetention', 'Typed', ['zorgdossier']],
    ]);
  });

  it('Drizzle tables, by key and by the column builder’s name', () => {
    const text = [
      "export const leerlingen = pgTable('leerlingen', { id: serial('id'), nummer: varchar('burgerservicenummer', { length: 9 }).notNull() });",
      "const x = mysqlTable('x', { naam: text('naam') });",
      "const y = sqliteTable('y', { id: integer('id') });",
    ].join('\n');
    assert.deepEqual(retention(text), [
      ['missingRetention', 'leerlingen', ['bsn']],
      ['missingRetention', 'x', ['naw']],
    ]);
  });

  it('knex createTable, at the call; Kysely createTable().addColumn(), at the createTable call', () => {
    const text = [
      "await knex.schema.createTable('leerlingen', (t) => { t.increments('id'); t.string('bsn', 9).notNullable(); t.index(['naam']); });",
      "await db.schema.createTable('cijfers').addColumn('id', 'serial').addColumn('cijfer', 'real').execute();",
      "await db.schema.createTable('lokalen').addColumn('nummer', 'text').execute();",
    ].join('\n');
    assert.deepEqual(retention(text), [
      ['missingRetention', "knex.schema.createTable('leerlingen', (t) => { t.increments('id'); t.string('bsn', 9).notNullable(); t.index(['naam']); })", ['bsn']],
      ['missingRetention', "db.schema.createTable('cijfers')", ['resultaten']],
    ]);
    assert.deepEqual(retention("/** @retention leerlingdossier */\nawait knex.schema.createTable('l', (t) => { t.string('bsn'); });"), []);
  });
});

describe('require-retention: writes (through analyseFile)', () => {
  it('fs writes from fs, node:fs and fs/promises, in every import form', () => {
    const text = [
      "import * as fs from 'node:fs';",
      "import { appendFileSync as append } from 'fs';",
      "import fsp from 'fs/promises';",
      "const { writeFile } = require('fs/promises');",
      "fs.writeFileSync('out.json', JSON.stringify({ bsn: leerling.bsn }));",
      "append('log.txt', `${naam}\\n`);",
      "await fsp.appendFile('x', cijfer);",
      'await writeFile(pad, { postcode });',
      "await fs.promises.writeFile('bsn.txt', data);",
      "fs.writeFileSync('lokalen.json', lokalen);",
      "other.writeFile('x', bsn);",
    ].join('\n');
    assert.deepEqual(
      retention(text).map(([id, t, c]) => [id, t.slice(0, 20), c]),
      [
        ['missingRetention', "fs.writeFileSync('ou", ['bsn']],
        ['missingRetention', "append('log.txt', `$", ['naw']],
        ['missingRetention', "fsp.appendFile('x', ", ['resultaten']],
        ['missingRetention', 'writeFile(pad, { pos', ['naw']],
        ['missingRetention', "fs.promises.writeFil", ['bsn']],
      ],
    );
  });

  it('the tag goes on the statement of the write, or on the declaration that holds it', () => {
    const text = [
      "import * as fs from 'fs';",
      '/** @retention sessie */',
      "fs.writeFileSync('x', naam);",
      '/** @retention leerlingdossier */',
      "const save = (bsn: string) => fs.writeFileSync('x', bsn);",
    ].join('\n');
    assert.deepEqual(retention(text), []);
  });

  it('a tag on the function or method around a write covers it', () => {
    const text = [
      "import * as fs from 'fs';",
      '/** @retention sessie */',
      'export async function bewaar() {',
      "  if (x) { await fs.promises.writeFile('x', naam); }",
      '}',
      'class Export {',
      '  /** @retention leerlingdossier */',
      '  schrijf() { [1].forEach(() => fs.writeFileSync("y", bsn)); }',
      '}',
      '/** @retention leerlingdossier */',
      'const opslaan = function () { localStorage.setItem("bsn", bsn); };',
      'function zonder() {',
      "  fs.writeFileSync('z', bsn);",
      '}',
    ].join('\n');
    assert.deepEqual(retention(text).map(([id, t]) => [id, t]), [['missingRetention', "fs.writeFileSync('z', bsn)"]]);
    // The function's term is judged like any other: too long for camera images.
    assert.deepEqual(retention("import * as fs from 'fs';\n/** @retention verzuim */\nfunction f() { fs.writeFileSync('x', opname); }").map(([id]) => id), ['termTooLong']);
  });

  it('localStorage by key and by value; sessionStorage ends with the session and needs no tag', () => {
    const text = ["localStorage.setItem('bsn', x);", "window.sessionStorage.setItem('k', JSON.stringify({ naam }));", "localStorage.setItem('theme', 'dark');", "map.setItem('bsn', x);"].join('\n');
    assert.deepEqual(retention(text).map(([id, t, c]) => [id, t, c]), [
      ['missingRetention', "localStorage.setItem('bsn', x)", ['bsn']],
    ]);
  });

  it('a method every object inherits (`hasOwnProperty`, `valueOf`) is no write, and the file’s other writes are still judged', () => {
    // The store tables were indexed by the method's name, so `methods['hasOwnProperty']` found Object.prototype's
    // function and the check failed on the file (`write.values is not iterable`).
    const text = [
      "localStorage.hasOwnProperty('bsn');",
      "app.get('/', (req, res) => res.hasOwnProperty('naam'));",
      "db.collection('leerlingen').valueOf({ bsn });",
      'db.leerlingen.constructor({ bsn });',
      "prisma.leerling.toString({ data: { bsn } });",
      "localStorage.setItem('bsn', x);",
    ].join('\n');
    assert.deepEqual(retention(text), [['missingRetention', "localStorage.setItem('bsn', x)", ['bsn']]]);
  });

  it('Redis: set without TTL needs a tag; a TTL within the term is enough; a longer TTL is ttlTooLong', () => {
    const text = [
      "import Redis from 'ioredis';",
      'const cache = new Redis();',
      'const DAG = 60 * 60 * 24;',
      "await cache.set(`l:${id}`, bsn);", // no TTL
      "await cache.set('k', bsn, 'EX', DAG * 365);", // within P2Y
      "await cache.set('k', naam, 'EX', 60 * 60 * 24 * 2);", // naw allows P2Y: within
      "await cache.setex('k', DAG * 30, camerabeeld);", // camera P4W = 28 days: too long
      "await redisClient.set('k', opname, { EX: 3600 * 24 * 29 });", // node-redis form, too long
      "await cache.set('k', opname, 'PX', 1000 * 60);", // one minute: fine
      "await cache.set('k', opname, 'EX', ttl);", // unresolvable: trusted
      "await cache.hset('leerling:1', 'bsn', x);",
      "await cache.hset('leerling:1', { cijfer: 8 });",
      "const m = new Map(); m.set('bsn', bsn);",
    ].join('\n');
    assert.deepEqual(retention(text).map(([id, t]) => [id, t]), [
      ['missingRetention', 'cache.set(`l:${id}`, bsn)'],
      ['ttlTooLong', "cache.setex('k', DAG * 30, camerabeeld)"],
      ['ttlTooLong', "redisClient.set('k', opname, { EX: 3600 * 24 * 29 })"],
      ['missingRetention', "cache.hset('leerling:1', 'bsn', x)"],
      ['missingRetention', "cache.hset('leerling:1', { cijfer: 8 })"],
    ]);
    const { findings } = analyse("await redis.setex('k', 60 * 60 * 24 * 30, opname);");
    assert.equal(findings[0]?.data['ttl'], '2592000 s (30 days)');
  });

  it('more import and client forms: require destructuring, import =, psetex, node-redis 5 expiration, minio', () => {
    const text = [
      "const { appendFile: append } = require('node:fs');",
      "import fs2 = require('fs');",
      "const fsp = require('fs').promises;",
      "append('a', leerling['postcode']);",
      "fs2.writeFileSync('b', ok ? bsn : null);",
      "fsp.writeFile('c', `${cijfer}`);",
      "await redis.psetex('k', 1000 * 60 * 60 * 24 * 29, opname);", // 29 days in ms: too long for camera (28)
      "await redis.set('k', opname, { expiration: { type: 'EX', value: 60 } });", // node-redis 5, one minute
      "await redis.set('k', opname, { expiration: { type: 'EX', value: 60 * 60 * 24 * 365 } });",
      "await minio.putObject('bucket', 'naam.json', JSON.stringify({ diagnose }));",
    ].join('\n');
    assert.deepEqual(retention(text).map(([id, t, c]) => [id, t.slice(0, 14), c]), [
      ['missingRetention', "append('a', le", ['naw']],
      ['missingRetention', "fs2.writeFileS", ['bsn']],
      ['missingRetention', "fsp.writeFile(", ['resultaten']],
      ['ttlTooLong', "redis.psetex('", ['camerabeelden']],
      ['ttlTooLong', "redis.set('k',", ['camerabeelden']],
      ['missingRetention', 'minio.putObjec', ['zorgdossier']],
    ]);
  });

  it('Kysely alterTable().addColumn()/modifyColumn() and knex withSchema() are schema changes too', () => {
    const text = [
      "await db.schema.alterTable('leerling').modifyColumn('bsn', 'char(9)').execute();",
      "await knex.schema.withSchema('school').table('leerling', (t) => { t.string('email'); t.dropColumn('bsn'); });",
    ].join('\n');
    assert.deepEqual(retention(text).map(([id, t, c]) => [id, t.slice(0, 30), c]), [
      ['missingRetention', "db.schema.alterTable('leerling", ['bsn']],
      ['missingRetention', "knex.schema.withSchema('school", ['naw']],
    ]);
  });

  it('S3 putObject and PutObjectCommand, by Body', () => {
    const text = [
      "await s3.putObject({ Bucket: 'b', Key: 'k', Body: JSON.stringify({ bsn }) }).promise();",
      "await client.send(new PutObjectCommand({ Bucket: 'b', Key: 'k', Body: handelingsplan }));",
      "await client.send(new PutObjectCommand({ Bucket: 'b', Key: 'bsn', Body: logo }));",
    ].join('\n');
    assert.deepEqual(retention(text).map(([id, t, c]) => [id, t.slice(0, 24), c]), [
      ['missingRetention', "s3.putObject({ Bucket: '", ['bsn']],
      ['missingRetention', 'new PutObjectCommand({ B', ['zorgdossier']],
    ]);
  });
});

describe('require-retention: what a write stores, through the flow analysis', () => {
  it('follows the written value back through map/join and variables, and puts the path in the finding', () => {
    const text = [
      "import { writeFile } from 'node:fs/promises';",
      'export async function exporteer(leerlingen: { roepnaam: string; id: number }[]) {',
      "  const regels = leerlingen.map((l) => [l.id, l.roepnaam].join(';'));",
      "  await writeFile('export.csv', regels.join('\\n'));",
      '}',
    ].join('\n');
    const { sf, findings } = analyse(text);
    assert.equal(findings.length, 1);
    const [finding] = findings;
    assert.deepEqual(finding?.categories, ['naw']);
    const path = finding?.path ?? [];
    assert.equal(path[0]?.kind, 'source');
    assert.equal(sf.text.slice(path[0]?.range.start, path[0]?.range.end), 'l.roepnaam');
    assert.equal(path.at(-1)?.kind, 'sink');
    assert.equal(sf.text.slice(path.at(-1)?.range.start, path.at(-1)?.range.end), "writeFile('export.csv', regels.join('\\n'))");
  });
});

describe('require-retention: messages and suggestions', () => {
  it('missingRetention says what, why and what to do, with one suggestion per allowed term', () => {
    const text = "import * as fs from 'fs';\nfunction f() {\n  fs.writeFileSync('x', naam);\n}";
    const { sf, findings } = analyse(text);
    const [finding] = findings;
    assert.ok(finding);
    assert.equal(
      finding.message,
      'Naam-, adres- en woonplaatsgegevens → `fs.writeFileSync`: no bewaartermijn\n' +
        'Why: the catalogue allows `leerlingdossier` (Leerlingdossier, P2Y) or `sessie` (Sessie, P1D) for Naam-, adres- en woonplaatsgegevens.\n' +
        // A write is no declaration: the tag goes above the statement (the mixed phrase "to the declaration" is gone).
        'What to do: add `/** @retention leerlingdossier */` above the statement that stores (or the function around it).',
    );
    assert.deepEqual(finding.suggestions.map((s) => s.message), ['Add `@retention leerlingdossier` (Leerlingdossier, P2Y)', 'Add `@retention sessie` (Sessie, P1D)']);
    const edit = finding.suggestions[1]?.edits[0];
    assert.ok(edit);
    const applied = sf.text.slice(0, edit.range.start) + edit.text + sf.text.slice(edit.range.end);
    assert.equal(applied, "import * as fs from 'fs';\nfunction f() {\n  /** @retention sessie */\n  fs.writeFileSync('x', naam);\n}");
    assert.deepEqual(retention(applied), []);
  });

  it('suggestions offer the terms listed for every stored category, else the strictest category’s', () => {
    const suggested = (text: string): (string | undefined)[] => analyse(text).findings[0]?.suggestions.map((s) => s.data?.['term']) ?? [];
    assert.deepEqual(suggested('@Entity() class Opname { @Column() camerabeeld!: string; @Column() naam!: string; }'), ['camera']);
    assert.deepEqual(suggested('@Entity() class L { @Column() bsn!: string; @Column() naam!: string; }'), ['leerlingdossier']);
    assert.deepEqual(suggested('@Entity() class L { @Column() cijfer!: number; @Column() naam!: string; }'), ['leerlingdossier']);
    assert.deepEqual(suggested('@Entity() class L { @Column() cijfer!: number; }'), ['leerlingdossier', 'examen']);
  });

  it('unknownTerm and termTooLong suggestions replace the term in the tag', () => {
    const text = '/** @retention verzuim */\n@Entity()\nclass Leerling { @Column() bsn!: string; }';
    const { sf, findings } = analyse(text);
    const edit = findings[0]?.suggestions[0]?.edits[0];
    assert.ok(edit);
    assert.equal(sf.text.slice(0, edit.range.start) + edit.text + sf.text.slice(edit.range.end), text.replace('verzuim', 'leerlingdossier'));
    const empty = analyse('/** @retention */\nconst s = new Schema({ bsn: String });');
    const fix = empty.findings[0]?.suggestions[0]?.edits[0];
    assert.ok(fix);
    assert.equal(empty.sf.text.slice(0, fix.range.start) + fix.text + empty.sf.text.slice(fix.range.end), '/** @retention leerlingdossier */\nconst s = new Schema({ bsn: String });');
  });
});

describe('require-retention: with type information', () => {
  const types = [
    'export type Bsn = string & { readonly __brand: "Bsn" };',
    'export interface Adres { postcode: string }',
    'export interface Leerling { BSN: string; roepnaam: string; adres: Adres }',
    'export interface Lokaal { nummer: string }',
    'export interface Cijferlijst { regels: { waarde: Toetsresultaat }[] }',
    'export interface Toetsresultaat { score: number }',
    'export interface Kenmerk { id: Bsn }',
  ].join('\n');

  it('a written value typed with a catalogued interface stores its members’ categories', () => {
    const text = [
      "import * as fs from 'fs';",
      "import type { Leerling, Lokaal, Cijferlijst, Kenmerk } from './types';",
      'declare const leerling: Leerling; declare const lokaal: Lokaal; declare const lijst: Cijferlijst; declare const k: Kenmerk;',
      "fs.writeFileSync('a', JSON.stringify(leerling));",
      "fs.writeFileSync('b', JSON.stringify(lokaal));",
      "fs.writeFileSync('c', JSON.stringify(lijst));",
      "localStorage.setItem('k', String(k.id));",
    ].join('\n');
    const program = programOf({ [FILE]: text, '/project/src/types.ts': types });
    const { sf, findings } = analyse(text, program);
    assert.deepEqual(
      findings.map((f) => [sf.text.slice(f.range.start, f.range.end).slice(0, 21), [...f.categories]]),
      [
        ["fs.writeFileSync('a',", ['bsn', 'naw']],
        ["fs.writeFileSync('c',", ['resultaten']],
        ["localStorage.setItem(", ['bsn']],
      ],
    );
  });

  it('an entity column typed with an object type counts its data members, not its methods', () => {
    const text = [
      "import type { Adres } from './types';",
      'interface Rapport { titel: string; naam(): string }',
      '@Entity() class Brief { @Column() inhoud!: Rapport; }',
      '@Entity() class Post { @Column() aan!: Adres; }',
    ].join('\n');
    const program = programOf({ [FILE]: text, '/project/src/types.ts': types });
    const { sf, findings } = analyse(text, program);
    assert.deepEqual(findings.map((f) => [sf.text.slice(f.range.start, f.range.end), [...f.categories]]), [['Post', ['naw']]]);
  });

  it('an entity member typed with a catalogued type, and a Redis TTL from a typed constant', () => {
    const text = [
      "import type { Toetsresultaat } from './types';",
      "import Redis from 'ioredis';",
      'declare const TTL: 5000000;',
      'declare const r: Redis;',
      '@Entity() class Uitslag { @Column() waarde!: Toetsresultaat; }',
      "r.set('k', opname, 'EX', TTL);",
    ].join('\n');
    const program = programOf({ [FILE]: text, '/project/src/types.ts': types, '/project/node_modules/ioredis/index.d.ts': 'export default class Redis { set(...a: unknown[]): Promise<unknown> }' });
    const { sf, findings } = analyse(text, program);
    assert.deepEqual(findings.map((f) => [f.messageId, sf.text.slice(f.range.start, f.range.end)]), [
      ['missingRetention', 'Uitslag'],
      ['ttlTooLong', "r.set('k', opname, 'EX', TTL)"],
    ]);
  });

  it('Ionic Storage and ngx-cookie-service by the type of an injected field (a name like `storage` is not enough)', () => {
    const text = [
      "import { Storage } from '@ionic/storage-angular';",
      "import { CookieService } from 'ngx-cookie-service';",
      'export class Profiel {',
      '  constructor(private storage: Storage, private koekjes: CookieService, private opslag: { set(k: string, v: string): void }) {}',
      '  bewaar(adres: string, opname: string) {',
      "    void this.storage.set('adres', adres);",
      "    this.koekjes.set('beeld', opname, { expires: 60 });",
      "    this.opslag.set('adres', adres);",
      '  }',
      '}',
    ].join('\n');
    const program = programOf({
      [FILE]: text,
      '/project/node_modules/@ionic/storage-angular/index.d.ts': 'export declare class Storage { set(key: string, value: unknown): Promise<unknown> }',
      '/project/node_modules/ngx-cookie-service/index.d.ts': 'export declare class CookieService { set(name: string, value: string, expires?: number | { expires?: number }): void }',
    });
    const { sf, findings } = analyse(text, program);
    assert.deepEqual(findings.map((f) => [f.messageId, sf.text.slice(f.range.start, f.range.end)]), [
      ['missingRetention', "this.storage.set('adres', adres)"],
      ['ttlTooLong', "this.koekjes.set('beeld', opname, { expires: 60 })"],
    ]);
  });
});

describe('require-retention: with the shared test catalogue from YAML', () => {
  const yaml = path.resolve(__dirname, '..', '..', 'fixtures', 'project', 'avglint.catalogue.yaml');
  const host = { readFile: (f: string) => (fs.existsSync(f) ? fs.readFileSync(f, 'utf8') : undefined), fileExists: (f: string) => fs.existsSync(f) };

  it('judges terms by the durations the loader computes', () => {
    const { catalogue: loaded, problems } = loadCatalogue(yaml, host);
    assert.deepEqual(problems.filter((p) => p.severity === 'error'), []);
    assert.ok(loaded);
    const run = (text: string): string[] => {
      const sf = ts.createSourceFile(path.join(path.dirname(yaml), 'src', 'store.ts'), text, ts.ScriptTarget.Latest, true);
      return analyseFile({ sourceFile: sf, catalogue: loaded, options: { rules: new Set(['require-retention']) } }).findings.map((f) => `${f.messageId}:${(f.suggestions.map((s) => s.data?.['term'])).join('|')}`);
    };
    // resultaten allows leerlingdossier (P2Y) and examen (P6M); camerabeelden only camera (P4W).
    assert.deepEqual(run('/** @retention examen */\nconst t = pgTable("t", { cijfer: real("cijfer") });'), []);
    assert.deepEqual(run('/** @retention examen */\nconst t = pgTable("t", { cijfer: real("c"), opname: text("o") });'), ['termTooLong:camera']);
    assert.deepEqual(run('const t = pgTable("t", { cijfer: real("cijfer") });'), ['missingRetention:leerlingdossier|examen']);
  });
});
