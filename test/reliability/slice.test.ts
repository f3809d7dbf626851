/**
 * The deterministic slice of the reliability tier that runs in `npm test`: the hostile-TypeScript generators at a
 * small size, 150 fuzzed catalogues through the CLI, ESLint and server hosts, and a short edit flood. The full run
 * (`npm run reliability`, RELIABILITY.md) does the same at size, over a real corpus, with timings and memory.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as ts from 'typescript';
import { analyseFile } from '@avglint/rules';
import { checkCatalogueCase } from './catalogueCase';
import { corpusCatalogue, REPO } from './corpus';
import { hostileTypeScript, makeOutside, mutateCatalogue, Random, writeMutation, type CatalogueMutation } from './generators';
import { editFlood } from './lspFlood';

describe('reliability slice', function () {
  this.timeout(300_000);

  it('hostile TypeScript at size 2,000: no rule stops, no exception (untyped)', () => {
    const catalogue = corpusCatalogue('small');
    const failures: string[] = [];
    for (const c of hostileTypeScript(2_000)) {
      const sourceFile = ts.createSourceFile(path.join(REPO, 'test/fixtures/project/src/hostile.ts'), c.code, ts.ScriptTarget.ES2022, true);
      const result = analyseFile({ sourceFile, catalogue });
      for (const p of result.problems) failures.push(`${c.name}: ${p.code} ${p.message}`);
    }
    assert.deepEqual(failures, []);
  });

  it('150 fuzzed catalogues through three hosts: no exception, every problem positioned, no silent pass, nothing read outside', () => {
    const base = fs.mkdtempSync(path.join(os.tmpdir(), 'avglint-slice-'));
    const outside = makeOutside(base);
    const failures: string[] = [];
    let usable = 0;
    let checked = 0;
    try {
      for (let seed = 1; checked < 150; seed++) {
        const mutation: CatalogueMutation = mutateCatalogue(new Random(seed));
        checked++;
        const repo = path.join(base, `r${seed}`);
        const verdict = checkCatalogueCase(repo, writeMutation(repo, outside, mutation), 'GEHEIM');
        if (verdict.usable) usable++;
        for (const [what, found] of Object.entries({ exceptions: verdict.exceptions, unpositioned: verdict.unpositioned, silentPasses: verdict.silentPasses, outsideReads: verdict.outsideReads, leaks: verdict.leaks })) {
          for (const f of found) failures.push(`seed ${seed}: ${what}: ${f}`);
        }
      }
    } finally {
      fs.rmSync(base, { recursive: true, force: true });
    }
    assert.deepEqual(failures, []);
    // The mutator makes both kinds: catalogues that still load and ones that do not.
    assert.ok(usable > 5 && usable < 145, `${usable} of 150 usable`);
  });

  it('the language server after 150 rapid edits is alive and reports what a fresh server reports', async () => {
    const report = await editFlood(150);
    assert.equal(report.alive, true);
    assert.equal(report.equalToFresh, true, report.difference);
  });
});
