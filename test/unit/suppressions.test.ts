import * as assert from 'node:assert/strict';
import { Linter, type Rule } from 'eslint';
import * as fc from 'fast-check';
import * as ts from 'typescript';
import { analyseFile, applySuppressions, collectComments, isExpired, parseSuppressions, type Finding } from '@avglint/rules';
import { emptyCatalogue } from '../helpers/catalogue';

const catalogue = emptyCatalogue();

function source(text: string, fileName = '/project/src/file.ts'): ts.SourceFile {
  return ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
}

/** A finding of `ruleId` at the first occurrence of `marker` in the text. */
function findingAt(sf: ts.SourceFile, marker: string, ruleId: Finding['ruleId'] = 'no-bsn-literal', occurrence = 0): Finding {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = sf.text.indexOf(marker, start + 1);
  assert.ok(start >= 0, `marker ${marker} not found`);
  const range = { start, end: start + marker.length };
  return { ruleId, messageId: 'x', summary: `${ruleId} at ${start}`, detail: '', message: `${ruleId} at ${start}`, data: {}, range, path: [], categories: [], suggestions: [] };
}

/** Which markers survive the file's directives. */
function surviving(text: string, markers: readonly (string | [string, Finding['ruleId']])[], now?: Date): string[] {
  const sf = source(text);
  const findings = markers.map((m) => (typeof m === 'string' ? findingAt(sf, m) : findingAt(sf, m[0], m[1])));
  const kept = applySuppressions(findings, parseSuppressions(sf), sf, now ? { now } : {});
  return kept.map((f) => sf.text.slice(f.range.start, f.range.end));
}

describe('suppressions: parsing ESLint directive comments', () => {
  it('reads each directive form with rules, reason and position', () => {
    const sf = source(
      [
        '/* eslint-disable avglint/no-bsn-literal, avglint/require-retention -- testnummers uit de DUO-handleiding */',
        'a(); // eslint-disable-line avglint/no-bsn-literal -- fixture',
        '// eslint-disable-next-line',
        '/* eslint-enable */',
        "/* eslint-disable-next-line 'avglint/no-bsn-literal' ,, \"avglint/require-retention\" */",
      ].join('\n'),
    );
    const directives = parseSuppressions(sf);
    assert.deepEqual(
      directives.map((d) => [d.kind, d.rules, d.reason, d.line, d.column]),
      [
        ['disable', ['avglint/no-bsn-literal', 'avglint/require-retention'], 'testnummers uit de DUO-handleiding', 1, 1],
        ['disable-line', ['avglint/no-bsn-literal'], 'fixture', 2, 6],
        ['disable-next-line', [], '', 3, 1],
        ['enable', [], '', 4, 1],
        ['disable-next-line', ['avglint/no-bsn-literal', 'avglint/require-retention'], '', 5, 1],
      ],
    );
    assert.deepEqual(directives[1]?.range, { start: sf.text.indexOf('// eslint-disable-line'), end: sf.text.indexOf(' -- fixture') + ' -- fixture'.length });
  });

  it('ignores what ESLint ignores', () => {
    const sf = source(
      [
        '// eslint-disable avglint/no-bsn-literal', // line comments may only hold -line and -next-line
        '// eslint-enable',
        '/** eslint-disable */', // starts with `*` after trimming
        '/* eslint-disablefoo */',
        '/* eslint-disable-line a,',
        '   b */', // -line spanning two lines is an error in ESLint, not a directive
        '/* eslint-env node */',
        'const s = "/* eslint-disable */";',
        'const t = `// eslint-disable-line ${s}`;',
      ].join('\n'),
    );
    assert.deepEqual(parseSuppressions(sf), []);
  });

  it('needs whitespace around the dashes of the reason, and accepts more than two', () => {
    const sf = source(['/* eslint-disable a--b */', '/* eslint-disable a --- why */', '/* eslint-disable a -- */'].join('\n'));
    assert.deepEqual(
      parseSuppressions(sf).map((d) => [d.rules, d.reason]),
      [
        [['a--b'], ''],
        [['a'], 'why'],
        [['a'], ''],
      ],
    );
  });

  it('reads an expiry at the end of the reason, only for a day that exists', () => {
    const sf = source(
      [
        '/* eslint-disable a -- migratie loopt (until 2027-01-31) */',
        '/* eslint-disable a -- (until 2027-02-30) */',
        '/* eslint-disable a -- (until 2027-01-31) en meer */',
      ].join('\n'),
    );
    assert.deepEqual(parseSuppressions(sf).map((d) => d.until), ['2027-01-31', undefined, undefined]);
    assert.equal(isExpired({ until: '2027-01-31' }, new Date('2027-01-31T23:59:59Z')), false);
    assert.equal(isExpired({ until: '2027-01-31' }, new Date('2027-02-01T00:00:00Z')), true);
    assert.equal(isExpired({}, new Date('2099-01-01T00:00:00Z')), false);
  });

  it('finds comments everywhere but in strings, templates, regular expressions and JSX text, skipping the shebang', () => {
    const sf = source(
      [
        '#!/usr/bin/env node',
        '/* a */ const x = 1; // b',
        'const y = <p title="/* no */">// not a comment {x /* c */}</p>; // d',
        'const r = /\\/\\/*no/g, t = `//${x /* e */}/*no*/`, u = 1 / 2 /* f */;',
        'type T = `//${string}`; /* g */',
      ].join('\n'),
      '/p/f.tsx',
    );
    assert.deepEqual(collectComments(sf).map((c) => c.value.trim()), ['a', 'b', 'c', 'd', 'e', 'f', 'g']);
  });
});

describe('suppressions: applying them as ESLint does', () => {
  it('block disable applies from the comment on, until an enable', () => {
    const text = ['A;', '/* eslint-disable avglint/no-bsn-literal */ B;', 'C;', '/* eslint-enable avglint/no-bsn-literal */', 'D;'].join('\n');
    assert.deepEqual(surviving(text, ['A', 'B', 'C', 'D']), ['A', 'D']);
  });

  it('a finding before the comment on the same line is not suppressed by a block disable', () => {
    assert.deepEqual(surviving('A; /* eslint-disable */ B;', ['A', 'B']), ['A']);
  });

  it('disable without rules suppresses every rule; enable of one rule re-enables only that rule', () => {
    const text = ['/* eslint-disable */', '/* eslint-enable avglint/no-bsn-literal */', 'X; Y;'].join('\n');
    assert.deepEqual(surviving(text, ['X', ['Y', 'require-retention']]), ['X']);
  });

  it('only the named rules, with the avglint/ prefix, are suppressed', () => {
    const text = ['/* eslint-disable no-bsn-literal, avglint/require-retention */', 'X; Y;'].join('\n');
    assert.deepEqual(surviving(text, ['X', ['Y', 'require-retention']]), ['X']);
  });

  it('disable-line covers its own line only, from column 1', () => {
    const text = ['A; // eslint-disable-line avglint/no-bsn-literal -- fixture', 'B;'].join('\n');
    assert.deepEqual(surviving(text, ['A', 'B']), ['B']);
  });

  it('disable-next-line covers the line after the comment’s last line', () => {
    const text = ['/* eslint-disable-next-line', '   avglint/no-bsn-literal -- over two lines */ A;', 'B;', 'C;'].join('\n');
    assert.deepEqual(surviving(text, ['A', 'B', 'C']), ['A', 'C']);
  });

  it('a block enable does not cancel a line directive (they are applied separately)', () => {
    const text = ['// eslint-disable-next-line', '/* eslint-enable */ A; B;'].join('\n');
    assert.deepEqual(surviving(text, ['A', 'B']), []);
  });

  it('an expired suppression no longer suppresses when `now` is given; without `now` it does', () => {
    const text = ['/* eslint-disable avglint/no-bsn-literal -- oud (until 2026-06-30) */', 'A;'].join('\n');
    assert.deepEqual(surviving(text, ['A']), []);
    assert.deepEqual(surviving(text, ['A'], new Date('2026-06-30T12:00:00Z')), []);
    assert.deepEqual(surviving(text, ['A'], new Date('2026-07-01T00:00:00Z')), ['A']);
  });

  it('honours a different plugin prefix', () => {
    const sf = source('// eslint-disable-next-line privacy/no-bsn-literal\nA;');
    const finding = findingAt(sf, 'A');
    assert.equal(applySuppressions([finding], parseSuppressions(sf), sf, { pluginPrefix: 'privacy' }).length, 0);
    assert.equal(applySuppressions([finding], parseSuppressions(sf), sf).length, 1);
  });
});

describe('require-suppression-reason (through analyseFile)', () => {
  function reasons(text: string, now?: Date): [string, string, string][] {
    const sf = source(text);
    const result = analyseFile({ sourceFile: sf, catalogue, options: { rules: new Set(['require-suppression-reason']), ...(now ? { now } : {}) } });
    assert.deepEqual(result.problems, []);
    return result.findings.map((f) => [f.messageId, f.data['rules'] ?? '', sf.text.slice(f.range.start, f.range.end)]);
  }

  it('reports a disable of an avglint rule without a reason, at the comment', () => {
    assert.deepEqual(reasons('x(); // eslint-disable-line avglint/no-bsn-literal, no-console'), [
      ['missingReason', '`avglint/no-bsn-literal`', '// eslint-disable-line avglint/no-bsn-literal, no-console'],
    ]);
  });

  it('reports every disable form, and disabling all rules', () => {
    const text = ['/* eslint-disable */', '// eslint-disable-next-line avglint/a, avglint/b', 'x(); /* eslint-disable-line avglint/c -- */'].join('\n');
    assert.deepEqual(
      reasons(text).map(([id, rules]) => [id, rules]),
      [
        ['missingReason', 'all rules (avglint included)'],
        ['missingReason', '`avglint/a`, `avglint/b`'],
        ['missingReason', '`avglint/c`'],
      ],
    );
  });

  it('accepts a reason, other plugins’ rules and enable comments', () => {
    const text = [
      '/* eslint-disable avglint/no-bsn-literal -- testnummer uit de specificatie */',
      '/* eslint-enable avglint/no-bsn-literal */',
      '// eslint-disable-next-line no-console',
      '/* eslint-disable @typescript-eslint/no-explicit-any */',
    ].join('\n');
    assert.deepEqual(reasons(text), []);
  });

  it('reports an expired suppression when the host passes `now`', () => {
    const text = '// eslint-disable-next-line avglint/require-retention -- migratie (until 2026-01-31)\nx();';
    assert.deepEqual(reasons(text), []);
    assert.deepEqual(reasons(text, new Date('2026-01-31T10:00:00Z')), []);
    const found = reasons(text, new Date('2026-02-01T10:00:00Z'));
    assert.deepEqual(found.map(([id, rules]) => [id, rules]), [['expiredSuppression', '`avglint/require-retention`']]);
  });
});

describe('suppressions: parity with ESLint itself (property test)', () => {
  /** Markers `A<n>` are findings of no-bsn-literal, `B<n>` of require-retention; both hosts see the same text. */
  const RULE_OF = { A: 'no-bsn-literal', B: 'require-retention' } as const;
  const markerRule = (prefix: 'A' | 'B'): Rule.RuleModule => ({
    meta: { type: 'problem', schema: [] },
    create: (context) => ({
      Identifier(node) {
        if (new RegExp(`^${prefix}\\d+$`).test(node.name)) context.report({ node, message: node.name });
      },
    }),
  });
  const linter = new Linter({ configType: 'flat' });
  const config: Linter.Config[] = [
    {
      plugins: { avglint: { rules: { 'no-bsn-literal': markerRule('A'), 'require-retention': markerRule('B') } } },
      rules: { 'avglint/no-bsn-literal': 'error', 'avglint/require-retention': 'error' },
      linterOptions: { reportUnusedDisableDirectives: 'off' },
    },
  ];

  const ruleList = fc.subarray(['avglint/no-bsn-literal', 'avglint/require-retention', '"avglint/require-retention"', 'no-console']).map((rules) => rules.join(', '));
  const reason = fc.constantFrom('', ' -- waarom', ' --- waarom (until 2026-01-01)', ' --', '--x');
  const segment = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom<Segment>({ code: 'A' }, { code: 'B' }) },
    fc.tuple(fc.constantFrom('eslint-disable', 'eslint-enable', 'eslint-disable-line', 'eslint-disable-next-line', 'eslint-disablex', 'eslint-disable-next-line\n', 'eslint-disable-line\n', 'eslint-disable\n'), ruleList, reason).map(([label, rules, why]): Segment => ({ text: `/* ${label} ${rules}${why} */` })),
    fc.tuple(fc.constantFrom('eslint-disable', 'eslint-enable', 'eslint-disable-line', 'eslint-disable-next-line'), ruleList, reason).map(([label, rules, why]): Segment => ({ text: `// ${label} ${rules}${why}\n` })),
  );
  type Segment = { readonly code: 'A' | 'B' } | { readonly text: string };

  function render(segments: readonly Segment[], separators: readonly string[]): string {
    let text = '';
    segments.forEach((s, i) => {
      text += 'code' in s ? `${s.code}${i};` : s.text;
      text += separators[i] ?? ' ';
    });
    return text;
  }

  function eslintSurvivors(text: string): string[] {
    const messages = linter.verify(text, config, { filename: 'file.js' });
    assert.ok(messages.every((m) => !m.fatal), JSON.stringify(messages));
    // ESLint also reports directives naming unknown rules (`-- ` without a following space reads as a rule `--`);
    // those are not findings, and the core ignores such names the same way.
    return messages.filter((m) => /^[AB]\d+$/.test(m.message)).map((m) => m.message).sort();
  }

  function coreSurvivors(text: string): string[] {
    const sf = source(text, '/project/src/file.js');
    const findings: Finding[] = [];
    for (const match of text.matchAll(/\b([AB])\d+\b/g)) {
      const ruleId = RULE_OF[match[1] as 'A' | 'B'];
      const start = match.index;
      findings.push({ ruleId, messageId: 'x', summary: match[0], detail: '', message: match[0], data: {}, range: { start, end: start + match[0].length }, path: [], categories: [], suggestions: [] });
    }
    return applySuppressions(findings, parseSuppressions(sf), sf).map((f) => f.message).sort();
  }

  it('hides exactly the findings ESLint hides, for random files of code and directives', () => {
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 14 }), fc.array(fc.constantFrom(' ', ' ', '\n', '\r\n', '\r', '\u2028'), { minLength: 14, maxLength: 14 }), (segments, separators) => {
        const text = render(segments, separators);
        assert.deepEqual(coreSurvivors(text), eslintSurvivors(text), text);
      }),
      { numRuns: 400, seed: 20261130 },
    );
  });
});
