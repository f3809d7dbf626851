import { at } from '../helpers/positions';
import { rule, ruleTester, typedRuleTester } from '../helpers/ruleTester';

const pre = "declare const leerling: { naam: string; diagnose: string };\ndeclare function heeftToestemming(l: unknown): Promise<boolean>;\ndeclare function assertToestemming(l: unknown): Promise<void>;\nconst ZORG = 'https://portaal.jeugdzorg.example/melding';\n";
const unguarded = `${pre}export async function meld() {\n  await fetch(ZORG, { method: 'POST', body: JSON.stringify({ naam: leerling.naam }) });\n}`;
const axiosUnguarded = `${pre}import axios from 'axios';\nexport async function meld() {\n  await axios.post(ZORG, { diagnose: leerling.diagnose });\n}`;
const wrongBranch = `${pre}export async function meld() {\n  if (!(await heeftToestemming(leerling))) {\n    await fetch(ZORG, { method: 'POST', body: leerling.naam });\n  }\n}`;
const typedHelper = "import { meldZorg } from './flow-helpers';\nimport type { Leerling } from './flow-types';\nexport async function meld(l: Leerling) {\n  await meldZorg({ naam: l.naam });\n}";

ruleTester.run('require-consent-check', rule('require-consent-check'), {
  valid: [
    `${pre}export async function meld() {\n  if (await heeftToestemming(leerling)) {\n    await fetch(ZORG, { method: 'POST', body: leerling.naam });\n  }\n}`,
    `${pre}export async function meld() {\n  if (!(await heeftToestemming(leerling))) return;\n  await fetch(ZORG, { method: 'POST', body: leerling.naam });\n}`,
    `${pre}export async function meld() {\n  await assertToestemming(leerling);\n  await fetch(ZORG, { method: 'POST', body: leerling.naam });\n}`,
    `${pre}export async function meld() {\n  await fetch('https://api.duo.nl/x', { method: 'POST', body: leerling.naam });\n}`,
    `${pre}export async function ping() {\n  await fetch(ZORG);\n}`,
  ],
  invalid: [
    { code: unguarded, errors: [{ messageId: 'missingConsentCheck', ...at(unguarded, 'fetch', 0) }] },
    { code: axiosUnguarded, errors: [{ messageId: 'missingConsentCheck', ...at(axiosUnguarded, 'axios.post') }] },
    { code: wrongBranch, errors: [{ messageId: 'missingConsentCheck', ...at(wrongBranch, 'fetch') }] },
  ],
});

typedRuleTester.run('require-consent-check (typed)', rule('require-consent-check'), {
  valid: [
    {
      // A wrapper in another module whose every return is the catalogue's check.
      code: "import { meldZorg, mag } from './flow-helpers';\nimport type { Leerling } from './flow-types';\nexport async function meld(l: Leerling) {\n  if (await mag(l)) await meldZorg({ naam: l.naam });\n}",
      filename: 'src/flow-typed.ts',
    },
    {
      code: "import { meldZorg } from './flow-helpers';\nimport type { Leerling } from './flow-types';\ndeclare function heeftToestemming(l: unknown): boolean;\nexport async function meld(l: Leerling) {\n  if (heeftToestemming(l)) await meldZorg({ naam: l.naam });\n}",
      filename: 'src/flow-typed.ts',
    },
  ],
  invalid: [{ code: typedHelper, filename: 'src/flow-typed.ts', errors: [{ messageId: 'missingConsentCheck', ...at(typedHelper, 'meldZorg', 1) }] }],
});
