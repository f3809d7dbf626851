/**
 * SARIF 2.1.0 for code scanning, written here rather than with `@microsoft/eslint-formatter-sarif`: that formatter
 * turns ESLint lint results into SARIF, and an ESLint message has no place for a finding's flow path, so it cannot
 * produce `codeFlows`. SARIF is plain JSON; this writes what GitHub code scanning reads:
 * - `rules` with a short description, `help` (the rule's documentation, as text and Markdown), `helpUri`, and
 *   `properties.security-severity` (with the `security` tag, which code scanning needs to show it);
 * - results with regions, one `codeFlow` from source to sink (each step's words in `message`, its phrase id and
 *   arguments in `properties.phrase`), and `partialFingerprints` that do not depend on the line (fingerprint.ts), so
 *   an alert survives code moving above it;
 * - findings a disable comment or the bulk-suppressions file hides, kept as results with `suppressions` (kind
 *   `inSource` with the comment's reason as `justification`, or `external` for eslint-suppressions.json), so code
 *   scanning shows them as dismissed instead of losing them;
 * - catalogue problems as tool configuration notifications.
 * Rule ids are `avglint/<id>`, as ESLint's formatter writes them, so both kinds of upload describe the same rules.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isInside } from '@avglint/node';
import { pathToFileURL } from 'node:url';
import { docsUrl, hasErrors, RULE_IDS, RULES, type FlowStep, type Problem, type RuleId } from '@avglint/rules';
import type { ScannedFinding, ScanResult, SuppressedScanFinding } from '../scan';
import { FINGERPRINT_KEY } from './fingerprint';
import type { Format } from './format';

/**
 * GitHub's `security-severity` (0.1–10; ≥ 9 critical, ≥ 7 high, ≥ 4 medium) per rule. A `Record` over the rule ids,
 * so a new rule does not compile until it has one. The order follows the harm: special category data or a national
 * identifier leaving where it may not, then personal data in the wrong place, then a missing process step.
 */
export const SECURITY_SEVERITY: Readonly<Record<RuleId, number>> = {
  'no-unauthorised-access': 8.5,
  'no-unauthorised-transfer': 8.0,
  'no-bsn-literal': 7.5,
  'require-consent-check': 7.0,
  'no-personal-data-in-logs': 6.5,
  'require-retention': 5.0,
  'require-suppression-reason': 4.0,
  // No finding of its own: a broken catalogue or an unanalysed file is a notification, not a result.
  catalogue: 4.0,
};

/**
 * The rule's documentation for `help`: docs/rules/<id>.md, copied into the package at build time (`dist/docs`), or
 * read from the repository when running from a checkout. Without it, the description and the link.
 */
export function ruleHelp(id: RuleId): { text: string; markdown: string } {
  const fallback = `${RULES[id].description}. Documentation: ${docsUrl(id)}`;
  for (const candidate of [path.join(__dirname, '..', 'assets', 'docs', 'rules', `${id}.md`), path.join(__dirname, '..', '..', '..', 'docs', 'rules', `${id}.md`)]) {
    try {
      const markdown = fs.readFileSync(candidate, 'utf8');
      return { text: `${fallback}\n\n${markdown}`, markdown };
    } catch {
      // Try the next place.
    }
  }
  return { text: fallback, markdown: `${RULES[id].description}. [Documentation](${docsUrl(id)})` };
}

export function toSarif(result: ScanResult, version: string): object {
  const srcroot = pathToFileURL(result.dir + path.sep).href;
  const uri = (file: string): { uri: string; uriBaseId?: string } => {
    // Only a real `..` segment leaves the folder: `..gen/a.ts` is inside.
    if (!isInside(result.dir, file)) return { uri: pathToFileURL(file).href };
    return { uri: path.relative(result.dir, file).split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
  };
  const rules = RULE_IDS.map((id) => ({
    id: `avglint/${id}`,
    name: id,
    shortDescription: { text: RULES[id].description },
    fullDescription: { text: RULES[id].description },
    help: ruleHelp(id),
    helpUri: docsUrl(id),
    defaultConfiguration: { level: 'error' },
    properties: {
      tags: ['security', 'privacy', 'avg'],
      precision: 'high',
      'security-severity': SECURITY_SEVERITY[id].toFixed(1),
      recommended: RULES[id].recommended,
      requiresTypes: RULES[id].requiresTypes,
    },
  }));
  const stepLocation = (step: FlowStep): object => ({
    location: {
      physicalLocation: { artifactLocation: uri(step.file), region: { startLine: step.line, startColumn: step.column } },
      message: { text: step.description },
    },
    kinds: [step.kind],
    // The step as data (phrase id and arguments, the same in every locale), beside its words in `message`.
    properties: { phrase: step.phrase },
  });
  const sarifResult = (f: ScannedFinding, suppression?: SuppressedScanFinding['suppression']): object => ({
    ruleId: `avglint/${f.ruleId}`,
    ruleIndex: RULE_IDS.indexOf(f.ruleId),
    level: 'error',
    // The summary as text (what the code-scanning list shows); the whole message, detail included, as Markdown.
    message: { text: f.summary, markdown: f.detail === '' ? f.summary : `${f.summary}\n\n${f.detail.split('\n').join('  \n')}` },
    locations: [{ physicalLocation: { artifactLocation: uri(f.file), region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn } } }],
    partialFingerprints: { [FINGERPRINT_KEY]: f.fingerprint },
    ...(f.path.length > 0 ? { codeFlows: [{ threadFlows: [{ locations: f.path.map(stepLocation) }] }] } : {}),
    ...(suppression !== undefined ? { suppressions: [{ kind: suppression.kind, status: 'accepted', justification: suppression.justification }] } : {}),
    properties: { categories: f.categories, ...(f.processor !== undefined ? { processor: f.processor } : {}) },
  });
  const notification = (p: Problem): object => ({
    level: p.severity,
    message: { text: `${p.message} (${p.hint})` },
    descriptor: { id: p.code },
    locations: [{ physicalLocation: { artifactLocation: uri(p.file), region: { startLine: p.line, startColumn: p.column } } }],
  });
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'avglint', version, semanticVersion: version, informationUri: 'https://github.com/avglint/avglint', rules } },
        originalUriBaseIds: { '%SRCROOT%': { uri: srcroot } },
        results: [...result.findings.map((f) => sarifResult(f)), ...result.suppressed.map((s) => sarifResult(s, s.suppression))],
        invocations: [
          {
            // Fails closed: a broken catalogue, a file not analysed, a rule that could not finish or nothing scanned all
            // make the run unsuccessful, with the reason as a notification, so code scanning does not take missing
            // results as fixed.
            executionSuccessful: !hasErrors(result.catalogueProblems) && !hasErrors(result.problems),
            toolConfigurationNotifications: result.catalogueProblems.map(notification),
            toolExecutionNotifications: result.problems.map(notification),
          },
        ],
      },
    ],
  };
}

export const sarif: Format = {
  name: 'sarif',
  scan: {
    description: 'SARIF 2.1.0 with code flows and suppressed results, for GitHub code scanning',
    render: (result, context) => `${JSON.stringify(toSarif(result, context.version), null, 2)}\n`,
  },
};
