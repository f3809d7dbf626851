/**
 * ESLint, `avglint scan` and the language server say the same thing:
 * - on a plain-JavaScript project without a tsconfig.json that hands personal data to an npm package the catalogue
 *   does not name (strict config, `scan --strict`): each host analyses the files as one inferred program (the Node
 *   layer's `inferredProject`, so a wrapper in another module is followed) and passes the Node layer's network
 *   packages to the core (so the package is an unknown destination);
 * - with the one configuration: the catalogue's `settings:` (locale, rule options) and a rule option the ESLint config
 *   sets differently (the editor reads that config in a trusted workspace, scan gets it as `--rule`): the same
 *   findings, severities and options, and the conflict said once by each;
 * - for the same broken catalogue: the same one line.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { preset } from '@avglint/node';
import { RULE_IDS } from '@avglint/rules';
import { scanProject } from 'avglint/dist/scan';
import { ESLint } from 'eslint';
import { DiagnosticSeverity } from 'vscode-languageserver';
import { eslintConfig, fixtureCatalogueText, tempProjectsForSuite } from '../helpers/tempProject';
import { REPO, TestClient, until, uriOf } from './harness';

const API = `exports.stuur = (gegevens) => fetch('https://onbekend.example/api', { method: 'POST', body: JSON.stringify(gegevens) });
`;
const APP = `const { stuur } = require('./api');
const { track } = require('meet-sdk');

function meld(leerling) {
  stuur({ bsn: leerling.bsn });
  track({ naam: leerling.naam });
}

module.exports = { meld };
`;

/** One finding as `file:line:column-endLine:endColumn rule`, 1-based. */
type Located = string;

describe('parity: ESLint, scan and the editor on plain JavaScript with an unknown third-party package', function () {
  this.timeout(120_000);
  const project = tempProjectsForSuite();

  it('report the same findings, the wrapper in another module and the unknown package included', async () => {
    const p = project({
      'package.json': JSON.stringify({ name: 'ouderportaal', dependencies: { 'meet-sdk': '1.0.0' } }),
      'node_modules/meet-sdk/package.json': JSON.stringify({ name: 'meet-sdk', version: '1.0.0', main: 'index.js' }),
      'node_modules/meet-sdk/index.js': "exports.track = (e) => fetch('https://meet.example/e', { method: 'POST', body: JSON.stringify(e) });\n",
      'avglint.catalogue.yaml': fixtureCatalogueText(),
      'eslint.config.mjs': eslintConfig('[avglint.configs.strict]'),
      'src/api.js': API,
      'src/app.js': APP,
    });
    const sort = (list: Located[]): Located[] => [...list].sort();

    const scan = scanProject({ dir: p.dir, strict: true });
    assert.equal(scan.inferred, true);
    const fromScan = sort(scan.findings.map((f) => `${path.relative(p.dir, f.file)}:${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.ruleId}`));

    const eslint = new ESLint({ cwd: p.dir, overrideConfigFile: path.join(p.dir, 'eslint.config.mjs') });
    const results = await eslint.lintFiles(['src']);
    const fromEslint = sort(
      results.flatMap((r) =>
        r.messages.map((m) => {
          assert.ok(m.ruleId?.startsWith('avglint/'), `ESLint: ${m.message}`);
          return `${path.relative(p.dir, r.filePath)}:${m.line}:${m.column}-${m.endLine ?? m.line}:${m.endColumn ?? m.column} ${(m.ruleId ?? '').slice('avglint/'.length)}`;
        }),
      ),
    );

    const strict = preset('strict');
    const client = new TestClient({ severity: Object.fromEntries(RULE_IDS.map((id) => [id, strict.rules.has(id) ? 'error' : 'off'])), ruleOptions: strict.ruleOptions, debounceMs: 0 });
    const fromServer: Located[] = [];
    try {
      await client.initialize(p.dir);
      for (const file of ['src/api.js', 'src/app.js']) {
        const diagnostics = await client.diagnosticsFor(client.open(path.join(p.dir, file)), 60_000);
        for (const d of diagnostics) fromServer.push(`${file}:${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1} ${String(d.code)}`);
      }
    } finally {
      await client.dispose();
    }

    // The two transfers that need the hosts' help: through the wrapper in api.js (the inferred program) and into
    // meet-sdk (the network packages). Both are unknown destinations: neither is in the catalogue.
    // Each at the property that carries the data, not the whole object.
    for (const expected of ['src/app.js:5:11-5:28 no-unauthorised-transfer', 'src/app.js:6:11-6:30 no-unauthorised-transfer']) assert.ok(fromScan.includes(expected), `scan: ${JSON.stringify(fromScan)}`);
    assert.deepEqual(fromEslint, fromScan);
    assert.deepEqual(sort(fromServer), fromScan);
  });

  it('the one configuration: the catalogue\'s settings, a conflicting ESLint option, the same findings, severities and options', async () => {
    // Inside the repository: the editor loads the project's own `eslint` and the config imports the plugin by name.
    const base = path.join(REPO, 'test', 'dist', 'lsp-parity');
    fs.mkdirSync(base, { recursive: true });
    const dir = fs.mkdtempSync(path.join(base, 'p-'));
    const write = (file: string, text: string): void => {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), text);
    };
    write('package.json', '{}');
    // The catalogue: Dutch messages and the test number 123456782 allowed.
    write('avglint.catalogue.yaml', fixtureCatalogueText().replace('version: 1\n', "version: 1\nsettings:\n  locale: nl\n  rules:\n    no-bsn-literal:\n      allow: ['123456782']\n"));
    // The ESLint config: the rule as a warning, and another allowed number (the conflict).
    write('eslint.config.mjs', [
      "import avglint from 'eslint-plugin-avglint';",
      "export default [avglint.configs.recommended, { rules: { 'avglint/no-bsn-literal': ['warn', { allow: ['111222333'] }] } }];",
      '',
    ].join('\n'));
    write('src/ids.js', "export const a = '123456782';\nexport const b = '111222333';\nexport const c = '999999990';\n");
    try {
      const eslint = new ESLint({ cwd: dir, overrideConfigFile: path.join(dir, 'eslint.config.mjs') });
      const [result] = await eslint.lintFiles(['src/ids.js']);
      const fromEslint = (result?.messages ?? []).map((m) => ({ rule: m.ruleId ?? '', line: m.line, column: m.column, endColumn: m.endColumn, severity: m.severity === 2 ? 'error' : 'warning', text: m.message }));
      const findings = fromEslint.filter((m) => m.rule === 'avglint/no-bsn-literal').map((m) => ({ ...m, text: m.text.replace(/ \(waarom: avglint scan\)$/u, '') }));
      // The ESLint option wins: 111222333 allowed, the catalogue's 123456782 not; in Dutch, as the catalogue says.
      assert.deepEqual(findings.map((m) => [m.line, m.column, m.endColumn, m.severity]), [[1, 18, 29, 'warning'], [3, 18, 29, 'warning']]);
      assert.match(findings[0]?.text ?? '', /^123456782 in een string doorstaat de BSN-elfproef/u);
      const conflictEslint = fromEslint.filter((m) => m.rule === 'avglint/catalogue');
      assert.equal(conflictEslint.length, 1, JSON.stringify(fromEslint));
      const conflictText = (conflictEslint[0]?.text ?? '').replace(/^avglint\.catalogue\.yaml:3:1: /u, '').replace(/ \(tip: avglint scan\)$/u, '');
      // In the catalogue's `settings.locale` (nl), like the findings beside it.
      assert.equal(conflictText, 'settings.rules.no-bsn-literal.allow: de waarde ["111222333"] van de host geldt, niet ["123456782"].');

      // scan with the same option on its command line (`--rule no-bsn-literal='{"allow":["111222333"]}'`).
      const scan = scanProject({ dir, ruleOptions: { 'no-bsn-literal': { allow: ['111222333'] } } });
      assert.deepEqual(scan.findings.map((f) => ({ line: f.line, column: f.column, endColumn: f.endColumn, text: f.summary })), findings.map((m) => ({ line: m.line, column: m.column, endColumn: m.endColumn, text: m.text })));
      assert.deepEqual(scan.problems.map((p) => [p.code, path.relative(dir, p.file), p.line, p.severity, p.message]), [['settings/conflict', 'avglint.catalogue.yaml', 3, 'warning', conflictText]]);

      // The editor in a trusted workspace: the ESLint config's severity and options, the catalogue's locale.
      const client = new TestClient({ debounceMs: 0 });
      try {
        await client.initialize(dir, { workspaceTrusted: true });
        const diagnostics = await client.diagnosticsFor(client.open(path.join(dir, 'src', 'ids.js')), 60_000);
        assert.deepEqual(
          diagnostics.map((d) => ({ line: d.range.start.line + 1, column: d.range.start.character + 1, endColumn: d.range.end.character + 1, severity: d.severity === DiagnosticSeverity.Error ? 'error' : 'warning', text: String(d.message) })),
          findings.map((m) => ({ line: m.line, column: m.column, endColumn: m.endColumn, severity: m.severity, text: m.text })),
        );
        // The conflict once, on the catalogue at its `settings:`, as a warning.
        const catalogueUri = uriOf(path.join(dir, 'avglint.catalogue.yaml'));
        const onCatalogue = await until(() => client.diagnostics.get(catalogueUri)?.diagnostics, 'the conflict on the catalogue', 60_000);
        assert.deepEqual(onCatalogue.map((d) => [d.code, d.range.start.line + 1, d.severity, String(d.message).split('\n')[0]]), [['settings/conflict', 3, DiagnosticSeverity.Warning, conflictText]]);
      } finally {
        await client.dispose();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the same broken catalogue: one line, the same in ESLint, scan and the editor (and every problem in scan)', async () => {
    const p = project({
      'package.json': '{}',
      'avglint.catalogue.yaml': fixtureCatalogueText().replace('version: 1\n', 'version: 1\nfoo: bar\nsettings:\n  lokale: nl\n'),
      'eslint.config.mjs': eslintConfig('[avglint.configs.recommended]'),
      'src/a.js': 'export const x = 1;\n',
    });
    const line = 'Catalogue avglint.catalogue.yaml:3:1: Unknown key `foo` in the top level of the catalogue. (+1 more)';
    const [result] = await new ESLint({ cwd: p.dir, overrideConfigFile: path.join(p.dir, 'eslint.config.mjs') }).lintFiles(['src']);
    assert.deepEqual(result?.messages.map((m) => [m.ruleId, m.line, m.severity, m.message]), [['avglint/catalogue', 1, 2, `${line} (avglint catalogue check)`]]);

    const scan = scanProject({ dir: p.dir });
    assert.equal(scan.catalogueSummary, line);
    assert.deepEqual(scan.catalogueProblems.map((x) => [x.code, x.line]), [['catalogue/unknown-key', 3], ['catalogue/unknown-key', 5]]);

    const client = new TestClient({ debounceMs: 0 });
    try {
      await client.initialize(p.dir);
      const diagnostics = await client.diagnosticsFor(client.open(path.join(p.dir, 'src', 'a.js')));
      assert.deepEqual(diagnostics.map((d) => [d.code, d.severity, d.message, d.relatedInformation?.length]), [['catalogue/invalid', DiagnosticSeverity.Error, line, 2]]);
    } finally {
      await client.dispose();
    }
  });
});
