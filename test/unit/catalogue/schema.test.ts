/**
 * The schema editors read (rules/schema/catalogue.schema.json) is the one the loader uses, every key explains itself
 * for hovers, and durations and dates parse as documented.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { allowedCatalogueKeys, CATALOGUE_SCHEMA, describeCatalogueKey, parseDuration, parseIsoDate } from '@avglint/rules';

const SCHEMA_FILE = path.resolve(__dirname, '../../../../rules/schema/catalogue.schema.json');
const VALIDATOR_SCRIPT = path.resolve(__dirname, '../../../../rules/scripts/build-validator.mjs');

describe('catalogue schema', () => {
  it('ships the same schema the loader uses', () => {
    const shipped: unknown = JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8'));
    assert.deepEqual(
      shipped,
      JSON.parse(JSON.stringify(CATALOGUE_SCHEMA)),
      'rules/schema/catalogue.schema.json differs from rules/src/catalogue/schema.ts. Regenerate it after `npx tsc -b rules`: node -e "fs.writeFileSync(\'rules/schema/catalogue.schema.json\', JSON.stringify(require(\'./rules\').CATALOGUE_SCHEMA, null, 2) + \'\\n\')"',
    );
  });

  it('validates with code compiled from this very schema (the generated catalogueValidator.ts is not stale)', async () => {
    // The script that generated the committed module compiles the loader's schema again; the texts must be equal.
    const script = (await import(pathToFileURL(VALIDATOR_SCRIPT).href)) as { VALIDATOR_FILE: string; validatorSource: (schema: unknown) => string };
    // Compared as one boolean: the module is a single 110 kB line, and the diff of two would bury the message.
    assert.ok(
      fs.readFileSync(script.VALIDATOR_FILE, 'utf8') === script.validatorSource(JSON.parse(JSON.stringify(CATALOGUE_SCHEMA))),
      'rules/src/catalogue/catalogueValidator.ts was not generated from the current schema: run `node rules/scripts/build-validator.mjs`.',
    );
  });

  it('describes every key, and forbids keys it does not know, everywhere', () => {
    const visit = (node: unknown, where: string): void => {
      if (node === null || typeof node !== 'object') return;
      const record = node as Record<string, unknown>;
      const properties = record['properties'] as Record<string, Record<string, unknown>> | undefined;
      if (properties) {
        assert.equal(record['additionalProperties'], false, `${where} must set additionalProperties: false`);
        for (const [key, child] of Object.entries(properties)) {
          assert.ok(typeof child['description'] === 'string' || typeof child['$ref'] === 'string', `${where}.${key} has no description`);
          visit(child, `${where}.${key}`);
        }
      }
      for (const key of ['additionalProperties', 'items']) visit(record[key], `${where}[${key}]`);
    };
    visit(CATALOGUE_SCHEMA, 'catalogue');
    for (const [name, def] of Object.entries(CATALOGUE_SCHEMA.$defs)) {
      assert.ok(typeof def.description === 'string', `$defs.${name} has no description`);
      visit(def, name);
    }
  });

  it('lists the keys allowed at a path, for completion', () => {
    assert.deepEqual([...allowedCatalogueKeys(['categories', 'bsn', 'match'])], ['names', 'types', 'members', 'jsdocTags', 'brands', 'notPersons']);
    assert.ok(allowedCatalogueKeys([]).includes('categories'));
    assert.deepEqual([...allowedCatalogueKeys(['categories', 'bsn', 'label'])], []);
  });

  it('explains a key path for hovers, skipping the FG’s own ids', () => {
    assert.match(describeCatalogueKey(['categories']) ?? '', /categories of personal data/);
    assert.match(describeCatalogueKey(['categories', 'bsn']) ?? '', /A category of personal data/);
    assert.match(describeCatalogueKey(['categories', 'bsn', 'retention']) ?? '', /bewaartermijn/);
    assert.match(describeCatalogueKey(['categories', 'bsn', 'match', 'names']) ?? '', /synonyms/);
    assert.match(describeCatalogueKey(['processors', 'duo', 'agreement', 'ends']) ?? '', /YYYY-MM-DD/);
    assert.match(describeCatalogueKey(['sanitisers', 0, 'produces']) ?? '', /instead/);
    assert.match(describeCatalogueKey(['retention', 'x', 'starts']) ?? '', /leaving-school/);
    assert.match(describeCatalogueKey(['extends', 0]) ?? '', /relative path/, 'a list item is explained by its list');
    assert.match(describeCatalogueKey(['processors', 'duo', 'receives', 1]) ?? '', /may receive/);
    assert.match(describeCatalogueKey(['subjects', 'notPersons']) ?? '', /never persons/);
    assert.equal(describeCatalogueKey(['categories', 'bsn', 'retentoin']), undefined);
    assert.equal(describeCatalogueKey(['nonsense']), undefined);
  });
});

describe('ISO 8601 durations and dates', () => {
  it('parses PnYnMnWnD into days (years 365.25, months 30.44)', () => {
    assert.equal(parseDuration('P2Y')?.totalDays, 730.5);
    assert.ok(Math.abs((parseDuration('P6M')?.totalDays ?? 0) - 182.64) < 1e-9);
    assert.equal(parseDuration('P4W')?.totalDays, 28);
    assert.equal(parseDuration('P30D')?.totalDays, 30);
    const parsed = parseDuration('P1Y6M2W3D');
    assert.deepEqual({ ...parsed, totalDays: Math.round((parsed?.totalDays ?? 0) * 100) / 100 }, { years: 1, months: 6, weeks: 2, days: 3, totalDays: 564.89 });
  });

  it('rejects everything else', () => {
    for (const text of ['P', '', '2Y', 'P2', 'p2y', 'P2Y ', 'PT1H', 'P1.5Y', 'P-1Y', 'P2D1Y', 'P1Y1Y']) {
      assert.equal(parseDuration(text), undefined, text);
    }
  });

  it('parses real dates only', () => {
    assert.equal(parseIsoDate('2027-07-31')?.toISOString(), '2027-07-31T00:00:00.000Z');
    assert.equal(parseIsoDate('2028-02-29')?.getUTCDate(), 29);
    for (const text of ['2027-02-29', '2027-13-01', '2027-00-10', '2027-7-31', '31-07-2027', '2027-07-31T00:00']) {
      assert.equal(parseIsoDate(text), undefined, text);
    }
  });
});
