/**
 * The report as one self-contained HTML file: inline CSS, an inline SVG diagram and a few lines of inline script for
 * the filters; no external resource of any kind, so it opens offline, prints (or saves as PDF) as it shows, and
 * makes no network request. Every place links to its file and line.
 */
import type { InventoryItem, MatrixColumn, Place, Report } from '@avglint/rules';
import { diagramSvg } from './diagram';
import { escapeXml as e } from './escape';
import type { Format } from './format';
import type { Words } from './words';

export interface HtmlOptions {
  readonly words: Words;
  readonly locale: string;
  /**
   * How a place becomes a link: a prefix for `file#Lline` (a repository's web view), or, by default, the file path
   * relative to the report (`../src/x.ts`) so the link opens the file next to the report.
   */
  readonly link: (place: Place) => string;
}

export function renderHtml(report: Report, options: HtmlOptions): string {
  const w = options.words;
  const categoryLabel = (id: string): string => report.categories.find((c) => c.id === id)?.label ?? report.matrix.find((r) => r.category === id)?.label ?? id;
  const columnLabel = (column: MatrixColumn): string => (column.kind === 'unresolved' ? w.unresolvedColumn : column.label);
  const columnByKey = new Map(report.columns.map((c) => [c.key, c]));
  const place = (p: Place): string => `<a href="${e(options.link(p))}">${e(p.file)}:${p.line}</a>`;
  const sections: { id: string; title: string; intro: string; body: string }[] = [];

  // 1. Inventory
  const inventory = report.categories
    .map((c) => {
      const tags = [c.special ? w.special : '', c.identifier ? w.identifier : '', c.restricted ? w.restricted : ''].filter((t) => t !== '');
      const rows = c.items.map((i) => inventoryRow(i, c.id, columnByKey, columnLabel, place, w)).join('');
      return (
        `<section class="category" data-category="${e(c.id)}"><h3>${e(c.label)}${tags.length > 0 ? ` <small>(${e(tags.join(', '))})</small>` : ''}</h3>` +
        `<table><thead><tr><th>${e(w.columns.where)}</th><th>${e(w.columns.action)}</th><th>${e(w.columns.what)}</th><th>${e(w.columns.to)}</th><th>${e(w.columns.verdict)}</th></tr></thead><tbody>${rows}</tbody></table></section>`
      );
    })
    .join('');
  sections.push({ id: 'inventaris', title: w.sections.inventory, intro: w.intro.inventory, body: inventory || `<p class="empty">${e(w.none)}</p>` });

  // 2. Matrix
  const usedColumns = report.columns.filter((c) => report.matrix.some((r) => r.cells.some((cell) => cell.column === c.key && cell.state !== 'none')));
  const matrix =
    report.matrix.length === 0
      ? `<p class="empty">${e(w.none)}</p>`
      : `<div class="scroll"><table class="matrix"><thead><tr><th>${e(w.columns.category)}</th>${usedColumns
          .map((c) => `<th class="col-${c.kind}" data-processor="${e(c.key)}">${e(columnLabel(c))}${c.kind !== 'processor' ? ` <small>(${e(c.kind === 'unknown' ? w.unknownColumn : w.unresolvedColumn)})</small>` : ''}</th>`)
          .join('')}</tr></thead><tbody>${report.matrix
          .map(
            (row) =>
              `<tr data-category="${e(row.category)}"><th>${e(row.label)}</th>${usedColumns
                .map((c) => {
                  const cell = row.cells.find((x) => x.column === c.key);
                  if (!cell || cell.state === 'none') return `<td data-processor="${e(c.key)}"></td>`;
                  const title = `${w.verdicts.matrix[cell.state]}${cell.places.length > 0 ? `: ${cell.places.map((p) => `${p.file}:${p.line}`).join(', ')}` : ''}`;
                  const mark = cell.state === 'sent-not-allowed' ? '✗' : cell.state === 'sent-allowed' ? '✓' : '○';
                  return `<td class="${cell.state}" data-processor="${e(c.key)}" title="${e(title)}">${mark}${cell.places.length > 1 ? ` ${cell.places.length}` : ''}</td>`;
                })
                .join('')}</tr>`,
          )
          .join('')}</tbody></table></div><p class="legend"><span class="sent-not-allowed">✗ ${e(w.verdicts.matrix['sent-not-allowed'])}</span> <span class="sent-allowed">✓ ${e(w.verdicts.matrix['sent-allowed'])}</span> <span class="allowed-never-sent">○ ${e(w.verdicts.matrix['allowed-never-sent'])}</span></p>`;
  sections.push({ id: 'matrix', title: w.sections.matrix, intro: w.intro.matrix, body: matrix });

  // 3. Diagram
  const diagram = {
    nodes: report.diagram.nodes.map((n) => (n.kind === 'log' ? { ...n, label: w.logNode } : n.kind === 'unresolved' ? { ...n, label: w.unresolvedColumn } : n)),
    edges: report.diagram.edges,
  };
  sections.push({ id: 'stromen', title: w.sections.diagram, intro: w.intro.diagram, body: `<div class="scroll">${diagramSvg(diagram, categoryLabel, { empty: w.none, title: w.sections.diagram })}</div>` });

  // 4. Stores
  const stores =
    report.stores.length === 0
      ? `<p class="empty">${e(w.none)}</p>`
      : table(
          [w.columns.where, w.columns.store, w.columns.categories, w.columns.term, w.columns.max, w.columns.clock, w.columns.verdict],
          report.stores.map((s) => ({
            attrs: `data-category="${e(s.categories.join(' '))}" class="${s.verdict === 'ok' ? 'ok' : 'bad'}"`,
            cells: [
              place(s),
              e(s.store),
              e(s.categories.map(categoryLabel).join(', ')),
              s.term !== undefined ? `<code>${e(s.term)}</code>${s.termDuration !== undefined ? ` (${e(s.termLabel ?? '')}, ${e(s.termDuration)})` : ''}` : s.ttlSeconds !== undefined ? `TTL ${s.ttlSeconds} s` : '—',
              s.maxDays !== undefined ? e(w.days(Math.round(s.maxDays))) : '—',
              e(s.clockStarts ?? '—'),
              e(w.verdicts.store[s.verdict]),
            ],
          })),
        );
  sections.push({ id: 'opslag', title: w.sections.stores, intro: w.intro.stores, body: stores });

  // 5. Exceptions
  const exceptions =
    report.exceptions.length === 0
      ? `<p class="empty">${e(w.none)}</p>`
      : table(
          [w.columns.status, w.columns.where, w.columns.rules, w.columns.reason, w.columns.until, w.columns.author, w.columns.date],
          report.exceptions.map((x) => ({
            attrs: `class="${x.status === 'active' ? '' : 'bad'}"`,
            cells: [
              e(w.verdicts.exception[x.status]),
              place(x),
              e(x.rules.map((r) => (r === '*' ? w.allRules : r)).join(', ')),
              e(x.reason || '—'),
              e(x.until ?? '—'),
              e(x.author ?? '—'),
              e(x.date ?? '—'),
            ],
          })),
        );
  sections.push({ id: 'uitzonderingen', title: w.sections.exceptions, intro: w.intro.exceptions, body: exceptions });

  // 6. Agreements
  sections.push({
    id: 'overeenkomsten',
    title: w.sections.agreements,
    intro: w.intro.agreements,
    body: table(
      [w.columns.status, w.columns.processor, w.columns.role, w.columns.agreement, w.columns.ends, w.columns.daysLeft],
      report.agreements.map((a) => ({
        attrs: `data-processor="processor:${e(a.processor)}" class="${a.status === 'ok' ? '' : 'bad'}"`,
        cells: [e(w.verdicts.agreement[a.status]), e(a.label), e(w.role[a.role]), e(a.reference ?? '—'), e(a.ends ?? '—'), a.daysLeft !== undefined ? e(w.days(a.daysLeft)) : '—'],
      })),
    ),
  });

  // 7. Unclassified
  const unclassified =
    report.unclassified.length === 0
      ? `<p class="empty">${e(w.none)}</p>`
      : table(
          [w.columns.name, w.columns.kind, w.columns.occurrences, w.columns.snippet],
          report.unclassified.map((u) => ({
            attrs: '',
            cells: [`<code>${e(u.name)}</code>`, e(u.kind), u.places.slice(0, 5).map(place).join('<br>') + (u.places.length > 5 ? `<br>+${u.places.length - 5}` : ''), `<pre>${e(u.yaml)}</pre>`],
          })),
        );
  sections.push({ id: 'niet-in-catalogus', title: w.sections.unclassified, intro: w.intro.unclassified, body: unclassified });

  // 8. Register
  sections.push({
    id: 'verwerkingsregister',
    title: w.sections.register,
    intro: w.intro.register,
    body: table(
      [w.columns.processor, w.columns.role, w.columns.basis, w.columns.categories, w.columns.retention, w.columns.agreement, w.columns.purposes, w.columns.used],
      report.register.map((r) => ({
        attrs: `data-processor="processor:${e(r.processor)}"`,
        cells: [
          e(r.label),
          e(w.role[r.role]),
          e(r.legalBasis) + (r.legalBasisNote !== undefined ? `<br><small>${e(r.legalBasisNote)}</small>` : ''),
          e(r.categories.join(', ') || '—'),
          r.retention.map(e).join('<br>') || '—',
          e(r.agreement ?? '—'),
          e(r.purposes.join(', ') || '—'),
          r.used ? w.yes : w.no,
        ],
      })),
    ),
  });

  if (report.problems.length > 0) {
    sections.push({
      id: 'problemen',
      title: w.sections.problems,
      intro: w.intro.problems,
      body: table([w.columns.where, w.columns.problem], report.problems.map((p) => ({ attrs: 'class="bad"', cells: [place(p), `${e(p.message)} <small>(${e(p.code)})</small>`] }))),
    });
  }

  const categoryOptions = report.categories.map((c) => `<option value="${e(c.id)}">${e(c.label)}</option>`).join('');
  const processorOptions = usedColumns.map((c) => `<option value="${e(c.key)}">${e(columnLabel(c))}</option>`).join('');
  const title = `${w.title}${report.organisation !== undefined ? ` — ${report.organisation}` : ''}`;
  return `<!doctype html>
<html lang="${e(options.locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>${e(title)}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>${e(title)}</h1>
<p>${e(w.generated(report.date, report.project))} ${e(w.typed(report.typed))} ${e(w.catalogue)}: ${report.catalogueFiles.map((f) => `<code>${e(f)}</code>`).join(', ')}</p>
<p class="summary" id="summary">${e(w.summary({ ...report.summary }))}</p>
</header>
<nav class="toc"><h2>${e(w.contents)}</h2><ol>${sections.map((s) => `<li><a href="#${s.id}">${e(s.title.replace(/^\d+\.\s*/u, ''))}</a></li>`).join('')}</ol></nav>
<form class="filters" id="filters">
<label>${e(w.filters.category)} <select id="filter-category"><option value="">${e(w.filters.all)}</option>${categoryOptions}</select></label>
<label>${e(w.filters.processor)} <select id="filter-processor"><option value="">${e(w.filters.all)}</option>${processorOptions}</select></label>
</form>
<main>
${sections.map((s) => `<section class="part" id="${s.id}"><h2>${e(s.title)}</h2><p class="intro">${e(s.intro)}</p>${s.body}</section>`).join('\n')}
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

function inventoryRow(
  i: InventoryItem,
  category: string,
  columns: ReadonlyMap<string, MatrixColumn>,
  columnLabel: (c: MatrixColumn) => string,
  place: (p: Place) => string,
  w: Words,
): string {
  const column = i.to !== undefined ? columns.get(i.to) : undefined;
  const to = column ? columnLabel(column) : i.action === 'log' ? w.logNode : '';
  const path = i.path.length > 1 ? `<details><summary>${e(w.pathSteps(i.path.length))}</summary><ol>${i.path.map((s) => `<li>${e(s.description)} <small>(${e(s.line.toString())}:${e(s.column.toString())})</small></li>`).join('')}</ol></details>` : '';
  return `<tr data-category="${e(category)}"${i.to !== undefined ? ` data-processor="${e(i.to)}"` : ''} class="${i.allowed ? 'ok' : 'bad'}"><td>${place(i)}</td><td>${e(w.actions[i.action])}</td><td>${e(i.what)}${path}</td><td>${e(to)}</td><td>${e(i.allowed ? w.verdicts.allowed : w.verdicts.notAllowed)}</td></tr>`;
}

function table(headers: readonly string[], rows: readonly { attrs: string; cells: readonly string[] }[]): string {
  return `<table><thead><tr>${headers.map((h) => `<th>${e(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr ${r.attrs}>${r.cells.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
}

const CSS = `
:root { --bad: #b3261e; --ok: #1e7b34; --muted: #666; --line: #ddd; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 2rem auto; max-width: 75rem; padding: 0 1rem; color: #1b1b1b; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { font-size: 1.25rem; border-bottom: 2px solid var(--line); padding-bottom: .2rem; margin-top: 2rem; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .3rem; } small { color: var(--muted); font-weight: normal; }
.summary { font-weight: 600; background: #f4f4f4; padding: .5rem .75rem; border-left: 4px solid #555; }
.intro { color: #333; max-width: 60rem; } .empty { color: var(--muted); font-style: italic; }
table { border-collapse: collapse; width: 100%; margin: .3rem 0 1rem; } th, td { border: 1px solid var(--line); padding: .25rem .45rem; text-align: left; vertical-align: top; }
thead th { background: #f0f0f0; } tr.bad td:last-child, td.sent-not-allowed { color: var(--bad); font-weight: 600; } tr.ok td:last-child, td.sent-allowed { color: var(--ok); }
td.allowed-never-sent { color: var(--muted); } table.matrix td { text-align: center; } table.matrix th { font-size: .85rem; }
.legend span { margin-right: 1rem; } .legend .sent-not-allowed { color: var(--bad); } .legend .sent-allowed { color: var(--ok); } .legend .allowed-never-sent { color: var(--muted); }
.scroll { overflow-x: auto; } pre { margin: 0; font-size: .8rem; white-space: pre; } code { font-size: .9em; }
.toc ol { columns: 2; } .filters { position: sticky; top: 0; background: #fff; padding: .4rem 0; border-bottom: 1px solid var(--line); z-index: 1; }
.filters label { margin-right: 1.5rem; }
svg.diagram text { font: 12px system-ui, sans-serif; fill: #1b1b1b; } svg.diagram .node rect { fill: #fff; stroke: #555; }
svg.diagram .node.area rect { fill: #eef3fb; } svg.diagram .node.unknown rect, svg.diagram .node.unresolved rect { fill: #fff4e5; stroke: #b26a00; }
svg.diagram .node.log rect { fill: #f6eefa; }
svg.diagram .edge polyline { fill: none; stroke-width: 1.6; } svg.diagram .edge.ok polyline { stroke: var(--ok); } svg.diagram .edge.bad polyline { stroke: var(--bad); stroke-width: 2.2; }
svg.diagram .edge text { font-size: 11px; fill: #333; } svg.diagram #arrow-ok path { fill: var(--ok); } svg.diagram #arrow-bad path { fill: var(--bad); }
svg.diagram .hidden { opacity: .08; }
.hidden { display: none; }
/* A large project's report has thousands of rows: sections out of view are laid out only when scrolled to. */
section.part, section.category { content-visibility: auto; contain-intrinsic-size: auto 600px; }
details { display: inline; margin-left: .4rem; } details ol { margin: .2rem 0; padding-left: 1.2rem; font-size: .85rem; }
@media print { section.part, section.category { content-visibility: visible; } .filters { display: none; } body { margin: 0; max-width: none; } a { color: inherit; text-decoration: none; } section.part { break-inside: auto; } h2 { break-after: avoid; } tr { break-inside: avoid; } }
`;

// Filters rows by data-category / data-processor; the diagram dims the arrows that do not match. No network, no libraries.
const SCRIPT = `
(function () {
  var cat = document.getElementById('filter-category'), proc = document.getElementById('filter-processor');
  function apply() {
    var c = cat.value, p = proc.value;
    document.querySelectorAll('[data-category], [data-processor]').forEach(function (el) {
      if (el.tagName === 'OPTION' || el.tagName === 'TH' || el.tagName === 'TD') return;
      var cats = (el.getAttribute('data-category') || '').split(' ');
      var okC = !c || !el.hasAttribute('data-category') || cats.indexOf(c) >= 0;
      var okP = !p || !el.hasAttribute('data-processor') || el.getAttribute('data-processor') === p;
      el.classList.toggle('hidden', !(okC && okP));
    });
    document.querySelectorAll('svg.diagram .edge').forEach(function (el) {
      var cats = (el.getAttribute('data-categories') || '').split(' ');
      var show = (!c || cats.indexOf(c) >= 0) && (!p || el.getAttribute('data-to') === p || (p.indexOf('processor:') === 0 && el.getAttribute('data-to') === p));
      el.classList.toggle('hidden', !show);
    });
  }
  cat.addEventListener('change', apply); proc.addEventListener('change', apply);
})();
`;

export const html: Format = {
  name: 'html',
  report: {
    description: 'one self-contained HTML file: print it or save it as PDF',
    default: true,
    render: (report, context) => renderHtml(report, { words: context.words, locale: context.locale, link: context.link }),
  },
};
