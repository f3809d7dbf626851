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

ruleTester.run('no-unauthorised-transfer', rule('no-unauthorised-transfer'), {
  valid: [
    `${pre}fetch('https://api.duo.nl/bron', { method: 'POST', body: JSON.stringify({ bsn: leerling.bsn }) });`,
    `${pre}declare function toEckId(b: string): string;\nfetch('https://api.leermiddel.example/x', { body: toEckId(leerling.bsn) });`,
    `${pre}fetch('https://api.leermiddel.example/x', { body: JSON.stringify({ id: leerling.eckid, naam: leerling.naam }) });`,
    `${pre}const { bsn, ...rest } = leerling;\nvoid bsn;\nfetch('https://api.leermiddel.example/x', { body: JSON.stringify(rest) });`,
    { code: unknownHost, options: [{ reportUnknownDestinations: false }] },
    unresolved,
    ...egressValid,
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
  ],
});

typedRuleTester.run('no-unauthorised-transfer (typed)', rule('no-unauthorised-transfer'), {
  valid: [{ code: "import { upload } from './flow-helpers';\nimport type { Leerling } from './flow-types';\nexport function sync(l: Leerling) {\n  return upload({ id: l.eckid });\n}", filename: 'src/flow-typed.ts' }, ...egressValid],
  invalid: [
    ...egressInvalid,
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

// Unknown third parties: data handed to an npm package that can reach the network and is not in the catalogue. The
// SDK families are known by name here; packages the host found by reading node_modules are in the unit tests.
const mixpanel = `${pre}import mixpanel from 'mixpanel-browser';\nmixpanel.track('inschrijving', { wie: leerling.naam });`;
const bugsnag = `${pre}import Bugsnag from '@bugsnag/js';\nBugsnag.notify(new Error('sync'), { user: { id: leerling.bsn } });`;
const amplitudeInstance = `${pre}const amplitude = require('@amplitude/analytics-node');\nconst client = amplitude.createInstance();\nclient.track('login', { naam: leerling.naam });`;
const typedPackage = "import type { Leerling } from './flow-types';\nimport mixpanel from 'mixpanel-browser';\nexport function f(l: Leerling) {\n  mixpanel.people.set(l);\n}";

ruleTester.run('no-unauthorised-transfer (npm packages)', rule('no-unauthorised-transfer'), {
  valid: [
    // Pure libraries compute locally, whatever they are given.
    `${pre}import get from 'lodash/get';\nimport { format } from 'date-fns';\nget({ bsn: leerling.bsn }, 'bsn');\nformat(new Date(), leerling.naam);`,
    `${pre}import { z } from 'zod';\nimport { of } from 'rxjs';\nz.string().parse(leerling.bsn);\nof({ naam: leerling.naam });`,
    // The project's own infrastructure is not a third party (storage is require-retention's business).
    `${pre}import { Pool } from 'pg';\nconst pool = new Pool();\npool.query('SELECT 1', [leerling.bsn]);`,
    // A package the catalogue does not know and the core cannot tell reaches the network: no finding without the host's answer.
    `${pre}import { track } from 'onbekende-analytics';\ntrack({ bsn: leerling.bsn });`,
    `${pre}import mixpanel from 'mixpanel-browser';\nmixpanel.track('inschrijving', { aantal: 3 });`,
    { code: mixpanel, options: [{ reportUnknownDestinations: false }] },
  ],
  invalid: [
    { code: mixpanel, errors: [{ ...message('no-unauthorised-transfer', 'unknownDestination', { category: 'Naam-, adres- en woonplaatsgegevens', categories: 'Naam-, adres- en woonplaatsgegevens', destination: 'npm package `mixpanel-browser`' }), ...at(mixpanel, 'wie: leerling.naam') }] },
    { code: bugsnag, errors: [{ messageId: 'unknownDestination', ...at(bugsnag, 'id: leerling.bsn') }] },
    { code: amplitudeInstance, errors: [{ messageId: 'unknownDestination', ...at(amplitudeInstance, 'naam: leerling.naam') }] },
  ],
});

typedRuleTester.run('no-unauthorised-transfer (npm packages, typed)', rule('no-unauthorised-transfer'), {
  valid: [{ code: "import type { Leerling } from './flow-types';\nimport mixpanel from 'mixpanel-browser';\nexport function f(l: Leerling) {\n  mixpanel.track('x', { id: l.id });\n}", filename: 'src/flow-typed.ts' }],
  invalid: [
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
