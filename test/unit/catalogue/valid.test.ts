/**
 * Valid catalogues load without problems and become the model the analysis uses: the shared test catalogue, the
 * starter catalogue in examples/, and the model's derived fields (defaults, days, restricted, locations).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { nodeCatalogueHost as fsHost } from '@avglint/node';
import { DEFAULT_SUBJECTS, loadCatalogue, loadCatalogueFromText } from '@avglint/rules';
import { MemoryHost } from './memoryHost';

const REPO = path.resolve(__dirname, '../../../..');

describe('catalogue loader: valid catalogues', () => {
  it('loads the shared test catalogue with no problems at all', () => {
    const file = path.join(REPO, 'test/fixtures/project/avglint.catalogue.yaml');
    const result = loadCatalogue(file, fsHost, { root: REPO, now: new Date(Date.UTC(2026, 0, 1)) });
    assert.deepEqual(result.problems, []);
    const catalogue = result.catalogue;
    assert.ok(catalogue);
    assert.deepEqual(catalogue.files, [file]);
    assert.equal(catalogue.root, path.dirname(file));
    assert.equal(catalogue.organisation, 'Testschool');

    const bsn = catalogue.categories.get('bsn');
    assert.ok(bsn);
    assert.equal(bsn.identifier, true);
    assert.equal(bsn.special, false, 'special defaults to false');
    assert.equal(bsn.restricted, false);
    assert.deepEqual(bsn.retention, ['leerlingdossier'], 'a single retention id becomes a list of one');
    assert.equal(bsn.alternative, 'eckid');
    assert.deepEqual(bsn.match.members, ['Leerling.BSN']);
    assert.deepEqual(bsn.location, { file, line: 20, column: 3 });

    const zorg = catalogue.categories.get('zorgdossier');
    assert.equal(zorg?.special, true);
    assert.equal(zorg?.restricted, true, 'a category with an access entry is restricted');
    assert.deepEqual(zorg?.match.types, ['Zorgdossier', 'Handelingsplan']);
    assert.deepEqual(catalogue.categories.get('naw')?.retention, ['leerlingdossier', 'sessie']);
    assert.deepEqual(catalogue.categories.get('eckid')?.match.types, [], 'missing match lists default to empty');

    assert.equal(catalogue.retention.get('leerlingdossier')?.days, 730.5);
    assert.equal(catalogue.retention.get('camera')?.days, 28);
    assert.equal(catalogue.retention.get('examen')?.minimum, 'P6M');
    assert.equal(catalogue.retention.get('examen')?.starts, 'exam-result');

    const leermiddelen = catalogue.processors.get('leermiddelen');
    assert.deepEqual(leermiddelen?.agreement, { reference: 'VWO-2024-017', ends: '2027-07-31' });
    assert.deepEqual(leermiddelen?.modules, ['leermiddel-sdk']);
    assert.deepEqual(leermiddelen?.urls, []);
    assert.deepEqual(catalogue.processors.get('zorgpartner')?.consent, { from: 'parents-until-16', check: ['heeftToestemming', 'assertToestemming'] });
    assert.equal(catalogue.processors.get('duo')?.consent, undefined);

    assert.deepEqual(catalogue.access.get('zorgdossier'), {
      category: 'zorgdossier',
      paths: ['src/zorg/**'],
      roles: ['zorgcoordinator'],
      purposes: ['leerlingenzorg'],
      location: catalogue.access.get('zorgdossier')?.location,
    });
    assert.deepEqual(
      catalogue.sanitisers.map((s) => [s.function, s.removes, s.produces]),
      [
        ['toEckId', ['bsn'], 'eckid'],
        ['pseudonymise', [], undefined],
      ],
    );
  });

  it('loads the starter catalogue in examples/ with no errors', () => {
    const file = path.join(REPO, 'examples/avglint.catalogue.yaml');
    assert.ok(fs.existsSync(file), `${file} is missing: the starter catalogue is the default the demo and the tests use`);
    const result = loadCatalogue(file, fsHost, { root: REPO });
    assert.deepEqual(result.problems.filter((p) => p.severity === 'error'), []);
    assert.ok(result.catalogue);
    assert.ok(result.catalogue.categories.has('bsn'));
    assert.ok(result.catalogue.processors.size > 0);
    // The built-in defaults for `subjects` are the starter catalogue's lists, so a catalogue without the key behaves
    // like the starter.
    assert.deepEqual(result.catalogue.subjects?.persons, DEFAULT_SUBJECTS.persons);
    assert.deepEqual(result.catalogue.subjects?.notPersons, DEFAULT_SUBJECTS.notPersons);
  });

  it('reads subjects and a category\'s notPersons, keeping the default for a list left out', () => {
    const text = `version: 1
subjects:
  notPersons: [Vak, weer]
retention:
  t: { label: T, duration: P1Y, starts: collection }
categories:
  naw:
    label: NAW
    retention: t
    match: { names: [naam, ipAdres], notPersons: [server] }
`;
    const result = loadCatalogueFromText('/repo/avglint.catalogue.yaml', text, new MemoryHost({ '/repo/package.json': '{}' }), {});
    assert.deepEqual(result.problems, []);
    assert.deepEqual(result.catalogue?.subjects?.notPersons, ['Vak', 'weer']);
    assert.deepEqual(result.catalogue?.subjects?.persons, DEFAULT_SUBJECTS.persons);
    assert.deepEqual(result.catalogue?.subjects?.location, { file: '/repo/avglint.catalogue.yaml', line: 2, column: 1 });
    assert.deepEqual(result.catalogue?.categories.get('naw')?.match.notPersons, ['server']);
  });
});
