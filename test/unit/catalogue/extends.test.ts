/**
 * `extends`: a school's catalogue builds on the group's base catalogue. Relative paths only, inside the repository,
 * no cycles; entries merge by id with the extending file winning; every entry remembers its own file.
 */
import * as assert from 'node:assert/strict';
import { loadCatalogue, type Problem } from '@avglint/rules';
import { MemoryHost, VALID, yaml } from './memoryHost';

const BASE = '/repo/groep/base.avglint.catalogue.yaml';
const SCHOOL = '/repo/scholen/noord/avglint.catalogue.yaml';

function only(problems: readonly Problem[], code: string): Problem {
  const matching = problems.filter((p) => p.code === code);
  assert.equal(matching.length, 1, `expected one ${code}, got:\n${problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.code} ${p.message}`).join('\n')}`);
  return matching[0] as Problem;
}

describe('catalogue loader: extends', () => {
  const school = yaml(
    'version: 1', // 1
    'organisation: School Noord', // 2
    'extends: ../../groep/base.avglint.catalogue.yaml', // 3
    'retention:', // 4
    '  leerlingdossier: { label: Langer bewaard, duration: P3Y, starts: leaving-school }', // 5
    'categories:', // 6
    '  camerabeelden:', // 7
    '    label: Camerabeelden', // 8
    '    retention: leerlingdossier', // 9
    '    match: { names: [opname] }', // 10
  );
  const host = new MemoryHost({ '/repo/.git/HEAD': 'ref: main', [BASE]: VALID, [SCHOOL]: school });

  it('merges by id, the extending file winning per entry, and keeps each entry’s own file and position', () => {
    const result = loadCatalogue(SCHOOL, host);
    assert.deepEqual(result.problems, []);
    const catalogue = result.catalogue;
    assert.ok(catalogue);
    assert.deepEqual(catalogue.files, [SCHOOL, BASE]);
    assert.equal(catalogue.organisation, 'School Noord');
    assert.equal(catalogue.root, '/repo/scholen/noord');
    // The school's term replaces the base's whole entry of the same id.
    const term = catalogue.retention.get('leerlingdossier');
    assert.equal(term?.duration, 'P3Y');
    assert.equal(term?.label, 'Langer bewaard');
    assert.deepEqual(term?.location, { file: SCHOOL, line: 5, column: 3 });
    // Entries only in the base come through with the base's location; a base category may use the school's term.
    assert.deepEqual(catalogue.categories.get('bsn')?.location, { file: BASE, line: 13, column: 3 });
    assert.deepEqual(catalogue.categories.get('camerabeelden')?.location, { file: SCHOOL, line: 7, column: 3 });
    assert.deepEqual([...catalogue.categories.keys()].sort(), ['bsn', 'camerabeelden', 'eckid', 'zorg']);
    assert.equal(catalogue.processors.get('duo')?.location.file, BASE);
    assert.equal(catalogue.categories.get('zorg')?.restricted, true);
  });

  it('resolves references across files and reports them in the file that makes them', () => {
    const broken = new MemoryHost({
      '/repo/package.json': '{}',
      [BASE]: VALID,
      [SCHOOL]: yaml('version: 1', 'extends: ../../groep/base.avglint.catalogue.yaml', 'processors:', '  cito:', '    label: Cito', '    role: recipient', '    legalBasis: legitimate-interest', '    receives: [eckid, resultaten]'),
    });
    const problem = only(loadCatalogue(SCHOOL, broken).problems, 'catalogue/unknown-reference');
    assert.deepEqual([problem.file, problem.line, problem.column], [SCHOOL, 8, 23]);
  });

  it('later files in an extends list win over earlier ones', () => {
    const files = new MemoryHost({
      '/repo/package.json': '{}',
      '/repo/a.yaml': yaml('version: 1', 'organisation: A', 'roles:', '  mentor: { label: Mentor A }'),
      '/repo/b.yaml': yaml('version: 1', 'roles:', '  mentor: { label: Mentor B }'),
      '/repo/avglint.catalogue.yaml': yaml('version: 1', 'extends: [a.yaml, b.yaml]'),
    });
    const result = loadCatalogue('/repo/avglint.catalogue.yaml', files);
    assert.deepEqual(result.problems, []);
    assert.equal(result.catalogue?.roles.get('mentor')?.label, 'Mentor B');
    assert.equal(result.catalogue?.organisation, 'A');
    assert.deepEqual(result.catalogue?.files, ['/repo/avglint.catalogue.yaml', '/repo/a.yaml', '/repo/b.yaml']);
  });

  it('reports a cycle at the extends entry that closes it', () => {
    const files = new MemoryHost({
      '/repo/package.json': '{}',
      '/repo/a.yaml': yaml('version: 1', 'extends: b.yaml'),
      '/repo/b.yaml': yaml('version: 1', '# de groep', 'extends:', '  - a.yaml'),
    });
    const problem = only(loadCatalogue('/repo/a.yaml', files).problems, 'catalogue/extends-cycle');
    assert.deepEqual([problem.file, problem.line, problem.column], ['/repo/b.yaml', 4, 5]);
    assert.match(problem.message, /a\.yaml → b\.yaml → a\.yaml/);
  });

  it('reports a file that extends itself', () => {
    const files = new MemoryHost({ '/repo/package.json': '{}', '/repo/a.yaml': yaml('version: 1', 'extends: ./a.yaml') });
    const problem = only(loadCatalogue('/repo/a.yaml', files).problems, 'catalogue/extends-cycle');
    assert.deepEqual([problem.line, problem.column], [2, 10]);
  });

  it('reads a base shared by two branches once, and does not call that a cycle', () => {
    const files = new MemoryHost({
      '/repo/package.json': '{}',
      '/repo/base.yaml': yaml('version: 1', 'roles:', '  mentor: { label: Mentor }'),
      '/repo/a.yaml': yaml('version: 1', 'extends: base.yaml'),
      '/repo/b.yaml': yaml('version: 1', 'extends: base.yaml'),
      '/repo/top.yaml': yaml('version: 1', 'extends: [a.yaml, b.yaml]'),
    });
    const result = loadCatalogue('/repo/top.yaml', files);
    assert.deepEqual(result.problems, []);
    assert.equal(files.reads.filter((f) => f === '/repo/base.yaml').length, 1);
    assert.equal(result.catalogue?.roles.get('mentor')?.location.file, '/repo/base.yaml');
  });

  it('reports extends outside the repository (the root the host passes)', () => {
    const files = new MemoryHost({ '/elders/base.yaml': VALID, '/repo/avglint.catalogue.yaml': yaml('version: 1', 'extends: ../elders/base.yaml') });
    const result = loadCatalogue('/repo/avglint.catalogue.yaml', files, { root: '/repo' });
    const problem = only(result.problems, 'catalogue/extends-outside-root');
    assert.deepEqual([problem.line, problem.column], [2, 10]);
    assert.ok(!files.reads.includes('/elders/base.yaml'), 'a file outside the root must not be read');
  });

  it('reports extends outside the repository found by its .git or package.json', () => {
    const files = new MemoryHost({
      '/work/repo/.git/HEAD': 'x',
      '/work/base.yaml': VALID,
      '/work/repo/avglint.catalogue.yaml': yaml('version: 1', 'extends:', '  - ../base.yaml'),
    });
    const problem = only(loadCatalogue('/work/repo/avglint.catalogue.yaml', files).problems, 'catalogue/extends-outside-root');
    assert.deepEqual([problem.line, problem.column], [3, 5]);
  });

  for (const [written, column] of [
    ['https://groep.example/base.avglint.catalogue.yaml', 10],
    ['/etc/avglint/base.yaml', 10],
    ['C:\\groep\\base.yaml', 10],
    ['~/base.yaml', 10],
  ] as const) {
    it(`reports extends to ${written} as not relative`, () => {
      const files = new MemoryHost({ '/repo/package.json': '{}', '/repo/avglint.catalogue.yaml': yaml('version: 1', `extends: "${written.replace(/\\/g, '\\\\')}"`) });
      const problem = only(loadCatalogue('/repo/avglint.catalogue.yaml', files).problems, 'catalogue/extends-not-relative');
      assert.deepEqual([problem.line, problem.column], [2, column]);
    });
  }

  it('reports extends to a missing file and to a file that is not YAML', () => {
    const files = new MemoryHost({ '/repo/package.json': '{}', '/repo/avglint.catalogue.yaml': yaml('version: 1', 'extends: [groep/base.yaml, groep/base.js]') });
    const problems = loadCatalogue('/repo/avglint.catalogue.yaml', files).problems;
    const missing = only(problems, 'catalogue/extends-missing');
    assert.deepEqual([missing.line, missing.column], [2, 11]);
    const notYaml = only(problems, 'catalogue/extends-not-yaml');
    assert.deepEqual([notYaml.line, notYaml.column], [2, 28]);
  });

  it('reports problems in the base file at their place in the base file', () => {
    const files = new MemoryHost({
      '/repo/package.json': '{}',
      '/repo/base.yaml': yaml('version: 1', 'roles:', '  mentor: { label: Mentor, lable: x }'),
      '/repo/avglint.catalogue.yaml': yaml('version: 1', 'extends: base.yaml'),
    });
    const result = loadCatalogue('/repo/avglint.catalogue.yaml', files);
    const problem = only(result.problems, 'catalogue/unknown-key');
    assert.deepEqual([problem.file, problem.line, problem.column], ['/repo/base.yaml', 3, 28]);
    assert.equal(result.catalogue, undefined);
  });
});
