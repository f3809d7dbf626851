/**
 * eslint-plugin-avglint: the ESLint adapter of avglint. Every rule is the same thin adapter around the core
 * (`@avglint/rules`), made from the rule registry; see rule.ts.
 *
 * Usage (eslint.config.mjs):
 *   import avglint from 'eslint-plugin-avglint';
 *   export default [avglint.configs.recommended, { settings: { avglint: { catalogue: 'avglint.catalogue.yaml' } } }];
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TSESLint } from '@typescript-eslint/utils';
import { RULE_IDS } from '@avglint/rules';
import { createConfigs } from './configs';
import { createAvglintRule, type AvglintRule } from './rule';

const packageJson = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')) as { name: string; version: string };

const rules: Record<string, AvglintRule> = Object.fromEntries(RULE_IDS.map((id) => [id, createAvglintRule(id)]));

const base = {
  meta: { name: packageJson.name, version: packageJson.version },
  rules,
};

const plugin = Object.assign(base, { configs: createConfigs(base as unknown as TSESLint.FlatConfig.Plugin) });

export = plugin;
