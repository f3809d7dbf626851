/**
 * The shared RuleTester helper itself: both testers parse files under the fixture project
 * and report a missing catalogue through every rule instead of passing silently.
 */
import { RULE_IDS } from '@avglint/rules';
import { rule, ruleTester, typedRuleTester } from '../helpers/ruleTester';

const missing = { avglint: { catalogue: 'does-not-exist.catalogue.yaml' } };
const missingError = { messageId: 'catalogueProblem', line: 1, column: 1 } as const;

for (const id of RULE_IDS) {
  ruleTester.run(`${id} (no types): a missing catalogue is an error`, rule(id), {
    valid: [],
    invalid: [
      { code: 'const a = 1;', settings: missing, errors: [missingError] },
      { code: 'const a = 1;', filename: 'src/zorg/plan.js', settings: missing, errors: [missingError] },
    ],
  });
}

typedRuleTester.run('no-unauthorised-transfer (typed): a missing catalogue is an error', rule('no-unauthorised-transfer'), {
  valid: [],
  invalid: [
    { code: 'export const a: number = 1;', settings: missing, errors: [missingError] },
    { code: 'export const a: number = 1;', filename: 'src/react.tsx', settings: missing, errors: [missingError] },
  ],
});
