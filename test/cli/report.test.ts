/**
 * `avglint report`: the FG's report from the same scan as `avglint scan`, in every format, and `--base` for a pull
 * request on a real git repository with a known change.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runReport } from 'avglint/dist/report/command';
import type { Io } from 'avglint/dist/scan';
import { fixtureCatalogueText, tempProjectsForSuite } from '../helpers/tempProject';

const NOW = new Date('2027-06-01T12:00:00Z');

async function report(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: Io = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) };
  const code = await runReport(args, io, NOW);
  return { code, stdout, stderr };
}

const SYNC = `export async function sync(leerling: { bsn: string; naam: string }) {
  await fetch('https://duo.nl/bron', { method: 'POST', body: JSON.stringify({ bsn: leerling.bsn, naam: leerling.naam }) });
}
`;
const EXPORT = `export async function exporteer(leerling: { bsn: string; geboorteplaats: string }) {
  // eslint-disable-next-line avglint/no-unauthorised-transfer -- proef met Cito (until 2027-01-31)
  await fetch('https://toets.cito.nl/x', { method: 'POST', body: leerling.bsn });
  return leerling.geboorteplaats;
}
`;

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 'Fenna FG', GIT_AUTHOR_EMAIL: 'fg@example.nl', GIT_COMMITTER_NAME: 'Fenna FG', GIT_COMMITTER_EMAIL: 'fg@example.nl', GIT_AUTHOR_DATE: '2026-11-30T10:00:00Z', GIT_COMMITTER_DATE: '2026-11-30T10:00:00Z' } });
}

describe('avglint report', function () {
  this.timeout(60_000);
  const project = tempProjectsForSuite();

  it('writes one self-contained HTML file with every section, the summary and links to file:line', async () => {
    const p = project({ 'avglint.catalogue.yaml': fixtureCatalogueText(), 'src/sync.ts': SYNC, 'src/cito/export.ts': EXPORT });
    git(p.dir, 'init', '-q');
    git(p.dir, 'add', '.');
    git(p.dir, 'commit', '-qm', 'start');
    const output = path.join(p.dir, 'rapport.html');
    const result = (await report([p.dir, '--output', output]));
    assert.equal(result.code, 0, result.stderr);
    const html = fs.readFileSync(output, 'utf8');
    for (const id of ['inventaris', 'matrix', 'stromen', 'opslag', 'uitzonderingen', 'overeenkomsten', 'niet-in-catalogus', 'verwerkingsregister']) assert.match(html, new RegExp(`<section class="part" id="${id}">`, 'u'));
    assert.match(html, /3 gegevensstromen, waarvan 1 niet toegestaan/u);
    assert.match(html, /<svg class="diagram"/u);
    assert.match(html, /<a href="src\/cito\/export\.ts">src\/cito\/export\.ts:3<\/a>/u);
    // The exception, expired on NOW, with its author from git blame.
    assert.match(html, /<td>verlopen<\/td><td><a href="src\/cito\/export\.ts">src\/cito\/export\.ts:2<\/a><\/td><td>avglint\/no-unauthorised-transfer<\/td><td>proef met Cito<\/td><td>2027-01-31<\/td><td>Fenna FG<\/td><td>2026-11-30<\/td>/u);
    // The agreement with Uitgeverij Leermiddel ends 2027-07-31: within 90 days of NOW.
    assert.match(html, /<td>verloopt binnenkort<\/td><td>Uitgeverij Leermiddel<\/td>/u);
    assert.match(html, /<code>geboorteplaats<\/code>/u);
    // The flows' paths in the report's locale (Dutch by default): the steps were put into words in it.
    assert.match(html, /<ol><li>verstuurd als `bsn`: Burgerservicenummer \(BSN\) \(herkend aan naam `bsn`\) <small>\(2:\d+\)<\/small><\/li><li>omgezet naar JSON door `JSON\.stringify` <small>\(2:\d+\)<\/small><\/li><li>verstuurd door `fetch` naar DUO \(https:\/\/duo\.nl\/bron\) <small>/u);
    assert.doesNotMatch(html, /<li>(?:reads|sent as|sent by|turned into) /u);
    // Nothing is loaded from elsewhere: no external URL in a src, href (other than the page's own links) or CSS url().
    assert.doesNotMatch(html, /\b(?:src|href)="(?:https?:)?\/\//u);
    assert.doesNotMatch(html, /url\((?!#)/u);
    assert.match(html, /Content-Security-Policy" content="default-src 'none'/u);
  });

  it('writes Markdown, JSON and CSV, and English with --locale en', async () => {
    const p = project({ 'avglint.catalogue.yaml': fixtureCatalogueText(), 'src/sync.ts': SYNC });
    const md = (await report([p.dir, '--format', 'md']));
    assert.equal(md.code, 0, md.stderr);
    assert.match(md.stdout, /^## 8\. Concept verwerkingsregister \(AVG art\. 30\)$/mu);
    assert.match(md.stdout, /^\| DUO \| ontvanger \(eigen taak\) \| wettelijke verplichting/mu);
    const json = JSON.parse((await report([p.dir, '--format', 'json'])).stdout) as { summary: { flows: number }; matrix: { category: string }[] };
    assert.equal(json.summary.flows, 2);
    // The same files as avglint scan: --ignore leaves one out.
    const ignored = JSON.parse((await report([p.dir, '--format', 'json', '--ignore', 'src/sync.ts'])).stdout) as { summary: { flows: number; files: number } };
    assert.deepEqual([ignored.summary.flows, ignored.summary.files], [0, 0]);
    const csv = (await report([p.dir, '--format', 'csv', '--csv-table', 'inventory'])).stdout.split('\r\n');
    assert.equal(csv[0], 'Categorie,Wat gebeurt er,file,line,column,Hoe,Naar,Oordeel');
    assert.match(csv[1] ?? '', /^Burgerservicenummer \(BSN\),verstuurd,src\/sync\.ts,2,\d+,fetch,processor:duo,toegestaan$/u);
    assert.match((await report([p.dir, '--format', 'md', '--locale', 'en'])).stdout, /^## 8\. Draft record of processing activities/mu);
  });

  it('with --base lists exactly what the change adds, and --fail-on-new fails on a new flow that is not allowed', async () => {
    const p = project({ 'avglint.catalogue.yaml': fixtureCatalogueText(), 'src/sync.ts': SYNC });
    git(p.dir, 'init', '-q');
    git(p.dir, 'add', '.');
    git(p.dir, 'commit', '-qm', 'start');
    // The change: the sync moves down two lines (not new) and a new export sends the BSN to Cito.
    p.write('src/sync.ts', `\n\n${SYNC}`);
    p.write('src/cito/export.ts', EXPORT);
    git(p.dir, 'add', '.');
    git(p.dir, 'commit', '-qm', 'export to Cito');
    const json = (await report([p.dir, '--base', 'HEAD~1', '--format', 'json']));
    assert.equal(json.code, 0, json.stderr);
    const diff = JSON.parse(json.stdout) as { addedFlows: { file: string; line: number; category: string; to: string; allowed: boolean }[]; removedFlows: unknown[]; addedExceptions: { line: number }[]; addedUnclassified: { name: string }[] };
    assert.deepEqual(diff.addedFlows.map((f) => [f.file, f.line, f.category, f.to, f.allowed]), [['src/cito/export.ts', 3, 'bsn', 'processor:cito', false]]);
    assert.deepEqual(diff.removedFlows, []);
    assert.deepEqual(diff.addedExceptions.map((e) => e.line), [2]);
    assert.deepEqual(diff.addedUnclassified.map((u) => u.name), ['geboorteplaats']);
    const md = (await report([p.dir, '--base', 'HEAD~1', '--format', 'md', '--fail-on-new']));
    assert.equal(md.code, 1);
    assert.match(md.stdout, /^#### Nieuwe gegevensstromen \(1\)$/mu);
    assert.match(md.stdout, /\| `src\/cito\/export\.ts:3` \| Burgerservicenummer \(BSN\) \| verstuurd \(fetch\) \| Cito \| \*\*niet toegestaan\*\* \|/u);
    const none = (await report([p.dir, '--base', 'HEAD', '--format', 'md', '--fail-on-new']));
    assert.equal(none.code, 0, none.stdout);
    assert.match(none.stdout, /Deze wijziging verandert niets/u);
  });

  it('exits 2 on a broken catalogue, an unknown format or a ref that does not exist', async () => {
    const broken = project({ 'avglint.catalogue.yaml': 'version: 1\nfoo: bar\n', 'src/sync.ts': SYNC });
    assert.equal((await report([broken.dir])).code, 2);
    const p = project({ 'avglint.catalogue.yaml': fixtureCatalogueText(), 'src/sync.ts': SYNC });
    assert.equal((await report([p.dir, '--format', 'pdf'])).code, 2);
    assert.equal((await report([p.dir, '--base', 'HEAD', '--format', 'html'])).code, 2);
    assert.equal((await report([p.dir, '--fail-on-new'])).code, 2);
    const missing = (await report([p.dir, '--base', 'nope', '--format', 'md']));
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot read git ref `nope`/u);
  });
});
