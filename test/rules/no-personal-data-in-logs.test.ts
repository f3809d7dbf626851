import { at, within } from '../helpers/positions';
import { rule, ruleTester, typedRuleTester } from '../helpers/ruleTester';

const pre = 'declare const leerling: { id: number; bsn: string; naam: string; email: string };\n';
const consoleLog = `${pre}console.log('sync', leerling.bsn);`;
const template = `${pre}console.warn(\`mislukt voor \${leerling.naam}\`);`;
const pinoChild = `${pre}import pino from 'pino';\nconst log = pino().child({ module: 'sync' });\nlog.info({ adres: leerling.email }, 'verstuurd');`;
const debugNs = `${pre}import createDebug from 'debug';\nconst debug = createDebug('avg:sync');\ndebug('leerling %s', leerling.naam);`;
const viaVariable = `${pre}const wie = leerling.bsn;\nconsole.info(wie);`;
const typedWhole = "import type { Leerling } from './flow-types';\nexport function f(l: Leerling) {\n  console.log(l);\n}";

ruleTester.run('no-personal-data-in-logs', rule('no-personal-data-in-logs'), {
  valid: [
    `${pre}console.log('sync', leerling.id);`,
    `${pre}declare function pseudonymise(x: string): string;\nconsole.log(pseudonymise(leerling.bsn));`,
    `${pre}const logger = { info: (...a: unknown[]) => a };\nconsole.log('klaar');`,
  ],
  invalid: [
    { code: consoleLog, errors: [{ messageId: 'personalDataInLog', ...at(consoleLog, 'leerling.bsn') }] },
    { code: template, errors: [{ messageId: 'personalDataInLog', ...at(template, '`mislukt voor ${leerling.naam}`') }] },
    { code: pinoChild, errors: [{ messageId: 'personalDataInLog', ...at(pinoChild, '{ adres: leerling.email }') }] },
    { code: debugNs, errors: [{ messageId: 'personalDataInLog', ...at(debugNs, 'leerling.naam') }] },
    { code: viaVariable, errors: [{ messageId: 'personalDataInLog', ...at(viaVariable, 'wie', 1) }] },
  ],
});

typedRuleTester.run('no-personal-data-in-logs (typed)', rule('no-personal-data-in-logs'), {
  valid: [{ code: "import type { Leerling } from './flow-types';\nexport function f(l: Leerling) {\n  console.log(l.id);\n}", filename: 'src/flow-typed.ts' }],
  invalid: [
    {
      code: typedWhole,
      filename: 'src/flow-typed.ts',
      // The whole `Leerling` is logged: its BSN, ECK iD, name and zorgdossier, in one finding that names them all.
      errors: [{ messageId: 'personalDataInLog', ...within(typedWhole, 'l);', 'l') }],
    },
  ],
});
