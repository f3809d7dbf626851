/**
 * Small questions about syntax that the flow engine, the resolver and the sink interpreter all ask: which nodes are
 * functions with bodies, what a function returns, which calls a body makes, the text of a node for messages.
 */
// Default import: `import * as` would read every member through an esModuleInterop getter (a sixth of the time).
import ts from 'typescript';
import { sourceFileOf } from './walk';
import { skipOuter } from './classify';
import { requiredModule } from './scopes';
// Read once: every member of the typescript module is a getter, and these run for every node.
const { forEachChild, isArrowFunction, isBindingElement, isBlock, isCallExpression, isClassLike, isClassStaticBlockDeclaration, isConstructorDeclaration, isFunctionDeclaration, isFunctionExpression, isFunctionLike, isGetAccessorDeclaration, isImportClause, isImportEqualsDeclaration, isImportSpecifier, isMethodDeclaration, isNamespaceImport, isReturnStatement, isSourceFile, isVariableDeclaration, isVariableDeclarationList, NodeFlags } = ts;

export type FunctionWithBody = ts.FunctionLikeDeclaration & { readonly body: ts.ConciseBody };

export function isFunctionWithBody(node: ts.Node): node is FunctionWithBody {
  return (
    (isFunctionDeclaration(node) || isFunctionExpression(node) || isArrowFunction(node) || isMethodDeclaration(node) || isGetAccessorDeclaration(node)) &&
    node.body !== undefined
  );
}

export function isImportBinding(node: ts.Node): boolean {
  return isImportClause(node) || isImportSpecifier(node) || isNamespaceImport(node) || isImportEqualsDeclaration(node) || isRequireBinding(node);
}

/**
 * `const x = require('./m')` and `const { a } = require('./m')` in JavaScript: TypeScript binds them as aliases of
 * the module's exports, so the checker follows them like imports.
 */
function isRequireBinding(node: ts.Node): boolean {
  const declaration = isBindingElement(node) ? node.parent.parent : node;
  if (!isVariableDeclaration(declaration) || !declaration.initializer) return false;
  // The syntax first: finding the file walks every parent, and nearly no declaration is a `require`.
  if (requiredModule(skipOuter(declaration.initializer)) === undefined) return false;
  return (declaration.getSourceFile().flags & NodeFlags.JavaScriptFile) !== 0;
}

export function enclosingFunction(node: ts.Node): ts.Node {
  for (let n = node.parent; n; n = n.parent) if (isFunctionLike(n) || isSourceFile(n) || isClassStaticBlockDeclaration(n)) return n;
  return node.getSourceFile();
}

export function enclosingClass(at: ts.Node): ts.ClassLikeDeclaration | undefined {
  for (let n: ts.Node | undefined = at.parent; n; n = n.parent) {
    if (isClassLike(n)) return n;
    if (isFunctionDeclaration(n) || isFunctionExpression(n)) return undefined;
  }
  return undefined;
}

/** The constructor (with a body) of the class a method or accessor belongs to. */
export function constructorOf(fn: ts.Node): ts.ConstructorDeclaration | undefined {
  if (!(isMethodDeclaration(fn) || isGetAccessorDeclaration(fn)) || !isClassLike(fn.parent)) return undefined;
  return fn.parent.members.find((m): m is ts.ConstructorDeclaration => isConstructorDeclaration(m) && m.body !== undefined);
}

/** The expressions a function returns (its expression body, or each `return`'s expression). */
export function returnedExpressions(fn: FunctionWithBody): ts.Expression[] {
  if (!isBlock(fn.body)) return [fn.body];
  const results: ts.Expression[] = [];
  forEachReturn(fn.body, (r) => {
    if (r.expression) results.push(r.expression);
  });
  return results;
}

export function forEachReturn(body: ts.Node, visit: (node: ts.ReturnStatement) => void): void {
  const walk = (node: ts.Node): void => {
    if (isReturnStatement(node)) visit(node);
    if (isFunctionLike(node) || isClassLike(node)) return;
    forEachChild(node, walk);
  };
  forEachChild(body, walk);
}

/** Every call in a function body, nested callbacks included (they run with the function's parameters in scope). */
export function forEachCall(body: ts.Node, visit: (call: ts.CallExpression) => void): void {
  const walk = (node: ts.Node): void => {
    if (isCallExpression(node)) visit(node);
    if (isFunctionDeclaration(node) || isClassLike(node) || isMethodDeclaration(node)) return;
    forEachChild(node, walk);
  };
  if (isCallExpression(body)) visit(body);
  forEachChild(body, walk);
}

/** The source text of a node on one line, shortened for messages. */
export function shortText(node: ts.Node): string {
  const file = sourceFileOf(node);
  const start = node.getStart(file);
  const text = file.text.slice(start, Math.min(node.getEnd(), start + 200)).replace(/\s+/g, ' ');
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

export function isConst(decl: ts.VariableDeclaration): boolean {
  return isVariableDeclarationList(decl.parent) && (decl.parent.flags & NodeFlags.Const) !== 0;
}
