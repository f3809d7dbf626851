/**
 * Consent guards: whether a call only runs after one of the catalogue's consent checks said yes. Recognised forms, in
 * the same function: inside `if (check(…))` (also `await`, `&&`, a const holding the result), the true branch of
 * `check(…) ? … : …` or the right of `check(…) && …`, after an early `if (!check(…)) return/throw`, and after a
 * statement `await assertCheck(…)` / `assertCheck(…)` in an enclosing block; in a `.then` callback of a check, its
 * parameter is the answer (`check(…).then((ok) => ok && …)`), and an assertion's callback runs only after it passed.
 */
// Default import: `import * as` would read every member through an esModuleInterop getter (a sixth of the time).
import ts from 'typescript';
import { skipOuter } from './classify';
import { lexicalDeclaration } from './scopes';
// Read once: every member of the typescript module is a getter, and these run for every node.
const { forEachChild, isArrowFunction, isAwaitExpression, isBinaryExpression, isBlock, isCallExpression, isCaseClause, isConditionalExpression, isDefaultClause, isExpressionStatement, isFunctionDeclaration, isFunctionExpression, isFunctionLike, isIdentifier, isIfStatement, isParameter, isPrefixUnaryExpression, isPropertyAccessExpression, isReturnStatement, isSourceFile, isThrowStatement, isVariableDeclaration, SyntaxKind } = ts;

/** The catalogue's check names, and how to find what a name refers to (the engine's resolver follows imports). */
interface Checks {
  readonly names: ReadonlySet<string>;
  resolve(id: ts.Identifier): ts.Node | undefined;
}

export function isGuarded(call: ts.Node, checks: readonly string[], resolve: (id: ts.Identifier) => ts.Node | undefined = lexicalDeclaration): boolean {
  if (checks.length === 0) return false;
  const names: Checks = { names: new Set(checks), resolve };
  let child: ts.Node = call;
  for (let n: ts.Node | undefined = call.parent; n; child = n, n = n.parent) {
    if (isIfStatement(n)) {
      if (child === n.thenStatement && isPositiveCheck(n.expression, names)) return true;
      if (child === n.elseStatement && isNegatedCheck(n.expression, names)) return true;
    } else if (isConditionalExpression(n)) {
      if (child === n.whenTrue && isPositiveCheck(n.condition, names)) return true;
      if (child === n.whenFalse && isNegatedCheck(n.condition, names)) return true;
    } else if (isBinaryExpression(n) && n.operatorToken.kind === SyntaxKind.AmpersandAmpersandToken) {
      if (child === n.right && isPositiveCheck(n.left, names)) return true;
    } else if (isBinaryExpression(n) && n.operatorToken.kind === SyntaxKind.BarBarToken) {
      // `!heeftToestemming(l) || verstuur(l)`: the right side runs only when the check said yes.
      if (child === n.right && isNegatedCheck(n.left, names)) return true;
    } else if (isBlock(n) || isSourceFile(n) || isCaseClause(n) || isDefaultClause(n)) {
      for (const statement of n.statements) {
        if (statement === child || statement.pos >= child.pos) break;
        if (isEarlyExit(statement, names) || isAssertion(statement, names)) return true;
      }
    }
    if (isFunctionLike(n)) return isAssertionThen(n, names);
  }
  return false;
}

/** The callback of `.then(…)` on a check call, when `fn` is that callback (`check(l).then((ok) => …)`). */
function thenOfCheck(fn: ts.Node, names: Checks): ts.CallExpression | undefined {
  const call = fn.parent;
  if (!call || !isCallExpression(call) || call.arguments[0] !== fn) return undefined;
  const callee = skipOuter(call.expression);
  if (!isPropertyAccessExpression(callee) || callee.name.text !== 'then') return undefined;
  const receiver = skipOuter(callee.expression);
  return isCallExpression(receiver) && isCheckCall(receiver, names) ? receiver : undefined;
}

/** `assertToestemming(l).then(() => verstuur(l))`: the callback runs only when the assertion did not reject. */
function isAssertionThen(fn: ts.Node, names: Checks): boolean {
  const check = thenOfCheck(fn, names);
  return check !== undefined && !answers(check, names);
}

/** The condition holds only when a check said yes: `check()`, `await check()`, `a && check()`, `ok` (from a check). */
function isPositiveCheck(condition: ts.Expression, names: Checks): boolean {
  const e = skipOuter(condition);
  if (isBinaryExpression(e) && e.operatorToken.kind === SyntaxKind.AmpersandAmpersandToken) return isPositiveCheck(e.left, names) || isPositiveCheck(e.right, names);
  if (isBinaryExpression(e) && (e.operatorToken.kind === SyntaxKind.EqualsEqualsEqualsToken || e.operatorToken.kind === SyntaxKind.EqualsEqualsToken)) {
    return (e.right.kind === SyntaxKind.TrueKeyword && callsCheck(e.left, names)) || (e.left.kind === SyntaxKind.TrueKeyword && callsCheck(e.right, names));
  }
  return callsCheck(e, names);
}

/** `!check()`, `!(await check())`, `check() === false`, `!ok`, `a || !check()`. */
function isNegatedCheck(condition: ts.Expression, names: Checks): boolean {
  const e = skipOuter(condition);
  if (isPrefixUnaryExpression(e) && e.operator === SyntaxKind.ExclamationToken) return isPositiveCheck(e.operand, names);
  if (isBinaryExpression(e) && e.operatorToken.kind === SyntaxKind.BarBarToken) return isNegatedCheck(e.left, names) || isNegatedCheck(e.right, names);
  if (isBinaryExpression(e) && (e.operatorToken.kind === SyntaxKind.EqualsEqualsEqualsToken || e.operatorToken.kind === SyntaxKind.EqualsEqualsToken)) {
    return (e.right.kind === SyntaxKind.FalseKeyword && callsCheck(e.left, names)) || (e.left.kind === SyntaxKind.FalseKeyword && callsCheck(e.right, names));
  }
  return false;
}

function callsCheck(expression: ts.Expression, names: Checks, depth = 0): boolean {
  const e = skipOuter(expression);
  if (isAwaitExpression(e)) return callsCheck(e.expression, names, depth);
  if (isCallExpression(e)) return isCheckCall(e, names);
  if (isIdentifier(e) && depth < 3) {
    const decl = names.resolve(e);
    // `check(l).then((ok) => ok && …)`: the callback's first parameter is the answer.
    if (decl !== undefined && isParameter(decl) && decl.parent.parameters[0] === decl) return thenOfCheck(decl.parent, names) !== undefined;
    return decl !== undefined && isVariableDeclaration(decl) && decl.initializer !== undefined && callsCheck(decl.initializer, names, depth + 1);
  }
  return false;
}

function isCheckCall(call: ts.CallExpression, names: Checks, depth = 0): boolean {
  const callee = skipOuter(call.expression);
  const name = isIdentifier(callee) ? callee.text : isPropertyAccessExpression(callee) ? callee.name.text : undefined;
  if (name !== undefined && names.names.has(name)) return true;
  // A wrapper in the same file whose every return is a check (`const mag = (l) => heeftToestemming(l, 'zat')`).
  if (!isIdentifier(callee) || depth >= 2) return false;
  let decl = names.resolve(callee);
  if (decl && isVariableDeclaration(decl) && decl.initializer) decl = skipOuter(decl.initializer);
  if (!decl || !(isFunctionDeclaration(decl) || isArrowFunction(decl) || isFunctionExpression(decl)) || !decl.body) return false;
  const body = decl.body;
  if (!isBlock(body)) return callsCheckDeep(body, names, depth + 1);
  const returns: ts.Expression[] = [];
  let bare = false;
  const walk = (node: ts.Node): void => {
    if (isReturnStatement(node)) {
      if (node.expression) returns.push(node.expression);
      else bare = true;
    }
    if (!isFunctionLike(node)) forEachChild(node, walk);
  };
  forEachChild(body, walk);
  return !bare && returns.length > 0 && returns.every((r) => callsCheckDeep(r, names, depth + 1));
}

function callsCheckDeep(expression: ts.Expression, names: Checks, depth: number): boolean {
  let e = skipOuter(expression);
  if (isAwaitExpression(e)) e = skipOuter(e.expression);
  return isCallExpression(e) && isCheckCall(e, names, depth);
}

/** `if (!check(…)) return;` / `throw` (also in a block). */
function isEarlyExit(statement: ts.Statement, names: Checks): boolean {
  if (!isIfStatement(statement) || statement.elseStatement || !isNegatedCheck(statement.expression, names)) return false;
  return exits(statement.thenStatement);
}

function exits(statement: ts.Statement): boolean {
  if (isReturnStatement(statement) || isThrowStatement(statement)) return true;
  if (isBlock(statement)) {
    const last = statement.statements[statement.statements.length - 1];
    return last !== undefined && exits(last);
  }
  return false;
}

/**
 * `await assertToestemming(…);` — a check that throws when there is no consent. A check that answers yes or no
 * (`heeftToestemming(…)` returning a boolean) called as a statement guards nothing: its answer is ignored.
 */
function isAssertion(statement: ts.Statement, names: Checks): boolean {
  if (!isExpressionStatement(statement)) return false;
  let e = skipOuter(statement.expression);
  if (isAwaitExpression(e)) e = skipOuter(e.expression);
  return isCallExpression(e) && isCheckCall(e, names) && !answers(e, names);
}

/** Assertion-style names, for a check whose declaration cannot be seen. */
const ASSERTION_NAME = /^(assert|ensure|require|vereis|eis|verify|guard)/i;
const BOOLEAN_TYPE = /^(Promise\s*<\s*)?boolean(\s*>)?$/;

/**
 * Whether a check returns its answer instead of throwing: by its declared return type (`boolean`,
 * `Promise<boolean>` answer; `void`, `asserts x` throw), else by whether its body returns a value, else by its name.
 */
function answers(call: ts.CallExpression, names: Checks): boolean {
  const callee = skipOuter(call.expression);
  const name = isIdentifier(callee) ? callee.text : isPropertyAccessExpression(callee) ? callee.name.text : '';
  let decl = isIdentifier(callee) ? names.resolve(callee) : undefined;
  if (decl && isVariableDeclaration(decl) && decl.initializer) decl = skipOuter(decl.initializer);
  if (decl && (isFunctionDeclaration(decl) || isArrowFunction(decl) || isFunctionExpression(decl))) {
    const type = decl.type?.getText().replace(/\s+/g, ' ').trim();
    if (type !== undefined) return BOOLEAN_TYPE.test(type);
    const body = decl.body;
    if (body && !isBlock(body)) return true;
    if (body) {
      let returnsValue = false;
      const walk = (node: ts.Node): void => {
        if (isReturnStatement(node) && node.expression) returnsValue = true;
        if (!isFunctionLike(node)) forEachChild(node, walk);
      };
      forEachChild(body, walk);
      return returnsValue;
    }
  }
  return !ASSERTION_NAME.test(name);
}
