/**
 * Builds the FG's report from the catalogue and what one analysis observed. Pure: the host gathers the input (the
 * observations `analyseFile` returns with `observe: true`, disable comments with their `git blame`, the dictionary's
 * unclassified names) and renders the result.
 */
import { CLOCK_STARTS, LEGAL_BASES, type Catalogue, type Category } from '../catalogue/model';
import type { Observation, UnclassifiedName } from '../analysis/observation';
import {
  columnKey,
  type AgreementRow,
  type CategoryInventory,
  type DiagramEdge,
  type DiagramNode,
  type ExceptionInput,
  type ExceptionRow,
  type InventoryItem,
  type MatrixColumn,
  type MatrixRow,
  type MatrixState,
  type Place,
  type RegisterRow,
  type Report,
  type StoreRow,
  type UnclassifiedRow,
} from './model';

type Positioned<T> = T & { readonly line: number; readonly column: number };

export interface ReportFileInput {
  /** Path relative to the project directory, with `/`. */
  readonly file: string;
  readonly observations: readonly Positioned<Observation>[];
  readonly unclassified: readonly Positioned<UnclassifiedName>[];
  readonly exceptions: readonly ExceptionInput[];
}

export interface ReportInput {
  readonly catalogue: Catalogue;
  /** The project directory's name, for the title. */
  readonly project: string;
  readonly typed: boolean;
  readonly files: readonly ReportFileInput[];
  readonly problems?: Report['problems'];
  readonly now: Date;
  /** Agreements ending within this many days are listed first as `ending`. Default 90. */
  readonly agreementWarningDays?: number;
  /** How many leading folders name a code area in the diagram (`src/zorg`). Default 2. */
  readonly areaDepth?: number;
  /** Catalogue file paths as the report should show them (relative to the project). */
  readonly catalogueFiles?: readonly string[];
}

export const DEFAULT_AGREEMENT_WARNING_DAYS = 90;
const DAY = 86_400_000;

export function buildReport(input: ReportInput): Report {
  const { catalogue } = input;
  const categoryOrder = [...catalogue.categories.keys()];
  const rank = (id: string): number => {
    const i = categoryOrder.indexOf(id);
    return i < 0 ? categoryOrder.length : i;
  };
  const byCategory = new Map<string, InventoryItem[]>();
  const add = (category: string, item: InventoryItem): void => {
    const list = byCategory.get(category);
    if (list) list.push(item);
    else byCategory.set(category, [item]);
  };
  const columns = new Map<string, MatrixColumn>();
  for (const processor of catalogue.processors.values()) columns.set(`processor:${processor.id}`, { key: `processor:${processor.id}`, kind: 'processor', label: processor.label });
  const unknownColumns = new Map<string, MatrixColumn>();
  const sent = new Map<string, Place[]>(); // `${category}\0${column}` → places
  const notAllowedCells = new Set<string>();
  const edges = new Map<string, { from: string; to: string; categories: Set<string>; count: number; allowed: boolean }>();
  const nodes = new Map<string, DiagramNode>();
  const stores: StoreRow[] = [];
  let flows = 0;
  let notAllowed = 0;

  const areaDepth = input.areaDepth ?? 2;
  for (const file of input.files) {
    const area = areaOf(file.file, areaDepth);
    for (const o of file.observations) {
      const place: Place = { file: file.file, line: o.line, column: o.column };
      switch (o.kind) {
        case 'transfer': {
          if (o.destination.kind === 'internal') {
            add(o.category, { ...place, action: 'transfer', what: `${o.api} → ${o.destination.host}`, allowed: true, path: o.path });
            break;
          }
          const key = columnKey(o.destination);
          if (!columns.has(key) && !unknownColumns.has(key)) {
            const d = o.destination;
            unknownColumns.set(key, d.kind === 'unresolved' ? { key, kind: 'unresolved', label: 'niet vast te stellen' } : { key, kind: 'unknown', label: d.kind === 'unknown' ? d.host : d.processor });
          }
          flows++;
          if (!o.allowed) notAllowed++;
          add(o.category, { ...place, action: 'transfer', what: o.api, to: key, allowed: o.allowed, path: o.path });
          const cell = `${o.category}\0${key}`;
          const places = sent.get(cell);
          if (places) places.push(place);
          else sent.set(cell, [place]);
          if (!o.allowed) notAllowedCells.add(cell);
          const column = columns.get(key) ?? unknownColumns.get(key);
          edge(edges, nodes, area, key, column?.kind ?? 'unknown', column?.label ?? key, o.category, o.allowed);
          break;
        }
        case 'log':
          flows++;
          notAllowed++;
          add(o.category, { ...place, action: 'log', what: o.api, allowed: false, path: o.path });
          edge(edges, nodes, area, 'log', 'log', 'logbestanden', o.category, false);
          break;
        case 'read':
          add(o.category, { ...place, action: 'read', what: o.what, allowed: o.allowed, path: o.path });
          break;
        case 'store': {
          const term = o.term !== undefined ? catalogue.retention.get(o.term) : undefined;
          const ok = o.verdict === 'ok';
          for (const category of o.categories) add(category, { ...place, action: 'store', what: o.store, allowed: ok, path: o.path });
          stores.push({
            ...place,
            store: o.store,
            storeKind: o.storeKind,
            categories: o.categories,
            ...(o.term !== undefined ? { term: o.term } : {}),
            ...(term ? { termLabel: term.label, termDuration: term.duration, clockStarts: CLOCK_STARTS[term.starts] } : {}),
            ...(o.ttlSeconds !== undefined ? { ttlSeconds: o.ttlSeconds } : {}),
            ...(o.maxDays !== undefined ? { maxDays: o.maxDays } : {}),
            verdict: o.verdict,
          });
          break;
        }
      }
    }
  }

  const categories: CategoryInventory[] = [];
  for (const category of catalogue.categories.values()) {
    const items = byCategory.get(category.id);
    if (!items) continue;
    categories.push({ id: category.id, label: category.label, special: category.special, identifier: category.identifier, restricted: category.restricted, items: items.sort(byPlace) });
  }

  const allColumns = [...columns.values(), ...[...unknownColumns.values()].sort((a, b) => (a.kind === b.kind ? a.label.localeCompare(b.label) : a.kind === 'unknown' ? -1 : 1))];
  const matrix: MatrixRow[] = [];
  for (const category of catalogue.categories.values()) {
    const cells = allColumns.map((column) => {
      const cell = `${category.id}\0${column.key}`;
      const places = (sent.get(cell) ?? []).sort(byPlace);
      const receives = column.kind === 'processor' && (catalogue.processors.get(column.key.slice('processor:'.length))?.receives.includes(category.id) ?? false);
      const state: MatrixState = places.length > 0 ? (notAllowedCells.has(cell) ? 'sent-not-allowed' : 'sent-allowed') : receives ? 'allowed-never-sent' : 'none';
      return { column: column.key, state, places };
    });
    if (cells.some((c) => c.state !== 'none')) matrix.push({ category: category.id, label: category.label, cells });
  }

  const exceptions = input.files.flatMap((f) => f.exceptions).map((e): ExceptionRow => ({ ...e, status: exceptionStatus(e, input.now) }));
  const statusRank = { expired: 0, 'no-reason': 1, active: 2 } as const;
  exceptions.sort((a, b) => statusRank[a.status] - statusRank[b.status] || byPlace(a, b));

  const agreements = agreementRows(catalogue, input.now, input.agreementWarningDays ?? DEFAULT_AGREEMENT_WARNING_DAYS);
  const unclassified = unclassifiedRows(input.files);
  const used = new Set([...sent.keys()].map((k) => k.split('\0')[1]));
  const register = registerRows(catalogue, used);
  const sortedStores = stores.sort(byPlace);

  return {
    ...(catalogue.organisation !== undefined ? { organisation: catalogue.organisation } : {}),
    date: isoDate(input.now),
    project: input.project,
    catalogueFiles: input.catalogueFiles ?? catalogue.files,
    typed: input.typed,
    summary: {
      files: input.files.length,
      flows,
      notAllowed,
      stores: sortedStores.length,
      storesWithoutRetention: sortedStores.filter((s) => s.verdict !== 'ok').length,
      exceptions: exceptions.length,
      expiredExceptions: exceptions.filter((e) => e.status === 'expired').length,
      agreementsEnding: agreements.filter((a) => a.status === 'ended' || a.status === 'ending').length,
      unclassified: unclassified.length,
    },
    categories,
    columns: allColumns,
    matrix,
    diagram: {
      nodes: [...nodes.values()].sort((a, b) => (a.kind === 'area') === (b.kind === 'area') ? a.label.localeCompare(b.label) : a.kind === 'area' ? -1 : 1),
      edges: [...edges.values()]
        .map((e): DiagramEdge => ({ from: e.from, to: e.to, categories: [...e.categories].sort((a, b) => rank(a) - rank(b)), count: e.count, allowed: e.allowed }))
        .sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to)),
    },
    stores: sortedStores,
    exceptions,
    agreements,
    unclassified,
    register,
    problems: input.problems ?? [],
  };
}

function edge(
  edges: Map<string, { from: string; to: string; categories: Set<string>; count: number; allowed: boolean }>,
  nodes: Map<string, DiagramNode>,
  area: string,
  to: string,
  kind: DiagramNode['kind'],
  label: string,
  category: string,
  allowed: boolean,
): void {
  const from = `area:${area}`;
  if (!nodes.has(from)) nodes.set(from, { id: from, kind: 'area', label: area });
  if (!nodes.has(to)) nodes.set(to, { id: to, kind, label });
  const key = `${from}\0${to}`;
  const existing = edges.get(key);
  if (existing) {
    existing.categories.add(category);
    existing.count++;
    existing.allowed &&= allowed;
  } else {
    edges.set(key, { from, to, categories: new Set([category]), count: 1, allowed });
  }
}

/** The code area of a file: its first `depth` folders (`src/zorg/plan.ts` → `src/zorg`), `.` at the root. */
export function areaOf(file: string, depth: number): string {
  const folders = file.split('/').slice(0, -1);
  return folders.length === 0 ? '.' : folders.slice(0, Math.max(1, depth)).join('/');
}

function exceptionStatus(e: ExceptionInput, now: Date): ExceptionRow['status'] {
  if (e.until !== undefined && e.until < isoDate(now)) return 'expired';
  if (e.reason.trim() === '') return 'no-reason';
  return 'active';
}

function agreementRows(catalogue: Catalogue, now: Date, warningDays: number): AgreementRow[] {
  const today = Date.parse(isoDate(now));
  const rows = [...catalogue.processors.values()].map((p): AgreementRow => {
    const ends = p.agreement?.ends;
    const daysLeft = ends !== undefined ? Math.round((Date.parse(ends) - today) / DAY) : undefined;
    const status: AgreementRow['status'] =
      daysLeft !== undefined && daysLeft < 0 ? 'ended' : daysLeft !== undefined && daysLeft <= warningDays ? 'ending' : p.role === 'processor' && !p.agreement ? 'missing' : 'ok';
    return {
      processor: p.id,
      label: p.label,
      role: p.role,
      ...(p.agreement ? { reference: p.agreement.reference } : {}),
      ...(ends !== undefined ? { ends } : {}),
      ...(daysLeft !== undefined ? { daysLeft } : {}),
      status,
    };
  });
  const rank = { ended: 0, ending: 1, missing: 2, ok: 3 } as const;
  return rows.sort((a, b) => rank[a.status] - rank[b.status] || (a.daysLeft ?? Infinity) - (b.daysLeft ?? Infinity) || a.label.localeCompare(b.label));
}

function unclassifiedRows(files: readonly ReportFileInput[]): UnclassifiedRow[] {
  const byName = new Map<string, { kind: string; places: Place[] }>();
  for (const file of files) {
    for (const u of file.unclassified) {
      const key = u.name;
      const entry = byName.get(key) ?? { kind: u.kind, places: [] };
      entry.places.push({ file: file.file, line: u.line, column: u.column });
      byName.set(key, entry);
    }
  }
  return [...byName]
    .map(([name, { kind, places }]) => ({ name, kind, places: places.sort(byPlace), yaml: yamlSnippet(name, kind) }))
    .sort((a, b) => b.places.length - a.places.length || a.name.localeCompare(b.name));
}

/** A catalogue entry the FG can paste and complete: id and label from the name, a retention term still to choose. */
export function yamlSnippet(name: string, kind: string): string {
  const id = name
    .replace(/([a-z0-9])([A-Z])/gu, '$1-$2')
    .replace(/[^A-Za-z0-9]+/gu, '-')
    .replace(/^-|-$/gu, '')
    .toLowerCase();
  return [`  ${id}:`, `    label: ${name} # VOORSTEL (${kind}): controleer de omschrijving`, '    retention: [] # kies een bewaartermijn uit retention:', '    match:', `      names: [${name}]`].join('\n');
}

function registerRows(catalogue: Catalogue, used: ReadonlySet<string | undefined>): RegisterRow[] {
  const purposesOf = (category: Category): string[] => {
    const rule = catalogue.access.get(category.id);
    return rule ? rule.purposes.map((id) => catalogue.purposes.get(id)?.label ?? id) : [];
  };
  return [...catalogue.processors.values()].map((p) => {
    const received = p.receives.map((id) => catalogue.categories.get(id)).filter((c): c is Category => c !== undefined);
    const retention = new Set<string>();
    for (const c of received) {
      for (const id of c.retention) {
        const term = catalogue.retention.get(id);
        if (term) retention.add(`${term.label} (${term.duration}, vanaf ${CLOCK_STARTS[term.starts]})`);
      }
    }
    return {
      processor: p.id,
      label: p.label,
      role: p.role,
      legalBasis: LEGAL_BASES[p.legalBasis],
      ...(p.legalBasisNote !== undefined ? { legalBasisNote: p.legalBasisNote } : {}),
      categories: received.map((c) => c.label),
      retention: [...retention],
      ...(p.agreement ? { agreement: p.agreement.reference + (p.agreement.ends !== undefined ? ` (tot ${p.agreement.ends})` : '') } : {}),
      purposes: [...new Set(received.flatMap(purposesOf))],
      used: used.has(`processor:${p.id}`),
    };
  });
}

function byPlace(a: Place, b: Place): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column;
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
