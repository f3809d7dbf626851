/**
 * `avglint scan [dir]`: the standalone scanner. It runs the core over a project without ESLint — the same
 * `analyseFile` the ESLint rules and the language server call, with the same disable comments applied (the core's
 * `applySuppressions`, which replays ESLint's directive semantics) — and prints every finding with its whole flow
 * path, or writes JSON or SARIF 2.1.0 with code flows. This is also what the benchmarks measure as "standalone scan".
 *
 * Exit codes: 0 no findings, 1 findings, 2 the catalogue is missing or invalid, no file was analysed, or the command
 * line is wrong, 3 the analysis is incomplete: a file could not be read or parsed, or a rule could not finish on a
 * file (the findings printed are real, but some may be missing). CI gated on `scan` fails closed on 2 and 3.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import * as ts from 'typescript';
import { createSafeCompilerHost, INFERRED_COMPILER_OPTIONS, isSkippedPath, listPrismaSchemas, listSourceFiles, networkPackagesFor, preset, PrismaSchemas, resolveCatalogue } from '@avglint/node';
import {
  catalogueFailure,
  analyseFile,
  checkPrismaSchema,
  hasErrors,
  parseSuppressions,
  partitionSuppressions,
  RULE_IDS,
  type Finding,
  type Problem,
  type Catalogue,
  reportFileInput,
  type ReportFileInput,
  type RuleId,
  isLocale,
  messageLocale,
  type Locale,
} from '@avglint/rules';
import { applyBulkSuppressions, readBulkSuppressions, SUPPRESSIONS_FILE, type BulkSuppressions } from './bulkSuppressions';
import { fingerprints } from './formats/fingerprint';
import { defaultFormat, formatChoices, formatOptionLines, rendererOf, unknownFormatMessage } from './formats';
import { formatText, scanSummary } from './formats/text';
import type { Command } from './main';
import { projectIgnores } from './ignores';

export { toSarif } from './formats/sarif';
export { formatText } from './formats/text';
export { formatJson } from './formats/json';

export interface ScanOptions {
  /** The project directory. */
  readonly dir: string;
  /** The catalogue file; found upward from `dir` when absent. */
  readonly catalogue?: string;
  /** All rules, and unresolvable destinations reported too (as the ESLint `strict` config); else the recommended rules. */
  readonly strict?: boolean;
  /** Options per rule, as in an ESLint config (`{ allow: ['123456782'] }` for no-bsn-literal), over the defaults. */
  readonly ruleOptions?: Readonly<Partial<Record<RuleId, Readonly<Record<string, unknown>>>>>;
  /** The language of messages (`--locale`); the catalogue's `settings.locale` when absent. */
  readonly locale?: Locale;
  /** Today, for suppression expiry and ended agreements; the caller's clock. */
  readonly now?: Date;
  /** Files to leave out (absolute names), besides node_modules and build output: `--ignore`, the ESLint config. */
  readonly ignore?: (file: string) => boolean;
  /** ESLint's bulk suppressions and the directory their paths are relative to (ESLint's working directory). */
  readonly bulkSuppressions?: { readonly suppressions: BulkSuppressions; readonly base: string };
  /** A project with no file to analyse is fine (else it is an error: a typo in the tsconfig's `include`). */
  readonly allowEmpty?: boolean;
  /** Also collect what the analysis observed per file, for `avglint report` (same analysis, one pass). */
  readonly observe?: boolean;
}

export interface ScannedFinding extends Finding {
  readonly file: string;
  /** 1-based line and column of the start and end of `range`. */
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  /** Identity across commits that does not depend on the line (formats/fingerprint.ts). */
  readonly fingerprint: string;
}

/** A finding that a disable comment or the bulk-suppressions file hides: not reported, but kept for SARIF. */
export interface SuppressedScanFinding extends ScannedFinding {
  readonly suppression: {
    /** SARIF's kinds: `inSource` for a disable comment, `external` for eslint-suppressions.json. */
    readonly kind: 'inSource' | 'external';
    /** The comment's reason after `--` (may be empty), or a note naming the suppressions file. */
    readonly justification: string;
  };
}

export interface ScanResult {
  readonly dir: string;
  readonly catalogueFile?: string;
  /** Problems with the catalogue; when one is an error nothing was analysed. */
  readonly catalogueProblems: readonly Problem[];
  /**
   * With a catalogue that has errors: the one line every host says about it (`catalogueFailure`, in `--locale`, else
   * English, with paths relative to `dir`); the text format prints it above the full list.
   */
  readonly catalogueSummary?: string;
  /**
   * Problems met while analysing (not findings about the code): a file not read or not parsed, a rule that could not
   * finish (`analysis/internal-error`), no file to analyse (`scan/no-files`). Any error makes the result incomplete.
   */
  readonly problems: readonly Problem[];
  readonly findings: readonly ScannedFinding[];
  /** Findings hidden by disable comments or bulk suppressions. */
  readonly suppressed: readonly SuppressedScanFinding[];
  /** Files analysed. */
  readonly fileCount: number;
  /** Whether the analysis had type information: from the tsconfig.json, or from an inferred program without one. */
  readonly typed: boolean;
  /** Without a tsconfig.json: the files were analysed as one inferred program (as tsserver makes one). */
  readonly inferred: boolean;
  readonly milliseconds: number;
  /** The catalogue the scan used, when it loaded. */
  readonly catalogue?: Catalogue;
  /** With `observe`: the report's input per analysed file. */
  readonly observed?: readonly ReportFileInput[];
  /**
   * The language of the findings and problems (`--locale`, else the catalogue's `settings.locale` — of a broken
   * catalogue too, when it could be read — else English).
   */
  readonly locale?: Locale;
}


/** The rules a scan runs and their options: the Node layer's presets, the same the ESLint configs are built from. */
export function scanRules(strict: boolean): { rules: Set<RuleId>; ruleOptions: Partial<Record<RuleId, Record<string, unknown>>> } {
  const selected = preset(strict ? 'strict' : 'recommended');
  return { rules: new Set(selected.rules), ruleOptions: { ...selected.ruleOptions } };
}

/** How the hint of the "no catalogue" problem names the scanner's setting. */
const CATALOGUE_SETTING = '`--catalogue <file>`';

/** The source files under `dir` (the Node layer's walk: regular files, node_modules and build output skipped). */
export function walk(dir: string): string[] {
  return listSourceFiles(dir);
}

export function scanProject(options: ScanOptions): ScanResult {
  const started = performance.now();
  const dir = path.resolve(options.dir);
  const now = options.now ?? new Date();
  const resolved = resolveCatalogue(dir, { ...(options.catalogue !== undefined ? { configured: path.resolve(options.catalogue) } : {}), setting: CATALOGUE_SETTING, now, ...(options.locale ? { locale: options.locale } : {}) });
  const catalogueFile = resolved.file;
  if (resolved.catalogue === undefined) {
    const relative = (file: string): string => (path.relative(dir, file).startsWith('..') ? file : path.relative(dir, file).split(path.sep).join('/') || file);
    // The problems' locale: `--locale`, else the broken catalogue's own `settings.locale` when it could be read.
    const catalogueSummary = catalogueFailure(resolved.problems, resolved.locale, relative).summary;
    return { dir, catalogueFile, catalogueProblems: resolved.problems, catalogueSummary, problems: [], findings: [], suppressed: [], fileCount: 0, typed: false, inferred: false, milliseconds: performance.now() - started, locale: resolved.locale };
  }
  const catalogue = resolved.catalogue;
  const ignored = options.ignore ?? ((): boolean => false);
  const problems: Problem[] = [];
  const { programs, typed, inferred } = createPrograms(dir, ignored, problems);
  const selected = scanRules(options.strict ?? false);
  const ruleOptions = { ...selected.ruleOptions };
  for (const [id, value] of Object.entries(options.ruleOptions ?? {}) as [RuleId, Record<string, unknown>][]) ruleOptions[id] = { ...ruleOptions[id], ...value };
  const reportedProblems = new Set<string>();
  const analysisOptions = { rules: selected.rules, ruleOptions, now, observe: options.observe === true, ...(options.locale ? { locale: options.locale } : {}) };
  const locale = messageLocale(options.locale, catalogue);
  const observed: ReportFileInput[] = [];
  let findings: ScannedFinding[] = [];
  const suppressed: SuppressedScanFinding[] = [];
  const seen = new Set<string>();
  // Prisma schemas are read by the Node layer (the core reads no file): checked themselves, and passed to the
  // analysis of the files they belong to so that writes through Prisma Client are covered by the model's `/// @retention`.
  const schemas = new PrismaSchemas();
  if (selected.rules.has('require-retention')) {
    for (const schemaFile of listPrismaSchemas(dir).filter((file) => !ignored(file))) {
      const schema = schemas.read(schemaFile);
      if (schema === undefined) continue;
      const lines = ts.createSourceFile(schemaFile, schema.text, ts.ScriptTarget.Latest, false, ts.ScriptKind.Unknown);
      findings.push(...positioned(lines, dir, checkPrismaSchema(schema, catalogue, locale)));
    }
  }
  for (const program of programs) {
    for (const sourceFile of program.getSourceFiles()) {
      if (!isProjectFile(program, sourceFile, dir) || seen.has(sourceFile.fileName) || ignored(path.resolve(sourceFile.fileName))) continue;
      seen.add(sourceFile.fileName);
      const prismaSchema = schemas.for(sourceFile.fileName);
      const networkPackages = networkPackagesFor(sourceFile.fileName);
      const result = analyseFile({ sourceFile, program: typed ? program : undefined, catalogue, ...(prismaSchema ? { prismaSchema } : {}), networkPackages, options: analysisOptions });
      // A problem about the configuration (`settings/conflict`) is the same for every file: listed once.
      for (const problem of result.problems) {
        const key = `${problem.file}\0${problem.line}\0${problem.code}\0${problem.message}`;
        if (problem.code.startsWith('settings/') && reportedProblems.has(key)) continue;
        reportedProblems.add(key);
        problems.push(problem);
      }
      // Positions and fingerprints over every finding in file order, before suppressions take some away, so a
      // fingerprint does not change when a neighbouring finding is suppressed.
      if (options.observe === true) observed.push(reportFileInput(dir, sourceFile, result));
      const scanned = positioned(sourceFile, dir, result.findings);
      const of = (finding: Finding): ScannedFinding => scanned[result.findings.indexOf(finding)] as ScannedFinding;
      const parts = partitionSuppressions(result.findings, parseSuppressions(sourceFile), sourceFile, { now });
      findings.push(...parts.kept.map(of));
      for (const s of parts.suppressed) suppressed.push({ ...of(s.finding), suppression: { kind: 'inSource', justification: s.directive.reason } });
    }
  }
  if (options.bulkSuppressions !== undefined) {
    const bulk = applyBulkSuppressions(findings, options.bulkSuppressions.suppressions, options.bulkSuppressions.base);
    findings = bulk.kept;
    const note = `${SUPPRESSIONS_FILE}: an existing finding, suppressed in bulk until it is fixed`;
    suppressed.push(...bulk.suppressed.map((f) => ({ ...f, suppression: { kind: 'external' as const, justification: note } })));
  }
  if (seen.size === 0 && !options.allowEmpty && !hasErrors(problems)) problems.push(noFilesProblem(dir, !inferred));
  return { dir, catalogueFile, catalogueProblems: resolved.problems, problems, findings, suppressed, fileCount: seen.size, typed, inferred, milliseconds: performance.now() - started, catalogue, locale, ...(options.observe === true ? { observed } : {}) };
}

/** Zero analysed files is almost always a mistake (a typo in `include`), and a CI step that checked nothing must fail. */
function noFilesProblem(dir: string, fromTsconfig: boolean): Problem {
  return {
    file: fromTsconfig ? path.join(dir, 'tsconfig.json') : dir,
    line: 1,
    column: 1,
    severity: 'error',
    code: 'scan/no-files',
    message: fromTsconfig
      ? 'avglint analysed no file: the tsconfig.json (and the projects it references) includes no source file in this folder.'
      : 'avglint analysed no file: there is no source file (.ts, .tsx, .js, …) in this folder outside node_modules, dist and build.',
    hint: fromTsconfig ? 'Check `include`, `files` and `references` in the tsconfig.json, or pass --allow-empty when an empty project is expected.' : 'Scan the folder that holds the sources, or pass --allow-empty when an empty project is expected.',
  };
}

/** The exit code for a result: 2 catalogue or nothing analysed, 3 incomplete, 1 findings, 0 clean. */
export function exitCodeOf(result: ScanResult): number {
  if (hasErrors(result.catalogueProblems) || result.problems.some((p) => p.code === 'scan/no-files')) return 2;
  if (hasErrors(result.problems)) return 3;
  return result.findings.length > 0 ? 1 : 0;
}

/**
 * With a tsconfig.json in `dir`: one program per project (following `references`, as a solution tsconfig has none of
 * its own files), so the analysis has types and follows imports. Without one: an inferred program over the source
 * files under `dir`, as tsserver makes one for files no tsconfig includes (JavaScript allowed, modules resolved the
 * Node way, no type errors asked for), so flows cross `require`/`module.exports` and ES modules in plain JavaScript.
 */
function createPrograms(dir: string, ignored: (file: string) => boolean, problems: Problem[]): { programs: ts.Program[]; typed: boolean; inferred: boolean } {
  const root = path.join(dir, 'tsconfig.json');
  if (!fs.existsSync(root)) {
    const fileNames = walk(dir).filter((file) => !ignored(file));
    return { programs: [ts.createProgram(fileNames, INFERRED_COMPILER_OPTIONS, createSafeCompilerHost(INFERRED_COMPILER_OPTIONS, problems))], typed: true, inferred: true };
  }
  const programs: ts.Program[] = [];
  const visited = new Set<string>();
  const queue = [root];
  while (queue.length > 0) {
    const configFile = queue.shift() as string;
    if (visited.has(configFile)) continue;
    visited.add(configFile);
    const parsed = ts.getParsedCommandLineOfConfigFile(configFile, { noEmit: true }, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
    if (parsed === undefined) continue;
    for (const reference of parsed.projectReferences ?? []) queue.push(ts.resolveProjectReferencePath(reference));
    if (parsed.fileNames.length === 0) continue;
    const options = { ...parsed.options, noEmit: true };
    // A file the parser cannot finish, or one that is not a regular file, is a problem on that file; the program is
    // built without it and every other file is analysed.
    programs.push(ts.createProgram({ rootNames: parsed.fileNames, options, projectReferences: parsed.projectReferences, host: createSafeCompilerHost(options, problems) }));
  }
  return { programs, typed: true, inferred: false };
}

function isProjectFile(program: ts.Program, sourceFile: ts.SourceFile, dir: string): boolean {
  if (sourceFile.isDeclarationFile || program.isSourceFileFromExternalLibrary(sourceFile)) return false;
  return !isSkippedPath(dir, sourceFile.fileName);
}

/** One file's findings with 1-based positions and their fingerprints (numbered within the file, in this order). */
function positioned(sourceFile: ts.SourceFile, dir: string, list: readonly Finding[]): ScannedFinding[] {
  const file = path.resolve(sourceFile.fileName);
  const relativeFile = path.relative(dir, file).split(path.sep).join('/');
  const keys = fingerprints(list.map((finding) => ({ finding, relativeFile, text: sourceFile.text.slice(finding.range.start, finding.range.end) })));
  return list.map((finding, i) => {
    const start = sourceFile.getLineAndCharacterOfPosition(finding.range.start);
    const end = sourceFile.getLineAndCharacterOfPosition(finding.range.end);
    return { ...finding, file, line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1, fingerprint: keys[i] ?? '' };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Command

export const SCAN_USAGE = `Usage: avglint scan [dir] [--format ${formatChoices('scan')}] [--output file] [--catalogue file] [--strict]
                    [--ignore <glob>]... [--no-ignore] [--rule <rule-id>=<json options>]...
                    [--suppressions-location file] [--allow-empty] [--locale nl|en]

Scans a project with avglint's rules without ESLint: every source file of its tsconfig.json (with type information),
or every source file under dir when there is none. Prints each finding with its flow path.
${formatOptionLines('scan')}
  --output     write the report to this file only (standard output stays empty; a one-line summary goes to stderr)
  --catalogue  the FG's catalogue (default: the nearest avglint.catalogue.yaml upward from dir)
  --strict     all rules, and report destinations that cannot be resolved (like the ESLint strict config)
  --ignore     leave out files matching this glob, relative to dir (a directory leaves out all below it); the
               ignores of the ESLint config that ESLint would use for dir apply too
  --no-ignore  do not apply the ESLint config's ignores (node_modules and build output are still left out)
  --rule       a rule's options as in an ESLint config, e.g. --rule 'no-bsn-literal={"allow":["123456782"]}'; the
               catalogue's \`settings.rules\` are the project's options, and a --rule value that differs is a warning
  --locale     the language of the messages, nl or en (default: the catalogue's \`settings.locale\`, else en)
  --suppressions-location
               ESLint's bulk-suppressions file (default: ${SUPPRESSIONS_FILE} in the current directory, if it exists);
               findings it suppresses are not reported, so only new ones fail (see \`eslint --suppress-all\`)
  --allow-empty  succeed when there is no file to analyse (else that is an error: a typo in the tsconfig)
Exit code: 0 no findings, 1 findings, 2 the catalogue is missing or invalid, no file was analysed, or the command
           line is wrong, 3 incomplete: a file could not be read or parsed, or a rule could not finish on a file.`;

export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

const processIo: Io = { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) };

export const scanCommand: Command = {
  summary: 'scan a project without ESLint: every finding with its flow path, or SARIF / GitLab Code Quality',
  usage: SCAN_USAGE,
  run: (args) => runScan(args),
};

/** Runs `avglint scan` with the arguments after `scan`; returns the exit code. */
export async function runScan(args: readonly string[], io: Io = processIo, cwd: string = process.cwd()): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        format: { type: 'string', default: defaultFormat('scan') },
        output: { type: 'string' },
        catalogue: { type: 'string' },
        strict: { type: 'boolean', default: false },
        rule: { type: 'string', multiple: true, default: [] },
        locale: { type: 'string' },
        ignore: { type: 'string', multiple: true, default: [] },
        'suppressions-location': { type: 'string' },
        'allow-empty': { type: 'boolean', default: false },
        'no-ignore': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    io.stderr(`${error instanceof Error ? error.message : String(error)}\n\n${SCAN_USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(`${SCAN_USAGE}\n`);
    return 0;
  }
  const format = values.format;
  const renderer = rendererOf('scan', format);
  if (renderer === undefined || positionals.length > 1) {
    io.stderr(`${renderer === undefined ? `avglint scan: ${unknownFormatMessage('scan', format)}\n\n` : ''}${SCAN_USAGE}\n`);
    return 2;
  }
  const dir = path.resolve(cwd, positionals[0] ?? '.');
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    io.stderr(`avglint scan: ${dir} is not a directory.\n`);
    return 2;
  }
  const ruleOptions = parseRuleOptions(values.rule);
  if (typeof ruleOptions === 'string') {
    io.stderr(`avglint scan: ${ruleOptions}\n\n${SCAN_USAGE}\n`);
    return 2;
  }
  const locale = values.locale;
  if (locale !== undefined && !isLocale(locale)) {
    io.stderr(`avglint scan: unknown locale \`${locale}\` (use nl or en).\n\n${SCAN_USAGE}\n`);
    return 2;
  }
  const explicitSuppressions = values['suppressions-location'];
  const suppressionsFile = path.resolve(cwd, explicitSuppressions ?? SUPPRESSIONS_FILE);
  const bulk = readBulkSuppressions(suppressionsFile, explicitSuppressions !== undefined);
  if ('error' in bulk) {
    io.stderr(`avglint scan: ${bulk.error}\n`);
    return 2;
  }
  const { ignore, warning } = await projectIgnores(dir, values.ignore, !values['no-ignore']);
  if (warning !== undefined) io.stderr(`avglint scan: ${warning}
`);
  const result = scanProject({
    dir,
    catalogue: values.catalogue === undefined ? undefined : path.resolve(cwd, values.catalogue),
    strict: values.strict,
    ruleOptions,
    ...(locale !== undefined ? { locale } : {}),
    ignore,
    // Paths in the file are relative to the directory ESLint runs in, wherever the file itself is.
    bulkSuppressions: { suppressions: bulk.suppressions, base: cwd },
    allowEmpty: values['allow-empty'],
  });
  const output = renderer.render(result, { version: cliVersion() });
  const code = exitCodeOf(result);
  // Exit 2 or 3: why the run failed (or is incomplete) goes to people on standard error, whatever the report format.
  const broken = code >= 2;
  if (values.output !== undefined) {
    const outputFile = path.resolve(cwd, values.output);
    try {
      fs.mkdirSync(path.dirname(outputFile), { recursive: true });
      fs.writeFileSync(outputFile, output);
    } catch (error) {
      const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
      io.stderr(`avglint scan: cannot write the report to ${values.output} (${reason}). Check that the path is a file in a folder that can be written to.\n`);
      return 2;
    }
    // The report goes to the file only; stderr says in one line what it holds (or, exit 2, why nothing was scanned).
    io.stderr(broken ? formatText(result) : `avglint scan: ${scanSummary(result)} Report: ${path.relative(cwd, outputFile) || outputFile}\n`);
  } else {
    io.stdout(output);
    if (broken && format !== 'text') io.stderr(formatText(result));
  }
  return code;
}

/** `--rule id={json}` arguments as options per rule, or what is wrong with them. */
export function parseRuleOptions(args: readonly string[]): Partial<Record<RuleId, Record<string, unknown>>> | string {
  const options: Partial<Record<RuleId, Record<string, unknown>>> = {};
  for (const arg of args) {
    const equals = arg.indexOf('=');
    const id = (equals < 0 ? arg : arg.slice(0, equals)).replace(/^avglint\//u, '') as RuleId;
    if (!RULE_IDS.includes(id)) return `--rule ${arg}: unknown rule \`${id}\` (the rules are ${RULE_IDS.join(', ')}).`;
    let value: unknown;
    try {
      value = JSON.parse(arg.slice(equals + 1));
    } catch {
      value = undefined;
    }
    if (equals < 0 || typeof value !== 'object' || value === null || Array.isArray(value)) return `--rule ${arg}: write the options as a JSON object, e.g. ${id}='{"…": …}'.`;
    options[id] = { ...options[id], ...(value as Record<string, unknown>) };
  }
  return options;
}

export function cliVersion(): string {
  try {
    return (JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

