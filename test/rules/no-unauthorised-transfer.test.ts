import { at, within } from '../helpers/positions';
import { message, rule, ruleTester, typedRuleTester } from '../helpers/ruleTester';

const pre = 'declare const leerling: { bsn: string; eckid: string; naam: string };\n';

const fetchBsn = `${pre}fetch('https://api.leermiddel.example/x', { method: 'POST', body: JSON.stringify({ id: leerling.bsn }) });`;
const axiosInstance = `${pre}import axios from 'axios';\nconst api = axios.create({ baseURL: 'https://api.leermiddel.example/v1' });\napi.post('/leerlingen', { nummer: leerling.bsn });`;
const helper = `${pre}function send(x: unknown) {\n  return fetch('https://toets.cito.nl/x', { method: 'POST', body: JSON.stringify(x) });\n}\nsend(leerling.naam);`;
const query = `${pre}fetch(\`https://api.leermiddel.example/x?bsn=\${leerling.bsn}\`);`;
const unknownHost = `${pre}fetch('https://analytics.example.com/e', { body: leerling.naam });`;
const twoCategories = `${pre}fetch('https://analytics.example.com/e', {\n  method: 'POST',\n  body: JSON.stringify({\n    bsn: leerling.bsn,\n    naam: leerling.naam,\n  }),\n});`;
const unresolved = `${pre}declare const url: string;\nfetch(url, { body: leerling.naam });`;
const typedImport = "import { upload } from './flow-helpers';\nimport type { Leerling } from './flow-types';\nexport function sync(l: Leerling) {\n  return upload(l);\n}";
const argumentL = within(typedImport, 'l);', 'l');
const typedSuggestion = "import type { Leerling } from './flow-types';\nexport function sync(l: Leerling) {\n  return fetch('https://api.leermiddel.example/x', { body: l.bsn });\n}";

// Real code's sinks (issue 9): each case is valid or invalid typed and untyped alike. `leerling` has no ECK iD here,
// so the typed run offers no suggestion to send it instead.
const egressPre = 'declare const leerling: { bsn: string; naam: string };\n';
const wrapperThis = `${egressPre}class Api {\n  private post(path: string, body: unknown) {\n    return fetch('https://api.leermiddel.example' + path, { method: 'POST', body: JSON.stringify(body) });\n  }\n  sync() {\n    return this.post('/leerlingen', { nummer: leerling.bsn });\n  }\n}\nvoid Api;`;
const wrapperBase = `${egressPre}class Client {\n  constructor(private readonly base: string) {}\n  post(path: string, body: unknown) {\n    return fetch(this.base + path, { method: 'POST', body: JSON.stringify(body) });\n  }\n}\nconst duo = new Client('https://api.duo.nl');\nconst leverancier = new Client('https://api.leermiddel.example');\nduo.post('/bron', leerling.bsn);\nleverancier.post('/x', leerling.bsn);`;
const wrapperUrl = `${egressPre}function stuur(url: string, data: unknown) {\n  return fetch(url, { method: 'POST', body: JSON.stringify(data) });\n}\nstuur('https://api.duo.nl/bron', leerling.bsn);\nstuur('https://api.leermiddel.example/x', leerling.bsn);`;
const prototypeWrapper = `${egressPre}function Client(this: { base: string }, base: string) {\n  this.base = base;\n}\nClient.prototype.post = function (this: { base: string }, path: string, body: unknown) {\n  return fetch(this.base + path, { method: 'POST', body: JSON.stringify(body) });\n};\nconst c = new (Client as any)('https://api.leermiddel.example');\nc.post('/x', leerling.bsn);`;
const angular = `${egressPre}import { inject } from '@angular/core';\nimport { HttpClient } from '@angular/common/http';\nexport class LeerlingService {\n  private readonly http = inject(HttpClient);\n  constructor(private readonly client: HttpClient) {}\n  zoek() {\n    return this.http.get('https://api.leermiddel.example/x', { params: { bsn: leerling.bsn } });\n  }\n  stuur() {\n    return this.client.post('https://api.leermiddel.example/x', leerling.bsn);\n  }\n}`;
const beacon = `${egressPre}navigator.sendBeacon('https://api.leermiddel.example/e', leerling.bsn);`;
const xhr = `${egressPre}const xhr = new XMLHttpRequest();\nxhr.open('POST', 'https://api.leermiddel.example/x');\nxhr.send(leerling.bsn);`;
const socket = `${egressPre}const ws = new WebSocket('wss://api.leermiddel.example/live');\nws.send(leerling.bsn);\nnew EventSource(\`https://api.leermiddel.example/s?bsn=\${leerling.bsn}\`);`;
const request = `${egressPre}fetch(new Request('https://api.leermiddel.example/x', { method: 'POST', body: leerling.bsn }));`;
const spreadConfig = `${egressPre}import axios from 'axios';\nconst standaard = { baseURL: 'https://api.leermiddel.example' };\naxios({ ...standaard, url: '/x', method: 'post', data: leerling.bsn });`;
const sentryModule = `${egressPre}import * as Sentry from '@sentry/browser';\nSentry.configureScope((scope) => scope.setUser({ id: leerling.bsn }));`;
const sentryGlobal = `${egressPre}declare const Sentry: { captureMessage(m: string): void };\nSentry.captureMessage(leerling.bsn);`;
const dataLayer = `${egressPre}declare global {\n  interface Window { dataLayer: unknown[] }\n}\nwindow.dataLayer.push({ bsn: leerling.bsn });\nexport {};`;
const otel = `${egressPre}import { trace } from '@opentelemetry/api';\ntrace.getTracer('sync').startActiveSpan('sync', (span) => {\n  span.setAttribute('leerling', leerling.naam);\n});`;
const discord = `${egressPre}import { Client } from 'discord.js';\nconst client = new Client({ intents: [] });\nclient.on('messageCreate', (message) => {\n  void message.reply(leerling.naam);\n});`;
const collection = `${egressPre}import { Collection } from 'discord.js';\nconst cache = new Collection<string, string>();\ncache.set('x', leerling.bsn);\nconst map = new Map<string, string>();\nmap.set('x', leerling.bsn);`;
const tenant = `${egressPre}declare const school: string;\nfetch(\`https://\${school}.cito.nl/api\`, { body: leerling.bsn });\nfetch(\`https://\${school}.zportal.nl/api\`, { body: leerling.naam });`;
const tenantDuo = `${egressPre}declare const school: string;\nfetch(\`https://\${school}.duo.nl/bron\`, { body: leerling.bsn });`;

const egressValid = [
  tenantDuo,
  collection,
  `${egressPre}function stuur(url: string, data: unknown) {\n  return fetch(url, { method: 'POST', body: JSON.stringify(data) });\n}\nstuur('https://api.duo.nl/bron', leerling.bsn);`,
  `${pre}import * as Sentry from '@sentry/browser';\nSentry.setUser({ id: leerling.eckid });`,
];
const unauthorised = (code: string, text: string, occurrence = 0) => ({ messageId: 'unauthorisedTransfer', ...at(code, text, occurrence) });
const unknown = (code: string, text: string, occurrence = 0) => ({ messageId: 'unknownDestination', ...at(code, text, occurrence) });
const egressInvalid = [
  { code: wrapperThis, errors: [unauthorised(wrapperThis, 'nummer: leerling.bsn')] },
  { code: wrapperBase, errors: [unauthorised(wrapperBase, 'leerling.bsn', 1)] },
  { code: wrapperUrl, errors: [unauthorised(wrapperUrl, 'leerling.bsn', 1)] },
  { code: prototypeWrapper, errors: [unauthorised(prototypeWrapper, 'leerling.bsn')] },
  { code: angular, errors: [unauthorised(angular, 'bsn: leerling.bsn'), unauthorised(angular, 'leerling.bsn', 1)] },
  { code: beacon, errors: [unauthorised(beacon, 'leerling.bsn')] },
  { code: xhr, errors: [unauthorised(xhr, 'leerling.bsn')] },
  { code: socket, errors: [unauthorised(socket, 'leerling.bsn'), unauthorised(socket, 'leerling.bsn', 1)] },
  { code: request, errors: [unauthorised(request, 'leerling.bsn')] },
  { code: spreadConfig, errors: [unauthorised(spreadConfig, 'leerling.bsn')] },
  { code: sentryModule, errors: [unauthorised(sentryModule, 'id: leerling.bsn')] },
  { code: sentryGlobal, errors: [unauthorised(sentryGlobal, 'leerling.bsn')] },
  { code: dataLayer, errors: [unauthorised(dataLayer, 'bsn: leerling.bsn')] },
  { code: otel, errors: [unknown(otel, 'leerling.naam')] },
  { code: discord, errors: [unknown(discord, 'leerling.naam')] },
  { code: tenant, errors: [unauthorised(tenant, 'leerling.bsn'), unknown(tenant, 'leerling.naam')] },
];

// The rest of the forms issue 9 names, each with its authorised or harmless counterpart (audit of #9).
const outsideApi = `${egressPre}class Api {\n  post(path: string, body: unknown) {\n    return fetch('https://api.leermiddel.example' + path, { method: 'POST', body: JSON.stringify(body) });\n  }\n}\nexport const api = new Api();\nvoid api.post('/leerlingen', { bsn: leerling.bsn });`;
const prototypeGet = `${egressPre}function Magister(this: { base: string }, base: string) {\n  this.base = base;\n}\nMagister.prototype.get = function (this: { base: string }, path: string) {\n  return fetch(this.base + path);\n};\nconst m = new (Magister as any)('https://api.leermiddel.example');\nm.get('/leerling?bsn=' + leerling.bsn);`;
const baseField = `${egressPre}class Client {\n  private readonly base: string;\n  constructor(base: string) {\n    this.base = base;\n  }\n  post(path: string, body: unknown) {\n    return fetch(\`\${this.base}\${path}\`, { method: 'POST', body: JSON.stringify(body) });\n  }\n}\nnew Client('https://api.leermiddel.example').post('/x', { bsn: leerling.bsn });`;
const angularMethods = `${egressPre}import { HttpClient } from '@angular/common/http';\nexport class S {\n  constructor(private readonly http: HttpClient) {}\n  a() {\n    return this.http.put('https://api.leermiddel.example/x', { bsn: leerling.bsn });\n  }\n  b() {\n    return this.http.patch('https://api.leermiddel.example/x', { naam: leerling.bsn });\n  }\n  c() {\n    return this.http.delete('https://api.leermiddel.example/x', { params: { id: leerling.bsn } });\n  }\n  d() {\n    return this.http.request('POST', 'https://api.leermiddel.example/x', { body: { nr: leerling.bsn } });\n  }\n  e() {\n    return this.http.get('https://api.leermiddel.example/x', { headers: { 'X-Bsn': leerling.bsn } });\n  }\n}`;
const injectedField = `${egressPre}import { HttpClient } from '@angular/common/http';\nexport class S {\n  private http!: HttpClient;\n  a() {\n    return this.http.post('https://api.leermiddel.example/x', { bsn: leerling.bsn });\n  }\n}`;
const injectedAxios = `${egressPre}import type { AxiosInstance } from 'axios';\nexport class Sync {\n  constructor(private readonly http: AxiosInstance) {}\n  run() {\n    return this.http.post('https://api.leermiddel.example/x', { bsn: leerling.bsn });\n  }\n}`;
const factory = `${egressPre}import axios from 'axios';\nfunction maakClient() {\n  return axios.create({ baseURL: 'https://api.leermiddel.example' });\n}\nconst client = maakClient();\nclient.post('/x', { bsn: leerling.bsn });`;
const xhrUrl = `${egressPre}const xhr = new XMLHttpRequest();\nxhr.open('GET', 'https://api.leermiddel.example/x?bsn=' + leerling.bsn);\nxhr.send();`;
const requestVariable = `${egressPre}const req = new Request('https://api.leermiddel.example/x', { method: 'POST', body: JSON.stringify({ bsn: leerling.bsn }) });\nfetch(req);`;
const assignConfig = `${egressPre}import axios from 'axios';\nconst standaard = { baseURL: 'https://api.leermiddel.example', method: 'post' };\naxios(Object.assign({}, standaard, { url: '/x', data: { bsn: leerling.bsn } }));`;
const configConstant = `${egressPre}import axios from 'axios';\nconst config = { url: 'https://api.leermiddel.example/x', method: 'post', data: { bsn: leerling.bsn } };\naxios(config);`;
const assignOptions = `${egressPre}import axios from 'axios';\nconst standaard = { headers: { 'X-App': 'rooster' } };\naxios.get('https://api.leermiddel.example/x', Object.assign({}, standaard, { params: { bsn: leerling.bsn } }));`;
const assignInit = `${egressPre}const basis = { method: 'POST' };\nfetch('https://api.leermiddel.example/x', Object.assign({}, basis, { body: leerling.bsn }));`;
const spreadInit = `${egressPre}const basis = { method: 'POST', headers: { 'Content-Type': 'text/plain' } };\nfetch('https://api.leermiddel.example/x', { ...basis, body: leerling.bsn });`;
const gtag = `${egressPre}declare function gtag(...a: unknown[]): void;\ngtag('event', 'login', { user_id: leerling.bsn });`;
const analytics = `${egressPre}declare const analytics: { identify(id: string, traits?: object): void };\nanalytics.identify(leerling.bsn, { naam: leerling.naam });`;
const bugsnagGlobal = `${egressPre}declare const Bugsnag: { notify(e: Error, cb?: (event: { setUser(id: string): void }) => void): void };\nBugsnag.notify(new Error('x'), (event) => {\n  event.setUser(leerling.bsn);\n});`;
const withScope = `${egressPre}import * as Sentry from '@sentry/browser';\nSentry.withScope((scope) => {\n  scope.setExtra('leerling', leerling.bsn);\n  Sentry.captureMessage('sync');\n});`;
const onError = `${egressPre}import Bugsnag from '@bugsnag/js';\nBugsnag.start({\n  apiKey: 'x',\n  onError: (event) => {\n    event.setUser(leerling.bsn);\n  },\n});`;
const channelSend = `${egressPre}import { Client, TextChannel } from 'discord.js';\nconst client = new Client({ intents: [] });\nconst channel = client.channels.cache.get('1') as TextChannel;\nvoid channel.send(\`Cijfer voor \${leerling.naam}\`);`;
const webhook = `${egressPre}import { WebhookClient } from 'discord.js';\nconst hook = new WebhookClient({ url: 'https://discord.com/api/webhooks/1/x' });\nvoid hook.send({ content: leerling.naam });`;
const magister = `${egressPre}declare const tenant: string;\nfetch(\`https://\${tenant}.magister.net/api/leerlingen\`, { method: 'POST', body: leerling.bsn });`;

const httpParams = `${egressPre}import { HttpClient, HttpHeaders, HttpParams } from '@angular/common/http';\nexport class S {\n  constructor(private http: HttpClient) {}\n  zoek() {\n    const params = new HttpParams().set('klas', '4b').set('bsn', leerling.bsn);\n    return this.http.get('https://api.leermiddel.example/x', { params });\n  }\n  kop() {\n    return this.http.get('https://api.leermiddel.example/x', { headers: new HttpHeaders({ 'X-Bsn': leerling.bsn }) });\n  }\n}`;
const arrowField = `${egressPre}class Api {\n  private readonly base = 'https://api.leermiddel.example';\n  post = (path: string, body: unknown) => fetch(this.base + path, { method: 'POST', body: JSON.stringify(body) });\n}\nnew Api().post('/x', { bsn: leerling.bsn });`;
const subclass = `${egressPre}class Basis {\n  constructor(protected readonly base: string) {}\n  protected post(path: string, body: unknown) {\n    return fetch(this.base + path, { method: 'POST', body: JSON.stringify(body) });\n  }\n}\nexport class Leermiddel extends Basis {\n  constructor() {\n    super('https://api.leermiddel.example');\n  }\n  sync() {\n    return this.post('/x', { bsn: leerling.bsn });\n  }\n}`;
const objectWrapper = `${egressPre}const api = {\n  post(path: string, body: unknown) {\n    return fetch('https://api.leermiddel.example' + path, { method: 'POST', body: JSON.stringify(body) });\n  },\n};\napi.post('/x', { bsn: leerling.bsn });`;
const browserBodies = `${egressPre}navigator.sendBeacon('https://api.leermiddel.example/e', new Blob([JSON.stringify({ bsn: leerling.bsn })]));\nconst xhr = new XMLHttpRequest();\nxhr.open('POST', 'https://api.leermiddel.example/x');\nxhr.setRequestHeader('X-Bsn', leerling.bsn);\nxhr.send();\nconst ws = new WebSocket('wss://api.leermiddel.example/live');\nws.onopen = () => ws.send(JSON.stringify({ bsn: leerling.bsn }));`;
const sentryCalls = `${egressPre}import * as Sentry from '@sentry/browser';\nSentry.setContext('leerling', { bsn: leerling.bsn });\nSentry.addBreadcrumb({ message: leerling.bsn });\nSentry.captureException(new Error('x'), { extra: { bsn: leerling.bsn } });`;
const globals = `${egressPre}declare global {\n  interface Window { gtag(...a: unknown[]): void }\n}\ndeclare const analytics: { track(e: string, p?: object): void };\ndeclare const Bugsnag: { setUser(id: string): void };\nwindow.gtag('config', 'G-1', { user_id: leerling.bsn });\nanalytics.track('login', { naam: leerling.naam });\nBugsnag.setUser(leerling.bsn);\nexport {};`;
const discordReplies = `${egressPre}import { Client } from 'discord.js';\nconst client = new Client({ intents: [] });\nclient.on('interactionCreate', async (interaction) => {\n  if (interaction.isChatInputCommand()) await interaction.reply(\`Hoi \${leerling.naam}\`);\n});\nclient.on('messageCreate', async (message) => {\n  await message.author.send(leerling.naam);\n});`;
const otelAttributes = `${egressPre}import { trace } from '@opentelemetry/api';\nconst span = trace.getTracer('x').startSpan('sync', { attributes: { wie: leerling.naam } });\nspan.setAttributes({ bsn: leerling.bsn });\nspan.end();`;

const formsValid = [
  `${egressPre}class Api {\n  post(path: string, body: unknown) {\n    return fetch('https://api.duo.nl' + path, { method: 'POST', body: JSON.stringify(body) });\n  }\n}\nconst api = new Api();\napi.post('/bron', { bsn: leerling.bsn });`,
  `${pre}class Api {\n  private post(path: string, body: unknown) {\n    return fetch('https://api.leermiddel.example' + path, { method: 'POST', body: JSON.stringify(body) });\n  }\n  sync() {\n    return this.post('/leerlingen', { nummer: leerling.eckid });\n  }\n}\nvoid Api;`,
  `${egressPre}function Client(this: { base: string }, base: string) {\n  this.base = base;\n}\nClient.prototype.post = function (this: { base: string }, path: string, body: unknown) {\n  return fetch(this.base + path, { method: 'POST', body: JSON.stringify(body) });\n};\nconst c = new (Client as any)('https://api.duo.nl');\nc.post('/bron', leerling.bsn);`,
  `${egressPre}class Client {\n  constructor(private readonly base: string) {}\n  post(path: string, body: unknown) {\n    return fetch(this.base + path, { method: 'POST', body: JSON.stringify(body) });\n  }\n}\nconst duo = new Client('https://api.duo.nl');\nduo.post('/bron', leerling.bsn);`,
  `${pre}import { inject } from '@angular/core';\nimport { HttpClient } from '@angular/common/http';\nexport class S {\n  private readonly http = inject(HttpClient);\n  a() {\n    return this.http.post('https://api.duo.nl/bron', { bsn: leerling.bsn });\n  }\n  b() {\n    return this.http.get('https://api.leermiddel.example/x', { params: { id: leerling.eckid } });\n  }\n}`,
  `${egressPre}import axios from 'axios';\nfunction maakClient() {\n  return axios.create({ baseURL: 'https://api.duo.nl' });\n}\nconst client = maakClient();\nclient.post('/x', { bsn: leerling.bsn });`,
  `${pre}navigator.sendBeacon('https://api.duo.nl/e', leerling.bsn);\nnavigator.sendBeacon('https://api.leermiddel.example/e', leerling.eckid);`,
  `${egressPre}const xhr = new XMLHttpRequest();\nxhr.open('POST', 'https://api.duo.nl/x');\nxhr.send(leerling.bsn);`,
  `${egressPre}const ws = new WebSocket('wss://api.duo.nl/live');\nws.send(leerling.bsn);\nnew EventSource(\`https://api.duo.nl/s?bsn=\${leerling.bsn}\`);`,
  `${egressPre}fetch(new Request('https://api.duo.nl/x', { method: 'POST', body: leerling.bsn }));`,
  `${egressPre}import axios from 'axios';\nconst standaard = { baseURL: 'https://api.duo.nl', method: 'post' };\naxios(Object.assign({}, standaard, { url: '/bron', data: { bsn: leerling.bsn } }));`,
  `${egressPre}import axios from 'axios';\nconst standaard = { baseURL: 'https://api.duo.nl' };\naxios({ ...standaard, url: '/x', method: 'post', data: leerling.bsn });`,
  `${pre}import * as Sentry from '@sentry/browser';\nSentry.withScope((scope) => {\n  scope.setUser({ id: leerling.eckid });\n});`,
  `${pre}declare const Sentry: { setUser(u: object): void };\nSentry.setUser({ id: leerling.eckid });`,
  `${pre}declare global {\n  interface Window { dataLayer: unknown[] }\n}\nwindow.dataLayer.push({ event: 'login', id: leerling.eckid });\nexport {};`,
  `${egressPre}import { trace } from '@opentelemetry/api';\ntrace.getTracer('sync').startActiveSpan('sync', (span) => {\n  span.setAttribute('aantal', 3);\n  span.end();\n});`,
  `${egressPre}import { Client } from 'discord.js';\nconst client = new Client({ intents: [] });\nclient.on('messageCreate', (message) => {\n  void message.reply('Rooster bijgewerkt');\n});`,  `${pre}import { HttpClient, HttpParams } from '@angular/common/http';\nexport class S {\n  constructor(private http: HttpClient) {}\n  zoek() {\n    return this.http.get('https://api.leermiddel.example/x', { params: new HttpParams().set('eck', leerling.eckid) });\n  }\n}`,
  `${egressPre}class Api {\n  private readonly base = 'https://api.duo.nl';\n  post = (path: string, body: unknown) => fetch(this.base + path, { method: 'POST', body: JSON.stringify(body) });\n}\nnew Api().post('/bron', { bsn: leerling.bsn });`,
  `${egressPre}import * as Sentry from '@sentry/browser';\nSentry.setContext('sync', { aantal: 3 });\nSentry.addBreadcrumb({ message: 'sync gestart' });`,  // Script-tag globals, SDK callbacks and bot SDKs given nothing personal (or what the processor may receive).
  `${egressPre}declare function gtag(...a: unknown[]): void;\ndeclare const analytics: { track(e: string, p?: object): void };\ndeclare const Bugsnag: { notify(e: Error, cb?: (event: { addMetadata(s: string, m: object): void }) => void): void };\ngtag('event', 'login', { methode: 'sso' });\nanalytics.track('login', { rol: 'leerling' });\nBugsnag.notify(new Error('x'), (event) => {\n  event.addMetadata('sync', { aantal: 3 });\n});`,
  `${pre}import * as Sentry from '@sentry/browser';\nSentry.configureScope((scope) => scope.setUser({ id: leerling.eckid }));`,
  `${egressPre}import Bugsnag from '@bugsnag/js';\nBugsnag.start({\n  apiKey: 'x',\n  onError: (event) => {\n    event.addMetadata('app', { versie: '1.2' });\n  },\n});`,
  `${egressPre}import { Client, TextChannel, WebhookClient } from 'discord.js';\nconst client = new Client({ intents: [] });\nconst channel = client.channels.cache.get('1') as TextChannel;\nvoid channel.send('Het rooster is bijgewerkt');\nconst hook = new WebhookClient({ url: 'https://discord.com/api/webhooks/1/x' });\nvoid hook.send({ content: 'Nieuwe cijfers staan klaar' });`,
];
const formsInvalid = [
  { code: outsideApi, errors: [unauthorised(outsideApi, 'bsn: leerling.bsn')] },
  { code: prototypeGet, errors: [unauthorised(prototypeGet, "'/leerling?bsn=' + leerling.bsn")] },
  { code: baseField, errors: [unauthorised(baseField, 'bsn: leerling.bsn')] },
  {
    code: angularMethods,
    errors: ['bsn: leerling.bsn', 'naam: leerling.bsn', 'id: leerling.bsn', 'nr: leerling.bsn', "'X-Bsn': leerling.bsn"].map((text) => unauthorised(angularMethods, text)),
  },
  { code: injectedField, errors: [unauthorised(injectedField, 'bsn: leerling.bsn')] },
  { code: injectedAxios, errors: [unauthorised(injectedAxios, 'bsn: leerling.bsn')] },
  { code: factory, errors: [unauthorised(factory, 'bsn: leerling.bsn')] },
  { code: xhrUrl, errors: [unauthorised(xhrUrl, "'https://api.leermiddel.example/x?bsn=' + leerling.bsn")] },
  { code: requestVariable, errors: [unauthorised(requestVariable, 'bsn: leerling.bsn')] },
  { code: assignConfig, errors: [unauthorised(assignConfig, 'bsn: leerling.bsn')] },
  { code: configConstant, errors: [unauthorised(configConstant, 'config', 1)] },
  { code: assignOptions, errors: [unauthorised(assignOptions, 'bsn: leerling.bsn')] },
  { code: assignInit, errors: [unauthorised(assignInit, 'leerling.bsn')] },
  { code: spreadInit, errors: [unauthorised(spreadInit, 'leerling.bsn')] },
  { code: gtag, errors: [unknown(gtag, 'user_id: leerling.bsn')] },
  // One call, two categories: one finding, at the first carrier written.
  {
    code: analytics,
    errors: [
      {
        ...message('no-unauthorised-transfer', 'unknownDestination', {
          category: 'Burgerservicenummer (BSN) + 1 more',
          categories: 'Burgerservicenummer (BSN) and Naam-, adres- en woonplaatsgegevens',
          destination: 'api.segment.io',
        }),
        ...at(analytics, 'leerling.bsn'),
      },
    ],
  },
  { code: bugsnagGlobal, errors: [unknown(bugsnagGlobal, 'leerling.bsn')] },
  { code: withScope, errors: [unauthorised(withScope, 'leerling.bsn')] },
  { code: onError, errors: [unknown(onError, 'leerling.bsn')] },
  { code: channelSend, errors: [unknown(channelSend, 'leerling.naam')] },
  { code: webhook, errors: [unknown(webhook, 'content: leerling.naam')] },
  { code: httpParams, errors: [{ messageId: 'unauthorisedTransfer', ...within(httpParams, '{ params }', 'params') }, unauthorised(httpParams, "'X-Bsn': leerling.bsn")] },
  { code: arrowField, errors: [unauthorised(arrowField, 'bsn: leerling.bsn')] },
  { code: subclass, errors: [unauthorised(subclass, 'bsn: leerling.bsn')] },
  { code: objectWrapper, errors: [unauthorised(objectWrapper, 'bsn: leerling.bsn')] },
  {
    code: browserBodies,
    errors: [unauthorised(browserBodies, 'bsn: leerling.bsn'), unauthorised(browserBodies, 'leerling.bsn', 1), unauthorised(browserBodies, 'bsn: leerling.bsn', 1)],
  },
  { code: sentryCalls, errors: [unauthorised(sentryCalls, 'bsn: leerling.bsn'), unauthorised(sentryCalls, 'message: leerling.bsn'), unauthorised(sentryCalls, 'bsn: leerling.bsn', 1)] },
  { code: globals, errors: [unknown(globals, 'user_id: leerling.bsn'), unknown(globals, 'naam: leerling.naam'), unknown(globals, 'leerling.bsn', 1)] },
  { code: discordReplies, errors: [unknown(discordReplies, 'leerling.naam'), unknown(discordReplies, 'leerling.naam', 1)] },
  { code: otelAttributes, errors: [unknown(otelAttributes, 'wie: leerling.naam'), unknown(otelAttributes, 'bsn: leerling.bsn')] },
  { code: magister, errors: [{ ...message('no-unauthorised-transfer', 'unknownDestination', { category: 'Burgerservicenummer (BSN)', categories: 'Burgerservicenummer (BSN)', destination: '*.magister.net' }), ...at(magister, 'leerling.bsn') }] },
];

ruleTester.run('no-unauthorised-transfer', rule('no-unauthorised-transfer'), {
  valid: [
    `${pre}fetch('https://api.duo.nl/bron', { method: 'POST', body: JSON.stringify({ bsn: leerling.bsn }) });`,
    `${pre}declare function toEckId(b: string): string;\nfetch('https://api.leermiddel.example/x', { body: toEckId(leerling.bsn) });`,
    `${pre}fetch('https://api.leermiddel.example/x', { body: JSON.stringify({ id: leerling.eckid, naam: leerling.naam }) });`,
    `${pre}const { bsn, ...rest } = leerling;\nvoid bsn;\nfetch('https://api.leermiddel.example/x', { body: JSON.stringify(rest) });`,
    { code: unknownHost, options: [{ reportUnknownDestinations: false }] },
    unresolved,
    ...egressValid,
    ...formsValid,
  ],
  invalid: [
    { code: fetchBsn, errors: [{ messageId: 'unauthorisedTransfer', ...at(fetchBsn, 'id: leerling.bsn') }] },
    { code: axiosInstance, errors: [{ messageId: 'unauthorisedTransfer', ...at(axiosInstance, 'nummer: leerling.bsn') }] },
    { code: helper, errors: [{ messageId: 'unauthorisedTransfer', ...at(helper, 'leerling.naam') }] },
    { code: query, errors: [{ messageId: 'unauthorisedTransfer', ...at(query, 'leerling.bsn') }] },
    { code: unknownHost, errors: [{ messageId: 'unknownDestination', ...at(unknownHost, 'leerling.naam') }] },
    // One finding per call, naming every category, at the property that carries the first one written.
    {
      code: twoCategories,
      errors: [
        {
          ...message('no-unauthorised-transfer', 'unknownDestination', {
            category: 'Burgerservicenummer (BSN) + 1 more',
            categories: 'Burgerservicenummer (BSN) and Naam-, adres- en woonplaatsgegevens',
            destination: 'analytics.example.com',
          }),
          ...at(twoCategories, 'bsn: leerling.bsn'),
        },
      ],
    },
    { code: unresolved, options: [{ reportUnresolvedDestinations: true }], errors: [{ messageId: 'unresolvedDestination', ...at(unresolved, 'leerling.naam') }] },
    ...egressInvalid,
    ...formsInvalid,
  ],
});

// A wrapper instance another module exports (probe suite): `export default new Api(url)` and a named constant; the
// base URL is bound at that module's `new`.
const exportedInstance = "import api, { duo } from './flow-api-instance';\nimport type { Leerling } from './flow-types';\nexport function sync(l: Leerling) {\n  void duo.post('/bron', { bsn: l.bsn });\n  return api.post('/x', { nummer: l.bsn });\n}";

typedRuleTester.run('no-unauthorised-transfer (typed)', rule('no-unauthorised-transfer'), {
  valid: [
    { code: "import { upload } from './flow-helpers';\nimport type { Leerling } from './flow-types';\nexport function sync(l: Leerling) {\n  return upload({ id: l.eckid });\n}", filename: 'src/flow-typed.ts' },
    { code: "import api, { duo } from './flow-api-instance';\nimport type { Leerling } from './flow-types';\nexport function sync(l: Leerling) {\n  void api.post('/x', { id: l.eckid });\n  return duo.post('/bron', { bsn: l.bsn });\n}", filename: 'src/flow-typed.ts' },
    ...egressValid,
    ...formsValid,
  ],
  invalid: [
    { code: exportedInstance, filename: 'src/flow-typed.ts', errors: [{ messageId: 'unauthorisedTransfer', ...at(exportedInstance, 'nummer: l.bsn'), suggestions: [{ messageId: 'useAlternative', output: exportedInstance.replace('nummer: l.bsn', 'nummer: l.eckid') }] }] },
    ...egressInvalid,
    ...formsInvalid,
    {
      code: typedImport,
      filename: 'src/flow-typed.ts',
      // `Leerling` holds a BSN and (in `dossier`) a zorgdossier: sending the whole object sends both, in one finding.
      errors: [{ messageId: 'unauthorisedTransfer', ...argumentL }],
    },
    {
      code: typedSuggestion,
      filename: 'src/flow-typed.ts',
      errors: [
        {
          messageId: 'unauthorisedTransfer',
          ...at(typedSuggestion, 'l.bsn'),
          suggestions: [{ messageId: 'useAlternative', output: typedSuggestion.replace('l.bsn', 'l.eckid') }],
        },
      ],
    },
  ],
});

// Plain JavaScript (a `.js` file, untyped here: typed plain JS is the hosts' inferred program, tested in
// test/eslint/eslint.test.ts and test/cli/scan.test.ts). Fields are never declared, only assigned in the constructor.
const jsField = "const axios = require('axios');\nclass Api {\n  constructor() {\n    this.http = axios.create({ baseURL: 'https://api.leermiddel.example' });\n  }\n  stuur(leerling) {\n    return this.http.post('/leerlingen', { bsn: leerling.bsn });\n  }\n}\nmodule.exports = new Api();";
const jsExport = "const fetch = require('node-fetch');\nmodule.exports = function meld(leerling) {\n  return fetch('https://api.leermiddel.example/x', { method: 'POST', body: JSON.stringify({ bsn: leerling.bsn }) });\n};";
const jsPrototype = "function Client(base) {\n  this.base = base;\n}\nClient.prototype.post = function (path, body) {\n  return fetch(this.base + path, { method: 'POST', body: JSON.stringify(body) });\n};\nmodule.exports = Client;\nexports.meld = (leerling) => new Client('https://api.leermiddel.example').post('/x', { bsn: leerling.bsn });";
const jsDefault = "const axios = require('axios').default;\nexports.meld = (leerling) => axios.post('https://api.leermiddel.example/x', { bsn: leerling.bsn });";

ruleTester.run('no-unauthorised-transfer (plain JavaScript)', rule('no-unauthorised-transfer'), {
  valid: [
    { code: jsField.replace('https://api.leermiddel.example', 'https://api.duo.nl'), filename: 'src/app.js' },
    { code: jsPrototype.replace('https://api.leermiddel.example', 'https://api.duo.nl'), filename: 'src/app.js' },
    { code: jsDefault.replace('bsn: leerling.bsn', 'id: leerling.eckid'), filename: 'src/app.js' },
  ],
  invalid: [
    { code: jsField, filename: 'src/app.js', errors: [unauthorised(jsField, 'bsn: leerling.bsn')] },
    { code: jsExport, filename: 'src/app.js', errors: [unauthorised(jsExport, 'bsn: leerling.bsn')] },
    { code: jsPrototype, filename: 'src/app.js', errors: [unauthorised(jsPrototype, 'bsn: leerling.bsn')] },
    { code: jsDefault, filename: 'src/app.js', errors: [unauthorised(jsDefault, 'bsn: leerling.bsn')] },
  ],
});

// Unknown third parties: data handed to an npm package that can reach the network and is not in the catalogue. The
// SDK families are known by name here; packages the host found by reading node_modules are in the unit tests.
const mixpanel = `${pre}import mixpanel from 'mixpanel-browser';\nmixpanel.track('inschrijving', { wie: leerling.naam });`;
const bugsnag = `${pre}import Bugsnag from '@bugsnag/js';\nBugsnag.notify(new Error('sync'), { user: { id: leerling.bsn } });`;
const amplitudeInstance = `${pre}const amplitude = require('@amplitude/analytics-node');\nconst client = amplitude.createInstance();\nclient.track('login', { naam: leerling.naam });`;
const typedPackage = "import type { Leerling } from './flow-types';\nimport mixpanel from 'mixpanel-browser';\nexport function f(l: Leerling) {\n  mixpanel.people.set(l);\n}";

// Each runs without and with types.
const packagesValid = [
  // Pure libraries compute locally, whatever they are given.
  `${pre}import get from 'lodash/get';\nimport { format } from 'date-fns';\nget({ bsn: leerling.bsn }, 'bsn');\nformat(new Date(), leerling.naam);`,
  `${pre}import { z } from 'zod';\nimport { of } from 'rxjs';\nz.string().parse(leerling.bsn);\nof({ naam: leerling.naam });`,
  // The project's own infrastructure is not a third party (storage is require-retention's business).
  `${pre}import { Pool } from 'pg';\nconst pool = new Pool();\npool.query('SELECT 1', [leerling.bsn]);`,
  // A package the catalogue does not know and the core cannot tell reaches the network: no finding without the host's answer.
  `${pre}import { track } from 'onbekende-analytics';\ntrack({ bsn: leerling.bsn });`,
  `${pre}import mixpanel from 'mixpanel-browser';\nmixpanel.track('inschrijving', { aantal: 3 });`,
  { code: mixpanel, options: [{ reportUnknownDestinations: false }] },
];
const packagesInvalid = [
  { code: mixpanel, errors: [{ ...message('no-unauthorised-transfer', 'unknownDestination', { category: 'Naam-, adres- en woonplaatsgegevens', categories: 'Naam-, adres- en woonplaatsgegevens', destination: 'npm package `mixpanel-browser`' }), ...at(mixpanel, 'wie: leerling.naam') }] },
  { code: bugsnag, errors: [{ messageId: 'unknownDestination', ...at(bugsnag, 'id: leerling.bsn') }] },
  { code: amplitudeInstance, errors: [{ messageId: 'unknownDestination', ...at(amplitudeInstance, 'naam: leerling.naam') }] },
];

ruleTester.run('no-unauthorised-transfer (npm packages)', rule('no-unauthorised-transfer'), { valid: packagesValid, invalid: packagesInvalid });

typedRuleTester.run('no-unauthorised-transfer (npm packages, typed)', rule('no-unauthorised-transfer'), {
  valid: [...packagesValid, { code: "import type { Leerling } from './flow-types';\nimport mixpanel from 'mixpanel-browser';\nexport function f(l: Leerling) {\n  mixpanel.track('x', { id: l.id });\n}", filename: 'src/flow-typed.ts' }],
  invalid: [
    ...packagesInvalid,
    {
      // The whole `Leerling` goes to the SDK: one finding for the call, naming every category it carries.
      code: typedPackage,
      filename: 'src/flow-typed.ts',
      errors: [
        {
          ...message('no-unauthorised-transfer', 'unknownDestination', {
            category: 'Burgerservicenummer (BSN) + 3 more',
            categories: 'Burgerservicenummer (BSN), ECK iD, Naam-, adres- en woonplaatsgegevens and Speciaal zorgdossier',
            destination: 'npm package `mixpanel-browser`',
          }),
          ...within(typedPackage, 'set(l)', 'l'),
        },
      ],
    },
  ],
});

// Destinations a parameter decides (issue 9): a library's client takes its server from whoever constructs it, and
// nothing in the analysed code does; strict mode does not call that unresolvable. A call that gives the parameter a
// value it cannot resolve still is. A switch named like a category (`diagnose = true`) is a truth value, not the data.
const strict = [{ reportUnresolvedDestinations: true }];
const openServer = `${egressPre}export class Klant {\n  constructor(private readonly server: string, private readonly naam: string) {}\n  login() {\n    return fetch('https://' + this.server + '/login', { method: 'POST', body: this.naam });\n  }\n}`;
const openUrl = `${egressPre}export function stuur(url: string, data: unknown) {\n  return fetch(url, { method: 'POST', body: JSON.stringify(data) });\n}`;
const boundUnresolved = `${openUrl}\ndeclare const server: string;\nstuur(server, leerling.naam);`;
const flagDefault = `${egressPre}export function rapport(diagnose = true) {\n  return fetch('https://api.leermiddel.example/r', { body: JSON.stringify({ metDiagnose: diagnose, diagnose }) });\n}`;
const flagTyped = `${egressPre}export function rapport(diagnose: boolean) {\n  return fetch('https://api.leermiddel.example/r', { body: JSON.stringify({ diagnose: diagnose }) });\n}`;
const notFlag = `${egressPre}export function rapport(diagnose: string) {\n  return fetch('https://api.leermiddel.example/r', { body: JSON.stringify({ diagnose: diagnose }) });\n}`;
const openTable = {
  valid: [
    { code: openServer, options: strict },
    { code: openUrl, options: strict },
    flagDefault,
    flagTyped,
  ],
  invalid: [
    { code: boundUnresolved, options: strict, errors: [{ messageId: 'unresolvedDestination', ...at(boundUnresolved, 'leerling.naam') }] },
    { code: notFlag, errors: [unauthorised(notFlag, 'diagnose: diagnose')] },
  ],
};
ruleTester.run('no-unauthorised-transfer (open destinations, flags)', rule('no-unauthorised-transfer'), openTable);

// A root-relative path with no base (issue 9, unseen repositories: front-ends post to their own back-end by
// `fetch('/api/…')`): the app's own origin, not a recipient, also in strict mode. A base that exists but cannot be
// read, or a protocol-relative URL, is still unresolved.
const ownOrigin = `${egressPre}export async function bewaar() {\n  await fetch('/api/leerlingen', { method: 'POST', body: JSON.stringify({ bsn: leerling.bsn }) });\n  await fetch(\`/api/leerlingen/\${leerling.bsn}\`);\n}`;
const ownOriginAxios = `${egressPre}import axios from 'axios';\nvoid axios.post('/api/leerlingen', { naam: leerling.naam });`;
const unreadableBase = `${egressPre}import axios from 'axios';\ndeclare const env: { API: string };\nconst api = axios.create({ baseURL: env.API });\nvoid api.post('/leerlingen', { naam: leerling.naam });`;
const protocolRelative = `${egressPre}void fetch('//cdn.example/log', { method: 'POST', body: leerling.naam });`;
const ownOriginTable = {
  valid: [
    { code: ownOrigin, options: strict },
    { code: ownOriginAxios, options: strict },
  ],
  invalid: [
    { code: unreadableBase, options: strict, errors: [{ messageId: 'unresolvedDestination', ...at(unreadableBase, 'naam: leerling.naam') }] },
    { code: protocolRelative, options: strict, errors: [{ messageId: 'unresolvedDestination', ...at(protocolRelative, 'leerling.naam') }] },
  ],
};
ruleTester.run('no-unauthorised-transfer (the own origin)', rule('no-unauthorised-transfer'), ownOriginTable);
typedRuleTester.run('no-unauthorised-transfer (the own origin; typed)', rule('no-unauthorised-transfer'), ownOriginTable);
typedRuleTester.run('no-unauthorised-transfer (open destinations, flags; typed)', rule('no-unauthorised-transfer'), openTable);

// Navigation to another site (issue 9): the query string goes to that site. A URL without a scheme and host stays in
// the app and sends nothing, also in strict mode.
const nextRouter = `${egressPre}import { useRouter } from 'next/router';\nexport function useVolgende() {\n  const router = useRouter();\n  void router.push(\`https://api.leermiddel.example/x?bsn=\${leerling.bsn}\`);\n  void router.replace({ pathname: 'https://api.leermiddel.example/y', query: { bsn: leerling.bsn } });\n}`;
const defaultRouter = `${egressPre}import Router from 'next/router';\nvoid Router.push('https://analytics.example.com/?n=' + leerling.naam);`;
const locationAssign = `${egressPre}window.location.assign('https://analytics.example.com/?n=' + leerling.naam);\nlocation.replace(\`https://api.leermiddel.example/x?bsn=\${leerling.bsn}\`);`;
const windowOpen = `${egressPre}window.open(\`https://api.leermiddel.example/x?bsn=\${leerling.bsn}\`, '_blank');`;
const withinApp = `${egressPre}import { useRouter } from 'next/router';\nexport function useVolgende() {\n  const router = useRouter();\n  void router.push(\`/leerling/\${leerling.bsn}\`);\n  void router.push({ pathname: '/leerling', query: { bsn: leerling.bsn } });\n  location.assign('?bsn=' + leerling.bsn);\n  window.open('profiel?naam=' + leerling.naam);\n}`;
const navigationTable = {
  valid: [
    { code: withinApp, options: strict },
    `${egressPre}window.open('https://api.duo.nl/bron?bsn=' + leerling.bsn);`,
  ],
  invalid: [
    { code: nextRouter, errors: [unauthorised(nextRouter, 'leerling.bsn'), unauthorised(nextRouter, 'bsn: leerling.bsn')] },
    { code: defaultRouter, errors: [unknown(defaultRouter, "'https://analytics.example.com/?n=' + leerling.naam")] },
    { code: locationAssign, errors: [unknown(locationAssign, "'https://analytics.example.com/?n=' + leerling.naam"), unauthorised(locationAssign, 'leerling.bsn')] },
    { code: windowOpen, errors: [unauthorised(windowOpen, 'leerling.bsn')] },
  ],
};
ruleTester.run('no-unauthorised-transfer (navigation)', rule('no-unauthorised-transfer'), navigationTable);
typedRuleTester.run('no-unauthorised-transfer (navigation, typed)', rule('no-unauthorised-transfer'), navigationTable);

// Angular's request object (issue 9): `new HttpRequest(method, url, body, { params })` handed to `http.request`.
const angularRequest = `${egressPre}import { HttpClient, HttpRequest } from '@angular/common/http';\nexport class UploadService {\n  constructor(private readonly http: HttpClient) {}\n  upload() {\n    const req = new HttpRequest('POST', 'https://api.leermiddel.example/upload', { nummer: leerling.bsn });\n    return this.http.request(req);\n  }\n  zoek() {\n    return this.http.request(new HttpRequest('GET', 'https://api.leermiddel.example/zoek', null, { params: { bsn: leerling.bsn } }));\n  }\n  duo() {\n    return this.http.request(new HttpRequest('POST', 'https://api.duo.nl/bron', { bsn: leerling.bsn }));\n  }\n}`;
const angularRequestTable = {
  valid: [`${egressPre}import { HttpRequest } from '@angular/common/http';\nexport const req = new HttpRequest('POST', 'https://api.leermiddel.example/upload', { nummer: leerling.bsn });`],
  invalid: [{ code: angularRequest, errors: [unauthorised(angularRequest, 'nummer: leerling.bsn'), unauthorised(angularRequest, 'bsn: leerling.bsn')] }],
};
ruleTester.run('no-unauthorised-transfer (Angular HttpRequest)', rule('no-unauthorised-transfer'), angularRequestTable);
typedRuleTester.run('no-unauthorised-transfer (Angular HttpRequest, typed)', rule('no-unauthorised-transfer'), angularRequestTable);

// Plain-JavaScript bots (issue 9): a project class wraps discord.js's REST router (`client.api.…post({ data })`), and
// commands receive its instance untyped through a registry. A parameter named after exactly one project class
// (`interaction` → `Interaction`) is its instance; `client` is a discord.js client only in a project that imports it.
const botClass = "class Interaction {\n  constructor(client, raw) {\n    this.client = client;\n    this.id = raw.id;\n  }\n  sendSilent(message) {\n    return this.client.api.interactions(this.id).callback.post({ data: { type: 3, data: { flags: 64, content: message } } });\n  }\n}\nexports.Interaction = Interaction;\n";
const botCommand = "exports.run = async (client, interaction) => {\n  await interaction.sendSilent(`Naam: ${leerling.naam}`);\n};";
const bot = `${egressPre}import * as Discord from 'discord.js';\nvoid Discord;\n${botClass}${botCommand}`;
const rounded = `${egressPre}declare const cijfer: number;\nfetch('https://analytics.example.com/e', { body: String(Math.ceil(cijfer * 10) / 10) });`;
const botTable = {
  valid: [
    // Without discord.js in the project, `client` is nobody's client.
    `${egressPre}${botClass}${botCommand}`,
    // A parameter not named after the class is not taken for its instance.
    `${egressPre}import * as Discord from 'discord.js';\nvoid Discord;\n${botClass}${botCommand.replace(/interaction/g, 'ctx')}`,
    `${egressPre}fetch('https://analytics.example.com/e', { body: String(Math.random()) });`,
  ],
  invalid: [
    { code: bot, errors: [unknown(bot, 'leerling.naam')] },
    { code: rounded, errors: [unknown(rounded, 'String(Math.ceil(cijfer * 10) / 10)')] },
  ],
};
ruleTester.run('no-unauthorised-transfer (bot wrappers)', rule('no-unauthorised-transfer'), botTable);
typedRuleTester.run('no-unauthorised-transfer (bot wrappers, typed)', rule('no-unauthorised-transfer'), botTable);

// A helper given the SDK's object by its callers (`safeReply(msg, text)` → `msg.reply(text)`), and a command module a
// registry loaded (`command.callback(…)`: the functions the project's modules export under that name; issue 9).
const waPre = `${egressPre}import { Client } from 'whatsapp-web.js';\nconst client = new Client({});\nasync function antwoord(msg, text) {\n  await msg.reply(text);\n}\n`;
const waHelper = `${waPre}client.on('message', async (msg) => {\n  await antwoord(msg, leerling.naam);\n});`;
const waRegistry = `${waPre}async function callback() {\n  return \`Docent: \${leerling.naam}\`;\n}\nmodule.exports = { commandName: 'docent', callback };\nclient.on('message', async (msg) => {\n  let command;\n  [require('./docent')].some((cmd) => {\n    command = cmd;\n    return true;\n  });\n  const reply = await command.callback({ msg });\n  await antwoord(msg, reply);\n});`;
const waTable = {
  valid: [
    // The helper's only caller passes no WhatsApp object.
    `${egressPre}async function antwoord(msg, text) {\n  await msg.reply(text);\n}\nvoid antwoord({ reply: async (t: string) => t }, leerling.naam);`,
    // A module imported by name is that module, not any module exporting `callback`.
    `${waPre}import * as docent from './docent';\nasync function callback() {\n  return \`Docent: \${leerling.naam}\`;\n}\nmodule.exports = { callback };\nclient.on('message', async (msg) => {\n  await antwoord(msg, await docent.callback());\n});`,
  ],
  invalid: [
    { code: waHelper, errors: [unknown(waHelper, 'leerling.naam')] },
    { code: waRegistry, errors: [unknown(waRegistry, 'reply', 2)] },
  ],
};
ruleTester.run('no-unauthorised-transfer (SDK helpers, registries)', rule('no-unauthorised-transfer'), waTable);
typedRuleTester.run('no-unauthorised-transfer (SDK helpers, registries; typed)', rule('no-unauthorised-transfer'), waTable);

// Navigation by assignment: `location.href = url`, `window.location = url`.
const hrefAssign = `${egressPre}window.location.href = \`https://api.leermiddel.example/x?bsn=\${leerling.bsn}\`;\nlocation.href = '/leerling?bsn=' + leerling.bsn;\nwindow.location = 'https://analytics.example.com/?n=' + leerling.naam;`;
const hrefTable = {
  valid: [
    { code: `${egressPre}const pagina = { href: '' };\npagina.href = 'https://analytics.example.com/?n=' + leerling.naam;\nlocation.href = '/profiel?bsn=' + leerling.bsn;`, options: strict },
  ],
  invalid: [{ code: hrefAssign, errors: [unauthorised(hrefAssign, 'leerling.bsn'), unknown(hrefAssign, "'https://analytics.example.com/?n=' + leerling.naam")] }],
};
ruleTester.run('no-unauthorised-transfer (navigation by assignment)', rule('no-unauthorised-transfer'), hrefTable);
typedRuleTester.run('no-unauthorised-transfer (navigation by assignment, typed)', rule('no-unauthorised-transfer'), hrefTable);

// A method the project adds to a library's class (`Discord.CommandInteraction.prototype.sendSilent = function …`) is
// followed from its calls; `this` inside it is the library's instance.
const extension = `${egressPre}import * as Discord from 'discord.js';\nDiscord.CommandInteraction.prototype.sendSilent = function (content) {\n  return this.reply({ content, ephemeral: true });\n};\nexport async function run(interaction) {\n  await interaction.sendSilent(\`Naam: \${leerling.naam}\`);\n}`;
const extensionTable = {
  valid: [
    // A method added to one of the project's own constructors is that constructor's, not a library's.
    `${egressPre}function Kanaal() {}\nKanaal.prototype.sendSilent = function (content) {\n  return this.reply({ content });\n};\nexport async function run(interaction) {\n  await interaction.sendSilent(\`Naam: \${leerling.naam}\`);\n}`,
  ],
  invalid: [{ code: extension, errors: [unknown(extension, 'leerling.naam')] }],
};
ruleTester.run('no-unauthorised-transfer (prototype extensions)', rule('no-unauthorised-transfer'), extensionTable);
typedRuleTester.run('no-unauthorised-transfer (prototype extensions, typed)', rule('no-unauthorised-transfer'), extensionTable);

// URLs a processor hands out (issue 9): the login response names the API host (OAuth discovery, a tenant's portal).
// A URL whose host is read from the response of a request to processor P goes to P — through `.data`, `await
// res.json()`, destructuring, a field set in a login method and read in another, a method's parameter, a promise
// resolved in `https.get`'s callback —, unless the catalogue's `attributeResponseUrls: false` says such URLs are
// unresolved. The response of a request that goes nowhere known tells nothing.
const answerDuo = `${egressPre}import axios from 'axios';\nexport async function sync() {\n  const login = await axios.post('https://login.duo.nl/token', { grant_type: 'client_credentials' });\n  const api = login.data.apiUrl;\n  await axios.post(\`\${api}/bron\`, { bsn: leerling.bsn });\n}`;
const answerJson = `${egressPre}export async function sync() {\n  const res = await fetch('https://api.leermiddel.example/discovery');\n  const { apiUrl } = await res.json();\n  await fetch(apiUrl + '/leerlingen', { method: 'POST', body: leerling.bsn });\n}`;
const answerField = `${egressPre}import axios from 'axios';\nexport class Sessie {\n  private baseUrl!: string;\n  async login() {\n    const { data } = await axios.post('https://api.leermiddel.example/oauth/token', { grant_type: 'password' });\n    this.baseUrl = data.api_url + '/v1';\n  }\n  stuur() {\n    return axios.post(this.baseUrl + '/leerlingen', { nummer: leerling.bsn });\n  }\n}`;
const answerParameter = `${egressPre}import axios from 'axios';\nexport class Sessie {\n  private api!: string;\n  vernieuw() {\n    return axios.get('https://api.leermiddel.example/config').then((r) => this.bewaar(r.data));\n  }\n  private bewaar(config: { url: string }) {\n    this.api = config.url;\n  }\n  stuur() {\n    return fetch(\`\${this.api}/x\`, { method: 'POST', body: leerling.bsn });\n  }\n}`;
const answerUnknown = `${egressPre}declare const discovery: string;\nexport async function sync() {\n  const res = await fetch(discovery);\n  const { apiUrl } = await res.json();\n  await fetch(apiUrl + '/x', { method: 'POST', body: leerling.naam });\n  const other = await fetch('https://analytics.example.com/config');\n  await fetch((await other.json()).url, { method: 'POST', body: leerling.naam });\n}`;
const answerMixed = `${egressPre}import axios from 'axios';\ndeclare const elders: { url: string };\nexport class Sessie {\n  private api!: string;\n  async login() {\n    this.api = (await axios.get('https://api.duo.nl/config')).data.url;\n  }\n  herstel() {\n    this.api = elders.url;\n  }\n  stuur() {\n    return fetch(this.api + '/x', { method: 'POST', body: leerling.bsn });\n  }\n}`;
const answerAngular = `${egressPre}import { HttpClient } from '@angular/common/http';\nexport class Portaal {\n  private api = '';\n  constructor(private readonly http: HttpClient) {}\n  ontdek() {\n    this.http.get<{ api: string }>('https://api.leermiddel.example/.well-known/portal').subscribe((c) => {\n      this.api = c.api;\n    });\n  }\n  stuur() {\n    return this.http.post(\`\${this.api}/leerlingen\`, { bsn: leerling.bsn });\n  }\n}`;
const answerReassigned = `${egressPre}import axios from 'axios';\ndeclare const elders: string;\nexport async function sync(opnieuw: boolean) {\n  let api = (await axios.get('https://api.duo.nl/config')).data.url;\n  if (opnieuw) api = elders;\n  await fetch(api + '/bron', { method: 'POST', body: leerling.bsn });\n}`;
const noAttribution = [{ reportUnresolvedDestinations: true, attributeResponseUrls: false }];
const answerTable = {
  valid: [
    { code: answerDuo, options: strict },
    // Turned off, an answer's URL is unresolved: reported only in strict mode.
    { code: answerJson, options: [{ attributeResponseUrls: false }] },
    // An assignment from elsewhere: the field (or variable) is not only the processor's answer.
    answerMixed,
    { code: answerReassigned, options: [{ reportUnresolvedDestinations: false }] },
  ],
  invalid: [
    { code: answerJson, errors: [unauthorised(answerJson, 'leerling.bsn')] },
    { code: answerField, errors: [unauthorised(answerField, 'nummer: leerling.bsn')] },
    { code: answerParameter, errors: [unauthorised(answerParameter, 'leerling.bsn')] },
    { code: answerAngular, errors: [unauthorised(answerAngular, 'bsn: leerling.bsn')] },
    { code: answerDuo.replace('login.duo.nl', 'api.leermiddel.example'), errors: [unauthorised(answerDuo, 'bsn: leerling.bsn')] },
    { code: answerUnknown, options: strict, errors: [{ messageId: 'unresolvedDestination', ...at(answerUnknown, 'leerling.naam') }, { messageId: 'unresolvedDestination', ...at(answerUnknown, 'leerling.naam', 1) }] },
    { code: answerJson, options: noAttribution, errors: [{ messageId: 'unresolvedDestination', ...at(answerJson, 'leerling.bsn') }] },
    { code: answerMixed, options: strict, errors: [{ messageId: 'unresolvedDestination', ...at(answerMixed, 'leerling.bsn') }] },
    { code: answerReassigned, options: strict, errors: [{ messageId: 'unresolvedDestination', ...at(answerReassigned, 'leerling.bsn') }] },
  ],
};
ruleTester.run('no-unauthorised-transfer (URLs from a processor response)', rule('no-unauthorised-transfer'), answerTable);
typedRuleTester.run('no-unauthorised-transfer (URLs from a processor response, typed)', rule('no-unauthorised-transfer'), answerTable);

// A wrapper that merges its defaults with each call's options (`options = Object.assign({}, this.defaults, given)`,
// defaults from the constructor, given by a subclass's `super(…)`): the base URL is found at each call site; plain
// JavaScript that promisifies `https.request` hands the parsed answer on through `resolve(…)`.
const mergedBasis = `${egressPre}import axios from 'axios';\nclass Basis {\n  private readonly standaard: { baseURL?: string };\n  constructor(opties?: { baseURL?: string }) {\n    this.standaard = opties || {};\n  }\n  protected async call(gegeven?: { url?: string; data?: unknown }, vervang?: boolean) {\n    let opties;\n    if (!vervang) opties = Object.assign({}, this.standaard, gegeven);\n    else opties = gegeven!;\n    return axios.request(opties);\n  }\n}\nexport class Bron extends Basis {\n  constructor() {\n    super({ baseURL: 'https://api.duo.nl' });\n  }\n  meld() {\n    return this.call({ url: '/bron/' + leerling.bsn });\n  }\n}\n`;
const mergedWrapper = `${mergedBasis}export class Cijfers extends Basis {\n  constructor() {\n    super({ baseURL: 'https://api.leermiddel.example' });\n  }\n  ophalen() {\n    return this.call({ url: '/cijfers/' + leerling.bsn });\n  }\n}`;
const promised = "const https = require('https');\nclass Sessie {\n  async login() {\n    const antwoord = await new Promise((resolve) => {\n      let tekst = '';\n      https.request('https://api.leermiddel.example/oauth2/token', { method: 'POST' }, (res) => [res.on('end', () => resolve(JSON.parse(tekst))), res.on('data', (c) => { tekst += c; })]).end('grant_type=code');\n    });\n    this.bewaar(antwoord);\n  }\n  bewaar(info) {\n    this.api = `${info.api_url}/rest/v1`;\n  }\n  stuur(leerling) {\n    return fetch(this.api + '/leerlingen', { method: 'POST', body: leerling.bsn });\n  }\n}\nmodule.exports = Sessie;";
ruleTester.run('no-unauthorised-transfer (merged wrapper options, promisified requests)', rule('no-unauthorised-transfer'), {
  valid: [{ code: mergedBasis, options: strict }],
  invalid: [
    { code: mergedWrapper, options: strict, errors: [unauthorised(mergedWrapper, "url: '/cijfers/' + leerling.bsn")] },
    { code: promised, filename: 'src/app.js', errors: [unauthorised(promised, 'leerling.bsn')] },
  ],
});
typedRuleTester.run('no-unauthorised-transfer (merged wrapper options; typed)', rule('no-unauthorised-transfer'), {
  valid: [{ code: mergedBasis, options: strict }],
  invalid: [{ code: mergedWrapper, options: strict, errors: [unauthorised(mergedWrapper, "url: '/cijfers/' + leerling.bsn")] }],
});

// Probe suite (ACCURACY.md "Probe suite"): HTTP and GraphQL clients the probes found unknown — needle (called itself,
// `request`, its methods), graphql-request (`new GraphQLClient(url)` and the module's `request(url, …)`), Apollo Client
// (`new ApolloClient({ uri })`) and urql (`createClient({ url })`, `new Client({ url })`). Each client's base URL is
// where its operations send.
const needleCall = `${egressPre}import needle from 'needle';\nneedle('post', 'https://api.leermiddel.example/x', { nummer: leerling.bsn }, { json: true });`;
const needleMethods = `${egressPre}const needle = require('needle');\nneedle.post('https://api.leermiddel.example/x', { nummer: leerling.bsn });\nneedle.get('https://api.leermiddel.example/y', { headers: { 'X-Bsn': leerling.bsn } });`;
const graphqlClient = `${egressPre}import { GraphQLClient, gql } from 'graphql-request';\nconst client = new GraphQLClient('https://api.leermiddel.example/graphql');\nvoid client.request(gql\`mutation { x }\`, { nummer: leerling.bsn });\nvoid client.request({ document: 'mutation { y }', variables: { bsn: leerling.bsn } });`;
const graphqlModule = `${egressPre}import { request } from 'graphql-request';\nvoid request('https://api.leermiddel.example/graphql', 'mutation { x }', { nummer: leerling.bsn });`;
const apollo = `${egressPre}import { ApolloClient, InMemoryCache, gql } from '@apollo/client';\nconst client = new ApolloClient({ uri: 'https://api.leermiddel.example/graphql', cache: new InMemoryCache() });\nvoid client.mutate({ mutation: gql\`mutation { x }\`, variables: { nummer: leerling.bsn } });`;
const urql = `${egressPre}import { createClient, Client } from '@urql/core';\nconst client = createClient({ url: 'https://api.leermiddel.example/graphql', exchanges: [] });\nvoid client.mutation('mutation { x }', { nummer: leerling.bsn });\nconst other = new Client({ url: 'https://api.leermiddel.example/graphql', exchanges: [] });\nvoid other.query('query { y }', { bsn: leerling.bsn });`;
// Closures and factories (probe suite): the URL is a parameter of the factory, bound at the factory call, as a
// constructor parameter is at its `new`; each made function or object sends where its own factory call says.
const closureArrow = `${egressPre}const maakZender = (url: string) => (data: unknown) => fetch(url, { method: 'POST', body: JSON.stringify(data) });\nconst zend = maakZender('https://api.leermiddel.example/x');\nconst naarDuo = maakZender('https://api.duo.nl/bron');\nvoid naarDuo({ bsn: leerling.bsn });\nvoid zend({ nummer: leerling.bsn });`;
const closureFunction = `${egressPre}function maakZender(url: string) {\n  return function (data: unknown) {\n    return fetch(url, { method: 'POST', body: JSON.stringify(data) });\n  };\n}\nvoid maakZender('https://api.leermiddel.example/x')({ nummer: leerling.bsn });`;
const factoryObject = `${egressPre}function maakClient(base: string) {\n  return { post: (path: string, data: unknown) => fetch(base + path, { method: 'POST', body: JSON.stringify(data) }) };\n}\nconst duo = maakClient('https://api.duo.nl');\nconst client = maakClient('https://api.leermiddel.example');\nvoid duo.post('/bron', { bsn: leerling.bsn });\nvoid client.post('/x', { nummer: leerling.bsn });`;
// Round 2 of the probes: jQuery ajax (module and global), request, ofetch and Nuxt's `$fetch` global, Nuxt's injected
// `this.$axios`.
const jqueryAjax = `${egressPre}import $ from 'jquery';\n$.ajax({ url: 'https://api.leermiddel.example/x', method: 'POST', data: { nummer: leerling.bsn } });\n$.post('https://api.leermiddel.example/y', { bsn: leerling.bsn });`;
const jqueryGlobal = `${egressPre}declare const $: { getJSON(url: string, data: unknown): void };\n$.getJSON('https://api.leermiddel.example/x', { nummer: leerling.bsn });`;
const requestLib = `${egressPre}const request = require('request');\nrequest.post({ url: 'https://api.leermiddel.example/x', json: { nummer: leerling.bsn } });\nrequest('https://api.leermiddel.example/y', { qs: { bsn: leerling.bsn } });`;
const ofetchCalls = `${egressPre}import { ofetch } from 'ofetch';\ndeclare const $fetch: (url: string, options?: unknown) => Promise<unknown>;\nvoid ofetch('https://api.leermiddel.example/x', { method: 'POST', body: { nummer: leerling.bsn } });\nvoid $fetch('https://api.leermiddel.example/y', { query: { bsn: leerling.bsn } });`;
const nuxtAxios = `${egressPre}export default {\n  methods: {\n    stuur(this: { $axios: { post(u: string, d: unknown): void } }) {\n      this.$axios.post('https://api.leermiddel.example/x', { nummer: leerling.bsn });\n    },\n  },\n};`;
const destructuredUrl = `${egressPre}const config = { basis: 'https://api.leermiddel.example', duo: 'https://api.duo.nl' } as const;\nconst { basis, duo: naarDuo } = config;\nvoid fetch(\`\${naarDuo}/bron\`, { method: 'POST', body: leerling.bsn });\nvoid fetch(\`\${basis}/x\`, { method: 'POST', body: leerling.bsn });`;
const privateField = `${egressPre}export class Sync {\n  #url = 'https://api.leermiddel.example/x';\n  stuur() {\n    return fetch(this.#url, { method: 'POST', body: leerling.bsn });\n  }\n}`;
// A URL chosen by the environment (probe suite): a development server on the machine receives nothing, so the other
// branch is the destination; `??`/`||` fall back to the literal.
const envUrl = `${egressPre}declare const env: Record<string, string | undefined>;\nconst API = env.NODE_ENV === 'production' ? 'https://api.leermiddel.example' : 'http://localhost:3000';\nconst FALLBACK = env.API_URL ?? 'https://api.leermiddel.example';\nvoid fetch(\`\${API}/x\`, { method: 'POST', body: leerling.bsn });\nvoid fetch(FALLBACK + '/y', { method: 'POST', body: leerling.bsn });`;
// postMessage from an embedded app to the page around it (an LMS iframe, a popup's opener): the target origin.
const postMessage = `${egressPre}window.parent.postMessage({ nummer: leerling.bsn }, 'https://api.leermiddel.example');\nopener?.postMessage({ bsn: leerling.bsn }, 'https://api.leermiddel.example');`;
// The app's own axios default (`axios.defaults.baseURL = …` at the top level of a module; across modules in
// test/cli/scan.test.ts): a relative URL goes there.
const axiosDefaults = `${egressPre}import axios from 'axios';\naxios.defaults.baseURL = 'https://api.leermiddel.example/v1';\nvoid axios.post('/leerlingen', { nummer: leerling.bsn });`;
const probeTable = {
  valid: [
    `${egressPre}import axios from 'axios';\naxios.defaults.baseURL = 'https://api.duo.nl';\nvoid axios.post('/bron', { bsn: leerling.bsn });`,
    // A URL that starts with an unknown part may be absolute: the default does not apply (unresolved, strict only).
    `${egressPre}import axios from 'axios';\ndeclare const env: Record<string, string>;\naxios.defaults.baseURL = 'https://api.leermiddel.example/v1';\nvoid axios.post(\`\${env.API_URL}/leerlingen\`, { bsn: leerling.bsn });`,
    // Two settings: which one holds when a call runs is not known (an unresolved destination, reported in strict).
    `${egressPre}import axios from 'axios';\naxios.defaults.baseURL = 'https://api.duo.nl';\nexport function wissel() {\n  axios.defaults.baseURL = 'https://api.leermiddel.example';\n}\naxios.defaults.baseURL = 'https://api.leermiddel.example';\nvoid axios.post('/x', { bsn: leerling.bsn });`,
    // To DUO's origin, to the app's own window, and to a worker (not another site).
    `${egressPre}parent.postMessage({ bsn: leerling.bsn }, 'https://api.duo.nl');\nwindow.postMessage({ bsn: leerling.bsn }, '*');\ndeclare const worker: Worker;\nworker.postMessage({ bsn: leerling.bsn });`,
    `${egressPre}declare const env: Record<string, string | undefined>;\nconst API = env.NODE_ENV === 'production' ? 'https://api.duo.nl' : 'http://localhost:3000';\nvoid fetch(\`\${API}/bron\`, { method: 'POST', body: leerling.bsn });\nvoid fetch((env.DUO_URL || 'https://api.duo.nl') + '/bron', { method: 'POST', body: leerling.bsn });`,
    // Two hosts, one of them DUO: where it goes is decided at run time (an unresolved destination, reported in strict).
    `${egressPre}declare const env: Record<string, string | undefined>;\nconst API = env.DUO ? 'https://api.duo.nl' : 'https://api.leermiddel.example';\nvoid fetch(API, { method: 'POST', body: leerling.bsn });`,
    `${egressPre}export class Sync {\n  #url = 'https://api.duo.nl/bron';\n  stuur() {\n    return fetch(this.#url, { method: 'POST', body: leerling.bsn });\n  }\n}`,
    `${egressPre}import $ from 'jquery';\n$.post('https://api.duo.nl/bron', { bsn: leerling.bsn });\n$('#naam').text(leerling.naam);`,
    `${egressPre}import { ofetch } from 'ofetch';\nvoid ofetch('https://api.duo.nl/bron', { method: 'POST', body: { bsn: leerling.bsn } });`,
    `${egressPre}const $fetch = (u: string, o: unknown) => [u, o];\n$fetch('https://api.leermiddel.example/x', { body: leerling.bsn });`, // a local function
    `${egressPre}const maakZender = (url: string) => (data: unknown) => fetch(url, { method: 'POST', body: JSON.stringify(data) });\nconst naarDuo = maakZender('https://api.duo.nl/bron');\nvoid naarDuo({ bsn: leerling.bsn });`,
    `${egressPre}function maakClient(base: string) {\n  return { post: (path: string, data: unknown) => fetch(base + path, { method: 'POST', body: JSON.stringify(data) }) };\n}\nconst client = maakClient('https://api.leermiddel.example');\nvoid client.post('/x', { naam: leerling.naam });`,
    `${egressPre}import needle from 'needle';\nneedle.post('https://api.duo.nl/bron', { bsn: leerling.bsn });\nneedle.get('https://api.leermiddel.example/lokalen');`,
    `${egressPre}import { GraphQLClient } from 'graphql-request';\nconst client = new GraphQLClient('https://api.duo.nl/graphql');\nvoid client.request('mutation { x }', { bsn: leerling.bsn });`,
    `${egressPre}import { ApolloClient, InMemoryCache } from '@apollo/client';\nconst client = new ApolloClient({ uri: 'https://api.leermiddel.example/graphql', cache: new InMemoryCache() });\nvoid client.query({ query: 'q', variables: { naam: leerling.naam } });`,
    // A `request` function of another module, and a `mutate` on a value no client made, are no GraphQL sinks.
    `${egressPre}import { request } from './eigen';\nvoid request('https://api.leermiddel.example/graphql', 'q', { bsn: leerling.bsn });\nconst store = { mutate: (x: unknown) => x };\nstore.mutate({ variables: { bsn: leerling.bsn } });`,
  ],
  invalid: [
    { code: needleCall, errors: [unauthorised(needleCall, 'nummer: leerling.bsn')] },
    { code: closureArrow, errors: [unauthorised(closureArrow, 'nummer: leerling.bsn')] },
    { code: axiosDefaults, errors: [unauthorised(axiosDefaults, 'nummer: leerling.bsn')] },
    { code: postMessage, errors: [unauthorised(postMessage, 'nummer: leerling.bsn'), unauthorised(postMessage, 'bsn: leerling.bsn')] },
    { code: envUrl, errors: [unauthorised(envUrl, 'leerling.bsn'), unauthorised(envUrl, 'leerling.bsn', 1)] },
    { code: privateField, errors: [unauthorised(privateField, 'leerling.bsn')] },
    { code: destructuredUrl, errors: [unauthorised(destructuredUrl, 'leerling.bsn', 1)] },
    { code: jqueryAjax, errors: [unauthorised(jqueryAjax, 'nummer: leerling.bsn'), unauthorised(jqueryAjax, 'bsn: leerling.bsn')] },
    { code: jqueryGlobal, errors: [unauthorised(jqueryGlobal, 'nummer: leerling.bsn')] },
    { code: requestLib, errors: [unauthorised(requestLib, 'nummer: leerling.bsn'), unauthorised(requestLib, 'bsn: leerling.bsn')] },
    { code: ofetchCalls, errors: [unauthorised(ofetchCalls, 'nummer: leerling.bsn'), unauthorised(ofetchCalls, 'bsn: leerling.bsn')] },
    { code: nuxtAxios, errors: [unauthorised(nuxtAxios, 'nummer: leerling.bsn')] },
    { code: closureFunction, errors: [unauthorised(closureFunction, 'nummer: leerling.bsn')] },
    { code: factoryObject, errors: [unauthorised(factoryObject, 'nummer: leerling.bsn')] },
    { code: needleMethods, errors: [unauthorised(needleMethods, 'nummer: leerling.bsn'), unauthorised(needleMethods, "'X-Bsn': leerling.bsn")] },
    { code: graphqlClient, errors: [unauthorised(graphqlClient, 'nummer: leerling.bsn'), unauthorised(graphqlClient, 'bsn: leerling.bsn')] },
    { code: graphqlModule, errors: [unauthorised(graphqlModule, 'nummer: leerling.bsn')] },
    { code: apollo, errors: [unauthorised(apollo, 'nummer: leerling.bsn')] },
    { code: urql, errors: [unauthorised(urql, 'nummer: leerling.bsn'), unauthorised(urql, 'bsn: leerling.bsn')] },
  ],
};
ruleTester.run('no-unauthorised-transfer (probe suite: HTTP and GraphQL clients, closures)', rule('no-unauthorised-transfer'), probeTable);
typedRuleTester.run('no-unauthorised-transfer (probe suite: HTTP and GraphQL clients, closures; typed)', rule('no-unauthorised-transfer'), probeTable);

// Issue #9: a whole untyped value (no declared type, `any`, plain JavaScript) carries the categories of the members
// its own binding's code reads or writes; only the same binding counts, and a non-person's members do not.
const shapeAxios = "import axios from 'axios';\nexport async function sync(l: any) {\n  if (!l.bsn) throw new Error('geen bsn');\n  await axios.post('https://api.leermiddel.example/leerlingen', l);\n}";
const shapeFetch = "export async function sync(l: any) {\n  const { bsn } = l;\n  await fetch('https://api.leermiddel.example/x', { method: 'POST', body: JSON.stringify(l) });\n  return bsn.length;\n}";
const shapeParameter = "function stuur(data: any) {\n  return fetch('https://api.leermiddel.example/x', { method: 'POST', body: JSON.stringify(data) });\n}\nexport function sync(l: any) {\n  console.debug(l.bsn.length);\n  return stuur(l);\n}";
const shapesTable = {
  valid: [
    // To DUO, which may receive the BSN.
    "import axios from 'axios';\nexport async function sync(l: any) {\n  if (!l.bsn) return;\n  await axios.post('https://api.duo.nl/bron', l);\n}",
    "import axios from 'axios';\nexport function lees(l: any) {\n  return l.bsn;\n}\nexport async function sync(l: any) {\n  await axios.post('https://api.leermiddel.example/leerlingen', l);\n}",
    "import axios from 'axios';\nexport async function sync(school: any) {\n  await axios.post('https://api.leermiddel.example/scholen', school);\n  return school.naam;\n}",
  ],
  invalid: [
    { code: shapeAxios, errors: [{ messageId: 'unauthorisedTransfer', ...within(shapeAxios, 'l);', 'l') }] },
    { code: shapeFetch, errors: [unauthorised(shapeFetch, 'JSON.stringify(l)')] },
    { code: shapeParameter, errors: [{ messageId: 'unauthorisedTransfer', ...within(shapeParameter, 'l);', 'l') }] },
  ],
};
ruleTester.run('no-unauthorised-transfer (observed shapes of untyped values)', rule('no-unauthorised-transfer'), shapesTable);
typedRuleTester.run('no-unauthorised-transfer (observed shapes of untyped values; typed)', rule('no-unauthorised-transfer'), shapesTable);

const jsShapeSend = "const axios = require('axios');\nexports.sync = async (leerling) => {\n  console.debug(typeof leerling.bsn);\n  await axios.post('https://api.leermiddel.example/leerlingen', leerling);\n};";
ruleTester.run('no-unauthorised-transfer (observed shapes, plain JavaScript)', rule('no-unauthorised-transfer'), {
  valid: [{ code: jsShapeSend.replace('leerling.bsn', 'leerling.id'), filename: 'src/app.js' }],
  invalid: [{ code: jsShapeSend, filename: 'src/app.js', errors: [{ messageId: 'unauthorisedTransfer', ...within(jsShapeSend, 'leerling);', 'leerling') }] }],
});
