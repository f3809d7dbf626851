/**
 * ESLint's bulk suppressions (`eslint-suppressions.json`, written by `eslint --suppress-all` or `--suppress-rule`,
 * trimmed by `--prune-suppressions`), applied by `avglint scan` exactly as ESLint applies them, so an existing codebase
 * can adopt avglint with one file that both hosts honour and only new findings fail CI.
 *
 * The file maps a path relative to the directory ESLint ran in (with `/`) to rule ids (`avglint/no-bsn-literal`) and a
 * `count`. ESLint's rule (lib/services/suppressions-service.js): in a file, when a rule has at most `count` errors, all
 * of them are suppressed; when it has more, none are — the file has a new finding, and all of them are shown until the
 * file is fixed or the suppressions are updated. Only errors count; every avglint finding is an error.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** ESLint's default file name, in the directory it runs in. */
export const SUPPRESSIONS_FILE = 'eslint-suppressions.json';

export type BulkSuppressions = Readonly<Record<string, Readonly<Record<string, { readonly count: number }>>>>;

/** The suppressions, or what is wrong with the file (a missing default file is no suppressions). */
export function readBulkSuppressions(file: string, required: boolean): { suppressions: BulkSuppressions } | { error: string } {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if (!required && (error as NodeJS.ErrnoException).code === 'ENOENT') return { suppressions: {} };
    return { error: `cannot read the suppressions file ${file}: ${(error as Error).message}` };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { error: `the suppressions file ${file} is not JSON: ${(error as Error).message}` };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { error: `the suppressions file ${file} is not an object of files.` };
  for (const [name, rules] of Object.entries(parsed as Record<string, unknown>)) {
    if (typeof rules !== 'object' || rules === null || Array.isArray(rules)) return { error: `${file}: the entry for ${name} is not an object of rules.` };
    for (const [rule, entry] of Object.entries(rules as Record<string, unknown>)) {
      const count = typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>)['count'] : undefined;
      if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) return { error: `${file}: ${name} › ${rule} needs a whole \`count\` of 0 or more.` };
    }
  }
  return { suppressions: parsed as BulkSuppressions };
}

/**
 * Splits findings into those still reported and those the file suppresses, by ESLint's rule above. `base` is the
 * directory the paths in the file are relative to (where ESLint runs: the current directory, as for ESLint).
 */
export function applyBulkSuppressions<T extends { readonly file: string; readonly ruleId: string }>(
  findings: readonly T[],
  suppressions: BulkSuppressions,
  base: string,
): { kept: T[]; suppressed: T[] } {
  const key = (f: T): string => `${path.relative(base, f.file).split(path.sep).join('/')}\0avglint/${f.ruleId}`;
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(key(f), (counts.get(key(f)) ?? 0) + 1);
  const kept: T[] = [];
  const suppressed: T[] = [];
  for (const f of findings) {
    const [file = '', rule = ''] = key(f).split('\0');
    const rules = Object.hasOwn(suppressions, file) ? suppressions[file] : undefined;
    const allowed = rules !== undefined && Object.hasOwn(rules, rule) ? rules[rule]?.count : undefined;
    if (allowed !== undefined && (counts.get(key(f)) ?? 0) <= allowed) suppressed.push(f);
    else kept.push(f);
  }
  return { kept, suppressed };
}
