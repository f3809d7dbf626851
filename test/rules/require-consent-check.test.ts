import { at } from '../helpers/positions';
import { rule, ruleTester, typedRuleTester } from '../helpers/ruleTester';

const pre = "declare const leerling: { naam: string; diagnose: string };\ndeclare function heeftToestemming(l: unknown): Promise<boolean>;\ndeclare function assertToestemming(l: unknown): Promise<void>;\nconst ZORG = 'https://portaal.jeugdzorg.example/melding';\n";
const unguarded = `${pre}export async function meld() {\n  await fetch(ZORG, { method: 'POST', body: JSON.stringify({ naam: leerling.naam }) });\n}`;
const axiosUnguarded = `${pre}import axios from 'axios';\nexport async function meld() {\n  await axios.post(ZORG, { diagnose: leerling.diagnose });\n}`;
const wrongBranch = `${pre}export async function meld() {\n  if (!(await heeftToestemming(leerling))) {\n    await fetch(ZORG, { method: 'POST', body: leerling.naam });\n  }\n}`;
const ignored = `${pre}export async function meld() {\n  await heeftToestemming(leerling);\n  await fetch(ZORG, { method: 'POST', body: leerling.naam });\n}`;
const ignoredUndeclared = "const ZORG = 'https://portaal.jeugdzorg.example/melding';\nexport async function meld(leerling: { naam: string }) {\n  heeftToestemming(leerling);\n  await fetch(ZORG, { method: 'POST', body: leerling.naam });\n}";
const storedOnly = `${pre}export async function meld() {\n  const ok = await heeftToestemming(leerling);\n  await fetch(ZORG, { method: 'POST', body: leerling.naam });\n}`;
const elseBranch = `${pre}export async function meld() {\n  if (await heeftToestemming(leerling)) {\n    console.info('al gemeld');\n  } else {\n    await fetch(ZORG, { method: 'POST', body: leerling.naam });\n  }\n}`;
const wrongExit = `${pre}export async function meld() {\n  if (await heeftToestemming(leerling)) return;\n  await fetch(ZORG, { method: 'POST', body: leerling.naam });\n}`;
const wrongTernary = `${pre}export const meld = async () => ((await heeftToestemming(leerling)) ? undefined : fetch(ZORG, { method: 'POST', body: leerling.naam }));`;
const wrongOr = `${pre}export const meld = async () => (await heeftToestemming(leerling)) || fetch(ZORG, { method: 'POST', body: leerling.naam });`;
const thenIgnored = `${pre}export function meld() {\n  return heeftToestemming(leerling).then(() => fetch(ZORG, { method: 'POST', body: leerling.naam }));\n}`;
const thenWrong = `${pre}export function meld() {\n  return heeftToestemming(leerling).then((ok) => ok || fetch(ZORG, { method: 'POST', body: leerling.naam }));\n}`;
const storedWrong = `${pre}export async function meld() {\n  const ok = await heeftToestemming(leerling);\n  if (!ok) {\n    await fetch(ZORG, { method: 'POST', body: leerling.naam });\n  }\n}`;
const typedIgnored = "import { meldZorg, mag } from './flow-helpers';\nimport type { Leerling } from './flow-types';\nexport async function meld(l: Leerling) {\n  await mag(l);\n  await meldZorg({ naam: l.naam });\n}";
const typedHelper = "import { meldZorg } from './flow-helpers';\nimport type { Leerling } from './flow-types';\nexport async function meld(l: Leerling) {\n  await meldZorg({ naam: l.naam });\n}";

// Every case runs without and with types.
const valid = [
  `${pre}export async function meld() {\n  if (await heeftToestemming(leerling)) {\n    await fetch(ZORG, { method: 'POST', body: leerling.naam });\n  }\n}`,
  `${pre}export async function meld() {\n  if (!(await heeftToestemming(leerling))) return;\n  await fetch(ZORG, { method: 'POST', body: leerling.naam });\n}`,
  `${pre}export async function meld() {\n  await assertToestemming(leerling);\n  await fetch(ZORG, { method: 'POST', body: leerling.naam });\n}`,
  `${pre}export async function meld() {\n  await fetch('https://api.duo.nl/x', { method: 'POST', body: leerling.naam });\n}`,
  `${pre}export async function ping() {\n  await fetch(ZORG);\n}`,
  // An assertion without a visible declaration is known by its name; the answer's other branch is guarded too.
  "const ZORG = 'https://portaal.jeugdzorg.example/melding';\nexport async function meld(leerling: { naam: string }) {\n  assertToestemming(leerling);\n  await fetch(ZORG, { method: 'POST', body: leerling.naam });\n}",
  `${pre}export const meld = async () => (!(await heeftToestemming(leerling)) ? undefined : fetch(ZORG, { method: 'POST', body: leerling.naam }));`,
  `${pre}export const meld = async () => !(await heeftToestemming(leerling)) || fetch(ZORG, { method: 'POST', body: leerling.naam });`,
  // The answer kept in a variable and tested, and the other branch of a negated check.
  `${pre}export async function meld() {\n  const ok = await heeftToestemming(leerling);\n  if (!ok) return;\n  await fetch(ZORG, { method: 'POST', body: leerling.naam });\n}`,
  `${pre}export async function meld() {\n  if (!(await heeftToestemming(leerling))) {\n    console.info('geen toestemming');\n  } else {\n    await fetch(ZORG, { method: 'POST', body: leerling.naam });\n  }\n}`,  `${pre}export async function meld() {\n  const ok = await heeftToestemming(leerling);\n  if (ok) await fetch(ZORG, { method: 'POST', body: leerling.naam });\n}`,
  `${pre}export async function meld() {\n  if (!(await heeftToestemming(leerling))) throw new Error('geen toestemming');\n  await fetch(ZORG, { method: 'POST', body: leerling.naam });\n}`,
  // Promise style: the answer as the `.then` callback's parameter, and an assertion's callback.
  `${pre}export function meld() {\n  return heeftToestemming(leerling).then((ok) => ok && fetch(ZORG, { method: 'POST', body: leerling.naam }));\n}`,
  `${pre}export function meld() {\n  return assertToestemming(leerling).then(() => fetch(ZORG, { method: 'POST', body: leerling.naam }));\n}`,
];
const invalid = [
  { code: unguarded, errors: [{ messageId: 'missingConsentCheck', ...at(unguarded, 'fetch', 0) }] },
  { code: axiosUnguarded, errors: [{ messageId: 'missingConsentCheck', ...at(axiosUnguarded, 'axios.post') }] },
  { code: wrongBranch, errors: [{ messageId: 'missingConsentCheck', ...at(wrongBranch, 'fetch') }] },
  // The answer of a check that returns it is ignored, or guards the other branch: nothing is guarded.
  { code: ignored, errors: [{ messageId: 'missingConsentCheck', ...at(ignored, 'fetch') }] },
  { code: ignoredUndeclared, errors: [{ messageId: 'missingConsentCheck', ...at(ignoredUndeclared, 'fetch') }] },
  { code: storedOnly, errors: [{ messageId: 'missingConsentCheck', ...at(storedOnly, 'fetch') }] },
  { code: elseBranch, errors: [{ messageId: 'missingConsentCheck', ...at(elseBranch, 'fetch') }] },
  { code: wrongExit, errors: [{ messageId: 'missingConsentCheck', ...at(wrongExit, 'fetch') }] },
  { code: wrongTernary, errors: [{ messageId: 'missingConsentCheck', ...at(wrongTernary, 'fetch') }] },
  { code: wrongOr, errors: [{ messageId: 'missingConsentCheck', ...at(wrongOr, 'fetch') }] },  { code: thenIgnored, errors: [{ messageId: 'missingConsentCheck', ...at(thenIgnored, 'fetch') }] },
  { code: thenWrong, errors: [{ messageId: 'missingConsentCheck', ...at(thenWrong, 'fetch') }] },
  { code: storedWrong, errors: [{ messageId: 'missingConsentCheck', ...at(storedWrong, 'fetch') }] },
];

ruleTester.run('require-consent-check', rule('require-consent-check'), { valid, invalid });

typedRuleTester.run('require-consent-check (typed)', rule('require-consent-check'), {
  valid: [
    ...valid,
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
  invalid: [
    ...invalid,
    { code: typedHelper, filename: 'src/flow-typed.ts', errors: [{ messageId: 'missingConsentCheck', ...at(typedHelper, 'meldZorg', 1) }] },
    // `mag` (in another module) returns `Promise<boolean>`: awaiting it and going on ignores the answer.
    { code: typedIgnored, filename: 'src/flow-typed.ts', errors: [{ messageId: 'missingConsentCheck', ...at(typedIgnored, 'meldZorg', 1) }] },
  ],
});
