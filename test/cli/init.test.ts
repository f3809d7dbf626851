/**
 * `avglint init` on temporary projects: what it creates in an empty project, that it overwrites nothing in one that
 * has the files already, how it adds avglint to an existing flat ESLint config (ESM and CommonJS, and the loaded
 * result keeps the project's entries), the CI kinds, and the catalogues it writes load without errors.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ESLint } from 'eslint';
import { hasErrors, loadCatalogue } from '@avglint/rules';
import { addToEslintConfig, initProject, runInit, type InitStep } from 'avglint/dist/init';
import { nodeCatalogueHost as nodeHost } from '@avglint/node';
import { tempProjectsForSuite } from '../helpers/tempProject';

const rows = (steps: readonly InitStep[]): string[] => steps.map((s) => `${s.outcome} ${s.file}`);
const PLUGIN_URL = pathToFileURL(require.resolve('eslint-plugin-avglint')).href;

describe('avglint init', function () {
  this.timeout(60_000);
  const project = tempProjectsForSuite();

  it('creates the catalogue, an ESLint config, the VS Code files and a GitHub workflow in an empty project', () => {
    const p = project({ 'package.json': '{ "name": "school" }\n' });
    assert.deepEqual(rows(initProject(p.dir)), [
      'created avglint.catalogue.yaml',
      'created eslint.config.mjs',
      'created .vscode/extensions.json',
      'created .vscode/settings.json',
      'created .github/workflows/avglint.yml',
    ]);
    assert.deepEqual(JSON.parse(fs.readFileSync(path.join(p.dir, '.vscode', 'extensions.json'), 'utf8')), { recommendations: ['avglint.avglint-vscode'] });
    assert.deepEqual(JSON.parse(fs.readFileSync(path.join(p.dir, '.vscode', 'settings.json'), 'utf8')), { 'avglint.catalogue': 'avglint.catalogue.yaml' });
    const config = fs.readFileSync(path.join(p.dir, 'eslint.config.mjs'), 'utf8');
    assert.match(config, /avglint\.configs\.recommended/u);
    assert.doesNotMatch(config, /configs\.strict/u, 'no tsconfig.json: no typed config');
  });

  it('adds the typed strict config and its editor option when the project has a tsconfig.json', () => {
    const p = project({ 'package.json': '{}', 'tsconfig.json': '{}' });
    initProject(p.dir, { ci: 'none' });
    assert.match(fs.readFileSync(path.join(p.dir, 'eslint.config.mjs'), 'utf8'), /\.\.\.avglint\.configs\.strict,[^]*projectService: true, tsconfigRootDir: import\.meta\.dirname/u);
    assert.deepEqual(JSON.parse(fs.readFileSync(path.join(p.dir, '.vscode', 'settings.json'), 'utf8'))['avglint.ruleOptions'], { 'no-unauthorised-transfer': { reportUnresolvedDestinations: true } });
  });

  it('overwrites nothing: existing files are kept, JSON gets only the keys it lacks, JSON with comments is left for by hand', () => {
    const files = {
      'package.json': '{}',
      'avglint.catalogue.yaml': 'version: 1\n',
      'eslint.config.mjs': "import avglint from 'eslint-plugin-avglint';\nexport default [avglint.configs.recommended];\n",
      '.vscode/extensions.json': '{ "recommendations": ["dbaeumer.vscode-eslint"] }',
      '.vscode/settings.json': '// my settings\n{ "avglint.catalogue": "elders.yaml" }',
      '.github/workflows/avglint.yml': 'name: mine\n',
    };
    const p = project(files);
    assert.deepEqual(rows(initProject(p.dir)), [
      'kept avglint.catalogue.yaml',
      'kept eslint.config.mjs',
      'updated .vscode/extensions.json',
      'by hand .vscode/settings.json',
      'kept .github/workflows/avglint.yml',
    ]);
    for (const [file, text] of Object.entries(files)) {
      if (file !== '.vscode/extensions.json') assert.equal(fs.readFileSync(path.join(p.dir, file), 'utf8'), text, file);
    }
    assert.deepEqual(JSON.parse(fs.readFileSync(path.join(p.dir, '.vscode', 'extensions.json'), 'utf8')), { recommendations: ['dbaeumer.vscode-eslint', 'avglint.avglint-vscode'] });
    // A second run changes nothing more.
    assert.deepEqual(rows(initProject(p.dir)).filter((r) => !r.startsWith('kept') && !r.startsWith('by hand')), []);
  });

  it('uses a catalogue above the project (a monorepo) instead of writing one', () => {
    const p = project({ 'avglint.catalogue.yaml': 'version: 1\n', 'apps/web/package.json': '{}' });
    const steps = initProject(path.join(p.dir, 'apps', 'web'), { ci: 'none' });
    assert.deepEqual(rows(steps).slice(0, 1), ['kept ../../avglint.catalogue.yaml']);
    assert.equal(JSON.parse(fs.readFileSync(path.join(p.dir, 'apps', 'web', '.vscode', 'settings.json'), 'utf8'))['avglint.catalogue'], '../../avglint.catalogue.yaml');
  });

  // [what, file name, text, esm, rewritten?]
  const configs: [string, string, string, boolean, boolean][] = [
    ['ESM array', 'eslint.config.mjs', "import js from '@eslint/js';\nexport default [\n  { ignores: ['legacy/**'] },\n]\n", true, true],
    ['ESM defineConfig call', 'eslint.config.js', "import { defineConfig } from 'eslint/config';\nexport default defineConfig([{ ignores: ['legacy/**'] }]);\n", true, true],
    ['CommonJS object', 'eslint.config.cjs', "module.exports = { ignores: ['legacy/**'] };\n", false, true],
    ['a function export', 'eslint.config.mjs', 'export default function config() { return []; }\n', true, false],
    ['two exports', 'eslint.config.cjs', 'module.exports = [];\nmodule.exports = [];\n', false, false],
  ];
  for (const [what, , text, esm, rewritten] of configs) {
    it(`adds avglint to an existing flat config: ${what}`, () => {
      const updated = addToEslintConfig(text, esm, false);
      assert.equal(updated !== undefined, rewritten);
      if (updated === undefined) return;
      assert.ok(updated.includes(text.replace(esm ? 'export default ' : 'module.exports = ', 'const configBeforeAvglint = ').trimEnd()), 'the project\'s own config is kept as it was');
      assert.match(updated, esm ? /^import avglint from 'eslint-plugin-avglint';/u : /^const avglint = require\('eslint-plugin-avglint'\);/u);
      assert.match(updated, /\.\.\.\[configBeforeAvglint\]\.flat\(\),\n {2}\/\/ avglint: [^\n]*\n {2}avglint\.configs\.recommended,\n\];\n$/u);
    });
  }

  it('the rewritten config loads in ESLint with the project\'s ignores and avglint\'s rules', async () => {
    const p = project({
      'package.json': '{ "type": "module" }',
      'eslint.config.js': "export default [{ ignores: ['legacy/**'] }, { rules: { 'no-debugger': 'error' } }];\n",
      'src/a.js': 'export const a = 1;\n',
      'legacy/b.js': 'export const b = 1;\n',
    });
    const steps = initProject(p.dir, { ci: 'none' });
    assert.ok(rows(steps).includes('updated eslint.config.js'));
    // A temporary project has no node_modules: load the plugin of this repository by URL.
    const file = path.join(p.dir, 'eslint.config.js');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace("'eslint-plugin-avglint'", JSON.stringify(PLUGIN_URL)));
    const eslint = new ESLint({ cwd: p.dir });
    assert.equal(await eslint.isPathIgnored(path.join(p.dir, 'legacy', 'b.js')), true);
    const config = (await eslint.calculateConfigForFile(path.join(p.dir, 'src', 'a.js'))) as { rules: Record<string, unknown> };
    assert.ok('no-debugger' in config.rules);
    assert.ok('avglint/no-bsn-literal' in config.rules);
  });

  const ciCases: [string, string[]][] = [
    ['github', ['created .github/workflows/avglint.yml']],
    ['gitlab', ['created .gitlab/avglint.gitlab-ci.yml', 'created .gitlab-ci.yml']],
    ['shell', ['created scripts/avglint-ci.sh']],
    ['none', []],
  ];
  for (const [ci, expected] of ciCases) {
    it(`--ci ${ci} writes ${expected.length === 0 ? 'no workflow' : expected.join(', ')}`, () => {
      const p = project({ 'package.json': '{}' });
      let out = '';
      assert.equal(runInit(['--ci', ci], (t) => void (out += t), () => undefined, p.dir), 0);
      assert.deepEqual(rows(initProject(p.dir, { ci: ci as 'none' })).filter((r) => r.includes('gitlab') || r.includes('github') || r.includes('scripts/')), expected.map((r) => r.replace('created', 'kept')));
      assert.match(out, /npm install --save-dev avglint eslint-plugin-avglint eslint typescript/u);
    });
  }

  it('includes the GitLab job by hand when .gitlab-ci.yml exists, and picks GitLab for such a project by default', () => {
    const p = project({ 'package.json': '{}', '.gitlab-ci.yml': 'test:\n  script: [npm test]\n' });
    const steps = initProject(p.dir);
    assert.deepEqual(rows(steps).slice(-2), ['created .gitlab/avglint.gitlab-ci.yml', 'by hand .gitlab-ci.yml']);
    assert.equal(fs.readFileSync(path.join(p.dir, '.gitlab-ci.yml'), 'utf8'), 'test:\n  script: [npm test]\n');
  });

  it('writes catalogues that load without errors: the minimal one and the starter', () => {
    for (const starter of [false, true]) {
      const p = project({ 'package.json': '{}' });
      initProject(p.dir, { starter, ci: 'none' });
      const file = path.join(p.dir, 'avglint.catalogue.yaml');
      const text = fs.readFileSync(file, 'utf8');
      assert.match(text, /^# yaml-language-server: \$schema=node_modules\/@avglint\/rules\/schema\/catalogue\.schema\.json$/mu);
      const loaded = loadCatalogue(file, nodeHost, { now: new Date('2026-12-01'), root: p.dir });
      assert.equal(hasErrors(loaded.problems), false, JSON.stringify(loaded.problems));
      assert.equal(/^organisation: Veluwse Onderwijsgroep$/mu.test(text), starter);
    }
  });

  it('rejects a bad --ci and a missing directory with exit 2, and prints usage for --help', () => {
    const p = project({});
    let err = '';
    assert.equal(runInit(['--ci', 'jenkins'], () => undefined, (t) => void (err += t), p.dir), 2);
    assert.match(err, /Usage: avglint init/u);
    assert.equal(runInit(['nope'], () => undefined, () => undefined, p.dir), 2);
    let out = '';
    assert.equal(runInit(['--help'], (t) => void (out += t), () => undefined, p.dir), 0);
    assert.match(out, /--starter/u);
  });
});
