/**
 * What the privacy report needs from the machine: who wrote each disable comment and when (`git blame`), when the
 * project is in a git repository. The rest of each file's input comes from the core (`reportFileInput`). Shared by
 * `avglint report` and the language server's report request, so the register of exceptions is the same in both.
 */
import { execFileSync } from 'node:child_process';
import type { ReportFileInput } from '@avglint/rules';

/**
 * Adds author and date from `git blame` to each exception, one `git blame` per file that has any. Outside a git
 * repository, or for a file git does not track, the exceptions stay as they are.
 */
export function blameExceptions(dir: string, files: readonly ReportFileInput[]): ReportFileInput[] {
  if (!files.some((f) => f.exceptions.length > 0)) return [...files];
  // One `git ls-files` first: outside a repository, and for files git does not track, there is nothing to blame.
  const tracked = trackedFiles(dir);
  return files.map((f) => {
    if (f.exceptions.length === 0 || !tracked.has(f.file)) return f;
    const lines = blame(dir, f.file);
    if (!lines) return f;
    return { ...f, exceptions: f.exceptions.map((e) => ({ ...e, ...lines.get(e.line) })) };
  });
}

/** The files git tracks under `dir`, relative to it with `/`; empty outside a repository. */
function trackedFiles(dir: string): ReadonlySet<string> {
  try {
    const output = execFileSync('git', ['ls-files', '-z', '--', '.'], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 256 * 1024 * 1024 });
    return new Set(output.split('\0').filter((f) => f !== ''));
  } catch {
    return new Set();
  }
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
