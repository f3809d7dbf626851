// The extension in a real VS Code: code-server serves the workbench, Debian's Chromium shows it, and the tests assert
// what a person sees in it, saving a screenshot after every step (test/e2e/artifacts/vscode-*.png).
/* global describe, it, before, after, afterEach */
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { workspaceDir, expectedFindings, poll, artifactsDir, copyExamples, plantedFiles } = require('./lib/env');
const { startCodeServer } = require('./lib/codeServer');
const wb = require('./lib/workbench');

const fixture = 'leerlingen.ts';
// Which extension is installed: the real one, or the stand-in that only proves the harness (run.js --harness).
const harness = process.env.AVGLINT_E2E_EXTENSION === 'harness';

/**
 * Whether a Problems panel row (as its text: "message avglint rule-id [Ln 10, Col 1]"; the parentheses around the
 * code are drawn by CSS) is avglint's, optionally for one rule and 0-based line.
 */
function problemRow(row, ruleId, line) {
  const match = /\bavglint\s*\(?([a-z-]+)\)?\s*\[Ln (\d+),/.exec(row);
  if (!match) return false;
  return (ruleId === undefined || match[1] === ruleId) && (line === undefined || Number(match[2]) === line + 1);
}

describe('VS Code (code-server + Chromium): avglint as a person sees it', function () {
  this.timeout(180000);
  const workspace = workspaceDir();
  const file = path.join(workspace, 'src', fixture);
  const expected = expectedFindings(fs.readFileSync(file, 'utf8'));
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  let server;
  let browser;
  let page;
  let step = 0;
  const shot = async (name) => wb.screenshot(page, `vscode-${String(++step).padStart(2, '0')}-${name}`);

  before(async function () {
    assert.ok(expected.length >= 5, `the fixture plants violations (found ${expected.length})`);
    const vsix = process.env.AVGLINT_E2E_VSIX;
    assert.ok(vsix && fs.existsSync(vsix), `AVGLINT_E2E_VSIX names a packaged extension (${vsix})`);
    const stateDir = fs.mkdtempSync(path.join(process.env.AVGLINT_E2E_STATE || os.tmpdir(), 'code-server-'));
    server = await startCodeServer({ stateDir, vsix, workspace, extensionId: process.env.AVGLINT_E2E_EXTENSION_ID });
    browser = await wb.launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await wb.openWorkbench(page, server.url, workspace);
    await shot('workbench');
  });

  afterEach(async function () {
    if (this.currentTest && this.currentTest.state === 'failed' && page) {
      await wb.screenshot(page, `vscode-failed-${this.currentTest.title.replace(/[^a-z0-9]+/gi, '-')}`).catch(() => undefined);
    }
  });

  after(async () => {
    // code-server first: with the browser gone first its extension host would shut down and orphan tsserver.
    if (server) server.stop();
    if (browser) await browser.close().catch(() => undefined);
  });

  it('underlines every planted violation in the editor', async () => {
    await wb.quickOpen(page, fixture);
    const wanted = [...new Set(expected.map((e) => lines[e.line].trim()))];
    const flagged = await poll('squiggles on every planted line', async () => {
      const seen = (await wb.squiggledLines(page)).map((line) => line.trim());
      return wanted.every((line) => seen.includes(line)) ? seen : undefined;
    }, { timeoutMs: 90000 });
    await shot('squiggles');
    // A person sees no squiggle on lines that hold no planted violation (e.g. the suppressed BSN).
    const unexpected = flagged.filter((line) => !wanted.includes(line));
    assert.deepEqual(unexpected, []);
  });

  it('lists the avglint problems, with rule id and line, in the Problems panel', async () => {
    const rowFor = (rows, finding) => rows.find((row) => problemRow(row, finding.ruleId, finding.line));
    const rows = await wb.problems(page, (r) => expected.every((finding) => rowFor(r, finding)));
    await shot('problems');
    const avglintRows = rows.filter((row) => problemRow(row));
    assert.equal(avglintRows.length, expected.length, `one problem per planted violation:\n${avglintRows.join('\n')}`);
    if (!harness) {
      // Every problem is the finding's one-line summary: what, and where it goes (≤ 100 characters); why and what to
      // do are in the hover and in `avglint scan` (issue #10, "Messages").
      for (const row of avglintRows) {
        assert.doesNotMatch(row, /What to do|Why:/, row);
        assert.ok(row.split(' avglint ')[0].length <= 100, `summary of at most 100 characters: ${row}`);
      }
      assert.match(rowFor(rows, { ruleId: 'no-bsn-literal', line: expected.find((e) => e.ruleId === 'no-bsn-literal').line }), /elfproef/);
    }
  });

  it('explains catalogued data in the hover: category, bewaartermijn, who may receive it', async () => {
    const memberLine = lines.findIndex((line) => /^\s+bsn: string;/.test(line));
    await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
    await wb.goTo(page, memberLine + 1, lines[memberLine].indexOf('bsn') + 2);
    const text = await wb.hoverAtCursor(page, ['Burgerservicenummer (BSN)', 'Bewaartermijn', 'DUO']);
    await shot('hover-category');
    fs.writeFileSync(path.join(artifactsDir, 'vscode-hover-category.txt'), text);
    if (!harness) {
      assert.match(text, /Special category[^\n]*: no/);
      assert.match(text, /Bewaartermijn: Leerlingdossier/);
      assert.match(text, /DUO \(duo, ontvanger\)/);
    }
    await page.keyboard.press('Escape');
  });

  it('shows the finding and its flow in the hover on a flagged transfer', async () => {
    const transfer = expected.find((e) => e.ruleId === 'no-unauthorised-transfer').line;
    await wb.goTo(page, transfer + 1, lines[transfer].indexOf('body: leerling.bsn') + 'body: leerling.'.length + 2);
    const wanted = harness ? ['Burgerservicenummer (BSN)'] : ['Uitgeverij Leermiddel', 'Flow, from source to sink'];
    const text = await wb.hoverAtCursor(page, wanted);
    await shot('hover-transfer');
    fs.writeFileSync(path.join(artifactsDir, 'vscode-hover-transfer.txt'), text);
    if (!harness) assert.match(text, /source — reads leerling\.bsn[\s\S]*sink — sent by fetch to Uitgeverij Leermiddel/);
    await page.keyboard.press('Escape');
  });

  it('applies the "Add `@retention …`" quick fix and the retention problem goes away', async () => {
    const retention = expected.find((e) => e.ruleId === 'require-retention');
    const column = lines[retention.line].indexOf('leerlingSchema') + 2;
    await wb.goTo(page, retention.line + 1, column);
    const titles = await wb.quickFixes(page, /Add `@retention /);
    await shot('quick-fix-menu');
    assert.ok(titles.some((title) => /Add `@retention leerlingdossier`/.test(title)), titles.join('\n'));
    await wb.chooseQuickFix(page, 'Add `@retention leerlingdossier`');
    await page.keyboard.press('Control+S');
    const saved = await poll('the fixed file on disk', () => {
      const text = fs.readFileSync(file, 'utf8');
      return text.includes('@retention leerlingdossier') ? text : undefined;
    });
    assert.notEqual(saved, lines.join('\n'));
    // The Problems panel re-renders row by row as the new diagnostics arrive: wait for the settled list (the
    // retention problem gone and the others still there) rather than reading it halfway through an update.
    const rows = await wb.problems(page,
      (r) => !r.some((row) => problemRow(row, 'require-retention')) && r.filter((row) => problemRow(row)).length === expected.length - 1,
      'the retention problem to disappear and the other problems to stay');
    await shot('quick-fix-applied');
    assert.equal(rows.filter((row) => problemRow(row)).length, expected.length - 1);
  });
  it('shows every planted violation of examples/ in the Problems panel, file by file', async () => {
    const examples = copyExamples();
    const files = plantedFiles(examples);
    assert.ok(files.length >= 5, `examples/ plants violations in several files (${files.length})`);
    await wb.openWorkbench(page, server.url, examples);
    const seen = [];
    for (const { relative, expected: wanted } of files) {
      const started = Date.now();
      await wb.quickOpen(page, relative);
      await wb.filterProblems(page, `**/${relative}`);
      // The filter applies asynchronously: rows of the previous file may linger for a moment, hence the count.
      const rows = await wb.problems(page, (r) => wanted.every((e) => r.some((row) => problemRow(row, e.ruleId, e.line))) &&
        r.filter((row) => problemRow(row)).length === wanted.length, `exactly the planted problems of ${relative}`);
      const avglintRows = rows.filter((row) => problemRow(row));
      assert.equal(avglintRows.length, wanted.length, `${relative}: one problem per planted violation:\n${avglintRows.join('\n')}`);
      seen.push(...avglintRows);
      console.log(`      ${relative}: ${avglintRows.length} problem(s) after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
    const total = files.reduce((n, f) => n + f.expected.length, 0);
    assert.equal(seen.length, total);
    // Unfiltered, the panel holds exactly the planted problems of all files opened.
    await wb.filterProblems(page, '');
    await wb.problems(page, (r) => r.filter((row) => problemRow(row)).length === total, `all ${total} planted problems`);
    await shot('examples');
  });
});
