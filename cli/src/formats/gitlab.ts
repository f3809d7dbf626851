/**
 * GitLab Code Quality (`artifacts:reports:codequality`): a JSON array of issues in the Code Climate subset GitLab
 * reads — `description`, `check_name`, `fingerprint`, `severity`, `location.path` (relative to the repository root)
 * and `location.lines.begin`. GitLab compares fingerprints between the merge request and its target branch to show
 * new and resolved findings, so they come from fingerprint.ts and do not change when code moves. Findings hidden by a
 * disable comment or the bulk-suppressions file are left out: Code Quality has no notion of a dismissed issue. A
 * broken catalogue becomes one `blocker` on the catalogue file, so the widget shows why nothing was checked.
 */
import * as path from 'node:path';
import { hasErrors, type RuleId } from '@avglint/rules';
import type { ScanResult } from '../scan';
import { hashKey } from './fingerprint';
import type { Format } from './format';
import { SECURITY_SEVERITY } from './sarif';

type Severity = 'info' | 'minor' | 'major' | 'critical' | 'blocker';

export interface CodeQualityIssue {
  readonly type: 'issue';
  readonly description: string;
  readonly check_name: string;
  readonly fingerprint: string;
  readonly severity: Severity;
  readonly categories: readonly string[];
  readonly location: { readonly path: string; readonly lines: { readonly begin: number; readonly end?: number } };
}

/** GitLab's severities from the SARIF security severity, so both reports rank findings alike. */
export function codeQualitySeverity(id: RuleId): Severity {
  const score = SECURITY_SEVERITY[id];
  return score >= 9 ? 'blocker' : score >= 7 ? 'critical' : score >= 4 ? 'major' : 'minor';
}

export function toCodeQuality(result: ScanResult): CodeQualityIssue[] {
  const relative = (file: string): string => path.relative(result.dir, file).split(path.sep).join('/');
  if (hasErrors(result.catalogueProblems)) {
    const problems = result.catalogueProblems.filter((p) => p.severity === 'error');
    return problems.map((p) => ({
      type: 'issue',
      description: `${p.message} (${p.hint})`,
      check_name: p.code,
      fingerprint: hashKey([p.code, relative(p.file), String(p.line), p.message].join('\0')),
      severity: 'blocker',
      categories: ['Security'],
      location: { path: relative(p.file), lines: { begin: p.line } },
    }));
  }
  return result.findings.map((f) => ({
    type: 'issue',
    description: f.message,
    check_name: `avglint/${f.ruleId}`,
    fingerprint: f.fingerprint,
    severity: codeQualitySeverity(f.ruleId),
    categories: ['Security'],
    location: { path: relative(f.file), lines: { begin: f.line, end: f.endLine } },
  }));
}

export const gitlab: Format = {
  name: 'gitlab',
  scan: {
    description: 'GitLab Code Quality, for artifacts:reports:codequality',
    render: (result) => `${JSON.stringify(toCodeQuality(result), null, 2)}\n`,
  },
};
