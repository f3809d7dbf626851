/**
 * The FG's report model: built from observations the analysis makes (allowed or not) and the catalogue, and the
 * diff a pull request gets. Observations come from analysing real code with `observe: true`, so these tests also
 * check that the rules record what they judge.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as ts from 'typescript';
import { analyseFile, areaOf, buildReport, diffReports, loadCatalogue, yamlSnippet, type Catalogue, type ReportFileInput } from '@avglint/rules';
import { at } from '../../helpers/positions';
import { FIXTURE_CATALOGUE } from '../../helpers/ruleTester';
import { nodeCatalogueHost as nodeHost } from '@avglint/node';

const ROOT = path.dirname(FIXTURE_CATALOGUE);

function catalogue(): Catalogue {
  const loaded = loadCatalogue(FIXTURE_CATALOGUE, nodeHost, { now: new Date('2026-12-02') });
  assert.ok(loaded.catalogue, JSON.stringify(loaded.problems));
  return loaded.catalogue;
}

/** Analyses `code` as `src/<file>` of the fixture project (names only) and positions what it observed. */
function observe(file: string, code: string, cat = catalogue()): ReportFileInput {
  const sourceFile = ts.createSourceFile(path.join(ROOT, file), code, ts.ScriptTarget.Latest, true);
  const result = analyseFile({ sourceFile, catalogue: cat, options: { observe: true } });
  assert.deepEqual(result.problems, []);
  const at = (offset: number): { line: number; column: number } => {
    const p = sourceFile.getLineAndCharacterOfPosition(offset);
    return { line: p.line + 1, column: p.character + 1 };
  };
  return {
    file,
    observations: (result.observations ?? []).map((o) => ({ ...o, ...at(o.range.start) })),
    unclassified: (result.unclassified ?? []).map((u) => ({ ...u, ...at(u.range.start) })),
    exceptions: [],
  };
}

const SEND = `
export async function stuur(leerling: { bsn: string; naam: string; eckid: string }) {
  await fetch('https://duo.nl/bron', { method: 'POST', body: JSON.stringify({ bsn: leerling.bsn }) });
  await fetch('https://api.leermiddel.example/v1', { method: 'POST', body: JSON.stringify({ bsn: leerling.bsn, eckid: leerling.eckid }) });
  await fetch('https://tracker.example.com/t', { method: 'POST', body: JSON.stringify({ naam: leerling.naam }) });
  console.log(leerling.naam);
}
`;

describe('report: observations', () => {
  it('records every transfer and log with the transfer rule\'s verdict, allowed ones too', () => {
    const input = observe('src/sync/stuur.ts', SEND);
    const seen = input.observations.map((o) => (o.kind === 'transfer' ? `${o.line} transfer ${o.category} → ${o.destination.kind === 'processor' ? o.destination.processor : o.destination.kind} ${o.allowed}` : `${o.line} ${o.kind} ${'category' in o ? o.category : ''}`));
    assert.deepEqual(seen, [
      '3 transfer bsn → duo true',
      '4 transfer bsn → leermiddelen false',
      '4 transfer eckid → leermiddelen true',
      '5 transfer naw → unknown false',
      '6 log naw',
    ]);
  });

  it('records restricted reads inside the authorised code as allowed and outside it as not allowed', () => {
    const code = 'export function f(dossier: { diagnose: string }) { return dossier.diagnose; }\n';
    const inside = observe('src/zorg/plan.ts', code).observations.filter((o) => o.kind === 'read');
    const outside = observe('src/rooster/plan.ts', code).observations.filter((o) => o.kind === 'read');
    assert.deepEqual(inside.map((o) => o.kind === 'read' && [o.category, o.allowed]), [['zorgdossier', true]]);
    assert.deepEqual(outside.map((o) => o.kind === 'read' && [o.category, o.allowed]), [['zorgdossier', false]]);
  });

  it('records stores with their term and the retention rule\'s verdict', () => {
    const code = [
      "import { Entity, Column } from 'typeorm';",
      '/** @retention leerlingdossier */',
      '@Entity() export class Leerling { @Column() bsn!: string; }',
      '@Entity() export class Opname { @Column() camerabeeld!: string; }',
      '/** @retention verzuim */',
      '@Entity() export class Oud { @Column() naam!: string; }',
    ].join('\n');
    const stores = observe('src/db.ts', code).observations.flatMap((o) => (o.kind === 'store' ? [[o.line, o.categories.join(','), o.term ?? '-', o.verdict]] : []));
    assert.deepEqual(stores, [
      [3, 'bsn', 'leerlingdossier', 'ok'],
      [4, 'camerabeelden', '-', 'missing'],
      [6, 'naw', 'verzuim', 'too-long'],
    ]);
  });

  it('lists names the dictionary knows as personal data that no category matches, and not the catalogued ones', () => {
    const code = 'export function f(a: { geboorteplaats: string; naam: string; phoneNumber: string }) { return a.geboorteplaats; }\n';
    const input = observe('src/aanmelding.ts', code);
    assert.deepEqual(input.unclassified.map((u) => [u.name, u.kind, u.line, u.column]), [
      ['geboorteplaats', 'geboorte en afkomst', 1, at(code, 'geboorteplaats').column],
      ['phoneNumber', 'contact', 1, at(code, 'phoneNumber').column],
      ['geboorteplaats', 'geboorte en afkomst', 1, at(code, 'geboorteplaats', 1).column],
    ]);
  });

  it('observes nothing unless asked (linting pays nothing for the report)', () => {
    const sourceFile = ts.createSourceFile(path.join(ROOT, 'src/a.ts'), SEND, ts.ScriptTarget.Latest, true);
    const result = analyseFile({ sourceFile, catalogue: catalogue() });
    assert.equal(result.observations, undefined);
    assert.equal(result.unclassified, undefined);
  });
});

describe('report: model', () => {
  const now = new Date('2027-06-01T10:00:00Z');

  it('fills the matrix: sent and allowed, sent and not allowed, allowed but never sent, unknown hosts as columns', () => {
    const report = buildReport({ catalogue: catalogue(), project: 'p', typed: false, files: [observe('src/sync/stuur.ts', SEND)], now });
    const state = (category: string, column: string): string | undefined => report.matrix.find((r) => r.category === category)?.cells.find((c) => c.column === column)?.state;
    assert.equal(state('bsn', 'processor:duo'), 'sent-allowed');
    assert.equal(state('bsn', 'processor:leermiddelen'), 'sent-not-allowed');
    assert.equal(state('naw', 'processor:duo'), 'allowed-never-sent');
    assert.equal(state('naw', 'host:tracker.example.com'), 'sent-not-allowed');
    assert.equal(state('zorgdossier', 'processor:duo'), 'none');
    assert.equal(state('camerabeelden', 'processor:duo'), undefined, 'a category nothing sends and nobody may receive has no row');
    assert.deepEqual(report.columns.filter((c) => c.kind !== 'processor').map((c) => c.label), ['tracker.example.com']);
    assert.deepEqual(
      { flows: report.summary.flows, notAllowed: report.summary.notAllowed },
      { flows: 5, notAllowed: 3 },
    );
  });

  it('draws one edge per code area and destination, red when any flow on it is not allowed', () => {
    const report = buildReport({ catalogue: catalogue(), project: 'p', typed: false, files: [observe('src/sync/stuur.ts', SEND)], now });
    assert.deepEqual(
      report.diagram.edges.map((e) => [e.from, e.to, e.categories.join('+'), e.count, e.allowed]),
      [
        ['area:src/sync', 'host:tracker.example.com', 'naw', 1, false],
        ['area:src/sync', 'log', 'naw', 1, false],
        ['area:src/sync', 'processor:duo', 'bsn', 1, true],
        ['area:src/sync', 'processor:leermiddelen', 'bsn+eckid', 2, false],
      ],
    );
    assert.equal(areaOf('index.ts', 2), '.');
    assert.equal(areaOf('src/zorg/plan/x.ts', 2), 'src/zorg');
    assert.equal(areaOf('src/zorg/plan/x.ts', 1), 'src');
  });

  it('lists agreements that ended or end within the window first, and a verwerker without one as missing', () => {
    const report = buildReport({ catalogue: catalogue(), project: 'p', typed: false, files: [], now, agreementWarningDays: 90 });
    const leermiddelen = report.agreements.find((a) => a.processor === 'leermiddelen');
    assert.deepEqual([leermiddelen?.status, leermiddelen?.daysLeft], ['ending', 60]);
    assert.equal(report.agreements[0]?.processor, 'leermiddelen');
    const later = buildReport({ catalogue: catalogue(), project: 'p', typed: false, files: [], now: new Date('2027-08-01') });
    assert.equal(later.agreements[0]?.status, 'ended');
    const early = buildReport({ catalogue: catalogue(), project: 'p', typed: false, files: [], now: new Date('2026-01-01') });
    assert.equal(early.agreements.find((a) => a.processor === 'leermiddelen')?.status, 'ok');
    assert.equal(early.summary.agreementsEnding, 0);
    const base = catalogue();
    const leermiddel = base.processors.get('leermiddelen');
    assert.ok(leermiddel);
    const withoutAgreement: Catalogue = { ...base, processors: new Map([...base.processors, ['zonder', { ...leermiddel, id: 'zonder', label: 'Zonder', agreement: undefined }]]) };
    const missing = buildReport({ catalogue: withoutAgreement, project: 'p', typed: false, files: [], now: new Date('2026-01-01') });
    assert.deepEqual(missing.agreements.map((a) => [a.processor, a.status]).slice(0, 1), [['zonder', 'missing']]);
  });

  it('orders exceptions expired first, then without a reason, then active', () => {
    const file = (line: number, reason: string, until?: string): ReportFileInput['exceptions'][number] => ({ file: 'src/a.ts', line, column: 1, rules: ['avglint/no-bsn-literal'], reason, ...(until ? { until } : {}) });
    const report = buildReport({
      catalogue: catalogue(),
      project: 'p',
      typed: false,
      files: [{ file: 'src/a.ts', observations: [], unclassified: [], exceptions: [file(1, 'testnummer'), file(2, ''), file(3, 'tijdelijk', '2027-01-31'), file(4, 'later', '2027-12-31')] }],
      now,
    });
    assert.deepEqual(report.exceptions.map((e) => [e.line, e.status]), [[3, 'expired'], [2, 'no-reason'], [1, 'active'], [4, 'active']]);
    assert.equal(report.summary.expiredExceptions, 1);
  });

  it('drafts the verwerkingsregister per processor from the catalogue, marking which the code uses', () => {
    const report = buildReport({ catalogue: catalogue(), project: 'p', typed: false, files: [observe('src/sync/stuur.ts', SEND)], now });
    const duo = report.register.find((r) => r.processor === 'duo');
    assert.equal(duo?.legalBasis, 'wettelijke verplichting (AVG art. 6 lid 1 sub c)');
    assert.deepEqual(duo?.categories, ['Burgerservicenummer (BSN)', 'Naam-, adres- en woonplaatsgegevens', 'Leer-, toets- en examenresultaten']);
    assert.equal(duo?.used, true);
    assert.equal(report.register.find((r) => r.processor === 'cito')?.used, false);
    assert.deepEqual(report.register.find((r) => r.processor === 'zorgpartner')?.purposes, ['Organiseren van de leerlingenzorg']);
  });

  it('writes a catalogue snippet with an id the schema accepts', () => {
    assert.equal(yamlSnippet('geboortePlaats', 'geboorte en afkomst').split('\n')[0], '  geboorte-plaats:');
  });
});

describe('report: diff for a pull request', () => {
  const now = new Date('2026-12-02');
  it('lists only the flows and exceptions a change adds or removes, not ones that moved', () => {
    const before = buildReport({ catalogue: catalogue(), project: 'p', typed: false, files: [observe('src/sync/stuur.ts', SEND)], now });
    const moved = '\n\n' + SEND.replace("  console.log(leerling.naam);\n", '');
    const after = buildReport({
      catalogue: catalogue(),
      project: 'p',
      typed: false,
      files: [
        { ...observe('src/sync/stuur.ts', moved), exceptions: [{ file: 'src/sync/stuur.ts', line: 1, column: 1, rules: ['avglint/no-unauthorised-transfer'], reason: 'tijdelijk' }] },
        observe('src/cito/export.ts', "export const f = (l: { bsn: string }) => fetch('https://toets.cito.nl/x', { method: 'POST', body: l.bsn });\n"),
      ],
      now,
    });
    const diff = diffReports(before, after, 'main');
    assert.deepEqual(diff.addedFlows.map((f) => [f.file, f.category, f.to, f.allowed]), [['src/cito/export.ts', 'bsn', 'processor:cito', false]]);
    assert.deepEqual(diff.removedFlows.map((f) => [f.file, f.action, f.category]), [['src/sync/stuur.ts', 'log', 'naw']]);
    assert.equal(diff.addedExceptions.length, 1);
    assert.equal(diff.addsViolation, true);
    assert.equal(diffReports(before, before, 'main').addsViolation, false);
  });
});
