// Default import: `import * as` would read every member through an esModuleInterop getter (a sixth of the time).
import ts from 'typescript';

// Read once: every member of the typescript module is a getter, and this runs for every node.
const { forEachChild } = ts;

/**
 * Visits `root` and its descendants in source order without recursion, so generated code nested thousands of levels
 * deep cannot exhaust the stack. `visit` returns false to stop the whole walk, `'skip'` to go on without the node's
 * children.
 */
export function forEachNode(root: ts.Node, visit: (node: ts.Node) => boolean | 'skip'): void {
  const stack: ts.Node[] = [root];
  const push = (child: ts.Node): void => {
    stack.push(child);
  };
  while (stack.length > 0) {
    const node = stack.pop() as ts.Node;
    const next = visit(node);
    if (next === 'skip') continue;
    if (!next) return;
    // Children straight onto the stack, that stretch reversed in place: no array per node. (A scratch array emptied
    // with `length = 0` gives up its backing store: that was a third of the analysis' allocation.)
    const from = stack.length;
    forEachChild(node, push);
    for (let i = from, j = stack.length - 1; i < j; i++, j--) {
      const first = stack[i] as ts.Node;
      stack[i] = stack[j] as ts.Node;
      stack[j] = first;
    }
  }
}

/**
 * Sets parent pointers on a file that has none: a file parsed without `setParentNodes` and never bound (a program
 * used without its checker). Every check walks up from nodes, so the orchestrator calls this before any runs.
 */
export function ensureParents(file: ts.SourceFile): void {
  const first = file.statements[0];
  if (!first || first.parent !== undefined) return;
  forEachNode(file, (node) => {
    forEachChild(node, (child) => {
      (child as { parent: ts.Node }).parent = node;
    });
    return true;
  });
}

const SOURCE_FILE = ts.SyntaxKind.SourceFile;
/** For each node asked about (and every node passed on the way up): its file. Weak, so it lives as long as the nodes. */
const files = new WeakMap<ts.Node, ts.SourceFile>();

/**
 * `node.getSourceFile()` without its walk to the top: that walk is as long as the node is deep, and the analysis asks
 * for the file of every node it describes, which made a long generated expression (`a.b + a.b + …`, nested thousands
 * deep) quadratic. Every node passed on the way up remembers the answer.
 */
export function sourceFileOf(node: ts.Node): ts.SourceFile {
  // Ordinary code is a few dozen levels deep: a plain walk up, writing nothing (an entry per node passed in a weak map
  // was a large share of the analysis' allocation, and weak maps are costly for the garbage collector).
  let current: ts.Node | undefined = node;
  for (let steps = 0; current && steps < SHORT_WALK; steps++, current = current.parent) if (current.kind === SOURCE_FILE) return current as ts.SourceFile;
  return rememberedSourceFileOf(node);
}

/** How many parents `sourceFileOf` passes before it starts remembering answers. */
const SHORT_WALK = 64;

/** `sourceFileOf` for a node deeper than `SHORT_WALK`: every node passed on the way up remembers the answer. */
function rememberedSourceFileOf(node: ts.Node): ts.SourceFile {
  const passed: ts.Node[] = [];
  let file: ts.SourceFile | undefined;
  for (let current: ts.Node | undefined = node; current; current = current.parent) {
    if (current.kind === SOURCE_FILE) {
      file = current as ts.SourceFile;
      break;
    }
    const known = files.get(current);
    if (known) {
      file = known;
      break;
    }
    passed.push(current);
  }
  // A node without a file above it (synthesised, or detached) answers as TypeScript does.
  if (!file) return node.getSourceFile();
  for (const n of passed) files.set(n, file);
  return file;
}
