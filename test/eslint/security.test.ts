/**
 * The ESLint plugin on hostile repositories and on the repository root, through the Node layer every host shares: a
 * catalogue that leads out of the repository fails every file with the problem at its position and nothing of the
 * outside file, and a `.git` folder marks the root exactly as `package.json` does (as in the CLI and the editor).
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { ESLint } from 'eslint';
import { FAILING_RULE, plantFailingCheck } from '../helpers/failingCheck';
import { HOSTILE_CASES, SECRET, SECRET_PATTERN } from '../helpers/hostile';
import { eslintConfig, fixtureCatalogueText, tempProjectsForSuite, type TempProject } from '../helpers/tempProject';

const BSN = "export const bsn = '111222333';\n";

async function lint(project: TempProject): Promise<ESLint.LintResult[]> {
  const eslint = new ESLint({ cwd: project.dir, overrideConfigFile: path.join(project.dir, 'eslint.config.mjs') });
  return eslint.lintFiles(['src']);
}

describe('ESLint with eslint-plugin-avglint: the repository boundary', function () {
  this.timeout(60_000);
  const project = tempProjectsForSuite();

  for (const c of HOSTILE_CASES) {
    it(`${c.name}: an error on line 1 of every file, pointing at ${c.line}:${c.column}, nothing of the file shown`, async () => {
      const outside = project({ 'secret.yaml': SECRET });
      const repo = project({ 'package.json': '{}', 'eslint.config.mjs': eslintConfig('[avglint.configs.recommended]'), 'src/ids.ts': BSN, 'src/other.ts': 'export const x = 1;\n' });
      c.arrange(repo, outside);
      const results = await lint(repo);
      assert.equal(results.length, 2);
      for (const result of results) {
        assert.deepEqual(result.messages.map((m) => [m.line, m.column, m.severity]), [[1, 1, 2]]);
        const message = result.messages[0]?.message ?? '';
        // One line naming the place (`avglint catalogue check` and `scan` give every problem in full, test/cli).
        assert.ok(message.startsWith(`Catalogue avglint.catalogue.yaml:${c.line}:${c.column}: `), message);
        assert.ok(!message.includes('\n') && message.length <= 126, message);
        assert.doesNotMatch(message, SECRET_PATTERN);
      }
    });
  }

  it('a `.git` folder is the root `extends` may reach up to, as `package.json` is', async () => {
    const repo = project({
      '.git/HEAD': 'ref: refs/heads/main\n',
      'groep/base.avglint.catalogue.yaml': fixtureCatalogueText(),
      'scholen/noord/avglint.catalogue.yaml': 'version: 1\nextends: ../../groep/base.avglint.catalogue.yaml\n',
      'scholen/noord/eslint.config.mjs': eslintConfig('[avglint.configs.recommended]'),
      'scholen/noord/src/ids.ts': BSN,
    });
    const results = await lint({ ...repo, dir: path.join(repo.dir, 'scholen', 'noord') });
    assert.deepEqual(results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId ?? m.message}`)), ['1:20 avglint/no-bsn-literal']);
  });

  it('a rule that could not run on a file is an error there, beside the other rules’ findings (fails closed)', async () => {
    const repo = project({ 'package.json': '{}', 'avglint.catalogue.yaml': fixtureCatalogueText(), 'eslint.config.mjs': eslintConfig('[avglint.configs.recommended]'), 'src/ids.ts': BSN });
    const unplant = plantFailingCheck();
    try {
      const results = await lint(repo);
      assert.deepEqual(
        results.flatMap((r) => r.messages.map((m) => [m.line, m.column, m.severity, m.ruleId])),
        [
          // Under its own rule, avglint/catalogue (the recommended config enables it), not under an unrelated one.
          [1, 1, 2, 'avglint/catalogue'],
          [1, 20, 2, 'avglint/no-bsn-literal'],
        ],
      );
      assert.match(results[0]?.messages[0]?.message ?? '', new RegExp(`could not finish ${FAILING_RULE}`, 'u'));
    } finally {
      unplant();
    }
  });
});
