/**
 * Where a request goes: the URL is evaluated statically from literals, constants (imported ones too, with a checker),
 * template literals, concatenation and `new URL(path, base)`, joined with the client's base URL, and matched against
 * the catalogue's processors by host (`*.` matches any subdomain) and URL glob.
 */
import picomatch from 'picomatch';
// Default import: `import * as` would read every member through an esModuleInterop getter (a sixth of the time).
import ts from 'typescript';
import type { Processor } from '../../catalogue/model';
import { propertyNameText, skipOuter } from './classify';
import type { FlowEngine } from './engine';
// Read once: every member of the typescript module is a getter, and these run for every node.
const { isBinaryExpression, isCallExpression, isIdentifier, isNewExpression, isNoSubstitutionTemplateLiteral, isObjectLiteralExpression, isPropertyAccessExpression, isPropertyAssignment, isPropertyDeclaration, isStringLiteral, isTemplateExpression, isVariableDeclaration, isVariableDeclarationList, NodeFlags, SyntaxKind } = ts;

export type Destination =
  | { readonly kind: 'processor'; readonly processor: Processor; readonly text: string }
  | { readonly kind: 'unknown'; readonly host: string; readonly text: string; /** An npm package that can reach the network. */ readonly package?: string }
  | { readonly kind: 'unresolved'; readonly text?: string }
  /** The machine itself (`localhost`, `127.0.0.1`): the school's own service, not a recipient. */
  | { readonly kind: 'internal'; readonly host: string; readonly text: string };

/** Stands for a part of a URL that cannot be known statically (an id in the path). */
export const HOLE = '\u2026';
const MAX_DEPTH = 12;

export function resolveDestination(engine: FlowEngine, url: ts.Expression | undefined, base: ts.Expression | undefined, literal?: string): Destination {
  const urlText = literal ?? (url ? stringValue(engine, url) : undefined);
  const baseText = base ? stringValue(engine, base) : undefined;
  let full: string | undefined;
  if (urlText !== undefined && /^[a-z][a-z0-9+.-]*:\/\//i.test(urlText)) full = urlText;
  else if (baseText !== undefined) full = urlText === undefined ? baseText : `${baseText.replace(/\/+$/, '')}/${urlText.replace(/^\/+/, '')}`;
  if (full === undefined) return urlText === undefined ? { kind: 'unresolved' } : { kind: 'unresolved', text: urlText };
  return matchUrl(engine, full);
}

export function matchUrl(engine: FlowEngine, text: string): Destination {
  const parsed = parseUrl(text);
  if (!parsed || parsed.host.includes(HOLE) || parsed.host.length === 0) return { kind: 'unresolved', text };
  if (isLoopback(parsed.host)) return { kind: 'internal', host: parsed.host, text };
  for (const processor of engine.catalogue.processors.values()) {
    if (processor.hosts.some((h) => hostMatches(h, parsed.host))) return { kind: 'processor', processor, text };
    if (processor.urls.some((glob) => urlGlob(glob)(parsed.withoutQuery))) return { kind: 'processor', processor, text };
  }
  return { kind: 'unknown', host: parsed.host, text };
}

function parseUrl(text: string): { host: string; withoutQuery: string } | undefined {
  const match = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)([^?#]*)/i.exec(text);
  if (!match) return undefined;
  const authority = (match[2] ?? '').replace(/^[^@]*@/, '');
  const host = authority.replace(/:[^:]*$/, '').toLowerCase();
  return { host, withoutQuery: `${(match[1] ?? '').toLowerCase()}://${host}${match[3] ?? ''}` };
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host.endsWith('.localhost') || /^127\.\d+\.\d+\.\d+$/.test(host) || host === '[::1]' || host === '0.0.0.0';
}

export function hostMatches(pattern: string, host: string): boolean {
  const p = pattern.toLowerCase();
  if (p.startsWith('*.')) return host.endsWith(p.slice(1)) && host.length > p.length - 1;
  return p === host;
}

const globs = new Map<string, (input: string) => boolean>();

function urlGlob(glob: string): (input: string) => boolean {
  let matcher = globs.get(glob);
  if (!matcher) {
    const compiled = picomatch(glob, { dot: true });
    matcher = (input: string): boolean => compiled(input) || compiled(`${input.replace(/\/$/, '')}/`);
    globs.set(glob, matcher);
  }
  return matcher;
}

/**
 * The string an expression evaluates to, with `HOLE` for parts that cannot be known; undefined when nothing is known.
 */
export function stringValue(engine: FlowEngine, node: ts.Expression, depth = 0): string | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const e = skipOuter(node);
  if (isStringLiteral(e) || isNoSubstitutionTemplateLiteral(e)) return e.text;
  if (isTemplateExpression(e)) {
    let text = e.head.text;
    for (const span of e.templateSpans) text += (stringValue(engine, span.expression, depth + 1) ?? HOLE) + span.literal.text;
    return text;
  }
  if (isBinaryExpression(e) && e.operatorToken.kind === SyntaxKind.PlusToken) {
    const left = stringValue(engine, e.left, depth + 1);
    const right = stringValue(engine, e.right, depth + 1);
    if (left === undefined && right === undefined) return undefined;
    return (left ?? HOLE) + (right ?? HOLE);
  }
  if (isIdentifier(e)) {
    const decl = engine.resolve(e);
    if (decl && isVariableDeclaration(decl) && decl.initializer && isConstLike(decl)) return stringValue(engine, decl.initializer, depth + 1);
    return undefined;
  }
  if (isPropertyAccessExpression(e)) {
    if (e.name.text === 'href' || e.name.text === 'origin') return stringValue(engine, e.expression, depth + 1);
    const member = engine.resolveMember(e);
    if (member && (isPropertyAssignment(member) || isPropertyDeclaration(member)) && member.initializer) return stringValue(engine, member.initializer, depth + 1);
    const object = objectOf(engine, e.expression, depth);
    const value = object && propertyOf(object, e.name.text);
    return value ? stringValue(engine, value, depth + 1) : undefined;
  }
  if (isCallExpression(e)) {
    const callee = skipOuter(e.expression);
    if (isPropertyAccessExpression(callee) && callee.name.text === 'toString' && e.arguments.length === 0) return stringValue(engine, callee.expression, depth + 1);
    if (isIdentifier(callee) && callee.text === 'String' && e.arguments[0]) return stringValue(engine, e.arguments[0], depth + 1);
    return undefined;
  }
  if (isNewExpression(e) && isIdentifier(e.expression) && e.expression.text === 'URL' && e.arguments?.[0]) {
    const path = stringValue(engine, e.arguments[0], depth + 1);
    const base = e.arguments[1] ? stringValue(engine, e.arguments[1], depth + 1) : undefined;
    if (base === undefined) return path;
    return joinUrl(path ?? HOLE, base);
  }
  return undefined;
}

/** `new URL(path, base)` semantics, tolerant of holes. */
function joinUrl(path: string, base: string): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(path)) return path;
  const origin = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]*)/i.exec(base)?.[1] ?? base;
  if (path.startsWith('/')) return origin + path;
  const directory = base.replace(/[?#].*$/, '').replace(/[^/]*$/, '');
  return (directory.length > origin.length ? directory : `${origin}/`) + path;
}

function objectOf(engine: FlowEngine, node: ts.Expression, depth: number): ts.ObjectLiteralExpression | undefined {
  const e = skipOuter(node);
  if (isObjectLiteralExpression(e)) return e;
  if (isIdentifier(e)) {
    const decl = engine.resolve(e);
    if (decl && isVariableDeclaration(decl) && decl.initializer && depth < MAX_DEPTH) return objectOf(engine, decl.initializer, depth + 1);
  }
  if (isPropertyAccessExpression(e) && depth < MAX_DEPTH) {
    const parent = objectOf(engine, e.expression, depth + 1);
    const value = parent && propertyOf(parent, e.name.text);
    return value ? objectOf(engine, value, depth + 1) : undefined;
  }
  return undefined;
}

function propertyOf(object: ts.ObjectLiteralExpression, key: string): ts.Expression | undefined {
  for (const property of object.properties) {
    if (isPropertyAssignment(property) && propertyNameText(property.name) === key) return property.initializer;
  }
  return undefined;
}

function isConstLike(decl: ts.VariableDeclaration): boolean {
  const list = decl.parent;
  return isVariableDeclarationList(list) && (list.flags & NodeFlags.Const) !== 0;
}

/** Words for a destination in messages. */
export function destinationText(destination: Destination): string {
  switch (destination.kind) {
    case 'processor':
      return destination.processor.label;
    case 'unknown':
      return destination.package !== undefined ? `the npm package \`${destination.package}\`` : destination.host;
    case 'internal':
      return destination.host;
    case 'unresolved':
      return destination.text ?? 'an unknown destination';
  }
}
