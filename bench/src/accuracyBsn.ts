/**
 * The false-positive rate of `no-bsn-literal` on real TypeScript that holds no BSNs: TypeScript's own test cases
 * (`tests/cases`, about 14,000 files of compiler and language tests). Every finding there is a false positive — a
 * number that passes the elfproef by chance — so the figure is findings per 5,000 files (the target in ACCURACY.md is
 * at most 1).
 *
 * Usage: npm run accuracy:bsn [-- <corpus dir>] [--list]
 *   The corpus is the first argument, else $AVGLINT_BSN_CORPUS, else /work/.cache/ts-cases. Without it the script
 *   says so and exits 0: the corpus is not part of the repository (see ACCURACY.md for how to get it).
 *   --list prints every finding (file:line:column value context).
 *
 * Each file is parsed on its own (no program: the rule needs no types) and analysed with the starter catalogue, so the
 * catalogue's identifier names (`bsn`, `burgerservicenummer`, …) decide which names count as "named like a BSN".
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { analyseFile, loadCatalogue, type CatalogueHost, type RuleId } from '@avglint/rules';

const EXTENSIONS = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;
const host: CatalogueHost = { readFile: (file) => ts.sys.readFile(file), fileExists: (file) => ts.sys.fileExists(file) };

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && EXTENSIONS.test(entry.name)) out.push(full);
    }
  };
  walk(dir);
  return out;
}

function main(): void {
  const args = process.argv.slice(2);
  const corpus = path.resolve(args.find((a) => !a.startsWith('--')) ?? process.env['AVGLINT_BSN_CORPUS'] ?? '/work/.cache/ts-cases');
  if (!fs.existsSync(corpus) || !fs.statSync(corpus).isDirectory()) {
    console.log(`accuracy:bsn: SKIPPED — no corpus at ${corpus}. Put a copy of TypeScript's tests/cases there (see ACCURACY.md) or pass its directory.`);
    return;
  }
  const repositoryRoot = path.resolve(__dirname, '..', '..');
  const cataloguePath = path.join(repositoryRoot, 'examples', 'avglint.catalogue.yaml');
  const { catalogue, problems } = loadCatalogue(cataloguePath, host, { root: path.dirname(cataloguePath) });
  if (!catalogue) throw new Error(`starter catalogue: ${JSON.stringify(problems)}`);
  const rules = new Set<RuleId>(['no-bsn-literal']);

  const files = filesUnder(corpus);
  let findings = 0;
  const filesWithFindings = new Set<string>();
  const listed: string[] = [];
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const kind = file.endsWith('x') ? ts.ScriptKind.TSX : /\.[mc]?js$/.test(file) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
    const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
    const result = analyseFile({ sourceFile, catalogue, options: { rules } });
    for (const finding of result.findings) {
      findings++;
      filesWithFindings.add(file);
      const { line, character } = sourceFile.getLineAndCharacterOfPosition(finding.range.start);
      const lineText = text.split('\n')[line]?.trim().slice(0, 100) ?? '';
      listed.push(`${path.relative(corpus, file)}:${line + 1}:${character + 1}  ${String(finding.data?.['value'] ?? '')}  | ${lineText}`);
    }
  }
  const per5000 = files.length === 0 ? 0 : (filesWithFindings.size / files.length) * 5000;
  console.log(`accuracy:bsn: corpus ${corpus}`);
  console.log(`  files analysed:            ${files.length}`);
  console.log(`  findings (all false):      ${findings}`);
  console.log(`  files with a finding:      ${filesWithFindings.size}`);
  console.log(`  per 5,000 files:           ${per5000.toFixed(2)} (target ≤ 1)`);
  if (args.includes('--list')) for (const line of listed) console.log(`  ${line}`);
  if (files.length < 10_000) console.log(`  note: fewer than 10,000 files; the figure in ACCURACY.md needs the whole corpus`);
}

main();
