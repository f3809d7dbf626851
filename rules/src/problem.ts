/**
 * A problem is something wrong with the *input* of an analysis (a catalogue, a suppression comment, a file that
 * could not be analysed), as opposed to a finding about the analysed code. The core never throws at its callers: it
 * returns problems, and every problem says where (file, line, column) and what to do about it (hint).
 */
export interface Problem {
  /** Absolute path of the file the problem is in. */
  readonly file: string;
  /** 1-based line. */
  readonly line: number;
  /** 1-based column. */
  readonly column: number;
  readonly endLine?: number;
  readonly endColumn?: number;
  readonly severity: 'error' | 'warning';
  /** Stable machine-readable code, e.g. `catalogue/unknown-key`. */
  readonly code: string;
  /** What is wrong, in plain words. */
  readonly message: string;
  /** What to write instead. */
  readonly hint: string;
}

/** Formats a problem the way compilers do, so editors and CI logs make the location clickable. */
export function formatProblem(problem: Problem): string {
  return `${problem.file}:${problem.line}:${problem.column}: ${problem.severity} ${problem.code}: ${problem.message}\n  hint: ${problem.hint}`;
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}
