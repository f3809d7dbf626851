// The FG's privacy report as a person opens it: `npm run demo` writes examples/avglint-report.html; Chromium opens it
// from disk, every section is checked against what the demo project is known to hold (the planted violations, its
// disable comments, the catalogue's processors), the filters work, nothing is fetched from anywhere, and it renders
// in under 2 s. Screenshots land in test/e2e/artifacts/report-*.png.
/* global describe, it, before, after, performance */
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { repoRoot } = require('./lib/env');
const wb = require('./lib/workbench');

const examples = path.join(repoRoot, 'examples');
const reportFile = path.join(examples, 'avglint-report.html');

describe('privacy report (Chromium): what the FG sees', function () {
  this.timeout(120000);
  let browser;
  let page;
  const requests = [];
  let loadMs = 0;

  before(async () => {
    if (fs.existsSync(reportFile)) fs.rmSync(reportFile);
    const demo = spawnSync(process.execPath, [path.join(repoRoot, 'cli', 'dist', 'main.js'), 'demo'], { cwd: repoRoot, encoding: 'utf8' });
    assert.equal(demo.status, 0, demo.stdout + demo.stderr);
    assert.match(demo.stdout, /Privacy report \(for the FG\) written to examples\/avglint-report\.html/u);
    browser = await wb.launchBrowser();
    page = await browser.newPage({ viewport: { width: 1300, height: 1000 } });
    page.on('request', (request) => requests.push(request.url()));
    const started = Date.now();
    await page.goto(pathToFileURL(reportFile).href, { waitUntil: 'load' });
    loadMs = Date.now() - started;
    await wb.screenshot(page, 'report-01-top');
  });

  after(async () => {
    if (browser) await browser.close().catch(() => undefined);
  });

  it('opens and renders in under 2 s and makes no network request', async () => {
    const paint = await page.evaluate(() => performance.getEntriesByType('navigation')[0].loadEventEnd);
    assert.ok(loadMs < 2000 && paint < 2000, `load took ${loadMs} ms (loadEventEnd ${paint} ms)`);
    assert.deepEqual(requests.filter((url) => url !== pathToFileURL(reportFile).href), []);
  });

  it('summarises at the top and lists the eight sections in its table of contents', async () => {
    const summary = await page.locator('#summary').innerText();
    assert.match(summary, /\d+ gegevensstromen, waarvan \d+ niet toegestaan/u);
    const toc = await page.locator('nav.toc li').allInnerTexts();
    assert.deepEqual(toc, ['Inventaris per categorie', 'Categorie × ontvanger', 'Gegevensstromen', 'Opslag en bewaartermijnen', 'Register van uitzonderingen', 'Verwerkersovereenkomsten', 'Nog niet in de catalogus', 'Concept verwerkingsregister (AVG art. 30)']);
  });

  it('shows every planted transfer, log and store violation as not allowed, at its file and line', async () => {
    const { readMarkers } = require(path.join(repoRoot, 'cli', 'dist', 'demo.js'));
    const markers = readMarkers(examples).map((m) => ({ ...m, file: path.relative(examples, m.file).split(path.sep).join('/') }));
    // textContent: sections out of view are not laid out (content-visibility), so their innerText is empty until scrolled to.
    const texts = (selector) => page.locator(selector).evaluateAll((cells) => cells.map((cell) => cell.textContent));
    const badInventory = await texts('#inventaris tr.bad td:first-child');
    const badStores = await texts('#opslag tr.bad td:first-child');
    for (const m of markers.filter((x) => x.rule === 'avglint/no-unauthorised-transfer' || x.rule === 'avglint/no-personal-data-in-logs')) {
      assert.ok(badInventory.includes(`${m.file}:${m.line}`), `${m.rule} at ${m.file}:${m.line} is in the inventory as not allowed`);
    }
    const retention = markers.filter((x) => x.rule === 'avglint/require-retention');
    assert.ok(retention.length > 0);
    for (const m of retention) assert.ok(badStores.includes(`${m.file}:${m.line}`), `store at ${m.file}:${m.line} is listed without a fitting term`);
    const redCells = await page.locator('#matrix td.sent-not-allowed').count();
    assert.ok(redCells > 0, 'the matrix marks not-allowed flows');
    const redEdges = await page.locator('#stromen svg.diagram .edge.bad').count();
    assert.ok(redEdges > 0, 'the diagram draws red arrows');
    await page.locator('#stromen').scrollIntoViewIfNeeded();
    await wb.screenshot(page, 'report-02-diagram');
  });

  it('lists every avglint disable comment of the project in the exceptions register', async () => {
    const { parseSuppressions } = require(path.join(repoRoot, 'rules', 'dist', 'index.js'));
    const ts = require('typescript');
    let expected = 0;
    const walk = (dir) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (/\.(ts|tsx|js)$/u.test(entry.name)) {
          const sf = ts.createSourceFile(full, fs.readFileSync(full, 'utf8'), ts.ScriptTarget.Latest, true);
          expected += parseSuppressions(sf).filter((d) => d.kind !== 'enable' && (d.rules.length === 0 || d.rules.some((r) => r.startsWith('avglint/')))).length;
        }
      }
    };
    walk(path.join(examples, 'src'));
    assert.ok(expected > 0);
    assert.equal(await page.locator('#uitzonderingen tbody tr').count(), expected);
    await page.locator('#uitzonderingen').scrollIntoViewIfNeeded();
    await wb.screenshot(page, 'report-03-exceptions');
  });

  it('lists each processor of the catalogue with its agreement, and one register row per processor', async () => {
    const { loadCatalogue } = require(path.join(repoRoot, 'rules', 'dist', 'index.js'));
    const host = { readFile: (f) => fs.readFileSync(f, 'utf8'), fileExists: (f) => fs.existsSync(f) };
    const { catalogue } = loadCatalogue(path.join(examples, 'avglint.catalogue.yaml'), host, { now: new Date(), root: repoRoot });
    assert.ok(catalogue);
    assert.equal(await page.locator('#overeenkomsten tbody tr').count(), catalogue.processors.size);
    assert.equal(await page.locator('#verwerkingsregister tbody tr').count(), catalogue.processors.size);
    const withAgreement = [...catalogue.processors.values()].filter((p) => p.agreement).map((p) => p.agreement.reference);
    const text = await page.locator('#overeenkomsten').evaluate((section) => section.textContent);
    for (const reference of withAgreement) assert.ok(text.includes(reference), `agreement ${reference} is listed`);
  });

  it('filters every section by category', async () => {
    const otherRows = () => page.locator('#inventaris tr[data-category]:not([data-category="bsn"])');
    assert.ok((await otherRows().count()) > 0);
    await page.locator('#filter-category').selectOption('bsn');
    const visible = await otherRows().evaluateAll((rows) => rows.filter((r) => r.offsetParent !== null).length);
    assert.equal(visible, 0, 'only BSN rows stay visible');
    await page.locator('#inventaris').scrollIntoViewIfNeeded();
    await wb.screenshot(page, 'report-04-filter-bsn');
    await page.locator('#filter-category').selectOption('');
  });
});
