import * as assert from 'node:assert/strict';
import { both } from './program';

const L = { rules: ['no-personal-data-in-logs'] as const };
const PRE = 'declare const leerling: { bsn: string; naam: string; id: number };\n';

const cases: readonly { name: string; code: string; expected: readonly string[] }[] = [
  { name: 'console.error', code: 'console.error(`fout bij ${leerling.naam}`);', expected: ['naw@leerling.naam'] },
  { name: 'winston logger', code: "import winston from 'winston';\nconst logger = winston.createLogger({});\nlogger.info('sync', { bsn: leerling.bsn });", expected: ['bsn@bsn: leerling.bsn'] },
  { name: 'winston default logger', code: "import winston from 'winston';\nwinston.warn(leerling.bsn);", expected: ['bsn@leerling.bsn'] },
  { name: 'bunyan logger', code: "import bunyan from 'bunyan';\nconst log = bunyan.createLogger({ name: 'x' });\nlog.error(leerling.bsn);", expected: ['bsn@leerling.bsn'] },
  { name: 'pino via require', code: "const pino = require('pino');\nconst log = pino();\nlog.info(leerling.bsn);", expected: ['bsn@leerling.bsn'] },
  { name: 'a logger passed in as a parameter', code: 'export function f(logger: { info(...a: unknown[]): void }) { logger.info(leerling.bsn); }', expected: ['bsn@leerling.bsn'] },
  { name: 'a logger in a class field', code: "import pino from 'pino';\nclass S {\n  private log = pino();\n  run() { this.log.debug({ naam: leerling.naam }); }\n}\nvoid S;", expected: ['naw@naam: leerling.naam'] },
  { name: 'a whole object is one finding naming every category', code: 'console.log(leerling);', expected: ['bsn+naw@leerling'] },
  { name: 'a technical id is fine', code: "console.log('synced', leerling.id);", expected: [] },
  { name: 'a sanitised value is fine', code: 'declare function pseudonymise(x: string): string;\nconsole.log(pseudonymise(leerling.bsn));', expected: [] },
];

describe('flow: logs', () => {
  for (const c of cases) {
    it(c.name, () => {
      const expected = c.expected.map((e) => `no-personal-data-in-logs:personalDataInLog:${e}`);
      const result = both(PRE + c.code, L);
      assert.deepEqual(result.untyped, expected, 'without types');
      assert.deepEqual(result.typed, expected, 'with types');
    });
  }
});
