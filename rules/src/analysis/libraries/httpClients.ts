/**
 * HTTP clients: where the URL, the base URL and the data are in each call. The destination is the URL joined with
 * the base URL (of the call's options, else of the instance), matched to the catalogue's processors.
 */
import type { Library, Operation } from './types';

const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'];

/** axios's calls, shared by axios itself, its instances and NestJS's `HttpService` (which wraps an axios instance). */
const AXIOS_OPERATIONS: readonly Operation[] = [
  {
    on: ['module', 'instance'],
    response: 'result',
    methods: ['()'],
    shapes: [
      { whenObject: 0, url: [{ arg: 0, key: 'url' }], base: { arg: 0, key: 'baseURL' }, data: [{ arg: 0, keys: ['data', 'params', 'headers'] }] },
      { url: [{ arg: 0 }], base: { arg: 1, key: 'baseURL' }, data: [{ arg: 1, keys: ['data', 'params', 'headers'] }] },
    ],
  },
  {
    on: ['module', 'instance'],
    response: 'result',
    methods: ['request'],
    shapes: [{ url: [{ arg: 0, key: 'url' }], base: { arg: 0, key: 'baseURL' }, data: [{ arg: 0, keys: ['data', 'params', 'headers'] }] }],
  },
  {
    on: ['module', 'instance'],
    response: 'result',
    methods: ['get', 'delete', 'head', 'options'],
    shapes: [{ url: [{ arg: 0 }], base: { arg: 1, key: 'baseURL' }, data: [{ arg: 1, keys: ['params', 'headers', 'data'] }] }],
  },
  {
    on: ['module', 'instance'],
    response: 'result',
    methods: ['post', 'put', 'patch', 'postForm', 'putForm', 'patchForm'],
    shapes: [{ url: [{ arg: 0 }], base: { arg: 2, key: 'baseURL' }, data: [{ arg: 1, role: 'data' }, { arg: 2, keys: ['params', 'headers'] }] }],
  },
];

const GOT_KEYS = ['json', 'body', 'form', 'searchParams', 'headers'];

/** got and ky: `client(url, options)`, `client.post(url, options)` or one options object with `url`. */
function gotLike(prefix: string): readonly Operation[] {
  return [
    {
      on: ['module', 'instance'],
      methods: ['()', ...HTTP_METHODS],
      response: 'result',
      shapes: [
        { whenObject: 0, url: [{ arg: 0, key: 'url' }], base: { arg: 0, key: prefix }, data: [{ arg: 0, keys: GOT_KEYS }] },
        { url: [{ arg: 0 }], base: { arg: 1, key: prefix }, data: [{ arg: 1, keys: GOT_KEYS }] },
      ],
    },
  ];
}

export const HTTP_CLIENTS: readonly Library[] = [
  {
    id: 'fetch',
    family: 'http',
    label: 'fetch (global, node-fetch, cross-fetch, isomorphic-fetch)',
    modules: ['node-fetch', 'cross-fetch', 'isomorphic-fetch'],
    globals: ['fetch'],
    operations: [
      {
        on: ['module'],
        methods: ['()'],
        unwrap: { arg: 0, classes: ['Request'] },
        response: 'result',
        shapes: [{ url: [{ arg: 0 }], data: [{ arg: 1, keys: ['body', 'headers'] }] }],
      },
    ],
    sinks: '`fetch(url, { body, headers })`, also `fetch(new Request(url, init))`',
  },
  {
    id: 'axios',
    family: 'http',
    label: 'axios',
    modules: ['axios'],
    types: ['AxiosInstance', 'Axios', 'AxiosStatic'],
    // Nuxt's axios module injects an instance as `this.$axios` (also `context.$axios`, `app.$axios`).
    instanceNames: /^\$axios$/,
    defaultBase: ['defaults', 'baseURL'],
    makers: [
      { from: ['module', 'instance'], call: ['create'], makes: 'instance', base: [{ arg: 0, key: 'baseURL' }] },
      { from: ['module'], construct: ['Axios'], makes: 'instance', base: [{ arg: 0, key: 'baseURL' }] },
    ],
    operations: AXIOS_OPERATIONS,
    sinks: '`axios(config)`, `get`/`delete`/`head`/`options` (`params`, `headers`), `post`/`put`/`patch` (data), `request`; `axios.create({ baseURL })` instances; the app\'s `axios.defaults.baseURL = …` (set once at the top level of a module)',
  },
  {
    id: 'nestjs-axios',
    family: 'http',
    label: 'NestJS HttpService (@nestjs/axios)',
    modules: ['@nestjs/axios'],
    types: ['HttpService'],
    operations: AXIOS_OPERATIONS,
    sinks: 'the axios calls on an injected `HttpService`',
  },
  {
    id: 'angular-http',
    family: 'http',
    label: 'Angular HttpClient (@angular/common/http)',
    modules: ['@angular/common/http'],
    types: ['HttpClient'],
    operations: [
      { on: ['instance'], methods: ['get', 'delete', 'head', 'options', 'jsonp'], response: 'result', shapes: [{ url: [{ arg: 0 }], data: [{ arg: 1, keys: ['params', 'headers', 'body'] }] }] },
      { on: ['instance'], methods: ['post', 'put', 'patch'], response: 'result', shapes: [{ url: [{ arg: 0 }], data: [{ arg: 1, role: 'body' }, { arg: 2, keys: ['params', 'headers'] }] }] },
      // `http.request(new HttpRequest(method, url, body, { params, headers }))`, also through a constant.
      { on: ['instance'], methods: ['request'], unwrap: { arg: 0, classes: ['HttpRequest'], required: true }, response: 'result', shapes: [{ url: [{ arg: 1 }], data: [{ arg: 2, role: 'body' }, { arg: 3, keys: ['params', 'headers'] }] }] },
      { on: ['instance'], methods: ['request'], response: 'result', shapes: [{ url: [{ arg: 1 }], data: [{ arg: 2, keys: ['body', 'params', 'headers'] }] }] },
    ],
    sinks: '`HttpClient` (constructor-injected or `inject(HttpClient)`): `get`/`delete`/`head`/`options`/`jsonp` (`params`, `headers`, `body`), `post`/`put`/`patch` (body), `request(method, url, { body, params, headers })`, `request(new HttpRequest(method, url, body, { params, headers }))`',
  },
  {
    id: 'got',
    family: 'http',
    label: 'got',
    modules: ['got'],
    types: ['Got'],
    makers: [{ from: ['module', 'instance'], call: ['extend'], makes: 'instance', base: [{ arg: 0, key: 'prefixUrl' }] }],
    operations: gotLike('prefixUrl'),
    sinks: '`got(url, { json, body, form, searchParams, headers })` and its methods; `got.extend({ prefixUrl })` instances',
  },
  {
    id: 'ky',
    family: 'http',
    label: 'ky',
    modules: ['ky', 'ky-universal'],
    types: ['KyInstance'],
    makers: [{ from: ['module', 'instance'], call: ['create', 'extend'], makes: 'instance', base: [{ arg: 0, key: 'prefixUrl' }] }],
    operations: gotLike('prefixUrl'),
    sinks: '`ky(url, { json, body, searchParams, headers })` and its methods; `ky.create({ prefixUrl })` instances',
  },
  {
    id: 'node-http',
    family: 'http',
    label: 'node:http / node:https',
    modules: ['http', 'https', 'node:http', 'node:https'],
    makers: [{ from: ['module'], call: ['request', 'get'], makes: 'request', base: [{ arg: 0 }], hostOptions: 0 }],
    operations: [
      {
        on: ['module'],
        methods: ['request', 'get'],
        response: { arg: 'last', param: 0 },
        shapes: [
          { whenObject: 0, hostOptions: 0, data: [{ arg: 0, keys: ['path', 'headers'] }] },
          { url: [{ arg: 0 }], data: [{ arg: 1, keys: ['path', 'headers'] }] },
        ],
      },
      { on: ['request'], methods: ['write', 'end'], shapes: [{ data: [{ arg: 0, role: 'body' }] }], destination: 'made' },
    ],
    sinks: '`request`/`get` (URL or `{ hostname, path, headers }`), and `req.write`/`req.end` on the request',
  },
  {
    id: 'undici',
    family: 'http',
    label: 'undici',
    modules: ['undici'],
    makers: [{ from: ['module'], construct: ['Pool', 'Client', 'Agent'], makes: 'instance', base: [{ arg: 0 }] }],
    operations: [
      { on: ['instance'], methods: ['request'], response: 'result', shapes: [{ url: [{ arg: 0, key: 'path' }], data: [{ arg: 0, keys: ['path', 'query', 'body', 'headers'] }] }] },
      { on: ['instance'], methods: ['stream'], shapes: [{ url: [{ arg: 0, key: 'path' }], data: [{ arg: 0, keys: ['path', 'query', 'body', 'headers'] }] }] },
      { on: ['module'], methods: ['request', 'fetch'], response: 'result', shapes: [{ url: [{ arg: 0 }], data: [{ arg: 1, keys: ['body', 'headers', 'query'] }] }] },
      { on: ['module'], methods: ['stream'], shapes: [{ url: [{ arg: 0 }], data: [{ arg: 1, keys: ['body', 'headers', 'query'] }] }] },
    ],
    sinks: '`request`, `fetch`, `stream`; `Pool`/`Client`/`Agent` instances (`request({ path, query, body, headers })`)',
  },
  {
    id: 'needle',
    family: 'http',
    label: 'needle',
    modules: ['needle'],
    operations: [
      // `needle(method, url, data, options)` and `needle.request(method, url, data, options, callback)`.
      { on: ['module'], methods: ['()', 'request'], shapes: [{ url: [{ arg: 1 }], data: [{ arg: 2, role: 'data' }, { arg: 3, keys: ['headers'] }] }] },
      { on: ['module'], methods: ['post', 'put', 'patch', 'delete'], shapes: [{ url: [{ arg: 0 }], data: [{ arg: 1, role: 'data' }, { arg: 2, keys: ['headers'] }] }] },
      { on: ['module'], methods: ['get', 'head'], shapes: [{ url: [{ arg: 0 }], data: [{ arg: 1, keys: ['headers'] }] }] },
    ],
    sinks: '`needle(method, url, data, { headers })`, `needle.request(…)`, `post`/`put`/`patch`/`delete(url, data)`, `get`/`head(url)`',
  },
  {
    id: 'jquery',
    family: 'http',
    label: 'jQuery ajax',
    modules: ['jquery'],
    globals: ['$', 'jQuery'],
    operations: [
      {
        on: ['module'],
        methods: ['ajax'],
        shapes: [
          { whenObject: 0, url: [{ arg: 0, key: 'url' }], data: [{ arg: 0, keys: ['data', 'headers'] }] },
          { url: [{ arg: 0 }], data: [{ arg: 1, keys: ['data', 'headers'] }] },
        ],
      },
      {
        on: ['module'],
        methods: ['post', 'get', 'getJSON'],
        shapes: [
          { whenObject: 0, url: [{ arg: 0, key: 'url' }], data: [{ arg: 0, keys: ['data', 'headers'] }] },
          { url: [{ arg: 0 }], data: [{ arg: 1, role: 'data' }] },
        ],
      },
    ],
    sinks: '`$.ajax({ url, data, headers })` / `$.ajax(url, settings)`, `$.post`/`$.get`/`$.getJSON(url, data)` (also `{ url, data }`)',
  },
  {
    id: 'request',
    family: 'http',
    label: 'request (and request-promise)',
    modules: ['request', 'request-promise', 'request-promise-native'],
    makers: [{ from: ['module'], call: ['defaults'], makes: 'instance', base: [{ arg: 0, key: 'baseUrl' }] }],
    operations: [
      {
        on: ['module', 'instance'],
        methods: ['()', ...HTTP_METHODS, 'del'],
        shapes: [
          { whenObject: 0, url: [{ arg: 0, key: 'url' }, { arg: 0, key: 'uri' }], base: { arg: 0, key: 'baseUrl' }, data: [{ arg: 0, keys: ['json', 'body', 'form', 'formData', 'qs', 'headers'] }] },
          { url: [{ arg: 0 }], base: { arg: 1, key: 'baseUrl' }, data: [{ arg: 1, keys: ['json', 'body', 'form', 'formData', 'qs', 'headers'] }] },
        ],
      },
    ],
    sinks: '`request(url, { json, body, form, formData, qs, headers })`, one options object with `url`/`uri`, and its methods; `request.defaults({ baseUrl })` instances',
  },
  {
    id: 'ofetch',
    family: 'http',
    label: 'ofetch (Nuxt `$fetch`)',
    modules: ['ofetch', 'ohmyfetch'],
    // Nuxt and Nitro provide `$fetch` as a global.
    globals: ['$fetch'],
    makers: [{ from: ['module'], call: ['create'], makes: 'instance', base: [{ arg: 0, key: 'baseURL' }] }],
    operations: [
      {
        on: ['module', 'instance'],
        // `ofetch(…)` and `$fetch(…)` imported by name are the module's functions; a default import or the global is
        // the function itself.
        methods: ['()', 'ofetch', '$fetch'],
        shapes: [{ url: [{ arg: 0 }], base: { arg: 1, key: 'baseURL' }, data: [{ arg: 1, keys: ['body', 'query', 'params', 'headers'] }] }],
      },
    ],
    sinks: '`ofetch(url, { body, query, params, headers })`, `$fetch(…)` (Nuxt global or import); `ofetch.create({ baseURL })` instances',
  },
  {
    id: 'superagent',
    family: 'http',
    label: 'superagent',
    modules: ['superagent'],
    makers: [
      { from: ['module'], call: ['()'], makes: 'request', base: [{ arg: 1 }, { arg: 0 }] },
      { from: ['module'], call: [...HTTP_METHODS, 'del'], makes: 'request', base: [{ arg: 0 }] },
      // Every method of a request returns the request (`.set(…).query(…)`).
      { from: ['request'], call: ['*'], makes: 'request' },
    ],
    operations: [
      { on: ['module'], methods: ['()'], response: 'result', shapes: [{ url: [{ arg: 1 }, { arg: 0 }], data: [] }] },
      { on: ['module'], methods: [...HTTP_METHODS, 'del'], response: 'result', shapes: [{ url: [{ arg: 0 }], data: [] }] },
      { on: ['request'], methods: ['send', 'query', 'set', 'field', 'attach'], response: 'result', shapes: [{ data: [{ from: 0, role: '$method' }] }], destination: 'made' },
    ],
    sinks: '`superagent.post(url)` and the request\'s `send`, `query`, `set`, `field`, `attach`',
  },
  {
    id: 'graphql-request',
    family: 'http',
    label: 'graphql-request',
    modules: ['graphql-request'],
    types: ['GraphQLClient'],
    makers: [{ from: ['module'], construct: ['GraphQLClient'], makes: 'instance', base: [{ arg: 0 }] }],
    operations: [
      // `client.request(document, variables, headers)`, or one options object `{ document, variables, requestHeaders }`.
      {
        on: ['instance'],
        methods: ['request', 'rawRequest'],
        shapes: [
          { whenObject: 0, data: [{ arg: 0, keys: ['variables', 'requestHeaders'] }] },
          { data: [{ arg: 1, role: 'variables' }, { arg: 2, role: 'headers' }] },
        ],
      },
      // `request(url, document, variables)` on the module itself.
      { on: ['module'], methods: ['request', 'rawRequest'], shapes: [{ url: [{ arg: 0 }], data: [{ arg: 2, role: 'variables' }, { arg: 3, role: 'headers' }] }] },
    ],
    sinks: '`new GraphQLClient(url)` instances\' `request`/`rawRequest` (variables, headers); `request(url, document, variables)`',
  },
  {
    id: 'apollo-client',
    family: 'http',
    label: 'Apollo Client (@apollo/client)',
    modules: ['@apollo/client', '@apollo/client/core', 'apollo-boost', 'apollo-client'],
    types: ['ApolloClient'],
    makers: [{ from: ['module'], construct: ['ApolloClient'], makes: 'instance', base: [{ arg: 0, key: 'uri' }] }],
    operations: [{ on: ['instance'], methods: ['mutate', 'query'], shapes: [{ data: [{ arg: 0, keys: ['variables', 'context'] }] }] }],
    sinks: '`new ApolloClient({ uri })` instances\' `mutate`/`query` (`variables`)',
  },
  {
    id: 'urql',
    family: 'http',
    label: 'urql (@urql/core)',
    modules: ['urql', '@urql/core'],
    types: ['Client'],
    makers: [
      { from: ['module'], call: ['createClient'], makes: 'instance', base: [{ arg: 0, key: 'url' }] },
      { from: ['module'], construct: ['Client'], makes: 'instance', base: [{ arg: 0, key: 'url' }] },
    ],
    operations: [{ on: ['instance'], methods: ['mutation', 'query'], shapes: [{ data: [{ arg: 1, role: 'variables' }] }] }],
    sinks: '`createClient({ url })` instances\' `mutation`/`query(document, variables)`',
  },
];
