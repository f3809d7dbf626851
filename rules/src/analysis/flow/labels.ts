/**
 * The values of the flow analysis. A value is the set of labels an expression carries: either a category of personal
 * data (with where it was read and how it got here), or a placeholder for "whatever parameter i of function F carries",
 * which a function summary fills in at each call site.
 */
import type * as ts from 'typescript';
import type { Category } from '../../catalogue/model';
import type { StepPhrase } from './steps';

/** Why an expression is classified as a category. */
export type MatchReason = 'name' | 'type' | 'member' | 'tag' | 'brand' | 'sanitiser';

/**
 * One step of a flow, linked to the step before it, so extending a trace is O(1) and traces share their prefixes.
 * The first step (no `prev`) is where the data was read.
 */
export interface TraceStep {
  readonly node: ts.Node;
  /** What happens here, as a phrase put into words only when the trace becomes a finding's path (`steps.ts`). */
  readonly phrase: StepPhrase;
  readonly prev: TraceStep | undefined;
  readonly length: number;
}

/** Traces longer than this stop growing: the source and the last steps are what people read. */
const MAX_TRACE = 24;

export function step(prev: TraceStep | undefined, node: ts.Node, phrase: StepPhrase): TraceStep {
  if (prev && prev.length >= MAX_TRACE) return prev;
  if (prev && prev.node === node) return prev;
  return { node, phrase, prev, length: (prev?.length ?? 0) + 1 };
}

export function traceToArray(trace: TraceStep | undefined): TraceStep[] {
  const steps: TraceStep[] = [];
  for (let s = trace; s; s = s.prev) steps.push(s);
  return steps.reverse();
}

/** Appends `tail` (oldest first) after `head`. */
export function appendTrace(head: TraceStep | undefined, tail: TraceStep | undefined): TraceStep | undefined {
  let result = head;
  for (const s of traceToArray(tail)) result = step(result, s.node, s.phrase);
  return result;
}

/**
 * A transformation of a value on its way: taking a property, dropping properties, putting the value under a
 * property, turning it into a string, or a sanitiser removing categories. Concrete labels are transformed at once;
 * parameter labels record the operations so they can be replayed on the argument at a call site.
 */
export type Operation =
  | { readonly op: 'get'; readonly key: string }
  | { readonly op: 'omit'; readonly keys: readonly string[] }
  | { readonly op: 'put'; readonly key: string }
  | { readonly op: 'flatten' }
  | { readonly op: 'remove'; readonly categories: readonly string[] | 'all' }
  | { readonly op: 'spread'; readonly except: readonly string[] };

/**
 * The path segment for "some member of this object, under a key not known statically": what spreading a value that
 * is itself a category (`{ ...inschrijving, bsn }`) puts into the new object, except under the keys written after it.
 */
export const SOME_MEMBER = '\u2026';

/** Personal data of one category. `path` is where in the value it sits: `[]` the value itself, `['bsn']` its `bsn` property. */
export interface CategoryLabel {
  readonly kind: 'category';
  readonly category: Category;
  readonly path: readonly string[];
  readonly reason: MatchReason;
  readonly trace: TraceStep;
  /** With path `[SOME_MEMBER, …]`: the keys it is known not to be under. */
  readonly except?: readonly string[];
}

/** Whatever the argument at position `index` of a call to `fn` carries, after `ops`. */
export interface ParameterLabel {
  readonly kind: 'parameter';
  readonly fn: ts.SignatureDeclaration;
  readonly index: number;
  readonly ops: readonly Operation[];
  /** Steps inside `fn`, starting at the parameter. */
  readonly trace: TraceStep;
}

export type Label = CategoryLabel | ParameterLabel;
export type Value = readonly Label[];

export const EMPTY: Value = [];

const MAX_PATH = 4;
const MAX_OPS = 8;
const MAX_LABELS = 48;

export function labelKey(label: Label): string {
  if (label.kind === 'category') return `c\0${label.category.id}\0${label.path.join('.')}\0${label.except?.join(',') ?? ''}`;
  return `p\0${label.index}\0${opsKey(label.ops)}`;
}

function opsKey(ops: readonly Operation[]): string {
  return ops
    .map((o) => (o.op === 'get' || o.op === 'put' ? `${o.op}:${o.key}` : o.op === 'omit' ? `omit:${o.keys.join(',')}` : o.op === 'remove' ? `remove:${o.categories === 'all' ? '*' : o.categories.join(',')}` : o.op === 'spread' ? `spread:${o.except.join(',')}` : o.op))
    .join('|');
}

/**
 * Unions values. Of two labels for the same thing the one with the shorter path is kept (the first on a tie), so the
 * path a finding shows is the shortest one found, whichever way the analysis came to it.
 */
export function union(...values: readonly Value[]): Value {
  return unionOf(values);
}

/**
 * `union` over a list of any length. Spreading a list into `union(...)` puts every element on the call stack: an array
 * literal of 150,000 elements overflowed it and stopped three rules for the whole file.
 */
export function unionOf(values: readonly Value[]): Value {
  const nonEmpty = values.filter((v) => v.length > 0);
  if (nonEmpty.length === 0) return EMPTY;
  if (nonEmpty.length === 1) return nonEmpty[0] ?? EMPTY;
  const at = new Map<string, number>();
  const result: Label[] = [];
  for (const value of nonEmpty) {
    for (const label of value) {
      const key = labelKey(label);
      const index = at.get(key);
      if (index !== undefined) {
        const kept = result[index];
        if (kept && label.trace.length < kept.trace.length) result[index] = label;
        continue;
      }
      if (result.length >= MAX_LABELS) continue;
      at.set(key, result.length);
      result.push(label);
    }
  }
  return result;
}

/** Applies one operation to every label of a value. */
export function apply(value: Value, operation: Operation): Value {
  if (value.length === 0) return value;
  const result: Label[] = [];
  for (const label of value) {
    const next = label.kind === 'category' ? applyToCategory(label, operation) : applyToParameter(label, operation);
    if (next) result.push(next);
  }
  return union(result);
}

function applyToCategory(label: CategoryLabel, operation: Operation): CategoryLabel | undefined {
  switch (operation.op) {
    case 'get': {
      // A part of a value that *is* the category (a BSN string's characters, a field of a zorgdossier) is still it.
      if (label.path.length === 0) return label;
      if (label.path[0] === SOME_MEMBER) return label.except?.includes(operation.key) ? undefined : { ...label, path: label.path.slice(1), except: undefined };
      return label.path[0] === operation.key ? { ...label, path: label.path.slice(1) } : undefined;
    }
    case 'spread': {
      if (label.path.length === 0) return { ...label, path: [SOME_MEMBER], except: operation.except };
      if (label.path[0] === SOME_MEMBER) return { ...label, except: [...(label.except ?? []), ...operation.except] };
      return operation.except.includes(label.path[0] ?? '') ? undefined : label;
    }
    case 'omit':
      return label.path.length > 0 && operation.keys.includes(label.path[0] ?? '') ? undefined : label;
    case 'put':
      return { ...label, path: [operation.key, ...label.path].slice(0, MAX_PATH) };
    case 'flatten':
      return label.path.length === 0 ? label : { ...label, path: [], except: undefined };
    case 'remove':
      return operation.categories === 'all' || operation.categories.includes(label.category.id) ? undefined : label;
  }
}

function applyToParameter(label: ParameterLabel, operation: Operation): ParameterLabel {
  const ops = appendOperation(label.ops, operation);
  // A chain longer than MAX_OPS keeps its first operations and flattens after them: the first ones are what picks a
  // part of the argument (`const { sd } = args`, `args.start`), and losing them made every member of the argument
  // count (an id in `{ target, sd }` flowing into a log through `sd`). Flattening the rest keeps every category the
  // kept part can hold, so it errs on reporting.
  return { ...label, ops: ops.length > MAX_OPS ? [...ops.slice(0, MAX_OPS - 1), { op: 'flatten' }] : ops };
}

/**
 * `ops` followed by `operation`, where a `get` of the key the last operation put cancels it (`{ a: x }.a` is `x`): exact,
 * and it keeps a value that is wrapped and unwrapped again (`const w = { a: opties }; w.a.vanaf`) from using up the
 * chain's length.
 */
function appendOperation(ops: readonly Operation[], operation: Operation): readonly Operation[] {
  const last = ops[ops.length - 1];
  if (last?.op === 'put' && operation.op === 'get' && last.key === operation.key) return ops.slice(0, -1);
  return [...ops, operation];
}

export function applyAll(value: Value, operations: readonly Operation[]): Value {
  let result = value;
  for (const operation of operations) result = apply(result, operation);
  return result;
}

/** Adds a step to every label's trace (parameter labels too: their trace is the part inside the function). */
export function withStep(value: Value, node: ts.Node, phrase: StepPhrase): Value {
  if (value.length === 0) return value;
  // A trace that does not grow (the step is where it already is, or it is as long as traces get) keeps its label:
  // labels are never changed, so the value is shared instead of copied label by label.
  let result: Label[] | undefined;
  for (let i = 0; i < value.length; i++) {
    const label = value[i] as Label;
    const trace = step(label.trace, node, phrase);
    if (trace === label.trace) {
      result?.push(label);
      continue;
    }
    result ??= value.slice(0, i);
    result.push({ ...label, trace });
  }
  return result ?? value;
}

export function categoriesOf(value: Value): CategoryLabel[] {
  return value.filter((l): l is CategoryLabel => l.kind === 'category');
}

export function parametersOf(value: Value): ParameterLabel[] {
  return value.filter((l): l is ParameterLabel => l.kind === 'parameter');
}

/** Whether two values carry the same labels (traces aside). */
export function sameLabels(a: Value, b: Value): boolean {
  if (a.length !== b.length) return false;
  const keys = new Set(a.map(labelKey));
  return b.every((l) => keys.has(labelKey(l)));
}
