/**
 * The editor's catalogue store says a catalogue's problems in the editor's `avglint.locale`, else in the catalogue's
 * own `settings.locale`, and loads the catalogues again when that setting changes.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { catalogueHostOf, Catalogues } from '@avglint/server/dist/catalogues';
import { nodeFileSystem } from '@avglint/server/dist/host';

describe('language server: catalogue problems in the locale', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'avglint-lsp-locale-'));
    fs.writeFileSync(path.join(dir, 'package.json'), '{}');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("follows the catalogue's settings.locale, and the editor's locale over it", () => {
    const file = path.join(dir, 'avglint.catalogue.yaml');
    fs.writeFileSync(file, 'version: 1\nfoo: bar\nsettings: { locale: nl }\n');
    const catalogues = new Catalogues(catalogueHostOf(nodeFileSystem));
    const own = catalogues.get(file);
    assert.equal(own.locale, 'nl');
    assert.deepEqual(own.problems.map((p) => [p.line, p.column, p.message]), [[2, 1, 'Onbekende sleutel `foo` in het hoofdniveau van de catalogus.']]);
    catalogues.useLocale('en');
    const english = catalogues.get(file);
    assert.equal(english.locale, 'en');
    assert.deepEqual(english.problems.map((p) => [p.line, p.column, p.message]), [[2, 1, 'Unknown key `foo` in the top level of the catalogue.']]);
    assert.deepEqual(catalogues.localeOption(), { locale: 'en' });
    fs.rmSync(file);
    catalogues.useLocale('nl');
    assert.match(catalogues.get(file).problems[0]?.message ?? '', /^De catalogus \S+ bestaat niet, dus er wordt niets gecontroleerd\.$/u);
  });
});
