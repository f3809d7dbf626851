/**
 * The shape of avglint's library knowledge. Every library avglint understands — an HTTP client, a browser API, an
 * SDK, a logger, a store — is one `Library` descriptor in a table of its family in this folder; `flow/apis.ts` (and,
 * for stores, `storage.ts`) interpret the tables and hold no knowledge of any library themselves. Adding a library is
 * adding a descriptor (and its test cases); nothing else needs to change.
 *
 * A descriptor says, in data:
 * - how code reaches the library: module names (`import`/`require`), global names (`fetch`, `navigator`), and the
 *   classes or types whose instances code receives (`constructor(private http: HttpClient)`);
 * - what makes an instance: factories (`axios.create({ baseURL })`), classes (`new Pool(url)`), callbacks the library
 *   calls with one (`client.on('messageCreate', message => …)`), and where the made thing's base URL is;
 * - which operations move data, and which argument carries it in which role (`post(url, body, { params })`).
 *
 * Names in `methods`/`call` lists are member names; two names are special: `()` is the thing itself called
 * (`axios(config)`, `debug('ns')(…)`), and `*` is any member.
 */

/** The family a library belongs to: where it is documented and which check reads its operations. */
export type Family = 'http' | 'browser' | 'sdk' | 'chat' | 'logger' | 'store' | 'orm';

/**
 * What an expression is, within a library: the module (or global) itself, an instance (a configured client, a
 * logger, an SDK scope or span), or a request object that remembers its URL (`http.request(…)`, `superagent.post(url)`,
 * an `XMLHttpRequest` after `open`).
 */
export type Receiver = 'module' | 'instance' | 'request';

/** Where a value sits in a call: an argument, or the value under `key` in an options-object argument. */
export interface Slot {
  readonly arg: number;
  readonly key?: string;
}

/** A data-carrying part of a call and the role it plays (`body`, `data`, `params`, `headers`, `argument`). */
export type DataSlot =
  /** The argument itself. `role: '$method'` names the role after the method (`superagent.send` → `send`). */
  | { readonly arg: number; readonly role: string }
  /** The data-carrying keys of an options object (or the whole argument when it is not an object literal). */
  | { readonly arg: number; readonly keys: readonly string[] }
  /** Every argument from `from` on. */
  | { readonly from: number; readonly role: string };

/** One argument layout of an operation. The first shape whose condition holds is used. */
export interface Shape {
  /** The shape applies only when this argument is an object literal (`axios({ url, data })`). */
  readonly whenObject?: number;
  /** Where the URL is (first present slot wins). The URL is a carrier too: data in its query string is sent. */
  readonly url?: readonly Slot[];
  /** A base URL given in the call's own options (`{ baseURL }`), used before the instance's. */
  readonly base?: Slot;
  /** node:http style: host, protocol and path as keys of this options-object argument. */
  readonly hostOptions?: number;
  readonly data: readonly DataSlot[];
}

/** Where a request's destination comes from when the operation itself names none. */
export type DestinationSource =
  /** The URL the request or instance was made with (`superagent.post(url).send(…)`, `new WebSocket(url).send(…)`). */
  | 'made'
  /** The processor or party the library itself is (an SDK): the catalogue entry listing its module or global, else its hosts. */
  | 'library'
  /** A sibling call on the same variable names the URL (`xhr.open(method, url)` before `xhr.send(body)`). */
  | { readonly sibling: string; readonly url: Slot };

/** An operation that moves data out: a transfer (families other than `logger`) or a log write. */
export interface Operation {
  readonly on: readonly Receiver[];
  /** Member names (the last member of the callee), `()` or `*`. */
  readonly methods: readonly string[];
  /** Only for callees this many members below the receiver (default 1; 0 for `()`); `any` for any depth. */
  readonly depth?: number | 'any';
  /** `fetch(new Request(url, init))`: when this argument is a `new` of one of these classes, its arguments stand in. */
  readonly unwrap?: {
    readonly arg: number;
    readonly classes: readonly string[];
    /** The operation applies only when the argument is such a `new` (Angular `http.request(new HttpRequest(…))`). */
    readonly required?: boolean;
  };
  readonly shapes: readonly Shape[];
  /** Default: the shape's URL joined with its base (or the instance's). */
  readonly destination?: DestinationSource;
  /** Operations that are sinks at a `new` expression (`new EventSource(url)`), not at a call. */
  readonly construct?: boolean;
  /**
   * Navigation (`router.push(url)`, `location.assign(url)`, `window.open(url)`): a URL without a scheme and host
   * (`/profiel?id=…`, `?tab=2`) stays within the app and sends nothing anywhere; only an external URL is a transfer.
   */
  readonly navigation?: boolean;
  /**
   * A sink at an assignment to the member (`location.href = url`; `()` for the thing itself: `window.location = url`),
   * not at a call: the assigned value is argument 0.
   */
  readonly assign?: boolean;
  /**
   * Where the server's answer is, for a URL taken from it (`(await axios.post(login)).data.apiUrl`, OAuth discovery,
   * tenant discovery): `result` — what the call returns, awaited or handed to `.then`/`.subscribe`; `callback` — the
   * parameter `param` of the function in argument `arg` (`last`: the last argument) the library calls with the answer
   * (`https.get(url, res => …)`). A URL read from an answer goes to the processor that gave it (`flow/destinations.ts`).
   */
  readonly response?: 'result' | { readonly arg: number | 'last'; readonly param: number };
}

/** How an instance or request is made. */
export interface Maker {
  readonly from: readonly Receiver[];
  /** Calls that make one: member names, `()` (the receiver called) or `*`. */
  readonly call?: readonly string[];
  /** `new` of these members (`new Pool(url)`, `new Client()`), or `*` for any; `()` for `new` of the receiver itself. */
  readonly construct?: readonly string[];
  readonly makes: Receiver;
  /** Only for callees this many members below the receiver (default 1; 0 for `()`); `any` for any depth. */
  readonly depth?: number | 'any';
  /** Only for callees under this member of the receiver (`client.api.…(…)`: discord.js's REST routes). */
  readonly under?: string;
  /** Where the made thing's base URL (or, for requests and sockets, its URL) is; first present slot wins. */
  readonly base?: readonly Slot[];
  /** node:http style host options in this argument (requests only). */
  readonly hostOptions?: number;
  /**
   * The library hands an instance to a callback instead of returning it: this argument (or the function under
   * `key` in this options-object argument; `last` for the last argument) is called with the instance as parameter
   * `param` (`Sentry.withScope(scope => …)`, `client.on('messageCreate', message => …)`).
   */
  readonly callback?: { readonly arg: number | 'last'; readonly key?: string; readonly param: number };
}

export interface Library {
  /** A short id, used in docs and tests (`axios`, `angular-http`, `discord.js`). */
  readonly id: string;
  readonly family: Family;
  /** What the FG and developers call it (docs). */
  readonly label: string;
  /** Module names; a module's subpaths (`@sentry/node/esm`) count too. */
  readonly modules: readonly string[];
  /**
   * Only these named exports of the modules are this library (`Logger` of `@nestjs/common`); without it, every
   * export is.
   */
  readonly exports?: readonly string[];
  /** Global names that are this library when the file does not declare them (`fetch`, `navigator`, `Sentry`). */
  readonly globals?: readonly string[];
  /**
   * Exported classes and types whose values are instances (`HttpClient`, `AxiosInstance`, `Message`): a parameter,
   * field or variable declared with one, or an Angular `inject(X)` of one, is an instance.
   */
  readonly types?: readonly string[];
  /**
   * A parameter or member with a name matching this pattern that is not otherwise known is an instance (loggers
   * received as `logger`, `log`, `auditLogger`); so is such a name used without a declaration in the file (a global
   * the platform or a script provides) or declared without a value (`declare const log: …`).
   */
  readonly instanceNames?: RegExp;
  /**
   * Like `instanceNames`, but only in a project that imports one of the library's modules somewhere: the names a
   * library's own guide gives its instances (`client` for a discord.js bot), handed around untyped in JavaScript.
   */
  readonly importedInstanceNames?: RegExp;
  readonly makers?: readonly Maker[];
  /**
   * Where a project sets the module's own base URL for every call (`axios.defaults.baseURL = url`, in the app's entry
   * module): the member path under the module. Read from the top level of the project's modules (`ProjectIndex`).
   */
  readonly defaultBase?: readonly string[];
  readonly operations: readonly Operation[];
  /**
   * Where the library sends, when code does not say (SDKs): matched against the catalogue's `hosts` when no
   * processor lists the module or global. Without hosts, the package name stands for the destination.
   */
  readonly hosts?: readonly string[];
  /** Text for docs: what is a sink, in one line. */
  readonly sinks: string;
}

/**
 * The shape of a value a library returns (`results.ts`): members by the key the library uses, each a leaf (the
 * catalogue-neutral name it is classified by) or a nested shape.
 */
export interface ResultShape {
  /** What the value is, as a neutral type name a catalogue can list members of (`Teacher`, `User`). */
  readonly type?: string;
  /** The neutral name the value is classified by, where the library's key says nothing (`te` → `teachers`). */
  readonly as?: string;
  readonly members?: Readonly<Record<string, ResultShape | string>>;
}

/** What a library's functions and methods return, used only where the type checker has no declaration for them. */
export interface LibraryResults {
  readonly id: string;
  /** What the FG and developers call it (docs). */
  readonly label: string;
  /** Module names; a module's subpaths do not count (`next-auth/client` and `next-auth/react` differ). */
  readonly modules: readonly string[];
  /** Functions the modules export (`import { useSession }`, `NextAuth.useSession()`), by name. */
  readonly functions?: Readonly<Record<string, ResultShape>>;
  /** Exported classes whose instances' `methods` return these (`new WebUntis(…).getOwnTimetableFor(…)`). */
  readonly classes?: readonly string[];
  readonly methods?: Readonly<Record<string, ResultShape>>;
}
