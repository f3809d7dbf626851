import { at, within } from '../helpers/positions';
import { rule, ruleTester, typedRuleTester } from '../helpers/ruleTester';

const pre = 'declare const leerling: { naam: string; diagnose: string; handelingsplan: string };\n';
const read = `${pre}export const d = leerling.diagnose;`;
const optional = `${pre}declare const l: typeof leerling | undefined;\nexport const d = l?.handelingsplan;`;
const element = `${pre}export const d = leerling['diagnose'];`;
const destructure = `${pre}const { naam, diagnose: dx } = leerling;\nexport { naam, dx };`;
const parameter = 'export function toon(handelingsplan: string) {\n  return handelingsplan.length;\n}';
const wrongPurpose = `${pre}/** @purpose onderwijs */\nexport function f() {\n  return leerling.diagnose;\n}`;
const typedParam = "import type { Zorgdossier } from './flow-types';\nexport function toon(dossier: Zorgdossier) {\n  return dossier.datum;\n}";
const typedSpread = "import type { Leerling } from './flow-types';\nexport function kopie(l: Leerling) {\n  return { ...l, naam: '' };\n}";
const typedMember = "import type { Leerling } from './flow-types';\nexport function plan(l: Leerling) {\n  return l.dossier?.datum;\n}";

ruleTester.run('no-unauthorised-access', rule('no-unauthorised-access'), {
  valid: [
    `${pre}export const n = leerling.naam;`,
    { code: read, filename: 'src/zorg/plan.ts' },
    `${pre}/** @purpose leerlingenzorg */\nexport function f() {\n  return leerling.diagnose;\n}`,
    `${pre}/** @role zorgcoordinator */\nexport class Zorg {\n  plan() {\n    return leerling.handelingsplan;\n  }\n}`,
    `/** @purpose leerlingenzorg */\n\n${pre}export const d = leerling.diagnose;`,
    `${pre}/** @purpose leerlingenzorg */\nexport const f = () => leerling.diagnose;`,
    `${pre}leerling.diagnose = '';`,
  ],
  invalid: [
    { code: read, errors: [{ messageId: 'unauthorisedRead', ...at(read, 'leerling.diagnose') }] },
    { code: optional, errors: [{ messageId: 'unauthorisedRead', ...at(optional, 'l?.handelingsplan') }] },
    { code: element, errors: [{ messageId: 'unauthorisedRead', ...at(element, "leerling['diagnose']") }] },
    { code: destructure, errors: [{ messageId: 'unauthorisedRead', ...at(destructure, 'diagnose: dx') }] },
    { code: parameter, errors: [{ messageId: 'unauthorisedRead', ...at(parameter, 'handelingsplan') }] },
    { code: wrongPurpose, errors: [{ messageId: 'unauthorisedRead', ...at(wrongPurpose, 'leerling.diagnose') }] },
  ],
});

typedRuleTester.run('no-unauthorised-access (typed)', rule('no-unauthorised-access'), {
  valid: [
    { code: typedParam, filename: 'src/zorg/flow-plan.ts' },
    { code: "import type { Leerling } from './flow-types';\nexport function naam(l: Leerling) {\n  return l.naam;\n}", filename: 'src/flow-typed.ts' },
  ],
  invalid: [
    { code: typedParam, filename: 'src/flow-typed.ts', errors: [{ messageId: 'unauthorisedRead', ...within(typedParam, 'dossier:', 'dossier') }] },
    { code: typedSpread, filename: 'src/flow-typed.ts', errors: [{ messageId: 'unauthorisedRead', ...at(typedSpread, '...l') }] },
    { code: typedMember, filename: 'src/flow-typed.ts', errors: [{ messageId: 'unauthorisedRead', ...at(typedMember, 'l.dossier') }] },
  ],
});
