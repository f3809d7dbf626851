import * as path from 'node:path';
import type * as ts from 'typescript';
import { categoryIndex } from '../catalogue/names';
import type { Finding } from '../finding';
import type { Problem } from '../problem';
import { RULES, type RuleId } from '../rules/registry';
import type { AnalysisInput, AnalysisResult } from './api';
import type { Check, CheckContext } from './context';
import { CHECKS } from './checks';
import { releaseFileCaches } from './flow/flows';
import { ensureParents } from './flow/walk';

/**
 * Runs every enabled check over one file. Never throws: a check that fails becomes a problem at the top of the file,
 * and the other checks still report.
 */
export function analyseFile(input: AnalysisInput): AnalysisResult {
  const { sourceFile, program, catalogue } = input;
  ensureParents(sourceFile);
  const options = input.options ?? {};
  const isCancelled = input.isCancelled ?? ((): boolean => false);
  const context: CheckContext = {
    sourceFile,
    program,
    checker: program?.getTypeChecker(),
    catalogue,
    index: categoryIndex(catalogue),
    relativePath: relativeTo(catalogue.root, sourceFile.fileName),
    options,
    isCancelled,
    enabled: (rule) => options.rules === undefined || options.rules.has(rule),
    ruleOptions: (rule) => ({ ...(RULES[rule].defaultOptions[0] ?? {}), ...(options.ruleOptions?.[rule] ?? {}) }),
  };
  const findings: Finding[] = [];
  const problems: Problem[] = [];
  let cancelled = false;
  for (const check of CHECKS) {
    if (isCancelled()) {
      cancelled = true;
      break;
    }
    if (!check.rules.some(context.enabled)) continue;
    runCheck(check, context, findings, problems);
  }
  releaseFileCaches(context);
  return { findings: normalise(findings), problems, cancelled };
}

function runCheck(check: Check, context: CheckContext, findings: Finding[], problems: Problem[]): void {
  try {
    for (const finding of check.run(context)) if (context.enabled(finding.ruleId)) findings.push(finding);
  } catch (error) {
    problems.push(internalError(context.sourceFile, check.rules, error));
  }
}

function internalError(sourceFile: ts.SourceFile, rules: readonly RuleId[], error: unknown): Problem {
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return {
    file: sourceFile.fileName,
    line: 1,
    column: 1,
    severity: 'error',
    code: 'analysis/internal-error',
    message: `avglint could not finish ${rules.join(', ')} on this file: ${detail.split('\n')[0] ?? ''}`,
    hint: 'This is a bug in avglint; please report it with the file. The other rules still ran.',
  };
}

/** Sorts by position and rule, and drops exact duplicates, so results are deterministic across hosts. */
function normalise(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  const unique: Finding[] = [];
  for (const f of findings) {
    const key = `${f.ruleId}\0${f.range.start}\0${f.range.end}\0${f.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push(f);
  }
  return unique.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end || a.ruleId.localeCompare(b.ruleId) || a.message.localeCompare(b.message));
}

function relativeTo(root: string, fileName: string): string {
  const relative = path.relative(root, fileName);
  return relative.split(path.sep).join('/');
}
