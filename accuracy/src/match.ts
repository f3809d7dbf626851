/**
 * Matching avglint's findings to the labels of a repository, and the figures: recall and precision per rule.
 * Pure functions over data, so the unit tests run them on small synthetic labels and findings.
 *
 * - Findings are first grouped into **sites**: one per rule, file and line. Today a sink call with three categories
 *   gives three findings on one line; counting them as three would let message style move the precision.
 * - A site matches a label of the same rule and file when its line lies in `label.line - LINE_TOLERANCE` …
 *   `(label.endLine ?? label.line) + LINE_TOLERANCE`. Among several such labels the nearest wins (distance 0 inside
 *   the range), then a label that expects a finding, then the first in the file.
 * - A label with `expected: true` is **found** when a site matched it, else **missed**. A label with `expected: false`
 *   is **silent** when no site matched it, else a **false positive**.
 * - recall = found / labels expected; precision = sites that matched an expected label / all sites. A site that
 *   matched no label counts against precision too (it is listed as unlabelled: either a false positive nobody labelled
 *   or a label that is missing; both need a look).
 */
import type { Label, RepositoryLabels } from './labels';

/** Lines a finding may lie before a label's line or after its end line and still match. */
export const LINE_TOLERANCE = 1;

export interface ObservedFinding {
  readonly rule: string;
  /** Relative to the checkout's root, with `/` separators. */
  readonly file: string;
  readonly line: number;
  readonly column?: number;
  readonly message?: string;
}

export interface Site {
  readonly rule: string;
  readonly file: string;
  readonly line: number;
  /** The findings on this line for this rule (first sentence of each message). */
  readonly findings: readonly ObservedFinding[];
}

export type SiteVerdict = 'true-positive' | 'false-positive' | 'unlabelled';
export type LabelVerdict = 'found' | 'missed' | 'silent' | 'false-positive';

export interface MatchedSite {
  readonly site: Site;
  readonly verdict: SiteVerdict;
  /** Index into the repository's labels, when a label matched. */
  readonly label?: number;
}

export interface MatchedLabel {
  readonly label: Label;
  readonly index: number;
  readonly verdict: LabelVerdict;
  /** The sites that matched this label. */
  readonly sites: readonly Site[];
}

export interface RepositoryMatch {
  readonly name: string;
  readonly labels: readonly MatchedLabel[];
  readonly sites: readonly MatchedSite[];
}

export interface Score {
  /** Labels that expect a finding, and how many of them were found. */
  readonly expected: number;
  readonly found: number;
  /** Labels that expect silence, and how many avglint reported anyway. */
  readonly silentExpected: number;
  readonly falseAlarms: number;
  /** Finding sites: all, those on an expected label, those on a must-stay-silent label, those on no label. */
  readonly sites: number;
  readonly truePositives: number;
  readonly falsePositives: number;
  readonly unlabelled: number;
  /** found / expected, or undefined without expected labels. */
  readonly recall?: number;
  /** truePositives / sites, or undefined without findings. */
  readonly precision?: number;
}

/** Groups findings into sites (rule, file, line), in a stable order. */
export function toSites(findings: readonly ObservedFinding[]): Site[] {
  const byKey = new Map<string, ObservedFinding[]>();
  for (const finding of findings) {
    const key = `${finding.rule}\u0000${finding.file}\u0000${finding.line}`;
    const list = byKey.get(key);
    if (list === undefined) byKey.set(key, [finding]);
    else list.push(finding);
  }
  return [...byKey.values()]
    .map((list) => ({ rule: list[0].rule, file: list[0].file, line: list[0].line, findings: list }))
    .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.rule.localeCompare(b.rule));
}

/** How far a line lies from a label's range (0 inside it), or undefined when it is beyond the tolerance. */
export function distance(label: Pick<Label, 'line' | 'endLine'>, line: number, tolerance = LINE_TOLERANCE): number | undefined {
  const end = label.endLine ?? label.line;
  const d = line < label.line ? label.line - line : line > end ? line - end : 0;
  return d <= tolerance ? d : undefined;
}

/** Matches one repository's findings to its labels. */
export function matchRepository(repository: Pick<RepositoryLabels, 'name' | 'labels'>, findings: readonly ObservedFinding[], tolerance = LINE_TOLERANCE): RepositoryMatch {
  const labels = repository.labels;
  const matchedSites: MatchedSite[] = [];
  const sitesOfLabel = labels.map((): Site[] => []);
  for (const site of toSites(findings)) {
    let best: { index: number; distance: number; expected: boolean } | undefined;
    labels.forEach((label, index) => {
      if (label.rule !== site.rule || label.file !== site.file) return;
      const d = distance(label, site.line, tolerance);
      if (d === undefined) return;
      const better = best === undefined || d < best.distance || (d === best.distance && label.expected && !best.expected);
      if (better) best = { index, distance: d, expected: label.expected };
    });
    if (best === undefined) {
      matchedSites.push({ site, verdict: 'unlabelled' });
    } else {
      sitesOfLabel[best.index].push(site);
      matchedSites.push({ site, verdict: best.expected ? 'true-positive' : 'false-positive', label: best.index });
    }
  }
  const matchedLabels = labels.map((label, index): MatchedLabel => {
    const sites = sitesOfLabel[index] ?? [];
    const verdict: LabelVerdict = label.expected ? (sites.length > 0 ? 'found' : 'missed') : sites.length > 0 ? 'false-positive' : 'silent';
    return { label, index, verdict, sites };
  });
  return { name: repository.name, labels: matchedLabels, sites: matchedSites };
}

/** The figures over some matched repositories, for one rule or (rule undefined) for all. */
export function score(matches: readonly RepositoryMatch[], rule?: string): Score {
  let expected = 0;
  let found = 0;
  let silentExpected = 0;
  let falseAlarms = 0;
  let sites = 0;
  let truePositives = 0;
  let falsePositives = 0;
  let unlabelled = 0;
  for (const match of matches) {
    for (const l of match.labels) {
      if (rule !== undefined && l.label.rule !== rule) continue;
      if (l.label.expected) {
        expected++;
        if (l.verdict === 'found') found++;
      } else {
        silentExpected++;
        if (l.verdict === 'false-positive') falseAlarms++;
      }
    }
    for (const s of match.sites) {
      if (rule !== undefined && s.site.rule !== rule) continue;
      sites++;
      if (s.verdict === 'true-positive') truePositives++;
      else if (s.verdict === 'false-positive') falsePositives++;
      else unlabelled++;
    }
  }
  return {
    expected,
    found,
    silentExpected,
    falseAlarms,
    sites,
    truePositives,
    falsePositives,
    unlabelled,
    ...(expected > 0 ? { recall: found / expected } : {}),
    ...(sites > 0 ? { precision: truePositives / sites } : {}),
  };
}

/** The rules that occur in labels or findings, in a stable order. */
export function rulesOf(matches: readonly RepositoryMatch[]): string[] {
  const rules = new Set<string>();
  for (const match of matches) {
    for (const l of match.labels) rules.add(l.label.rule);
    for (const s of match.sites) rules.add(s.site.rule);
  }
  return [...rules].sort();
}

/** Missed labels counted by the capability their label names (`unknown` when it names none), most first. */
export function missesByCapability(matches: readonly RepositoryMatch[]): { capability: string; misses: number }[] {
  const counts = new Map<string, number>();
  for (const match of matches) {
    for (const l of match.labels) {
      if (l.verdict !== 'missed') continue;
      const capability = l.label.capability ?? 'unknown';
      counts.set(capability, (counts.get(capability) ?? 0) + 1);
    }
  }
  return [...counts].map(([capability, misses]) => ({ capability, misses })).sort((a, b) => b.misses - a.misses || a.capability.localeCompare(b.capability));
}

/** A ratio as `0.85`, or `–` when there is nothing to divide. */
export function ratio(value: number | undefined): string {
  return value === undefined ? '–' : value.toFixed(2);
}

/** The report for people: a table per rule and overall, then every miss, false positive and unlabelled finding. */
export function formatReport(matches: readonly RepositoryMatch[]): string {
  const lines: string[] = [];
  const header = ['rule', 'labels', 'found', 'recall', 'sites', 'TP', 'FP', 'unlab.', 'precision', 'silent ok'];
  const rows: string[][] = [];
  const row = (name: string, s: Score): string[] => [
    name,
    String(s.expected),
    String(s.found),
    ratio(s.recall),
    String(s.sites),
    String(s.truePositives),
    String(s.falsePositives),
    String(s.unlabelled),
    ratio(s.precision),
    `${s.silentExpected - s.falseAlarms}/${s.silentExpected}`,
  ];
  for (const rule of rulesOf(matches)) rows.push(row(rule, score(matches, rule)));
  rows.push(row('all rules', score(matches)));
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const format = (r: readonly string[]): string => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  lines.push(format(header), ...rows.map(format), '');
  const per = matches.map((m) => {
    const s = score([m]);
    return `  ${m.name}: recall ${ratio(s.recall)} (${s.found}/${s.expected}), precision ${ratio(s.precision)} (${s.truePositives}/${s.sites})`;
  });
  lines.push('Per repository:', ...per, '');
  const missed = matches.flatMap((m) => m.labels.filter((l) => l.verdict === 'missed').map((l) => ({ m, l })));
  lines.push(`Missed (${missed.length}):`);
  for (const { m, l } of missed) {
    lines.push(`  ${m.name}/${l.label.file}:${l.label.line}  ${l.label.rule}  ${l.label.note}${l.label.capability ? `  [needs: ${l.label.capability}]` : ''}`);
  }
  const alarms = matches.flatMap((m) => m.sites.filter((s) => s.verdict === 'false-positive').map((s) => ({ m, s })));
  lines.push('', `Reported where labels say avglint must stay silent (${alarms.length}):`);
  for (const { m, s } of alarms) {
    const label = s.label === undefined ? undefined : m.labels[s.label]?.label;
    if (label === undefined) continue;
    lines.push(`  ${m.name}/${s.site.file}:${s.site.line}  ${s.site.rule}  ${label.note}${label.capability ? `  [needs: ${label.capability}]` : ''}`);
  }
  const unlabelled = matches.flatMap((m) => m.sites.filter((s) => s.verdict === 'unlabelled').map((s) => ({ m, s })));
  lines.push('', `Findings that match no label (${unlabelled.length}; label them true or false):`);
  for (const { m, s } of unlabelled) {
    for (const f of s.site.findings) lines.push(`  ${m.name}/${f.file}:${f.line}:${f.column ?? 1}  ${f.rule}  ${firstSentence(f.message ?? '')}`);
  }
  const capabilities = missesByCapability(matches);
  if (capabilities.length > 0) {
    lines.push('', 'Misses by missing capability:');
    for (const c of capabilities) lines.push(`  ${String(c.misses).padStart(3)}  ${c.capability}`);
  }
  return lines.join('\n') + '\n';
}

/** The first sentence of a message, so the report stays one line per finding. */
export function firstSentence(message: string): string {
  const end = message.search(/\.\s/);
  return end === -1 ? message : message.slice(0, end + 1);
}

/** The figures table as text, for a fenced block in ACCURACY.md (the same table as the report's first lines). */
export function figuresTable(matches: readonly RepositoryMatch[]): string {
  const report = formatReport(matches);
  return report.slice(0, report.indexOf('\n\n'));
}

/** Markdown for ACCURACY.md: the figures, every miss and false positive with its reason, misses by capability. */
export function formatMarkdown(matches: readonly RepositoryMatch[]): string {
  const short = (rule: string): string => rule.replace('no-unauthorised-transfer', 'transfer').replace('no-personal-data-in-logs', 'logs').replace('require-retention', 'retention').replace('no-unauthorised-access', 'access');
  const cell = (text: string): string => text.replace(/\|/g, '\\|');
  const lines = ['```', figuresTable(matches), '```', '', '| repository | recall | precision |', '| --- | ---: | ---: |'];
  for (const m of matches) {
    const s = score([m]);
    lines.push(`| ${m.name} | ${ratio(s.recall)} (${s.found}/${s.expected}) | ${ratio(s.precision)} (${s.truePositives}/${s.sites}) |`);
  }
  lines.push('', '| repository | where | rule | verdict | what | missing capability |', '| --- | --- | --- | --- | --- | --- |');
  for (const m of matches) {
    for (const l of m.labels) {
      if (l.verdict !== 'missed' && l.verdict !== 'false-positive') continue;
      const verdict = l.verdict === 'missed' ? 'miss' : 'false positive';
      lines.push(`| ${m.name} | ${l.label.file}:${l.label.line} | ${short(l.label.rule)} | ${verdict} | ${cell(l.label.note)} | ${cell(l.label.capability ?? '')} |`);
    }
    for (const s of m.sites) {
      if (s.verdict !== 'unlabelled') continue;
      lines.push(`| ${m.name} | ${s.site.file}:${s.site.line} | ${short(s.site.rule)} | unlabelled | ${cell(firstSentence(s.site.findings[0]?.message ?? ''))} | |`);
    }
  }
  lines.push('', '| misses | missing capability |', '| ---: | --- |');
  for (const c of missesByCapability(matches)) lines.push(`| ${c.misses} | ${cell(c.capability)} |`);
  return lines.join('\n') + '\n';
}
