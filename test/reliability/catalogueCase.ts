/**
 * One fuzzed catalogue through every host that loads catalogues — the CLI (`avglint catalogue check`), ESLint (the
 * plugin's catalogue resolution) and the language server (its catalogue store) — and what must hold for each:
 * nothing thrown, every problem positioned, no file read outside the repository (by real path), and no silent pass
 * (a host that serves a catalogue while another refuses it, or refuses it without an error).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Problem } from '@avglint/rules';
import { catalogueCheck } from 'avglint/dist/catalogueCheck';
import { catalogueHostOf, Catalogues } from '@avglint/server/dist/catalogues';
import { nodeFileSystem } from '@avglint/server/dist/host';

/**
 * The plugin's own catalogue resolution (what its rules do before any check runs). The package exports only its
 * entry point, so the module is required by path: this harness tests the host, not its public API.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- see above.
const { resolveCatalogue } = require(path.resolve(__dirname, '..', '..', '..', 'eslint-plugin', 'dist', 'catalogue.js')) as {
  resolveCatalogue(fileName: string, cwd: string, settings: Record<string, never>): { readonly catalogue?: unknown; readonly problems: readonly Problem[] };
};

export interface CaseVerdict {
  /** Exceptions thrown out of a host (each is a defect). */
  readonly exceptions: string[];
  /** Problems without a usable position, or internal errors. */
  readonly unpositioned: string[];
  /** Files read outside the repository, by real path. */
  readonly outsideReads: string[];
  /** Hosts that disagree on whether the catalogue can be used, or refuse it without an error. */
  readonly silentPasses: string[];
  /** The secret of the outside folder appeared in a message. */
  readonly leaks: string[];
  /** Whether the catalogue was usable (by the CLI's verdict). */
  readonly usable: boolean;
}

/** Records every path `fs` opens or reads while `f` runs. */
export function recordingReads<T>(f: () => T): { result: T; reads: string[] } {
  const reads: string[] = [];
  // The module object itself (an `import * as` namespace is a copy whose getters read it): every host's `fs` calls pass here.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- see above.
  const mutable = require('node:fs') as Record<string, (...args: unknown[]) => unknown>;
  const names = ['readFileSync', 'openSync', 'readdirSync', 'createReadStream'] as const;
  const originals = names.map((name) => mutable[name]);
  names.forEach((name, i) => {
    const original = originals[i];
    if (!original) return;
    mutable[name] = (...args: unknown[]) => {
      if (typeof args[0] === 'string') reads.push(args[0]);
      return original.apply(mutable, args);
    };
  });
  try {
    return { result: f(), reads };
  } finally {
    names.forEach((name, i) => {
      const original = originals[i];
      if (original) mutable[name] = original;
    });
  }
}

function realPath(file: string): string | undefined {
  try {
    return fs.realpathSync(file);
  } catch {
    return undefined;
  }
}

function positioned(problem: Problem): boolean {
  return problem.line >= 1 && problem.column >= 1 && Number.isInteger(problem.line) && Number.isInteger(problem.column) && !problem.code.endsWith('/internal-error');
}

/** Runs the case in `repo` (its catalogue at `file`) through the three hosts. */
export function checkCatalogueCase(repo: string, file: string, secret: string): CaseVerdict {
  const exceptions: string[] = [];
  const unpositioned: string[] = [];
  const silentPasses: string[] = [];
  const leaks: string[] = [];
  const root = realPath(repo) ?? repo;
  const { reads, result: verdicts } = recordingReads(() => {
    let cliOutput = '';
    let cliExit = -1;
    try {
      cliExit = catalogueCheck([file, '--json'], repo, { out: (t) => void (cliOutput += t), err: (t) => void (cliOutput += t) });
    } catch (error) {
      exceptions.push(`cli: ${String(error)}`);
    }
    let eslintUsable: boolean | undefined;
    try {
      const resolution = resolveCatalogue(path.join(repo, 'src', 'a.ts'), repo, {});
      eslintUsable = resolution.catalogue !== undefined;
      for (const p of resolution.problems) if (!positioned(p)) unpositioned.push(`eslint ${p.line}:${p.column} ${p.code}`);
      if (!eslintUsable && !resolution.problems.some((p) => p.severity === 'error')) silentPasses.push('eslint: no catalogue and no error');
      for (const p of resolution.problems) if (p.message.includes(secret) || p.hint.includes(secret)) leaks.push(`eslint ${p.code}`);
    } catch (error) {
      exceptions.push(`eslint: ${String(error)}`);
    }
    let serverUsable: boolean | undefined;
    try {
      const state = new Catalogues(catalogueHostOf(nodeFileSystem)).get(file);
      serverUsable = !state.broken && state.catalogue !== undefined;
      for (const p of state.problems) if (!positioned(p)) unpositioned.push(`server ${p.line}:${p.column} ${p.code}`);
      if (!serverUsable && !state.problems.some((p) => p.severity === 'error')) silentPasses.push('server: no catalogue and no error');
    } catch (error) {
      exceptions.push(`server: ${String(error)}`);
    }
    if (cliOutput.includes(secret)) leaks.push('cli output');
    let cliProblems: Problem[] = [];
    try {
      cliProblems = (JSON.parse(cliOutput) as { problems?: Problem[] }).problems ?? [];
    } catch {
      if (cliExit !== 2) exceptions.push(`cli: output is not JSON: ${cliOutput.slice(0, 200)}`);
    }
    for (const p of cliProblems) if (!positioned(p)) unpositioned.push(`cli ${p.line}:${p.column} ${p.code}`);
    const cliUsable = cliExit === 0;
    if (cliExit === 1 && !cliProblems.some((p) => p.severity === 'error')) silentPasses.push('cli: exit 1 without an error');
    if (eslintUsable !== undefined && eslintUsable !== cliUsable) silentPasses.push(`eslint ${eslintUsable ? 'uses' : 'refuses'} what the CLI ${cliUsable ? 'accepts' : 'refuses'}`);
    if (serverUsable !== undefined && serverUsable !== cliUsable) silentPasses.push(`server ${serverUsable ? 'uses' : 'refuses'} what the CLI ${cliUsable ? 'accepts' : 'refuses'}`);
    return { usable: cliUsable };
  });
  const outsideReads = [...new Set(reads)]
    .map((read) => realPath(path.resolve(repo, read)))
    .filter((real): real is string => real !== undefined && real !== root && !real.startsWith(`${root}${path.sep}`) && !isToolFile(real));
  return { exceptions, unpositioned, outsideReads, silentPasses, leaks, usable: verdicts.usable };
}

/** Files of avglint and Node themselves (package.json of the CLI, modules loaded lazily), not read for the catalogue. */
function isToolFile(real: string): boolean {
  return real.includes(`${path.sep}node_modules${path.sep}`) || real.startsWith(path.resolve(__dirname, '..', '..', '..'));
}
