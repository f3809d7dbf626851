/**
 * `avglint scan`, the standalone scanner: exit codes, suppressions applied as ESLint applies them, typed and untyped
 * projects, and SARIF with code flows. Runs the command in-process with captured output, on projects on disk.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runScan, scanProject, toSarif, type Io } from 'avglint/dist/scan';
import { fixtureCatalogueText, tempProjectsForSuite } from '../helpers/tempProject';

const BSN = "export const bsn = '111222333';\n";
const CLEAN = "export const bsn = '111222334';\n";

async function scan(args: string[], cwd?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: Io = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) };
  const code = await runScan(args, io, cwd);
  return { code, stdout, stderr };
}

interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; rules: { id: string; helpUri: string }[] } };
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: Record<string, number> } }[];
      codeFlows?: { threadFlows: { locations: { location: { message: { text: string } }; kinds: string[]; properties?: { phrase?: { id: string } } }[] }[] }[];
    }[];
    invocations: { executionSuccessful: boolean; toolConfigurationNotifications: { message: { text: string }; locations: { physicalLocation: { region: { startLine: number } } }[] }[] }[];
  }[];
}

describe('avglint scan', function () {
  this.timeout(60_000);
  const project = tempProjectsForSuite();

  it('exits 1 on a finding and prints it with its position and rule, then 0 once it is fixed', async () => {
    const p = project({ 'avglint.catalogue.yaml': fixtureCatalogueText(), 'src/ids.ts': BSN });
    const failing = await scan([p.dir]);
    assert.equal(failing.code, 1, failing.stdout + failing.stderr);
    assert.match(failing.stdout, /^ {2}1:20 {2}error {2}111222333 in a string passes the BSN-elfproef.* {2}avglint\/no-bsn-literal$/mu);
    assert.match(failing.stdout, /1 finding in 1 file; 1 file scanned as an inferred program \(no tsconfig\.json/u);
    // The summary on the finding's line, the detail indented below it.
    assert.match(failing.stdout, /avglint\/no-bsn-literal\n {6}Why: .*\n {6}What to do: /u);
    const dutch = await scan([p.dir, '--locale', 'nl']);
    assert.match(dutch.stdout, /^ {2}1:20 {2}fout {2}111222333 in een string doorstaat de BSN-elfproef: mogelijk een echt BSN {2}avglint\/no-bsn-literal\n {6}Waarom: /mu);
    // avglint's own words around the findings are Dutch too.
    assert.match(dutch.stdout, /^1 melding in 1 bestand; 1 bestand gescand als afgeleid programma \(geen tsconfig\.json/mu);
    assert.equal((await scan([p.dir, '--locale', 'de'])).code, 2);
    p.write('src/ids.ts', CLEAN);
    const passing = await scan([p.dir]);
    assert.equal(passing.code, 0, passing.stdout);
    assert.match(passing.stdout, /^0 findings/mu);
  });

  it('prints the flow path in the locale: Dutch steps and kinds with --locale nl, the phrase ids in JSON', async () => {
    const STUUR = "export function stuur(l: { bsn: string }) {\n  const nummer = l.bsn;\n  return fetch('https://api.leermiddel.example/v1', { method: 'POST', body: nummer });\n}\n";
    const p = project({ 'avglint.catalogue.yaml': fixtureCatalogueText(), 'src/stuur.ts': STUUR });
    const dutch = await scan([p.dir, '--locale', 'nl']);
    assert.equal(dutch.code, 1, dutch.stdout + dutch.stderr);
    assert.match(
      dutch.stdout,
      /\n {6}1\. bron {5}\S*stuur\.ts:2:18 {2}leest `l\.bsn`: Burgerservicenummer \(BSN\) \(herkend aan naam `bsn`\)\n {6}2\. stap {5}\S*stuur\.ts:2:9 {2}toegekend aan `nummer`\n {6}3\. eindpunt \S*stuur\.ts:3:10 {2}verstuurd door `fetch` naar Uitgeverij Leermiddel \(https:\/\/api\.leermiddel\.example\/v1\)\n/u,
    );
    const english = await scan([p.dir]);
    assert.match(english.stdout, /\n {6}1\. source \S*stuur\.ts:2:18 {2}reads `l\.bsn`: Burgerservicenummer \(BSN\) \(by name `bsn`\)\n {6}2\. step {3}\S*stuur\.ts:2:9 {2}assigned to `nummer`\n {6}3\. sink {3}\S*stuur\.ts:3:10 {2}sent by `fetch` to Uitgeverij Leermiddel/u);
    const json = JSON.parse((await scan([p.dir, '--locale', 'nl', '--format', 'json'])).stdout) as { locale: string; findings: { path: { phrase: { id: string; args: Record<string, unknown> }; description: string }[] }[] };
    assert.equal(json.locale, 'nl');
    assert.deepEqual(json.findings[0]?.path.map((s) => s.phrase), [
      { id: 'reads', args: { code: 'l.bsn', category: 'Burgerservicenummer (BSN)', by: 'name', matched: 'bsn' } },
      { id: 'assignedTo', args: { name: 'nummer' } },
      { id: 'sentBy', args: { api: 'fetch', to: { kind: 'named', name: 'Uitgeverij Leermiddel' }, url: 'https://api.leermiddel.example/v1' } },
    ]);
    assert.equal(json.findings[0]?.path[1]?.description, 'toegekend aan `nummer`');
  });

  it('checks a Prisma schema in the locale too', async () => {
    const p = project({ 'avglint.catalogue.yaml': fixtureCatalogueText(), 'prisma/schema.prisma': 'model Leerling {\n  id  Int    @id\n  bsn String\n}\n', 'src/a.ts': 'export const x = 1;\n' });
    const json = JSON.parse((await scan([p.dir, '--locale', 'nl', '--format', 'json'])).stdout) as { findings: { summary: string; path: { description: string }[] }[] };
    assert.deepEqual(json.findings.map((f) => [f.summary, f.path.map((s) => s.description)]), [['Burgerservicenummer (BSN) → Prisma model `Leerling`: geen bewaartermijn', ['Prisma model `Leerling` slaat Burgerservicenummer (BSN) op']]]);
  });

  it('exits 2 with the catalogue problem at its line and column when the catalogue is broken', async () => {
    const p = project({ 'avglint.catalogue.yaml': 'version: 1\nfoo: bar\n', 'src/ids.ts': BSN });
    const result = await scan([p.dir]);
    assert.equal(result.code, 2);
    // First the line ESLint and the editor show for this catalogue (in --locale), then every problem with its hint.
    assert.equal(result.stdout.split('\n')[0], 'Catalogue avglint.catalogue.yaml:2:1: Unknown key `foo` in the top level of the catalogue.');
    assert.match(result.stdout, /avglint\.catalogue\.yaml:2:1: error Unknown key `foo`/u);
    const nl = await scan([p.dir, '--locale', 'nl']);
    assert.equal(nl.code, 2);
    assert.equal(nl.stdout.split('\n')[0], 'Catalogus avglint.catalogue.yaml:2:1: Onbekende sleutel `foo` in het hoofdniveau van de catalogus.');
    assert.match(nl.stdout, /avglint\.catalogue\.yaml:2:1: \S+ Onbekende sleutel `foo`/u);
    assert.match(nl.stdout, /^avglint kan \S+ niet scannen: de catalogus ontbreekt of is ongeldig\.\n/mu);
    assert.match(nl.stdout, /\n {2}tip: /u);
  });

  it("says a broken catalogue's problems in Dutch with --locale nl and with its own settings.locale, at the same places", async () => {
    const text = 'version: 1\nfoo: bar\ncategories:\n  bsn: { label: BSN, retention: [dossier], match: { names: [bsn] } }\n';
    const english = scanProject({ dir: project({ 'avglint.catalogue.yaml': text, 'src/ids.ts': BSN }).dir });
    const flag = scanProject({ dir: project({ 'avglint.catalogue.yaml': text, 'src/ids.ts': BSN }).dir, locale: 'nl' });
    const own = scanProject({ dir: project({ 'avglint.catalogue.yaml': `${text}settings: { locale: nl }\n`, 'src/ids.ts': BSN }).dir });
    const places = (problems: readonly { line: number; column: number; code: string }[] | undefined): string[] => (problems ?? []).map((p) => `${p.line}:${p.column} ${p.code}`);
    assert.deepEqual(places(english.catalogueProblems), ['2:1 catalogue/unknown-key', '4:34 catalogue/unknown-reference']);
    assert.equal(english.catalogueProblems?.[1]?.message, 'Category `bsn` refers to retention term `dossier`, which is not in the catalogue.');
    for (const dutch of [flag, own]) {
      assert.equal(dutch.locale, 'nl');
      assert.deepEqual(places(dutch.catalogueProblems), places(english.catalogueProblems));
      assert.deepEqual(
        dutch.catalogueProblems?.map((p) => [p.message, p.hint]),
        [
          ['Onbekende sleutel `foo` in het hoofdniveau van de catalogus.', dutch.catalogueProblems?.[0]?.hint],
          ['Categorie `bsn` verwijst naar bewaartermijn `dossier`, die niet in de catalogus staat.', 'Er staan nog geen bewaartermijnen in de catalogus; voeg er een toe, of haal deze verwijzing weg.'],
        ],
      );
      // The summary is one line of at most 100 characters: the first problem, cut, and how many follow.
      assert.match(dutch.catalogueSummary ?? '', /^Catalogus avglint\.catalogue\.yaml:2:1: Onbekende sleutel `foo` in het hoofdniveau .*\(\+1 meer\)$/u);
    }
  });

  it('exits 2 when there is no catalogue, and uses the one --catalogue names', async () => {
    const p = project({ 'policy/school.yaml': fixtureCatalogueText(), 'src/ids.ts': BSN });
    const missing = await scan([p.dir]);
    assert.equal(missing.code, 2);
    assert.match(missing.stdout, /hint: Run `npx avglint init` to create one/u);
    assert.equal((await scan([p.dir, '--catalogue', path.join(p.dir, 'policy/school.yaml')])).code, 1);
  });

  it('applies disable comments as ESLint does, and reports those without a reason', async () => {
    const p = project({
      'avglint.catalogue.yaml': fixtureCatalogueText(),
      'src/with.ts': `// eslint-disable-next-line avglint/no-bsn-literal -- DUO's published test number\n${BSN}`,
      'src/without.ts': `/* eslint-disable avglint/no-bsn-literal */\n${BSN}`,
    });
    const result = scanProject({ dir: p.dir });
    assert.deepEqual(
      result.findings.map((f) => `${path.basename(f.file)}:${f.line}:${f.column} ${f.ruleId}`),
      ['without.ts:1:1 require-suppression-reason'],
    );
  });

  it('uses the tsconfig for type information and follows solution references', async () => {
    const p = project({
      'avglint.catalogue.yaml': fixtureCatalogueText(),
      'tsconfig.json': JSON.stringify({ files: [], references: [{ path: 'app' }] }),
      'app/tsconfig.json': JSON.stringify({ compilerOptions: { composite: true, noEmit: true, types: [] }, include: ['src'] }),
      'app/src/ids.ts': BSN,
      'other/ignored.ts': BSN,
    });
    const result = scanProject({ dir: p.dir });
    assert.equal(result.typed, true);
    assert.equal(result.fileCount, 1);
    assert.deepEqual(result.findings.map((f) => path.relative(p.dir, f.file)), [path.join('app', 'src', 'ids.ts')]);
  });

  it('without a tsconfig scans every source file outside node_modules and dist', async () => {
    const p = project({
      'avglint.catalogue.yaml': fixtureCatalogueText(),
      'a.js': BSN,
      'lib/b.cjs': BSN,
      'node_modules/dep/index.js': BSN,
      'dist/a.js': BSN,
    });
    const result = scanProject({ dir: p.dir });
    assert.equal(result.inferred, true);
    assert.deepEqual(result.findings.map((f) => path.relative(p.dir, f.file)).sort(), ['a.js', path.join('lib', 'b.cjs')]);
  });

  it('writes SARIF 2.1.0 with rules, regions and a code flow per finding', async () => {
    const p = project({ 'avglint.catalogue.yaml': fixtureCatalogueText(), 'src/ids.ts': BSN });
    const output = path.join(p.dir, 'avglint.sarif');
    const result = await scan([p.dir, '--format', 'sarif', '--output', output]);
    assert.equal(result.code, 1);
    const log = JSON.parse(fs.readFileSync(output, 'utf8')) as SarifLog;
    assert.equal(log.version, '2.1.0');
    const run = log.runs[0];
    assert.ok(run);
    assert.equal(run.tool.driver.name, 'avglint');
    assert.ok(run.tool.driver.rules.some((r) => r.id === 'avglint/no-bsn-literal' && r.helpUri.endsWith('/docs/rules/no-bsn-literal.md')));
    assert.equal(run.results.length, 1);
    const [finding] = run.results;
    assert.equal(finding?.ruleId, 'avglint/no-bsn-literal');
    assert.equal(run.tool.driver.rules[finding?.ruleIndex ?? -1]?.id, 'avglint/no-bsn-literal');
    assert.deepEqual(finding?.locations[0]?.physicalLocation, {
      artifactLocation: { uri: 'src/ids.ts', uriBaseId: '%SRCROOT%' },
      region: { startLine: 1, startColumn: 20, endLine: 1, endColumn: 31 },
    });
    const steps = finding?.codeFlows?.[0]?.threadFlows[0]?.locations ?? [];
    assert.ok(steps.length >= 1);
    assert.deepEqual(steps[0]?.kinds, ['source']);
    assert.match(steps[0]?.location.message.text ?? '', /111222333/u);
  });

  it('carries a multi-step flow path into codeFlows in order, source first and sink last', async () => {
    const p = project({ 'avglint.catalogue.yaml': fixtureCatalogueText(), 'src/ids.ts': BSN });
    const scanned = scanProject({ dir: p.dir });
    const file = path.join(p.dir, 'src', 'ids.ts');
    const [first] = scanned.findings;
    assert.ok(first);
    // A three-step path as the flow rules produce it, to check the SARIF shape without depending on them.
    const step = (kind: 'source' | 'step' | 'sink', line: number): (typeof first.path)[number] => ({ kind, file, range: { start: 0, end: 1 }, line, column: 1, phrase: { id: 'returned', args: {} }, description: `${kind} at ${line}` });
    const withPath = { ...scanned, findings: [{ ...first, path: [step('source', 1), step('step', 2), step('sink', 3)] }] };
    const log = toSarif(withPath, '0.0.0') as SarifLog;
    const locations = log.runs[0]?.results[0]?.codeFlows?.[0]?.threadFlows[0]?.locations ?? [];
    assert.deepEqual(locations.map((l) => [l.kinds[0], l.location.message.text]), [['source', 'source at 1'], ['step', 'step at 2'], ['sink', 'sink at 3']]);
    assert.deepEqual(locations.map((l) => l.properties?.phrase), [1, 2, 3].map(() => ({ id: 'returned', args: {} })));
  });

  it('puts catalogue problems into SARIF as configuration notifications and exits 2', async () => {
    const p = project({ 'avglint.catalogue.yaml': 'version: 1\nfoo: bar\n', 'src/ids.ts': BSN });
    const result = await scan([p.dir, '--format', 'sarif']);
    assert.equal(result.code, 2);
    const log = JSON.parse(result.stdout) as SarifLog;
    const invocation = log.runs[0]?.invocations[0];
    assert.equal(invocation?.executionSuccessful, false);
    assert.equal(invocation?.toolConfigurationNotifications[0]?.locations[0]?.physicalLocation.region.startLine, 2);
  });

  it('takes rule options as in an ESLint config with --rule, and rejects unknown rules and bad JSON', async () => {
    const p = project({ 'avglint.catalogue.yaml': fixtureCatalogueText(), 'src/ids.ts': BSN });
    assert.equal((await scan([p.dir, '--rule', 'avglint/no-bsn-literal={"allow":["111222333"]}'])).code, 0);
    assert.equal((await scan([p.dir, '--rule', 'no-bsn-literal={"allow":["111222334"]}'])).code, 1);
    const unknown = await scan([p.dir, '--rule', 'no-such-rule={}']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown rule `no-such-rule`/u);
    assert.equal((await scan([p.dir, '--rule', 'no-bsn-literal=allow'])).code, 2);
  });

  it('prints JSON with every finding, its position and its path', async () => {
    const p = project({ 'avglint.catalogue.yaml': fixtureCatalogueText(), 'src/ids.ts': BSN });
    const result = await scan([p.dir, '--format', 'json']);
    assert.equal(result.code, 1);
    const json = JSON.parse(result.stdout) as { findings: { ruleId: string; file: string; line: number; column: number; path: unknown[] }[]; fileCount: number };
    assert.equal(json.fileCount, 1);
    assert.deepEqual(
      json.findings.map((f) => [f.ruleId, path.relative(p.dir, f.file), f.line, f.column, f.path.length > 0]),
      [['no-bsn-literal', path.join('src', 'ids.ts'), 1, 20, true]],
    );
  });

  it('exits 2 with a plain message, not a stack trace, when --output cannot be written', async () => {
    const p = project({ 'avglint.catalogue.yaml': fixtureCatalogueText(), 'src/ids.ts': BSN });
    // A folder of the path is a file: it cannot be made, nor written in.
    const result = await scan([p.dir, '--format', 'sarif', '--output', path.join(p.dir, 'src', 'ids.ts', 'avglint.sarif')]);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /^avglint scan: cannot write the report to .*avglint\.sarif \((ENOTDIR|EEXIST)\)\. Check that the path is a file in a folder that can be written to\.$/mu);
    assert.doesNotMatch(result.stderr, /^\s+at /mu);
  });

  it('rejects an unknown format with exit 2', async () => {
    assert.equal((await scan(['--format', 'xml'])).code, 2);
  });
  it('without a tsconfig follows values across require/module.exports and ES modules in plain JavaScript', () => {
    const helpers = "const URL = 'https://analytics.example.com/e';\nfunction stuur(data) {\n  return fetch(URL, { method: 'POST', body: JSON.stringify(data) });\n}\nfunction nummer(leerling) {\n  return leerling.bsn;\n}\nmodule.exports = { stuur, nummer };\n";
    const app = "const { stuur, nummer } = require('./helpers');\nconst log = require('./log');\nfunction sync(leerling) {\n  stuur({ id: nummer(leerling) });\n  log.schrijf(leerling.naam);\n}\nmodule.exports = sync;\n";
    const p = project({
      'avglint.catalogue.yaml': fixtureCatalogueText(),
      'package.json': '{ "name": "js-school" }',
      'src/helpers.js': helpers,
      'src/app.js': app,
      'src/log.js': 'exports.schrijf = (tekst) => console.log(tekst);\n',
      'src/esm.mjs': "import { stuurEsm } from './esm-helper.mjs';\nexport function f(leerling) {\n  stuurEsm(leerling.postcode);\n}\n",
      'src/esm-helper.mjs': "export function stuurEsm(x) {\n  return fetch('https://analytics.example.com/e', { body: x });\n}\n",
    });
    const result = scanProject({ dir: p.dir, strict: true });
    assert.equal(result.inferred, true);
    assert.deepEqual(
      result.findings.map((f) => [path.relative(p.dir, f.file), f.line, f.column, f.ruleId, f.messageId]),
      [
        [path.join('src', 'app.js'), 4, 11, 'no-unauthorised-transfer', 'unknownDestination'],
        [path.join('src', 'app.js'), 5, 15, 'no-personal-data-in-logs', 'personalDataInLog'],
        [path.join('src', 'esm.mjs'), 3, 12, 'no-unauthorised-transfer', 'unknownDestination'],
      ],
    );
  });
  it("follows the app's axios default base URL set in its entry module to calls in other modules (probe suite)", () => {
    const p = project({
      'avglint.catalogue.yaml': fixtureCatalogueText(),
      'package.json': '{ "name": "js-defaults" }',
      'src/main.js': "import axios from 'axios';\naxios.defaults.baseURL = 'https://api.leermiddel.example/v1';\n",
      'src/leerlingen.js': "import axios from 'axios';\nexport const stuur = (leerling) => axios.post('/leerlingen', { nummer: leerling.bsn });\nexport const bron = (leerling) => axios.post('https://api.duo.nl/bron', { bsn: leerling.bsn });\n",
    });
    const result = scanProject({ dir: p.dir, strict: true });
    assert.equal(result.inferred, true);
    assert.deepEqual(
      result.findings.map((f) => [path.relative(p.dir, f.file), f.line, f.column, f.ruleId, f.messageId]),
      [[path.join('src', 'leerlingen.js'), 2, 64, 'no-unauthorised-transfer', 'unauthorisedTransfer']],
    );
  });
  it('without a tsconfig resolves a URL destructured from a CommonJS config module (probe suite)', () => {
    const p = project({
      'avglint.catalogue.yaml': fixtureCatalogueText(),
      'package.json': '{ "name": "js-config" }',
      'src/config.js': "module.exports = { LEERMIDDEL_URL: 'https://api.leermiddel.example/v1', DUO_URL: 'https://api.duo.nl' };\n",
      'src/client.js': "const axios = require('axios');\nconst { LEERMIDDEL_URL, DUO_URL } = require('./config');\nconst http = axios.create({ baseURL: LEERMIDDEL_URL });\nexports.stuur = (leerling) => http.post('/x', { nummer: leerling.bsn });\nexports.bron = (leerling) => axios.post(`${DUO_URL}/bron`, { bsn: leerling.bsn });\n",
    });
    const result = scanProject({ dir: p.dir, strict: true });
    assert.equal(result.inferred, true);
    // Without the destructured constant both were unresolved destinations; now one goes to the publisher, one to DUO.
    assert.deepEqual(
      result.findings.map((f) => [path.relative(p.dir, f.file), f.line, f.column, f.ruleId, f.messageId]),
      [[path.join('src', 'client.js'), 4, 49, 'no-unauthorised-transfer', 'unauthorisedTransfer']],
    );
  });
});
