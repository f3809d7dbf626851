/**
 * One case per sink and per destination form. The data is always a BSN; where it goes decides the message:
 * Uitgeverij Leermiddel (api.leermiddel.example) may not receive it, DUO may, other hosts are unknown.
 */
import * as assert from 'node:assert/strict';
import type { Catalogue, Processor } from '@avglint/rules';
import { both, brief, run, testCatalogue } from './program';

const PRE = 'declare const leerling: { bsn: string; naam: string };\n';
const T = { rules: ['no-unauthorised-transfer'] as const };
const LM = 'no-unauthorised-transfer:unauthorisedTransfer:bsn>leermiddelen@';

interface Case {
  readonly name: string;
  readonly code: string;
  readonly expected: readonly string[];
  readonly typedOnly?: boolean;
  readonly others?: Readonly<Record<string, string>>;
}

const sinks: readonly Case[] = [
  { name: 'fetch: data in the query string', code: 'fetch(`https://api.leermiddel.example/x?bsn=${leerling.bsn}`);', expected: [`${LM}leerling.bsn`] },
  { name: 'fetch: headers', code: "fetch('https://api.leermiddel.example/x', { headers: { 'X-Id': leerling.bsn } });", expected: [`${LM}'X-Id': leerling.bsn`] },
  { name: 'fetch imported from node-fetch', code: "import fetch from 'node-fetch';\nfetch('https://api.leermiddel.example/x', { body: leerling.bsn });", expected: [`${LM}leerling.bsn`] },
  { name: 'axios.post data', code: "import axios from 'axios';\naxios.post('https://api.leermiddel.example/x', { id: leerling.bsn });", expected: [`${LM}id: leerling.bsn`] },
  { name: 'axios.put / patch', code: "import axios from 'axios';\naxios.patch('https://api.leermiddel.example/x', leerling.bsn);", expected: [`${LM}leerling.bsn`] },
  { name: 'axios.get params', code: "import axios from 'axios';\naxios.get('https://api.leermiddel.example/x', { params: { bsn: leerling.bsn } });", expected: [`${LM}bsn: leerling.bsn`] },
  { name: 'axios.delete headers', code: "import axios from 'axios';\naxios.delete('https://api.leermiddel.example/x', { headers: { id: leerling.bsn } });", expected: [`${LM}id: leerling.bsn`] },
  { name: 'axios(config)', code: "import axios from 'axios';\naxios({ url: 'https://api.leermiddel.example/x', method: 'post', data: leerling.bsn });", expected: [`${LM}leerling.bsn`] },
  { name: 'axios(url, config)', code: "import axios from 'axios';\naxios('https://api.leermiddel.example/x', { data: leerling.bsn });", expected: [`${LM}leerling.bsn`] },
  { name: 'axios.request', code: "import axios from 'axios';\naxios.request({ baseURL: 'https://api.leermiddel.example', url: '/x', data: leerling.bsn });", expected: [`${LM}leerling.bsn`] },
  { name: 'require(axios)', code: "const axios = require('axios');\naxios.post('https://api.leermiddel.example/x', leerling.bsn);", expected: [`${LM}leerling.bsn`] },
  { name: 'axios.create instance in a variable', code: "import axios from 'axios';\nconst api = axios.create({ baseURL: 'https://api.leermiddel.example/v1' });\napi.post('/leerlingen', { id: leerling.bsn });", expected: [`${LM}id: leerling.bsn`] },
  { name: 'axios.create instance in a class field', code: "import axios from 'axios';\nclass C {\n  private http = axios.create({ baseURL: 'https://api.leermiddel.example' });\n  sync() { return this.http.post('/x', leerling.bsn); }\n}\nvoid C;", expected: [`${LM}leerling.bsn`] },
  { name: 'axios.create instance set in the constructor', code: "import axios, { type AxiosInstance } from 'axios';\nclass C {\n  private http: AxiosInstance;\n  constructor() { this.http = axios.create({ baseURL: 'https://api.leermiddel.example' }); }\n  sync() { return this.http.put('/x', leerling.bsn); }\n}\nvoid C;", expected: [`${LM}leerling.bsn`] },
  {
    name: 'axios.create instance exported from another module',
    code: "import { api } from './client';\napi.post('/x', leerling.bsn);",
    others: { 'src/client.ts': "import axios from 'axios';\nexport const api = axios.create({ baseURL: 'https://api.leermiddel.example' });\n" },
    expected: [`${LM}leerling.bsn`],
    typedOnly: true,
  },
  { name: 'axios instance from a factory function', code: "import axios from 'axios';\nfunction maakApi() {\n  return axios.create({ baseURL: 'https://api.leermiddel.example' });\n}\nconst api = maakApi();\napi.post('/x', leerling.bsn);", expected: [`${LM}leerling.bsn`] },
  { name: 'a method of a client made by a factory function', code: "class Client {\n  send(x: string) { return fetch('https://api.leermiddel.example/x', { body: x }); }\n}\nconst maak = () => new Client();\nconst c = maak();\nc.send(leerling.bsn);", expected: [`${LM}leerling.bsn`] },
  { name: 'got.post json', code: "import got from 'got';\ngot.post('https://api.leermiddel.example/x', { json: { id: leerling.bsn } });", expected: [`${LM}id: leerling.bsn`] },
  { name: 'got(url, searchParams)', code: "import got from 'got';\ngot('https://api.leermiddel.example/x', { searchParams: { id: leerling.bsn } });", expected: [`${LM}id: leerling.bsn`] },
  { name: 'got.extend prefixUrl', code: "import got from 'got';\nconst client = got.extend({ prefixUrl: 'https://api.leermiddel.example' });\nclient.post('x', { json: leerling.bsn });", expected: [`${LM}leerling.bsn`] },
  { name: 'ky.post json', code: "import ky from 'ky';\nky.post('https://api.leermiddel.example/x', { json: { id: leerling.bsn } });", expected: [`${LM}id: leerling.bsn`] },
  { name: 'ky.create prefixUrl', code: "import ky from 'ky';\nconst api = ky.create({ prefixUrl: 'https://api.leermiddel.example' });\napi.post('x', { json: leerling.bsn });", expected: [`${LM}leerling.bsn`] },
  { name: 'node:https request + write', code: "import * as https from 'node:https';\nconst req = https.request({ hostname: 'api.leermiddel.example', path: '/x', method: 'POST' });\nreq.write(JSON.stringify({ id: leerling.bsn }));\nreq.end();", expected: [`${LM}id: leerling.bsn`] },
  { name: 'node:http get with data in the URL', code: "import http from 'node:http';\nhttp.get(`https://api.leermiddel.example/x?id=${leerling.bsn}`);", expected: [`${LM}leerling.bsn`] },
  { name: 'undici request', code: "import { request } from 'undici';\nrequest('https://api.leermiddel.example/x', { method: 'POST', body: leerling.bsn });", expected: [`${LM}leerling.bsn`] },
  { name: 'undici Pool', code: "import { Pool } from 'undici';\nconst pool = new Pool('https://api.leermiddel.example');\npool.request({ path: '/x', method: 'POST', body: leerling.bsn });", expected: [`${LM}leerling.bsn`] },
  { name: 'superagent send', code: "import superagent from 'superagent';\nsuperagent.post('https://api.leermiddel.example/x').send({ id: leerling.bsn });", expected: [`${LM}id: leerling.bsn`] },
  { name: 'superagent query after set', code: "import request from 'superagent';\nrequest.get('https://api.leermiddel.example/x').set('Accept', 'json').query({ id: leerling.bsn });", expected: [`${LM}id: leerling.bsn`] },
  { name: 'SDK module of a processor: a client instance', code: "import { Client } from 'leermiddel-sdk';\nconst client = new Client();\nclient.upload({ id: leerling.bsn });", expected: [`${LM}id: leerling.bsn`] },
  { name: 'SDK module of a processor: a namespace call', code: "import * as sdk from 'leermiddel-sdk';\nsdk.sendResults(leerling.bsn);", expected: [`${LM}leerling.bsn`] },
  { name: 'SDK module of a processor: the default import called', code: "import leermiddel from 'leermiddel-sdk';\nleermiddel(leerling.bsn);", expected: [`${LM}leerling.bsn`] },
  { name: 'SDK module of a processor: a client from a factory', code: "import { createClient } from 'leermiddel-sdk/client';\nconst c = createClient({ key: 'k' });\nc.accounts.create({ id: leerling.bsn });", expected: [`${LM}id: leerling.bsn`] },
  { name: 'globalThis.fetch', code: "globalThis.fetch('https://api.leermiddel.example/x', { body: leerling.bsn });", expected: [`${LM}leerling.bsn`] },
];

const destinations: readonly Case[] = [
  { name: 'a const URL', code: "const URL_ = 'https://api.leermiddel.example/x';\nfetch(URL_, { body: leerling.bsn });", expected: [`${LM}leerling.bsn`] },
  {
    name: 'an imported const URL',
    code: "import { LEERMIDDEL } from './urls';\nfetch(LEERMIDDEL, { body: leerling.bsn });",
    others: { 'src/urls.ts': "export const LEERMIDDEL = 'https://api.leermiddel.example/x';\n" },
    expected: [`${LM}leerling.bsn`],
    typedOnly: true,
  },
  { name: 'a template literal with a resolvable base and an unknown id', code: "const BASE = 'https://api.leermiddel.example';\ndeclare const id: string;\nfetch(`${BASE}/leerlingen/${id}`, { body: leerling.bsn });", expected: [`${LM}leerling.bsn`] },
  { name: 'concatenation', code: "const BASE = 'https://api.leermiddel.example';\nfetch(BASE + '/x', { body: leerling.bsn });", expected: [`${LM}leerling.bsn`] },
  { name: 'new URL(path, base)', code: "const BASE = 'https://api.leermiddel.example/v1/';\nfetch(new URL('leerlingen', BASE), { body: leerling.bsn });", expected: [`${LM}leerling.bsn`] },
  { name: 'a property of a const object', code: "const config = { urls: { leermiddel: 'https://api.leermiddel.example' } };\nfetch(config.urls.leermiddel, { body: leerling.bsn });", expected: [`${LM}leerling.bsn`] },
  { name: 'a wildcard host', code: "fetch('https://toets.cito.nl/x', { body: leerling.bsn });", expected: ['no-unauthorised-transfer:unauthorisedTransfer:bsn>cito@leerling.bsn'] },
  { name: 'an authorised processor', code: "fetch('https://api.duo.nl/bron', { body: leerling.bsn });", expected: [] },
  { name: 'an unknown host', code: "fetch('https://example.com/x', { body: leerling.bsn });", expected: ['no-unauthorised-transfer:unknownDestination:bsn@leerling.bsn'] },
  { name: 'the machine itself is no recipient', code: "fetch('http://localhost:3000/api/x', { body: leerling.bsn });\nfetch('http://127.0.0.1/x', { body: leerling.bsn });", expected: [] },
  { name: 'a relative URL without a base is unresolved (off by default)', code: "fetch('/api/x', { body: leerling.bsn });", expected: [] },
];

function check(c: Case): void {
  const result = both(PRE + c.code, { ...T, others: c.others });
  assert.deepEqual(result.typed, c.expected, 'with types');
  if (!c.typedOnly) assert.deepEqual(result.untyped, c.expected, 'without types');
}

describe('flow: sinks', () => {
  for (const c of sinks) it(c.name, () => check(c));
  it('the result of a sink does not carry what was sent', () => {
    const code = "const res = await fetch('https://api.duo.nl/x', { body: leerling.bsn });\nfetch('https://api.leermiddel.example/x', { body: await res.text() });\nexport {};";
    assert.deepEqual(both(PRE + code, T), { untyped: [], typed: [] });
  });
});

describe('flow: destinations', () => {
  for (const c of destinations) it(c.name, () => check(c));

  it('a URL glob of a processor', () => {
    const base = testCatalogue();
    const cito = base.processors.get('cito') as Processor;
    const processors = new Map(base.processors);
    processors.set('cito', { ...cito, hosts: [], urls: ['https://toetsen.example/cito/**'] });
    const catalogue: Catalogue = { ...base, processors };
    const code = "fetch('https://toetsen.example/cito/v2/uitslag', { body: leerling.bsn });\nfetch('https://toetsen.example/ander', { body: leerling.bsn });";
    assert.deepEqual(brief(run(PRE + code, { ...T, catalogue })), [
      'no-unauthorised-transfer:unauthorisedTransfer:bsn>cito@leerling.bsn',
      'no-unauthorised-transfer:unknownDestination:bsn@leerling.bsn',
    ]);
  });

  it('an unresolvable destination is reported when asked (strict)', () => {
    const code = 'declare const url: string;\nfetch(url, { body: leerling.bsn });';
    const on = { ...T, ruleOptions: { 'no-unauthorised-transfer': { reportUnresolvedDestinations: true } } };
    assert.deepEqual(both(PRE + code, on), { untyped: ['no-unauthorised-transfer:unresolvedDestination:bsn@leerling.bsn'], typed: ['no-unauthorised-transfer:unresolvedDestination:bsn@leerling.bsn'] });
  });
});
