import * as assert from 'node:assert/strict';
import { CATALOGUE_FILE_NAMES, findCatalogue, loadCatalogue } from '@avglint/rules';
import { MemoryHost } from './memoryHost';

describe('findCatalogue', () => {
  const host = new MemoryHost({
    '/repo/avglint.catalogue.yaml': 'version: 1\n',
    '/repo/packages/app/src/zorg/dossier.ts': '',
    '/repo/scholen/noord/avglint.catalogue.yml': 'version: 1\n',
    '/repo/scholen/noord/src/index.ts': '',
  });

  it('looks for both file names', () => {
    assert.deepEqual([...CATALOGUE_FILE_NAMES], ['avglint.catalogue.yaml', 'avglint.catalogue.yml']);
  });

  it('finds the nearest catalogue upward from a file', () => {
    assert.equal(findCatalogue('/repo/packages/app/src/zorg/dossier.ts', host), '/repo/avglint.catalogue.yaml');
    assert.equal(findCatalogue('/repo/scholen/noord/src/index.ts', host), '/repo/scholen/noord/avglint.catalogue.yml');
  });

  it('starts in a directory when given one, and finds a catalogue in it', () => {
    assert.equal(findCatalogue('/repo/scholen/noord', host), '/repo/scholen/noord/avglint.catalogue.yml');
    assert.equal(findCatalogue('/repo', host), '/repo/avglint.catalogue.yaml');
  });

  it('returns undefined when there is none, and when the host fails', () => {
    assert.equal(findCatalogue('/elsewhere/src/a.ts', host), undefined);
    assert.equal(findCatalogue('/repo/a.ts', { readFile: () => undefined, fileExists: () => { throw new Error('no'); } }), undefined);
  });

  it('loadCatalogue reports a file that does not exist at 1:1', () => {
    const result = loadCatalogue('/repo/nope.yaml', host);
    assert.equal(result.catalogue, undefined);
    assert.deepEqual(result.problems.map((p) => [p.file, p.line, p.column, p.code]), [['/repo/nope.yaml', 1, 1, 'catalogue/not-found']]);
  });
});
