/**
 * The editor baseline, run as its own child process: TypeScript's LanguageService over the corpus's tsconfig, the
 * benchmark file opened, then the same edits the language server gets; after each edit the time to
 * `getSemanticDiagnostics` of that file (which first brings the program up to date, as an editor's request would).
 *
 * Usage: node bench/dist/ls-baseline.js <corpus dir> <file> <insertAfterLine> <edits>
 * Prints one JSON object: { openMs, editMs, diagnostics, peakRssMb }.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { applyEdit, vmHwmMb, type EditPlan, type EditorRun } from './edits';

function main(argv: readonly string[]): void {
  const [rootArg, file, after, edits] = argv;
  if (!rootArg || !file || after === undefined || edits === undefined) throw new Error('usage: ls-baseline <corpus dir> <file> <insertAfterLine> <edits>');
  const root = path.resolve(rootArg);
  const plan: EditPlan = { file, insertAfterLine: Number(after), edits: Number(edits) };
  const configFile = path.join(root, 'tsconfig.json');
  const config = ts.readConfigFile(configFile, (f) => ts.sys.readFile(f));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root, undefined, configFile);
  const target = path.join(root, plan.file);
  const versions = new Map<string, number>();
  const texts = new Map<string, string>();
  let text = fs.readFileSync(target, 'utf8');
  texts.set(target, text);
  versions.set(target, 1);

  const host: ts.LanguageServiceHost = {
    getCompilationSettings: () => parsed.options,
    getScriptFileNames: () => parsed.fileNames,
    getScriptVersion: (f) => String(versions.get(f) ?? 0),
    getScriptSnapshot: (f) => {
      const open = texts.get(f);
      if (open !== undefined) return ts.ScriptSnapshot.fromString(open);
      const disk = ts.sys.readFile(f);
      return disk === undefined ? undefined : ts.ScriptSnapshot.fromString(disk);
    },
    getCurrentDirectory: () => root,
    getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
    fileExists: (f) => ts.sys.fileExists(f),
    readFile: (f) => ts.sys.readFile(f),
    readDirectory: (...args) => ts.sys.readDirectory(...args),
    directoryExists: (d) => ts.sys.directoryExists(d),
    getDirectories: (d) => ts.sys.getDirectories(d),
  };
  const service = ts.createLanguageService(host, ts.createDocumentRegistry());

  let started = performance.now();
  let diagnostics = service.getSemanticDiagnostics(target).length;
  const openMs = performance.now() - started;
  const editMs: number[] = [];
  for (let k = 1; k <= plan.edits; k++) {
    text = applyEdit(text, plan, k);
    texts.set(target, text);
    versions.set(target, (versions.get(target) ?? 1) + 1);
    started = performance.now();
    diagnostics = service.getSemanticDiagnostics(target).length;
    editMs.push(performance.now() - started);
  }
  const result: EditorRun = { openMs, editMs, diagnostics, peakRssMb: vmHwmMb(process.pid) ?? Number.NaN };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main(process.argv.slice(2));
