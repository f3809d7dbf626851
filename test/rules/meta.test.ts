/**
 * The registry, the docs and the ESLint configs cannot drift apart: every rule has its doc with incorrect and correct
 * examples and its options, every doc belongs to a rule, and the configs hold exactly the rules they should.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { docsUrl, RULE_IDS, RULES, type RuleId } from '@avglint/rules';
import plugin from 'eslint-plugin-avglint';

/** docs/rules, from test/dist/rules where this file runs. */
const DOCS = path.resolve(__dirname, '..', '..', '..', 'docs', 'rules');

interface Section {
  readonly heading: string;
  readonly body: string;
}

/** The doc's sections: each heading (any level) with the text up to the next heading. */
function sections(markdown: string): Section[] {
  const result: Section[] = [];
  let current: { heading: string; body: string[] } | undefined;
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*(```|~~~)/u.test(line)) fenced = !fenced;
    const heading = fenced ? null : /^#{1,6}\s+(.*)$/u.exec(line);
    if (heading) {
      if (current) result.push({ heading: current.heading, body: current.body.join('\n') });
      current = { heading: heading[1] ?? '', body: [] };
    } else {
      current?.body.push(line);
    }
  }
  if (current) result.push({ heading: current.heading, body: current.body.join('\n') });
  return result;
}

/** The example section whose heading says `word` (Incorrect / Correct) and that holds a fenced code example. */
function exampleSection(all: readonly Section[], word: 'Incorrect' | 'Correct'): Section | undefined {
  const pattern = word === 'Correct' ? /(?<!in)correct/iu : /incorrect/iu;
  return all.find((s) => pattern.test(s.heading) && /^\s*```[a-z]*\s*$/mu.test(s.body));
}

function optionNames(id: RuleId): string[] {
  const first = RULES[id].schema[0] as { properties?: Record<string, unknown> } | undefined;
  return Object.keys(first?.properties ?? {});
}

function configRules(name: 'recommended' | 'strict'): string[] {
  return Object.keys(plugin.configs[name].rules ?? {}).sort();
}

describe('rule docs and configs (meta)', () => {
  for (const id of RULE_IDS) {
    describe(id, () => {
      const file = path.join(DOCS, `${id}.md`);

      it(`has docs/rules/${id}.md, which its docs URL points at`, () => {
        assert.ok(fs.existsSync(file), `missing ${path.relative(process.cwd(), file)}`);
        assert.ok(docsUrl(id).endsWith(`/docs/rules/${id}.md`));
      });

      it('names the rule in its title', () => {
        const title = fs.readFileSync(file, 'utf8').split('\n').find((line) => line.startsWith('# '));
        assert.ok(title?.includes(id), `the first heading should name ${id}: ${title ?? '(none)'}`);
      });

      it('has an "Incorrect" and a "Correct" section, each with a code example', () => {
        const all = sections(fs.readFileSync(file, 'utf8'));
        assert.ok(exampleSection(all, 'Incorrect'), 'no section with "Incorrect" in its heading and a ``` code block');
        assert.ok(exampleSection(all, 'Correct'), 'no section with "Correct" in its heading and a ``` code block');
      });

      const names = optionNames(id);
      it(names.length > 0 ? `documents its options (${names.join(', ')}) under "Options"` : 'has no options, so needs no "Options" section', () => {
        const all = sections(fs.readFileSync(file, 'utf8'));
        const options = all.find((s) => /^options\b/iu.test(s.heading.trim()));
        if (names.length === 0) {
          // A rule without options may say so; it must not document options it does not have.
          if (options) assert.doesNotMatch(options.body, /^\s*[-*]\s+`\w+`/mu, 'documents options the rule does not have');
          return;
        }
        assert.ok(options, 'no "Options" section');
        for (const name of names) assert.ok(options.body.includes(`\`${name}\``), `option \`${name}\` is not documented under Options`);
      });

      it(`is in configs.strict${RULES[id].recommended ? ' and configs.recommended' : ''}`, () => {
        assert.ok(configRules('strict').includes(`avglint/${id}`));
        assert.equal(configRules('recommended').includes(`avglint/${id}`), RULES[id].recommended);
      });
    });
  }

  it('every doc in docs/rules belongs to a rule', () => {
    const docs = fs.existsSync(DOCS) ? fs.readdirSync(DOCS).filter((f) => !f.startsWith('.')) : [];
    const strays = docs.filter((f) => !(RULE_IDS as readonly string[]).includes(f.replace(/\.md$/u, '')) || !f.endsWith('.md'));
    assert.deepEqual(strays, []);
  });

  it('the configs hold only avglint rules that exist', () => {
    const known = RULE_IDS.map((id) => `avglint/${id}`);
    for (const name of ['recommended', 'strict'] as const) for (const rule of configRules(name)) assert.ok(known.includes(rule), `${name}: ${rule}`);
    assert.deepEqual(Object.keys(plugin.rules).sort(), [...RULE_IDS].sort());
  });
});
