import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as ts from 'typescript';
import { analyseFile, checkPrismaSchema, findPrismaSchema, loadCatalogue, parsePrismaSchema, parseSql, type Catalogue, type SqlStatement } from '@avglint/rules';
import { FIXTURE_CATALOGUE } from '../helpers/ruleTester';

const host = { readFile: (f: string): string | undefined => (fs.existsSync(f) ? fs.readFileSync(f, 'utf8') : undefined), fileExists: (f: string): boolean => fs.existsSync(f) };
const catalogue = loadCatalogue(FIXTURE_CATALOGUE, host).catalogue as Catalogue;

describe('parseSql', () => {
  const cases: [string, SqlStatement[]][] = [
    ['INSERT INTO leerlingen (bsn, naam) VALUES ($1, $2)', [{ verb: 'insert', table: 'leerlingen', columns: ['bsn', 'naam'] }]],
    ['insert or replace into "public"."Leerling" ("BSN", `naam`) values (?, ?)', [{ verb: 'insert', table: 'Leerling', columns: ['BSN', 'naam'] }]],
    ['INSERT INTO log VALUES (1, 2)', [{ verb: 'insert', table: 'log', columns: [] }]],
    ['UPDATE leerlingen SET adres = ?, l.postcode = lower(?) WHERE id = ?', [{ verb: 'update', table: 'leerlingen', columns: ['adres', 'postcode'] }]],
    ['CREATE TABLE IF NOT EXISTS t (id INT, bsn VARCHAR(9) NOT NULL, PRIMARY KEY (id), CONSTRAINT u UNIQUE (bsn))', [{ verb: 'create', table: 't', columns: ['id', 'bsn'] }]],
    ['-- migratie\nCREATE TEMPORARY TABLE x (naam text /* roepnaam */); ALTER TABLE x ADD COLUMN diagnose text, ADD email text', [
      { verb: 'create', table: 'x', columns: ['naam'] },
      { verb: 'alter', table: 'x', columns: ['diagnose', 'email'] },
    ]],
    ['ALTER TABLE x DROP COLUMN bsn', []],
    ['SELECT bsn FROM leerlingen', []],
    ['DELETE FROM leerlingen WHERE bsn = $1', []],
    ['not sql at all', []],
  ];
  for (const [text, expected] of cases) it(text.replace(/\s+/g, ' '), () => assert.deepEqual(parseSql(text), expected));
});

const schema = [
  'datasource db {',
  '  provider = "postgresql"',
  '}',
  '',
  '/// Leerlingen uit Somtoday.',
  '/// @retention leerlingdossier',
  'model Leerling {',
  '  id      Int      @id',
  '  bsn     String',
  '  cijfers Cijfer[]',
  '}',
  '',
  'model Cijfer {',
  '  id         Int      @id',
  '  waarde     Float    @map("cijfer")',
  '  leerling   Leerling @relation(fields: [leerlingId], references: [id])',
  '  leerlingId Int',
  '}',
  '',
  '/// @retention altijd',
  'model Beeld {',
  '  opname Bytes',
  '}',
  '',
  '/// @retention verzuim',
  'model Camera {',
  '  camerabeeld Bytes',
  '}',
  '',
  'model Lokaal {',
  '  nummer String',
  '}',
].join('\n');

describe('Prisma schemas', () => {
  it('parses models, fields, @map and the /// @retention doc comment', () => {
    const models = parsePrismaSchema(schema);
    assert.deepEqual(models.map((m) => [m.name, m.retention?.term, m.fields.map((f) => f.column ?? f.name)]), [
      ['Leerling', 'leerlingdossier', ['id', 'bsn', 'cijfers']],
      ['Cijfer', undefined, ['id', 'cijfer', 'leerling', 'leerlingId']],
      ['Beeld', 'altijd', ['opname']],
      ['Camera', 'verzuim', ['camerabeeld']],
      ['Lokaal', undefined, ['nummer']],
    ]);
  });

  it('reports models without a fitting term at their name, with fixes that insert or replace the doc comment', () => {
    const findings = checkPrismaSchema({ fileName: '/p/prisma/schema.prisma', text: schema }, catalogue);
    assert.deepEqual(
      findings.map((f) => [f.messageId, f.path[0]?.line, f.path[0]?.column, schema.slice(f.range.start, f.range.end)]),
      [
        ['missingRetention', 13, 7, 'Cijfer'],
        ['unknownTerm', 21, 7, 'Beeld'],
        ['termTooLong', 26, 7, 'Camera'],
      ],
    );
    // What to do names the Prisma schema's own doc comment, not TypeScript's JSDoc.
    assert.match(findings[0]?.message ?? '', /add `\/\/\/ @retention leerlingdossier` above the model in the Prisma schema\./u);
    const insert = findings[0]?.suggestions.map((s) => s.edits[0]?.text);
    assert.deepEqual(insert, ['/// @retention leerlingdossier\n', '/// @retention examen\n']);
    const replace = findings[2]?.suggestions[0]?.edits[0];
    assert.equal(replace && schema.slice(replace.range.start, replace.range.end), 'verzuim');
    assert.equal(replace?.text, 'camera');
  });

  it('covers Prisma Client writes to a model the schema declares, and only those', () => {
    const code = 'await prisma.leerling.create({ data: { bsn } });\nawait prisma.contact.create({ data: { email } });';
    const sourceFile = ts.createSourceFile('/p/src/a.ts', code, ts.ScriptTarget.Latest, true);
    const rules = new Set(['require-retention'] as const);
    const without = analyseFile({ sourceFile, catalogue, options: { rules } }).findings.map((f) => code.slice(f.range.start, f.range.end));
    assert.deepEqual(without, ['prisma.leerling.create({ data: { bsn } })', 'prisma.contact.create({ data: { email } })']);
    const withSchema = analyseFile({ sourceFile, catalogue, prismaSchema: { fileName: '/p/prisma/schema.prisma', text: schema }, options: { rules } }).findings.map((f) => code.slice(f.range.start, f.range.end));
    assert.deepEqual(withSchema, ['prisma.contact.create({ data: { email } })']);
  });

  it('finds the schema upward from a file, stopping at the package root', () => {
    const files = new Set(['/r/package.json', '/r/app/package.json', '/r/app/prisma/schema.prisma', '/r/other/schema.prisma']);
    const exists = { fileExists: (f: string): boolean => files.has(f) };
    assert.equal(findPrismaSchema('/r/app/src/deep/a.ts', exists), '/r/app/prisma/schema.prisma');
    assert.equal(findPrismaSchema('/r/other/a.ts', exists), '/r/other/schema.prisma');
    assert.equal(findPrismaSchema('/r/lib/a.ts', exists), undefined);
  });
});
