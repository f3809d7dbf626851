/**
 * Sinks as real school code writes them: project wrappers, injected clients, framework and browser egress, SDKs
 * (modules, globals, callbacks), chat bots and per-school subdomains. One case per form, typed and untyped; the data
 * is a BSN or a name, and where it goes decides the finding. Uitgeverij Leermiddel (api.leermiddel.example) may not
 * receive the BSN, DUO (duo.nl, *.duo.nl) may, Cito (*.cito.nl) may not, the Foutmeldingsdienst (`@sentry/browser`,
 * the globals `Sentry` and `dataLayer`) may receive only the ECK iD.
 */
import * as assert from 'node:assert/strict';
import { run, type Run } from './program';

const PRE = 'declare const leerling: { bsn: string; naam: string };\n';
const T = { rules: ['no-unauthorised-transfer'] as const };
const LM = 'unauthorisedTransfer:bsn>leermiddelen@';
const FOUT = 'unauthorisedTransfer:bsn>foutmeldingen@';

interface Case {
  readonly name: string;
  readonly code: string;
  readonly expected: readonly string[];
  readonly typedOnly?: boolean;
  readonly others?: Readonly<Record<string, string>>;
}

/** message id, categories, processor or unknown host, and the text reported on. */
function brief(result: Run): string[] {
  return result.findings.map((f) => {
    const where = f.processor ? `>${f.processor}` : f.messageId === 'unknownDestination' ? `>${String(f.data?.['destination'])}` : '';
    return `${f.messageId}:${f.categories.join('+')}${where}@${result.text.slice(f.range.start, f.range.end)}`;
  });
}

function check(c: Case): void {
  const opts = { ...T, others: c.others };
  assert.deepEqual(brief(run(PRE + c.code, { ...opts, typed: true })), c.expected, 'with types');
  if (!c.typedOnly) assert.deepEqual(brief(run(PRE + c.code, { ...opts, typed: false })), c.expected, 'without types');
}

const wrappers: readonly Case[] = [
  {
    name: 'a method wrapping fetch, called as this.post inside the class',
    code: "class Api {\n  private post(path: string, body: unknown) {\n    return fetch('https://api.leermiddel.example' + path, { method: 'POST', body: JSON.stringify(body) });\n  }\n  sync() {\n    return this.post('/leerlingen', leerling.bsn);\n  }\n}\nvoid Api;",
    expected: [`${LM}leerling.bsn`],
  },
  {
    name: 'a method wrapping axios, called as api.post outside the class',
    code: "import axios from 'axios';\nclass Api {\n  post(path: string, body: unknown) {\n    return axios.post(`https://api.leermiddel.example${path}`, body);\n  }\n}\nconst api = new Api();\napi.post('/leerlingen', { nummer: leerling.bsn });",
    expected: [`${LM}nummer: leerling.bsn`],
  },
  {
    name: 'a method inherited from a wrapper base class',
    code: "class Basis {\n  protected post(path: string, body: unknown) {\n    return fetch('https://api.leermiddel.example' + path, { method: 'POST', body: JSON.stringify(body) });\n  }\n}\nclass LeerlingApi extends Basis {\n  sync(x: string) {\n    return this.post('/leerlingen', x);\n  }\n}\nnew LeerlingApi().sync(leerling.bsn);",
    expected: [`${LM}leerling.bsn`],
  },
  {
    name: 'a base URL from a constructor parameter, the literal at each new site',
    code: "class Client {\n  constructor(private readonly base: string) {}\n  post(path: string, body: unknown) {\n    return fetch(this.base + path, { method: 'POST', body: JSON.stringify(body) });\n  }\n}\nconst duo = new Client('https://api.duo.nl');\nconst leverancier = new Client('https://api.leermiddel.example');\nduo.post('/bron', leerling.bsn);\nleverancier.post('/x', leerling.bsn);",
    expected: [`${LM}leerling.bsn`],
  },
  {
    name: 'a base URL assigned to a field in the constructor',
    code: "class Client {\n  private base: string;\n  constructor(base: string) {\n    this.base = base;\n  }\n  post(path: string, body: unknown) {\n    return fetch(`${this.base}${path}`, { method: 'POST', body: JSON.stringify(body) });\n  }\n}\nnew Client('https://api.duo.nl').post('/bron', leerling.bsn);\nnew Client('https://api.leermiddel.example').post('/x', leerling.bsn);",
    expected: [`${LM}leerling.bsn`],
  },
  {
    name: 'an axios instance created in the constructor from a parameter',
    code: "import axios, { type AxiosInstance } from 'axios';\nclass Client {\n  private http: AxiosInstance;\n  constructor(baseURL: string) {\n    this.http = axios.create({ baseURL });\n  }\n  stuur(data: unknown) {\n    return this.http.post('/leerlingen', data);\n  }\n}\nconst client = new Client('https://api.leermiddel.example');\nclient.stuur({ id: leerling.bsn });",
    expected: [`${LM}id: leerling.bsn`],
  },
  {
    name: 'a base URL passed to super() by a subclass',
    code: "class Basis {\n  constructor(protected base: string) {}\n  protected post(path: string, body: unknown) {\n    return fetch(this.base + path, { method: 'POST', body: JSON.stringify(body) });\n  }\n}\nclass Leverancier extends Basis {\n  constructor() {\n    super('https://api.leermiddel.example');\n  }\n  sync(x: string) {\n    return this.post('/x', x);\n  }\n}\nnew Leverancier().sync(leerling.bsn);",
    expected: [`${LM}leerling.bsn`],
  },
  {
    name: 'a URL passed into a wrapper is resolved at each call site',
    code: "function stuur(url: string, data: unknown) {\n  return fetch(url, { method: 'POST', body: JSON.stringify(data) });\n}\nstuur('https://api.duo.nl/bron', leerling.bsn);\nstuur('https://api.leermiddel.example/x', leerling.bsn);",
    expected: [`${LM}leerling.bsn`],
  },
  {
    name: 'a URL passed through two wrappers',
    code: "function stuur(url: string, data: unknown) {\n  return fetch(url, { method: 'POST', body: JSON.stringify(data) });\n}\nfunction naarLeverancier(data: unknown) {\n  return stuur('https://api.leermiddel.example/x', data);\n}\nfunction naarDuo(data: unknown) {\n  return stuur('https://api.duo.nl/bron', data);\n}\nnaarDuo(leerling.bsn);\nnaarLeverancier(leerling.bsn);",
    expected: [`${LM}leerling.bsn`],
  },
  {
    name: 'data the wrapper reads itself goes where its caller sends it',
    code: "function meld(url: string) {\n  return fetch(url, { method: 'POST', body: JSON.stringify({ bsn: leerling.bsn }) });\n}\nmeld('https://api.duo.nl/bron');\nmeld('https://api.leermiddel.example/x');",
    expected: [`${LM}meld('https://api.leermiddel.example/x')`],
  },
  {
    name: 'prototype methods and a base URL set by a constructor function',
    code: "function Client(this: { base: string }, base: string) {\n  this.base = base;\n}\nClient.prototype.post = function (this: { base: string }, path: string, body: unknown) {\n  return fetch(this.base + path, { method: 'POST', body: JSON.stringify(body) });\n};\nconst c = new (Client as any)('https://api.leermiddel.example');\nc.post('/x', leerling.bsn);",
    expected: [`${LM}leerling.bsn`],
  },
  {
    name: 'a wrapper method in an object literal',
    code: "const api = {\n  post(path: string, body: unknown) {\n    return fetch('https://api.leermiddel.example' + path, { method: 'POST', body: JSON.stringify(body) });\n  },\n};\napi.post('/x', leerling.bsn);",
    expected: [`${LM}leerling.bsn`],
  },
];

const injected: readonly Case[] = [
  {
    name: 'Angular HttpClient injected through the constructor',
    code: "import { HttpClient } from '@angular/common/http';\nexport class LeerlingService {\n  constructor(private http: HttpClient) {}\n  sync() {\n    return this.http.post('https://api.leermiddel.example/x', { bsn: leerling.bsn });\n  }\n}",
    expected: [`${LM}bsn: leerling.bsn`],
  },
  {
    name: 'Angular inject(HttpClient) in a field',
    code: "import { inject } from '@angular/core';\nimport { HttpClient } from '@angular/common/http';\nexport class LeerlingService {\n  private readonly http = inject(HttpClient);\n  zoek() {\n    return this.http.get('https://api.leermiddel.example/x', { params: { bsn: leerling.bsn } });\n  }\n}",
    expected: [`${LM}bsn: leerling.bsn`],
  },
  {
    name: 'Angular HttpClient: put body, delete with body, request with options',
    code: "import { HttpClient } from '@angular/common/http';\nexport class S {\n  constructor(private readonly http: HttpClient) {}\n  a() { return this.http.put('https://api.duo.nl/x', leerling.bsn); }\n  b() { return this.http.delete('https://api.leermiddel.example/x', { body: leerling.bsn }); }\n  c() { return this.http.request('POST', 'https://api.leermiddel.example/x', { body: { id: leerling.bsn } }); }\n}",
    expected: [`${LM}leerling.bsn`, `${LM}id: leerling.bsn`],
  },
  {
    name: 'an axios instance received as a typed parameter, with the base URL at the call',
    code: "import type { AxiosInstance } from 'axios';\nexport function sync(http: AxiosInstance) {\n  return http.post('https://api.leermiddel.example/x', { id: leerling.bsn });\n}",
    expected: [`${LM}id: leerling.bsn`],
  },
  {
    name: 'a NestJS HttpService injected through the constructor',
    code: "import { HttpService } from '@nestjs/axios';\nexport class Sync {\n  constructor(private readonly httpService: HttpService) {}\n  run() {\n    return this.httpService.post('https://api.leermiddel.example/x', { id: leerling.bsn });\n  }\n}",
    expected: [`${LM}id: leerling.bsn`],
  },
  {
    name: 'a client from a factory declared to return the client type',
    code: "import type { AxiosInstance } from 'axios';\ndeclare function maakClient(): AxiosInstance;\nconst http = maakClient();\nhttp.post('https://api.leermiddel.example/x', leerling.bsn);",
    expected: [`${LM}leerling.bsn`],
  },
];

const browser: readonly Case[] = [
  { name: 'navigator.sendBeacon', code: "navigator.sendBeacon('https://api.leermiddel.example/e', JSON.stringify({ bsn: leerling.bsn }));", expected: [`${LM}bsn: leerling.bsn`] },
  {
    name: 'XMLHttpRequest: open URL, send body',
    code: "const xhr = new XMLHttpRequest();\nxhr.open('POST', 'https://api.leermiddel.example/x');\nxhr.setRequestHeader('Content-Type', 'application/json');\nxhr.send(JSON.stringify({ bsn: leerling.bsn }));",
    expected: [`${LM}bsn: leerling.bsn`],
  },
  { name: 'XMLHttpRequest: data in the URL of open', code: "const xhr = new XMLHttpRequest();\nxhr.open('GET', `https://api.leermiddel.example/x?bsn=${leerling.bsn}`);\nxhr.send();", expected: [`${LM}leerling.bsn`] },
  { name: 'WebSocket: send to the URL it was opened with', code: "const ws = new WebSocket('wss://api.leermiddel.example/live');\nws.send(JSON.stringify({ bsn: leerling.bsn }));", expected: [`${LM}bsn: leerling.bsn`] },
  { name: 'WebSocket: data in the URL', code: 'new WebSocket(`wss://api.leermiddel.example/live?bsn=${leerling.bsn}`);', expected: [`${LM}leerling.bsn`] },
  { name: 'EventSource: data in the URL', code: 'new EventSource(`https://api.leermiddel.example/stream?bsn=${leerling.bsn}`);', expected: [`${LM}leerling.bsn`] },
  { name: 'fetch(new Request(url, init))', code: "fetch(new Request('https://api.leermiddel.example/x', { method: 'POST', body: leerling.bsn }));", expected: [`${LM}leerling.bsn`] },
  { name: 'fetch of a Request in a variable', code: "const req = new Request('https://api.leermiddel.example/x', { method: 'POST', body: leerling.bsn });\nfetch(req);", expected: [`${LM}leerling.bsn`] },
  {
    name: 'a request config built with a spread: the base URL from the defaults',
    code: "import axios from 'axios';\nconst standaard = { baseURL: 'https://api.leermiddel.example', timeout: 5000 };\naxios({ ...standaard, url: '/x', method: 'post', data: { id: leerling.bsn } });",
    expected: [`${LM}id: leerling.bsn`],
  },
  {
    name: 'a request config built with Object.assign',
    code: "import axios from 'axios';\nconst standaard = { baseURL: 'https://api.leermiddel.example' };\nconst config = Object.assign({}, standaard, { url: '/x', method: 'post' });\naxios.request({ ...config, data: leerling.bsn });",
    expected: [`${LM}leerling.bsn`],
  },
  { name: 'socket.io-client emit', code: "import { io } from 'socket.io-client';\nconst socket = io('https://api.leermiddel.example');\nsocket.emit('aanmelding', { bsn: leerling.bsn });", expected: [`${LM}bsn: leerling.bsn`] },
];

const sdks: readonly Case[] = [
  { name: 'an SDK module listed by the catalogue', code: "import * as Sentry from '@sentry/browser';\nSentry.setUser({ id: leerling.bsn });", expected: [`${FOUT}id: leerling.bsn`] },
  { name: 'an SDK global listed by the catalogue (script tag)', code: "declare const Sentry: { captureMessage(m: string): void };\nSentry.captureMessage(`sync mislukt voor ${leerling.bsn}`);", expected: [`${FOUT}leerling.bsn`] },
  { name: 'window.dataLayer.push', code: "declare global { interface Window { dataLayer: unknown[] } }\nwindow.dataLayer.push({ event: 'login', bsn: leerling.bsn });\nexport {};", expected: [`${FOUT}bsn: leerling.bsn`] },
  { name: 'data set inside configureScope', code: "import * as Sentry from '@sentry/browser';\nSentry.configureScope((scope) => scope.setUser({ id: leerling.bsn }));", expected: [`${FOUT}id: leerling.bsn`] },
  { name: 'data set inside withScope', code: "import * as Sentry from '@sentry/browser';\nSentry.withScope((scope) => {\n  scope.setExtra('leerling', leerling.bsn);\n  Sentry.captureException(new Error('x'));\n});", expected: [`${FOUT}leerling.bsn`] },
  { name: 'a known SDK the catalogue does not list is an unknown destination', code: "import Bugsnag from '@bugsnag/js';\nBugsnag.notify(new Error('x'), (event) => {\n  event.addMetadata('leerling', { naam: leerling.naam });\n});", expected: ['unknownDestination:naw>npm package `@bugsnag/js`@naam: leerling.naam'] },
  { name: 'Bugsnag onError in start()', code: "import Bugsnag from '@bugsnag/js';\nBugsnag.start({ apiKey: 'k', onError: (event) => { event.setUser(leerling.bsn); } });", expected: ['unknownDestination:bsn>npm package `@bugsnag/js`@leerling.bsn'] },
  { name: 'gtag global', code: "declare function gtag(...args: unknown[]): void;\ngtag('event', 'login', { user_id: leerling.bsn });", expected: ['unknownDestination:bsn>www.google-analytics.com@user_id: leerling.bsn'] },
  { name: 'Segment analytics global', code: "declare const analytics: { identify(id: string, traits: object): void };\nanalytics.identify(leerling.bsn, { naam: leerling.naam });", expected: ['unknownDestination:bsn+naw>api.segment.io@leerling.bsn'] },
  {
    name: 'OpenTelemetry span attributes inside startActiveSpan',
    code: "import { trace } from '@opentelemetry/api';\nconst tracer = trace.getTracer('sync');\ntracer.startActiveSpan('sync', (span) => {\n  span.setAttribute('leerling', leerling.bsn);\n  span.end();\n});",
    expected: ['unknownDestination:bsn>npm package `@opentelemetry/api`@leerling.bsn'],
  },
  { name: 'an SDK configuration call sends nothing', code: "import * as Sentry from '@sentry/browser';\nSentry.init({ dsn: 'https://k@o1.ingest.sentry.io/1', release: leerling.naam });", expected: [] },
];

const chat: readonly Case[] = [
  {
    name: 'discord.js: message.reply in an event callback',
    code: "import { Client } from 'discord.js';\nconst client = new Client({ intents: [] });\nclient.on('messageCreate', (message) => {\n  message.reply(`Je BSN is ${leerling.bsn}`);\n});",
    expected: ['unknownDestination:bsn>npm package `discord.js`@leerling.bsn'],
  },
  {
    name: 'discord.js: channel.send on a typed channel',
    code: "import type { TextChannel } from 'discord.js';\nexport function meld(channel: TextChannel) {\n  return channel.send({ content: leerling.naam });\n}",
    expected: ['unknownDestination:naw>npm package `discord.js`@content: leerling.naam'],
  },
  {
    name: 'discord.js: a client given as a parameter default, a channel from its cache',
    code: "import { Client } from 'discord.js';\nconst client = new Client({ intents: [] });\nexport function meld(discord = client) {\n  return discord.channels.cache.get('1')?.send(leerling.naam);\n}",
    expected: ['unknownDestination:naw>npm package `discord.js`@leerling.naam'],
  },
  { name: 'discord.js: a webhook client', code: "import { WebhookClient } from 'discord.js';\nconst hook = new WebhookClient({ url: 'https://discord.com/api/webhooks/1/x' });\nhook.send(leerling.naam);", expected: ['unknownDestination:naw>npm package `discord.js`@leerling.naam'] },
  { name: 'discord.js: a Collection is a local helper, not a transfer', code: "import { Collection } from 'discord.js';\nconst cache = new Collection<string, string>();\ncache.set('x', leerling.bsn);", expected: [] },
  { name: 'a Map is not a transfer', code: "const cache = new Map<string, string>();\ncache.set('x', leerling.bsn);", expected: [] },
  { name: 'Telegraf: ctx.reply in a command handler', code: "import { Telegraf } from 'telegraf';\nconst bot = new Telegraf('token');\nbot.command('rooster', (ctx) => ctx.reply(leerling.naam));", expected: ['unknownDestination:naw>npm package `telegraf`@leerling.naam'] },
  { name: 'node-telegram-bot-api: sendMessage', code: "import TelegramBot from 'node-telegram-bot-api';\nconst bot = new TelegramBot('token');\nbot.sendMessage(1, leerling.naam);", expected: ['unknownDestination:naw>npm package `node-telegram-bot-api`@leerling.naam'] },
];

const subdomains: readonly Case[] = [
  { name: 'a per-school subdomain of a wildcard host', code: "declare const school: string;\nfetch(`https://${school}.cito.nl/api/v3/x`, { body: leerling.bsn });", expected: ['unauthorisedTransfer:bsn>cito@leerling.bsn'] },
  { name: 'a per-school subdomain of an authorised processor', code: "declare const school: string;\nfetch(`https://${school}.duo.nl/bron`, { body: leerling.bsn });", expected: [] },
  { name: 'a per-school subdomain of an unknown domain names the domain', code: "declare const school: string;\nfetch(`https://${school}.zportal.nl/api/v3/x`, { body: leerling.bsn });", expected: ['unknownDestination:bsn>*.zportal.nl@leerling.bsn'] },
  { name: 'an unknown registrable domain stays unresolved', code: "declare const domein: string;\nfetch(`https://api.${domein}/x`, { body: leerling.bsn });", expected: [] },
];

describe('flow: project wrappers', () => {
  for (const c of wrappers) it(c.name, () => check(c));
});
describe('flow: injected clients', () => {
  for (const c of injected) it(c.name, () => check(c));
});
describe('flow: browser egress', () => {
  for (const c of browser) it(c.name, () => check(c));
});
describe('flow: SDKs (modules, globals, callbacks)', () => {
  for (const c of sdks) it(c.name, () => check(c));
});
describe('flow: chat and bot SDKs', () => {
  for (const c of chat) it(c.name, () => check(c));
});
describe('flow: per-school subdomains', () => {
  for (const c of subdomains) it(c.name, () => check(c));
});
