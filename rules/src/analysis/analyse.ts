import * as path from 'node:path';
import type * as ts from 'typescript';
import { messageLocale } from '../catalogue/model';
import { catalogueProblem, problemText } from '../catalogue/problemText';
import { categoryIndex } from '../catalogue/names';
import type { Finding } from '../finding';
import type { Problem } from '../problem';
import { RULE_MODULES, RULES, type RuleId } from '../rules/registry';
import { ruleHelpers, type RuleModule } from '../rules/rule';
import type { AnalysisInput, AnalysisResult } from './api';
import type { CheckContext } from './context';
import { releaseFileCaches } from './flow/flows';
import { ensureParents } from './flow/walk';
import { prismaModelsOf } from './prismaSchema';
import type { Observation } from './observation';
import { observeFlows, unclassifiedNames } from './observe';
import { programOfItsOwn } from './ownProgram';

/**
 * Runs every enabled rule's check over one file, in registry order (the findings are sorted afterwards, so the order
 * does not show in the result; the flow-based rules share one flow engine per file). Never throws: a check that fails
 * becomes a problem at the top of the file, and the other checks still report. In a typed analysis a check that
 * fails runs once more in a program of the file's own first (ownProgram.ts: TypeScript's checker can fail on a mix of
 * files that it checks one by one); when that finishes, its findings count and a warning says so.
 */
export function analyseFile(input: AnalysisInput): AnalysisResult {
  const { sourceFile, program, catalogue } = input;
  ensureParents(sourceFile);
  const options = input.options ?? {};
  const isCancelled = input.isCancelled ?? ((): boolean => false);
  const observations: Observation[] = [];
  const context: CheckContext = {
    sourceFile,
    program,
    checker: program?.getTypeChecker(),
    catalogue,
    index: categoryIndex(catalogue),
    relativePath: relativeTo(catalogue.root, sourceFile.fileName),
    options,
    locale: messageLocale(options.locale, catalogue),
    ...(input.prismaSchema ? { prismaModels: prismaModelsOf(input.prismaSchema) } : {}),
    ...(input.networkPackages ? { networkPackages: input.networkPackages } : {}),
    isCancelled,
    enabled: (rule) => options.rules === undefined || options.rules.has(rule),
    ruleOptions: (rule) => ({ ...(RULES[rule].defaultOptions[0] ?? {}), ...(catalogue.settings?.rules[rule] ?? {}), ...(options.ruleOptions?.[rule] ?? {}) }),
    ...(options.observe === true ? { observe: (o: Observation): void => void observations.push(o) } : {}),
  };
  const findings: Finding[] = [];
  const problems: Problem[] = settingsConflicts(input, context);
  let cancelled = false;
  // Built only when a check throws in a typed analysis: the file's own program (ownProgram.ts), in which the check runs
  // once more before its failure is reported.
  let ownContext: CheckContext | null | undefined;
  const ownProgramContext = (): CheckContext | undefined => {
    if (ownContext === undefined) {
      const own = program ? programOfItsOwn(program, sourceFile) : undefined;
      ownContext = own ? { ...context, program: own, checker: own.getTypeChecker() } : null;
    }
    return ownContext ?? undefined;
  };
  const rulesInOwnProgram: string[] = [];
  let sharedFailure = '';
  for (const rule of RULE_MODULES as readonly RuleModule<RuleId>[]) {
    if (isCancelled()) {
      cancelled = true;
      break;
    }
    if (!context.enabled(rule.id)) continue;
    const failure = runCheck(rule, context, findings);
    if (failure === undefined) continue;
    const own = ownProgramContext();
    if (own !== undefined && runCheck(rule, own, findings) === undefined) {
      rulesInOwnProgram.push(rule.id);
      sharedFailure ||= firstLine(failure);
    } else problems.push(internalError(sourceFile, [rule.id], failure));
  }
  if (rulesInOwnProgram.length > 0) problems.push(ownProgramWarning(sourceFile, rulesInOwnProgram, sharedFailure));
  if (ownContext) releaseFileCaches(ownContext);
  let observed: Pick<AnalysisResult, 'observations' | 'unclassified'> = {};
  if (options.observe === true && !cancelled) {
    try {
      observations.push(...observeFlows(context));
      observed = { observations: observations.sort((a, b) => a.range.start - b.range.start), unclassified: unclassifiedNames(context) };
    } catch (error) {
      problems.push(internalError(sourceFile, ['report'], { error }));
    }
  }
  releaseFileCaches(context);
  return { findings: normalise(findings), problems, cancelled, ...observed };
}

/**
 * A rule option the host sets explicitly (an ESLint rule option, the editor's `avglint.ruleOptions`) to another value
 * than the catalogue's `settings.rules`: the host's value is used, and this warning says so, at the catalogue's
 * setting, so CI and the editor never disagree silently with the FG's file.
 */
function settingsConflicts(input: AnalysisInput, context: CheckContext): Problem[] {
  const settings = input.catalogue.settings;
  const host = input.options?.ruleOptions;
  if (settings === undefined || host === undefined) return [];
  const problems: Problem[] = [];
  for (const rule of RULE_MODULES) {
    const written = settings.rules[rule.id];
    const given = host[rule.id];
    if (written === undefined || given === undefined || !context.enabled(rule.id)) continue;
    for (const [key, value] of Object.entries(given)) {
      if (!(key in written) || JSON.stringify(written[key]) === JSON.stringify(value)) continue;
      const place = { file: settings.location?.file ?? input.catalogue.files[0] ?? input.sourceFile.fileName, line: settings.location?.line ?? 1, column: settings.location?.column ?? 1, severity: 'warning', code: 'settings/conflict' } as const;
      problems.push(catalogueProblem(place, problemText('settingsConflict', { rule: rule.id, key, host: value, written: written[key] }), context.locale));
    }
  }
  return problems;
}

/** Runs one check, adding its findings; returns what it threw, if it did (and then adds nothing). */
function runCheck(rule: RuleModule<RuleId>, context: CheckContext, findings: Finding[]): { error: unknown } | undefined {
  try {
    findings.push(...rule.check(context, ruleHelpers(rule, context)));
    return undefined;
  } catch (error) {
    return { error };
  }
}

function firstLine(failure: { error: unknown }): string {
  const { error } = failure;
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}

/**
 * TypeScript failed on the file in the project's program and the checks ran in a program of the file's own: the
 * findings are real, but other files' global declarations were not seen. A warning, as the checks did finish.
 */
function ownProgramWarning(sourceFile: ts.SourceFile, rules: readonly string[], failure: string): Problem {
  return {
    file: sourceFile.fileName,
    line: 1,
    column: 1,
    severity: 'warning',
    code: 'analysis/own-program',
    message: `TypeScript itself failed on this file in the project's program (${failure}); ${rules.join(', ')} ran on it in a program of its own: the file, what it imports and the project's declaration files.`,
    hint: "Usually two files declare the same global differently (such as two `JSX` namespaces); `tsc` fails on the project too. Make the declarations agree to analyse the file with the whole project.",
  };
}

function internalError(sourceFile: ts.SourceFile, rules: readonly string[], failure: { error: unknown }): Problem {
  const { error } = failure;
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
