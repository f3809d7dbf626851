/**
 * `npm run accuracy`: runs `avglint scan` over the real repositories of the accuracy corpus when their checkouts are in
 * the local cache folder, matches the findings to the labels in accuracy/labels/ and prints recall and precision per
 * rule, every miss and every finding no label explains. Without checkouts it says that it skipped and exits 0: CI does
 * not need them. ACCURACY.md says how to recreate the cache (`--setup` prints the commands).
 *
 * Usage: node accuracy/dist/run.js [--cache <dir>] [--repo <name>]... [--json <file>] [--markdown <file>] [--setup] [--mirror <dir>]
 *                                  [--cli <avglint main.js>]   (another build of avglint, e.g. an older commit for a baseline)
 * Cache folder: --cache, else $AVGLINT_ACCURACY_DIR, else ~/.cache/avglint-accuracy (outside the repository).
 * Exit codes: 0 measured or skipped; 2 a label file, the catalogue or a scan is broken.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { validateRepositoryLabels, type RepositoryLabels } from './labels';
import { formatMarkdown, formatReport, matchRepository, missesByCapability, rulesOf, score, type ObservedFinding, type RepositoryMatch } from './match';

const ACCURACY_DIR = path.resolve(__dirname, '..');
const REPOSITORY_ROOT = path.resolve(ACCURACY_DIR, '..');
const LABELS_DIR = path.join(ACCURACY_DIR, 'labels');
const CATALOGUE = path.join(ACCURACY_DIR, 'catalogue.yaml');
const CLI = path.join(REPOSITORY_ROOT, 'cli', 'dist', 'main.js');
/** The file beside each checkout's sources that records the commit it was extracted from. */
export const COMMIT_MARKER = '.avglint-commit';

export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.AVGLINT_ACCURACY_DIR;
  return fromEnv !== undefined && fromEnv !== '' ? path.resolve(fromEnv) : path.join(os.homedir(), '.cache', 'avglint-accuracy');
}

/** Every label file, validated; problems make the run fail (exit 2) rather than measure against wrong labels. */
export function loadAllLabels(dir = LABELS_DIR): { repositories: RepositoryLabels[]; problems: string[] } {
  const repositories: RepositoryLabels[] = [];
  const problems: string[] = [];
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const where = path.join('accuracy', 'labels', file);
    let value: unknown;
    try {
      value = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
    } catch (error) {
      problems.push(`${where}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
      continue;
    }
    const checked = validateRepositoryLabels(value, where);
    for (const p of checked.problems) problems.push(`${p.where}: ${p.message}`);
    if (checked.labels === undefined) continue;
    if (`${checked.labels.name}.json` !== file) problems.push(`${where}: name \`${checked.labels.name}\` must match the file name`);
    else repositories.push(checked.labels);
  }
  return { repositories, problems };
}

/** Labels whose file is absent from the checkout or whose line lies past its end: a stale label or a wrong commit. */
export function staleLabels(repository: RepositoryLabels, checkout: string): string[] {
  const problems: string[] = [];
  const lineCounts = new Map<string, number | undefined>();
  for (const label of repository.labels) {
    if (!lineCounts.has(label.file)) {
      const full = path.join(checkout, ...label.file.split('/'));
      lineCounts.set(label.file, fs.existsSync(full) ? fs.readFileSync(full, 'utf8').split('\n').length : undefined);
    }
    const count = lineCounts.get(label.file);
    if (count === undefined) problems.push(`${repository.name}/${label.file}:${label.line}: the file is not in the checkout`);
    else if ((label.endLine ?? label.line) > count) problems.push(`${repository.name}/${label.file}:${label.line}: past the end of the file (${count} lines)`);
  }
  return problems;
}

interface ScanJson {
  readonly catalogueProblems: readonly { severity: string; message: string; file: string; line: number }[];
  readonly problems: readonly { code: string; message: string }[];
  readonly findings: readonly { ruleId: string; file: string; line: number; column: number; message: string }[];
  readonly fileCount: number;
  readonly typed: boolean;
  /** Set by builds that analyse plain JavaScript without a tsconfig as an inferred program. */
  readonly inferred?: boolean;
}

/** Runs `avglint scan` over one checkout and returns its findings relative to the checkout. */
export function scanCheckout(repository: RepositoryLabels, checkout: string, cli = CLI): { findings: ObservedFinding[]; fileCount: number; program: string; problems: number; milliseconds: number } {
  const dir = repository.root === undefined ? checkout : path.join(checkout, ...repository.root.split('/'));
  // `--no-ignore`: the labels cover every source file, so the project's own ESLint ignores (`*.js` in a TypeScript
  // project, folders its linters skip) must not decide what is measured; nor may whether its ESLint config happens to
  // load without the project's node_modules, which the checkouts do not have.
  const args = [cli, 'scan', dir, '--format', 'json', '--no-ignore', '--catalogue', CATALOGUE, ...(repository.strict ? ['--strict'] : [])];
  const started = performance.now();
  const run = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  const milliseconds = performance.now() - started;
  if (run.status !== 0 && run.status !== 1) {
    throw new Error(`avglint scan ${dir} exited ${String(run.status)}: ${run.stderr || run.stdout}`.slice(0, 4000));
  }
  const result = JSON.parse(run.stdout) as ScanJson;
  const broken = result.catalogueProblems.filter((p) => p.severity === 'error');
  if (broken.length > 0) throw new Error(`the accuracy catalogue is invalid: ${broken.map((p) => `${p.line}: ${p.message}`).join('; ')}`);
  const findings = result.findings.map((f) => ({
    rule: f.ruleId,
    file: path.relative(checkout, f.file).split(path.sep).join('/'),
    line: f.line,
    column: f.column,
    message: f.message,
  }));
  const program = result.inferred === true ? 'inferred' : result.typed ? 'typed' : 'untyped';
  return { findings, fileCount: result.fileCount, program, problems: result.problems.length, milliseconds };
}

/** The shell commands that recreate the cache from GitHub (or from local bare mirrors), one block per repository. */
export function setupCommands(repositories: readonly RepositoryLabels[], cache: string, mirror?: string): string {
  const lines = [`set -e`, `DIR=${shellQuote(cache)}`, `mkdir -p "$DIR"`];
  for (const r of repositories) {
    const slug = r.repo.replace('https://github.com/', '');
    const gitDir = mirror !== undefined ? path.join(mirror, slug.replace('/', '+'), 'repo') : `"$DIR/.git/${slug.replace('/', '+')}"`;
    lines.push('', `# ${r.name} (${r.kind}, ${r.language})`);
    if (mirror === undefined) lines.push(`[ -d ${gitDir} ] || git clone --bare --filter=blob:none ${r.repo}.git ${gitDir}`);
    lines.push(
      `rm -rf "$DIR/${r.name}" && mkdir -p "$DIR/${r.name}"`,
      `git --git-dir=${gitDir} archive ${r.commit} | tar -x -C "$DIR/${r.name}"`,
      `echo ${r.commit} > "$DIR/${r.name}/${COMMIT_MARKER}"`,
    );
  }
  return lines.join('\n') + '\n';
}

function shellQuote(value: string): string {
  return /^[A-Za-z0-9_./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

export function main(argv: readonly string[]): number {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      cache: { type: 'string' },
      repo: { type: 'string', multiple: true },
      json: { type: 'string' },
      markdown: { type: 'string' },
      setup: { type: 'boolean' },
      mirror: { type: 'string' },
      cli: { type: 'string' },
    },
    strict: true,
  });
  const cache = values.cache !== undefined ? path.resolve(values.cache) : defaultCacheDir();
  const loaded = loadAllLabels();
  if (loaded.problems.length > 0) {
    process.stderr.write(`accuracy: the labels are broken, nothing measured:\n${loaded.problems.map((p) => `  ${p}`).join('\n')}\n`);
    return 2;
  }
  const wanted = values.repo ?? [];
  const unknown = wanted.filter((name) => !loaded.repositories.some((r) => r.name === name));
  if (unknown.length > 0) {
    process.stderr.write(`accuracy: no labels for ${unknown.join(', ')} (known: ${loaded.repositories.map((r) => r.name).join(', ')})\n`);
    return 2;
  }
  const repositories = loaded.repositories.filter((r) => wanted.length === 0 || wanted.includes(r.name));
  if (values.setup) {
    process.stdout.write(setupCommands(repositories, cache, values.mirror));
    return 0;
  }
  const present: RepositoryLabels[] = [];
  const skipped: string[] = [];
  for (const r of repositories) {
    const checkout = path.join(cache, r.name);
    if (!fs.existsSync(checkout)) {
      skipped.push(`${r.name} (no checkout)`);
      continue;
    }
    const marker = path.join(checkout, COMMIT_MARKER);
    const commit = fs.existsSync(marker) ? fs.readFileSync(marker, 'utf8').trim() : undefined;
    if (commit !== undefined && commit !== r.commit) {
      skipped.push(`${r.name} (checkout is ${commit.slice(0, 12)}, labels are for ${r.commit.slice(0, 12)})`);
      continue;
    }
    present.push(r);
  }
  if (present.length === 0) {
    process.stdout.write(
      `accuracy: SKIPPED — none of the ${repositories.length} labelled repositories is checked out in ${cache}.\n` +
        `Recreate the cache with \`node accuracy/dist/run.js --setup | sh\` (see ACCURACY.md), or point AVGLINT_ACCURACY_DIR at it.\n`,
    );
    return 0;
  }
  const stale = present.flatMap((r) => staleLabels(r, path.join(cache, r.name)));
  if (stale.length > 0) {
    process.stderr.write(`accuracy: labels that do not fit their checkout, nothing measured:\n${stale.map((p) => `  ${p}`).join('\n')}\n`);
    return 2;
  }
  const matches: RepositoryMatch[] = [];
  const runs: string[] = [];
  for (const r of present) {
    let scanned: ReturnType<typeof scanCheckout>;
    try {
      scanned = scanCheckout(r, path.join(cache, r.name), values.cli !== undefined ? path.resolve(values.cli) : CLI);
    } catch (error) {
      process.stderr.write(`accuracy: ${error instanceof Error ? error.message : String(error)}\n`);
      return 2;
    }
    runs.push(
      `  ${r.name.padEnd(34)} ${r.commit.slice(0, 12)}  ${String(scanned.fileCount).padStart(4)} files, ${scanned.program.padEnd(8)}${r.strict ? ' strict' : '       '}, ` +
        `${scanned.findings.length} findings, ${scanned.problems} analysis problems, ${Math.round(scanned.milliseconds)} ms`,
    );
    matches.push(matchRepository(r, scanned.findings));
  }
  const out: string[] = [`avglint accuracy on ${present.length} real repositories (cache ${cache}${values.cli !== undefined ? `, avglint ${values.cli}` : ''}):`, ...runs];
  if (skipped.length > 0) out.push(`Skipped ${skipped.length}: ${skipped.join(', ')}`);
  out.push('');
  process.stdout.write(out.join('\n') + '\n' + formatReport(matches));
  if (values.markdown !== undefined) fs.writeFileSync(values.markdown, formatMarkdown(matches));
  if (values.json !== undefined) {
    const perRule = Object.fromEntries(rulesOf(matches).map((rule) => [rule, score(matches, rule)]));
    const report = { cache, repositories: present.map((r) => ({ name: r.name, repo: r.repo, commit: r.commit })), skipped, overall: score(matches), perRule, missesByCapability: missesByCapability(matches), matches };
    fs.writeFileSync(values.json, JSON.stringify(report, null, 2) + '\n');
  }
  return 0;
}

if (require.main === module) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`accuracy: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  }
}
