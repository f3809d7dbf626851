/**
 * Where a request goes: the URL is evaluated statically from literals, constants (imported ones too, with a checker),
 * template literals, concatenation and `new URL(path, base)`, joined with the client's base URL, and matched against
 * the catalogue's processors by host (`*.` matches any subdomain) and URL glob. A URL whose host comes from the answer
 * of a request to a processor (OAuth or tenant discovery: the login response names the API host) goes to that
 * processor, with the request it came from (`Destination.answer`).
 */
import picomatch from 'picomatch';
// Default import: `import * as` would read every member through an esModuleInterop getter (a sixth of the time).
import ts from 'typescript';
import type { Catalogue, Processor } from '../../catalogue/model';
import { propertyNameText, skipOuter } from './classify';
import { enclosingClass } from './syntax';
import { forEachNode } from './walk';
import type { Resolver } from './resolver';
import type { Locale } from '../../catalogue/model';
// Read once: every member of the typescript module is a getter, and these run for every node.
const { isArrowFunction, isConditionalExpression, isAwaitExpression, isBindingElement, isClassLike, isElementAccessExpression, isEnumMember, isFunctionDeclaration, isFunctionExpression, isMethodDeclaration, isObjectBindingPattern, isArrayBindingPattern, isBinaryExpression, isCallExpression, isIdentifier, isNewExpression, isNoSubstitutionTemplateLiteral, isObjectLiteralExpression, isPropertyAccessExpression, isParameter, isPropertyAssignment, isPropertyDeclaration, isStringLiteral, isTemplateExpression, isVariableDeclaration, isVariableDeclarationList, NodeFlags, SyntaxKind } = ts;

export type Destination =
  | {
      readonly kind: 'processor';
      readonly processor: Processor;
      readonly text: string;
      /** The URL's host came from the answer of this request to the processor (`URL from the response of …`). */
      readonly answer?: { readonly request: ts.Node };
    }
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

/**
 * What the sink interpreter knows about requests and their answers (`Apis`), handed in so that this module does not
 * import it: the destination of a request whose answer a value is.
 */
export interface Requests {
  /** A call whose result (awaited, or given to `.then`) is a server's answer: where that request went. */
  resultOf(call: ts.CallExpression): Destination | undefined;
  /** A function the library calls with the server's answer as parameter `param`: where that request went. */
  callbackOf(fn: ts.ArrowFunction | ts.FunctionExpression, param: number): Destination | undefined;
}

/** A processor's answer a value was read from, and the request that asked for it. */
interface Answer {
  readonly processor: Processor;
  readonly request: ts.Node;
}

/**
 * A part of a URL read from an answer is written into the evaluated text as a marker (private-use characters around
 * the answer's number), so the evaluation stays a string; `resolve` reads the markers and leaves a `HOLE` in their place.
 */
const ANSWER_OPEN = '\uE000';
const ANSWER_CLOSE = '\uE001';
const ANSWER_MARKS = /\uE000(\d+)\uE001/g;
/** An answer that supplies the host: at the start of the URL or right after its scheme, up to the path or port. */
const ANSWER_HOST = /^(?:[a-z][a-z0-9+.-]*:\/\/)?\uE000(\d+)\uE001(?=$|[/?#:])/i;
/** Methods through which a promise or observable hands its value to a callback's first parameter. */
const CONTINUATIONS: ReadonlySet<string> = new Set(['then', 'subscribe']);

/** Resolves URLs statically and matches them against the catalogue's processors. */
export class Destinations {
  private readonly answers: Answer[] = [];
  private readonly answerIds = new Map<ts.Node, number>();
  private readonly callSites = new Map<ts.Node, readonly ts.CallExpression[]>();
  private readonly classAssignments = new Map<ts.Node, ReadonlyMap<string, readonly ts.Expression[]>>();
  /** Answers of nodes asked without bindings, and texts of fields, once per program (null: none). */
  private readonly answerCache = new Map<ts.Node, Answer | null>();
  private readonly fieldTexts = new Map<ts.Node, Map<string, string | null>>();

  constructor(
    private readonly catalogue: Catalogue,
    private readonly resolver: Resolver,
    private readonly requests?: Requests,
  ) {}

  /** The destination of a request to `url` (joined with `base`), or of a `literal` URL built by the caller. */
  resolve(url: ts.Expression | undefined, base: ts.Expression | undefined, bindings?: Bindings, literal?: string): Located {
    const evaluation: Evaluation = { parametric: false, bindings };
    const urlText = literal ?? (url ? this.evaluate(url, evaluation, 0) : undefined);
    const baseText = base ? this.evaluate(base, evaluation, 0) : undefined;
    let full: string | undefined;
    if (urlText !== undefined && /^[a-z][a-z0-9+.-]*:\/\//i.test(urlText)) full = urlText;
    else if (baseText !== undefined) full = urlText === undefined ? baseText : `${baseText.replace(/\/+$/, '')}/${urlText.replace(/^\/+/, '')}`;
    const answered = this.answered(full ?? urlText);
    if (answered) return { destination: answered, parametric: evaluation.parametric };
    if (full !== undefined) full = withoutMarks(full);
    const shown = urlText === undefined ? undefined : withoutMarks(urlText);
    let destination: Destination = full === undefined ? (shown === undefined ? { kind: 'unresolved' } : { kind: 'unresolved', text: shown }) : this.match(full);
    // A root-relative path and no base at all (`fetch('/api/leerlingen')`): the page's own origin in a browser, the
    // machine itself for a Node client. The app's own server, not a recipient; where that server sends the data is
    // its own code's finding. A base that exists but cannot be read (`axios.create({ baseURL: env.API })`) is no origin.
    if (full === undefined && base === undefined && shown !== undefined && /^\/(?!\/)/.test(shown)) destination = { kind: 'internal', host: '', text: shown };
    if (destination.kind === 'unresolved' && evaluation.open) destination = { ...destination, open: true };
    return { destination, parametric: evaluation.parametric };
  }

  /**
   * The string an expression evaluates to, with `HOLE` for unknown parts; undefined when nothing is known. A part
   * read from a processor's answer stays marked: `resolve` of a literal built from it still sees where it came from.
   */
  stringValue(node: ts.Expression, bindings?: Bindings): string | undefined {
    return this.evaluate(node, { parametric: false, bindings }, 0);
  }

  /**
   * A field (`user.baseURL`, `this.apiUrl`) without an initializer, or with a placeholder (`''`, `null`,
   * `undefined`), whose every assignment in its class is a URL with the host from an answer of the same processor
   * (`this.baseURL = login.data.apiUrl + '/v1'` in a login method).
   */
  private fieldText(node: ts.Expression, depth: number): string | undefined {
    const e = skipOuter(node);
    if (!isPropertyAccessExpression(e)) return undefined;
    const member = this.resolver.resolveMember(e);
    const cls = member ? (isPropertyDeclaration(member) && (!member.initializer || isPlaceholder(member.initializer)) ? member.parent : undefined) : e.expression.kind === SyntaxKind.ThisKeyword ? enclosingClass(e) : undefined;
    if (!cls || !isClassLike(cls)) return undefined;
    let texts = this.fieldTexts.get(cls);
    if (!texts) this.fieldTexts.set(cls, (texts = new Map()));
    const name = e.name.text;
    const cached = texts.get(name);
    if (cached !== undefined) return cached ?? undefined;
    texts.set(name, null);
    const text = this.computeFieldText(cls, name, depth);
    texts.set(name, text ?? null);
    return text;
  }

  private computeFieldText(cls: ts.ClassLikeDeclaration, name: string, depth: number): string | undefined {
    let first: string | undefined;
    let processor: Processor | undefined;
    for (const value of this.assignmentsIn(cls, name)) {
      const text = this.evaluate(value, { parametric: false, bindings: undefined }, depth + 1);
      const id = text === undefined ? undefined : ANSWER_HOST.exec(text)?.[1];
      const answer = id === undefined ? undefined : this.answers[Number(id)];
      if (!answer || (processor && processor !== answer.processor)) return undefined;
      processor = answer.processor;
      first ??= text;
    }
    return first;
  }

  /** A URL whose host is a processor's answer goes to that processor. */
  private answered(text: string | undefined): Destination | undefined {
    const id = text === undefined ? undefined : ANSWER_HOST.exec(text)?.[1];
    const answer = id === undefined ? undefined : this.answers[Number(id)];
    if (!answer || text === undefined) return undefined;
    return { kind: 'processor', processor: answer.processor, text: withoutMarks(text), answer: { request: answer.request } };
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
    const known = this.evaluateKnown(node, evaluation, depth);
    // An empty text may be a field's placeholder (`private api = ''`) until a login method sets it.
    if ((known !== undefined && known !== '') || !this.requests) return known;
    const field = this.fieldText(node, depth);
    if (field !== undefined) return field;
    if (known !== undefined) return known;
    const answer = this.answerOf(node, evaluation.bindings, depth + 1);
    if (!answer) return undefined;
    let id = this.answerIds.get(answer.request);
    if (id === undefined) {
      id = this.answers.push(answer) - 1;
      this.answerIds.set(answer.request, id);
    }
    return `${ANSWER_OPEN}${id}${ANSWER_CLOSE}`;
  }

  private evaluateKnown(node: ts.Expression, evaluation: Evaluation, depth: number): string | undefined {
    const e = skipOuter(node);
    if (isStringLiteral(e) || isNoSubstitutionTemplateLiteral(e)) return e.text;
    if (isTemplateExpression(e)) {
      let text = e.head.text;
      for (const span of e.templateSpans) text += (this.evaluate(span.expression, evaluation, depth + 1) ?? HOLE) + span.literal.text;
      return text;
    }
    // `process.env.API_URL ?? 'https://api.vendor.example'`: the literal fallback is where the code sends unless
    // configured otherwise; a left side that resolves wins.
    if (isBinaryExpression(e) && (e.operatorToken.kind === SyntaxKind.QuestionQuestionToken || e.operatorToken.kind === SyntaxKind.BarBarToken)) {
      return this.evaluate(e.left, evaluation, depth + 1) ?? this.evaluate(e.right, evaluation, depth + 1);
    }
    // `isProd ? 'https://api.vendor.example' : 'http://localhost:3000'`: a local development server receives nothing
    // that leaves the machine, so the other branch is the destination; two branches with one host are that host.
    if (isConditionalExpression(e)) {
      const whenTrue = this.evaluate(e.whenTrue, evaluation, depth + 1);
      const whenFalse = this.evaluate(e.whenFalse, evaluation, depth + 1);
      if (whenTrue === undefined || whenFalse === undefined) return undefined;
      const hostTrue = parseUrl(whenTrue)?.host;
      const hostFalse = parseUrl(whenFalse)?.host;
      if (hostTrue === undefined || hostFalse === undefined) return undefined;
      if (hostTrue === hostFalse || isLoopback(hostFalse)) return whenTrue;
      return isLoopback(hostTrue) ? whenFalse : undefined;
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
      // `const { UITGEVER_URL } = require('./config')`: the checker follows CommonJS destructuring to the exported
      // property; a local `const { base } = config` names a property of an object literal.
      if (decl && isPropertyAssignment(decl)) return this.evaluate(decl.initializer, evaluation, depth + 1);
      if (decl && isBindingElement(decl) && isObjectBindingPattern(decl.parent) && !decl.dotDotDotToken) {
        const holder = decl.parent.parent;
        const key = decl.propertyName ? (isIdentifier(decl.propertyName) || isStringLiteral(decl.propertyName) ? decl.propertyName.text : undefined) : isIdentifier(decl.name) ? decl.name.text : undefined;
        if (key === undefined || !isVariableDeclaration(holder) || !holder.initializer || !isConstLike(holder)) return undefined;
        const object = this.objectOf(holder.initializer, depth);
        const value = object && propertyOf(object, key);
        if (value) return this.evaluate(value, evaluation, depth + 1);
        return decl.initializer ? this.evaluate(decl.initializer, evaluation, depth + 1) : undefined;
      }
      return undefined;
    }
    if (isPropertyAccessExpression(e)) {
      if (e.name.text === 'href' || e.name.text === 'origin') return this.evaluate(e.expression, evaluation, depth + 1);
      const member = this.resolver.resolveMember(e);
      if (member && (isPropertyAssignment(member) || isPropertyDeclaration(member) || isEnumMember(member)) && member.initializer) return this.evaluate(member.initializer, evaluation, depth + 1);
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

  /**
   * The processor's answer a value was read from: the result of a request (awaited, through `.then`/`.subscribe`, or
   * handed to the request's callback), any part of it (`res.data.apiUrl`, `await res.json()`, `JSON.parse(body)`),
   * through variables and destructuring, a field every assignment in its class gives an answer of the same processor
   * (set in a login method, read in another), a parameter every call in its class or file gives one, and a
   * `new Promise` resolved inside a request's callback. An answer of a request that goes anywhere but a processor is
   * no answer here: its URL stays unresolved.
   */
  private answerOf(node: ts.Expression, bindings: Bindings | undefined, depth: number): Answer | undefined {
    if (depth > MAX_DEPTH || !this.requests) return undefined;
    // Without bindings the answer is the same wherever it is asked: once per node (a node being worked out is none,
    // which also ends cycles through fields and parameters).
    if (bindings !== undefined) return this.computeAnswer(node, bindings, depth);
    const cached = this.answerCache.get(node);
    if (cached !== undefined) return cached ?? undefined;
    this.answerCache.set(node, null);
    const answer = this.computeAnswer(node, undefined, depth);
    this.answerCache.set(node, answer ?? null);
    return answer;
  }

  private computeAnswer(node: ts.Expression, bindings: Bindings | undefined, depth: number): Answer | undefined {
    if (!this.requests) return undefined;
    const e = skipOuter(node);
    if (isAwaitExpression(e)) return this.answerOf(e.expression, bindings, depth + 1);
    if (isPropertyAccessExpression(e)) {
      const member = this.resolver.resolveMember(e);
      if (member && isPropertyDeclaration(member)) return member.initializer ? this.answerOf(member.initializer, bindings, depth + 1) : this.fieldAnswer(member.parent, member.name.getText(), depth);
      if (!member && e.expression.kind === SyntaxKind.ThisKeyword) {
        // An untyped class: `this.baseURL = …` in a method without a field declaration.
        const cls = enclosingClass(e);
        if (cls) return this.fieldAnswer(cls, e.name.text, depth);
      }
      return this.answerOf(e.expression, bindings, depth + 1);
    }
    if (isElementAccessExpression(e)) return this.answerOf(e.expression, bindings, depth + 1);
    if (isCallExpression(e)) {
      const request = this.requests.resultOf(e);
      if (request) return request.kind === 'processor' ? { processor: request.processor, request: e } : undefined;
      const callee = skipOuter(e.expression);
      if (!isPropertyAccessExpression(callee)) return undefined;
      // `JSON.parse(body)`: the answer's text parsed; `res.json()`, `res.text()`: the answer read.
      if (isIdentifier(callee.expression) && callee.expression.text === 'JSON' && callee.name.text === 'parse' && e.arguments[0]) return this.answerOf(e.arguments[0], bindings, depth + 1);
      return this.answerOf(callee.expression, bindings, depth + 1);
    }
    if (isNewExpression(e) && isIdentifier(e.expression) && e.expression.text === 'Promise' && e.arguments?.[0]) return this.promiseAnswer(e.arguments[0], depth);
    if (!isIdentifier(e)) return undefined;
    const decl = this.resolver.resolve(e);
    if (!decl) return undefined;
    if (isVariableDeclaration(decl)) {
      // A variable reassigned after its declaration (`let base = answer; if (…) base = other;`) is not only the answer.
      if (!decl.initializer || (!isConstLike(decl) && this.resolver.localAssignments(decl).length > 0)) return undefined;
      return this.answerOf(decl.initializer, bindings, depth + 1);
    }
    if (isParameter(decl)) return this.parameterAnswer(decl, bindings, depth);
    if (isBindingElement(decl)) {
      // `const { data } = response`: a part of the answer.
      let holder: ts.Node = decl.parent;
      while (isObjectBindingPattern(holder) || isArrayBindingPattern(holder) || isBindingElement(holder)) holder = holder.parent;
      if (isVariableDeclaration(holder)) return holder.initializer && (isConstLike(holder) || this.resolver.localAssignments(decl).length === 0) ? this.answerOf(holder.initializer, bindings, depth + 1) : undefined;
      if (isParameter(holder)) return this.parameterAnswer(holder, bindings, depth);
    }
    return undefined;
  }

  /** A parameter: the answer bound at the call site, the answer a request or promise hands its callback, or every caller's. */
  private parameterAnswer(decl: ts.ParameterDeclaration, bindings: Bindings | undefined, depth: number): Answer | undefined {
    const bound = bindings?.get(decl);
    if (bound) return this.answerOf(bound, bindings, depth + 1);
    const fn = decl.parent;
    const index = fn.parameters.indexOf(decl);
    if (isArrowFunction(fn) || isFunctionExpression(fn)) {
      const call = fn.parent;
      if (isCallExpression(call) && call.arguments[0] === fn && index === 0) {
        const callee = skipOuter(call.expression);
        if (isPropertyAccessExpression(callee) && CONTINUATIONS.has(callee.name.text)) return this.answerOf(callee.expression, bindings, depth + 1);
      }
      const request = this.requests?.callbackOf(fn, index);
      if (request) return request.kind === 'processor' ? { processor: request.processor, request: call } : undefined;
      return undefined;
    }
    if (!isMethodDeclaration(fn) && !isFunctionDeclaration(fn)) return undefined;
    return this.agreed(this.callsOf(fn).map((call) => call.arguments[index]), depth);
  }

  /** The answer of the same processor every value is, if they all are one. */
  private agreed(values: readonly (ts.Expression | undefined)[], depth: number): Answer | undefined {
    let found: Answer | undefined;
    for (const value of values) {
      const answer = value && this.answerOf(value, undefined, depth + 1);
      if (!answer || (found && found.processor !== answer.processor)) return undefined;
      found ??= answer;
    }
    return found;
  }

  /** A field of a class: every `this.<name> = …` in the class gives an answer of the same processor. */
  private fieldAnswer(cls: ts.Node, name: string, depth: number): Answer | undefined {
    return isClassLike(cls) ? this.agreed(this.assignmentsIn(cls, name), depth) : undefined;
  }

  /** Every value assigned to `this.<name>` anywhere in a class (its nested classes aside), found once per class. */
  private assignmentsIn(cls: ts.ClassLikeDeclaration, name: string): readonly ts.Expression[] {
    let byName = this.classAssignments.get(cls);
    if (!byName) {
      const table = new Map<string, ts.Expression[]>();
      forEachNode(cls, (n) => {
        if (n !== cls && isClassLike(n)) return false;
        if (isBinaryExpression(n) && n.operatorToken.kind === SyntaxKind.EqualsToken) {
          const left = skipOuter(n.left);
          if (isPropertyAccessExpression(left) && left.expression.kind === SyntaxKind.ThisKeyword) table.set(left.name.text, [...(table.get(left.name.text) ?? []), n.right]);
        }
        return true;
      });
      byName = table;
      this.classAssignments.set(cls, byName);
    }
    return byName.get(name) ?? [];
  }

  /** The calls of a method within its class (`this.store(answer)`), or of a function within its file. */
  private callsOf(fn: ts.MethodDeclaration | ts.FunctionDeclaration): readonly ts.CallExpression[] {
    const cached = this.callSites.get(fn);
    if (cached) return cached;
    const name = fn.name && (isIdentifier(fn.name) ? fn.name.text : undefined);
    const calls: ts.CallExpression[] = [];
    const scope: ts.Node = isMethodDeclaration(fn) ? fn.parent : fn.getSourceFile();
    if (name !== undefined) {
      forEachNode(scope, (n) => {
        if (!isCallExpression(n)) return true;
        const callee = skipOuter(n.expression);
        if (isMethodDeclaration(fn) ? isPropertyAccessExpression(callee) && callee.expression.kind === SyntaxKind.ThisKeyword && callee.name.text === name && this.resolver.resolveMember(callee) === fn : isIdentifier(callee) && callee.text === name && this.resolver.resolve(callee) === fn) calls.push(n);
        return true;
      });
    }
    this.callSites.set(fn, calls);
    return calls;
  }

  /**
   * `new Promise(resolve => https.get(url, res => … resolve(body)))`: every `resolve(…)` sits in the callback a
   * request hands its answer to, or resolves with an answer, of the same processor.
   */
  private promiseAnswer(executor: ts.Expression, depth: number): Answer | undefined {
    const fn = skipOuter(executor);
    if (!isArrowFunction(fn) && !isFunctionExpression(fn)) return undefined;
    const resolveParam = fn.parameters[0];
    if (!resolveParam || !isIdentifier(resolveParam.name)) return undefined;
    const resolveName = resolveParam.name.text;
    let found: Answer | undefined;
    let agreed = true;
    forEachNode(fn.body, (n) => {
      if (!agreed) return false;
      const callee = isCallExpression(n) ? skipOuter(n.expression) : undefined;
      if (!isCallExpression(n) || !callee || !isIdentifier(callee) || callee.text !== resolveName) return true;
      const answer = this.answerAround(n, fn) ?? (n.arguments[0] ? this.answerOf(n.arguments[0], undefined, depth + 1) : undefined);
      if (!answer || (found && found.processor !== answer.processor)) agreed = false;
      else found ??= answer;
      return true;
    });
    return agreed ? found : undefined;
  }

  /** The answer of the request whose callback (inside `outer`) a node is in. */
  private answerAround(node: ts.Node, outer: ts.Node): Answer | undefined {
    for (let at: ts.Node = node.parent; at !== outer; at = at.parent) {
      if (!isArrowFunction(at) && !isFunctionExpression(at)) continue;
      const request = at.parameters.length > 0 ? this.requests?.callbackOf(at, 0) : undefined;
      if (request) return request.kind === 'processor' ? { processor: request.processor, request: at.parent } : undefined;
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

/** A field's value until it is set: `''`, `null`, `undefined`. */
function isPlaceholder(node: ts.Expression): boolean {
  const e = skipOuter(node);
  return ((isStringLiteral(e) || isNoSubstitutionTemplateLiteral(e)) && e.text === '') || e.kind === SyntaxKind.NullKeyword || (isIdentifier(e) && e.text === 'undefined');
}

/** The text of a URL with every answer marker left as a hole. */
function withoutMarks(text: string): string {
  return text.replace(ANSWER_MARKS, HOLE);
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
