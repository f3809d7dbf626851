/**
 * What a change adds or removes, for a pull request: the report of the base compared with the report of the change.
 * Items are compared without their line numbers (a flow that only moved is not new): a flow is its category, file,
 * API and destination; a store its file, store and categories; an exception its file, rules and reason.
 */
import type { ExceptionRow, InventoryItem, Report, StoreRow, UnclassifiedRow } from './model';

export interface FlowChange extends InventoryItem {
  readonly category: string;
  readonly categoryLabel: string;
}

export interface ReportDiff {
  readonly base: string;
  readonly addedFlows: readonly FlowChange[];
  readonly removedFlows: readonly FlowChange[];
  readonly addedStores: readonly StoreRow[];
  readonly removedStores: readonly StoreRow[];
  /** New disable comments, and ones whose reason or expiry changed. */
  readonly addedExceptions: readonly ExceptionRow[];
  readonly removedExceptions: readonly ExceptionRow[];
  readonly addedUnclassified: readonly UnclassifiedRow[];
  /** Whether the change adds a flow that is not allowed or an exception: what `--fail-on-new` fails on. */
  readonly addsViolation: boolean;
}

function flows(report: Report): FlowChange[] {
  return report.categories.flatMap((c) => c.items.filter((i) => i.action === 'transfer' || i.action === 'log').map((i) => ({ ...i, category: c.id, categoryLabel: c.label })));
}

const flowKey = (f: FlowChange): string => [f.category, f.file, f.action, f.what, f.to ?? '', f.allowed].join('\0');
const storeKey = (s: StoreRow): string => [s.file, s.store, s.categories.join(','), s.term ?? '', s.verdict].join('\0');
const exceptionKey = (e: ExceptionRow): string => [e.file, e.rules.join(','), e.reason, e.until ?? ''].join('\0');

/**
 * Items of `head` not in `base`, counted per key: when a file sends the BSN twice and the change adds a third call,
 * one flow is added (the last by position).
 */
function added<T>(head: readonly T[], base: readonly T[], key: (t: T) => string): T[] {
  const remaining = new Map<string, number>();
  for (const item of base) remaining.set(key(item), (remaining.get(key(item)) ?? 0) + 1);
  const result: T[] = [];
  const byKey = new Map<string, T[]>();
  for (const item of head) byKey.set(key(item), [...(byKey.get(key(item)) ?? []), item]);
  for (const [k, items] of byKey) {
    const surplus = items.length - (remaining.get(k) ?? 0);
    if (surplus > 0) result.push(...items.slice(items.length - surplus));
  }
  return result;
}

export function diffReports(base: Report, head: Report, baseName: string): ReportDiff {
  const headFlows = flows(head);
  const baseFlows = flows(base);
  const addedFlows = added(headFlows, baseFlows, flowKey);
  const addedExceptions = added(head.exceptions, base.exceptions, exceptionKey);
  const baseNames = new Set(base.unclassified.map((u) => u.name));
  return {
    base: baseName,
    addedFlows,
    removedFlows: added(baseFlows, headFlows, flowKey),
    addedStores: added(head.stores, base.stores, storeKey),
    removedStores: added(base.stores, head.stores, storeKey),
    addedExceptions,
    removedExceptions: added(base.exceptions, head.exceptions, exceptionKey),
    addedUnclassified: head.unclassified.filter((u) => !baseNames.has(u.name)),
    addsViolation: addedFlows.some((f) => !f.allowed) || addedExceptions.length > 0,
  };
}
