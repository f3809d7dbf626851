/**
 * Unknown third parties: the host finds which installed packages can reach the network (node/src/packageNetwork.ts),
 * and the core reports data handed to them by name.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as ts from 'typescript';
import { analyseFile, loadCatalogue, type Catalogue } from '@avglint/rules';
import { networkPackagesFor } from '@avglint/node';
import { FIXTURE_CATALOGUE } from '../helpers/ruleTester';
import { tempProject } from '../helpers/tempProject';

const host = { readFile: (f: string): string | undefined => (fs.existsSync(f) ? fs.readFileSync(f, 'utf8') : undefined), fileExists: (f: string): boolean => fs.existsSync(f) };
const catalogue = loadCatalogue(FIXTURE_CATALOGUE, host).catalogue as Catalogue;

function pkg(name: string, version: string, code: string, dependencies: Record<string, string> = {}): Record<string, string> {
  return {
    [`node_modules/${name}/package.json`]: JSON.stringify({ name, version, main: 'index.js', dependencies }),
    [`node_modules/${name}/index.js`]: code,
  };
}

describe('npm packages that can reach the network', () => {
  const project = tempProject({
    'package.json': JSON.stringify({
      name: 'school-app',
      dependencies: { 'meet-sdk': '1.0.0', 'via-axios': '1.0.0', 'via-dep': '1.0.0', 'rekenhulp': '1.0.0', 'praat-commentaar': '1.0.0', 'socket-sdk': '1.0.0' },
      devDependencies: { 'test-reporter': '1.0.0' },
    }),
    'src/app.ts': 'export {};',
    ...pkg('meet-sdk', '1.0.0', "exports.track = (e) => fetch('https://meet.example/e', { method: 'POST', body: JSON.stringify(e) });"),
    ...pkg('via-axios', '1.0.0', "module.exports = require('axios');", { axios: '1.0.0' }),
    ...pkg('via-dep', '1.0.0', "module.exports = require('net-core');", { 'net-core': '1.0.0' }),
    ...pkg('net-core', '1.0.0', "const https = require('node:https');\nmodule.exports = (o) => https.request(o);"),
    ...pkg('rekenhulp', '1.0.0', 'exports.som = (a, b) => a + b;'),
    ...pkg('praat-commentaar', '1.0.0', '// Nothing here calls fetch(url): it only formats.\nexports.f = (x) => String(x);'),
    ...pkg('socket-sdk', '2.1.0', "exports.open = (u) => new WebSocket(u);"),
    ...pkg('test-reporter', '1.0.0', "exports.r = () => fetch('https://report.example');"),
  });
  after(() => project.remove());

  it('reads each package once and finds fetch, http(s) and WebSocket in its code or its dependencies', () => {
    const found = networkPackagesFor(`${project.dir}/src/app.ts`);
    assert.deepEqual([...found].sort(), ['meet-sdk', 'socket-sdk', 'via-axios', 'via-dep']);
    // Cached per project while package.json is unchanged: the same set object comes back.
    assert.equal(networkPackagesFor(`${project.dir}/src/other.ts`), found);
  });

  it('reports data handed to a network package the catalogue does not name, and nothing for pure ones', () => {
    const code = "import { track } from 'meet-sdk';\nimport { som } from 'rekenhulp';\ndeclare const leerling: { bsn: string };\ntrack({ bsn: leerling.bsn });\nsom(leerling.bsn, 1);";
    const sourceFile = ts.createSourceFile(`${project.dir}/src/app.ts`, code, ts.ScriptTarget.Latest, true);
    const networkPackages = networkPackagesFor(sourceFile.fileName);
    const result = analyseFile({ sourceFile, catalogue, networkPackages, options: { rules: new Set(['no-unauthorised-transfer'] as const) } });
    assert.deepEqual(
      result.findings.map((f) => [f.messageId, code.slice(f.range.start, f.range.end), f.data['destination']]),
      [['unknownDestination', 'bsn: leerling.bsn', 'npm package `meet-sdk`']],
    );
    // Without the host's answer the core does not guess.
    assert.deepEqual(analyseFile({ sourceFile, catalogue, options: { rules: new Set(['no-unauthorised-transfer'] as const) } }).findings, []);
  });
});
