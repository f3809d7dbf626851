/**
 * The library tables are the one source of what avglint knows about libraries: the rule docs' sink lists are
 * generated from them (checked here), and every descriptor is well formed.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LIBRARIES, LIBRARY_RESULTS, librariesMarkdown, resultOfFunction, resultOfMethod, resultShapesMarkdown, type Family } from '@avglint/rules';

const DOCS = path.resolve(__dirname, '..', '..', '..', '..', 'docs', 'rules');

/** The generated sections of a doc: `<!-- libraries:fam,fam … -->` … `<!-- libraries:end -->`. */
function sections(file: string): { families: Family[]; text: string }[] {
  const text = fs.readFileSync(path.join(DOCS, file), 'utf8');
  const found: { families: Family[]; text: string }[] = [];
  const pattern = /<!-- libraries:([a-z,]+) [^\n]*-->\n([\s\S]*?)\n<!-- libraries:end -->/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) found.push({ families: (match[1] ?? '').split(',') as Family[], text: match[2] ?? '' });
  return found;
}

describe('library tables', () => {
  for (const [file, families] of [['no-unauthorised-transfer.md', ['http', 'browser', 'sdk', 'chat']], ['no-personal-data-in-logs.md', ['logger']]] as const) {
    it(`docs/rules/${file} lists exactly the tables' libraries`, () => {
      const generated = sections(file);
      assert.equal(generated.length, 1, 'one generated section');
      const [section] = generated;
      assert.deepEqual(section?.families, families);
      assert.equal(section?.text, librariesMarkdown(families), `regenerate with: node -e "console.log(require('./rules').librariesMarkdown(${JSON.stringify(families)}))"`);
    });
  }

  it('no module or global belongs to two libraries', () => {
    const seen = new Map<string, string>();
    for (const library of LIBRARIES) {
      for (const key of [...library.modules, ...(library.globals ?? []).map((g) => `global:${g}`)]) {
        assert.equal(seen.get(key), undefined, `${key} is in ${seen.get(key)} and ${library.id}`);
        seen.set(key, library.id);
      }
    }
  });

  it('every library can be reached and every receiver an operation needs can be made', () => {
    for (const library of LIBRARIES) {
      const reachable = library.modules.length > 0 || (library.globals ?? []).length > 0 || library.instanceNames !== undefined;
      assert.ok(reachable, `${library.id} has no module, global or instance name`);
      const made = new Set<string>(['module']);
      for (const maker of library.makers ?? []) made.add(maker.makes);
      if ((library.types ?? []).length > 0 || library.instanceNames) made.add('instance');
      for (const operation of library.operations) {
        assert.ok(operation.on.some((r) => made.has(r)), `${library.id}: an operation on ${operation.on.join('/')} that nothing makes`);
        assert.ok(operation.shapes.length > 0, `${library.id}: an operation without shapes`);
      }
      assert.ok(library.sinks.length > 0, `${library.id}: no sink text for the docs`);
    }
  });

  it('ids are unique', () => {
    const ids = LIBRARIES.map((l) => l.id);
    assert.deepEqual([...new Set(ids)], ids);
  });

  it('docs/catalogue.md lists exactly the known SDK result shapes', () => {
    const text = fs.readFileSync(path.join(DOCS, '..', 'catalogue.md'), 'utf8');
    const match = /<!-- results [^\n]*-->\n([\s\S]*?)\n<!-- results:end -->/.exec(text);
    assert.ok(match, 'one generated section');
    assert.equal(match[1], resultShapesMarkdown(), 'regenerate with: node -e "console.log(require(\'./rules\').resultShapesMarkdown())"');
  });

  it('known result shapes: by module, export and class exactly, never an Object.prototype member', () => {
    assert.ok(resultOfFunction('next-auth/react', 'useSession'));
    assert.ok(resultOfFunction('next-auth/client', 'getSession'));
    assert.equal(resultOfFunction('next-auth/react/extra', 'useSession'), undefined, 'a subpath is another module');
    assert.equal(resultOfFunction('next-auth/react', 'toString'), undefined);
    assert.ok(resultOfMethod('webuntis', 'WebUntisQR', 'getOwnTimetableFor'));
    assert.equal(resultOfMethod('webuntis', 'Untis', 'getOwnTimetableFor'), undefined, 'only the classes the module exports');
    assert.equal(resultOfMethod('webuntis', 'WebUntis', 'constructor'), undefined);
    const modules = LIBRARY_RESULTS.flatMap((l) => l.modules);
    assert.deepEqual([...new Set(modules)], modules, 'a module belongs to one entry');
  });
});
