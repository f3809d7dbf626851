/**
 * What `avglint scan` writes for code scanning and GitLab: fingerprints that survive code moving, rule help with the
 * documentation and a security severity, suppressed findings kept in SARIF with the comment's reason, and GitLab
 * Code Quality issues. Runs the command in-process on projects on disk.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULE_IDS } from '@avglint/rules';
import { runScan, scanProject, toSarif, type Io } from 'avglint/dist/scan';
import { toCodeQuality } from 'avglint/dist/formats/gitlab';
import { SECURITY_SEVERITY } from 'avglint/dist/formats/sarif';
import { fixtureCatalogueText, tempProjectsForSuite } from '../helpers/tempProject';

interface SarifResult {
  ruleId: string;
  partialFingerprints: Record<string, string>;
  locations: { physicalLocation: { region: { startLine: number } } }[];
  suppressions?: { kind: string; status: string; justification: string }[];
}
interface SarifRule {
  id: string;
  help: { text: string; markdown: string };
  properties: { tags: string[]; 'security-severity': string };
}
interface SarifLog {
  runs: { tool: { driver: { rules: SarifRule[] } }; results: SarifResult[] }[];
}

const sarifOf = (dir: string): SarifLog => toSarif(scanProject({ dir }), '0.0.0') as SarifLog;

describe('avglint scan reports (SARIF, GitLab Code Quality)', function () {
  this.timeout(60_000);
  const project = tempProjectsForSuite();

  it('keeps every fingerprint when lines are added above the findings, and numbers equal findings in one file', () => {
    const code = "export const a = '111222333';\nexport const b = '111222333';\nexport const c = '123456782';\n";
    const p = project({ 'avglint.catalogue.yaml': fixtureCatalogueText(), 'src/ids.ts': code });
    const before = sarifOf(p.dir).runs[0]?.results ?? [];
    p.write('src/ids.ts', `// three new lines\n\n\n${code}`);
    const after = sarifOf(p.dir).runs[0]?.results ?? [];
    const rows = (results: SarifResult[]): [number, string][] => results.map((r) => [r.locations[0]?.physicalLocation.region.startLine ?? 0, Object.values(r.partialFingerprints)[0] ?? '']);
    assert.deepEqual(rows(before).map(([line]) => line), [1, 2, 3]);
    assert.deepEqual(rows(after).map(([line]) => line), [4, 5, 6]);
    assert.deepEqual(rows(after).map(([, key]) => key), rows(before).map(([, key]) => key));
    // The two equal literals differ only in their number; the third is other code, so another hash.
    const keys = rows(before).map(([, key]) => key.split(':'));
    assert.deepEqual(keys.map(([, n]) => n), ['1', '2', '1']);
    assert.equal(keys[0]?.[0], keys[1]?.[0]);
    assert.notEqual(keys[0]?.[0], keys[2]?.[0]);
  });

  it('changes the fingerprint when the reported code changes', () => {
    const p = project({ 'avglint.catalogue.yaml': fixtureCatalogueText(), 'src/ids.ts': "export const a = '111222333';\n" });
    const first = sarifOf(p.dir).runs[0]?.results[0]?.partialFingerprints;
    p.write('src/ids.ts', "export const a = '123456782';\n");
    const second = sarifOf(p.dir).runs[0]?.results[0]?.partialFingerprints;
    assert.ok(first && second);
    assert.notDeepEqual(first, second);
  });

  it('describes every rule with its documentation as help, a security severity and the security tag', () => {
    const p = project({ 'avglint.catalogue.yaml': fixtureCatalogueText(), 'src/ids.ts': 'export const x = 1;\n' });
    const rules = sarifOf(p.dir).runs[0]?.tool.driver.rules ?? [];
    assert.deepEqual(rules.map((r) => r.id), RULE_IDS.map((id) => `avglint/${id}`));
    for (const rule of rules) {
      const id = rule.id.replace('avglint/', '') as (typeof RULE_IDS)[number];
      const doc = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'docs', 'rules', `${id}.md`), 'utf8');
      assert.equal(rule.help.markdown, doc, rule.id);
      assert.ok(rule.help.text.endsWith(doc), rule.id);
      assert.equal(rule.properties['security-severity'], SECURITY_SEVERITY[id].toFixed(1));
      assert.ok(rule.properties.tags.includes('security'));
    }
  });

  it('keeps findings hidden by a disable comment as suppressed results with the reason as justification', () => {
    const p = project({
      'avglint.catalogue.yaml': fixtureCatalogueText(),
      'src/ids.ts': "// eslint-disable-next-line avglint/no-bsn-literal -- DUO's published test number\nexport const a = '111222333';\nexport const b = '123456782';\n",
    });
    const results = sarifOf(p.dir).runs[0]?.results ?? [];
    assert.deepEqual(
      results.map((r) => [r.ruleId, r.locations[0]?.physicalLocation.region.startLine, r.suppressions ?? null]),
      [
        ['avglint/no-bsn-literal', 3, null],
        ['avglint/no-bsn-literal', 2, [{ kind: 'inSource', status: 'accepted', justification: "DUO's published test number" }]],
      ],
    );
  });

  it('gives each result its summary as text and the whole message (why, what to do) as Markdown', () => {
    const p = project({ 'avglint.catalogue.yaml': fixtureCatalogueText(), 'src/ids.ts': "export const a = '111222333';\n" });
    const message = ((sarifOf(p.dir).runs[0]?.results[0] as { message?: unknown } | undefined)?.message ?? {}) as { text?: string; markdown?: string };
    assert.equal(message.text, '111222333 in a string passes the BSN-elfproef: maybe a real BSN');
    assert.match(message.markdown ?? '', /^111222333 in a string passes the BSN-elfproef: maybe a real BSN\n\nWhy: .* {2}\nWhat to do: /u);
  });

  it('writes GitLab Code Quality issues with the same fingerprints, a severity and the line', () => {
    const p = project({ 'avglint.catalogue.yaml': fixtureCatalogueText(), 'src/ids.ts': "export const a = '111222333';\n" });
    const result = scanProject({ dir: p.dir });
    const issues = toCodeQuality(result);
    assert.deepEqual(
      issues.map((i) => [i.check_name, i.severity, i.location.path, i.location.lines.begin, i.fingerprint]),
      [['avglint/no-bsn-literal', 'critical', 'src/ids.ts', 1, result.findings[0]?.fingerprint]],
    );
  });

  it('writes a broken catalogue into the GitLab report as a blocker on the catalogue, and exits 2', async () => {
    const p = project({ 'avglint.catalogue.yaml': 'version: 1\nfoo: bar\n', 'src/ids.ts': "export const a = '111222333';\n" });
    let stdout = '';
    let stderr = '';
    const io: Io = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) };
    const code = await runScan([p.dir, '--format', 'gitlab', '--output', 'gl-code-quality-report.json'], io, p.dir);
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.match(stderr, /Unknown key `foo`/u);
    const issues = JSON.parse(fs.readFileSync(path.join(p.dir, 'gl-code-quality-report.json'), 'utf8')) as { severity: string; location: { path: string; lines: { begin: number } } }[];
    assert.deepEqual(issues.map((i) => [i.severity, i.location.path, i.location.lines.begin]), [['blocker', 'avglint.catalogue.yaml', 2]]);
  });
});
