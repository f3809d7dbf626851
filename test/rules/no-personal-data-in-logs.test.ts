import { at, within } from '../helpers/positions';
import { rule, ruleTester, typedRuleTester } from '../helpers/ruleTester';

const pre = 'declare const leerling: { id: number; bsn: string; naam: string; email: string };\n';
const consoleLog = `${pre}console.log('sync', leerling.bsn);`;
const template = `${pre}console.warn(\`mislukt voor \${leerling.naam}\`);`;
const pinoChild = `${pre}import pino from 'pino';\nconst log = pino().child({ module: 'sync' });\nlog.info({ adres: leerling.email }, 'verstuurd');`;
const debugNs = `${pre}import createDebug from 'debug';\nconst debug = createDebug('avg:sync');\ndebug('leerling %s', leerling.naam);`;
const viaVariable = `${pre}const wie = leerling.bsn;\nconsole.info(wie);`;
const childBindings = `${pre}import pino from 'pino';\nconst log = pino().child({ bsn: leerling.bsn });`;
const winstonChild = `${pre}import winston from 'winston';\nconst logger = winston.createLogger({});\nexport const child = logger.child({ email: leerling.email });`;
const consoleTable = `${pre}console.table([{ bsn: leerling.bsn }]);`;
const consoleDir = `${pre}console.dir({ naam: leerling.naam }, { depth: 3 });`;
const debugFormat = `${pre}const debug = require('debug')('app:sync');\ndebug('%o', { bsn: leerling.bsn });`;
const globalLogger = `${pre}logger.warn(\`geen klas voor \${leerling.naam}\`);`;
const declaredLogger = `${pre}declare const log: { info(...a: unknown[]): void };\nlog.info(leerling.email);`;
const nest = `${pre}import { Logger } from '@nestjs/common';\nexport class Sync {\n  private readonly logger = new Logger(Sync.name);\n  run() {\n    this.logger.log(leerling.bsn);\n  }\n}`;
const debugWhole = `${pre}import createDebug from 'debug';\nconst debug = createDebug('avg:sync');\ndebug('%O', leerling);`;
const consola = `${pre}import consola from 'consola';\nconsola.success({ email: leerling.email });`;
const typedChild = "import type { Leerling } from './flow-types';\nimport pino from 'pino';\nexport function f(l: Leerling) {\n  return pino().child({ wie: l });\n}";
const typedGlobal = "import type { Leerling } from './flow-types';\nexport function f(l: Leerling) {\n  logger.info(l.naam);\n}";
const typedWhole = "import type { Leerling } from './flow-types';\nexport function f(l: Leerling) {\n  console.log(l);\n}";

// What a call returns. A package's client built with personal data (an SDK client given a login) returns what the
// service answers, not its constructor's arguments; a global's object (URLSearchParams) still holds them.
const sdkClient = `${pre}import Untis from 'webuntis';\nconst client = new Untis('school', leerling.bsn);\nconst klassen = await client.getClasses();\nconsole.log(klassen);`;
const sdkRequired = `${pre}const Untis = require('webuntis');\nconst client = new Untis.Client('school', leerling.bsn);\nconsole.log(client.getClasses());`;
const globalObject = `${pre}const query = new URLSearchParams({ bsn: leerling.bsn });\nconsole.log(query.toString());`;
// A promise holds what its executor resolves it with, also from a callback.
const promised = `${pre}declare const db: { query(q: unknown): Promise<unknown> };\nfunction zoek(q: unknown) {\n  return new Promise((resolve) => {\n    db.query(q).then((r) => resolve(r));\n  });\n}\nconst gevonden = await zoek({ bsn: leerling.bsn });\nconsole.log(gevonden);`;
// `get('key')` reads the entry under that key, not everything the receiver holds.
const keyed = `${pre}const params = new URLSearchParams();\nparams.append('bsn', leerling.bsn);\nparams.append('pagina', '2');\n`;
const keyedBsn = `${keyed}console.log(params.get('bsn'));`;
// A module object whose member names a function declared beside it (`{ lijst: lijst }`, as `module.exports` does).
const namedMember = `${pre}function lijst() {\n  return [{ naam: leerling.naam }];\n}\nconst api = { lijst: lijst };\nconsole.log(api.lijst());`;

// An enum member is a constant written in the code: `Pad.cijfers` names an endpoint, it holds nobody's grades.
const enumMember = "enum Pad {\n  cijfers = '/resultaten/huidigVoorLeerling',\n  naam = 2,\n}\nconsole.log(`${Pad.cijfers}/${Pad.naam}`);";

// A request body typed `any` is the type the handler casts it to, before or after the log.
const castLater = "interface Aanmelding { bsn: string; klas: string }\nexport function meld(req: { body: any }) {\n  console.log('ontvangen', { body: req.body });\n  const { klas } = req.body as Aanmelding;\n  return klas;\n}";

// Every case runs without and with types.
const valid = [
  `${pre}console.log('sync', leerling.id);`,
  `${pre}declare function pseudonymise(x: string): string;\nconsole.log(pseudonymise(leerling.bsn));`,
  `${pre}const logger = { info: (...a: unknown[]) => a };\nconsole.log('klaar');`,
  `${pre}import pino from 'pino';\nconst log = pino().child({ module: 'sync', id: leerling.id });`,
  `${pre}console.table([{ id: leerling.id }]);`,
  `${pre}const debug = require('debug')('app');\ndebug('%o', { id: leerling.id });`,
  `${pre}logger.info('klaar', leerling.id);`,
  `${pre}const tabel = { info: (x: unknown) => x };\ntabel.info(leerling.bsn);`, // not a logger by name or origin
  `${pre}console.dir({ id: leerling.id }, { depth: 3 });`,
  `${pre}import winston from 'winston';\nconst logger = winston.createLogger({});\nexport const child = logger.child({ module: 'sync' });`,
];
const invalid = [
  { code: consoleLog, errors: [{ messageId: 'personalDataInLog', ...at(consoleLog, 'leerling.bsn') }] },
  { code: template, errors: [{ messageId: 'personalDataInLog', ...at(template, 'leerling.naam') }] },
  { code: pinoChild, errors: [{ messageId: 'personalDataInLog', ...at(pinoChild, 'adres: leerling.email') }] },
  { code: debugNs, errors: [{ messageId: 'personalDataInLog', ...at(debugNs, 'leerling.naam') }] },
  { code: viaVariable, errors: [{ messageId: 'personalDataInLog', ...at(viaVariable, 'wie', 1) }] },
  { code: childBindings, errors: [{ messageId: 'personalDataInLog', ...at(childBindings, 'bsn: leerling.bsn') }] },
  { code: winstonChild, errors: [{ messageId: 'personalDataInLog', ...at(winstonChild, 'email: leerling.email') }] },
  { code: consoleTable, errors: [{ messageId: 'personalDataInLog', ...at(consoleTable, 'bsn: leerling.bsn') }] },
  { code: consoleDir, errors: [{ messageId: 'personalDataInLog', ...at(consoleDir, 'naam: leerling.naam') }] },
  { code: debugFormat, errors: [{ messageId: 'personalDataInLog', ...at(debugFormat, 'bsn: leerling.bsn') }] },
  { code: globalLogger, errors: [{ messageId: 'personalDataInLog', ...at(globalLogger, 'leerling.naam') }] },
  { code: declaredLogger, errors: [{ messageId: 'personalDataInLog', ...at(declaredLogger, 'leerling.email') }] },
  { code: nest, errors: [{ messageId: 'personalDataInLog', ...at(nest, 'leerling.bsn') }] },
  { code: debugWhole, errors: [{ messageId: 'personalDataInLog', ...at(debugWhole, 'leerling', 1) }] },
  { code: consola, errors: [{ messageId: 'personalDataInLog', ...at(consola, 'email: leerling.email') }] },
];

ruleTester.run('no-personal-data-in-logs', rule('no-personal-data-in-logs'), {
  valid: [
    ...valid,
    sdkClient,
    sdkRequired,
    enumMember,
    `${keyed}console.log(params.get('pagina'));`,
    // Cast to a type without catalogued members, or only in another function.
    "interface Pagina { nummer: number }\nexport function meld(req: { body: any }) {\n  console.log(req.body);\n  return (req.body as Pagina).nummer;\n}",
    "interface Aanmelding { bsn: string }\nexport function meld(req: { body: any }) {\n  console.log(req.body);\n}\nexport function lees(req: { body: any }) {\n  return req.body as Aanmelding;\n}",
  ],
  invalid: [
    ...invalid,
    { code: globalObject, errors: [{ messageId: 'personalDataInLog', ...at(globalObject, 'query.toString()') }] },
    { code: promised, errors: [{ messageId: 'personalDataInLog', ...at(promised, 'gevonden', 1) }] },
    { code: keyedBsn, errors: [{ messageId: 'personalDataInLog', ...at(keyedBsn, "params.get('bsn')") }] },
    { code: namedMember, errors: [{ messageId: 'personalDataInLog', ...at(namedMember, 'api.lijst()') }] },
    { code: castLater, errors: [{ messageId: 'personalDataInLog', ...at(castLater, 'body: req.body') }] },
  ],
});

// Plain JavaScript (untyped here; typed plain JS is the hosts' inferred program).
const jsDebug = "const debug = require('debug')('app:sync');\nfunction sync(leerling) {\n  debug('%o', { bsn: leerling.bsn });\n}\nmodule.exports = sync;";
const jsPino = "const pino = require('pino').default;\nconst log = pino().child({ module: 'sync' });\nexports.sync = (leerling) => log.info({ naam: leerling.naam });";
ruleTester.run('no-personal-data-in-logs (plain JavaScript)', rule('no-personal-data-in-logs'), {
  valid: [{ code: jsDebug.replace('bsn: leerling.bsn', 'id: leerling.id'), filename: 'src/app.js' }],
  invalid: [
    { code: jsDebug, filename: 'src/app.js', errors: [{ messageId: 'personalDataInLog', ...at(jsDebug, 'bsn: leerling.bsn') }] },
    { code: jsPino, filename: 'src/app.js', errors: [{ messageId: 'personalDataInLog', ...at(jsPino, 'naam: leerling.naam') }] },
  ],
});

typedRuleTester.run('no-personal-data-in-logs (typed)', rule('no-personal-data-in-logs'), {
  valid: [
    ...valid,
    { code: "import type { Leerling } from './flow-types';\nexport function f(l: Leerling) {\n  console.log(l.id);\n}", filename: 'src/flow-typed.ts' },
    { code: "import type { Leerling } from './flow-types';\nimport pino from 'pino';\nexport function f(l: Leerling) {\n  return pino().child({ id: l.id });\n}", filename: 'src/flow-typed.ts' },
    { code: sdkClient, filename: 'src/flow-typed.ts' },
    { code: sdkRequired, filename: 'src/flow-typed.ts' },
    { code: enumMember, filename: 'src/flow-typed.ts' },
    { code: `${keyed}console.log(params.get('pagina'));`, filename: 'src/flow-typed.ts' },
    // With a checker, a body whose type is known is that type, whatever a cast says.
    { code: "interface Aanmelding { bsn: string }\nexport function meld(req: { body: { pagina: number } }) {\n  console.log(req.body);\n  return req.body as Aanmelding;\n}", filename: 'src/flow-typed.ts' },
  ],
  invalid: [
    ...invalid,
    // The whole `Leerling` bound to a child logger goes into every line it writes.
    { code: typedChild, filename: 'src/flow-typed.ts', errors: [{ messageId: 'personalDataInLog', ...at(typedChild, 'wie: l') }] },
    { code: typedGlobal, filename: 'src/flow-typed.ts', errors: [{ messageId: 'personalDataInLog', ...at(typedGlobal, 'l.naam') }] },
    {
      code: typedWhole,
      filename: 'src/flow-typed.ts',
      // The whole `Leerling` is logged: its BSN, ECK iD, name and zorgdossier, in one finding that names them all.
      errors: [{ messageId: 'personalDataInLog', ...within(typedWhole, 'l);', 'l') }],
    },
    { code: globalObject, filename: 'src/flow-typed.ts', errors: [{ messageId: 'personalDataInLog', ...at(globalObject, 'query.toString()') }] },
    { code: promised, filename: 'src/flow-typed.ts', errors: [{ messageId: 'personalDataInLog', ...at(promised, 'gevonden', 1) }] },
    { code: keyedBsn, filename: 'src/flow-typed.ts', errors: [{ messageId: 'personalDataInLog', ...at(keyedBsn, "params.get('bsn')") }] },
    { code: namedMember, filename: 'src/flow-typed.ts', errors: [{ messageId: 'personalDataInLog', ...at(namedMember, 'api.lijst()') }] },
    { code: castLater, filename: 'src/flow-typed.ts', errors: [{ messageId: 'personalDataInLog', ...at(castLater, 'body: req.body') }] },
  ],
});

// Known SDK result shapes (rules/src/analysis/libraries/results.ts): what a library call returns when its types are
// not there (a checkout without node_modules, plain JavaScript). WebUntis lessons carry their teachers (`te`), a
// next-auth session its user's name and e-mail address. With the library's declarations the types decide.
const untisLessons = "import { WebUntis } from 'webuntis';\nconst untis = new WebUntis('school', 'gebruiker', 'geheim', 'x.webuntis.com');\nexport async function kijk(client = untis) {\n  const lessen = await client.getOwnTimetableForToday();\n  console.log('wijzigingen', lessen);\n}";
const untisTeachers = "import { WebUntis } from 'webuntis';\nexport class Rooster {\n  constructor(private readonly untis: WebUntis) {}\n  async docenten() {\n    for (const les of await this.untis.getOwnClassTimetableForRange(new Date(), new Date())) console.log(les.te);\n  }\n}";
const untisSubjects = "import { WebUntis } from 'webuntis';\nconst untis = new WebUntis('school', 'gebruiker', 'geheim', 'x.webuntis.com');\nexport async function vakken() {\n  const lessen = await untis.getOwnTimetableForToday();\n  console.log(lessen.map((les) => les.su));\n}";
const untisRequired = "const { WebUntis } = require('webuntis');\nconst untis = new WebUntis('school', 'gebruiker', 'geheim', 'x.webuntis.com');\nuntis.getTeachers().then((docenten) => console.log(docenten));";
const untisField = "import * as untis from 'webuntis';\nexport class Rooster {\n  private client: unknown;\n  constructor() {\n    this.client = new untis.WebUntisQR('qr');\n  }\n  async leerlingen() {\n    const lijst = await (this.client as any).getStudents();\n    console.log(lijst);\n  }\n}";
const untisMember = "const WebUntis = require('webuntis').WebUntis;\nconst untis = new WebUntis('school', 'gebruiker', 'geheim', 'x.webuntis.com');\nuntis.getOwnTimetableFor(new Date()).then((lessen) => console.log(lessen[0].te));";
const sessionV3 = "import { useSession } from 'next-auth/client';\nexport function Klaar() {\n  const [session] = useSession();\n  console.log({ session });\n  return null;\n}";
const sessionV4 = "import * as NextAuth from 'next-auth/react';\nexport function Profiel() {\n  const { data } = NextAuth.useSession();\n  console.info(data?.user);\n  return null;\n}";
const serverSession = "import { getServerSession } from 'next-auth/next';\nexport async function handler() {\n  const sessie = await getServerSession();\n  console.log(sessie);\n}";
const knownResultsValid = [
  untisSubjects,
  // Only the status of a v4 session, and a project's own function of the same name.
  "import { useSession } from 'next-auth/react';\nexport function Status() {\n  const { status } = useSession();\n  console.log(status);\n  return null;\n}",
  "function useSession() {\n  return [{ id: 1 }];\n}\nconst [session] = useSession();\nconsole.log(session);",
  // A method the table does not list, and a class the library does not export under that name.
  "import { WebUntis } from 'webuntis';\nconst untis = new WebUntis('school', 'gebruiker', 'geheim', 'x.webuntis.com');\nuntis.getSubjects().then((vakken) => console.log(vakken));",
  "import Untis from 'webuntis';\nconst untis = new Untis('school', 'gebruiker', 'geheim', 'x.webuntis.com');\nuntis.getOwnTimetableForToday().then((lessen) => console.log(lessen));",
];

ruleTester.run('no-personal-data-in-logs: known SDK result shapes', rule('no-personal-data-in-logs'), {
  valid: knownResultsValid,
  invalid: [
    { code: untisLessons, errors: [{ messageId: 'personalDataInLog', ...at(untisLessons, 'lessen', 1) }] },
    { code: untisTeachers, errors: [{ messageId: 'personalDataInLog', ...at(untisTeachers, 'les.te') }] },
    { code: untisRequired, filename: 'src/file.js', errors: [{ messageId: 'personalDataInLog', ...at(untisRequired, 'docenten', 1) }] },
    { code: untisField, errors: [{ messageId: 'personalDataInLog', ...at(untisField, 'lijst', 1) }] },
    { code: untisMember, filename: 'src/file.js', errors: [{ messageId: 'personalDataInLog', ...at(untisMember, 'lessen[0].te') }] },
    { code: sessionV3, errors: [{ messageId: 'personalDataInLog', ...within(sessionV3, '{ session }', 'session') }] },
    { code: sessionV4, errors: [{ messageId: 'personalDataInLog', ...at(sessionV4, 'data?.user') }] },
    // Without the library's types the known shape says what the session holds.
    { code: serverSession, errors: [{ messageId: 'personalDataInLog', ...at(serverSession, 'sessie', 1) }] },
  ],
});

typedRuleTester.run('no-personal-data-in-logs: known SDK result shapes (typed)', rule('no-personal-data-in-logs'), {
  valid: [
    ...knownResultsValid.map((code) => ({ code, filename: 'src/flow-typed.ts' })),
    // `next-auth/next` is declared in the fixture (src/sdk-declared.d.ts): its session holds only an id. Types win.
    { code: serverSession, filename: 'src/flow-typed.ts' },
  ],
  invalid: [
    { code: untisLessons, filename: 'src/flow-typed.ts', errors: [{ messageId: 'personalDataInLog', ...at(untisLessons, 'lessen', 1) }] },
    { code: untisTeachers, filename: 'src/flow-typed.ts', errors: [{ messageId: 'personalDataInLog', ...at(untisTeachers, 'les.te') }] },
    { code: untisField, filename: 'src/flow-typed.ts', errors: [{ messageId: 'personalDataInLog', ...at(untisField, 'lijst', 1) }] },
    { code: sessionV3, filename: 'src/flow-typed.ts', errors: [{ messageId: 'personalDataInLog', ...within(sessionV3, '{ session }', 'session') }] },
    { code: sessionV4, filename: 'src/flow-typed.ts', errors: [{ messageId: 'personalDataInLog', ...at(sessionV4, 'data?.user') }] },
  ],
});

// Issue #9: a whole untyped value (no declared type, `any`, plain JavaScript) carries the categories of the members
// its own binding's code reads or writes — before or after the log, in a test, destructured, optional, by a string
// key, nested. Only the same binding counts; a member of a non-person (`school.naam`) or of a typed value does not.
const shapeRead = "export function meld(l: any) {\n  if (l.bsn) console.log(l);\n}";
const shapeLater = "export function meld(l: any) {\n  console.log('ontvangen', l);\n  return l.naam;\n}";
const shapeDestructured = "export function meld(l: any) {\n  const { email } = l;\n  console.info(JSON.stringify(l), email.length);\n}";
const shapeNested = "export function meld(l: any) {\n  const pc = l?.adres?.postcode;\n  console.warn(pc.length > 4 ? 'lang' : 'kort', l);\n}";
const shapeElement = "export function meld(l: any) {\n  const n = l['bsn'].length;\n  console.log(n, { wie: l });\n}";
const shapeWritten = "export function maak(nummer: number) {\n  const l: any = {};\n  l.bsn = String(nummer);\n  console.log(l);\n}";
const shapesTable = {
  valid: [
    // The same name in another function is another binding.
    "export function lees(l: any) {\n  return l.bsn;\n}\nexport function meld(l: any) {\n  console.log(l);\n}",
    // A school's name is no person's.
    "export function meld(school: any) {\n  console.log(school.naam.length);\n  console.log(school);\n}",
    // Members that classify as nothing.
    "export function meld(l: any) {\n  console.log(l.id, l);\n}",
    // A declared type says what the value holds; a member it lacks proves nothing.
    "interface Pagina { nummer: number }\nexport function meld(p: Pagina) {\n  // @ts-expect-error: no member of Pagina\n  if (p.bsn) console.log(p);\n}",
  ],
  invalid: [
    { code: shapeRead, errors: [{ messageId: 'personalDataInLog', ...within(shapeRead, 'l);', 'l') }] },
    { code: shapeLater, errors: [{ messageId: 'personalDataInLog', ...within(shapeLater, 'l);', 'l') }] },
    { code: shapeDestructured, errors: [{ messageId: 'personalDataInLog', ...at(shapeDestructured, 'JSON.stringify(l)') }] },
    { code: shapeNested, errors: [{ messageId: 'personalDataInLog', ...within(shapeNested, 'l);', 'l') }] },
    { code: shapeElement, errors: [{ messageId: 'personalDataInLog', ...at(shapeElement, 'wie: l') }] },
    { code: shapeWritten, errors: [{ messageId: 'personalDataInLog', ...within(shapeWritten, 'l);', 'l') }] },
  ],
};
ruleTester.run('no-personal-data-in-logs (observed shapes of untyped values)', rule('no-personal-data-in-logs'), shapesTable);
typedRuleTester.run('no-personal-data-in-logs (observed shapes of untyped values; typed)', rule('no-personal-data-in-logs'), shapesTable);

const jsShape = "const log = require('pino')();\nexports.meld = (leerling) => {\n  log.info(leerling);\n  return leerling.roepnaam;\n};";
ruleTester.run('no-personal-data-in-logs (observed shapes, plain JavaScript)', rule('no-personal-data-in-logs'), {
  valid: [{ code: "const log = require('pino')();\nexports.meld = (leerling) => {\n  log.info(leerling);\n  return leerling.id;\n};", filename: 'src/app.js' }],
  invalid: [{ code: jsShape, filename: 'src/app.js', errors: [{ messageId: 'personalDataInLog', ...within(jsShape, 'leerling);', 'leerling') }] }],
});
