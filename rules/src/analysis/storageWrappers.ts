/**
 * Store wrappers: the project's own functions that pass a parameter on to a store write. A wrapper module over the
 * MongoDB driver (`insertOne: (object) => instance.collection(name).insertOne(object)`), a repository's `save(user)`
 * over Prisma or `fs.writeFile`: the write inside stores only what its callers give it, so the store is reported at
 * each call that passes catalogued data, with the categories the write inside does not already report itself.
 *
 * A function's summary — which parameters reach which store, after which operations — is computed once per program
 * from the writes `storage.ts` recognises in its body (found by probing the function's file once) and from the
 * wrappers it calls in turn. A `@retention` tag on the wrapper or on the write inside covers every call.
 */
// Default import: `import * as` would read every member through an esModuleInterop getter (a sixth of the time).
import type ts from 'typescript';
import type { FlowEngine } from './flow/engine';
import { forEachCall, shortText, type FunctionWithBody } from './flow/syntax';
import { categoriesOf, parametersOf, type ParameterLabel } from './flow/labels';
import type { StoreKind } from './libraries/storage';

/** A store write found in a probed file, whether or not it stores catalogued data itself. */
export interface ProbedWrite {
  readonly kind: StoreKind;
  readonly store: string;
  readonly reportNode: ts.Node;
  /** The declaration and the other nodes whose JSDoc may hold its `@retention` tag. */
  readonly documented: readonly ts.Node[];
  /** The written values. */
  readonly values: readonly ts.Expression[];
  /** The ids of the categories reported at the write itself. */
  readonly categories: ReadonlySet<string>;
}

/** A parameter of a function that reaches a store. */
export interface StoreReach {
  readonly label: ParameterLabel;
  readonly kind: StoreKind;
  readonly store: string;
  /** Where a `@retention` tag covers the write: the write inside and the functions around it, down the chain. */
  readonly documented: readonly ts.Node[];
  /** Categories already reported further down (at the write or at a wrapper call inside). */
  readonly covered: ReadonlySet<string>;
}

/** How deep wrappers may call wrappers. */
const MAX_DEPTH = 6;

export class StoreWrappers {
  private readonly files = new WeakMap<ts.SourceFile, readonly ProbedWrite[]>();
  private readonly summaries = new WeakMap<ts.Node, readonly StoreReach[]>();
  private readonly busy = new Set<ts.Node>();

  constructor(
    private readonly engine: FlowEngine,
    private readonly probe: (file: ts.SourceFile) => readonly ProbedWrite[],
  ) {}

  /** Which parameters of `fn` reach which stores, directly or through the wrappers it calls. */
  reachesOf(fn: FunctionWithBody): readonly StoreReach[] {
    const cached = this.summaries.get(fn);
    if (cached) return cached;
    if (this.busy.has(fn) || this.busy.size >= MAX_DEPTH) return [];
    this.busy.add(fn);
    const found: StoreReach[] = [];
    try {
      const body = fn.body;
      for (const write of this.writesIn(fn.getSourceFile())) {
        if (write.reportNode.pos < body.pos || write.reportNode.end > body.end) continue;
        for (const value of write.values) {
          for (const label of parametersOf(this.engine.valueOf(value))) {
            if (label.fn === fn) found.push({ label, kind: write.kind, store: write.store, documented: write.documented, covered: write.categories });
          }
        }
      }
      forEachCall(body, (call) => {
        const callee = this.engine.resolver.calleeDeclaration(call);
        if (!callee || callee === fn) return;
        for (const reach of this.reachesOf(callee)) {
          const arg = call.arguments[reach.label.index];
          if (!arg) continue;
          const value = this.engine.replay(this.engine.valueOf(arg), arg, shortText(call.expression), reach.label);
          const covered = new Set([...reach.covered, ...categoriesOf(value).map((l) => l.category.id)]);
          for (const label of parametersOf(value)) if (label.fn === fn) found.push({ ...reach, label, covered });
        }
      });
    } finally {
      this.busy.delete(fn);
    }
    this.summaries.set(fn, found);
    return found;
  }

  private writesIn(file: ts.SourceFile): readonly ProbedWrite[] {
    let writes = this.files.get(file);
    if (!writes) {
      writes = this.probe(file);
      this.files.set(file, writes);
    }
    return writes;
  }
}

const perEngine = new WeakMap<FlowEngine, StoreWrappers>();

/** The store-wrapper summaries of the engine's program (one table per program, like the function summaries). */
export function storeWrappers(engine: FlowEngine, probe: (file: ts.SourceFile) => readonly ProbedWrite[]): StoreWrappers {
  let wrappers = perEngine.get(engine);
  if (!wrappers) {
    wrappers = new StoreWrappers(engine, probe);
    perEngine.set(engine, wrappers);
  }
  return wrappers;
}
