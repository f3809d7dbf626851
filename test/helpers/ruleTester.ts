/**
 * The shared RuleTester setup for avglint's rule tests. Two testers, both reading the shared test catalogue
 * (test/fixtures/project/avglint.catalogue.yaml) and both linting as if the code were a file in
 * test/fixtures/project/src/ — so `access` globs in the catalogue (relative to its directory) apply as written:
 *
 * - `ruleTester`: no type information (typescript-eslint's parser without a project). The rules work from names,
 *   as they do for plain JavaScript.
 * - `typedRuleTester`: typed linting through the project service on test/fixtures/project/tsconfig.json. Code can
 *   import real fixture modules from test/fixtures/project/src/ (e.g. `import { leerling } from './leerlingen'`);
 *   put them there. Every `filename` a typed case uses must exist on disk (the project service only knows files
 *   its tsconfig includes): add a placeholder `export {};` file under test/fixtures/project/src/ for it — the case's
 *   code replaces its text, as with the default src/file.ts. Untyped cases may name any file.
 *
 * How to write a table (one rule per file, e.g. test/rules/no-bsn-literal.test.ts):
 *
 *   import { rule, ruleTester, typedRuleTester } from '../helpers/ruleTester';
 *
 *   ruleTester.run('no-bsn-literal', rule('no-bsn-literal'), {
 *     valid: ['const x = 123456780;', { code: "const x = '111222333';", options: [{ allow: ['111222333'] }] }],
 *     invalid: [
 *       {
 *         code: "const bsn = '111222333';",
 *         errors: [{ messageId: 'bsnLiteral', line: 1, column: 13, endLine: 1, endColumn: 24 }],
 *       },
 *     ],
 *   });
 *
 * Positions are ESLint's: 1-based lines, 1-based columns in test expectations. `filename` is relative to
 * test/fixtures/project (default `src/file.ts`; `src/react.tsx` with JSX). Give `data` in an error only when the test
 * is about the message text; RuleTester then compares the whole filled-in message. Suggestions are checked with
 * `suggestions: [{ messageId, data?, output }]`. A missing or broken catalogue is reported with messageId
 * `catalogueProblem`, a problem from the core with `analysisProblem`.
 *
 * mocha's describe/it/after are wired below, so `ruleTester.run` can be called at the top level of a test file.
 */
import * as path from 'node:path';
import { RuleTester } from '@typescript-eslint/rule-tester';
import type { TSESLint } from '@typescript-eslint/utils';
import { eslintPointer, renderMessage, RULES, type Locale, type RuleId, type RuleMessage } from '@avglint/rules';
import plugin from 'eslint-plugin-avglint';

RuleTester.afterAll = after;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

/** test/fixtures/project, from test/dist/helpers where this file runs. */
export const FIXTURE_PROJECT = path.resolve(__dirname, '..', '..', 'fixtures', 'project');
export const FIXTURE_CATALOGUE = path.join(FIXTURE_PROJECT, 'avglint.catalogue.yaml');

/** An absolute path in the fixture project, e.g. `fixturePath('src/zorg/plan.ts')`. */
export function fixturePath(relative: string): string {
  return path.join(FIXTURE_PROJECT, relative);
}

const settings = { avglint: { catalogue: FIXTURE_CATALOGUE } };
const defaultFilenames = { ts: 'src/file.ts', tsx: 'src/react.tsx' } as const;

/** Without type information. The fixture directory is the working directory, so `filename` is relative to it. */
export const ruleTester = new RuleTester({
  defaultFilenames,
  languageOptions: { parserOptions: { tsconfigRootDir: FIXTURE_PROJECT } },
  settings,
});

/** With type information from test/fixtures/project/tsconfig.json (typescript-eslint's project service). */
export const typedRuleTester = new RuleTester({
  defaultFilenames,
  languageOptions: {
    parserOptions: {
      projectService: true,
      tsconfigRootDir: FIXTURE_PROJECT,
    },
  },
  settings,
});

/**
 * The `messageId` and `data` an error expects when the test is about the message text: the core's message in
 * `locale` filled with `data`, as the ESLint adapter reports it (`{{summary}}{{pointer}}`: one line).
 */
export function message(id: RuleId, messageId: string, data: Record<string, string>, locale: Locale = 'en'): { messageId: string; data: Record<string, string> } {
  const template = (RULES[id].messages as Record<string, RuleMessage | undefined>)[messageId];
  if (template === undefined) throw new Error(`${id} has no message ${messageId}`);
  const filled = renderMessage(template, data, locale);
  return { messageId, data: { summary: filled.summary, pointer: eslintPointer(filled.detail, locale) } };
}

/** The plugin's rule with this id, typed loosely enough for any table. */
export function rule(id: RuleId): TSESLint.RuleModule<string, readonly unknown[]> {
  const found = plugin.rules[id];
  if (found === undefined) throw new Error(`eslint-plugin-avglint has no rule ${id}`);
  return found as unknown as TSESLint.RuleModule<string, readonly unknown[]>;
}
