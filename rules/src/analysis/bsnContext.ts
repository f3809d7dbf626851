/**
 * Where a numeric literal that passes the elfproef is *not* a BSN, by its context. About one in eleven 9-digit numbers
 * passes by chance, so a number is reported only where it can be a person's number; the code around it often says it
 * is something else: a value used in arithmetic, a constant named as a unit, a limit or a mathematical constant, a
 * record id, a delay. Strings, comments and JSX text are not decided here: a BSN is usually written as a string (it may
 * start with 0), and a number written in text has no arithmetic around it.
 *
 * The tables below are the knowledge; `numberIsNoIdentifier` only reads them. A name "like a BSN" (the catalogue's
 * names of identifier categories, or a word below) always wins: `const bsn = 123456782 * 1` is still reported.
 */
// Default import: `import * as` would read every member through an esModuleInterop getter.
import ts from 'typescript';
import { normaliseName } from '../catalogue/names';
import { nameWords } from '../catalogue/subjects';
import type { CheckContext } from './context';

/** Words that make a name a national identifying number's, whatever the catalogue says. */
const IDENTIFIER_WORDS = new Set(['bsn', 'burgerservicenummer', 'sofinummer', 'sofi', 'onderwijsnummer', 'pgn', 'persoonsgebondennummer', 'ssn']);

/** Whole names (normalised) of constants that are mathematics or engineering, not people. */
const CONSTANT_NAMES = new Set([
  'pi', 'e', 'tau', 'phi', 'epsilon', 'ln2', 'ln10', 'log2e', 'log10e', 'sqrt2', 'sqrt12', 'goldenratio', 'seed', 'salt',
  'prime', 'magic', 'modulus', 'fnvprime', 'fnvoffset', 'fnvoffsetbasis', 'offsetbasis', 'infinity', 'nan',
]);

/** A first word that makes a name a bound or an amount: `MAX_ITEMS`, `minWidth`, `numRows`. */
const BOUND_PREFIXES = new Set(['max', 'min', 'maximum', 'minimum', 'num', 'limit', 'default']);

/**
 * A last word that makes a name a unit, a size, a time, a key or an id: `TIMEOUT_MS`, `MAX_BYTES`, `cacheTtl`,
 * `recordId`, `hashSeed`. An id is a record's key, not a person's national number (a name with `bsn` in it wins).
 */
const UNIT_SUFFIXES = new Set([
  'ms', 'millis', 'milliseconds', 'msec', 'ns', 'nanos', 'nanoseconds', 'us', 'micros', 'microseconds', 's', 'sec', 'secs',
  'second', 'seconds', 'mins', 'minute', 'minutes', 'hour', 'hours', 'day', 'days', 'week', 'weeks', 'year', 'years',
  'bytes', 'byte', 'bits', 'kb', 'kib', 'mb', 'mib', 'gb', 'gib', 'size', 'length', 'len', 'count', 'limit', 'timeout',
  'ttl', 'interval', 'delay', 'offset', 'width', 'height', 'px', 'max', 'min', 'seed', 'mask', 'flag', 'flags', 'prime',
  'modulus', 'hash', 'checksum', 'crc', 'magic', 'version', 'port', 'epoch', 'timestamp', 'time', 'duration', 'id',
  'ids', 'index', 'idx', 'code', 'amount', 'total', 'sum', 'capacity', 'threshold', 'factor', 'ratio', 'step', 'salt',
  'primes', 'seeds', 'masks', 'sizes', 'limits', 'offsets', 'timeouts', 'delays', 'codes', 'constants', 'weights', 'coefficients',
]);

/** Calls whose numeric arguments are times, dates or mathematics. */
const NUMERIC_CALLEES = new Set(['setTimeout', 'setInterval', 'setImmediate', 'sleep', 'delay', 'wait', 'Date', 'BigInt']);
const NUMERIC_OWNERS = new Set(['Math', 'Number', 'Date', 'Atomics', 'performance']);

const ARITHMETIC = new Set<ts.SyntaxKind>([
  ts.SyntaxKind.MinusToken, ts.SyntaxKind.AsteriskToken, ts.SyntaxKind.SlashToken, ts.SyntaxKind.PercentToken,
  ts.SyntaxKind.AsteriskAsteriskToken, ts.SyntaxKind.LessThanLessThanToken, ts.SyntaxKind.GreaterThanGreaterThanToken,
  ts.SyntaxKind.GreaterThanGreaterThanGreaterThanToken, ts.SyntaxKind.AmpersandToken, ts.SyntaxKind.BarToken,
  ts.SyntaxKind.CaretToken, ts.SyntaxKind.LessThanToken, ts.SyntaxKind.GreaterThanToken, ts.SyntaxKind.LessThanEqualsToken,
  ts.SyntaxKind.GreaterThanEqualsToken, ts.SyntaxKind.MinusEqualsToken, ts.SyntaxKind.AsteriskEqualsToken,
  ts.SyntaxKind.SlashEqualsToken, ts.SyntaxKind.PercentEqualsToken, ts.SyntaxKind.AsteriskAsteriskEqualsToken,
  ts.SyntaxKind.LessThanLessThanEqualsToken, ts.SyntaxKind.GreaterThanGreaterThanEqualsToken,
  ts.SyntaxKind.GreaterThanGreaterThanGreaterThanEqualsToken, ts.SyntaxKind.AmpersandEqualsToken, ts.SyntaxKind.BarEqualsToken,
  ts.SyntaxKind.CaretEqualsToken,
]);

/** Whether a name reads like a national identifying number's: the catalogue's identifier names, or a word above. */
export function isIdentifierName(name: string, context: CheckContext): boolean {
  const normal = normaliseName(name);
  if ((context.index.byName.get(normal) ?? []).some((c) => c.identifier)) return true;
  if (nameWords(name).some((w) => IDENTIFIER_WORDS.has(w))) return true;
  return normal.includes('bsn') || normal.includes('burgerservicenummer') || normal.includes('onderwijsnummer');
}

/** Whether a name says its value is a constant, bound, unit, size, time or record id. */
export function isNonIdentifierName(name: string): boolean {
  if (CONSTANT_NAMES.has(normaliseName(name))) return true;
  const words = nameWords(name);
  const first = words[0];
  const last = words[words.length - 1];
  return (first !== undefined && words.length > 1 && BOUND_PREFIXES.has(first)) || (last !== undefined && UNIT_SUFFIXES.has(last));
}

/** The literal with the parentheses, signs and type assertions around it. */
function outermost(literal: ts.Expression): ts.Expression {
  let n: ts.Expression = literal;
  for (;;) {
    const p = n.parent;
    if (ts.isParenthesizedExpression(p) || ts.isAsExpression(p) || ts.isSatisfiesExpression(p) || ts.isTypeAssertionExpression(p) || ts.isNonNullExpression(p)) n = p;
    else if (ts.isPrefixUnaryExpression(p) && p.operator === ts.SyntaxKind.PlusToken) n = p;
    else return n;
  }
}

function nameOf(node: ts.Node): string | undefined {
  if (ts.isIdentifier(node) || ts.isPrivateIdentifier(node)) return node.text;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isPropertyAccessExpression(node)) return node.name.text;
  if (ts.isElementAccessExpression(node)) return nameOf(node.argumentExpression);
  if (ts.isComputedPropertyName(node)) return nameOf(node.expression);
  return undefined;
}

/** The name the value is given: a variable, property, enum member, parameter default, or assignment target. */
function givenName(expression: ts.Expression, depth = 0): { name: string; declaration?: ts.VariableDeclaration } | undefined {
  const p = expression.parent;
  if (ts.isVariableDeclaration(p) && p.initializer === expression) {
    const name = nameOf(p.name);
    return name === undefined ? undefined : { name, declaration: p };
  }
  if ((ts.isPropertyAssignment(p) || ts.isPropertyDeclaration(p) || ts.isEnumMember(p) || ts.isParameter(p) || ts.isBindingElement(p)) && p.initializer === expression) {
    const name = nameOf(p.name);
    return name === undefined ? undefined : { name };
  }
  if (ts.isBinaryExpression(p) && p.right === expression && p.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    const name = nameOf(p.left);
    return name === undefined ? undefined : { name };
  }
  // The elements of an array take its name: `const PRIMES = [..]`, `{ ids: [..] }`.
  if (ts.isArrayLiteralExpression(p) && depth === 0) {
    const named = givenName(outermost(p), depth + 1);
    return named && { name: named.name };
  }
  return undefined;
}

/** The largest expression around `expression` made of arithmetic, conditionals and parentheses. */
function enclosingExpression(expression: ts.Expression): ts.Expression {
  let n = expression;
  for (;;) {
    const p = n.parent;
    if (ts.isBinaryExpression(p) || ts.isParenthesizedExpression(p) || ts.isPrefixUnaryExpression(p) || (ts.isConditionalExpression(p) && p.condition !== n)) n = p;
    else return n;
  }
}

/** Whether an expression is used in arithmetic, a comparison or bit operation, or as a negative number. */
function inArithmetic(expression: ts.Expression): boolean {
  const p = expression.parent;
  if (ts.isPrefixUnaryExpression(p)) return p.operator === ts.SyntaxKind.MinusToken || p.operator === ts.SyntaxKind.TildeToken;
  if (!ts.isBinaryExpression(p)) return isNumericArgument(expression);
  const op = p.operatorToken.kind;
  if (ARITHMETIC.has(op)) return true;
  if (op === ts.SyntaxKind.PlusToken || op === ts.SyntaxKind.PlusEqualsToken) {
    // `+` adds unless a string takes part: `'BSN ' + 123456782` writes the number into text.
    const other = p.left === expression ? p.right : p.left;
    return !holdsString(other) && !holdsString(p.parent as ts.Expression);
  }
  return false;
}

function holdsString(node: ts.Node | undefined): boolean {
  if (!node) return false;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) return true;
  if (ts.isParenthesizedExpression(node)) return holdsString(node.expression);
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) return holdsString(node.left) || holdsString(node.right);
  return false;
}

/** An argument of `setTimeout`, `new Date(…)`, `Math.max(…)` and the like. */
function isNumericArgument(expression: ts.Expression): boolean {
  const p = expression.parent;
  if (!(ts.isCallExpression(p) || ts.isNewExpression(p)) || !p.arguments?.includes(expression)) return false;
  const callee = p.expression;
  if (ts.isIdentifier(callee)) return NUMERIC_CALLEES.has(callee.text);
  if (ts.isPropertyAccessExpression(callee)) return (ts.isIdentifier(callee.expression) && NUMERIC_OWNERS.has(callee.expression.text)) || NUMERIC_CALLEES.has(callee.name.text);
  return false;
}

/** Whether every use of a constant (there is at least one) is arithmetic: `const K = 123456782; h = (h * K) | 0`. */
function onlyUsedInArithmetic(declaration: ts.VariableDeclaration): boolean {
  if (!ts.isIdentifier(declaration.name)) return false;
  const list = declaration.parent;
  if (!ts.isVariableDeclarationList(list) || (list.flags & ts.NodeFlags.Const) === 0) return false;
  const name = declaration.name.text;
  let uses = 0;
  let other = false;
  const visit = (node: ts.Node): void => {
    if (other) return;
    if (ts.isIdentifier(node) && node.text === name && node !== declaration.name) {
      uses++;
      if (!inArithmetic(outermost(node))) other = true;
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(declaration.getSourceFile());
  return uses > 0 && !other;
}

/**
 * Whether the context of a numeric literal that passes a check says it is not a person's number. Asked only for
 * numbers that pass (rare), so the walk for a constant's uses costs nothing on most files.
 */
export function numberIsNoIdentifier(literal: ts.LiteralExpression, context: CheckContext): boolean {
  const outer = outermost(literal);
  // `const bsn = 123456782 * 1`: the name of the whole expression the number is part of.
  const whole = enclosingExpression(outer);
  if (whole !== outer) {
    const wholeName = givenName(whole);
    if (wholeName && isIdentifierName(wholeName.name, context)) return false;
  }
  const named = givenName(outer);
  if (named && isIdentifierName(named.name, context)) return false;
  if (named && isNonIdentifierName(named.name)) return true;
  if (inArithmetic(outer)) return true;
  return named?.declaration !== undefined && onlyUsedInArithmetic(named.declaration);
}
