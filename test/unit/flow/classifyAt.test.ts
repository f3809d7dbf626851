import * as assert from 'node:assert/strict';
import { classifyAt, describePath } from '@avglint/rules';
import { run, testCatalogue } from './program';

function at(code: string, marker: string, typed: boolean, locale?: 'nl' | 'en'): ReturnType<typeof classifyAt> {
  const r = run(code, { typed, rules: [] });
  return classifyAt({ sourceFile: r.sourceFile, program: r.program, catalogue: testCatalogue(), ...(locale ? { locale } : {}) }, code.indexOf(marker) + 1);
}

describe('flow: classifyAt (hover)', () => {
  it('classifies a property read by name, with and without types', () => {
    const code = 'export function f(l: { bsn: string }) { return l.bsn; }';
    for (const typed of [false, true]) {
      const result = at(code, '.bsn', typed);
      assert.equal(result?.text, 'l.bsn');
      assert.deepEqual(result?.categories.map((c) => [c.category, c.reason]), [['bsn', 'name']]);
    }
  });

  it('classifies by type, member, JSDoc tag and brand with a program', () => {
    const code = [
      "type Nummer = string & { readonly __brand: 'Bsn' };",
      'interface Leerling {\n  BSN: string;\n  /** @zorg */\n  notitie: string;\n  nr: Nummer;\n}',
      'type Bsn = string;',
      'export function f(l: Leerling, b: Bsn) { return [l.BSN, l.notitie, l.nr, b]; }',
    ].join('\n');
    assert.deepEqual(at(code, '.BSN', true)?.categories.map((c) => [c.category, c.reason]), [['bsn', 'name']]);
    // Read where it is: the detail says why in the hover's locale ("Classified by name `BSN`").
    assert.deepEqual(at(code, '.BSN', true)?.categories.map((c) => c.detail), ['name `BSN`']);
    assert.deepEqual(at(code, '.BSN', true, 'nl')?.categories.map((c) => c.detail), ['naam `BSN`']);
    assert.deepEqual(at(code, '.notitie', true, 'nl')?.categories.map((c) => c.detail), ['JSDoc-tag `@zorg`']);
    assert.deepEqual(at(code, '.notitie', true)?.categories.map((c) => [c.category, c.reason]), [['zorgdossier', 'tag']]);
    assert.deepEqual(at(code, '.nr', true)?.categories.map((c) => [c.category, c.reason]), [['bsn', 'brand']]);
    assert.deepEqual(at(code, ' b]', true)?.categories.map((c) => c.category), ['bsn']);
  });

  it('explains data that flowed into a variable, with the path', () => {
    const code = 'export function f(l: { bsn: string }) {\n  const nummer = l.bsn;\n  return nummer;\n}';
    const result = at(code, ' nummer;', false);
    assert.equal(result?.categories[0]?.reason, 'flow');
    const text = describePath(result?.categories[0]?.path ?? []);
    assert.match(text, /^1\. source: reads `l\.bsn`/);
    assert.match(text, /2\. step: assigned to `nummer`/);
    const dutch = describePath(at(code, ' nummer;', false, 'nl')?.categories[0]?.path ?? [], undefined, 'nl');
    assert.match(dutch, /^1\. bron: leest `l\.bsn`: Burgerservicenummer \(BSN\) \(herkend aan naam `bsn`\)/);
    assert.match(dutch, /2\. stap: toegekend aan `nummer`/);
  });

  it('classifies declarations: an interface member (member match), a parameter and a destructured name', () => {
    const code = 'interface Leerling {\n  BSN: string;\n  id: number;\n}\nexport function f(sofinummer: string, { BSN: nr }: Leerling) { return [sofinummer, nr]; }';
    for (const typed of [false, true]) {
      const member = at(code, ' BSN:', typed);
      assert.equal(member?.text, 'BSN');
      assert.deepEqual(member?.categories.map((c) => [c.category, c.reason]), [['bsn', 'name']]);
      assert.ok(member?.categories.length === 1);
      assert.deepEqual(at(code, '(sofinummer', typed)?.categories.map((c) => c.category), ['bsn']);
      assert.deepEqual(at(code, 'BSN: nr', typed)?.categories.map((c) => c.category), ['bsn']);
      assert.deepEqual(at(code, ' id:', typed)?.categories, []);
    }
  });

  it('classifies an element access with a constant key and an identifier typed with a branded type', () => {
    const code = "type Nr = string & { readonly __brand: 'Bsn' };\ndeclare const l: { x: Nr };\nexport const a = l['x'];\nexport const b = a;";
    assert.deepEqual(at(code, "'x']", true)?.categories.map((c) => [c.category, c.reason]), [['bsn', 'brand']]);
    assert.deepEqual(at(code, ' a;', true)?.categories.map((c) => c.category), ['bsn']);
  });

  it('returns nothing where there is nothing to classify', () => {
    assert.equal(at('export const x = 1;', 'const', false), undefined);
  });
});
