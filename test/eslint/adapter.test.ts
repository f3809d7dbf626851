/**
 * The ESLint adapter's own contract, independent of what the real checks find: one analysis per file for all enabled
 * rules, each rule reporting only its own findings at the right place, suggestions, core problems, and catalogue
 * problems reported once per file by one rule. A probe is added to two rules' checks for these tests only, and
 * removed after.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { Linter } from 'eslint';
import { RULE_MODULES, type CheckContext, type Finding, type RuleModule } from '@avglint/rules';
import plugin from 'eslint-plugin-avglint';
import { FIXTURE_CATALOGUE, FIXTURE_PROJECT } from '../helpers/ruleTester';
import { fixtureCatalogueText, tempProjectsForSuite } from '../helpers/tempProject';

/** The analysis runs of the probe: one per analysed file, with the probed rules that were enabled. */
const runs: { file: string; rules: string[]; typed: boolean }[] = [];
const PROBED = ['no-personal-data-in-logs', 'no-unauthorised-access'] as const;
const seen = new WeakSet<CheckContext>();

/** Reports `PROBE_LOG(x)` arguments for no-personal-data-in-logs and `PROBE_READ` identifiers for no-unauthorised-access. */
function probe(id: (typeof PROBED)[number], context: CheckContext): Finding[] {
  // Every rule of one analysis gets the same context: a run is recorded once, by whichever probed rule runs first.
  if (!seen.has(context)) {
    seen.add(context);
    runs.push({ file: context.sourceFile.fileName, typed: context.program !== undefined && context.checker !== undefined, rules: PROBED.filter((r) => context.enabled(r)) });
  }
  const text = context.sourceFile.text;
  const findings: Finding[] = [];
  if (id === 'no-personal-data-in-logs') {
    for (const match of text.matchAll(/PROBE_LOG\(([^)]*)\)/gu)) {
      const start = (match.index ?? 0) + 'PROBE_LOG('.length;
      const end = start + (match[1]?.length ?? 0);
      findings.push({
        ruleId: 'no-personal-data-in-logs',
        messageId: 'personalDataInLog',
        summary: 'BSN → PROBE_LOG: personal data in a log',
        detail: 'What to do: log the ECK iD',
        message: '',
        data: { category: 'BSN', logger: 'PROBE_LOG', todo: 'log the ECK iD' },
        range: { start, end },
        path: [{ kind: 'sink', file: context.sourceFile.fileName, range: { start, end }, line: 1, column: 1, phrase: { id: 'loggedBy', args: { api: 'PROBE_LOG' } }, description: 'logged' }],
        categories: ['bsn'],
        suggestions: [
          { messageId: 'personalDataInLog', message: 'Log the ECK iD', data: { category: 'ECK iD', logger: 'PROBE_LOG', todo: 'nothing' }, edits: [{ range: { start, end }, text: 'eckId' }] },
          { messageId: 'unknown', message: 'Remove the argument', edits: [{ range: { start, end }, text: '' }] },
        ],
      });
    }
    if (text.includes('PROBE_THROW')) throw new Error('probe failure');
  } else {
    for (const match of text.matchAll(/PROBE_READ/gu)) {
      const start = match.index ?? 0;
      findings.push({
        ruleId: 'no-unauthorised-access',
        messageId: 'unauthorisedRead',
        summary: 'PROBE_READ reads Zorgdossier',
        detail: '',
        message: '',
        data: { what: 'PROBE_READ', category: 'Zorgdossier', special: '', why: 'w', todo: 't' },
        range: { start, end: start + 'PROBE_READ'.length },
        path: [],
        categories: ['zorgdossier'],
        suggestions: [],
      });
    }
  }
  return findings;
}

/**
 * The probed rules' checks are wrapped for these tests only (the rule modules are the same instances the plugin
 * uses): the real check runs, then the probe adds its findings.
 */
const originals = new Map<RuleModule, RuleModule['check']>();
function installProbe(): void {
  for (const rule of RULE_MODULES as readonly RuleModule[]) {
    const id = PROBED.find((p) => p === rule.id);
    if (id === undefined) continue;
    const original = rule.check;
    originals.set(rule, original);
    (rule as { check: RuleModule['check'] }).check = (context, helpers) => [...original.call(rule, context, helpers), ...probe(id, context)];
  }
}
function removeProbe(): void {
  for (const [rule, original] of originals) (rule as { check: RuleModule['check'] }).check = original;
  originals.clear();
}

function lint(
  code: string,
  rules: Record<string, unknown>,
  settings: Record<string, unknown> = { avglint: { catalogue: FIXTURE_CATALOGUE } },
  preset: 'recommended' | 'strict' = 'recommended',
): Linter.LintMessage[] {
  const linter = new Linter({ cwd: FIXTURE_PROJECT });
  const base = plugin.configs[preset];
  const languageOptions = preset === 'strict' ? { ...base.languageOptions, parserOptions: { projectService: true, tsconfigRootDir: FIXTURE_PROJECT } } : base.languageOptions;
  // typescript-eslint's config types and ESLint's differ only in index signatures; the object is a valid flat config.
  const config = { ...base, languageOptions, rules: rules as Linter.RulesRecord, settings } as Linter.Config;
  // Typed linting needs a file the fixture tsconfig includes; src/file.ts is the placeholder for that.
  return linter.verify(code, [config], path.join(FIXTURE_PROJECT, 'src', preset === 'strict' ? 'file.ts' : 'probe.ts'));
}

describe('ESLint adapter', function () {
  this.timeout(60_000);
  before(installProbe);
  after(removeProbe);
  beforeEach(() => (runs.length = 0));

  it('analyses a file once for all enabled rules and lets each rule report only its own findings', () => {
    const messages = lint('PROBE_LOG(bsn);\nconst x = PROBE_READ;\n', { 'avglint/no-personal-data-in-logs': 'error', 'avglint/no-unauthorised-access': 'warn' });
    assert.equal(runs.length, 1);
    assert.deepEqual(runs[0]?.rules, ['no-personal-data-in-logs', 'no-unauthorised-access']);
    assert.deepEqual(
      messages.map((m) => [m.ruleId, m.severity, m.line, m.column, m.endLine, m.endColumn]),
      [
        ['avglint/no-personal-data-in-logs', 2, 1, 11, 1, 14],
        ['avglint/no-unauthorised-access', 1, 2, 11, 2, 21],
      ],
    );
    // One line: the core's summary and where its detail is (`avglint scan`); a finding without detail has no pointer.
    assert.equal(messages[0]?.message, 'BSN → PROBE_LOG: personal data in a log (why: avglint scan)');
    assert.equal(messages[1]?.message, 'PROBE_READ reads Zorgdossier');
  });

  it('gives the core the program with typed linting, and none without', () => {
    const typed = lint('PROBE_LOG(bsn);\n', { 'avglint/no-personal-data-in-logs': 'error' }, undefined, 'strict');
    assert.deepEqual(typed.map((m) => m.ruleId), ['avglint/no-personal-data-in-logs']);
    assert.deepEqual(runs.map((r) => [path.relative(FIXTURE_PROJECT, r.file), r.typed]), [[path.join('src', 'file.ts'), true]]);
    runs.length = 0;
    lint('PROBE_LOG(bsn);\n', { 'avglint/no-personal-data-in-logs': 'error' });
    assert.deepEqual(runs.map((r) => r.typed), [false]);
  });

  it('reuses a typed file\'s analysis for the same options on the same day, and analyses again with other options or on the next day', () => {
    const code = '// eslint-disable-next-line avglint/no-personal-data-in-logs -- migratie (until 2026-06-30)\nPROBE_LOG(bsn);\n';
    const rules = { 'avglint/no-personal-data-in-logs': 'error', 'avglint/require-suppression-reason': 'error', 'avglint/no-unauthorised-transfer': 'error' };
    const RealDate = Date;
    const at = (iso: string): void => {
      const fixed = new RealDate(iso).getTime();
      // Only the clock moves: `new Date(x)` and everything else is the real Date.
      globalThis.Date = class extends RealDate {
        constructor(...args: unknown[]) {
          if (args.length === 0) super(fixed);
          else super(...(args as [string]));
        }
        static override now(): number {
          return fixed;
        }
      } as DateConstructor;
    };
    try {
      at('2026-06-30T08:00:00Z');
      assert.deepEqual(lint(code, rules, undefined, 'strict').map((m) => m.ruleId), []);
      at('2026-06-30T21:00:00Z');
      assert.deepEqual(lint(code, rules, undefined, 'strict').map((m) => m.ruleId), []);
      assert.equal(runs.length, 1, 'the same day and options: the analysis is reused');
      assert.deepEqual(lint(code, { ...rules, 'avglint/no-unauthorised-transfer': ['error', { reportUnresolvedDestinations: true }] }, undefined, 'strict').map((m) => m.ruleId), []);
      assert.equal(runs.length, 2, 'other options: analysed again');
      at('2026-07-01T00:00:00Z');
      const expired = lint(code, rules, undefined, 'strict');
      assert.equal(runs.length, 3, 'the next day: analysed again');
      // ESLint still applies the directive itself; the core says it has expired.
      assert.deepEqual(expired.map((m) => m.ruleId), ['avglint/require-suppression-reason']);
    } finally {
      globalThis.Date = RealDate;
    }
  });

  it('runs only the enabled rules', () => {
    const messages = lint('PROBE_LOG(bsn);\nconst x = PROBE_READ;\n', { 'avglint/no-unauthorised-access': 'error' });
    assert.deepEqual(runs[0]?.rules, ['no-unauthorised-access']);
    assert.deepEqual(messages.map((m) => m.ruleId), ['avglint/no-unauthorised-access']);
  });

  it('offers the core\'s suggestions as ESLint suggestions, filled from their data or their own message', () => {
    const [message] = lint('PROBE_LOG(bsn);\n', { 'avglint/no-personal-data-in-logs': 'error' });
    assert.deepEqual(
      message?.suggestions?.map((s) => [s.desc, s.fix.range, s.fix.text]),
      [
        ['Log the ECK iD', [10, 13], 'eckId'],
        ['Remove the argument', [10, 13], ''],
      ],
    );
    assert.equal(message?.fix, undefined, 'a change that can alter behaviour is never an autofix');
  });

  it('reports a catalogue problem once per file, through the first enabled rule, at line 1', () => {
    const messages = lint(
      'PROBE_LOG(bsn);\n',
      { 'avglint/no-personal-data-in-logs': 'error', 'avglint/no-unauthorised-access': 'error', 'avglint/no-bsn-literal': 'error' },
      { avglint: { catalogue: 'nowhere.yaml' } },
    );
    assert.deepEqual(messages.map((m) => [m.ruleId, m.line, m.column]), [['avglint/no-unauthorised-access', 1, 1]]);
    // One line: what is wrong and how to make a catalogue (no list of problems, no hint text).
    assert.match(messages[0]?.message ?? '', /^The catalogue \S*nowhere\.yaml does not exist, so nothing is checked\. \(create one: npx avglint init\)$/u);
    assert.equal(runs.length, 0, 'nothing is analysed without a catalogue');
  });

  it('reports a broken catalogue under avglint/catalogue when the config enables it, whatever the order of the rules', () => {
    const messages = lint(
      'PROBE_LOG(bsn);\n',
      { 'avglint/no-unauthorised-access': 'error', 'avglint/no-bsn-literal': 'error', 'avglint/catalogue': 'error' },
      { avglint: { catalogue: 'nowhere.yaml' } },
    );
    assert.deepEqual(messages.map((m) => [m.ruleId, m.line, m.column]), [['avglint/catalogue', 1, 1]]);
  });

  it('says a catalogue problem in settings.avglint.locale', () => {
    const [message] = lint("const b = '111222333';\n", { 'avglint/catalogue': 'error' }, { avglint: { catalogue: 'nowhere.yaml', locale: 'nl' } });
    assert.match(message?.message ?? '', /^De catalogus \S*nowhere\.yaml bestaat niet, dus er wordt niets gecontroleerd\. \(maak er een: npx avglint init\)$/u);
  });

  it('reports a rule option that differs from the catalogue\'s settings once per run under avglint/catalogue (at that rule\'s severity: ESLint has one per rule)', () => {
    const settings = { avglint: { catalogue: path.join(FIXTURE_PROJECT, 'settings', 'avglint.catalogue.yaml') } };
    const rules = { 'avglint/catalogue': 'error', 'avglint/no-bsn-literal': ['error', { allow: ['111222333'] }] };
    const first = lint("const a = '123456782';\nconst b = '111222333';\n", rules, settings);
    // The ESLint option wins (111222333 allowed); the catalogue's 123456782 is not, and the conflict is said once.
    assert.deepEqual(first.map((m) => [m.ruleId, m.line]), [['avglint/catalogue', 1], ['avglint/no-bsn-literal', 1]]);
    // One line at the top of the first file: where in the catalogue, what differs, which value is used.
    assert.match(first[0]?.message ?? '', /^\S*settings\/avglint\.catalogue\.yaml:4:1: settings\.rules\.no-bsn-literal\.allow: de waarde \["111222333"\] van de host geldt, niet \["123456782"\]\. \(tip: avglint scan\)$/u);
    assert.match(first[1]?.message ?? '', /^123456782 in een string doorstaat de BSN-elfproef: mogelijk een echt BSN \(waarom: avglint scan\)$/u);
    const second = lint("const a = '123456782';\n", rules, settings);
    assert.deepEqual(second.map((m) => m.ruleId), ['avglint/no-bsn-literal']);
  });

  it('takes the locale from settings.avglint.locale over the catalogue\'s', () => {
    const settings = { avglint: { catalogue: path.join(FIXTURE_PROJECT, 'settings', 'avglint.catalogue.yaml'), locale: 'en' } };
    const [message] = lint("const b = '111222333';\n", { 'avglint/no-bsn-literal': 'error' }, settings);
    assert.equal(message?.message, '111222333 in a string passes the BSN-elfproef: maybe a real BSN (why: avglint scan)');
  });

  it('reports a problem the core met while analysing, and the findings of the other checks still', () => {
    const messages = lint("PROBE_THROW;\nconst bsn = '111222333';\n", { 'avglint/no-personal-data-in-logs': 'error', 'avglint/no-bsn-literal': 'error' });
    assert.deepEqual(messages.map((m) => [m.ruleId, m.line]), [
      ['avglint/no-personal-data-in-logs', 1],
      ['avglint/no-bsn-literal', 2],
    ]);
    assert.match(messages[0]?.message ?? '', /probe failure/u);
  });
});

describe('ESLint adapter: a folder analysed ahead in a lint run', function () {
  this.timeout(120_000);
  before(installProbe);
  after(removeProbe);
  beforeEach(() => (runs.length = 0));
  const project = tempProjectsForSuite();
  const files = {
    'tsconfig.json': JSON.stringify({ compilerOptions: { target: 'es2022', module: 'node16', strict: true, noEmit: true, skipLibCheck: true, types: [] }, include: ['.'] }),
    'avglint.catalogue.yaml': fixtureCatalogueText(),
    'a/een.ts': 'export const een = 1;\n',
    'a/twee.ts': 'export const twee = 2;\n',
    'a/drie.ts': 'export const drie = 3;\nPROBE_LOG(drie);\n',
    'a/typen.d.ts': 'export type Vier = 4;\n',
    'b/vier.ts': 'export const vier = 4;\n',
    'b/vijf.ts': 'export const vijf = 5;\n',
  };

  /** Lints files of one project with one linter (one project service, as in one ESLint run), with their text on disk or another. */
  function linterFor(dir: string): (file: string, text?: string) => Linter.LintMessage[] {
    const linter = new Linter({ cwd: dir });
    const base = plugin.configs.strict;
    const config = { ...base, languageOptions: { ...base.languageOptions, parserOptions: { projectService: true, tsconfigRootDir: dir } }, rules: { 'avglint/no-personal-data-in-logs': 'error' } } as Linter.Config;
    return (file, text) => linter.verify(text ?? fs.readFileSync(path.join(dir, file), 'utf8'), [config], path.join(dir, file));
  }
  const analysed = (dir: string): string[] => runs.map((r) => path.relative(dir, r.file).split(path.sep).join('/'));

  it('analyses the rest of a folder with the second file of a program, once, and each file gets its own findings', () => {
    const p = project(files);
    const lintAt = linterFor(p.dir);
    assert.deepEqual(lintAt('a/een.ts'), []);
    assert.deepEqual(analysed(p.dir), ['a/een.ts'], 'the first file of a program: alone');
    assert.deepEqual(lintAt('a/twee.ts'), []);
    assert.deepEqual(analysed(p.dir), ['a/een.ts', 'a/twee.ts', 'a/drie.ts'], 'the second: its folder\'s other script files too, not a declaration file');
    const drie = lintAt('a/drie.ts');
    assert.deepEqual(analysed(p.dir), ['a/een.ts', 'a/twee.ts', 'a/drie.ts'], 'analysed ahead: not again');
    assert.deepEqual(drie.map((m) => [m.ruleId, m.line, m.column, m.endColumn]), [['avglint/no-personal-data-in-logs', 2, 11, 15]]);
    lintAt('b/vier.ts');
    lintAt('b/vijf.ts');
    assert.deepEqual(analysed(p.dir).slice(3), ['b/vier.ts', 'b/vijf.ts']);
  });

  it('analyses only the edited file while a file is edited (each edit a new program), and a file with another text anew', () => {
    const p = project(files);
    const lintAt = linterFor(p.dir);
    lintAt('a/een.ts', 'export const een = 10;\n');
    lintAt('a/een.ts', 'export const een = 100;\n');
    lintAt('a/een.ts', 'export const een = 1000;\n');
    assert.deepEqual(analysed(p.dir), ['a/een.ts', 'a/een.ts', 'a/een.ts']);
    lintAt('a/twee.ts');
    assert.deepEqual(analysed(p.dir).slice(3), ['a/twee.ts', 'a/drie.ts']);
    // drie.ts was analysed ahead with its text on disk; linted with another text, it is analysed for that text.
    const changed = lintAt('a/drie.ts', '\nexport const drie = 3;\nPROBE_LOG(drie);\n');
    assert.deepEqual(analysed(p.dir).slice(5), ['a/drie.ts']);
    assert.deepEqual(changed.map((m) => [m.ruleId, m.line]), [['avglint/no-personal-data-in-logs', 3]]);
  });

  it('analyses a whole tree ahead once three folders analysed ahead were linted completely, never above the files linted so far', () => {
    const tree: Record<string, string> = { 'tsconfig.json': files['tsconfig.json'], 'avglint.catalogue.yaml': files['avglint.catalogue.yaml'] };
    for (const name of ['src/a/1', 'src/a/2', 'src/a/3', 'src/b/1', 'src/b/2', 'src/b/3', 'src/c/1', 'src/c/2', 'src/c/3', 'src/d/1', 'src/d/2', 'src/d/sub/1', 'src/e/1', 'boven/1']) {
      tree[`${name}.ts`] = `export const x = '${name}';\n`;
    }
    tree['src/e/2.ts'] = "export const x = 'src/e/2';\nPROBE_LOG(x);\n";
    // A folder of the tree with a catalogue of its own (broken): its file is judged by that one, so not analysed ahead.
    tree['src/f/avglint.catalogue.yaml'] = 'version: 1\ncategories: [\n';
    tree['src/f/1.ts'] = "export const x = 'src/f/1';\n";
    const p = project(tree);
    const lintAt = linterFor(p.dir);
    for (const folder of ['a', 'b', 'c']) for (const n of [1, 2, 3]) lintAt(`src/${folder}/${n}.ts`);
    assert.deepEqual(analysed(p.dir), ['src/a/1.ts', 'src/a/2.ts', 'src/a/3.ts', 'src/b/1.ts', 'src/b/2.ts', 'src/b/3.ts', 'src/c/1.ts', 'src/c/2.ts', 'src/c/3.ts'], 'folder by folder, each from its second file');
    lintAt('src/d/1.ts');
    assert.deepEqual(analysed(p.dir).slice(9), ['src/d/1.ts', 'src/d/2.ts', 'src/d/sub/1.ts', 'src/e/1.ts', 'src/e/2.ts'], 'the tree of src (the files linted so far are all in it), not boven/');
    for (const name of ['src/d/2', 'src/d/sub/1', 'src/e/1']) lintAt(`${name}.ts`);
    assert.deepEqual(lintAt('src/e/2.ts').map((m) => [m.ruleId, m.line, m.column]), [['avglint/no-personal-data-in-logs', 2, 11]]);
    assert.equal(analysed(p.dir).length, 14, 'every file of the tree analysed once');
    assert.deepEqual(lintAt('src/f/1.ts').map((m) => m.ruleId), ['avglint/no-personal-data-in-logs'], 'its own catalogue\'s problem');
    assert.equal(analysed(p.dir).length, 14);
  });

  it('analyses no more than each linted file while the run lints files of several folders but no folder completely (changed files)', () => {
    const p = project(files);
    const lintAt = linterFor(p.dir);
    for (const file of ['a/een.ts', 'b/vier.ts', 'a/twee.ts', 'b/vijf.ts']) lintAt(file);
    assert.deepEqual(analysed(p.dir), ['a/een.ts', 'b/vier.ts', 'a/twee.ts', 'b/vijf.ts'], 'never two files of one folder in a row');
  });

  it('analyses nothing ahead in a worker thread (ESLint --concurrency), where another thread may lint the folder\'s other files', async () => {
    const p = project(files);
    // The worker has its own modules: it counts the analyses itself, with the same probe idea (wrapping one check).
    const script = `
      const path = require('node:path');
      const { parentPort, workerData } = require('node:worker_threads');
      const { Linter } = require('eslint');
      const { RULE_MODULES } = require('@avglint/rules');
      const plugin = require('eslint-plugin-avglint').default ?? require('eslint-plugin-avglint');
      const analysed = [];
      const rule = RULE_MODULES.find((r) => r.id === 'no-personal-data-in-logs');
      const check = rule.check;
      rule.check = (context, helpers) => { analysed.push(path.basename(context.sourceFile.fileName)); return check.call(rule, context, helpers); };
      const linter = new Linter({ cwd: workerData.dir });
      const base = plugin.configs.strict;
      const config = { ...base, languageOptions: { ...base.languageOptions, parserOptions: { projectService: true, tsconfigRootDir: workerData.dir } }, rules: { 'avglint/no-personal-data-in-logs': 'error' } };
      for (const file of ['a/een.ts', 'a/twee.ts']) linter.verify(require('node:fs').readFileSync(path.join(workerData.dir, file), 'utf8'), [config], path.join(workerData.dir, file));
      parentPort.postMessage(analysed);
    `;
    const analysedInWorker = await new Promise<string[]>((resolve, reject) => {
      const worker = new Worker(script, { eval: true, workerData: { dir: p.dir } });
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    assert.deepEqual(analysedInWorker, ['een.ts', 'twee.ts']);
  });
});
