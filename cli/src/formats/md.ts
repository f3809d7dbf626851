/**
 * The report and the pull-request diff as Markdown (GitHub and GitLab render it): tables the FG can paste into the
 * verwerkingsregister, and a short comment for a PR.
 */
import type { FlowChange, Place, Report, ReportDiff } from '@avglint/rules';
import type { Format } from './format';
import type { Words } from './words';

const cell = (text: string): string => text.replace(/\|/gu, '\\|').replace(/\r?\n/gu, ' ');
const at = (p: Place): string => `\`${p.file}:${p.line}\``;

function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  return [`| ${headers.map(cell).join(' | ')} |`, `| ${headers.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');
}

export function renderMarkdown(report: Report, w: Words): string {
  const label = (id: string): string => report.categories.find((c) => c.id === id)?.label ?? report.matrix.find((r) => r.category === id)?.label ?? id;
  const column = (key: string | undefined): string => {
    const c = report.columns.find((x) => x.key === key);
    return c ? (c.kind === 'unresolved' ? w.unresolvedColumn : c.label) : '';
  };
  const out: string[] = [`# ${w.title}${report.organisation !== undefined ? ` — ${report.organisation}` : ''}`, '', `${w.generated(report.date, report.project)} ${w.typed(report.typed)}`, '', `**${w.summary({ ...report.summary })}**`, ''];
  const section = (title: string, intro: string, body: string): void => {
    out.push(`## ${title}`, '', intro, '', body || `_${w.none}_`, '');
  };
  section(
    w.sections.inventory,
    w.intro.inventory,
    report.categories
      .map((c) => `### ${c.label}\n\n${table([w.columns.where, w.columns.action, w.columns.what, w.columns.to, w.columns.verdict], c.items.map((i) => [at(i), w.actions[i.action], i.what, i.action === 'log' ? w.logNode : column(i.to), i.allowed ? w.verdicts.allowed : w.verdicts.notAllowed]))}`)
      .join('\n\n'),
  );
  const used = report.columns.filter((c) => report.matrix.some((r) => r.cells.some((x) => x.column === c.key && x.state !== 'none')));
  const mark = { 'sent-allowed': '✓', 'sent-not-allowed': '✗', 'allowed-never-sent': '○', none: '' } as const;
  section(
    w.sections.matrix,
    w.intro.matrix,
    report.matrix.length === 0 ? '' : table([w.columns.category, ...used.map((c) => column(c.key))], report.matrix.map((r) => [r.label, ...used.map((c) => mark[r.cells.find((x) => x.column === c.key)?.state ?? 'none'])])),
  );
  section(
    w.sections.diagram,
    w.intro.diagram,
    report.diagram.edges.length === 0
      ? ''
      : table(
          [w.columns.where, w.columns.to, w.columns.categories, w.columns.verdict],
          report.diagram.edges.map((e) => {
            const to = report.diagram.nodes.find((n) => n.id === e.to);
            return [e.from.replace(/^area:/u, ''), to?.kind === 'log' ? w.logNode : column(e.to) || (to?.label ?? e.to), `${e.categories.map(label).join(', ')} (${e.count}×)`, e.allowed ? w.verdicts.allowed : w.verdicts.notAllowed];
          }),
        ),
  );
  section(
    w.sections.stores,
    w.intro.stores,
    report.stores.length === 0
      ? ''
      : table(
          [w.columns.where, w.columns.store, w.columns.categories, w.columns.term, w.columns.max, w.columns.clock, w.columns.verdict],
          report.stores.map((s) => [at(s), s.store, s.categories.map(label).join(', '), s.term ?? (s.ttlSeconds !== undefined ? `TTL ${s.ttlSeconds} s` : '—'), s.maxDays !== undefined ? w.days(Math.round(s.maxDays)) : '—', s.clockStarts ?? '—', w.verdicts.store[s.verdict]]),
        ),
  );
  section(
    w.sections.exceptions,
    w.intro.exceptions,
    report.exceptions.length === 0
      ? ''
      : table(
          [w.columns.status, w.columns.where, w.columns.rules, w.columns.reason, w.columns.until, w.columns.author, w.columns.date],
          report.exceptions.map((x) => [w.verdicts.exception[x.status], at(x), x.rules.map((r) => (r === '*' ? w.allRules : r)).join(', '), x.reason || '—', x.until ?? '—', x.author ?? '—', x.date ?? '—']),
        ),
  );
  section(
    w.sections.agreements,
    w.intro.agreements,
    table(
      [w.columns.status, w.columns.processor, w.columns.role, w.columns.agreement, w.columns.ends, w.columns.daysLeft],
      report.agreements.map((a) => [w.verdicts.agreement[a.status], a.label, w.role[a.role], a.reference ?? '—', a.ends ?? '—', a.daysLeft !== undefined ? w.days(a.daysLeft) : '—']),
    ),
  );
  section(
    w.sections.unclassified,
    w.intro.unclassified,
    report.unclassified.length === 0 ? '' : table([w.columns.name, w.columns.kind, w.columns.occurrences], report.unclassified.map((u) => [`\`${u.name}\``, u.kind, u.places.slice(0, 3).map(at).join(', ') + (u.places.length > 3 ? ` +${u.places.length - 3}` : '')])),
  );
  section(w.sections.register, w.intro.register, registerMarkdown(report, w));
  if (report.problems.length > 0) section(w.sections.problems, w.intro.problems, table([w.columns.where, w.columns.problem], report.problems.map((p) => [at(p), `${p.message} (${p.code})`])));
  return out.join('\n');
}

export function registerMarkdown(report: Report, w: Words): string {
  return table(
    [w.columns.processor, w.columns.role, w.columns.basis, w.columns.categories, w.columns.retention, w.columns.agreement, w.columns.purposes, w.columns.used],
    report.register.map((r) => [r.label, w.role[r.role], r.legalBasis + (r.legalBasisNote !== undefined ? ` — ${r.legalBasisNote}` : ''), r.categories.join(', ') || '—', r.retention.join('; ') || '—', r.agreement ?? '—', r.purposes.join(', ') || '—', r.used ? w.yes : w.no]),
  );
}

/** A pull-request comment: only what the change adds or removes. */
export function renderDiffMarkdown(diff: ReportDiff, report: Report, w: Words): string {
  const column = (key: string | undefined): string => {
    const c = report.columns.find((x) => x.key === key);
    return c ? (c.kind === 'unresolved' ? w.unresolvedColumn : c.label) : (key ?? '');
  };
  const flows = (list: readonly FlowChange[]): string =>
    table([w.columns.where, w.columns.category, w.columns.action, w.columns.to, w.columns.verdict], list.map((f) => [at(f), f.categoryLabel, `${w.actions[f.action]} (${f.what})`, f.action === 'log' ? w.logNode : column(f.to), f.allowed ? w.verdicts.allowed : `**${w.verdicts.notAllowed}**`]));
  const parts: string[] = [`### ${w.diff.title(diff.base)}`, ''];
  const add = (title: string, count: number, body: () => string): void => {
    if (count > 0) parts.push(`#### ${title} (${count})`, '', body(), '');
  };
  add(w.diff.addedFlows, diff.addedFlows.length, () => flows(diff.addedFlows));
  add(w.diff.removedFlows, diff.removedFlows.length, () => flows(diff.removedFlows));
  const stores = (list: ReportDiff['addedStores']): string => table([w.columns.where, w.columns.store, w.columns.term, w.columns.verdict], list.map((s) => [at(s), s.store, s.term ?? '—', w.verdicts.store[s.verdict]]));
  add(w.diff.addedStores, diff.addedStores.length, () => stores(diff.addedStores));
  add(w.diff.removedStores, diff.removedStores.length, () => stores(diff.removedStores));
  const exceptions = (list: ReportDiff['addedExceptions']): string => table([w.columns.where, w.columns.rules, w.columns.reason, w.columns.until], list.map((x) => [at(x), x.rules.join(', '), x.reason || '—', x.until ?? '—']));
  add(w.diff.addedExceptions, diff.addedExceptions.length, () => exceptions(diff.addedExceptions));
  add(w.diff.removedExceptions, diff.removedExceptions.length, () => exceptions(diff.removedExceptions));
  add(w.diff.addedUnclassified, diff.addedUnclassified.length, () => table([w.columns.name, w.columns.kind, w.columns.occurrences], diff.addedUnclassified.map((u) => [`\`${u.name}\``, u.kind, u.places.map(at).join(', ')])));
  if (parts.length === 2) parts.push(w.diff.nothing, '');
  return parts.join('\n');
}

export const md: Format = {
  name: 'md',
  report: {
    description: 'Markdown, for a wiki or, with --base, a pull-request comment',
    render: (report, context) => renderMarkdown(report, context.words),
    renderDiff: (diff, report, words) => renderDiffMarkdown(diff, report, words),
  },
};
