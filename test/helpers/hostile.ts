/**
 * Repositories that try to make avglint read a file outside themselves, as a cloned repository could: a catalogue,
 * or a file it extends, that is a symbolic link (to a file or through a folder) leading out, or that leads to a
 * device. Every host must refuse them the same way, fail, and never show a byte of what lies outside.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TempProject } from './tempProject';

/** The content of the file outside the repository; no output of any host may contain any of it. */
export const SECRET = 'root:x:0:0:root:/root:/bin/bash GEHEIM-7f3a\n';
export const SECRET_PATTERN = /root:x|GEHEIM-7f3a/u;

export interface HostileCase {
  readonly name: string;
  /** The problem code every host reports. */
  readonly code: string;
  /** The catalogue file's line and column the problem is at. */
  readonly line: number;
  readonly column: number;
  /** Puts the catalogue (and its links) into `repo`; `outside` holds `secret.yaml`. */
  readonly arrange: (repo: TempProject, outside: TempProject) => void;
}

export const HOSTILE_CASES: readonly HostileCase[] = [
  {
    name: '`extends` a symbolic link to a file outside',
    code: 'catalogue/extends-outside-root',
    line: 2,
    column: 10,
    arrange: (repo, outside) => {
      repo.write('avglint.catalogue.yaml', 'version: 1\nextends: groep/base.yaml\n');
      link(path.join(outside.dir, 'secret.yaml'), repo, 'groep/base.yaml');
    },
  },
  {
    name: '`extends` a file in a linked folder that leads outside',
    code: 'catalogue/extends-outside-root',
    line: 2,
    column: 10,
    arrange: (repo, outside) => {
      repo.write('avglint.catalogue.yaml', 'version: 1\nextends: groep/secret.yaml\n');
      link(outside.dir, repo, 'groep');
    },
  },
  {
    name: '`extends` a symbolic link to /dev/zero',
    code: 'catalogue/extends-outside-root',
    line: 2,
    column: 10,
    arrange: (repo) => {
      repo.write('avglint.catalogue.yaml', 'version: 1\nextends: zero.yaml\n');
      link('/dev/zero', repo, 'zero.yaml');
    },
  },
  {
    name: 'the catalogue itself a symbolic link to a file outside',
    code: 'catalogue/outside-root',
    line: 1,
    column: 1,
    arrange: (repo, outside) => link(path.join(outside.dir, 'secret.yaml'), repo, 'avglint.catalogue.yaml'),
  },
];

function link(target: string, repo: TempProject, relative: string): void {
  const at = path.join(repo.dir, relative);
  fs.mkdirSync(path.dirname(at), { recursive: true });
  fs.symlinkSync(target, at);
}
