/**
 * `avglint scan [dir]`: the standalone scanner. It runs the core over a project without ESLint — the same
 * `analyseFile` the ESLint rules and the language server call, with the same disable comments applied (the core's
 * `applySuppressions`, which replays ESLint's directive semantics) — and prints every finding with its whole flow
 * path, or writes JSON or SARIF 2.1.0 with code flows. This is also what the benchmarks measure as "standalone scan".
 *
 * Exit codes: 0 no findings, 1 findings, 2 the catalogue is missing or invalid (or the command line is wrong).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import * as ts from 'typescript';
import {
  analyseFile,
  applySuppressions,
  checkPrismaSchema,
  findPrismaSchema,
  docsUrl,
  findCatalogue,
  hasErrors,
  loadCatalogue,
  parseSuppressions,
  RULE_IDS,
  RULES,
  type Finding,
  type FlowStep,
  type PrismaSchemaText,
  type Problem,
  type RuleId,
} from '@avglint/rules';
import type { Command } from './main';
import { findRepositoryRoot, nodeHost } from './nodeHost';

export interface ScanOptions {
  /** The project directory. */
  readonly dir: string;
  /** The catalogue file; found upward from `dir` when absent. */
  readonly catalogue?: string;
  /** All rules, and unresolvable destinations reported too (as the ESLint `strict` config); else the recommended rules. */
  readonly strict?: boolean;
  /** Options per rule, as in an ESLint config (`{ allow: ['123456782'] }` for no-bsn-literal), over the defaults. */
  readonly ruleOptions?: Readonly<Partial<Record<RuleId, Readonly<Record<string, unknown>>>>>;
  /** Today, for suppression expiry and ended agreements; the caller's clock. */
  readonly now?: Date;
}

export interface ScannedFinding extends Finding {
  readonly file: string;
  /** 1-based line and column of the start and end of `range`. */
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export interface ScanResult {
  readonly dir: string;
  readonly catalogueFile?: string;
  /** Problems with the catalogue; when one is an error nothing was analysed. */
  readonly catalogueProblems: readonly Problem[];
  /** Problems the core met while analysing (not findings about the code). */
  readonly problems: readonly Problem[];
  readonly findings: readonly ScannedFinding[];
  /** Files analysed. */
  readonly fileCount: number;
  /** Whether a tsconfig.json gave the analysis type information. */
  readonly typed: boolean;
  readonly milliseconds: number;
}

const SOURCE_EXTENSIONS = new Set(['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs']);
const PRISMA_EXTENSIONS = new Set(['.prisma']);
const SKIPPED_DIRECTORIES = new Set(['node_modules', 'dist', 'build', 'coverage', '.git', 'out']);

/** The rules a scan runs and their options, derived from the registry like the ESLint configs. */
export function scanRules(strict: boolean): { rules: Set<RuleId>; ruleOptions: Partial<Record<RuleId, Record<string, unknown>>> } {
  const rules = new Set(RULE_IDS.filter((id) => strict || RULES[id].recommended));
  const ruleOptions: Partial<Record<RuleId, Record<string, unknown>>> = {};
  if (strict) ruleOptions['no-unauthorised-transfer'] = { reportUnresolvedDestinations: true };
  return { rules, ruleOptions };
}

export function scanProject(options: ScanOptions): ScanResult {
  const started = performance.now();
  const dir = path.resolve(options.dir);
  const now = options.now ?? new Date();
  const catalogueFile = options.catalogue !== undefined ? path.resolve(options.catalogue) : findCatalogue(path.join(dir, 'package.json'), nodeHost);
  const base = { dir, catalogueFile, problems: [], findings: [], fileCount: 0, typed: false };
  if (catalogueFile === undefined) {
    const problem: Problem = {
      file: dir,
      line: 1,
      column: 1,
      severity: 'error',
      code: 'catalogue/not-found',
      message: `No avglint.catalogue.yaml found in ${dir} or any directory above it.`,
      hint: 'Put the FG\'s catalogue at the project root, or pass --catalogue <file>.',
    };
    return { ...base, catalogueProblems: [problem], milliseconds: performance.now() - started };
  }
  const loaded = loadCatalogue(catalogueFile, nodeHost, { now, root: findRepositoryRoot(catalogueFile) });
  if (loaded.catalogue === undefined || hasErrors(loaded.problems)) {
    return { ...base, catalogueProblems: loaded.problems, milliseconds: performance.now() - started };
  }
  const catalogue = loaded.catalogue;
  const { programs, typed } = createPrograms(dir);
  const selected = scanRules(options.strict ?? false);
  const ruleOptions = { ...selected.ruleOptions };
  for (const [id, value] of Object.entries(options.ruleOptions ?? {}) as [RuleId, Record<string, unknown>][]) ruleOptions[id] = { ...ruleOptions[id], ...value };
  const analysisOptions = { rules: selected.rules, ruleOptions, now };
  const findings: ScannedFinding[] = [];
  const problems: Problem[] = [];
  const seen = new Set<string>();
  // Prisma schemas are read here (the core reads no file): checked themselves, and passed to the analysis of the
  // files they belong to so that writes through Prisma Client are covered by the model's `/// @retention`.
  const schemas = new Map<string, PrismaSchemaText | undefined>();
  const schemaFor = (fileName: string): PrismaSchemaText | undefined => {
    const schemaFile = findPrismaSchema(fileName, nodeHost);
    if (schemaFile === undefined) return undefined;
    if (!schemas.has(schemaFile)) {
      const text = nodeHost.readFile(schemaFile);
      schemas.set(schemaFile, text === undefined ? undefined : { fileName: schemaFile, text });
    }
    return schemas.get(schemaFile);
  };
  if (selected.rules.has('require-retention')) {
    for (const schemaFile of walk(dir, PRISMA_EXTENSIONS)) {
      const text = nodeHost.readFile(schemaFile);
      if (text === undefined) continue;
      schemas.set(schemaFile, { fileName: schemaFile, text });
      const lines = ts.createSourceFile(schemaFile, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.Unknown);
      for (const finding of checkPrismaSchema({ fileName: schemaFile, text }, catalogue)) findings.push(positioned(lines, finding));
    }
  }
  for (const program of programs) {
    for (const sourceFile of program.getSourceFiles()) {
      if (!isProjectFile(program, sourceFile, dir) || seen.has(sourceFile.fileName)) continue;
      seen.add(sourceFile.fileName);
      const prismaSchema = schemaFor(sourceFile.fileName);
      const result = analyseFile({ sourceFile, program: typed ? program : undefined, catalogue, ...(prismaSchema ? { prismaSchema } : {}), options: analysisOptions });
      problems.push(...result.problems);
      const kept = applySuppressions(result.findings, parseSuppressions(sourceFile), sourceFile, { now });
      for (const finding of kept) findings.push(positioned(sourceFile, finding));
    }
  }
  return { dir, catalogueFile, catalogueProblems: loaded.problems, problems, findings, fileCount: seen.size, typed, milliseconds: performance.now() - started };
}

/**
 * With a tsconfig.json in `dir`: one program per project (following `references`, as a solution tsconfig has none of
 * its own files), so the analysis has types and follows imports. Without one: the source files under `dir`, parsed
 * without type information, as the ESLint recommended config does for plain JavaScript.
 */
function createPrograms(dir: string): { programs: ts.Program[]; typed: boolean } {
  const root = path.join(dir, 'tsconfig.json');
  if (!fs.existsSync(root)) {
    const fileNames = walk(dir);
    const program = ts.createProgram(fileNames, { allowJs: true, noEmit: true, noResolve: true, noLib: true, types: [] });
    return { programs: [program], typed: false };
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
    if (parsed.fileNames.length > 0) programs.push(ts.createProgram({ rootNames: parsed.fileNames, options: { ...parsed.options, noEmit: true }, projectReferences: parsed.projectReferences }));
  }
  return { programs, typed: true };
}

function walk(dir: string, extensions: ReadonlySet<string> = SOURCE_EXTENSIONS): string[] {
  const files: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name)) files.push(...walk(full, extensions));
    } else if (extensions.has(path.extname(entry.name)) && !entry.name.endsWith('.d.ts')) {
      files.push(full);
    }
  }
  return files.sort();
}

function isProjectFile(program: ts.Program, sourceFile: ts.SourceFile, dir: string): boolean {
  if (sourceFile.isDeclarationFile || program.isSourceFileFromExternalLibrary(sourceFile)) return false;
  const relative = path.relative(dir, sourceFile.fileName);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return false;
  return !relative.split(/[\\/]/).some((part) => SKIPPED_DIRECTORIES.has(part));
}

function positioned(sourceFile: ts.SourceFile, finding: Finding): ScannedFinding {
  const start = sourceFile.getLineAndCharacterOfPosition(finding.range.start);
  const end = sourceFile.getLineAndCharacterOfPosition(finding.range.end);
  return { ...finding, file: path.resolve(sourceFile.fileName), line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}

// ---------------------------------------------------------------------------------------------------------------
// Output

/** Text for people: grouped by file, each finding followed by its flow path. */
export function formatText(result: ScanResult): string {
  const lines: string[] = [];
  const relative = (file: string): string => path.relative(process.cwd(), file) || file;
  if (hasErrors(result.catalogueProblems)) {
    lines.push(`avglint cannot scan ${relative(result.dir)}: the catalogue is missing or invalid.`);
    for (const p of result.catalogueProblems) lines.push(`${relative(p.file)}:${p.line}:${p.column}: ${p.severity} ${p.message}`, `  hint: ${p.hint}`);
    return lines.join('\n') + '\n';
  }
  const byFile = new Map<string, ScannedFinding[]>();
  for (const f of result.findings) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  for (const [file, findings] of [...byFile].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(relative(file));
    for (const f of findings) {
      lines.push(`  ${f.line}:${f.column}  error  ${f.message}  avglint/${f.ruleId}`);
      if (f.path.length > 1) {
        f.path.forEach((step, i) => lines.push(`      ${i + 1}. ${step.kind.padEnd(6)} ${relative(step.file)}:${step.line}:${step.column}  ${step.description}`));
      }
    }
    lines.push('');
  }
  for (const p of result.problems) lines.push(`${relative(p.file)}:${p.line}:${p.column}: ${p.severity} ${p.code}: ${p.message} (${p.hint})`);
  const files = new Set(result.findings.map((f) => f.file)).size;
  lines.push(
    `${result.findings.length} finding${result.findings.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}; ` +
      `${result.fileCount} file${result.fileCount === 1 ? '' : 's'} scanned ${result.typed ? 'with' : 'without'} type information in ${Math.round(result.milliseconds)} ms.`,
  );
  return lines.join('\n') + '\n';
}

export function formatJson(result: ScanResult): string {
  return JSON.stringify(result, null, 2) + '\n';
}

/**
 * SARIF 2.1.0, written here rather than with `@microsoft/eslint-formatter-sarif`: that formatter turns ESLint lint
 * results into SARIF, and an ESLint message has no place for a finding's flow path, so it cannot produce `codeFlows`.
 * SARIF is plain JSON; this writes the subset GitHub code scanning reads (rules, results with regions, codeFlows with
 * one threadFlow from source to sink, and catalogue problems as tool notifications). Rule ids are `avglint/<id>`, as
 * the ESLint formatter writes them, so both kinds of upload describe the same rules.
 */
export function toSarif(result: ScanResult, version: string): object {
  const srcroot = pathToFileURL(result.dir + path.sep).href;
  const uri = (file: string): { uri: string; uriBaseId?: string } => {
    const relative = path.relative(result.dir, file);
    if (relative.startsWith('..') || path.isAbsolute(relative)) return { uri: pathToFileURL(file).href };
    return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
  };
  const rules = RULE_IDS.map((id) => ({
    id: `avglint/${id}`,
    name: id,
    shortDescription: { text: RULES[id].description },
    helpUri: docsUrl(id),
    defaultConfiguration: { level: 'error' },
    properties: { recommended: RULES[id].recommended, requiresTypes: RULES[id].requiresTypes },
  }));
  const stepLocation = (step: FlowStep): object => ({
    location: {
      physicalLocation: { artifactLocation: uri(step.file), region: { startLine: step.line, startColumn: step.column } },
      message: { text: step.description },
    },
    kinds: [step.kind],
  });
  const results = result.findings.map((f) => ({
    ruleId: `avglint/${f.ruleId}`,
    ruleIndex: RULE_IDS.indexOf(f.ruleId),
    level: 'error',
    message: { text: f.message },
    locations: [{ physicalLocation: { artifactLocation: uri(f.file), region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn } } }],
    ...(f.path.length > 0 ? { codeFlows: [{ threadFlows: [{ locations: f.path.map(stepLocation) }] }] } : {}),
    properties: { categories: f.categories, ...(f.processor !== undefined ? { processor: f.processor } : {}) },
  }));
  const notification = (p: Problem): object => ({
    level: p.severity,
    message: { text: `${p.message} (${p.hint})` },
    descriptor: { id: p.code },
    locations: [{ physicalLocation: { artifactLocation: uri(p.file), region: { startLine: p.line, startColumn: p.column } } }],
  });
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'avglint', version, informationUri: 'https://github.com/avglint/avglint', rules } },
        originalUriBaseIds: { '%SRCROOT%': { uri: srcroot } },
        results,
        invocations: [
          {
            executionSuccessful: !hasErrors(result.catalogueProblems),
            toolConfigurationNotifications: result.catalogueProblems.map(notification),
            toolExecutionNotifications: result.problems.map(notification),
          },
        ],
      },
    ],
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Command

export const SCAN_USAGE = `Usage: avglint scan [dir] [--format text|json|sarif] [--output file] [--catalogue file] [--strict]
                    [--rule <rule-id>=<json options>]...

Scans a project with avglint's rules without ESLint: every source file of its tsconfig.json (with type information),
or every source file under dir when there is none. Prints each finding with its flow path.
  --format     text (default), json, or sarif (SARIF 2.1.0 with code flows, for GitHub code scanning)
  --output     write to this file instead of standard output
  --catalogue  the FG's catalogue (default: the nearest avglint.catalogue.yaml upward from dir)
  --strict     all rules, and report destinations that cannot be resolved (like the ESLint strict config)
  --rule       a rule's options as in an ESLint config, e.g. --rule 'no-bsn-literal={"allow":["123456782"]}'
Exit code: 0 no findings, 1 findings, 2 the catalogue is missing or invalid.`;

export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

const processIo: Io = { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) };

export const scanCommand: Command = {
  summary: 'scan a project without ESLint and print every finding with its flow path (or write SARIF)',
  usage: SCAN_USAGE,
  run: (args) => runScan(args),
};

/** Runs `avglint scan` with the arguments after `scan`; returns the exit code. */
export function runScan(args: readonly string[], io: Io = processIo): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        output: { type: 'string' },
        catalogue: { type: 'string' },
        strict: { type: 'boolean', default: false },
        rule: { type: 'string', multiple: true, default: [] },
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
  if ((format !== 'text' && format !== 'json' && format !== 'sarif') || positionals.length > 1) {
    io.stderr(`${SCAN_USAGE}\n`);
    return 2;
  }
  const dir = path.resolve(positionals[0] ?? '.');
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    io.stderr(`avglint scan: ${dir} is not a directory.\n`);
    return 2;
  }
  const ruleOptions = parseRuleOptions(values.rule);
  if (typeof ruleOptions === 'string') {
    io.stderr(`avglint scan: ${ruleOptions}\n\n${SCAN_USAGE}\n`);
    return 2;
  }
  const result = scanProject({ dir, catalogue: values.catalogue, strict: values.strict, ruleOptions });
  const output = format === 'sarif' ? JSON.stringify(toSarif(result, cliVersion()), null, 2) + '\n' : format === 'json' ? formatJson(result) : formatText(result);
  if (values.output !== undefined) {
    fs.writeFileSync(values.output, output);
    // People still see what happened when the report goes to a file (as in CI).
    if (format !== 'text') io.stdout(formatText(result));
    else io.stdout(`Wrote ${values.output}\n`);
  } else {
    io.stdout(output);
  }
  if (hasErrors(result.catalogueProblems)) {
    if (format !== 'text' && values.output === undefined) io.stderr(formatText(result));
    return 2;
  }
  return result.findings.length > 0 ? 1 : 0;
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

