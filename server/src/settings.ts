/**
 * The `avglint` settings section, as the client sends it. Anything malformed falls back to the default, so a typo in
 * settings.json degrades one setting instead of stopping the analysis.
 */
import { isLocale, RULE_IDS, type Locale, type RuleId } from '@avglint/rules';

export type SeverityName = 'error' | 'warning' | 'information' | 'hint' | 'off';
const SEVERITIES: readonly SeverityName[] = ['error', 'warning', 'information', 'hint', 'off'];

export interface Settings {
  /** Turns the analysis off without uninstalling the extension. */
  readonly enable: boolean;
  /** Path of the catalogue (absolute, or relative to the workspace folder); found upward from each file when null. */
  readonly catalogue: string | null;
  /** The default severity and per-rule overrides; `off` disables a rule. */
  readonly severity: { readonly default: SeverityName; readonly rules: Readonly<Partial<Record<RuleId, SeverityName>>> };
  /** Options per rule, in ESLint's shape, so the editor can mirror the project's ESLint config. */
  readonly ruleOptions: Readonly<Partial<Record<RuleId, Readonly<Record<string, unknown>>>>>;
  /** Wait this long after the last keystroke before analysing. */
  readonly debounceMs: number;
  /** The language of messages; null: the catalogue's `settings.locale`, else English. */
  readonly locale: Locale | null;
  /**
   * Take severities and rule options from the project's ESLint config (in a trusted workspace only: loading it runs
   * the workspace's code). Then `severity` and `ruleOptions` above are not used.
   */
  readonly useEslintConfig: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  enable: true,
  catalogue: null,
  severity: { default: 'warning', rules: {} },
  ruleOptions: {},
  debounceMs: 200,
  locale: null,
  useEslintConfig: true,
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isSeverity(value: unknown): value is SeverityName {
  return typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value);
}

function isRuleId(value: string): value is RuleId {
  return (RULE_IDS as readonly string[]).includes(value);
}

/** Rule ids may be written with or without the ESLint prefix (`avglint/no-bsn-literal`). */
function ruleKey(key: string): RuleId | undefined {
  const bare = key.startsWith('avglint/') ? key.slice('avglint/'.length) : key;
  return isRuleId(bare) ? bare : undefined;
}

export function normaliseSettings(raw: unknown): Settings {
  if (!isRecord(raw)) return DEFAULT_SETTINGS;
  const severity = { default: DEFAULT_SETTINGS.severity.default, rules: {} as Partial<Record<RuleId, SeverityName>> };
  if (isSeverity(raw.severity)) severity.default = raw.severity;
  else if (isRecord(raw.severity)) {
    for (const [key, value] of Object.entries(raw.severity)) {
      if (!isSeverity(value)) continue;
      if (key === 'default' || key === '*') severity.default = value;
      const rule = ruleKey(key);
      if (rule) severity.rules[rule] = value;
    }
  }
  const ruleOptions: Partial<Record<RuleId, Record<string, unknown>>> = {};
  if (isRecord(raw.ruleOptions)) {
    for (const [key, value] of Object.entries(raw.ruleOptions)) {
      const rule = ruleKey(key);
      if (rule && isRecord(value)) ruleOptions[rule] = value;
    }
  }
  const debounce = raw.debounceMs;
  return {
    enable: typeof raw.enable === 'boolean' ? raw.enable : DEFAULT_SETTINGS.enable,
    catalogue: typeof raw.catalogue === 'string' && raw.catalogue.trim() !== '' ? raw.catalogue.trim() : null,
    severity,
    ruleOptions,
    debounceMs: typeof debounce === 'number' && Number.isFinite(debounce) && debounce >= 0 ? Math.min(debounce, 10_000) : DEFAULT_SETTINGS.debounceMs,
    locale: isLocale(raw.locale) ? raw.locale : DEFAULT_SETTINGS.locale,
    useEslintConfig: typeof raw.useEslintConfig === 'boolean' ? raw.useEslintConfig : DEFAULT_SETTINGS.useEslintConfig,
  };
}

export function severityOf(settings: Settings, rule: RuleId): SeverityName {
  return settings.severity.rules[rule] ?? settings.severity.default;
}

/** The rules to run: every rule whose severity is not `off`. */
export function enabledRules(settings: Settings): ReadonlySet<RuleId> {
  return new Set(RULE_IDS.filter((rule) => severityOf(settings, rule) !== 'off'));
}
