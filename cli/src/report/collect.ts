/**
 * The report's input from one scan: each analysed file's observations and unclassified names positioned as
 * project-relative places, its avglint disable comments, and — when the project is in a git repository — who wrote
 * each disable comment and when (`git blame`).
 */
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import type * as ts from 'typescript';
import { parseSuppressions, type AnalysisResult, type ExceptionInput, type ReportFileInput } from '@avglint/rules';

/** Positions what `analyseFile` observed in `sourceFile` (run with `observe: true`) for `buildReport`. */
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

/**
 * Adds author and date from `git blame` to each exception, one `git blame` per file that has any. Outside a git
 * repository, or for a file git does not track, the exceptions stay as they are.
 */
export function blameExceptions(dir: string, files: readonly ReportFileInput[]): ReportFileInput[] {
  return files.map((f) => {
    if (f.exceptions.length === 0) return f;
    const lines = blame(dir, f.file);
    if (!lines) return f;
    return { ...f, exceptions: f.exceptions.map((e) => ({ ...e, ...lines.get(e.line) })) };
  });
}

function blame(dir: string, file: string): Map<number, { author: string; date: string }> | undefined {
  let output: string;
  try {
    output = execFileSync('git', ['blame', '--line-porcelain', '--', file], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 * 1024 * 1024 });
  } catch {
    return undefined;
  }
  const result = new Map<number, { author: string; date: string }>();
  let line = 0;
  let author = '';
  let time = 0;
  for (const text of output.split('\n')) {
    const header = /^[0-9a-f]{40} \d+ (\d+)/u.exec(text);
    if (header) {
      line = Number(header[1]);
    } else if (text.startsWith('author ')) {
      author = text.slice('author '.length);
    } else if (text.startsWith('author-time ')) {
      time = Number(text.slice('author-time '.length));
    } else if (text.startsWith('\t')) {
      // Uncommitted lines are blamed on "Not Committed Yet": no author to name.
      if (author !== 'Not Committed Yet') result.set(line, { author, date: new Date(time * 1000).toISOString().slice(0, 10) });
    }
  }
  return result;
}
