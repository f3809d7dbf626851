/**
 * One analysed file as the report's input: what `analyseFile` observed (with `observe: true`) positioned as
 * project-relative places, and the file's avglint disable comments. Pure; every host (the CLI's `avglint report`, the
 * language server's report request) uses it, and adds `git blame` to the exceptions where it can.
 */
import * as path from 'node:path';
import type * as ts from 'typescript';
import type { AnalysisResult } from '../analysis/api';
import { parseSuppressions } from '../analysis/suppressions';
import type { ReportFileInput } from './build';
import type { ExceptionInput } from './model';

export function reportFileInput(dir: string, sourceFile: ts.SourceFile, result: AnalysisResult): ReportFileInput {
  const file = path.relative(dir, sourceFile.fileName).split(path.sep).join('/');
  const at = (offset: number): { line: number; column: number } => {
    const { line, character } = sourceFile.getLineAndCharacterOfPosition(offset);
    return { line: line + 1, column: character + 1 };
  };
  return {
    file,
    observations: (result.observations ?? []).map((o) => ({ ...o, ...at(o.range.start) })),
    unclassified: (result.unclassified ?? []).map((u) => ({ ...u, ...at(u.range.start) })),
    exceptions: exceptionsIn(file, sourceFile),
  };
}

/** Disable comments that switch off an avglint rule (or every rule); `eslint-enable` ends one and is not listed. */
function exceptionsIn(file: string, sourceFile: ts.SourceFile): ExceptionInput[] {
  return parseSuppressions(sourceFile)
    .filter((d) => d.kind !== 'enable' && (d.rules.length === 0 || d.rules.some((r) => r.startsWith('avglint/'))))
    .map((d) => ({
      file,
      line: d.line,
      column: d.column,
      rules: d.rules.length === 0 ? ['*'] : d.rules.filter((r) => r.startsWith('avglint/')),
      reason: d.reason.replace(/\s*\(until\s+\d{4}-\d{2}-\d{2}\)\s*$/u, ''),
      ...(d.until !== undefined ? { until: d.until } : {}),
    }));
}
