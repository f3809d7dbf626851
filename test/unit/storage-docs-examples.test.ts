/**
 * The examples in the docs of require-retention, no-bsn-literal and require-suppression-reason do what the docs say:
 * every statement of an "Incorrect" example is reported, nothing in a "Correct" example is.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { analyseFile, loadCatalogue, type RuleId } from '@avglint/rules';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const PROJECT = path.join(ROOT, 'test', 'fixtures', 'project');
const host = { readFile: (f: string) => (fs.existsSync(f) ? fs.readFileSync(f, 'utf8') : undefined), fileExists: (f: string) => fs.existsSync(f) };

/** The ```ts blocks of the section whose heading is `heading`. */
function examples(rule: string, heading: 'Incorrect' | 'Correct'): string[] {
  const markdown = fs.readFileSync(path.join(ROOT, 'docs', 'rules', `${rule}.md`), 'utf8');
  const section = markdown.split(/^## /m).find((s) => s.startsWith(`${heading}\n`));
  assert.ok(section, `${rule}.md has no "## ${heading}" section`);
  return [...section.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
}

/** 1-based lines with a finding of `rule`. */
function reportedLines(rule: RuleId, code: string, ruleOptions?: Record<string, unknown>): number[] {
  const { catalogue } = loadCatalogue(path.join(PROJECT, 'avglint.catalogue.yaml'), host);
  assert.ok(catalogue);
  const sf = ts.createSourceFile(path.join(PROJECT, 'src', 'doc.ts'), code, ts.ScriptTarget.Latest, true);
  const result = analyseFile({ sourceFile: sf, catalogue, options: { rules: new Set([rule]), now: new Date(), ...(ruleOptions ? { ruleOptions: { [rule]: ruleOptions } } : {}) } });
  assert.deepEqual(result.problems, []);
  return [...new Set(result.findings.map((f) => sf.getLineAndCharacterOfPosition(f.range.start).line + 1))];
}

/** 1-based lines matching `pattern`. */
function statementLines(code: string, pattern: RegExp): number[] {
  return code.split('\n').flatMap((line, i) => (pattern.test(line) ? [i + 1] : []));
}

describe('docs examples of my rules do what the docs say', () => {
  it('require-retention: every storage in "Incorrect" is reported, nothing in "Correct"', () => {
    for (const code of examples('require-retention', 'Incorrect')) {
      // Entities are reported at the class name, schemas and tables at the variable, writes at the call.
      assert.deepEqual(reportedLines('require-retention', code), statementLines(code, /^(export class|export const|await)/));
    }
    for (const code of examples('require-retention', 'Correct')) assert.deepEqual(reportedLines('require-retention', code), []);
  });

  it('no-bsn-literal: every line of "Incorrect" is reported; "Correct" is clean with its `allow` configuration', () => {
    for (const code of examples('no-bsn-literal', 'Incorrect')) assert.deepEqual(reportedLines('no-bsn-literal', code), statementLines(code, /\S/));
    for (const code of examples('no-bsn-literal', 'Correct')) assert.deepEqual(reportedLines('no-bsn-literal', code, { allow: ['123456782'] }), []);
  });

  it('require-suppression-reason: every directive in "Incorrect" is reported, nothing in "Correct"', () => {
    for (const code of examples('require-suppression-reason', 'Incorrect')) {
      assert.deepEqual(reportedLines('require-suppression-reason', code), statementLines(code, /eslint-disable/));
    }
    for (const code of examples('require-suppression-reason', 'Correct')) assert.deepEqual(reportedLines('require-suppression-reason', code), []);
  });
});
