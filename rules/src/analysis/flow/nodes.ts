/**
 * One walk per file: the nodes the checks and the flow engine look at, collected by kind in source order, so each
 * check iterates a short list instead of walking the whole tree again. Before this, every check (transfer, access,
 * storage bindings, storage sites, the engine's assignment table) walked the file on its own: five walks per file,
 * the largest single share of the analysis on the benchmark corpus (BENCHMARKS.md, "Profile").
 *
 * The lists are kept only while a file is being analysed: `releaseFileNodes` drops them when the orchestrator is done,
 * so a long ESLint run does not keep node arrays for every file of the project alive.
 */
// Default import: `import * as` would read every member through an esModuleInterop getter (a sixth of the time).
import ts from 'typescript';
import { forEachNode } from './walk';

export interface FileNodes {
  /** Every call expression. */
  readonly calls: readonly ts.CallExpression[];
  /** Every `new` expression: sinks such as `new EventSource(url)` are constructions. */
  readonly constructions: readonly ts.NewExpression[];
  /**
   * Classes, calls, `new` expressions, assignments (`localStorage.x = …`, `document.cookie = …`) and tagged templates
   * (`sql\`INSERT …\``): where storage is declared or written.
   */
  readonly storage: readonly (ts.ClassLikeDeclaration | ts.CallExpression | ts.NewExpression | ts.BinaryExpression | ts.TaggedTemplateExpression)[];
  /** Imports, `import x = require()` and variable declarations: the bindings storage detection follows by name. */
  readonly bindings: readonly (ts.ImportDeclaration | ts.ImportEqualsDeclaration | ts.VariableDeclaration)[];
  /** Assignments (`=`, `+=`, …) and method calls: what the flow engine's table of writes is built from. */
  readonly writes: readonly (ts.BinaryExpression | ts.CallExpression)[];
  /**
   * What the access check may report: property and element accesses, binding elements, parameters, spreads, and —
   * only classified through types — variable declarations, `await` and call expressions.
   */
  readonly reads: readonly ts.Node[];
  /** `x as T` and `<T>x`: what untyped values are cast to (casts.ts). */
  readonly casts: readonly (ts.AsExpression | ts.TypeAssertion)[];
}

const cache = new WeakMap<ts.SourceFile, FileNodes>();

/** The file's nodes by kind, collected in one walk (once per file while it is being analysed). */
export function fileNodes(file: ts.SourceFile): FileNodes {
  const cached = cache.get(file);
  if (cached) return cached;
  const nodes = collect(file);
  cache.set(file, nodes);
  return nodes;
}

/**
 * The lists of a file being analysed, or — for another file (a module the engine follows) — lists collected for this
 * one use and not kept.
 */
export function nodesFor(file: ts.SourceFile): FileNodes {
  return cache.get(file) ?? collect(file);
}

/** Forgets the lists of a file; the next `fileNodes` walks it again. */
export function releaseFileNodes(file: ts.SourceFile): void {
  cache.delete(file);
}

// What each syntax kind is collected as, looked up by `node.kind` in one load: a `switch` over `ts.SyntaxKind.X`
// labels read the enum through the typescript module's getters on every node (a visible share of the walk's time).
const CALL = 1;
const STORAGE = 2;
const BINDING = 4;
const WRITE = 8;
const READ = 16;
const ASSIGNMENT = 32;
const CONSTRUCTION = 64;
const CAST = 128;
const ROLES = (() => {
  const roles = new Uint8Array(ts.SyntaxKind.Count);
  const K = ts.SyntaxKind;
  roles[K.CallExpression] = CALL | STORAGE | WRITE | READ;
  roles[K.NewExpression] = STORAGE | CONSTRUCTION;
  roles[K.ClassDeclaration] = STORAGE;
  roles[K.ClassExpression] = STORAGE;
  roles[K.TaggedTemplateExpression] = STORAGE;
  roles[K.ImportDeclaration] = BINDING;
  roles[K.ImportEqualsDeclaration] = BINDING;
  roles[K.VariableDeclaration] = BINDING | READ;
  roles[K.BinaryExpression] = ASSIGNMENT;
  roles[K.AsExpression] = CAST;
  roles[K.TypeAssertionExpression] = CAST;
  for (const kind of [K.PropertyAccessExpression, K.ElementAccessExpression, K.BindingElement, K.Parameter, K.SpreadAssignment, K.SpreadElement, K.AwaitExpression]) roles[kind] = READ;
  return roles;
})();
const FIRST_ASSIGNMENT = ts.SyntaxKind.FirstAssignment;
const LAST_ASSIGNMENT = ts.SyntaxKind.LastAssignment;
const EQUALS = ts.SyntaxKind.EqualsToken;
const PARAMETER = ts.SyntaxKind.Parameter;
/** Tokens (identifiers, literals, keywords, punctuation) have no children and none is collected. */
const LAST_TOKEN = ts.SyntaxKind.LastToken;
const PROPERTY_ACCESS = ts.SyntaxKind.PropertyAccessExpression;
const FIRST_TYPE_NODE = ts.SyntaxKind.FirstTypeNode;
const LAST_TYPE_NODE = ts.SyntaxKind.LastTypeNode;
const { forEachChild } = ts;

/**
 * How deep `visit` recurses before the rest of a subtree is walked without recursion (`forEachNode`): ordinary code is
 * a few dozen levels deep, generated code can be nested thousands of levels.
 */
const MAX_DEPTH = 256;

/**
 * A list the walk fills, kept from one walk to the next: `take` returns its nodes in an array of their exact size and
 * empties it. Six arrays per file grown from empty (every growth a copy) were the walk's largest allocation. The
 * scratch keeps its capacity but no nodes, so it holds no file alive, and gives up the capacity after a huge file.
 */
class Scratch<T extends ts.Node> {
  private items: (T | undefined)[] = [];
  private length = 0;

  push(item: T): void {
    this.items[this.length++] = item;
  }

  take(): T[] {
    const taken = this.items.slice(0, this.length) as T[];
    if (this.items.length > SCRATCH_KEPT) this.items = [];
    else this.items.fill(undefined, 0, this.length);
    this.length = 0;
    return taken;
  }
}

/** The largest scratch list kept between walks (entries). */
const SCRATCH_KEPT = 1 << 16;

// The lists `collect` is filling. The walk calls nothing outside this module, so only one collection runs at a time;
// module state instead of a closure per walk lets `visit` be one function that `forEachChild` calls directly.
const calls = new Scratch<ts.CallExpression>();
const constructions = new Scratch<ts.NewExpression>();
const storage = new Scratch<FileNodes['storage'][number]>();
const bindings = new Scratch<FileNodes['bindings'][number]>();
const writes = new Scratch<FileNodes['writes'][number]>();
const reads = new Scratch<ts.Node>();
const casts = new Scratch<ts.AsExpression | ts.TypeAssertion>();
let depth = 0;

function collect(file: ts.SourceFile): FileNodes {
  depth = 0;
  try {
    visit(file);
  } catch (error) {
    // Emptied also after a failed walk, so the next one starts clean.
    taken();
    throw error;
  }
  return taken();
}

function taken(): FileNodes {
  return { calls: calls.take(), constructions: constructions.take(), storage: storage.take(), bindings: bindings.take(), writes: writes.take(), reads: reads.take(), casts: casts.take() };
}

/**
 * Pre-order, in source order: the node, then its children through `forEachChild`. Tokens return at once: they are half
 * of a file's nodes, and walking them (a call, a stack entry and a lookup each) was a large part of the walk's time.
 * Returns undefined, so `forEachChild` goes on to the next child.
 */
function visit(node: ts.Node): undefined {
  const kind = node.kind;
  if (kind <= LAST_TOKEN) return undefined;
  // A type (`Leerling[]`, `(z: Zorgdossier) => void`, `{ bsn: string }`) runs nothing: none of its nodes is a call, a
  // write or a read, and types are a sixth of the benchmark corpus's nodes with children.
  if (kind >= FIRST_TYPE_NODE && kind <= LAST_TYPE_NODE) return undefined;
  const role = ROLES[kind] ?? 0;
  if (role !== 0) record(node, role);
  // The most common kind with children, without `forEachChild`: its other child is a name.
  if (kind === PROPERTY_ACCESS) return visitChild((node as ts.PropertyAccessExpression).expression);
  if (depth < MAX_DEPTH) {
    depth++;
    forEachChild(node, visit);
    depth--;
  } else {
    // Deeper than ordinary code: the rest of this subtree without recursion, so it cannot exhaust the stack.
    forEachChild(node, (child) => {
      forEachNode(child, recordNode);
    });
  }
  return undefined;
}

function visitChild(child: ts.Node): undefined {
  if (depth < MAX_DEPTH) {
    depth++;
    visit(child);
    depth--;
  } else forEachNode(child, recordNode);
  return undefined;
}

function recordNode(node: ts.Node): boolean | 'skip' {
  const kind = node.kind;
  if (kind >= FIRST_TYPE_NODE && kind <= LAST_TYPE_NODE) return 'skip';
  const role = ROLES[kind] ?? 0;
  if (role !== 0) record(node, role);
  return true;
}

function record(node: ts.Node, role: number): void {
  if (role & CALL) calls.push(node as ts.CallExpression);
  if (role & CONSTRUCTION) constructions.push(node as ts.NewExpression);
  if (role & STORAGE) storage.push(node as ts.ClassLikeDeclaration | ts.CallExpression | ts.NewExpression | ts.TaggedTemplateExpression);
  if (role & BINDING) bindings.push(node as ts.ImportDeclaration | ts.ImportEqualsDeclaration | ts.VariableDeclaration);
  if (role & WRITE) writes.push(node as ts.CallExpression);
  // A JSDoc-style function type (`ctor: function(string)`) has parameters without a name, although TypeScript's
  // types say every parameter has one; they declare nothing that could be read.
  if (role & READ && (node.kind !== PARAMETER || (node as Partial<ts.ParameterDeclaration>).name !== undefined)) reads.push(node);
  if (role & CAST) casts.push(node as ts.AsExpression | ts.TypeAssertion);
  if (role & ASSIGNMENT) {
    const operator = (node as ts.BinaryExpression).operatorToken.kind;
    if (operator >= FIRST_ASSIGNMENT && operator <= LAST_ASSIGNMENT) {
      writes.push(node as ts.BinaryExpression);
      if (operator === EQUALS) storage.push(node as ts.BinaryExpression);
    }
  }
}
