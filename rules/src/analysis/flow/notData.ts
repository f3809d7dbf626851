/**
 * What is not the data: expressions whose value reveals nothing of the personal data they were computed from, and
 * values that were never a person's. The engine asks these before following a value, so such an expression carries no
 * category, and a name (`const naam = …`, `{ bsn: … }`) given to it does not make it one. The knowledge is in the
 * tables; documented for developers in docs/rules/no-unauthorised-transfer.md ("What is not the data") and for the
 * FG in docs/catalogue.md.
 *
 * - **Derived values**: a length or size, a truth value (`Boolean(x)`, `!x`, `typeof x`, comparisons and null checks,
 *   predicate calls such as `isGeldigBsn(x)` or any call typed `boolean`), the keys of an object.
 * - **Masks**: `x.replace(/./g, '*')` and the like — a global replace of every character (or every digit, word
 *   character, non-space) by a fixed text; a lookahead that keeps the last few characters (`/\d(?=\d{4})/g`) is still
 *   a mask. Hashing is *not* a mask: a hashed BSN is pseudonymous, still personal data, unless the catalogue lists the
 *   function as a sanitiser.
 * - **Generated fake data**: calls into a faker library (`faker.person.fullName()`).
 * - **Literal data**: literals, and object and array literals made only of literals and fake data
 *   (`{ email: 'jan@example.nl' }`) — the same with and without type information.
 */
// Default import: `import * as` would read every member through an esModuleInterop getter.
import ts from 'typescript';

const { isArrayLiteralExpression, isBindingElement, isVariableDeclaration, isAsExpression, isCallExpression, isIdentifier, isImportClause, isImportSpecifier, isNamespaceImport, isNoSubstitutionTemplateLiteral, isNonNullExpression, isNumericLiteral, isObjectLiteralExpression, isParenthesizedExpression, isPrefixUnaryExpression, isPropertyAccessExpression, isPropertyAssignment, isRegularExpressionLiteral, isSatisfiesExpression, isStringLiteral, isTypeAssertionExpression, isElementAccessExpression, SyntaxKind } = ts;

/** npm modules whose functions generate fake personal data (a module or any of its subpaths, such as `/locale/nl`). */
export const FAKE_DATA_MODULES: readonly string[] = ['@faker-js/faker', 'faker', '@ngneat/falso', 'chance', 'casual', '@fakerjs/faker'];

/** Members that are a measure of a value, not the value: `naam.length`, `leerlingen.size`. */
export const DERIVED_MEMBERS: ReadonlySet<string> = new Set(['length', 'size', 'byteLength']);

/** Global functions whose result is a truth value or a number about the argument, not the argument. */
export const DERIVED_GLOBALS: ReadonlySet<string> = new Set(['Boolean', 'isNaN', 'isFinite']);

/** Global objects with methods that answer a question about the argument (`Array.isArray`, `Object.keys`). */
export const DERIVED_STATIC_METHODS: ReadonlySet<string> = new Set(['Array.isArray', 'Object.keys', 'Object.is', 'Object.hasOwn', 'Number.isInteger', 'Number.isFinite', 'Number.isNaN', 'Number.isSafeInteger']);

/** A function named as a question: `isGeldigBsn`, `hasEmail`, `heeftToestemming`, `kanInloggen`. */
const PREDICATE = /^(?:is|has|heeft|kan|can|should|moet|mag|equals|matches|bevat|contains|exists|bestaat)[A-Z_]/;

/**
 * A mask pattern: one character class (any character, a digit, a word character, a non-space, or a bracket class),
 * optionally repeated, optionally followed by a lookahead; used with the `g` flag.
 */
const MASK_PATTERN = /^\/(?:\.|\\[dwSD]|\[(?:\\.|[^\]\\])+\])[+*]?(?:\(\?=[^()]*\))?\/[a-z]*$/;

export function isPredicateName(name: string): boolean {
  return PREDICATE.test(name);
}

function skip(expression: ts.Expression): ts.Expression {
  let e = expression;
  while (isParenthesizedExpression(e) || isAsExpression(e) || isNonNullExpression(e) || isTypeAssertionExpression(e) || isSatisfiesExpression(e)) e = e.expression;
  return e;
}

/** `x.replace(/./g, '*')`, `x.replaceAll(/\d/g, 'X')`: every character replaced by a fixed text. */
export function isMask(call: ts.CallExpression): boolean {
  const callee = skip(call.expression);
  if (!isPropertyAccessExpression(callee) || (callee.name.text !== 'replace' && callee.name.text !== 'replaceAll')) return false;
  const [pattern, replacement] = call.arguments;
  if (!pattern || !replacement) return false;
  const regex = skip(pattern);
  if (!isRegularExpressionLiteral(regex)) return false;
  const text = regex.text;
  if (!MASK_PATTERN.test(text) || !text.slice(text.lastIndexOf('/') + 1).includes('g')) return false;
  const by = skip(replacement);
  // A fixed text; `$1` would put a captured part back.
  return (isStringLiteral(by) || isNoSubstitutionTemplateLiteral(by)) && !by.text.includes('$');
}

/**
 * Whether an expression is a literal, or an object or array literal made only of literal data and fake data. `fake`
 * tells whether a call generates fake data (it needs the engine's name resolution).
 */
export function isLiteralData(expression: ts.Expression, fake: (call: ts.CallExpression) => boolean, depth = 0): boolean {
  const e = skip(expression);
  if (isStringLiteral(e) || isNumericLiteral(e) || isNoSubstitutionTemplateLiteral(e) || isRegularExpressionLiteral(e)) return true;
  if (e.kind === SyntaxKind.TrueKeyword || e.kind === SyntaxKind.FalseKeyword || e.kind === SyntaxKind.NullKeyword || e.kind === SyntaxKind.BigIntLiteral) return true;
  if (isIdentifier(e) && e.text === 'undefined') return true;
  if (isPrefixUnaryExpression(e) && (e.operator === SyntaxKind.MinusToken || e.operator === SyntaxKind.PlusToken)) return isNumericLiteral(skip(e.operand));
  if (isCallExpression(e)) return fake(e);
  if (depth > 6) return false;
  if (isArrayLiteralExpression(e)) return e.elements.every((element) => isLiteralData(element, fake, depth + 1));
  if (isObjectLiteralExpression(e)) {
    return e.properties.every((p) => isPropertyAssignment(p) && isLiteralData(p.initializer, fake, depth + 1));
  }
  return false;
}

/** The module a name is imported from, when `decl` is an import binding (`import { faker } from '@faker-js/faker'`). */
export function importedFrom(decl: ts.Node | undefined): string | undefined {
  if (!decl) return undefined;
  let n: ts.Node | undefined = decl;
  if (isImportSpecifier(n)) n = n.parent.parent;
  else if (isNamespaceImport(n)) n = n.parent;
  if (!n || !isImportClause(n)) return undefined;
  const specifier = n.parent.moduleSpecifier;
  return isStringLiteral(specifier) ? specifier.text : undefined;
}

/**
 * The module a name is bound to by an import or a `require`: `import X from 'm'`, `const X = require('m')`,
 * `const { X } = require('m')`, `const X = require('m').X`.
 */
export function packageImport(decl: ts.Node | undefined): string | undefined {
  const imported = importedFrom(decl);
  if (imported !== undefined || !decl) return imported;
  let n: ts.Node = decl;
  if (isBindingElement(n)) n = n.parent.parent;
  if (!isVariableDeclaration(n) || !n.initializer) return undefined;
  let e = skip(n.initializer);
  while (isPropertyAccessExpression(e)) e = skip(e.expression);
  if (!isCallExpression(e) || !isIdentifier(e.expression) || e.expression.text !== 'require') return undefined;
  const [specifier] = e.arguments;
  return specifier && isStringLiteral(specifier) ? specifier.text : undefined;
}

export function isFakeDataModule(module: string): boolean {
  return FAKE_DATA_MODULES.some((m) => module === m || module.startsWith(`${m}/`));
}

/** The identifier a call chain starts at: `faker` for `faker.person.fullName()`. */
export function rootIdentifier(expression: ts.Expression): ts.Identifier | undefined {
  let e = skip(expression);
  for (;;) {
    if (isIdentifier(e)) return e;
    if (isPropertyAccessExpression(e) || isElementAccessExpression(e)) e = skip(e.expression);
    else if (isCallExpression(e)) e = skip(e.expression);
    else return undefined;
  }
}

