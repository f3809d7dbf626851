/**
 * ESLint (strict config), `avglint scan --strict` and the language server give the same findings on a plain-JavaScript
 * project without a tsconfig.json that hands personal data to an npm package the catalogue does not name: each host
 * analyses the files as one inferred program (the Node layer's `inferredProject`, so a wrapper in another module is
 * followed) and passes the Node layer's network packages to the core (so the package is an unknown destination).
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { preset } from '@avglint/node';
import { RULE_IDS } from '@avglint/rules';
import { scanProject } from 'avglint/dist/scan';
import { ESLint } from 'eslint';
import { eslintConfig, fixtureCatalogueText, tempProjectsForSuite } from '../helpers/tempProject';
import { TestClient } from './harness';

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
});
