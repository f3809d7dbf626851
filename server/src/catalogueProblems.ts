/**
 * Problems that the analysis of source files meets in a catalogue file — `settings/conflict` (a rule option the editor
 * or the ESLint config sets differently from the catalogue's `settings.rules`) and any other problem located in the
 * catalogue or a file it extends. They belong on the catalogue document, whether or not it is open: the server keeps
 * what each analysed source reported, and the catalogue's diagnostics are the union, each problem once. A source that
 * is analysed again replaces its share, one that is closed drops it, so a fixed conflict disappears.
 */
import * as path from 'node:path';
import type { Problem } from '@avglint/rules';

function keyOf(problem: Problem): string {
  return JSON.stringify([problem.code, problem.line, problem.column, problem.message]);
}

export class CatalogueProblems {
  /** Source document URI → the catalogue-located problems its latest analysis reported. */
  private readonly bySource = new Map<string, readonly Problem[]>();

  /** Records what the analysis of `source` met in catalogue files; returns the files whose problems changed. */
  set(source: string, problems: readonly Problem[]): string[] {
    const before = this.bySource.get(source) ?? [];
    if (problems.length === 0) this.bySource.delete(source);
    else this.bySource.set(source, problems);
    const changed = new Set<string>();
    const keys = (list: readonly Problem[]): Set<string> => new Set(list.map((p) => `${path.resolve(p.file)}\0${keyOf(p)}`));
    const old = keys(before);
    const now = keys(problems);
    for (const p of [...before, ...problems]) {
      const key = `${path.resolve(p.file)}\0${keyOf(p)}`;
      if (old.has(key) !== now.has(key)) changed.add(path.resolve(p.file));
    }
    return [...changed];
  }

  /** The source is gone (closed and not scanned): its share goes too. Returns the files whose problems changed. */
  delete(source: string): string[] {
    return this.set(source, []);
  }

  /** Every catalogue-located problem in `file`, each once, in the order of their position. */
  at(file: string): Problem[] {
    const found = new Map<string, Problem>();
    for (const problems of this.bySource.values()) {
      for (const p of problems) if (path.resolve(p.file) === file) found.set(keyOf(p), p);
    }
    return [...found.values()].sort((a, b) => a.line - b.line || a.column - b.column || a.code.localeCompare(b.code) || a.message.localeCompare(b.message));
  }
}
