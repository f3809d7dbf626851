/**
 * The plugin as CI uses it: ESLint's own class and command line over small projects on disk, with flat configs that
 * import the plugin. Each test builds its project, lints it and looks only at what a user would see.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ESLint, Linter } from 'eslint';
import { eslintBin, eslintConfig, fixtureCatalogueText, tempProjectsForSuite, type TempProject } from '../helpers/tempProject';

const BSN = "export const bsn = '111222333';\n"; // passes the elfproef: a planted no-bsn-literal violation
const CLEAN = "export const bsn = '111222334';\n"; // its neighbour fails the elfproef

async function lint(project: TempProject, patterns: string[] = ['src']): Promise<ESLint.LintResult[]> {
  const eslint = new ESLint({ cwd: project.dir, overrideConfigFile: path.join(project.dir, 'eslint.config.mjs') });
  return eslint.lintFiles(patterns);
}

function messages(results: readonly ESLint.LintResult[]): string[] {
  return results.flatMap((r) => r.messages.map((m) => `${path.basename(r.filePath)}:${m.line}:${m.column} ${m.ruleId ?? '(fatal)'} ${m.message}`));
}

function errorCount(results: readonly ESLint.LintResult[]): number {
  return results.reduce((sum, r) => sum + r.errorCount, 0);
}

describe('ESLint with eslint-plugin-avglint', function () {
  this.timeout(60_000);
  const project = tempProjectsForSuite();

  it('fails on a violation and passes once it is fixed (ESLint class)', async () => {
    const p = project({
      'avglint.catalogue.yaml': fixtureCatalogueText(),
      'eslint.config.mjs': eslintConfig('[avglint.configs.recommended]'),
      'src/ids.ts': BSN,
    });
    const before = await lint(p);
    assert.equal(errorCount(before), 1, messages(before).join('\n'));
    assert.equal(before[0]?.messages[0]?.ruleId, 'avglint/no-bsn-literal');
    assert.deepEqual([before[0]?.messages[0]?.line, before[0]?.messages[0]?.column], [1, 20]);
    p.write('src/ids.ts', CLEAN);
    const after = await lint(p);
    assert.equal(errorCount(after), 0, messages(after).join('\n'));
  });

  it('exits 1 on a violation and 0 once it is fixed (eslint command line)', () => {
    const p = project({
      'avglint.catalogue.yaml': fixtureCatalogueText(),
      'eslint.config.mjs': eslintConfig('[avglint.configs.recommended]'),
      'src/ids.ts': BSN,
    });
    const failing = spawnSync(process.execPath, [eslintBin(), '.'], { cwd: p.dir, encoding: 'utf8' });
    assert.equal(failing.status, 1, failing.stdout + failing.stderr);
    assert.match(failing.stdout, /avglint\/no-bsn-literal/);
    p.write('src/ids.ts', CLEAN);
    const passing = spawnSync(process.execPath, [eslintBin(), '.'], { cwd: p.dir, encoding: 'utf8' });
    assert.equal(passing.status, 0, passing.stdout + passing.stderr);
  });

  it('writes SARIF through @microsoft/eslint-formatter-sarif, as the README shows for CI', () => {
    const p = project({
      'avglint.catalogue.yaml': fixtureCatalogueText(),
      'eslint.config.mjs': eslintConfig('[avglint.configs.recommended]'),
      'src/ids.ts': BSN,
    });
    // The formatter is resolved from the working directory, as in a project that installed it.
    p.write('node_modules/@microsoft/eslint-formatter-sarif/index.js', `module.exports = require(${JSON.stringify(require.resolve('@microsoft/eslint-formatter-sarif'))});\n`);
    p.write('node_modules/@microsoft/eslint-formatter-sarif/package.json', '{ "name": "@microsoft/eslint-formatter-sarif", "main": "index.js" }\n');
    const run = spawnSync(process.execPath, [eslintBin(), 'src', '--format', '@microsoft/eslint-formatter-sarif', '--output-file', 'avglint.sarif'], { cwd: p.dir, encoding: 'utf8' });
    assert.equal(run.status, 1, run.stdout + run.stderr);
    const log = JSON.parse(fs.readFileSync(path.join(p.dir, 'avglint.sarif'), 'utf8')) as {
      version: string;
      runs: { tool: { driver: { rules: { id: string; helpUri?: string }[] } }; results: { ruleId: string; locations: { physicalLocation: { region: { startLine: number; startColumn: number } } }[] }[] }[];
    };
    assert.equal(log.version, '2.1.0');
    const [run0] = log.runs;
    assert.deepEqual(run0?.results.map((r) => [r.ruleId, r.locations[0]?.physicalLocation.region.startLine, r.locations[0]?.physicalLocation.region.startColumn]), [['avglint/no-bsn-literal', 1, 20]]);
    assert.ok(run0?.tool.driver.rules.some((r) => r.id === 'avglint/no-bsn-literal' && r.helpUri?.endsWith('/docs/rules/no-bsn-literal.md') === true));
  });

  it('reports a broken catalogue as an error naming its file, line and column, once per linted file', async () => {
    const p = project({
      'avglint.catalogue.yaml': 'version: 1\norganisation: Testschool\nfoo: bar\n',
      'eslint.config.mjs': eslintConfig('[avglint.configs.recommended]'),
      'src/a.ts': CLEAN,
      'src/b.js': 'export const x = 1;\n',
    });
    const results = await lint(p);
    assert.equal(results.length, 2);
    for (const result of results) {
      assert.equal(result.errorCount, 1, messages([result]).join('\n'));
      const [message] = result.messages;
      assert.equal(message?.line, 1);
      // One line, the path relative to ESLint's working directory; `avglint catalogue check` lists every problem.
      assert.equal(message?.message, 'Catalogue avglint.catalogue.yaml:3:1: Unknown key `foo` in the top level of the catalogue. (avglint catalogue check)');
    }
  });

  it('keeps a CI log readable with a broken starter catalogue: one line per file, no stylish line over 160 characters', async () => {
    // The starter catalogue with three mistakes whose messages and hints are long (a typo, an unknown term, a bad number).
    const broken = fs
      .readFileSync(path.join(__dirname, '..', '..', '..', 'examples', 'avglint.catalogue.yaml'), 'utf8')
      .replace('organisation: Veluwse Onderwijsgroep', 'organisation: Veluwse Onderwijsgroep\nretentoin: {}')
      .replace(/(\n {4}retention: )\S+/u, '$1eeuwig')
      .replace("allow: ['123456782']", "allow: ['12345']");
    const p = project({ 'avglint.catalogue.yaml': broken, 'eslint.config.mjs': eslintConfig('[avglint.configs.recommended]'), 'src/a.js': CLEAN, 'src/b.js': CLEAN });
    const results = await lint(p);
    const output = await (await new ESLint({ cwd: p.dir }).loadFormatter('stylish')).format(results);
    const lines = output.split('\n');
    // Before (every problem and its hint in each message): 25 lines, the longest 408 characters; now 9 and 159.
    assert.ok(Math.max(...lines.map((l) => l.length)) <= 160, output);
    assert.deepEqual(results.map((r) => r.messages.length), [1, 1]);
    // The starter catalogue says `settings.locale: nl`: its problems, and the line about them, are in Dutch.
    assert.match(results[0]?.messages[0]?.message ?? '', /^Catalogus avglint\.catalogue\.yaml:\d+:\d+: Onbekende sleutel .*\(\+\d+ meer\) \(avglint catalogue check\)$/u);
  });

  it('reports a missing catalogue as an error, whether searched for or configured', async () => {
    const searched = project({ 'eslint.config.mjs': eslintConfig('[avglint.configs.recommended]'), 'src/a.ts': CLEAN });
    const configured = project({
      'eslint.config.mjs': eslintConfig("[avglint.configs.recommended, { settings: { avglint: { catalogue: 'policy/avglint.catalogue.yaml' } } }]"),
      'src/a.ts': CLEAN,
    });
    const [searchedResult] = await lint(searched);
    assert.equal(searchedResult?.errorCount, 1);
    assert.match(searchedResult?.messages[0]?.message ?? '', /No avglint\.catalogue\.yaml found/);
    assert.match(searchedResult?.messages[0]?.message ?? '', /\(create one: npx avglint init\)$/);
    const [configuredResult] = await lint(configured);
    assert.equal(configuredResult?.errorCount, 1);
    // Named as ESLint names files, relative to its working directory: an absolute path would not fit the one line.
    assert.match(configuredResult?.messages[0]?.message ?? '', /^The catalogue policy[\\/]avglint\.catalogue\.yaml does not exist, so nothing is checked\. \(create one: npx avglint init\)$/u);
  });

  it('finds the catalogue named in settings.avglint.catalogue, relative to the working directory', async () => {
    const p = project({
      'policy/school.catalogue.yaml': fixtureCatalogueText(),
      'eslint.config.mjs': eslintConfig("[avglint.configs.recommended, { settings: { avglint: { catalogue: 'policy/school.catalogue.yaml' } } }]"),
      'src/ids.ts': BSN,
    });
    const results = await lint(p);
    assert.deepEqual(results[0]?.messages.map((m) => m.ruleId), ['avglint/no-bsn-literal'], messages(results).join('\n'));
  });

  it('recommended works on plain JavaScript without a tsconfig', async () => {
    const p = project({
      'avglint.catalogue.yaml': fixtureCatalogueText(),
      'eslint.config.mjs': eslintConfig('[avglint.configs.recommended]'),
      'src/ids.js': "module.exports = { bsn: '111222333' };\n",
      'src/view.jsx': "export const View = () => <span title='111222333' />;\n",
      'src/mod.mjs': BSN,
    });
    const results = await lint(p);
    assert.deepEqual(messages(results).map((m) => m.split(' ').slice(0, 2).join(' ')), [
      'ids.js:1:25 avglint/no-bsn-literal',
      'mod.mjs:1:20 avglint/no-bsn-literal',
      'view.jsx:1:39 avglint/no-bsn-literal',
    ]);
  });

  it('strict works with type information from the project service', async () => {
    const p = project({
      'avglint.catalogue.yaml': fixtureCatalogueText(),
      'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, noEmit: true, module: 'node16', types: [] }, include: ['src'] }),
      // A probe rule next to avglint's records whether ESLint gave the file a TypeScript program.
      'eslint.config.mjs': eslintConfig(`[
        avglint.configs.strict,
        { languageOptions: { parserOptions: { tsconfigRootDir: import.meta.dirname } } },
        { plugins: { probe: { rules: { typed: { create(context) { return { Program(node) {
            if (context.sourceCode.parserServices?.program) context.report({ node, message: 'typed' });
          } }; } } } } }, rules: { 'probe/typed': 'warn' } },
      ]`),
      'src/ids.ts': BSN,
      // Not in the tsconfig: strict leaves JavaScript alone rather than failing on it.
      'scripts/seed.js': BSN,
    });
    const results = await lint(p);
    assert.deepEqual(messages(results).map((m) => m.split(' ').slice(0, 2).join(' ')), ['ids.ts:1:1 probe/typed', 'ids.ts:1:20 avglint/no-bsn-literal']);
  });

  it('strict takes files no tsconfig includes as an inferred program: no parse error, flows across require and modules', async () => {
    const p = project({
      'avglint.catalogue.yaml': fixtureCatalogueText(),
      'package.json': '{ "name": "js-school" }',
      'eslint.config.mjs': eslintConfig(`[
        avglint.configs.strict,
        { plugins: { probe: { rules: { typed: { create(context) { return { Program(node) {
            if (context.sourceCode.parserServices?.program) context.report({ node, message: 'typed' });
          } }; } } } } }, rules: { 'probe/typed': 'warn' } },
      ]`),
      'src/helpers.js': "const URL = 'https://analytics.example.com/e';\nfunction stuur(data) {\n  return fetch(URL, { method: 'POST', body: JSON.stringify(data) });\n}\nmodule.exports = { stuur };\n",
      'src/app.js': "const { stuur } = require('./helpers');\nfunction sync(leerling) {\n  stuur({ naam: leerling.naam });\n}\nmodule.exports = sync;\n",
      'src/ids.ts': BSN,
    });
    const results = await lint(p);
    assert.deepEqual(messages(results).map((m) => m.split(' ').slice(0, 2).join(' ')), [
      'app.js:1:1 probe/typed',
      'app.js:3:11 avglint/no-unauthorised-transfer',
      'helpers.js:1:1 probe/typed',
      'ids.ts:1:1 probe/typed',
      'ids.ts:1:20 avglint/no-bsn-literal',
    ]);
  });

  it('reports a disable comment without a reason, and accepts one with a reason', async () => {
    const p = project({
      'avglint.catalogue.yaml': fixtureCatalogueText(),
      'eslint.config.mjs': eslintConfig('[avglint.configs.recommended]'),
      'src/without.ts': `// eslint-disable-next-line avglint/no-bsn-literal\n${BSN}`,
      'src/with.ts': `// eslint-disable-next-line avglint/no-bsn-literal -- the test number DUO publishes\n${BSN}`,
    });
    const results = await lint(p);
    assert.deepEqual(messages(results).map((m) => m.split(' ').slice(0, 2).join(' ')), ['without.ts:1:1 avglint/require-suppression-reason']);
  });

  it('exports flat configs with the plugin, every rule in strict, and typed linting only in strict', async () => {
    const { default: plugin } = await import('eslint-plugin-avglint');
    const { RULE_IDS } = await import('@avglint/rules');
    assert.equal(plugin.meta.name, 'eslint-plugin-avglint');
    assert.match(plugin.meta.version, /^\d+\.\d+\.\d+/);
    assert.deepEqual(Object.keys(plugin.configs.strict.rules ?? {}).sort(), RULE_IDS.map((id) => `avglint/${id}`).sort());
    assert.deepEqual(plugin.configs.strict.languageOptions?.parserOptions, { projectService: true });
    assert.equal(plugin.configs.recommended.languageOptions?.parserOptions, undefined);
    assert.equal(plugin.configs.strict.plugins?.['avglint'], plugin);
  });

  it('gives each folder the catalogue nearest to it, with one settings object for all files, and does not remember a folder without one', async () => {
    const { default: plugin } = await import('eslint-plugin-avglint');
    const p = project({
      'a/avglint.catalogue.yaml': fixtureCatalogueText(),
      'b/avglint.catalogue.yaml': 'version: 1\ncategories: [\n',
      'c/.keep': '',
    });
    // One settings object, as ESLint hands every file of one config: the plugin keeps what it found per folder for it.
    const settings = {};
    const linter = new Linter({ cwd: p.dir });
    const config = { ...plugin.configs.recommended, settings } as Linter.Config;
    const lintAt = (file: string): string[] => linter.verify(BSN, [config], path.join(p.dir, file)).map((m) => `${m.ruleId ?? '(fatal)'}`);
    assert.deepEqual(lintAt('a/one.ts'), ['avglint/no-bsn-literal']);
    assert.deepEqual(lintAt('b/one.ts'), ['avglint/catalogue'], 'b has its own (broken) catalogue, not a\'s');
    assert.deepEqual(lintAt('a/two.ts'), ['avglint/no-bsn-literal']);
    assert.deepEqual(lintAt('b/two.ts'), ['avglint/catalogue']);
    assert.deepEqual(lintAt('c/one.ts'), ['avglint/catalogue'], 'no catalogue above c');
    // A catalogue the FG adds is found by the very next file: a folder without one is asked again every time.
    p.write('c/avglint.catalogue.yaml', fixtureCatalogueText());
    assert.deepEqual(lintAt('c/two.ts'), ['avglint/no-bsn-literal']);
  });
});
