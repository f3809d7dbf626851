/**
 * `avglint report [dir]`: what the code does with personal data, for the FG, in Dutch (English with `--locale en`).
 * It runs the same scan as `avglint scan` with observations switched on (one analysis; the report is a view of it),
 * adds `git blame` to the exceptions, builds the report in the core (`buildReport`) and renders it in the chosen
 * format. With `--base <ref>` it reports only what the change since that git ref adds or removes.
 *
 * Exit codes: 0 report written; 1 with `--fail-on-new` when the change adds a flow that is not allowed or an exception,
 * or when a file could not be analysed; 2 the catalogue is missing or invalid, or the command line is wrong.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { blameExceptions } from '@avglint/node';
import { buildReport, diffReports, hasErrors, type Place, type Report, type ReportDiff } from '@avglint/rules';
import type { Command } from '../main';
import { projectIgnores } from '../ignores';
import { formatText, scanProject, type Io, type ScanResult } from '../scan';
import { CSV_TABLES, type CsvTable } from '../formats/csv';
import { defaultFormat, formatChoices, formatOptionLines, formatsOf, rendererOf, unknownFormatMessage } from '../formats';
import { LOCALES, WORDS, type Locale } from '../formats/words';

/** The formats that render a diff (`--base`): the ones that suit a pull-request comment. */
const diffFormats = formatsOf('report').filter((f) => f.renderer.renderDiff !== undefined).map((f) => f.name);

export const REPORT_USAGE = `Usage: avglint report [dir] [--format ${formatChoices('report')}] [--output file] [--catalogue file]
                      [--locale nl|en] [--base <git ref> [--fail-on-new]] [--csv-table ${CSV_TABLES.join('|')}]
                      [--ignore glob]... [--no-ignore] [--link-base url] [--agreement-days n] [--area-depth n]

Writes the FG's privacy report for a project: every category read, stored, sent and logged (allowed or not), the
category × recipient matrix, a data-flow diagram, stores and bewaartermijnen, the register of exceptions (with
git blame), the verwerkersovereenkomsten, names not yet in the catalogue and a draft verwerkingsregister.
${formatOptionLines('report')}
  --output          write to this file (default: standard output)
  --catalogue       the FG's catalogue (default: the nearest avglint.catalogue.yaml upward from dir)
  --locale          nl (default) or en
  --base            report only what changed since this git ref (${diffFormats.join(' or ')}): new and removed flows, stores,
                    exceptions and unclassified names, for a pull-request comment
  --fail-on-new     with --base: exit 1 when the change adds a flow that is not allowed or an exception
  --csv-table       which table --format csv writes (default register)
  --ignore          leave out files matching this glob, relative to dir (as avglint scan); the ignores of the
                    project's ESLint config apply too, unless --no-ignore
  --link-base       link places to <url>/<file>#L<line> (a repository's web view) instead of the local file
  --agreement-days  list agreements that end within this many days first (default 90)
  --area-depth      how many folders name a code area in the diagram (default 2)
Exit code: 0 report written, 1 --fail-on-new found something (or a file could not be analysed), 2 the catalogue is
missing or invalid, or the command line is wrong.`;

export const reportCommand: Command = {
  summary: 'write the FG\'s privacy report (html, md, json, csv), or with --base what a change adds',
  usage: REPORT_USAGE,
  run: async (args) => runReport(args),
};

const processIo: Io = { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) };

export interface ReportRun {
  readonly report: Report;
  readonly scan: ScanResult;
}

/** Scans `dir` with observations and builds the report; undefined report when the catalogue could not be loaded. */
export function projectReport(dir: string, options: { catalogue?: string; now?: Date; agreementWarningDays?: number; areaDepth?: number; project?: string; ignore?: (file: string) => boolean; locale?: Locale }): { scan: ScanResult; report?: Report } {
  const now = options.now ?? new Date();
  // The observations' paths in the report's locale: the steps are put into words when the flows are observed.
  const scan = scanProject({ dir, catalogue: options.catalogue, strict: true, observe: true, now, ...(options.ignore ? { ignore: options.ignore } : {}), ...(options.locale ? { locale: options.locale } : {}) });
  if (hasErrors(scan.catalogueProblems) || scan.observed === undefined) return { scan };
  // scanProject only observes when the catalogue loaded; load it again from the same file for the model (cheap).
  const files = blameExceptions(dir, scan.observed);
  const catalogue = scan.catalogue;
  if (catalogue === undefined) return { scan };
  const report = buildReport({
    catalogue,
    project: options.project ?? path.basename(dir),
    typed: scan.typed,
    files,
    problems: scan.problems.map((p) => ({ file: relativeTo(dir, p.file), line: p.line, column: p.column, code: p.code, message: p.message })),
    now,
    catalogueFiles: catalogue.files.map((f) => relativeTo(dir, f)),
    ...(options.agreementWarningDays !== undefined ? { agreementWarningDays: options.agreementWarningDays } : {}),
    ...(options.areaDepth !== undefined ? { areaDepth: options.areaDepth } : {}),
  });
  return { scan, report };
}

export async function runReport(args: readonly string[], io: Io = processIo, now: Date = new Date()): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        format: { type: 'string', default: defaultFormat('report') },
        output: { type: 'string' },
        catalogue: { type: 'string' },
        locale: { type: 'string', default: 'nl' },
        base: { type: 'string' },
        'fail-on-new': { type: 'boolean', default: false },
        'csv-table': { type: 'string', default: 'register' },
        'link-base': { type: 'string' },
        'agreement-days': { type: 'string' },
        'area-depth': { type: 'string' },
        ignore: { type: 'string', multiple: true, default: [] },
        'no-ignore': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    io.stderr(`${error instanceof Error ? error.message : String(error)}\n\n${REPORT_USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(`${REPORT_USAGE}\n`);
    return 0;
  }
  const usageError = (message: string): number => {
    io.stderr(`avglint report: ${message}\n\n${REPORT_USAGE}\n`);
    return 2;
  };
  if (positionals.length > 1) return usageError('give at most one directory.');
  const format = values.format;
  const renderer = rendererOf('report', format);
  if (renderer === undefined) return usageError(unknownFormatMessage('report', format));
  if (!(LOCALES as string[]).includes(values.locale)) return usageError(`unknown locale \`${values.locale}\` (${LOCALES.join(', ')}).`);
  const locale = values.locale as Locale;
  if (!(CSV_TABLES as readonly string[]).includes(values['csv-table'])) return usageError(`unknown table \`${values['csv-table']}\` (${CSV_TABLES.join(', ')}).`);
  const number = (name: string, value: string | undefined): number | undefined | string => {
    if (value === undefined) return undefined;
    const n = Number(value);
    return Number.isInteger(n) && n >= 0 ? n : `--${name} takes a whole number ≥ 0, not \`${value}\`.`;
  };
  const agreementWarningDays = number('agreement-days', values['agreement-days']);
  const areaDepth = number('area-depth', values['area-depth']);
  if (typeof agreementWarningDays === 'string') return usageError(agreementWarningDays);
  if (typeof areaDepth === 'string') return usageError(areaDepth);
  if (values.base !== undefined && renderer.renderDiff === undefined) return usageError(`--base writes ${diffFormats.join(' or ')} (a pull-request comment), not ${format}.`);
  if (values['fail-on-new'] && values.base === undefined) return usageError('--fail-on-new needs --base <git ref>.');
  const dir = path.resolve(positionals[0] ?? '.');
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) return usageError(`${dir} is not a directory.`);

  // The files `avglint scan` analyses: without node_modules and build output, `--ignore` globs, the ESLint config's ignores.
  const { ignore, warning } = await projectIgnores(dir, values.ignore, !values['no-ignore']);
  if (warning !== undefined) io.stderr(`avglint report: ${warning}
`);
  const options = { catalogue: values.catalogue, now, agreementWarningDays, areaDepth, ignore, locale };
  const { scan, report } = projectReport(dir, options);
  if (report === undefined) {
    io.stderr(formatText(scan));
    return 2;
  }
  const words = WORDS[locale];
  const outputFile = values.output !== undefined ? path.resolve(values.output) : undefined;
  const linkBase = values['link-base'];
  const link = (p: Place): string =>
    linkBase !== undefined
      ? `${linkBase.replace(/\/$/u, '')}/${p.file.split('/').map(encodeURIComponent).join('/')}#L${p.line}`
      : outputFile !== undefined
        ? path.relative(path.dirname(outputFile), path.join(dir, p.file)).split(path.sep).map(encodeURIComponent).join('/')
        : pathToFileURL(path.join(dir, p.file)).href;

  let output: string;
  let diff: ReportDiff | undefined;
  if (values.base !== undefined) {
    const base = baseReport(dir, values.base, scan, options);
    if (typeof base === 'string') {
      io.stderr(`avglint report: ${base}\n`);
      return 2;
    }
    diff = diffReports(base, report, values.base);
    output = renderer.renderDiff?.(diff, report, words) ?? '';
  } else {
    output = renderer.render(report, { words, locale, link, csvTable: values['csv-table'] as CsvTable });
  }
  if (outputFile !== undefined) {
    fs.mkdirSync(path.dirname(outputFile), { recursive: true });
    fs.writeFileSync(outputFile, output);
    // As `scan --output`: the report goes to the file only; stderr says in one line what it holds.
    io.stderr(`avglint report: ${words.summary({ ...report.summary })}. ${path.relative(process.cwd(), outputFile) || outputFile}\n`);
  } else {
    io.stdout(output);
  }
  for (const p of report.problems) io.stderr(`${p.file}:${p.line}:${p.column}: ${p.code}: ${p.message}\n`);
  if (values['fail-on-new'] && (diff?.addsViolation === true || report.problems.length > 0)) return 1;
  return 0;
}

/**
 * The report of the project as it was at `ref`: the tree at that commit, extracted with `git archive` into a
 * temporary folder, scanned with the current catalogue (so the comparison shows what the code change does, not a
 * catalogue change). Returns what went wrong as a string.
 */
function baseReport(dir: string, ref: string, head: ScanResult, options: { now: Date; agreementWarningDays?: number; areaDepth?: number }): Report | string {
  const git = (args: string[], input?: Buffer): Buffer => execFileSync('git', args, { cwd: dir, stdio: [input ? 'pipe' : 'ignore', 'pipe', 'pipe'], maxBuffer: 1024 * 1024 * 1024, ...(input ? { input } : {}) });
  let top: string;
  let archive: Buffer;
  try {
    top = git(['rev-parse', '--show-toplevel']).toString().trim();
    git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
    archive = git(['archive', '--format=tar', ref]);
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    return `cannot read git ref \`${ref}\` in ${dir}${stderr ? `: ${stderr}` : ''} (is it a git repository, and is the ref fetched?).`;
  }
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'avglint-base-'));
  try {
    execFileSync('tar', ['-x', '-C', temp], { input: archive, stdio: ['pipe', 'ignore', 'pipe'] });
    const realTop = fs.realpathSync(top);
    const baseDir = path.join(temp, path.relative(realTop, fs.realpathSync(dir)));
    fs.mkdirSync(baseDir, { recursive: true });
    // The current catalogue, at the same place in the old tree, so access globs resolve as they do now.
    let catalogue: string | undefined;
    for (const file of head.catalogue?.files ?? []) {
      const relative = path.relative(realTop, fs.realpathSync(file));
      if (relative.startsWith('..') || path.isAbsolute(relative)) continue;
      const target = path.join(temp, relative);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.copyFileSync(file, target);
      catalogue ??= target;
    }
    const { scan, report } = projectReport(baseDir, { ...options, ...(catalogue !== undefined ? { catalogue } : {}), project: path.basename(dir) });
    return report ?? `the project at ${ref} could not be scanned: ${scan.catalogueProblems.map((p) => p.message).join('; ')}`;
  } finally {
    fs.rmSync(temp, { recursive: true, force: true });
  }
}

function relativeTo(dir: string, file: string): string {
  const relative = path.relative(dir, file);
  return (relative.startsWith('..') || path.isAbsolute(relative) ? file : relative).split(path.sep).join('/');
}
