/**
 * The rule presets every host offers under the same name: `recommended` (the rules the registry marks recommended)
 * and `strict` (every rule, and destinations that cannot be resolved reported too). The ESLint configs, `avglint
 * scan` and `scan --strict` are built from these, so they cannot drift apart.
 */
import { RULE_IDS, RULES, type RuleId } from '@avglint/rules';

export type PresetName = 'recommended' | 'strict';

export const PRESET_NAMES: readonly PresetName[] = ['recommended', 'strict'];

export interface Preset {
  readonly rules: ReadonlySet<RuleId>;
  /** Options that differ from the registry's defaults, per rule, in ESLint's shape. */
  readonly ruleOptions: Readonly<Partial<Record<RuleId, Readonly<Record<string, unknown>>>>>;
}

export function preset(name: PresetName): Preset {
  if (name === 'strict') {
    return { rules: new Set(RULE_IDS), ruleOptions: { 'no-unauthorised-transfer': { reportUnresolvedDestinations: true } } };
  }
  return { rules: new Set(RULE_IDS.filter((id) => RULES[id].recommended)), ruleOptions: {} };
}
