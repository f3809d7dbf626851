/**
 * A rule whose check always throws, planted for one test, so every host can be shown what it does when a rule could
 * not run on a file (`analysis/internal-error`) without depending on a real bug staying unfixed. The core catches it
 * per rule; the host must then fail closed.
 */
import { ruleModule, type RuleId, type RuleModule } from '@avglint/rules';

/** The rule whose check is replaced; the other rules keep running and reporting. */
export const FAILING_RULE: RuleId = 'no-personal-data-in-logs';

/** Makes the rule's check throw; returns the function that puts the real check back (call it in `afterEach`). */
export function plantFailingCheck(): () => void {
  // The live module object the core's analyseFile runs (rule modules are plain objects, see createRule).
  const rule = ruleModule(FAILING_RULE) as { check: RuleModule['check'] };
  const original = rule.check;
  rule.check = () => {
    throw new Error('planted failure for the fail-closed tests');
  };
  return () => {
    rule.check = original;
  };
}
