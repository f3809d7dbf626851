import { RuleTester } from '@typescript-eslint/rule-tester';
import plugin from 'eslint-plugin-avglint';
import { FIXTURE_CATALOGUE, FIXTURE_PROJECT, message, rule } from '../helpers/ruleTester';

/*
 * The comments under test name avglint's rules, so the plugin must be registered under `avglint` (the shared tester
 * does not): otherwise ESLint adds "Definition for rule 'avglint/…' was not found" to every case.
 */
const ruleTester = new RuleTester({
  defaultFilenames: { ts: 'src/file.ts', tsx: 'src/react.tsx' },
  languageOptions: { parserOptions: { tsconfigRootDir: FIXTURE_PROJECT } },
  settings: { avglint: { catalogue: FIXTURE_CATALOGUE } },
  plugins: { avglint: plugin },
  // The cases are about the comments themselves, not about whether they suppress anything.
  linterOptions: { reportUnusedDisableDirectives: 'off' },
});

ruleTester.run('require-suppression-reason', rule('require-suppression-reason'), {
  valid: [
    '/* eslint-disable avglint/no-bsn-literal -- testnummers uit de DUO-specificatie */',
    'x(); // eslint-disable-line avglint/require-retention -- cache leeft 1 minuut',
    '// eslint-disable-next-line avglint/no-bsn-literal --- voorbeeld uit de wet\nx();',
    '/* eslint-disable-next-line avglint/no-bsn-literal -- tijdelijk (until 2999-12-31) */\nx();',
    '/* eslint-enable avglint/no-bsn-literal */',
    '/* eslint-enable */',
    '// eslint-disable-next-line no-console\nx();',
    '// eslint-disable avglint/no-bsn-literal', // not a directive: ESLint ignores `eslint-disable` in a line comment
    '/** eslint-disable avglint/no-bsn-literal */',
    'const s = "/* eslint-disable avglint/no-bsn-literal */";',
    // A known limit of ESLint: a comment that disables every rule from its own position on also hides the report
    // about itself (the language server applies the same suppressions, so both hosts stay silent). See the rule's doc.
    '/* eslint-disable */',
    'x(); // eslint-disable-line',
  ],
  invalid: [
    {
      // The ESLint plugin passes today's date; 2020 is always in the past.
      code: 'f();\n// eslint-disable-next-line avglint/require-retention -- migratie (until 2020-01-31)\nx();',
      errors: [
        {
          ...message('require-suppression-reason', 'expiredSuppression', { rules: '`avglint/require-retention`', until: '2020-01-31', reason: 'migratie (until 2020-01-31)' }),
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 85,
        },
      ],
    },
    {
      code: '/* eslint-disable avglint/no-bsn-literal */',
      errors: [{ ...message('require-suppression-reason', 'missingReason', { rules: '`avglint/no-bsn-literal`' }), line: 1, column: 1, endLine: 1, endColumn: 44 }],
    },
    {
      code: 'x(); // eslint-disable-line avglint/require-retention, no-console',
      errors: [{ ...message('require-suppression-reason', 'missingReason', { rules: '`avglint/require-retention`' }), line: 1, column: 6, endLine: 1, endColumn: 66 }],
    },
    {
      code: 'f();\n// eslint-disable-next-line avglint/no-bsn-literal, avglint/require-retention\nx();',
      errors: [{ ...message('require-suppression-reason', 'missingReason', { rules: '`avglint/no-bsn-literal`, `avglint/require-retention`' }), line: 2, column: 1, endLine: 2, endColumn: 78 }],
    },
    {
      code: '/* eslint-disable-next-line\n   avglint/no-bsn-literal */\nx();',
      errors: [{ messageId: 'missingReason', line: 1, column: 1, endLine: 2, endColumn: 29 }],
    },
    {
      // `--` followed by nothing is no reason.
      code: '/* eslint-disable avglint/no-bsn-literal -- */',
      errors: [{ messageId: 'missingReason', line: 1, column: 1, endLine: 1, endColumn: 47 }],
    },
    {
      // Disabling every rule disables avglint's too.
      code: 'f();\n// eslint-disable-next-line\nx();',
      errors: [{ ...message('require-suppression-reason', 'missingReason', { rules: 'all rules (avglint included)' }), line: 2, column: 1, endLine: 2, endColumn: 28 }],
    },
  ],
});
