/**
 * The precision suite (issue #10, "Findings a developer trusts"): what must stay silent — owners that are not persons,
 * derived values, masks, helpers that return no data, fake and literal data, numeric constants — beside the
 * counterparts that must still be reported, each at its exact position. Every flow case runs without and with type
 * information (the shared fixture catalogue has no `subjects`, so the built-in defaults apply: the starter
 * catalogue's lists).
 */
import { at } from '../helpers/positions';
import { rule, ruleTester, typedRuleTester } from '../helpers/ruleTester';

/** The types every case may use: a person (`Leerling`) and two things that are never persons (`School`, `Vak`). */
const pre = [
  'interface School { naam: string; postcode: string; adres: string }',
  'interface Vak { naam: string; code: string }',
  'interface Leerling { id: number; naam: string; bsn: string; email: string; postcode: string; school: School }',
  'declare const leerling: Leerling;',
  'declare const school: School;',
  'declare const vak: Vak;',
  '',
].join('\n');

/** Logged values that are not a person's data. */
const silentLogs: readonly string[] = [
  // Owners that are never persons: by type (typed) or by the owner's name (untyped).
  'console.log(school.naam);',
  'console.log(school.postcode);',
  'console.log(vak.naam);',
  'console.log(school);',
  'console.log(leerling.school);',
  'console.log(leerling.school.naam);',
  'console.log(leerling.school.postcode);',
  'declare const weer: { adres: string };\nconsole.log(weer.adres);',
  'declare const huidigeLocatie: { naam: string; adres: string };\nconsole.log(huidigeLocatie.adres);',
  'declare const klas: { naam: string };\nconsole.log(klas.naam);',
  'declare const gemeente: { naam: string; postcode: string };\nconsole.log(gemeente);',
  'declare const vestiging: { naam: string; postcode: string };\nconsole.log(`${vestiging.naam} ${vestiging.postcode}`);',
  'declare const lessen: Array<{ naam: string }>;\nconsole.log(lessen[0].naam);',
  'declare const vakken: Vak[];\nconsole.log(vakken.map((v) => v.naam));',
  'declare function getSchool(): School;\nconsole.log(getSchool().postcode);',
  'class Vestiging {\n  naam = "";\n  log() {\n    console.log(this.naam);\n  }\n}',
  'const { naam } = vak;\nconsole.log(naam);',
  'const naam = vak.naam;\nconsole.log(naam);',
  'console.log({ naam: vak.naam });',
  'console.log(JSON.stringify({ postcode: school.postcode }));',
  'const rooster = { vak: vak.naam, lokaal: "A1" };\nconsole.log(rooster);',
  'function toon({ naam }: Vak) {\n  console.log(naam);\n}',
  'declare const app: { naam: string };\nconsole.log(app.naam);',
  // Derived values: they reveal nothing of the value.
  'console.log(leerling.naam.length);',
  'console.log(Boolean(leerling.bsn));',
  'console.log(!!leerling.bsn);',
  'console.log(typeof leerling.bsn);',
  'console.log(leerling.bsn === "");',
  'console.log(leerling.bsn != null);',
  'console.log(Object.keys(leerling).length);',
  'console.log(Object.keys(leerling));',
  'console.log(leerling.bsn ? "ja" : "nee");',
  'console.log(leerling.email.includes("@"));',
  'declare function isGeldigBsn(b: string): boolean;\nconsole.log(isGeldigBsn(leerling.bsn));',
  'declare function heeftEmail(l: unknown): boolean;\nconsole.log(heeftEmail(leerling));',
  'console.log(Array.isArray(leerling.naam));',
  'const heeftBsn = leerling.bsn !== undefined;\nconsole.log(heeftBsn);',
  'console.log(`aantal tekens: ${leerling.naam.length}`);',
  'console.log(leerling.bsn.length === 9 ? "geldig" : "ongeldig");',
  'console.log(isNaN(Number(leerling.bsn)));',
  'console.log({ naam: leerling.naam.length });',
  'console.log("bsn" in leerling);',
  'console.log(leerling?.id);',
  // A part picked from a parameter (`const { vanaf } = opties`) stays that part however far it travels after: a
  // chain of more than eight steps inside the function used to make every member of the argument count.
  'function toon(opties: { bsn: string; vanaf: Date }) {\n  const { vanaf } = opties;\n  const filter = { a: { b: { c: { d: { e: { f: { g: { h: vanaf } } } } } } } };\n  console.log(filter);\n}\ntoon({ bsn: leerling.bsn, vanaf: new Date() });',
  // Wrapped and unwrapped again (`{ x: opties }.x`), however often: the same value.
  'function toon(opties: { bsn: string; vanaf: Date }) {\n  const a = { x: opties }.x;\n  const b = { x: a }.x;\n  const c = { x: b }.x;\n  const d = { x: c }.x;\n  const e = { x: d }.x;\n  console.log(e.vanaf);\n}\ntoon({ bsn: leerling.bsn, vanaf: new Date() });',
  // Masks and the catalogue's sanitisers.
  'console.log(leerling.bsn.replace(/./g, "*"));',
  'console.log(leerling.bsn.replace(/\\d/g, "X"));',
  'console.log(leerling.email.replaceAll(/[a-z]/g, "*"));',
  'console.log(leerling.bsn.replace(/\\d(?=\\d{4})/g, "*"));',
  'const bsn = leerling.bsn.replace(/./g, "•");\nconsole.log(bsn);',
  'declare function pseudonymise(x: string): string;\nconsole.log(pseudonymise(leerling.bsn));',
  // Helpers in the project that return no data.
  'function lengte(s: string) {\n  return s.length;\n}\nconsole.log(lengte(leerling.naam));',
  'function isLeeg(s: string) {\n  return s === "";\n}\nconsole.log(isLeeg(leerling.bsn));',
  'const masker = (s: string) => s.replace(/./g, "*");\nconsole.log(masker(leerling.bsn));',
  // Fake and literal data.
  'import { faker } from "@faker-js/faker";\nconsole.log(faker.person.fullName());',
  'import { faker } from "@faker-js/faker";\nconst naam = faker.person.fullName();\nconsole.log(naam);',
  'import { faker } from "@faker-js/faker";\nconsole.log({ naam: faker.person.fullName(), email: faker.internet.email() });',
  'import { fakerNL } from "@faker-js/faker/locale/nl";\nconst leerlingen = [{ naam: fakerNL.person.fullName() }];\nconsole.log(leerlingen);',
  'import * as falso from "@ngneat/falso";\nconsole.log({ naam: falso.randFullName() });',
  'console.log({ email: "jan@example.nl" });',
  'const testLeerling = { naam: "Jan", email: "jan@example.nl" };\nconsole.log(testLeerling);',
  'const fixture = { email: "jan@example.nl" };\nconsole.log(fixture.email);',
  'const l: Leerling = { id: 1, naam: "Jan", bsn: "x", email: "jan@example.nl", postcode: "1234AB", school: { naam: "S", postcode: "1", adres: "a" } };\nconsole.log(l);',
  'console.log([{ naam: "Jan" }, { naam: "Piet" }]);',
  'const naam = "Rapportage";\nconsole.log(naam);',
];

/** Logged values that are a person's data, the counterparts of the cases above: code and the reported text. */
const reportedLogs: readonly (readonly [string, string])[] = [
  ['console.log(leerling.naam);', 'leerling.naam'],
  ['console.log(leerling.postcode);', 'leerling.postcode'],
  ['console.log(leerling);', 'leerling'],
  ['declare const ouder: { naam: string };\nconsole.log(ouder.naam);', 'ouder.naam'],
  ['declare const data: { naam: string };\nconsole.log(data.naam);', 'data.naam'],
  ['declare const huidigeLeerling: { naam: string };\nconsole.log(huidigeLeerling.naam);', 'huidigeLeerling.naam'],
  ['declare const schoolLeerling: { naam: string };\nconsole.log(schoolLeerling.naam);', 'schoolLeerling.naam'],
  ['declare const gebruiker: { email: string };\nconsole.log(gebruiker.email);', 'gebruiker.email'],
  ['declare const leerlingen: Leerling[];\nconsole.log(leerlingen.map((l) => l.naam));', 'leerlingen.map((l) => l.naam)'],
  ['const { naam } = leerling;\nconsole.log(naam);', 'naam'],
  ['const naam = leerling.naam;\nconsole.log(naam);', 'naam'],
  ['console.log({ naam: leerling.naam });', 'naam: leerling.naam'],
  ['console.log(leerling.bsn.slice(-4));', 'leerling.bsn.slice(-4)'],
  ['console.log(leerling.bsn.trim());', 'leerling.bsn.trim()'],
  ['console.log(leerling.bsn.replace(/-/g, ""));', 'leerling.bsn.replace(/-/g, "")'],
  ['console.log(leerling.naam.replace(/^./, "*"));', 'leerling.naam.replace(/^./, "*")'],
  ['console.log(`(${leerling.naam.length}) ${leerling.naam}`);', 'leerling.naam'],
  ['console.log(leerling.bsn ?? "geen");', 'leerling.bsn ?? "geen"'],
  ['console.log(String(leerling.bsn));', 'String(leerling.bsn)'],
  ['console.log(leerling?.naam);', 'leerling?.naam'],
  ['console.log(leerling.email.split("@")[0]);', 'leerling.email.split("@")[0]'],
  ['declare function opmaak(s: string): string;\nconsole.log(opmaak(leerling.naam));', 'opmaak(leerling.naam)'],
  ['import { createHash } from "node:crypto";\nconsole.log(createHash("sha256").update(leerling.bsn).digest("hex"));', 'createHash("sha256").update(leerling.bsn).digest("hex")'],
  ['function f(email: string) {\n  console.log(email);\n}', 'email'],
  ['function f(naam: string) {\n  console.log(naam.toUpperCase());\n}', 'naam.toUpperCase()'],
  ['const testLeerling = { naam: leerling.naam };\nconsole.log(testLeerling);', 'testLeerling'],
  ['import { faker } from "@faker-js/faker";\nconsole.log({ naam: faker.person.fullName(), bsn: leerling.bsn });', 'bsn: leerling.bsn'],
  ['console.log({ bsn: leerling.bsn.length > 0 ? leerling.bsn : "" });', 'bsn: leerling.bsn.length > 0 ? leerling.bsn : ""'],
  ['const kort = (s: string) => s.slice(0, 2);\nconsole.log(kort(leerling.bsn));', 'kort(leerling.bsn)'],
  ['console.log({ naam: vak.naam, email: leerling.email });', 'email: leerling.email'],
  ['function toon({ naam }: Leerling) {\n  console.log(naam);\n}', 'naam'],
  ['function toon(opties: { bsn: string; vanaf: Date }) {\n  const { bsn } = opties;\n  const filter = { a: { b: { c: { d: { e: { f: { g: { h: bsn } } } } } } } };\n  console.log(filter);\n}\ntoon({ bsn: leerling.bsn, vanaf: new Date() });', 'filter'],
  ['function toon(opties: { bsn: string; vanaf: Date }) {\n  const a = { x: opties }.x;\n  const b = { x: a }.x;\n  const c = { x: b }.x;\n  const d = { x: c }.x;\n  const e = { x: d }.x;\n  console.log(e.bsn);\n}\ntoon({ bsn: leerling.bsn, vanaf: new Date() });', 'e.bsn'],
];

/** `at` for the last occurrence of `text` (the logged expression comes after the declarations). */
function last(code: string, text: string): ReturnType<typeof at> {
  let count = 0;
  for (let i = code.indexOf(text); i >= 0; i = code.indexOf(text, i + 1)) count++;
  return at(code, text, count - 1);
}

const logsValid = silentLogs.map((c) => `${pre}${c}`);
const logsInvalid = reportedLogs.map(([c, text]) => {
  const code = `${pre}${c}`;
  return { code, errors: [{ messageId: 'personalDataInLog', ...last(code, text) }] };
});

ruleTester.run('precision: no-personal-data-in-logs', rule('no-personal-data-in-logs'), { valid: logsValid, invalid: logsInvalid });
typedRuleTester.run('precision: no-personal-data-in-logs (typed)', rule('no-personal-data-in-logs'), { valid: logsValid, invalid: logsInvalid });

/**
 * With types, a literal's owner is its contextual type: the parameter it is passed to (`Vak`), or a type argument
 * (`maak<Vak>(…)`). A bare type parameter of the callee's own that only this argument decides gives it no owner, and
 * the checker is then not asked (ownTypeOnly in flow/engine.ts): these cases pin that both ways give the same answer.
 */
const owned = 'declare const w: any;\ndeclare function maak<T>(x: T): T;\ndeclare function maakVak(x: Vak): Vak;\ndeclare function beide<T>(x: T, y: T): T;\n';
const contextualValid = [`${pre}${owned}console.log(maak<Vak>({ naam: w, code: "A" }));`, `${pre}${owned}console.log(maakVak({ naam: w, code: "A" }));`];
// `beide`'s T is decided by both arguments, so the checker is asked (and gives no person-free owner either).
const contextualInvalid = ['maak({ naam: w })', 'beide({ naam: w, code: "A" }, vak)'].map((call) => {
  const code = `${pre}${owned}console.log(${call});`;
  return { code, errors: [{ messageId: 'personalDataInLog', ...last(code, call) }] };
});
typedRuleTester.run('precision: a literal\'s owner from its contextual type (typed)', rule('no-personal-data-in-logs'), { valid: contextualValid, invalid: contextualInvalid });

/** A school's postcode to a weather service is no transfer of personal data; a pupil's postcode is. */
const weather = (expression: string): string => `${pre}fetch(\`https://api.weer.example/v1?postcode=\${${expression}}\`);`;
const transferValid = [
  weather('school.postcode'),
  weather('leerling.school.postcode'),
  weather('leerling?.id'),
  weather('leerling.postcode.length'),
  `${pre}fetch("https://api.weer.example/v1", { method: "POST", body: JSON.stringify({ postcode: school.postcode, plaats: school.adres }) });`,
  // An SDK module's local helpers send nothing: only its operations that send are transfers.
  `${pre}import { Collection } from "discord.js";\nconst cache = new Collection<number, string>();\ncache.set(leerling.id, leerling.naam);`,
  `${pre}import * as Sentry from "@sentry/node";\nSentry.init({ dsn: "https://abc@o1.ingest.sentry.io/1" });\nconst scope = Sentry.getCurrentScope();\nvoid scope;`,
];
const sentryUser = `${pre}import * as Sentry from "@sentry/node";\nSentry.setUser({ email: leerling.email });`;
const transferInvalid = [
  { code: weather('leerling.postcode'), errors: [{ messageId: 'unknownDestination', ...last(weather('leerling.postcode'), 'leerling.postcode') }] },
  { code: weather('leerling?.naam'), errors: [{ messageId: 'unknownDestination', ...last(weather('leerling?.naam'), 'leerling?.naam') }] },
  // The SDK's operation that sends is.
  { code: sentryUser, errors: [{ messageId: 'unknownDestination', ...last(sentryUser, 'email: leerling.email') }] },
];
ruleTester.run('precision: no-unauthorised-transfer', rule('no-unauthorised-transfer'), { valid: transferValid, invalid: transferInvalid });
typedRuleTester.run('precision: no-unauthorised-transfer (typed)', rule('no-unauthorised-transfer'), { valid: transferValid, invalid: transferInvalid });

/** Numbers that pass the elfproef by chance, in contexts that say they are no person's number; and their counterparts. */
const numbersValid = [
  'const RETRY_DELAY_MS = 123456782;',
  'export const MAX_FILE_BYTES = 111222333;',
  'const area = radius * 123456782;',
  'const fixture = { leerlingId: 999999990, naam: "Anoniem" };',
  'if (bytes > 123456782) throw new Error("te groot");',
  'const offset = -111222333;',
  'const PI = 314159265;',
  'const hash = (h << 5) ^ 999999990;',
];
const numbersInvalid = [
  { code: 'const bsn = 123456782;', errors: [{ messageId: 'bsnLiteral', ...at('const bsn = 123456782;', '123456782') }] },
  { code: 'const fixture = { burgerservicenummer: 111222333 * 1 };', errors: [{ messageId: 'bsnLiteral', ...at('const fixture = { burgerservicenummer: 111222333 * 1 };', '111222333') }] },
  { code: 'const testBsn = 999999990 + 0;', errors: [{ messageId: 'bsnLiteral', ...at('const testBsn = 999999990 + 0;', '999999990') }] },
  { code: 'const fixture = { leerlingId: "123456782" };', errors: [{ messageId: 'bsnLiteral', ...at('const fixture = { leerlingId: "123456782" };', '"123456782"') }] },
];
ruleTester.run('precision: no-bsn-literal', rule('no-bsn-literal'), { valid: numbersValid, invalid: numbersInvalid });
