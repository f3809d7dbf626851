/**
 * The accuracy harness (`npm run accuracy`, ACCURACY.md) on small synthetic labels and findings: the matcher, the
 * scores, label validation, the skip without checkouts, and that every committed label file is valid. The real
 * repositories are not needed here.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  COMMIT_MARKER,
  defaultCacheDir,
  distance,
  firstSentence,
  formatMarkdown,
  formatReport,
  loadAllLabels,
  main,
  matchRepository,
  missesByCapability,
  score,
  setupCommands,
  staleLabels,
  toSites,
  validateRepositoryLabels,
  type Label,
  type ObservedFinding,
  type RepositoryLabels,
} from '@avglint/accuracy';
import { loadCatalogue, type CatalogueHost } from '@avglint/rules';

const T = 'no-unauthorised-transfer';
const L = 'no-personal-data-in-logs';
const S = 'require-retention';

function label(rule: Label['rule'], file: string, line: number, expected: boolean, extra: Partial<Label> = {}): Label {
  return { rule, file, line, expected, kind: rule === S ? 'store' : rule === L ? 'log' : 'transfer', note: `${file}:${line}`, ...extra };
}
function finding(rule: string, file: string, line: number, message = 'X is sent to Y. Why: …'): ObservedFinding {
  return { rule, file, line, column: 3, message };
}
function repository(labels: Label[], extra: Partial<RepositoryLabels> = {}): RepositoryLabels {
  return { name: 'demo', repo: 'https://github.com/o/demo', commit: 'a'.repeat(40), kind: 'bot', language: 'TypeScript', strict: true, description: 'd', labels, ...extra };
}

/** Runs `main` with stdout and stderr captured. */
function run(argv: string[]): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const out = process.stdout.write.bind(process.stdout);
  const err = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((chunk: string) => ((stdout += chunk), true)) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string) => ((stderr += chunk), true)) as typeof process.stderr.write;
  try {
    return { code: main(argv), stdout, stderr };
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
  }
}

describe('accuracy harness: matching findings to labels', () => {
  const distances: [string, Pick<Label, 'line' | 'endLine'>, number, number | undefined][] = [
    ['on the line', { line: 10 }, 10, 0],
    ['one line before (tolerance 1)', { line: 10 }, 9, 1],
    ['one line after', { line: 10 }, 11, 1],
    ['two lines away', { line: 10 }, 12, undefined],
    ['inside a multi-line call', { line: 10, endLine: 14 }, 13, 0],
    ['one past the end line', { line: 10, endLine: 14 }, 15, 1],
    ['two past the end line', { line: 10, endLine: 14 }, 16, undefined],
  ];
  for (const [name, range, line, expected] of distances) {
    it(`distance: ${name}`, () => assert.equal(distance(range, line), expected));
  }

  it('groups findings into one site per rule, file and line', () => {
    const sites = toSites([finding(T, 'b.ts', 3), finding(T, 'a.ts', 5), finding(T, 'a.ts', 5), finding(L, 'a.ts', 5)]);
    assert.deepEqual(sites.map((s) => [s.file, s.line, s.rule, s.findings.length]), [
      ['a.ts', 5, L, 1],
      ['a.ts', 5, T, 2],
      ['b.ts', 3, T, 1],
    ]);
  });

  it('gives every label and site its verdict', () => {
    const labels = [
      label(T, 'a.ts', 10, true, { endLine: 12 }), // found by a finding on line 12
      label(T, 'a.ts', 20, true, { capability: 'wrappers' }), // missed
      label(T, 'a.ts', 30, false), // reported anyway: false positive
      label(L, 'a.ts', 40, false), // silent as it should be
      label(L, 'b.ts', 5, true, { capability: 'wrappers' }), // missed: the finding is for another rule
      label(S, 'c.ts', 7, true), // missed, no capability named
    ];
    const findings = [finding(T, 'a.ts', 12), finding(T, 'a.ts', 12), finding(T, 'a.ts', 31), finding(T, 'b.ts', 5), finding(L, 'a.ts', 50)];
    const match = matchRepository(repository(labels), findings);
    assert.deepEqual(match.labels.map((l) => l.verdict), ['found', 'missed', 'false-positive', 'silent', 'missed', 'missed']);
    assert.deepEqual(match.sites.map((s) => [s.site.file, s.site.line, s.site.rule, s.verdict, s.label]), [
      ['a.ts', 12, T, 'true-positive', 0],
      ['a.ts', 31, T, 'false-positive', 2],
      ['a.ts', 50, L, 'unlabelled', undefined],
      ['b.ts', 5, T, 'unlabelled', undefined],
    ]);
    assert.deepEqual(score([match], T), { expected: 2, found: 1, silentExpected: 1, falseAlarms: 1, sites: 3, truePositives: 1, falsePositives: 1, unlabelled: 1, recall: 0.5, precision: 1 / 3 });
    assert.deepEqual(score([match], L), { expected: 1, found: 0, silentExpected: 1, falseAlarms: 0, sites: 1, truePositives: 0, falsePositives: 0, unlabelled: 1, recall: 0, precision: 0 });
    assert.deepEqual(score([match], S), { expected: 1, found: 0, silentExpected: 0, falseAlarms: 0, sites: 0, truePositives: 0, falsePositives: 0, unlabelled: 0, recall: 0 });
    assert.deepEqual(score([match]), { expected: 4, found: 1, silentExpected: 2, falseAlarms: 1, sites: 4, truePositives: 1, falsePositives: 1, unlabelled: 2, recall: 0.25, precision: 0.25 });
    assert.deepEqual(missesByCapability([match]), [
      { capability: 'wrappers', misses: 2 },
      { capability: 'unknown', misses: 1 },
    ]);
  });

  it('gives a site to the nearest label, and on a tie to the one that expects a finding', () => {
    const labels = [label(T, 'a.ts', 10, false), label(T, 'a.ts', 12, true), label(T, 'a.ts', 20, true), label(T, 'a.ts', 22, false)];
    const match = matchRepository(repository(labels), [finding(T, 'a.ts', 11), finding(T, 'a.ts', 21), finding(T, 'a.ts', 23)]);
    assert.deepEqual(match.sites.map((s) => [s.site.line, s.label]), [
      [11, 1],
      [21, 2],
      [23, 3],
    ]);
    assert.deepEqual(match.labels.map((l) => l.verdict), ['silent', 'found', 'found', 'false-positive']);
  });

  it('reports figures, misses, false positives and unlabelled findings in the text', () => {
    const labels = [label(T, 'a.ts', 10, true), label(T, 'a.ts', 20, true, { capability: 'injected clients' }), label(T, 'a.ts', 30, false, { note: 'to the own back-end' })];
    const text = formatReport([matchRepository(repository(labels), [finding(T, 'a.ts', 10), finding(T, 'a.ts', 30), finding(L, 'z.ts', 1, 'Logs it. Why: long text')])]);
    const lines = text.split('\n');
    assert.match(lines[1] ?? '', /^no-personal-data-in-logs +0 +0 +– +1 +0 +0 +1 +0\.00 +0\/0$/);
    assert.match(lines[2] ?? '', /^no-unauthorised-transfer +2 +1 +0\.50 +2 +1 +1 +0 +0\.50 +0\/1$/);
    assert.match(lines[3] ?? '', /^all rules +2 +1 +0\.50 +3 +1 +1 +1 +0\.33 +0\/1$/);
    assert.ok(lines.includes('  demo: recall 0.50 (1/2), precision 0.33 (1/3)'));
    assert.ok(lines.includes('  demo/a.ts:20  no-unauthorised-transfer  a.ts:20  [needs: injected clients]'));
    assert.ok(lines.includes('  demo/a.ts:30  no-unauthorised-transfer  to the own back-end'));
    assert.ok(lines.includes('  demo/z.ts:1:3  no-personal-data-in-logs  Logs it.'));
    assert.ok(lines.includes('    1  injected clients'));
  });

  it('shortens a message to its first sentence', () => {
    assert.equal(firstSentence('BSN → DUO: not allowed. Why: because.'), 'BSN → DUO: not allowed.');
    assert.equal(firstSentence('no full stop'), 'no full stop');
    assert.equal(firstSentence('version 1.2 is fine. Next'), 'version 1.2 is fine.');
  });
});

describe('accuracy harness: label files', () => {
  const good = { name: 'demo', repo: 'https://github.com/o/demo', commit: 'b'.repeat(40), kind: 'bot', language: 'JavaScript', strict: false, description: 'd', labels: [] };
  const broken: [string, unknown, string][] = [
    ['not an object', [], 'a label file is a JSON object'],
    ['a short commit', { ...good, commit: 'abc' }, '`commit` must be the pinned commit'],
    ['a repo that is not GitHub', { ...good, repo: 'https://example.org/x' }, '`repo` must be https://github.com/'],
    ['a root outside the checkout', { ...good, root: '../x' }, '`root` must be a folder inside the checkout'],
    ['an unknown rule', { ...good, labels: [{ ...label(T, 'a.ts', 1, true), rule: 'avglint/no-unauthorised-transfer' }] }, '`rule` must be one of'],
    ['an absolute file', { ...good, labels: [label(T, '/a.ts', 1, true)] }, '`file` must be a path relative'],
    ['line 0', { ...good, labels: [label(T, 'a.ts', 0, true)] }, '`line` must be a positive integer'],
    ['an end before the line', { ...good, labels: [label(T, 'a.ts', 5, true, { endLine: 4 })] }, '`endLine` must be a positive integer not before `line`'],
    ['an unknown kind', { ...good, labels: [{ ...label(T, 'a.ts', 1, true), kind: 'send' }] }, '`kind` must be one of'],
    ['no expectation', { ...good, labels: [{ ...label(T, 'a.ts', 1, true), expected: 'yes' }] }, '`expected` must be true'],
    ['no note', { ...good, labels: [{ ...label(T, 'a.ts', 1, true), note: '' }] }, '`note` must say'],
    ['categories as a string', { ...good, labels: [{ ...label(T, 'a.ts', 1, true), categories: 'naam' }] }, '`categories` must be an array'],
    ['two labels on one line', { ...good, labels: [label(T, 'a.ts', 1, true), label(T, 'a.ts', 1, false)] }, 'a second label for no-unauthorised-transfer a.ts:1 (first: labels[0])'],
  ];
  for (const [name, value, message] of broken) {
    it(`rejects ${name}`, () => {
      const checked = validateRepositoryLabels(value, 'x.json');
      assert.equal(checked.labels, undefined);
      assert.ok(checked.problems.some((p) => p.message.includes(message)), JSON.stringify(checked.problems));
    });
  }

  it('accepts a well-formed file', () => {
    const checked = validateRepositoryLabels({ ...good, root: 'app', labels: [label(T, 'src/a.ts', 3, true, { endLine: 5, categories: ['naam'], authorised: false })] }, 'x.json');
    assert.deepEqual(checked.problems, []);
    assert.equal(checked.labels?.labels.length, 1);
  });

  it('every committed label file is valid and named after its repository', () => {
    const loaded = loadAllLabels();
    assert.deepEqual(loaded.problems, []);
    assert.ok(loaded.repositories.length >= 8, `${loaded.repositories.length} repositories`);
  });

  it('the corpus catalogue loads without errors, and every category a label names is in it', () => {
    const repo = path.resolve(__dirname, '../../..');
    const host: CatalogueHost = { readFile: (f) => (fs.existsSync(f) ? fs.readFileSync(f, 'utf8') : undefined), fileExists: (f) => fs.existsSync(f) };
    const result = loadCatalogue(path.join(repo, 'accuracy', 'catalogue.yaml'), host, { root: repo });
    assert.deepEqual(result.problems.filter((p) => p.severity === 'error').map((p) => `${p.line}:${p.column} ${p.message}`), []);
    const categories = result.catalogue?.categories ?? new Map();
    const unknown = loadAllLabels().repositories.flatMap((r) => r.labels.flatMap((l) => (l.categories ?? []).filter((c) => !categories.has(c)).map((c) => `${r.name}/${l.file}:${l.line} ${c}`)));
    assert.deepEqual(unknown, []);
  });

  it('finds labels that do not fit the checkout', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'avglint-accuracy-'));
    try {
      fs.mkdirSync(path.join(dir, 'src'));
      fs.writeFileSync(path.join(dir, 'src', 'a.ts'), 'one\ntwo\nthree\n');
      const r = repository([label(T, 'src/a.ts', 3, true), label(T, 'src/a.ts', 2, true, { endLine: 9 }), label(L, 'src/gone.ts', 1, true)]);
      assert.deepEqual(staleLabels(r, dir), ['demo/src/a.ts:2: past the end of the file (4 lines)', 'demo/src/gone.ts:1: the file is not in the checkout']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('accuracy harness: running without the real repositories', () => {
  it('says clearly that it skipped when the cache holds no checkout, and exits 0', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'avglint-accuracy-'));
    try {
      const result = run(['--cache', dir]);
      assert.equal(result.code, 0);
      assert.match(result.stdout, /^accuracy: SKIPPED — none of the \d+ labelled repositories is checked out in /);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('skips a checkout of another commit than the labels', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'avglint-accuracy-'));
    try {
      const name = loadAllLabels().repositories[0]?.name ?? '';
      fs.mkdirSync(path.join(dir, name));
      fs.writeFileSync(path.join(dir, name, COMMIT_MARKER), 'c'.repeat(40) + '\n');
      const result = run(['--cache', dir, '--repo', name]);
      assert.equal(result.code, 0);
      assert.match(result.stdout, /SKIPPED/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects an unknown repository name', () => {
    const result = run(['--cache', os.tmpdir(), '--repo', 'no-such-repository']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /no labels for no-such-repository/);
  });

  it('prints the commands that recreate the cache at the pinned commits', () => {
    const r = repository([]);
    const fromGitHub = setupCommands([r], '/tmp/cache dir');
    assert.ok(fromGitHub.includes(`DIR='/tmp/cache dir'`));
    assert.ok(fromGitHub.includes(`git clone --bare --filter=blob:none https://github.com/o/demo.git "$DIR/.git/o+demo"`));
    assert.ok(fromGitHub.includes(`git --git-dir="$DIR/.git/o+demo" archive ${'a'.repeat(40)} | tar -x -C "$DIR/demo"`));
    assert.ok(fromGitHub.includes(`echo ${'a'.repeat(40)} > "$DIR/demo/${COMMIT_MARKER}"`));
    const fromMirror = setupCommands([r], '/c', '/m');
    assert.ok(fromMirror.includes(`git --git-dir=/m/o+demo/repo archive ${'a'.repeat(40)}`));
    assert.ok(!fromMirror.includes('git clone'));
  });

  it('reads the cache folder from AVGLINT_ACCURACY_DIR, else under the home folder', () => {
    assert.equal(defaultCacheDir({ AVGLINT_ACCURACY_DIR: '/x/y' }), path.resolve('/x/y'));
    assert.equal(defaultCacheDir({}), path.join(os.homedir(), '.cache', 'avglint-accuracy'));
  });
});

describe('accuracy harness: markdown for ACCURACY.md', () => {
  it('writes the figures, every miss, false positive and unlabelled finding, and misses by capability', () => {
    const labels = [label(T, 'a.ts', 10, true, { note: 'BSN | naam → Discord', capability: 'SDK sends' }), label(L, 'a.ts', 20, false, { note: 'vak.naam', capability: 'owners' }), label(S, 'a.ts', 30, true)];
    const md = formatMarkdown([matchRepository(repository(labels), [finding(L, 'a.ts', 20), finding(S, 'a.ts', 30), finding(T, 'b.ts', 1, 'Sent. Why')])]);
    const lines = md.split('\n');
    assert.equal(lines[0], '```');
    assert.match(lines[1] ?? '', /^rule +labels +found/);
    assert.ok(lines.includes('| demo | 0.50 (1/2) | 0.33 (1/3) |'));
    assert.ok(lines.includes('| demo | a.ts:10 | transfer | miss | BSN \\| naam → Discord | SDK sends |'));
    assert.ok(lines.includes('| demo | a.ts:20 | logs | false positive | vak.naam | owners |'));
    assert.ok(lines.includes('| demo | b.ts:1 | transfer | unlabelled | Sent. | |'));
    assert.ok(lines.includes('| 1 | SDK sends |'));
  });
});
