/**
 * Sinks: the calls through which data leaves the code (HTTP clients, processor SDKs) or is written to a log, and
 * where it goes. An "origin" is what an expression denotes as an API: `axios`, `axios.post`, an `axios.create`
 * instance, a pino logger. Origins follow variables, class fields and (with a checker) imports from other modules, so
 * a client created once and exported is still recognised where it is used.
 */
// Default import: `import * as` would read every member through an esModuleInterop getter (a sixth of the time).
import ts from 'typescript';
import type { Processor } from '../../catalogue/model';
import { propertyNameText, skipOuter } from './classify';
import { returnedExpressions, type FlowEngine } from './engine';
import { resolveDestination, stringValue, type Destination } from './destinations';
import { importOf, requiredModule } from './scopes';
import { isNetworkPackage, packageOf } from '../libraries/packages';
// Read once: every member of the typescript module is a getter, and these run for every node.
const { forEachChild, isAsExpression, isAwaitExpression, isBinaryExpression, isBindingElement, isCallExpression, isIdentifier, isImportClause, isImportEqualsDeclaration, isImportSpecifier, isNamespaceImport, isNewExpression, isNoSubstitutionTemplateLiteral, isNonNullExpression, isNumericLiteral, isObjectLiteralExpression, isParameter, isParenthesizedExpression, isPropertyAccessExpression, isPropertyAssignment, isPropertyDeclaration, isSatisfiesExpression, isShorthandPropertyAssignment, isSpreadAssignment, isStringLiteral, isVariableDeclaration, SyntaxKind } = ts;

export type ApiKind = 'fetch' | 'axios' | 'got' | 'ky' | 'http' | 'undici' | 'superagent' | 'sdk' | 'package' | 'console' | 'pino' | 'winston' | 'bunyan' | 'debug' | 'logger';

export interface Origin {
  readonly kind: ApiKind;
  /** Members taken from the module or instance: `axios.post` is `['post']`. */
  readonly member: readonly string[];
  /** Set for clients created with a configuration (`axios.create`, `new Pool(url)`) and for request objects. */
  readonly instance?: Instance;
  /** For `sdk`: the processor whose module it is. */
  readonly processor?: Processor;
  /** The module (or global) name, for messages: `axios`, `node:https`, `console`. */
  readonly name: string;
}

interface Instance {
  /** The instance's base URL expression (`baseURL`, `prefixUrl`, the Pool's origin). */
  readonly base?: ts.Expression;
  /** For request objects (`http.request(...)`, `superagent.post(url)`): the call that made them. */
  readonly request?: ts.CallExpression;
}

/** A data-carrying argument of a sink. */
export interface Carrier {
  readonly expression: ts.Expression;
  /** `body`, `data`, `params`, `headers`, `URL`, `argument`. */
  readonly role: string;
}

export interface SinkSite {
  readonly kind: 'transfer' | 'log';
  readonly call: ts.CallExpression;
  /** How it is called, for messages: `fetch`, `axios.post`, `pino`. */
  readonly api: string;
  readonly carriers: readonly Carrier[];
  /** For transfers. */
  readonly destination?: Destination;
}

const MODULES: Readonly<Record<string, ApiKind>> = {
  axios: 'axios',
  got: 'got',
  ky: 'ky',
  'ky-universal': 'ky',
  http: 'http',
  https: 'http',
  'node:http': 'http',
  'node:https': 'http',
  undici: 'undici',
  superagent: 'superagent',
  'node-fetch': 'fetch',
  'cross-fetch': 'fetch',
  'isomorphic-fetch': 'fetch',
  pino: 'pino',
  winston: 'winston',
  bunyan: 'bunyan',
  debug: 'debug',
  // Loggers whose default export (or module object) logs with the usual method names.
  consola: 'logger',
  loglevel: 'logger',
  'electron-log': 'logger',
  'electron-log/main': 'logger',
  'electron-log/renderer': 'logger',
  signale: 'logger',
  npmlog: 'logger',
  log4js: 'logger',
  tslog: 'logger',
  'roarr': 'logger',
};

/** Loggers exported by name from a larger module: NestJS `Logger` (static `Logger.log` and `new Logger(ctx)`). */
const LOGGER_EXPORTS: Readonly<Record<string, ReadonlySet<string>>> = {
  '@nestjs/common': new Set(['Logger', 'ConsoleLogger']),
  tslog: new Set(['Logger']),
  signale: new Set(['Signale']),
};

const HTTP_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options']);
const LOG_METHODS: Readonly<Record<string, ReadonlySet<string>>> = {
  console: new Set(['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir', 'table', 'group', 'groupCollapsed', 'assert']),
  pino: new Set(['info', 'warn', 'error', 'debug', 'trace', 'fatal', 'silent', 'log']),
  winston: new Set(['log', 'info', 'warn', 'error', 'debug', 'verbose', 'silly', 'http']),
  bunyan: new Set(['info', 'warn', 'error', 'debug', 'trace', 'fatal']),
  logger: new Set(['info', 'warn', 'error', 'debug', 'trace', 'fatal', 'log', 'verbose', 'success', 'silly', 'notice', 'critical']),
};
/** Loggers whose `child(bindings)` writes the bindings into every line the child logs. */
const CHILD_BINDINGS = new Set<ApiKind>(['pino', 'bunyan', 'winston']);
const LOGGER_NAME = /^(log|logger|.*Logger)$/;

export class Apis {
  private readonly origins = new Map<ts.Node, Origin | null>();
  private readonly sinks = new Map<ts.CallExpression, SinkSite | null>();
  private readonly inProgress = new Set<ts.Node>();
  private readonly imports = new Map<ts.Node, Origin | null>();

  constructor(private readonly engine: FlowEngine) {}

  /** See `FlowEngine.releaseFileCaches`. */
  release(): void {
    this.origins.clear();
    this.sinks.clear();
    this.imports.clear();
  }

  /** What API an expression denotes, if any. */
  originOf(node: ts.Node): Origin | undefined {
    const cached = this.origins.get(node);
    if (cached !== undefined) return cached ?? undefined;
    if (this.inProgress.has(node) || this.inProgress.size > 200) return undefined;
    this.inProgress.add(node);
    let origin: Origin | undefined;
    try {
      origin = this.computeOrigin(node);
    } finally {
      this.inProgress.delete(node);
    }
    this.origins.set(node, origin ?? null);
    return origin;
  }

  private computeOrigin(node: ts.Node): Origin | undefined {
    if (isParenthesizedExpression(node) || isAsExpression(node) || isNonNullExpression(node) || isAwaitExpression(node) || isSatisfiesExpression(node)) {
      return this.originOf(node.expression);
    }
    if (isIdentifier(node)) return this.identifierOrigin(node);
    if (isPropertyAccessExpression(node)) return this.memberOrigin(node);
    if (isCallExpression(node)) return this.callOrigin(node);
    if (isNewExpression(node)) return this.newOrigin(node);
    if (isVariableDeclaration(node) || isPropertyDeclaration(node) || isPropertyAssignment(node)) {
      if (node.initializer) {
        const module = requiredModule(skipOuter(node.initializer));
        if (module !== undefined) return this.moduleOrigin(module, 'default');
        const origin = this.originOf(node.initializer);
        if (origin) return origin;
      }
      if (isPropertyDeclaration(node)) return this.fieldAssignmentOrigin(node);
      return undefined;
    }
    if (isBindingElement(node)) {
      const pattern = node.parent;
      const owner = pattern.parent;
      const key = node.propertyName ? propertyNameText(node.propertyName) : isIdentifier(node.name) ? node.name.text : undefined;
      if (isVariableDeclaration(owner) && owner.initializer && key !== undefined) {
        const module = requiredModule(skipOuter(owner.initializer));
        if (module !== undefined) return this.moduleOrigin(module, key);
        const base = this.originOf(owner.initializer);
        return base ? { ...base, member: [...base.member, key] } : undefined;
      }
      return undefined;
    }
    if (isImportClause(node) || isImportSpecifier(node) || isNamespaceImport(node) || isImportEqualsDeclaration(node)) {
      const imported = importOf(node);
      return imported ? this.moduleOrigin(imported.module, imported.name) : undefined;
    }
    if (isParameter(node) && isIdentifier(node.name) && LOGGER_NAME.test(node.name.text)) return { kind: 'logger', member: [], name: node.name.text };
    return undefined;
  }

  private moduleOrigin(module: string, name: string): Origin | undefined {
    if (LOGGER_EXPORTS[module]?.has(name)) return { kind: 'logger', member: [], name };
    const kind = MODULES[module];
    const member = name === 'default' || name === '*' ? [] : [name];
    if (kind) return { kind, member, name: module };
    for (const processor of this.engine.catalogue.processors.values()) {
      if (processor.modules.some((m) => module === m || module.startsWith(`${m}/`))) return { kind: 'sdk', member, processor, name: module };
    }
    // A package that can reach the network and that the catalogue does not name: an unknown third party.
    const pkg = packageOf(module);
    if (pkg !== undefined && !MODULES[pkg] && isNetworkPackage(pkg, this.engine.networkPackages)) return { kind: 'package', member, name: pkg };
    return undefined;
  }

  private identifierOrigin(id: ts.Identifier): Origin | undefined {
    const local = this.engine.resolveLocal(id);
    if (!local || this.engine.classifier.isLibraryFile(local.getSourceFile())) {
      if (id.text === 'fetch') return { kind: 'fetch', member: [], name: 'fetch' };
      if (id.text === 'console') return { kind: 'console', member: [], name: 'console' };
      // A logger the platform or a script makes global (`logger.info(…)` with no declaration in the file).
      if (!local && LOGGER_NAME.test(id.text)) return { kind: 'logger', member: [], name: id.text };
      return undefined;
    }
    const direct = this.originOf(local);
    if (direct) return direct;
    // A logger declared globally (`declare global { var logger: Logger }`, `declare const log: …`) without a value here.
    if (isVariableDeclaration(local) && !local.initializer && isIdentifier(local.name) && LOGGER_NAME.test(local.name.text)) return { kind: 'logger', member: [], name: id.text };
    // An import of one of the project's own modules: follow it to the exported declaration, once per import.
    if (isImportBinding(local)) {
      let followed = this.imports.get(local);
      if (followed === undefined) {
        const target = this.engine.resolve(id);
        followed = (target && target !== local ? this.originOf(target) : undefined) ?? null;
        this.imports.set(local, followed);
      }
      return followed ?? undefined;
    }
    if (isParameter(local) && isIdentifier(local.name) && LOGGER_NAME.test(local.name.text)) return { kind: 'logger', member: [], name: local.name.text };
    return undefined;
  }

  private memberOrigin(node: ts.PropertyAccessExpression): Origin | undefined {
    const name = node.name.text;
    const owner = skipOuter(node.expression);
    if (isIdentifier(owner) && (owner.text === 'globalThis' || owner.text === 'window' || owner.text === 'self') && this.engine.isGlobal(owner)) {
      if (name === 'fetch') return { kind: 'fetch', member: [], name: 'fetch' };
      if (name === 'console') return { kind: 'console', member: [], name: 'console' };
    }
    const base = node.expression.kind === SyntaxKind.ThisKeyword ? undefined : this.originOf(node.expression);
    if (base) return { ...base, member: [...base.member, name] };
    const member = this.engine.resolveMember(node);
    if (member && (isPropertyDeclaration(member) || isPropertyAssignment(member) || isParameter(member))) {
      const origin = this.originOf(member);
      if (origin) return origin;
    }
    if (LOGGER_NAME.test(name) && !member) return { kind: 'logger', member: [], name: node.getText() };
    if (member && (isParameter(member) || isPropertyDeclaration(member)) && LOGGER_NAME.test(name)) return { kind: 'logger', member: [], name: node.getText() };
    return undefined;
  }

  /** `this.http = axios.create(...)` in a constructor gives the field `http` its origin. */
  private fieldAssignmentOrigin(field: ts.PropertyDeclaration): Origin | undefined {
    const cls = field.parent;
    const name = field.name && propertyNameText(field.name);
    let found: Origin | undefined;
    const visit = (node: ts.Node): void => {
      if (found) return;
      if (isBinaryExpression(node) && node.operatorToken.kind === SyntaxKind.EqualsToken && isPropertyAccessExpression(node.left) && node.left.expression.kind === SyntaxKind.ThisKeyword && node.left.name.text === name) {
        found = this.originOf(node.right);
      }
      forEachChild(node, visit);
    };
    forEachChild(cls, visit);
    return found;
  }

  private callOrigin(call: ts.CallExpression): Origin | undefined {
    const callee = skipOuter(call.expression);
    const module = requiredModule(call);
    if (module !== undefined) return this.moduleOrigin(module, 'default');
    const base = this.originOf(callee);
    if (!base) {
      // A factory in the project that returns a client (`function maakApi() { return axios.create({ … }) }`).
      const fn = this.engine.calleeDeclaration(call);
      if (!fn) return undefined;
      for (const result of returnedExpressions(fn)) {
        const origin = this.originOf(result);
        if (origin) return origin;
      }
      return undefined;
    }
    const method = base.member[base.member.length - 1];
    const config = call.arguments[0];
    switch (base.kind) {
      case 'axios':
        if (method === 'create' && base.member.length === 1) return { kind: 'axios', member: [], name: base.name, instance: { base: optionValue(config, 'baseURL') ?? base.instance?.base } };
        return undefined;
      case 'ky':
        if ((method === 'create' || method === 'extend') && base.member.length === 1) return { kind: 'ky', member: [], name: base.name, instance: { base: optionValue(config, 'prefixUrl') ?? base.instance?.base } };
        return undefined;
      case 'got':
        if (method === 'extend' && base.member.length === 1) return { kind: 'got', member: [], name: base.name, instance: { base: optionValue(config, 'prefixUrl') ?? base.instance?.base } };
        return undefined;
      case 'http':
        if ((method === 'request' || method === 'get') && base.member.length === 1) return { kind: 'http', member: [], name: base.name, instance: { request: call } };
        return undefined;
      case 'superagent':
        if (base.member.length === 0 && !base.instance) return { kind: 'superagent', member: [], name: base.name, instance: { request: call } };
        if (base.member.length === 1 && !base.instance && method !== undefined && (HTTP_METHODS.has(method) || method === 'del')) return { kind: 'superagent', member: [], name: base.name, instance: { request: call } };
        if (base.instance?.request && base.member.length === 1) return { ...base, member: [] };
        return undefined;
      case 'pino':
      case 'bunyan':
      case 'winston':
        if (base.member.length === 0 || method === 'createLogger' || method === 'child') return { ...base, member: [], instance: {} };
        return undefined;
      case 'logger':
        return method === 'child' || method === 'getLogger' || method === 'scope' || method === 'withTag' || method === 'getSubLogger' ? { ...base, member: [] } : undefined;
      case 'sdk':
      case 'package':
        // What an SDK call returns (`createClient()`) is taken to be a client of the same processor.
        return { ...base, member: [], instance: {} };
      case 'debug':
        if (base.member.length === 0 && !base.instance) return { ...base, instance: {} };
        if (method === 'extend') return { ...base, member: [], instance: {} };
        return undefined;
      default:
        return undefined;
    }
  }

  private newOrigin(node: ts.NewExpression): Origin | undefined {
    const base = this.originOf(node.expression);
    if (!base) return undefined;
    const cls = base.member[base.member.length - 1];
    if (base.kind === 'undici' && (cls === 'Pool' || cls === 'Client' || cls === 'Agent')) return { kind: 'undici', member: [], name: base.name, instance: { base: node.arguments?.[0] } };
    if (base.kind === 'sdk' || base.kind === 'package') return { ...base, member: [], instance: {} };
    if (base.kind === 'logger') return { ...base, member: [], instance: {} };
    if (base.kind === 'axios' && cls === 'Axios') return { kind: 'axios', member: [], name: base.name, instance: { base: optionValue(node.arguments?.[0], 'baseURL') } };
    return undefined;
  }

  /** The sink a call is, if it is one: what data it takes and where the data goes. */
  sinkAt(call: ts.CallExpression): SinkSite | undefined {
    const cached = this.sinks.get(call);
    if (cached !== undefined) return cached ?? undefined;
    const site = this.computeSink(call);
    this.sinks.set(call, site ?? null);
    return site;
  }

  private computeSink(call: ts.CallExpression): SinkSite | undefined {
    const callee = skipOuter(call.expression);
    const origin = this.originOf(callee);
    if (!origin) return undefined;
    const args = call.arguments;
    const method = origin.member[origin.member.length - 1];
    const api = calleeLabel(callee, origin);
    const transfer = (carriers: Carrier[], destination: Destination): SinkSite => ({ kind: 'transfer', call, api, carriers: carriers.filter((c) => !isInert(c.expression)), destination });
    const log = (): SinkSite => ({ kind: 'log', call, api, carriers: args.map((a) => ({ expression: a, role: 'argument' })) });
    const base = origin.instance?.base;
    switch (origin.kind) {
      case 'fetch': {
        if (origin.member.length > 0) return undefined;
        const [url, init] = args;
        return transfer([...urlCarrier(url), ...options(init, ['body', 'headers'])], this.destination(url, undefined));
      }
      case 'axios': {
        if (origin.member.length === 0) {
          const [first, second] = args;
          const config = first && isObjectLiteralExpression(skipOuter(first)) ? first : second;
          const url = first && config === first ? optionValue(first, 'url') : first;
          return transfer([...urlCarrier(url), ...options(config, ['data', 'params', 'headers'])], this.destination(url, optionValue(config, 'baseURL') ?? base));
        }
        if (origin.member.length !== 1 || method === undefined) return undefined;
        if (method === 'request') {
          const config = args[0];
          const url = optionValue(config, 'url');
          return transfer([...urlCarrier(url), ...options(config, ['data', 'params', 'headers'])], this.destination(url, optionValue(config, 'baseURL') ?? base));
        }
        if (['get', 'delete', 'head', 'options'].includes(method)) {
          const [url, config] = args;
          return transfer([...urlCarrier(url), ...options(config, ['params', 'headers', 'data'])], this.destination(url, optionValue(config, 'baseURL') ?? base));
        }
        if (['post', 'put', 'patch', 'postForm', 'putForm', 'patchForm'].includes(method)) {
          const [url, data, config] = args;
          return transfer([...urlCarrier(url), ...(data ? [{ expression: data, role: 'data' }] : []), ...options(config, ['params', 'headers'])], this.destination(url, optionValue(config, 'baseURL') ?? base));
        }
        return undefined;
      }
      case 'got':
      case 'ky': {
        if (origin.member.length > 1 || (method !== undefined && !HTTP_METHODS.has(method))) return undefined;
        const [first, second] = args;
        const opts = first && isObjectLiteralExpression(skipOuter(first)) ? first : second;
        const url = opts === first ? optionValue(first, 'url') : first;
        const prefix = optionValue(opts, 'prefixUrl') ?? base;
        return transfer([...urlCarrier(url), ...options(opts, ['json', 'body', 'form', 'searchParams', 'headers'])], this.destination(url, prefix));
      }
      case 'http': {
        if (origin.instance?.request) {
          if (method !== 'write' && method !== 'end') return undefined;
          const request = origin.instance.request;
          return transfer(args[0] ? [{ expression: args[0], role: 'body' }] : [], this.httpDestination(request));
        }
        if (method !== 'request' && method !== 'get') return undefined;
        const [first, second] = args;
        const carriers = first && isObjectLiteralExpression(skipOuter(first)) ? options(first, ['path', 'headers']) : [...urlCarrier(first), ...options(second, ['path', 'headers'])];
        return transfer(carriers, this.httpDestination(call));
      }
      case 'undici': {
        if (origin.instance) {
          if (method !== 'request' && method !== 'stream') return undefined;
          const opts = args[0];
          return transfer(options(opts, ['path', 'query', 'body', 'headers']), this.destination(optionValue(opts, 'path'), base));
        }
        if (method !== 'request' && method !== 'fetch' && method !== 'stream') return undefined;
        const [url, opts] = args;
        return transfer([...urlCarrier(url), ...options(opts, ['body', 'headers', 'query'])], this.destination(url, undefined));
      }
      case 'superagent': {
        if (origin.instance?.request && origin.member.length === 1 && method !== undefined && ['send', 'query', 'set', 'field', 'attach'].includes(method)) {
          return transfer(args.map((a) => ({ expression: a, role: method })), this.superagentDestination(origin.instance.request));
        }
        // `superagent.get(url)`: the URL itself may carry data in its query string.
        const made = this.originOf(call);
        if (made?.instance?.request === call) return transfer(urlCarrier(this.superagentUrl(call)), this.superagentDestination(call));
        return undefined;
      }
      case 'sdk':
        // Any call on an import from a processor's SDK module sends what it is given to that processor.
        if (!origin.processor) return undefined;
        return transfer(args.map((a) => ({ expression: a, role: 'argument' })), { kind: 'processor', processor: origin.processor, text: origin.name });
      case 'package':
        // Any call on an import from a network package the catalogue does not know sends what it is given there.
        return transfer(args.map((a) => ({ expression: a, role: 'argument' })), { kind: 'unknown', host: origin.name, text: origin.name, package: origin.name });
      case 'console':
      case 'logger':
        if (origin.kind === 'logger' && method === 'child' && origin.member.length === 1) return log();
        return origin.member.length === 1 && method !== undefined && LOG_METHODS[origin.kind]?.has(method) ? log() : undefined;
      case 'pino':
      case 'bunyan':
      case 'winston':
        // `logger.child({ leerling })`: the bindings go into every line the child writes.
        if (origin.member.length === 1 && method === 'child' && CHILD_BINDINGS.has(origin.kind) && (origin.instance || origin.kind === 'winston')) return log();
        if (!origin.instance && !(origin.kind === 'winston' && origin.member.length === 1)) return undefined;
        return origin.member.length === 1 && method !== undefined && LOG_METHODS[origin.kind]?.has(method) ? log() : undefined;
      case 'debug':
        return origin.instance && origin.member.length === 0 ? log() : undefined;
    }
  }

  private destination(url: ts.Expression | undefined, base: ts.Expression | undefined): Destination {
    return resolveDestination(this.engine, url, base);
  }

  private httpDestination(request: ts.CallExpression): Destination {
    const first = request.arguments[0];
    if (first && isObjectLiteralExpression(skipOuter(first))) {
      const host = optionValue(first, 'hostname') ?? optionValue(first, 'host');
      const hostText = host ? stringValue(this.engine, host) : undefined;
      const protocol = optionValue(first, 'protocol');
      const protocolText = (protocol ? stringValue(this.engine, protocol) : undefined) ?? (/https/.test(this.originOf(skipOuter(request.expression))?.name ?? '') ? 'https:' : 'http:');
      const path = optionValue(first, 'path');
      if (hostText === undefined) return { kind: 'unresolved' };
      return resolveDestination(this.engine, undefined, undefined, `${protocolText}//${hostText}${(path ? stringValue(this.engine, path) : undefined) ?? '/'}`);
    }
    return this.destination(first, undefined);
  }

  private superagentUrl(request: ts.CallExpression): ts.Expression | undefined {
    const origin = this.originOf(skipOuter(request.expression));
    // `superagent(method, url)` or `superagent.post(url)`.
    return origin && origin.member.length === 0 ? request.arguments[1] ?? request.arguments[0] : request.arguments[0];
  }

  private superagentDestination(request: ts.CallExpression): Destination {
    return this.destination(this.superagentUrl(request), undefined);
  }
}

function isImportBinding(node: ts.Node): boolean {
  return isImportClause(node) || isImportSpecifier(node) || isNamespaceImport(node) || isImportEqualsDeclaration(node);
}

/** The value of `key` in an object literal argument (`{ baseURL: … }`), following a const that holds the object. */
export function optionValue(node: ts.Expression | undefined, key: string): ts.Expression | undefined {
  const object = node && skipOuter(node);
  if (!object || !isObjectLiteralExpression(object)) return undefined;
  for (const property of object.properties) {
    if (isPropertyAssignment(property) && propertyNameText(property.name) === key) return property.initializer;
    if (isShorthandPropertyAssignment(property) && property.name.text === key) return property.name;
  }
  return undefined;
}

/** The data-carrying options of an options object, or the whole argument when it is not a literal. */
function options(node: ts.Expression | undefined, keys: readonly string[]): Carrier[] {
  if (!node) return [];
  const object = skipOuter(node);
  if (!isObjectLiteralExpression(object)) return [{ expression: node, role: 'options' }];
  const carriers: Carrier[] = [];
  for (const property of object.properties) {
    if (isSpreadAssignment(property)) carriers.push({ expression: property.expression, role: 'options' });
    else if (isPropertyAssignment(property)) {
      const key = propertyNameText(property.name);
      if (key !== undefined && keys.includes(key)) carriers.push({ expression: property.initializer, role: key });
    } else if (isShorthandPropertyAssignment(property) && keys.includes(property.name.text)) carriers.push({ expression: property.name, role: property.name.text });
  }
  return carriers;
}

function urlCarrier(url: ts.Expression | undefined): Carrier[] {
  return url ? [{ expression: url, role: 'URL' }] : [];
}

function isInert(node: ts.Expression): boolean {
  const e = skipOuter(node);
  return isStringLiteral(e) || isNoSubstitutionTemplateLiteral(e) || isNumericLiteral(e);
}

function calleeLabel(callee: ts.Expression, origin: Origin): string {
  const text = callee.getText().replace(/\s+/g, '');
  if (text.length <= 40) return text;
  return origin.member.length > 0 ? `${origin.name}.${origin.member.join('.')}` : origin.name;
}
