/**
 * The severities and options the project's own ESLint config gives avglint's rules for a file, so the editor says
 * what CI says: `error` in CI is an error in the editor, a rule the config leaves out is not shown.
 *
 * SECURITY: computing an ESLint config loads `eslint.config.*`, which is the workspace's code. The server does it only
 * when the client says the workspace is trusted (`initializationOptions.workspaceTrusted`, from VS Code's
 * `workspace.isTrusted`); otherwise the editor's settings, the catalogue's `settings` and the defaults apply, and no
 * file of the workspace is run. ESLint itself is the workspace's own (resolved from the folder), never bundled.
 */
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { RULE_IDS, type RuleId } from '@avglint/rules';
import type { SeverityName, Settings } from './settings';

/** What the ESLint config says about avglint's rules for one file. */
export interface EslintRules {
  readonly severity: Readonly<Record<RuleId, SeverityName>>;
  readonly ruleOptions: Readonly<Partial<Record<RuleId, Readonly<Record<string, unknown>>>>>;
}

interface EslintModule {
  readonly ESLint: new (options: { cwd: string }) => { calculateConfigForFile(file: string): Promise<{ rules?: Record<string, unknown> } | undefined> };
}

/** ESLint's configs per file, computed once per file until the config may have changed (`clear`). */
export class EslintConfigs {
  private readonly cache = new Map<string, Promise<EslintRules | undefined>>();

  constructor(private readonly log: (message: string) => void) {}

  /** The avglint rules of `file`'s ESLint config, or undefined without an ESLint or a config (never throws). */
  rulesFor(folder: string, file: string): Promise<EslintRules | undefined> {
    let rules = this.cache.get(file);
    if (!rules) {
      rules = load(folder, file).catch((error: unknown) => {
        this.log(`avglint: could not read the ESLint config for ${file} (${error instanceof Error ? error.message : String(error)}); using the editor's settings`);
        return undefined;
      });
      this.cache.set(file, rules);
    }
    return rules;
  }

  /** After a change to an ESLint config or the workspace's trust. */
  clear(): void {
    this.cache.clear();
  }
}

async function load(folder: string, file: string): Promise<EslintRules | undefined> {
  let eslint: EslintModule;
  try {
    eslint = createRequire(path.join(folder, 'package.json'))('eslint') as EslintModule;
  } catch {
    return undefined;
  }
  const config = await new eslint.ESLint({ cwd: folder }).calculateConfigForFile(file);
  const rules = config?.rules;
  if (!rules || !Object.keys(rules).some((name) => name.startsWith('avglint/'))) return undefined;
  const severity = {} as Record<RuleId, SeverityName>;
  const ruleOptions: Partial<Record<RuleId, Record<string, unknown>>> = {};
  for (const id of RULE_IDS) {
    const entry = rules[`avglint/${id}`];
    const level = Array.isArray(entry) ? (entry[0] as unknown) : entry;
    severity[id] = level === 2 || level === 'error' ? 'error' : level === 1 || level === 'warn' ? 'warning' : 'off';
    const options = Array.isArray(entry) ? (entry[1] as unknown) : undefined;
    if (typeof options === 'object' && options !== null && !Array.isArray(options) && Object.keys(options).length > 0) ruleOptions[id] = options as Record<string, unknown>;
  }
  return { severity, ruleOptions };
}

/** The editor's settings with the ESLint config's severities and options in place of its own. */
export function withEslintRules(settings: Settings, rules: EslintRules | undefined): Settings {
  if (!rules) return settings;
  return { ...settings, severity: { default: 'off', rules: rules.severity }, ruleOptions: rules.ruleOptions };
}
