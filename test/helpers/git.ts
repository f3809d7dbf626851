/**
 * Git in a test's temporary project, with a fixed author and date so `git blame` answers are known in advance, and
 * independent of the machine's git configuration.
 */
import { execFileSync } from 'node:child_process';

export const GIT_AUTHOR = 'Fenna FG';
export const GIT_DATE = '2026-11-30';

export function git(dir: string, ...args: string[]): string {
  const when = `${GIT_DATE}T10:00:00Z`;
  return execFileSync('git', args, {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_NAME: GIT_AUTHOR, GIT_AUTHOR_EMAIL: 'fg@example.nl', GIT_COMMITTER_NAME: GIT_AUTHOR, GIT_COMMITTER_EMAIL: 'fg@example.nl', GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' },
  });
}

/** `git init` and one commit of everything in `dir`. */
export function commitAll(dir: string, message = 'start'): void {
  git(dir, 'init', '-q');
  git(dir, 'add', '.');
  git(dir, 'commit', '-qm', message);
}
