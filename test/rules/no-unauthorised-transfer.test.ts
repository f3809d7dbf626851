import { at, within } from '../helpers/positions';
import { rule, ruleTester, typedRuleTester } from '../helpers/ruleTester';

const pre = 'declare const leerling: { bsn: string; eckid: string; naam: string };\n';

const fetchBsn = `${pre}fetch('https://api.leermiddel.example/x', { method: 'POST', body: JSON.stringify({ id: leerling.bsn }) });`;
const axiosInstance = `${pre}import axios from 'axios';\nconst api = axios.create({ baseURL: 'https://api.leermiddel.example/v1' });\napi.post('/leerlingen', { nummer: leerling.bsn });`;
const helper = `${pre}function send(x: unknown) {\n  return fetch('https://toets.cito.nl/x', { method: 'POST', body: JSON.stringify(x) });\n}\nsend(leerling.naam);`;
const query = `${pre}fetch(\`https://api.leermiddel.example/x?bsn=\${leerling.bsn}\`);`;
const unknownHost = `${pre}fetch('https://analytics.example.com/e', { body: leerling.naam });`;
const unresolved = `${pre}declare const url: string;\nfetch(url, { body: leerling.naam });`;
const typedImport = "import { upload } from './flow-helpers';\nimport type { Leerling } from './flow-types';\nexport function sync(l: Leerling) {\n  return upload(l);\n}";
const argumentL = within(typedImport, 'l);', 'l');
const typedSuggestion = "import type { Leerling } from './flow-types';\nexport function sync(l: Leerling) {\n  return fetch('https://api.leermiddel.example/x', { body: l.bsn });\n}";

ruleTester.run('no-unauthorised-transfer', rule('no-unauthorised-transfer'), {
  valid: [
    `${pre}fetch('https://api.duo.nl/bron', { method: 'POST', body: JSON.stringify({ bsn: leerling.bsn }) });`,
    `${pre}declare function toEckId(b: string): string;\nfetch('https://api.leermiddel.example/x', { body: toEckId(leerling.bsn) });`,
    `${pre}fetch('https://api.leermiddel.example/x', { body: JSON.stringify({ id: leerling.eckid, naam: leerling.naam }) });`,
    `${pre}const { bsn, ...rest } = leerling;\nvoid bsn;\nfetch('https://api.leermiddel.example/x', { body: JSON.stringify(rest) });`,
    { code: unknownHost, options: [{ reportUnknownDestinations: false }] },
    unresolved,
  ],
  invalid: [
    { code: fetchBsn, errors: [{ messageId: 'unauthorisedTransfer', ...at(fetchBsn, 'JSON.stringify({ id: leerling.bsn })') }] },
    { code: axiosInstance, errors: [{ messageId: 'unauthorisedTransfer', ...at(axiosInstance, '{ nummer: leerling.bsn }') }] },
    { code: helper, errors: [{ messageId: 'unauthorisedTransfer', ...at(helper, 'leerling.naam') }] },
    { code: query, errors: [{ messageId: 'unauthorisedTransfer', ...at(query, '`https://api.leermiddel.example/x?bsn=${leerling.bsn}`') }] },
    { code: unknownHost, errors: [{ messageId: 'unknownDestination', ...at(unknownHost, 'leerling.naam') }] },
    { code: unresolved, options: [{ reportUnresolvedDestinations: true }], errors: [{ messageId: 'unresolvedDestination', ...at(unresolved, 'leerling.naam') }] },
  ],
});

typedRuleTester.run('no-unauthorised-transfer (typed)', rule('no-unauthorised-transfer'), {
  valid: [{ code: "import { upload } from './flow-helpers';\nimport type { Leerling } from './flow-types';\nexport function sync(l: Leerling) {\n  return upload({ id: l.eckid });\n}", filename: 'src/flow-typed.ts' }],
  invalid: [
    {
      code: typedImport,
      filename: 'src/flow-typed.ts',
      // `Leerling` holds a BSN and (in `dossier`) a zorgdossier: sending the whole object sends both.
      errors: [
        { messageId: 'unauthorisedTransfer', ...argumentL },
        { messageId: 'unauthorisedTransfer', ...argumentL },
      ],
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
    { code: mixpanel, errors: [{ messageId: 'unknownDestination', data: { category: 'Naam-, adres- en woonplaatsgegevens', destination: 'the npm package `mixpanel-browser`' }, ...at(mixpanel, '{ wie: leerling.naam }') }] },
    { code: bugsnag, errors: [{ messageId: 'unknownDestination', ...at(bugsnag, '{ user: { id: leerling.bsn } }') }] },
    { code: amplitudeInstance, errors: [{ messageId: 'unknownDestination', ...at(amplitudeInstance, '{ naam: leerling.naam }') }] },
  ],
});

typedRuleTester.run('no-unauthorised-transfer (npm packages, typed)', rule('no-unauthorised-transfer'), {
  valid: [{ code: "import type { Leerling } from './flow-types';\nimport mixpanel from 'mixpanel-browser';\nexport function f(l: Leerling) {\n  mixpanel.track('x', { id: l.id });\n}", filename: 'src/flow-typed.ts' }],
  invalid: [
    {
      // The whole `Leerling` goes to the SDK: one finding per category it carries.
      code: typedPackage,
      filename: 'src/flow-typed.ts',
      errors: ['Burgerservicenummer (BSN)', 'ECK iD', 'Naam-, adres- en woonplaatsgegevens', 'Speciaal zorgdossier'].map((category) => ({
        messageId: 'unknownDestination',
        data: { category, destination: 'the npm package `mixpanel-browser`' },
        ...within(typedPackage, 'set(l)', 'l'),
      })),
    },
  ],
});
