/**
 * Hostile input for the analysis (issue 13, "Linear on hostile input"): generated code that once stopped rules for a
 * whole file, crashed a rule, or cost time quadratic in its size. Each case is a reproduction of one defect, with
 * the exact position of what must still be found; cost is asserted as a count of operations, never as time (the
 * timings are in test/reliability and RELIABILITY.md).
 */
import * as assert from 'node:assert/strict';
import * as ts from 'typescript';
import { analyseFile, type RuleId } from '@avglint/rules';
import { at } from '../../helpers/positions';
import { createProgram, fileName, run, testCatalogue } from './program';

/** Findings as `rule:messageId@line:column-endLine:endColumn`, positions as ESLint shows them. */
function positioned(code: string, typed: boolean, rules?: readonly RuleId[]): string[] {
  const result = run(code, { typed, ...(rules ? { rules } : {}) });
  return result.findings.map((f) => {
    const start = result.sourceFile.getLineAndCharacterOfPosition(f.range.start);
    const end = result.sourceFile.getLineAndCharacterOfPosition(f.range.end);
    return `${f.ruleId}:${f.messageId}@${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1}`;
  });
}

function spot(code: string, text: string, occurrence = 0): string {
  const p = at(code, text, occurrence);
  return `@${p.line}:${p.column}-${p.endLine}:${p.endColumn}`;
}

const pre = 'declare const leerling: { bsn: string; naam: string; diagnose: string };\n';

interface Case {
  readonly name: string;
  readonly code: string;
  /** `rule:messageId` and the text it is reported on (first occurrence unless given). */
  readonly expected: readonly (readonly [string, string, number?])[];
  /** TypeScript's own binder overflows its stack on this input (tsc too): analysed without types only. */
  readonly untypedOnly?: boolean;
  /** Run every rule (a problem in any fails the case), not only those of the expected findings. */
  readonly allRules?: boolean;
}

const CASES: readonly Case[] = [
  {
    // A spread of 150,000 element values into one call overflowed the stack; three rules lost the whole file.
    name: 'an array literal of 150,000 elements beside a logged BSN and a transfer of the array',
    code: `${pre}const rijen = [leerling.naam${', 0'.repeat(150_000)}];\nconsole.log(leerling.bsn);\nfetch('https://onbekend.example/x', { body: JSON.stringify(rijen) });\n`,
    expected: [
      ['no-personal-data-in-logs:personalDataInLog', 'leerling.bsn'],
      ['no-unauthorised-transfer:unknownDestination', 'JSON.stringify(rijen)'],
    ],
  },
  {
    // `function(string)` has parameters without names although TypeScript's types say every parameter has one.
    name: 'JSDoc-style function types in parameters (`ctor: function(string)`)',
    code: `${pre}export function maak(ctor: function(string), cb: function(new:Object, string): number) {\n  console.log(leerling.bsn);\n  return [ctor, cb];\n}\nexport const zorg = (x: function(this: string, ...number)) => [x, leerling.diagnose];\n`,
    expected: [
      ['no-personal-data-in-logs:personalDataInLog', 'leerling.bsn'],
      ['no-unauthorised-access:unauthorisedRead', 'leerling.diagnose'],
    ],
  },
  {
    // Resolving each link's receiver recursed once per link and overflowed the stack at a few thousand links.
    name: 'a restricted read at the end of a 6,000-link property chain',
    code: `interface Ouder { ouder: Ouder; diagnose: string }\ndeclare const p: Ouder;\nexport const d = p${'.ouder'.repeat(6_000)}.diagnose;\n`,
    expected: [['no-unauthorised-access:unauthorisedRead', `p${'.ouder'.repeat(6_000)}.diagnose`]],
    untypedOnly: true,
  },
  {
    // A type runs nothing, so a parameter in a function type is no read; the walk skips types both in ordinary code
    // and past the depth where it goes on without recursion (generated code), and finds the same reads either way.
    name: 'parameters of function types are no reads, in ordinary code and nested 400 functions deep',
    code: `${pre}export type Terug = (diagnose: string) => void;\nexport const diep = ${'() => '.repeat(400)}(cb: (diagnose: string) => void, d: { diagnose: string }) => [cb, d.diagnose, leerling.diagnose];\n`,
    expected: [
      ['no-unauthorised-access:unauthorisedRead', 'd.diagnose'],
      ['no-unauthorised-access:unauthorisedRead', 'leerling.diagnose'],
    ],
  },
  {
    // Found by the reliability tier's generators: the callee of each call resolved the one before it, recursively.
    name: 'a logged member at the end of a chain of 2,000 calls (`q.then().then().…bsn`)',
    code: `${pre}declare const q: { then(): typeof q; bsn: string };\nconsole.log(q${'.then()'.repeat(2_000)}.bsn);\n`,
    expected: [['no-personal-data-in-logs:personalDataInLog', `q${'.then()'.repeat(2_000)}.bsn`]],
    untypedOnly: true,
  },
  {
    // Found by the reliability tier's generators: each function's summary was computed inside its caller's.
    name: 'a BSN passed down 2,000 functions, each calling the next, to a log',
    code: `${pre}${Array.from({ length: 2_000 }, (_, i) => `function f${i}(v: string): string { return f${i + 1}(v); }`).join('\n')}\nfunction f2000(v: string): string {\n  console.log(v);\n  return v;\n}\nf0(leerling.bsn);\n`,
    expected: [['no-personal-data-in-logs:personalDataInLog', 'leerling.bsn']],
  },
  {
    // Found by the reliability run over TypeScript's tests: each element is a fresh instantiation, so the search of
    // the parameter's type never met a type twice and went on until TypeScript's instantiation overflowed the stack.
    name: 'a recursive tuple type of fresh instantiations (`type Keten<T> = [number, Keten<{ volgende: T }>]`)',
    code: `${pre}type Keten<T> = [number, Keten<{ volgende: T }>];\nexport function eerste<U>(keten: Keten<U>, andere: Keten<string>) {\n  console.log(leerling.bsn);\n  return [keten[0], andere];\n}\n`,
    expected: [['no-personal-data-in-logs:personalDataInLog', 'leerling.bsn']],
    allRules: true,
  },
];

describe('analysis on hostile input', function () {
  this.timeout(120_000);

  for (const c of CASES) {
    for (const typed of [false, true]) {
      // The typed run of a 300-link chain below covers the untyped-only cases' code path with types.
      if (typed && c.untypedOnly) continue;
      it(`${c.name} (${typed ? 'typed' : 'untyped'})`, () => {
        const expected = c.expected.map(([finding, text, occurrence]) => `${finding}${spot(c.code, text, occurrence)}`).sort();
        const actual = positioned(c.code, typed, c.allRules ? undefined : [...new Set(c.expected.map(([finding]) => finding.split(':')[0] as RuleId))]).sort();
        assert.deepEqual(actual, expected);
      });
    }
  }

  it('a restricted read at the end of a 300-link property chain (typed)', () => {
    const code = `interface Ouder { ouder: Ouder; diagnose: string }\ndeclare const p: Ouder;\nexport const d = p${'.ouder'.repeat(300)}.diagnose;\n`;
    assert.deepEqual(positioned(code, true, ['no-unauthorised-access']), [`no-unauthorised-access:unauthorisedRead${spot(code, `p${'.ouder'.repeat(300)}.diagnose`)}`]);
  });

  it('`a.b + a.b + …` is analysed in a number of parent steps linear in its length (untyped)', () => {
    // Each name in a left-nested chain sits one level deeper than the last; finding its scope by walking all the way
    // up made the whole file quadratic (8,000 terms took 4.4 s, 100,000 did not finish in a minute). The parent links
    // followed are counted through a getter on every node of the chain.
    const steps = (terms: number): number => {
      const code = `declare const a: { bsn: string };\nexport const x = ${Array.from({ length: terms }, () => 'a.bsn').join(' + ')};\nconsole.log(x);\n`;
      const sourceFile = ts.createSourceFile(fileName('src/keten.ts'), code, ts.ScriptTarget.ES2022, true);
      let followed = 0;
      // Iteratively: the chain is thousands of levels deep.
      const pending: ts.Node[] = [sourceFile];
      for (let node = pending.pop(); node; node = pending.pop()) {
        ts.forEachChild(node, (child) => void pending.push(child));
        if (node === sourceFile) continue;
        const parent = node.parent;
        Object.defineProperty(node, 'parent', {
          get: () => {
            followed++;
            return parent;
          },
          configurable: true,
        });
      }
      const result = analyseFile({ sourceFile, catalogue: testCatalogue(), options: { rules: new Set<RuleId>(['no-personal-data-in-logs']) } });
      assert.deepEqual(result.problems, []);
      assert.equal(result.findings.length, 1, 'the BSN in the chain reaches the log');
      return followed;
    };
    const small = steps(500);
    const large = steps(4_000);
    // Linear: eight times the terms, about eight times the steps. Quadratic would be sixty-four times.
    assert.ok(large < small * 16, `500 terms: ${small} parent steps; 4,000 terms: ${large}`);
  });

  it('a read through `DeepReadonly<Window>` looks at a bounded number of members, and `DeepReadonly<Leerling>` still carries the BSN', () => {
    // The helper type maps every member of the DOM's Window to the helper type again: searching it for categorised
    // members walked thousands of members per level (seconds per read, and a stack overflow with a larger catalogue).
    const code = [
      'type DeepReadonly<T> = { readonly [K in keyof T]: DeepReadonly<T[K]> };',
      'interface Leerling { bsn: string; naam: string }',
      'declare const w: DeepReadonly<Window>;',
      'declare const l: DeepReadonly<Leerling>;',
      'export const titel = w.document.title;',
      'console.log(w.location);',
      'console.log(l);',
    ].join('\n');
    const program = createProgram({ 'src/diep.ts': code });
    const checker = program.getTypeChecker();
    const original = checker.getTypeOfSymbolAtLocation.bind(checker);
    let looked = 0;
    checker.getTypeOfSymbolAtLocation = (symbol, node) => {
      looked++;
      return original(symbol, node);
    };
    const sourceFile = program.getSourceFile(fileName('src/diep.ts'));
    assert.ok(sourceFile);
    const result = analyseFile({ sourceFile, program, catalogue: testCatalogue(), options: { rules: new Set<RuleId>(['no-personal-data-in-logs']) } });
    assert.deepEqual(result.problems, []);
    assert.deepEqual(
      result.findings.map((f) => code.slice(f.range.start, f.range.end)),
      ['l'],
    );
    assert.ok(looked < 1_000, `member types looked at: ${looked}`);
  });
});
