/**
 * Casts: an untyped value is the type the same function asserts it to. Express and most frameworks type a request
 * body `any`; the handler logs it on one line and casts it on the next (`const input = req.body as
 * MarkAttendanceInput`). The cast says what the body holds, so `req.body` anywhere in that function carries the
 * categories of `MarkAttendanceInput` — with a checker only where the checker types it `any` or `unknown`.
 *
 * The casts of a file are collected once, by the last name of the cast expression (`body`), and matched to a reference
 * in the same function with the same text whose root name is the same declaration.
 */
// Default import: `import * as` would read every member through an esModuleInterop getter (a sixth of the time).
import ts from 'typescript';
import type { Resolver } from './resolver';
import { enclosingFunction } from './syntax';
import { nodesFor } from './nodes';
import { sourceFileOf } from './walk';
// Read once: every member of the typescript module is a getter.
const { isIdentifier, isParenthesizedExpression, isPropertyAccessExpression, SyntaxKind, TypeFlags } = ts;

interface Cast {
  readonly expression: ts.Identifier | ts.PropertyAccessExpression;
  readonly type: ts.TypeNode;
  /** The function (or file) the cast is in. */
  readonly scope: ts.Node;
}

const NONE: ReadonlyMap<string, readonly Cast[]> = new Map();

export class Casts {
  /** Per file, the casts by the last name of the cast expression (`body` for `req.body`): a cheap first test. */
  private readonly byFile = new Map<ts.SourceFile, ReadonlyMap<string, readonly Cast[]>>();

  constructor(
    private readonly resolver: Resolver,
    private readonly checker: ts.TypeChecker | undefined,
  ) {}

  /** The types `node` (an untyped name or member, `req.body`) is cast to elsewhere in its function. */
  typesOf(node: ts.Identifier | ts.PropertyAccessExpression): readonly ts.TypeNode[] {
    const name = isIdentifier(node) ? node.text : node.name.text;
    const candidates = this.castsIn(sourceFileOf(node)).get(name);
    if (!candidates) return [];
    const root = rootName(node);
    if (!root) return [];
    const scope = enclosingFunction(node);
    const text = node.getText();
    const decl = this.resolver.resolve(root);
    const types: ts.TypeNode[] = [];
    for (const cast of candidates) {
      if (cast.expression === node || cast.scope !== scope || cast.expression.getText() !== text) continue;
      const castRoot = rootName(cast.expression);
      if (castRoot && this.resolver.resolve(castRoot) === decl) types.push(cast.type);
    }
    if (types.length === 0) return types;
    // With a checker, only a value the checker cannot type says nothing by itself.
    if (this.checker && !(this.checker.getTypeAtLocation(node).flags & (TypeFlags.Any | TypeFlags.Unknown))) return [];
    return types;
  }

  /** Forgets the tables of the file that was analysed. */
  release(): void {
    this.byFile.clear();
  }

  private castsIn(file: ts.SourceFile): ReadonlyMap<string, readonly Cast[]> {
    let casts = this.byFile.get(file);
    if (casts) return casts;
    const found = new Map<string, Cast[]>();
    // The casts the file's one walk collected (nodes.ts).
    for (const n of nodesFor(file).casts) {
      if (n.type.kind === SyntaxKind.AnyKeyword || n.type.kind === SyntaxKind.UnknownKeyword) continue;
      let e = n.expression;
      while (isParenthesizedExpression(e)) e = e.expression;
      if (isIdentifier(e) || isPropertyAccessExpression(e)) {
        const name = isIdentifier(e) ? e.text : e.name.text;
        const list = found.get(name) ?? [];
        list.push({ expression: e, type: n.type, scope: enclosingFunction(n) });
        found.set(name, list);
      }
    }
    casts = found.size === 0 ? NONE : found;
    this.byFile.set(file, casts);
    return casts;
  }
}

/** The name a chain of members starts at: `req` for `req.body.entries`. */
function rootName(node: ts.Expression): ts.Identifier | undefined {
  let e = node;
  while (isPropertyAccessExpression(e)) e = e.expression;
  return isIdentifier(e) ? e : undefined;
}
