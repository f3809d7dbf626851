/**
 * The shareable flat configs, derived from the registry so a new rule cannot be forgotten in them (the docs
 * meta-test checks this too).
 *
 * - `recommended`: every rule the registry marks recommended, as `error` — a privacy finding must fail CI, and a
 *   warning nobody reads would not. It sets typescript-eslint's parser without a project, so it works on plain
 *   JavaScript and on TypeScript without a tsconfig; the rules then work from names.
 * - `strict`: every rule, as `error`, unresolvable destinations reported too, and typed linting through
 *   typescript-eslint's project service, so the rules follow types and imported modules. Every source file: a file
 *   no tsconfig.json includes (plain JavaScript, scripts) is no parse error but part of an inferred program
 *   (./parser.ts), announced once.
 */
import * as parser from '@typescript-eslint/parser';
import * as strictParser from './parser';
import type { TSESLint } from '@typescript-eslint/utils';
import { preset, type PresetName } from '@avglint/node';
import { RULE_IDS } from '@avglint/rules';

type RuleEntry = TSESLint.SharedConfig.RuleEntry;

/** ESLint lints only JavaScript unless a config names other files, so the configs name every file avglint analyses. */
export const FILES = ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'];
/**
 * The strict config is typed. typescript-eslint's project service fails on a file no tsconfig includes; the strict
 * parser (./parser.ts) falls back to an inferred program for those, so the strict config can take every source file.
 */
export const TYPED_FILES = FILES;

/** A preset of the Node layer (the same one `avglint scan` runs) as ESLint rule entries, options over the defaults. */
function presetRules(name: PresetName): Record<string, RuleEntry> {
  const { rules, ruleOptions } = preset(name);
  return Object.fromEntries(
    RULE_IDS.filter((id) => rules.has(id)).map((id): [string, RuleEntry] => {
      const options = ruleOptions[id];
      return [`avglint/${id}`, options === undefined ? 'error' : ['error', { ...options }]];
    }),
  );
}

export function recommendedRules(): Record<string, RuleEntry> {
  return presetRules('recommended');
}

export function strictRules(): Record<string, RuleEntry> {
  return presetRules('strict');
}

export function createConfigs(plugin: TSESLint.FlatConfig.Plugin): { recommended: TSESLint.FlatConfig.Config; strict: TSESLint.FlatConfig.Config } {
  return {
    recommended: {
      name: 'avglint/recommended',
      files: FILES,
      plugins: { avglint: plugin },
      languageOptions: { parser },
      rules: recommendedRules(),
    },
    strict: {
      name: 'avglint/strict',
      files: TYPED_FILES,
      plugins: { avglint: plugin },
      languageOptions: { parser: strictParser, parserOptions: { projectService: true } },
      rules: strictRules(),
    },
  };
}
