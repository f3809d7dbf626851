/**
 * Where a request goes: the URL is evaluated statically from literals, constants (imported ones too, with a checker),
 * template literals, concatenation and `new URL(path, base)`, joined with the client's base URL, and matched against
 * the catalogue's processors by host (`*.` matches any subdomain) and URL glob.
 */
import picomatch from 'picomatch';
// Default import: `import * as` would read every member through an esModuleInterop getter (a sixth of the time).
import ts from 'typescript';
import type { Catalogue, Processor } from '../../catalogue/model';
import { propertyNameText, skipOuter } from './classify';
import type { Resolver } from './resolver';
import type { Locale } from '../../catalogue/model';
// Read once: every member of the typescript module is a getter, and these run for every node.
const { isBinaryExpression, isCallExpression, isIdentifier, isNewExpression, isNoSubstitutionTemplateLiteral, isObjectLiteralExpression, isPropertyAccessExpression, isParameter, isPropertyAssignment, isPropertyDeclaration, isStringLiteral, isTemplateExpression, isVariableDeclaration, isVariableDeclarationList, NodeFlags, SyntaxKind } = ts;

export type Destination =
  | { readonly kind: 'processor'; readonly processor: Processor; readonly text: string }
  | { readonly kind: 'unknown'; readonly host: string; readonly text: string; /** An npm package that can reach the network. */ readonly package?: string }
  /**
   * Not known statically. `open`: the unknown part is a parameter no call in the analysed code gives a value (a
   * library's constructor taking the server, a wrapper's URL parameter): whoever calls it decides the destination.
   */
  | { readonly kind: 'unresolved'; readonly text?: string; readonly open?: true }
  /** The machine itself (`localhost`, `127.0.0.1`): the school's own service, not a recipient. */
  | { readonly kind: 'internal'; readonly host: string; readonly text: string };

/** Stands for a part of a URL that cannot be known statically (an id in the path). */
export const HOLE = '\u2026';
const MAX_DEPTH = 12;

/**
 * Values of parameters at a call site: the arguments a wrapper was called with (and the arguments of the `new` that
 * made its instance), so a URL built from them inside the wrapper resolves at each call site.
 */
export type Bindings = ReadonlyMap<ts.ParameterDeclaration, ts.Expression>;

/** What evaluating a URL found: the string (with holes) and whether a parameter's value went into it. */
interface Evaluation {
  parametric: boolean;
  /** A parameter went in that no binding and no default gave a value. */
  open?: boolean;
  readonly bindings: Bindings | undefined;
}

/** A destination, and whether it depends on a parameter (then each call site may resolve it differently). */
export interface Located {
  readonly destination: Destination;
  readonly parametric: boolean;
}

/** Resolves URLs statically and matches them against the catalogue's processors. */
export class Destinations {
  constructor(
    private readonly catalogue: Catalogue,
    private readonly resolver: Resolver,
  ) {}

  /** The destination of a request to `url` (joined with `base`), or of a `literal` URL built by the caller. */
  resolve(url: ts.Expression | undefined, base: ts.Expression | undefined, bindings?: Bindings, literal?: string): Located {
    const evaluation: Evaluation = { parametric: false, bindings };
    const urlText = literal ?? (url ? this.evaluate(url, evaluation, 0) : undefined);
    const baseText = base ? this.evaluate(base, evaluation, 0) : undefined;
    let full: string | undefined;
    if (urlText !== undefined && /^[a-z][a-z0-9+.-]*:\/\//i.test(urlText)) full = urlText;
    else if (baseText !== undefined) full = urlText === undefined ? baseText : `${baseText.replace(/\/+$/, '')}/${urlText.replace(/^\/+/, '')}`;
    let destination: Destination = full === undefined ? (urlText === undefined ? { kind: 'unresolved' } : { kind: 'unresolved', text: urlText }) : this.match(full);
    if (destination.kind === 'unresolved' && evaluation.open) destination = { ...destination, open: true };
    return { destination, parametric: evaluation.parametric };
  }

  /** The string an expression evaluates to, with `HOLE` for unknown parts; undefined when nothing is known. */
  stringValue(node: ts.Expression, bindings?: Bindings): string | undefined {
    return this.evaluate(node, { parametric: false, bindings }, 0);
  }

  /** A full URL matched against the catalogue. */
  match(text: string): Destination {
    const parsed = parseUrl(text);
    if (!parsed || parsed.host.length === 0) return { kind: 'unresolved', text };
    if (parsed.host.includes(HOLE)) return this.matchTenant(parsed, text);
    if (isLoopback(parsed.host)) return { kind: 'internal', host: parsed.host, text };
    for (const processor of this.catalogue.processors.values()) {
      if (processor.hosts.some((h) => hostMatches(h, parsed.host))) return { kind: 'processor', processor, text };
      if (processor.urls.some((glob) => urlGlob(glob)(parsed.withoutQuery))) return { kind: 'processor', processor, text };
    }
    return { kind: 'unknown', host: parsed.host, text };
  }

  /**
   * A host with a part only known at run time: `https://${school}.zportal.nl`. When the literal part after the last
   * unknown part still names a registrable domain (`.zportal.nl`), the request goes to some subdomain of it: a
   * processor whose `*.` host or URL glob covers every such subdomain receives it; otherwise the destination is that
   * domain's unknown subdomain. Only a host whose registrable domain is itself unknown stays unresolved.
   */
  private matchTenant(parsed: { host: string; withoutQuery: string }, text: string): Destination {
    const tail = parsed.host.slice(parsed.host.lastIndexOf(HOLE) + 1);
    const labels = tail.split('.');
    if (!tail.startsWith('.') || labels.length < 3 || labels.some((l, i) => i > 0 && l.length === 0)) return { kind: 'unresolved', text };
    const suffix = tail.slice(1);
    // A stand-in subdomain label: any label the hole may take must match, and this one is none a catalogue names.
    const sample = `avglint-tenant.${suffix}`;
    const sampleUrl = parsed.withoutQuery.replace(parsed.host, sample);
    for (const processor of this.catalogue.processors.values()) {
      if (processor.hosts.some((h) => h.startsWith('*.') && hostMatches(h, sample))) return { kind: 'processor', processor, text };
      if (processor.urls.some((glob) => urlGlob(glob)(sampleUrl))) return { kind: 'processor', processor, text };
    }
    return { kind: 'unknown', host: `*.${suffix}`, text };
  }

  private evaluate(node: ts.Expression, evaluation: Evaluation, depth: number): string | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const e = skipOuter(node);
    if (isStringLiteral(e) || isNoSubstitutionTemplateLiteral(e)) return e.text;
    if (isTemplateExpression(e)) {
      let text = e.head.text;
      for (const span of e.templateSpans) text += (this.evaluate(span.expression, evaluation, depth + 1) ?? HOLE) + span.literal.text;
      return text;
    }
    if (isBinaryExpression(e) && e.operatorToken.kind === SyntaxKind.PlusToken) {
      const left = this.evaluate(e.left, evaluation, depth + 1);
      const right = this.evaluate(e.right, evaluation, depth + 1);
      if (left === undefined && right === undefined) return undefined;
      return (left ?? HOLE) + (right ?? HOLE);
    }
    if (isIdentifier(e)) {
      const decl = this.resolver.resolve(e);
      if (decl && isVariableDeclaration(decl) && decl.initializer && isConstLike(decl)) return this.evaluate(decl.initializer, evaluation, depth + 1);
      if (decl && isParameter(decl)) return this.parameter(decl, evaluation, depth);
      return undefined;
    }
    if (isPropertyAccessExpression(e)) {
      if (e.name.text === 'href' || e.name.text === 'origin') return this.evaluate(e.expression, evaluation, depth + 1);
      const member = this.resolver.resolveMember(e);
      if (member && (isPropertyAssignment(member) || isPropertyDeclaration(member)) && member.initializer) return this.evaluate(member.initializer, evaluation, depth + 1);
      if (member && isParameter(member)) return this.parameter(member, evaluation, depth);
      if (e.expression.kind === SyntaxKind.ThisKeyword) {
        // A field set in the constructor (`this.base = base`), or by a constructor function (`function Client(base)`).
        for (const value of this.resolver.thisAssignments(e)) {
          const text = this.evaluate(value, evaluation, depth + 1);
          if (text !== undefined) return text;
        }
        return undefined;
      }
      const object = this.objectOf(e.expression, depth);
      const value = object && propertyOf(object, e.name.text);
      return value ? this.evaluate(value, evaluation, depth + 1) : undefined;
    }
    if (isCallExpression(e)) {
      const callee = skipOuter(e.expression);
      if (isPropertyAccessExpression(callee) && callee.name.text === 'toString' && e.arguments.length === 0) return this.evaluate(callee.expression, evaluation, depth + 1);
      if (isIdentifier(callee) && callee.text === 'String' && e.arguments[0]) return this.evaluate(e.arguments[0], evaluation, depth + 1);
      return undefined;
    }
    if (isNewExpression(e) && isIdentifier(e.expression) && e.expression.text === 'URL' && e.arguments?.[0]) {
      const path = this.evaluate(e.arguments[0], evaluation, depth + 1);
      const base = e.arguments[1] ? this.evaluate(e.arguments[1], evaluation, depth + 1) : undefined;
      if (base === undefined) return path;
      return joinUrl(path ?? HOLE, base);
    }
    return undefined;
  }

  /** A parameter: the argument bound at the call site being resolved, else its default value. */
  private parameter(decl: ts.ParameterDeclaration, evaluation: Evaluation, depth: number): string | undefined {
    evaluation.parametric = true;
    const bound = evaluation.bindings?.get(decl);
    if (bound) return this.evaluate(bound, evaluation, depth + 1);
    const fallback = decl.initializer ? this.evaluate(decl.initializer, evaluation, depth + 1) : undefined;
    if (fallback === undefined) evaluation.open = true;
    return fallback;
  }

  private objectOf(node: ts.Expression, depth: number): ts.ObjectLiteralExpression | undefined {
    const e = skipOuter(node);
    if (isObjectLiteralExpression(e)) return e;
    if (isIdentifier(e)) {
      const decl = this.resolver.resolve(e);
      if (decl && isVariableDeclaration(decl) && decl.initializer && depth < MAX_DEPTH) return this.objectOf(decl.initializer, depth + 1);
    }
    if (isPropertyAccessExpression(e) && depth < MAX_DEPTH) {
      const parent = this.objectOf(e.expression, depth + 1);
      const value = parent && propertyOf(parent, e.name.text);
      return value ? this.objectOf(value, depth + 1) : undefined;
    }
    return undefined;
  }
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

/** `new URL(path, base)` semantics, tolerant of holes. */
function joinUrl(path: string, base: string): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(path)) return path;
  const origin = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]*)/i.exec(base)?.[1] ?? base;
  if (path.startsWith('/')) return origin + path;
  const directory = base.replace(/[?#].*$/, '').replace(/[^/]*$/, '');
  return (directory.length > origin.length ? directory : `${origin}/`) + path;
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
export function destinationText(destination: Destination, locale: Locale = 'en'): string {
  switch (destination.kind) {
    case 'processor':
      return destination.processor.label;
    case 'unknown':
      if (destination.package === undefined) return destination.host;
      return locale === 'nl' ? `npm-pakket \`${destination.package}\`` : `npm package \`${destination.package}\``;
    case 'internal':
      return destination.host;
    case 'unresolved':
      return destination.text ?? (locale === 'nl' ? 'een onbekende bestemming' : 'an unknown destination');
  }
}
