/**
 * The CI templates `avglint init` writes (cli/templates) are valid as written: the GitHub workflow against the
 * workflow schema GitHub publishes (SchemaStore's github-workflow.json, as compiled into @action-validator/core), the
 * GitLab job against GitLab's own CI schema (ci.json, as bundled in gitlab-ci-local), and the shell step with
 * `sh -n`. Each validator is shown to reject a broken copy, so a test that cannot fail does not pass for one. The
 * commands in them run against a packed install in test/install/run.sh.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tempProjectsForSuite } from '../helpers/tempProject';

const TEMPLATES = path.join(path.dirname(require.resolve('avglint/package.json')), 'templates');
const template = (name: string): string => fs.readFileSync(path.join(TEMPLATES, name), 'utf8');

interface ValidationState {
  errors: { code: string; title: string; path?: string; detail?: string }[];
}
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a WebAssembly module with CommonJS glue and no types.
const { validateWorkflow } = require('@action-validator/core') as { validateWorkflow(source: string): ValidationState };

describe('CI templates', function () {
  this.timeout(120_000);
  const project = tempProjectsForSuite();

  it('the GitHub workflow validates against the published workflow schema (and a broken copy does not)', () => {
    const workflow = template('github-workflow.yml');
    assert.deepEqual(validateWorkflow(workflow).errors, []);
    assert.notDeepEqual(validateWorkflow(workflow.replace('runs-on:', 'runs_on:')).errors, []);
  });

  it('the GitHub workflow runs one scan that fails the job, and uploads its SARIF even then', () => {
    const workflow = template('github-workflow.yml');
    assert.match(workflow, /^ {8}run: npx avglint scan --format sarif --output avglint\.sarif$/mu);
    assert.match(workflow, /uses: github\/codeql-action\/upload-sarif@v3\n {8}if: \$\{\{ always\(\) && hashFiles\('avglint\.sarif'\) != '' \}\}\n {8}with:\n {10}sarif_file: avglint\.sarif/u);
    assert.match(workflow, /security-events: write/u);
  });

  /** gitlab-ci-local's schema validation of `.gitlab-ci.yml` in a folder (`--list` parses, validates, lists jobs). */
  function gitlabValidate(text: string): { ok: boolean; output: string } {
    const p = project({ '.gitlab-ci.yml': text });
    spawnSync('git', ['init', '-q'], { cwd: p.dir });
    const cli = path.join(path.dirname(require.resolve('gitlab-ci-local/package.json')), 'dist', 'index.js');
    const run = spawnSync(process.execPath, ['--import', path.join(__dirname, '..', '..', 'helpers', 'setMethods.mjs'), cli, '--list'], { cwd: p.dir, encoding: 'utf8' });
    const output = `${run.stdout}${run.stderr}`;
    return { ok: run.status === 0 && /json schema validated/u.test(output) && !/Invalid \.gitlab-ci\.yml/u.test(output), output };
  }

  it('the GitLab job validates against GitLab\'s CI schema, with the Code Quality report (and a broken copy does not)', () => {
    const job = template('gitlab-ci.yml');
    const valid = gitlabValidate(job);
    assert.ok(valid.ok, valid.output);
    assert.match(valid.output, /^avglint +test +on_success/mu);
    assert.match(job, /- npx avglint scan --format gitlab --output gl-code-quality-report\.json\n[^]*reports:\n {6}codequality: gl-code-quality-report\.json/u);
    const broken = gitlabValidate(job.replace('reports:', 'reportz:'));
    assert.equal(broken.ok, false, broken.output);
  });

  it('the shell step is valid sh (and a broken copy is not)', () => {
    const script = template('avglint-ci.sh');
    const check = (text: string): number | null => spawnSync('sh', ['-n'], { input: text }).status;
    assert.equal(check(script), 0);
    assert.notEqual(check(script.replace(/\bfi\b/u, '')), 0);
    assert.ok((fs.statSync(path.join(TEMPLATES, 'avglint-ci.sh')).mode & 0o111) !== 0, 'executable');
  });
});
