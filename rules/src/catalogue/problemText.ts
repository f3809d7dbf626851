/**
 * The catalogue's problems as data: a problem kind id and its arguments (`{ id: 'unknownKey', args: { key, path, … } }`),
 * and one renderer per locale that turns it into the message and the hint. The loader records kinds, not text, and
 * puts them into words once the run's locale is known (the host's `locale`, else the catalogue's own
 * `settings.locale`, else English) — so a syntax error found before `settings` was read still reads in the FG's
 * language. The arguments are what the catalogue and the file system say (keys, ids, values, paths as written); only
 * avglint's own words are translated, here and in `words.ts`. Designed like the flow-step phrases (`flow/steps.ts`).
 */
import type { Problem } from '../problem';
import type { Locale } from './model';
import type { KeyPath } from './source';
import { describeKind, describeType, describeValue, keyName, listWords, placeOf, suggestion, truncate, type KnownKind } from './words';

/** Why a host does not read a file, as data: the core says it in the run's locale (`CatalogueHost.refusal`). */
export type FileRefusal =
  | { readonly reason: 'outside-root'; readonly leadsTo: string; readonly root: string }
  | { readonly reason: 'not-a-file'; readonly name: string }
  | { readonly reason: 'too-large'; readonly name: string; readonly size: string; readonly limit: string };

/** The owner of a reference, for "Category `x` refers to …": the section it sits in and its id. */
export interface Owner {
  readonly section: 'categories' | 'processors' | 'retention' | 'access' | 'sanitisers';
  readonly id: string;
}

/** The YAML parser's most common mistakes, said plainly (the parser's own words follow in brackets). */
export type YamlMistake = 'nestedMapping' | 'multilineKey' | 'tabIndent' | 'openList' | 'openBlock' | 'misalignedKeys' | 'duplicateKey' | 'openQuote' | 'tag' | 'multipleDocuments';

/** What to do about a YAML mistake. */
export type YamlHint =
  | 'duplicateKey'
  | 'tabIndent'
  | 'multipleDocuments'
  | 'badIndent'
  | 'missingChar'
  | 'multilineKey'
  | 'blockAsKey'
  | 'unexpectedToken'
  | 'aliases'
  | 'badAlias'
  | 'tag'
  | 'quoteValue'
  | 'general';

/** A JSON Schema type as the schema writes it (`string`, `['string', 'array']`). */
export type SchemaType = string | readonly string[];

/** The arguments of every catalogue problem kind, keyed by kind id. The problem's `code` is chosen where it is made. */
export interface CatalogueProblemArgs {
  // The file itself (load.ts, source.ts).
  readonly notReadable: { readonly file: string };
  readonly refusedMain: { readonly file: string; readonly refusal: FileRefusal };
  readonly internalError: { readonly error: string };
  readonly extendsWebAddress: { readonly value: string };
  readonly extendsAbsolute: { readonly value: string };
  readonly extendsNotYaml: { readonly value: string };
  readonly extendsOutsideRoot: { readonly value: string; readonly root: string };
  readonly extendsCycle: { readonly cycle: string };
  readonly extendsRefused: { readonly value: string; readonly refusal: FileRefusal };
  readonly extendsMissing: { readonly value: string; readonly target: string };
  readonly tooLarge: { readonly millions: number; readonly maxMillions: number };
  readonly tooDeep: { readonly max: number };
  /** `mistake` absent: a YAML error avglint has no plain words for; `parser` is the parser's own first line. */
  readonly yamlSyntax: { readonly mistake?: YamlMistake; readonly parser: string; readonly hint: YamlHint };
  readonly complexKey: Record<string, never>;
  readonly yamlUnreadable: { readonly error: string };
  // Structure (schemaCheck.ts).
  readonly empty: Record<string, never>;
  readonly unknownKey: { readonly key: string; readonly path: KeyPath; readonly near?: string; readonly allowed: readonly string[] };
  readonly missingKey: { readonly path: KeyPath; readonly missing: string };
  readonly wrongType: { readonly path: KeyPath; readonly type: SchemaType; readonly value: unknown };
  readonly badEnum: { readonly path: KeyPath; readonly value: unknown; readonly allowed: readonly string[] };
  readonly badConst: { readonly path: KeyPath; readonly value: unknown; readonly allowed: unknown };
  readonly emptyValue: { readonly path: KeyPath; readonly block: boolean };
  readonly badId: { readonly path: KeyPath; readonly id: string };
  readonly invalid: { readonly path: KeyPath; readonly schema: string };
  readonly missingRetention: { readonly category: string };
  // Meaning (meaning.ts).
  readonly badOwnerName: { readonly list: 'subjects.persons' | 'subjects.notPersons' | 'match.notPersons'; readonly category?: string; readonly name: string };
  readonly badName: { readonly category: string; readonly name: string };
  readonly subjectConflict: { readonly name: string };
  readonly categorySubjectConflict: { readonly category: string; readonly name: string };
  readonly unknownReference: { readonly owner: Owner; readonly target: 'retention' | 'categories' | 'roles' | 'purposes'; readonly reference: string; readonly known: readonly string[] };
  readonly unknownAlternative: { readonly category: string; readonly alternative: string; readonly known: readonly string[] };
  readonly selfAlternative: { readonly category: string };
  readonly unknownAccessCategory: { readonly category: string; readonly known: readonly string[] };
  readonly unknownProduced: { readonly sanitiser: string; readonly produces: string; readonly known: readonly string[] };
  readonly durationTooLong: { readonly term: string; readonly key: string; readonly value: string };
  readonly badDuration: { readonly term: string; readonly key: string; readonly value: string };
  readonly shorterThanMinimum: { readonly term: string };
  readonly longerThanMaximum: { readonly term: string };
  readonly minimumAboveMaximum: { readonly term: string };
  readonly overlappingSynonym: { readonly name: string; readonly owner: string; readonly written: string; readonly category: string };
  readonly badMember: { readonly category: string; readonly member: string };
  /** `bare`: the host name inside a written address, when there is one. */
  readonly badHost: { readonly processor: string; readonly host: string; readonly bare?: string };
  readonly badUrl: { readonly processor: string; readonly url: string };
  readonly badUrlPattern: { readonly processor: string; readonly url: string };
  readonly badModule: { readonly processor: string; readonly module: string };
  readonly badGlobal: { readonly processor: string; readonly global: string };
  readonly agreementMissing: { readonly processor: string };
  readonly badDate: { readonly processor: string; readonly value: string };
  readonly agreementEnded: { readonly processor: string; readonly reference?: string; readonly ends: string };
  readonly agreementEnding: { readonly processor: string; readonly reference?: string; readonly ends: string; readonly days: number };
  readonly consentMissing: { readonly processor: string };
  readonly consentUnexpected: { readonly processor: string; readonly basis: string };
  readonly badPathPattern: { readonly category: string; readonly pattern: string; readonly why: 'absolute' | 'parent' | 'unreadable' };
  // Finding and using the catalogue (@avglint/node, the analysis).
  readonly notFound: { readonly directory: string; readonly setting: string };
  readonly configuredNotFound: { readonly file: string; readonly setting: string };
  readonly unusable: Record<string, never>;
  readonly settingsConflict: { readonly rule: string; readonly key: string; readonly host: unknown; readonly written: unknown };
}

export type CatalogueProblemId = keyof CatalogueProblemArgs;

/** One problem in words-to-be: its kind id and the arguments it is filled with. */
export type CatalogueText = { readonly [K in CatalogueProblemId]: { readonly id: K; readonly args: CatalogueProblemArgs[K] } }[CatalogueProblemId];

/** A problem kind, typed by its id. */
export function problemText<K extends CatalogueProblemId>(id: K, args: CatalogueProblemArgs[K]): CatalogueText {
  return { id, args } as CatalogueText;
}

/** A problem found while loading: its place, severity and code now, its words when the locale is known. */
export type PendingProblem = Omit<Problem, 'message' | 'hint'> & { readonly text: CatalogueText };

/** What a problem says: what is wrong and what to write instead. */
export interface ProblemWords {
  readonly message: string;
  readonly hint: string;
}

const code = (text: string): string => `\`${text}\``;
const t = (text: string): string => code(truncate(text));
const words = (message: string, hint: string): ProblemWords => ({ message, hint });
const json = (value: unknown): string => JSON.stringify(value) ?? String(value);

function capitalise(text: string): string {
  return text.length > 0 ? text[0]?.toUpperCase() + text.slice(1) : text;
}

const OWNER: Readonly<Record<Locale, Readonly<Record<Owner['section'], (id: string) => string>>>> = {
  en: {
    categories: (id) => `Category ${code(id)}`,
    processors: (id) => `Processor ${code(id)}`,
    retention: (id) => `Retention term ${code(id)}`,
    access: (id) => `The access rule for ${code(id)}`,
    sanitisers: (id) => `Sanitiser ${code(id)}`,
  },
  nl: {
    categories: (id) => `Categorie ${code(id)}`,
    processors: (id) => `Verwerker ${code(id)}`,
    retention: (id) => `Bewaartermijn ${code(id)}`,
    access: (id) => `De toegangsregel voor ${code(id)}`,
    sanitisers: (id) => `Opschoonfunctie ${code(id)}`,
  },
};

/** A referenced section's entry in the singular, and the name of the section's known ids for a hint. */
const TARGET: Readonly<Record<Locale, Readonly<Record<CatalogueProblemArgs['unknownReference']['target'], string>>>> = {
  en: { retention: 'retention term', categories: 'category', roles: 'role', purposes: 'purpose' },
  nl: { retention: 'bewaartermijn', categories: 'categorie', roles: 'rol', purposes: 'doel' },
};
const TARGET_KNOWN: Readonly<Record<CatalogueProblemArgs['unknownReference']['target'], KnownKind>> = {
  retention: 'retention terms',
  categories: 'categories',
  roles: 'roles',
  purposes: 'purposes',
};

const REFUSAL: Readonly<Record<Locale, (refusal: FileRefusal) => ProblemWords>> = {
  en: (r) =>
    r.reason === 'outside-root'
      ? words(`it leads through a symbolic link to ${r.leadsTo}, outside the repository (${r.root}).`, 'Keep the catalogue files themselves inside the repository (a copy, not a link to a file elsewhere): avglint reads no file outside it.')
      : r.reason === 'not-a-file'
        ? words(`${r.name} is not a regular file (it is a folder, a device or a pipe).`, 'Point at a catalogue file ending in `.yaml` or `.yml`.')
        : words(`${r.name} is ${r.size}; a catalogue may be at most ${r.limit}.`, 'Check that this is the right file: a catalogue with thousands of entries is still well below the limit.'),
  nl: (r) =>
    r.reason === 'outside-root'
      ? words(`het leidt via een symbolische koppeling naar ${r.leadsTo}, buiten de repository (${r.root}).`, 'Zet de catalogusbestanden zelf in de repository (een kopie, geen koppeling naar een bestand elders): avglint leest geen bestand daarbuiten.')
      : r.reason === 'not-a-file'
        ? words(`${r.name} is geen gewoon bestand (het is een map, een apparaat of een pijp).`, 'Wijs een catalogusbestand aan dat eindigt op `.yaml` of `.yml`.')
        : words(`${r.name} is ${r.size}; een catalogus mag hoogstens ${r.limit} zijn.`, 'Controleer of dit het goede bestand is: een catalogus met duizenden regels blijft ruim onder de grens.'),
};

const YAML_MISTAKES: Readonly<Record<Locale, Readonly<Record<YamlMistake, string>>>> = {
  en: {
    nestedMapping: 'This value contains `: `, which YAML reads as a second key on the same line.',
    multilineKey: 'A key is spread over more than one line.',
    tabIndent: 'This line is indented with a tab.',
    openList: 'A list that starts with `[` is not closed with `]`.',
    openBlock: 'A block that starts with `{` is not closed with `}`.',
    misalignedKeys: 'The keys of one block do not start at the same column.',
    duplicateKey: 'This key appears twice in the same block.',
    openQuote: 'A quoted text is not closed.',
    tag: 'This value has a tag (`!!…`), which a catalogue may not use.',
    multipleDocuments: 'The file holds more than one YAML document (`---`).',
  },
  nl: {
    nestedMapping: 'Deze waarde bevat `: `, wat YAML leest als een tweede sleutel op dezelfde regel.',
    multilineKey: 'Een sleutel loopt over meer dan één regel.',
    tabIndent: 'Deze regel springt in met een tab.',
    openList: 'Een lijst die begint met `[` wordt niet gesloten met `]`.',
    openBlock: 'Een blok dat begint met `{` wordt niet gesloten met `}`.',
    misalignedKeys: 'De sleutels van één blok beginnen niet in dezelfde kolom.',
    duplicateKey: 'Deze sleutel staat twee keer in hetzelfde blok.',
    openQuote: 'Een tekst tussen aanhalingstekens wordt niet gesloten.',
    tag: 'Deze waarde heeft een tag (`!!…`), die een catalogus niet mag gebruiken.',
    multipleDocuments: 'Het bestand bevat meer dan één YAML-document (`---`).',
  },
};

const YAML_HINTS: Readonly<Record<Locale, Readonly<Record<YamlHint, string>>>> = {
  en: {
    duplicateKey: 'Each key may appear only once in the same block. Remove one of the two, or give it another name.',
    tabIndent: 'Indent with spaces, not tabs.',
    multipleDocuments: 'Keep one catalogue per file: remove the second `---` line and what follows, or move it to its own file.',
    badIndent: 'Line up keys of the same block at the same indentation, with spaces, and indent a block under its key.',
    missingChar: 'A bracket or quote is not closed: every `[` needs a `]`, every `{` a `}`, every quote a closing quote.',
    multilineKey: 'A key and its colon must be on one line; a value that contains `: ` needs quotes.',
    blockAsKey: 'Write a key, a colon and a space before a value (`label: Mentor`); a value that contains `: ` needs quotes.',
    unexpectedToken: 'Something here is not valid YAML. Check the indentation and put values with special characters (`:`, `#`, `[`, `{`) in quotes.',
    aliases: 'Anchors and aliases (`&name`, `*name`) are not needed in a catalogue; write the value out.',
    badAlias: 'An alias (`*name`) refers to an anchor (`&name`) that does not exist. Write the value out instead.',
    tag: 'Tags such as `!!js/function` are not allowed: the catalogue holds only plain text, numbers, lists and keys.',
    quoteValue: 'Put the whole value in quotes, such as `label: "BSN: nummer"`.',
    general: 'Check the indentation (spaces, keys of one block lined up), that each key is followed by `: `, and that every bracket and quote is closed.',
  },
  nl: {
    duplicateKey: 'Elke sleutel mag maar één keer in hetzelfde blok staan. Haal er een van de twee weg, of geef hem een andere naam.',
    tabIndent: 'Spring in met spaties, niet met tabs.',
    multipleDocuments: 'Houd één catalogus per bestand: haal de tweede regel `---` en wat erna komt weg, of zet het in een eigen bestand.',
    badIndent: 'Zet de sleutels van één blok even ver in, met spaties, en spring een blok in onder zijn sleutel.',
    missingChar: 'Een haakje of aanhalingsteken wordt niet gesloten: elke `[` vraagt een `]`, elke `{` een `}`, elk aanhalingsteken een sluitend aanhalingsteken.',
    multilineKey: 'Een sleutel en zijn dubbele punt moeten op één regel staan; een waarde met `: ` erin moet tussen aanhalingstekens.',
    blockAsKey: 'Schrijf een sleutel, een dubbele punt en een spatie vóór een waarde (`label: Mentor`); een waarde met `: ` erin moet tussen aanhalingstekens.',
    unexpectedToken: 'Iets hier is geen geldige YAML. Controleer het inspringen en zet waarden met bijzondere tekens (`:`, `#`, `[`, `{`) tussen aanhalingstekens.',
    aliases: 'Ankers en verwijzingen (`&name`, `*name`) zijn in een catalogus niet nodig; schrijf de waarde uit.',
    badAlias: 'Een verwijzing (`*name`) wijst naar een anker (`&name`) dat niet bestaat. Schrijf de waarde liever uit.',
    tag: 'Tags zoals `!!js/function` zijn niet toegestaan: de catalogus bevat alleen gewone tekst, getallen, lijsten en sleutels.',
    quoteValue: 'Zet de hele waarde tussen aanhalingstekens, zoals `label: "BSN: nummer"`.',
    general: 'Controleer het inspringen (spaties, sleutels van één blok onder elkaar), dat elke sleutel gevolgd wordt door `: `, en dat elk haakje en aanhalingsteken gesloten is.',
  },
};

/** What to write for a value of the wrong type. */
function typeHint(type: SchemaType, locale: Locale): string {
  const types = typeof type === 'string' ? [type] : type;
  const nl = locale === 'nl';
  if (types.includes('boolean')) return nl ? 'Schrijf `true` of `false` (zonder aanhalingstekens).' : 'Write `true` or `false` (without quotes).';
  if (types.includes('array') && types.includes('string'))
    return nl ? 'Schrijf één id (`leerlingdossier`) of een lijst ervan (`[leerlingdossier, examen]`).' : 'Write one id (`leerlingdossier`) or a list of them (`[leerlingdossier, examen]`).';
  if (types.includes('array')) return nl ? 'Schrijf een lijst: `[a, b]` op één regel, of één `- item` per regel onder de sleutel.' : 'Write a list: `[a, b]` on one line, or one `- item` per line below the key.';
  if (types.includes('object')) return nl ? 'Schrijf de sleutels van dit blok op de regels eronder, twee spaties verder ingesprongen.' : 'Write the keys of this block on the lines below, indented by two more spaces.';
  if (types.includes('string'))
    return nl
      ? 'Schrijf hier tekst; zet die tussen aanhalingstekens als hij met een bijzonder teken begint of op een getal lijkt.'
      : 'Write text here; put it in quotes if it starts with a special character or looks like a number.';
  return nl ? 'Vergelijk dit onderdeel met de voorbeelden in docs/catalogue.md.' : 'Compare this entry with the examples in docs/catalogue.md.';
}

const PATH_PATTERN: Readonly<Record<Locale, Readonly<Record<CatalogueProblemArgs['badPathPattern']['why'], ProblemWords>>>> = {
  en: {
    absolute: words('is not relative.', 'Write the path from the folder of the catalogue file, such as `src/zorg/**`, without a leading `/`.'),
    parent: words('goes outside the folder of the catalogue file with `..`.', 'Write the path from the folder of the catalogue file downwards, such as `src/zorg/**`.'),
    unreadable: words('cannot be read.', 'Close every `[`, `{` and `(`, or put a `\\` before it to mean the character itself. `**` matches any folders, `*` any part of a name.'),
  },
  nl: {
    absolute: words('is niet relatief.', 'Schrijf het pad vanaf de map van het catalogusbestand, zoals `src/zorg/**`, zonder `/` vooraan.'),
    parent: words('gaat met `..` buiten de map van het catalogusbestand.', 'Schrijf het pad vanaf de map van het catalogusbestand naar beneden, zoals `src/zorg/**`.'),
    unreadable: words('is niet te lezen.', 'Sluit elke `[`, `{` en `(`, of zet er een `\\` voor als je het teken zelf bedoelt. `**` past op alle mappen, `*` op elk deel van een naam.'),
  },
};

const agreementName = (reference: string | undefined): string => (reference !== undefined ? `${code(reference)} ` : '');

type Renderers = { readonly [K in CatalogueProblemId]: (args: CatalogueProblemArgs[K]) => ProblemWords };

/** Every catalogue problem in English and Dutch. A kind without a rendering in a locale does not compile. */
export const CATALOGUE_PROBLEM_TEXTS: Readonly<Record<Locale, Renderers>> = {
  en: {
    notReadable: (a) =>
      words(
        `The catalogue file ${a.file} cannot be read.`,
        'Create `avglint.catalogue.yaml` in the root of the repository (see docs/catalogue.md), or point the setting `avglint.catalogue` at the right file.',
      ),
    refusedMain: (a) => {
      const r = REFUSAL.en(a.refusal);
      return words(`avglint does not read the catalogue ${a.file}: ${r.message}`, r.hint);
    },
    internalError: (a) => words(`avglint could not finish reading the catalogue: ${a.error}.`, 'This is a fault in avglint, not in your catalogue. Please report it together with the catalogue file.'),
    extendsWebAddress: (a) =>
      words(
        `\`extends\` points at ${code(a.value)}, which is a web address or a drive, not a relative path.`,
        'Copy the base catalogue into the repository and write the path to it from this file, such as `../groep/base.avglint.catalogue.yaml`. avglint never fetches catalogues from the network.',
      ),
    extendsAbsolute: (a) => words(`\`extends\` points at ${code(a.value)}, an absolute path.`, 'Write the path from the folder of this file, such as `../groep/base.avglint.catalogue.yaml`, so it works on every computer.'),
    extendsNotYaml: (a) => words(`\`extends\` points at ${code(a.value)}, which is not a YAML file.`, 'A catalogue can only extend another catalogue file ending in `.yaml` or `.yml`.'),
    extendsOutsideRoot: (a) =>
      words(`\`extends\` points at ${code(a.value)}, which is outside the repository (${a.root}).`, 'Put the base catalogue inside the repository, for example in a folder `groep/`, and point `extends` at it there.'),
    extendsCycle: (a) => words(`\`extends\` makes a loop: ${a.cycle}.`, 'A catalogue cannot extend itself, directly or through another file. Remove this `extends` entry or the one in the other file.'),
    extendsRefused: (a) => {
      const r = REFUSAL.en(a.refusal);
      return words(`\`extends\` points at ${code(a.value)}: ${r.message}`, r.hint);
    },
    extendsMissing: (a) => words(`\`extends\` points at ${code(a.value)}, but there is no such file (${a.target}).`, 'Check the spelling and the folder; the path is relative to the folder of this file.'),
    tooLarge: (a) =>
      words(
        `The catalogue file is ${a.millions} million characters long; avglint reads catalogues up to ${a.maxMillions} million.`,
        'A catalogue of a whole school group is well under a million characters. Check that this is the right file, or split it with `extends`.',
      ),
    tooDeep: (a) => words(`Lists and blocks are nested more than ${a.max} levels deep here.`, 'A catalogue needs only a few levels (section, entry, key, list). Check the brackets `[` `{` and the indentation here.'),
    yamlSyntax: (a) => words(a.mistake !== undefined ? `${YAML_MISTAKES.en[a.mistake]} (YAML: ${a.parser})` : `The file is not valid YAML: ${a.parser}.`, YAML_HINTS.en[a.hint]),
    complexKey: () => words('A key here is a list or a block; keys must be plain names.', 'Write a plain name before the colon, such as `label:`; put values with `[`, `{` or `: ` in quotes.'),
    yamlUnreadable: (a) => words(`The YAML could not be read: ${a.error}.`, YAML_HINTS.en.aliases),
    empty: () => words('The catalogue file is empty.', 'Start the file with `version: 1`, then add `categories`, `retention` and `processors` (see docs/catalogue.md).'),
    unknownKey: (a) =>
      words(`Unknown key ${code(a.key)} in ${placeOf(a.path, 'en')}.`, a.near !== undefined ? `Did you mean ${code(a.near)}?` : a.allowed.length > 0 ? `The keys allowed here are ${listWords(a.allowed, 'en')}.` : 'Remove this key.'),
    missingKey: (a) => {
      const place = placeOf(a.path, 'en');
      return words(`${capitalise(place)} has no ${code(a.missing)}.`, `Add \`${a.missing}:\` to ${place}.${a.path.length === 0 ? '' : ' It is required.'}`);
    },
    wrongType: (a) =>
      words(
        // A whole file that is not a block of keys is not a catalogue: its content is never quoted (it may be any
        // file a path led to), only what kind of value it is.
        `${capitalise(keyName(a.path, 'en'))} in ${placeOf(a.path, 'en')} must be ${describeType(a.type, 'en')}, but it is ${a.path.length === 0 ? describeKind(a.value, 'en') : describeValue(a.value, 'en')}.`,
        typeHint(a.type, 'en'),
      ),
    badEnum: (a) =>
      words(
        `${capitalise(keyName(a.path, 'en'))} in ${placeOf(a.path, 'en')} cannot be ${describeValue(a.value, 'en')}.`,
        typeof a.value === 'string' ? suggestion(a.value, a.allowed, 'allowed values', 'en') : `Write one of ${listWords(a.allowed, 'en')}.`,
      ),
    badConst: (a) => words(`${capitalise(keyName(a.path, 'en'))} must be ${json(a.allowed)}, but it is ${describeValue(a.value, 'en')}.`, `Write \`${keyName(a.path, 'en').replace(/`/g, '')}: ${json(a.allowed)}\`.`),
    emptyValue: (a) => words(`${capitalise(keyName(a.path, 'en'))} in ${placeOf(a.path, 'en')} is empty.`, a.block ? 'Give at least one entry, or remove the key.' : 'Fill it in, or remove the key.'),
    badId: (a) =>
      words(
        `${code(a.id)} cannot be used as an id in ${placeOf(a.path, 'en')}.`,
        'Ids start with a letter and contain only letters, digits, `-`, `_` and `.` (for example `leerlingdossier` or `zorg-dossier`).',
      ),
    invalid: (a) => words(`${capitalise(keyName(a.path, 'en'))} in ${placeOf(a.path, 'en')}: ${a.schema}.`, 'Compare this entry with the examples in docs/catalogue.md.'),
    missingRetention: (a) =>
      words(
        `Category ${code(a.category)} has no bewaartermijn (\`retention\`).`,
        'Every category needs a retention term: add `retention: <id>` with the id of a term under `retention:` (for example `retention: leerlingdossier`).',
      ),
    badOwnerName: (a) =>
      words(
        `${a.category !== undefined ? `Category ${code(a.category)}: in \`${a.list}\`` : `In \`${a.list}\``}, ${t(a.name)} has no letters or digits, so no code can match it.`,
        'Write the type or name as code spells it, such as `Leerling` or `school`.',
      ),
    badName: (a) => words(`Category ${code(a.category)}: the name ${t(a.name)} has no letters or digits, so no code can match it.`, 'Write the name as code spells it, such as `burgerservicenummer`.'),
    subjectConflict: (a) =>
      words(
        `${t(a.name)} is listed both as a person and as never a person.`,
        'Keep it in `subjects.persons` if it is a person (a leerling, ouder, medewerker), in `subjects.notPersons` if it never is (a school, vak, locatie).',
      ),
    categorySubjectConflict: (a) =>
      words(
        `Category ${code(a.category)}: ${t(a.name)} is listed as never a person here, but \`subjects.persons\` says it is a person.`,
        "Remove it from one of the two lists: a person's data is always personal data.",
      ),
    unknownReference: (a) =>
      words(`${OWNER.en[a.owner.section](a.owner.id)} refers to ${TARGET.en[a.target]} ${t(a.reference)}, which is not in the catalogue.`, suggestion(a.reference, a.known, TARGET_KNOWN[a.target], 'en')),
    unknownAlternative: (a) =>
      words(`Category ${code(a.category)} names ${t(a.alternative)} as its alternative, but there is no such category.`, suggestion(a.alternative, a.known, 'categories', 'en')),
    selfAlternative: (a) => words(`Category ${code(a.category)} names itself as its alternative.`, 'Name another category (for the BSN: `eckid`), or remove `alternative`.'),
    unknownAccessCategory: (a) => words(`The access rule is for category ${t(a.category)}, which is not in the catalogue.`, suggestion(a.category, a.known, 'categories', 'en')),
    unknownProduced: (a) => words(`Sanitiser ${code(a.sanitiser)} produces category ${t(a.produces)}, which is not in the catalogue.`, suggestion(a.produces, a.known, 'categories', 'en')),
    durationTooLong: (a) =>
      words(
        `Retention term ${code(a.term)}: ${code(a.key)} is ${t(a.value)}, which is longer than 200 years.`,
        'A bewaartermijn is counted in years, months, weeks or days, such as `P7Y`; for records kept for good, write the longest term the archive law gives and say so in the label.',
      ),
    badDuration: (a) =>
      words(
        `Retention term ${code(a.term)}: ${code(a.key)} is ${t(a.value)}, which is not an ISO 8601 duration.`,
        'Write P, then a number and Y (years), M (months), W (weeks) or D (days): `P2Y` is 2 years, `P6M` 6 months, `P4W` 4 weeks, `P1Y6M` a year and a half.',
      ),
    shorterThanMinimum: (a) => words(`Retention term ${code(a.term)} is shorter than its own minimum.`, 'Make `duration` at least as long as `minimum`, or correct the minimum.'),
    longerThanMaximum: (a) => words(`Retention term ${code(a.term)} is longer than its own maximum.`, 'Make `duration` at most as long as `maximum`, or correct the maximum.'),
    minimumAboveMaximum: (a) => words(`Retention term ${code(a.term)}: the minimum is longer than the maximum.`, 'Swap `minimum` and `maximum`, or correct one of them.'),
    overlappingSynonym: (a) =>
      words(
        `The name ${code(a.name)} belongs to both category ${code(a.owner)} (as ${code(a.written)}) and category ${code(a.category)}.`,
        'Code named this way would count as both categories. Keep the name in the category it really means and remove it from the other one.',
      ),
    badMember: (a) => words(`Category ${code(a.category)}: the member ${t(a.member)} is not written as Type.member.`, 'Write the type name, a dot and the member name, such as `Leerling.BSN`.'),
    badHost: (a) =>
      words(
        `Processor ${code(a.processor)}: ${t(a.host)} is not a host name.`,
        a.bare !== undefined ? `Write only the host name, ${code(a.bare)}; put a full address under \`urls\` instead.` : 'Write a host name such as `duo.nl`, or `*.duo.nl` for every subdomain, without `https://` or a path.',
      ),
    badUrl: (a) => words(`Processor ${code(a.processor)}: ${t(a.url)} is not a web address.`, 'Write a full address starting with `https://`, such as `https://api.somtoday.nl/rest/v1/**`.'),
    badUrlPattern: (a) => words(`Processor ${code(a.processor)}: the address pattern ${t(a.url)} cannot be read.`, 'Close every `[`, `{` and `(`, or put a `\\` before it to mean the character itself.'),
    badModule: (a) => words(`Processor ${code(a.processor)}: ${t(a.module)} is not an npm package name.`, 'Write the package name as in package.json, such as `@google-analytics/data` or `leermiddel-sdk`.'),
    badGlobal: (a) =>
      words(`Processor ${code(a.processor)}: ${t(a.global)} is not a JavaScript name.`, 'Write the name code uses for the SDK loaded by a script tag, such as `Sentry`, `gtag` or `dataLayer` (without `window.`).'),
    agreementMissing: (a) =>
      words(
        `Processor ${code(a.processor)} is a verwerker (role processor), but the catalogue names no verwerkersovereenkomst.`,
        'Add `agreement: { reference: <kenmerk>, ends: <YYYY-MM-DD> }` with the verwerkersovereenkomst (AVG art. 28), or set `role: recipient` if this organisation receives the data for its own task.',
      ),
    badDate: (a) => words(`Processor ${code(a.processor)}: the end date ${t(a.value)} is not a date.`, 'Write the date as year-month-day, such as `2027-07-31`.'),
    agreementEnded: (a) =>
      words(`Processor ${code(a.processor)}: the agreement ${agreementName(a.reference)}ended on ${a.ends}.`, 'Renew the verwerkersovereenkomst and write its new end date, or stop sending data to this processor.'),
    agreementEnding: (a) =>
      words(
        `Processor ${code(a.processor)}: the agreement ${agreementName(a.reference)}ends on ${a.ends}, in ${a.days} day${a.days === 1 ? '' : 's'}.`,
        'Start renewing the verwerkersovereenkomst now, then write its new end date here.',
      ),
    consentMissing: (a) =>
      words(
        `Processor ${code(a.processor)} relies on consent, but the catalogue does not say whose consent or how the code checks it.`,
        'Add `consent: { from: parents-until-16, check: [heeftToestemming] }` with whose consent is needed and the functions that check it.',
      ),
    consentUnexpected: (a) =>
      words(
        `Processor ${code(a.processor)} has a \`consent\` block, but its legal basis is ${code(a.basis)}, not consent.`,
        'Remove the `consent` block, or change `legalBasis` to `consent` if the data is really only sent with permission.',
      ),
    badPathPattern: (a) => {
      const why = PATH_PATTERN.en[a.why];
      return words(`The access rule for ${code(a.category)}: the path pattern ${t(a.pattern)} ${why.message}`, why.hint);
    },
    notFound: (a) =>
      words(
        `No avglint.catalogue.yaml found in ${a.directory} or any directory above it, so nothing is checked.`,
        `Run \`npx avglint init\` to create one (or put the FG's catalogue in the root of the repository, see docs/catalogue.md), or point ${a.setting} at it.`,
      ),
    configuredNotFound: (a) =>
      words(`The catalogue ${a.file} does not exist, so nothing is checked.`, `Fix ${a.setting} (absolute, or relative to where it is written), or remove it to use the nearest avglint.catalogue.yaml.`),
    unusable: () => words('The catalogue could not be loaded.', 'Run `npx avglint catalogue check` on it for details.'),
    settingsConflict: (a) =>
      words(
        // Short enough for one line in every host (ESLint shows the message without the hint).
        `settings.rules.${a.rule}.${a.key}: the host's ${json(a.host)} is used, not ${json(a.written)}.`,
        `The ESLint config's rule options (or the editor's \`avglint.ruleOptions\`, or \`scan --rule\`) set it too. Keep rule options in one place: remove ${code(a.key)} there, or \`settings.rules.${a.rule}.${a.key}\` from the catalogue.`,
      ),
  },
  nl: {
    notReadable: (a) =>
      words(
        `Het catalogusbestand ${a.file} is niet te lezen.`,
        'Maak `avglint.catalogue.yaml` in de hoofdmap van de repository (zie docs/catalogue.md), of wijs met de instelling `avglint.catalogue` het goede bestand aan.',
      ),
    refusedMain: (a) => {
      const r = REFUSAL.nl(a.refusal);
      return words(`avglint leest de catalogus ${a.file} niet: ${r.message}`, r.hint);
    },
    internalError: (a) => words(`avglint kon de catalogus niet helemaal lezen: ${code(a.error)}.`, 'Dit is een fout in avglint, niet in je catalogus. Meld hem graag, samen met het catalogusbestand.'),
    extendsWebAddress: (a) =>
      words(
        `\`extends\` wijst naar ${code(a.value)}, een webadres of een schijf, geen relatief pad.`,
        'Kopieer de basiscatalogus naar de repository en schrijf het pad ernaartoe vanaf dit bestand, zoals `../groep/base.avglint.catalogue.yaml`. avglint haalt nooit catalogi van het netwerk.',
      ),
    extendsAbsolute: (a) => words(`\`extends\` wijst naar ${code(a.value)}, een absoluut pad.`, 'Schrijf het pad vanaf de map van dit bestand, zoals `../groep/base.avglint.catalogue.yaml`, zodat het op elke computer werkt.'),
    extendsNotYaml: (a) => words(`\`extends\` wijst naar ${code(a.value)}, dat geen YAML-bestand is.`, 'Een catalogus kan alleen een ander catalogusbestand uitbreiden dat eindigt op `.yaml` of `.yml`.'),
    extendsOutsideRoot: (a) =>
      words(`\`extends\` wijst naar ${code(a.value)}, dat buiten de repository ligt (${a.root}).`, 'Zet de basiscatalogus in de repository, bijvoorbeeld in een map `groep/`, en laat `extends` daarnaar wijzen.'),
    extendsCycle: (a) => words(`\`extends\` maakt een kringloop: ${a.cycle}.`, 'Een catalogus kan zichzelf niet uitbreiden, direct of via een ander bestand. Haal deze regel onder `extends` weg, of die in het andere bestand.'),
    extendsRefused: (a) => {
      const r = REFUSAL.nl(a.refusal);
      return words(`\`extends\` wijst naar ${code(a.value)}: ${r.message}`, r.hint);
    },
    extendsMissing: (a) => words(`\`extends\` wijst naar ${code(a.value)}, maar dat bestand bestaat niet (${a.target}).`, 'Controleer de spelling en de map; het pad gaat uit van de map van dit bestand.'),
    tooLarge: (a) =>
      words(
        `Het catalogusbestand is ${a.millions} miljoen tekens lang; avglint leest catalogi tot ${a.maxMillions} miljoen.`,
        'De catalogus van een hele scholengroep blijft ruim onder een miljoen tekens. Controleer of dit het goede bestand is, of splits het met `extends`.',
      ),
    tooDeep: (a) => words(`Lijsten en blokken zijn hier meer dan ${a.max} niveaus diep genest.`, 'Een catalogus heeft maar een paar niveaus nodig (onderdeel, regel, sleutel, lijst). Controleer hier de haakjes `[` `{` en het inspringen.'),
    yamlSyntax: (a) => words(a.mistake !== undefined ? `${YAML_MISTAKES.nl[a.mistake]} (YAML: ${code(a.parser)})` : `Het bestand is geen geldige YAML: ${code(a.parser)}.`, YAML_HINTS.nl[a.hint]),
    complexKey: () => words('Een sleutel hier is een lijst of een blok; sleutels moeten gewone namen zijn.', 'Schrijf een gewone naam vóór de dubbele punt, zoals `label:`; zet waarden met `[`, `{` of `: ` tussen aanhalingstekens.'),
    yamlUnreadable: (a) => words(`De YAML is niet te lezen: ${code(a.error)}.`, YAML_HINTS.nl.aliases),
    empty: () => words('Het catalogusbestand is leeg.', 'Begin het bestand met `version: 1` en voeg dan `categories`, `retention` en `processors` toe (zie docs/catalogue.md).'),
    unknownKey: (a) =>
      words(
        `Onbekende sleutel ${code(a.key)} in ${placeOf(a.path, 'nl')}.`,
        a.near !== undefined ? `Bedoel je ${code(a.near)}?` : a.allowed.length > 0 ? `Hier zijn de sleutels ${listWords(a.allowed, 'nl')} toegestaan.` : 'Haal deze sleutel weg.',
      ),
    missingKey: (a) => {
      const place = placeOf(a.path, 'nl');
      return words(`${capitalise(place)} heeft geen ${code(a.missing)}.`, `Voeg \`${a.missing}:\` toe aan ${place}.${a.path.length === 0 ? '' : ' Het is verplicht.'}`);
    },
    wrongType: (a) =>
      words(
        `${capitalise(keyName(a.path, 'nl'))} in ${placeOf(a.path, 'nl')} moet ${describeType(a.type, 'nl')} zijn, maar is ${a.path.length === 0 ? describeKind(a.value, 'nl') : describeValue(a.value, 'nl')}.`,
        typeHint(a.type, 'nl'),
      ),
    badEnum: (a) =>
      words(
        `${capitalise(keyName(a.path, 'nl'))} in ${placeOf(a.path, 'nl')} kan niet ${describeValue(a.value, 'nl')} zijn.`,
        typeof a.value === 'string' ? suggestion(a.value, a.allowed, 'allowed values', 'nl') : `Schrijf een van ${listWords(a.allowed, 'nl')}.`,
      ),
    badConst: (a) => words(`${capitalise(keyName(a.path, 'nl'))} moet ${json(a.allowed)} zijn, maar is ${describeValue(a.value, 'nl')}.`, `Schrijf \`${keyName(a.path, 'nl').replace(/`/g, '')}: ${json(a.allowed)}\`.`),
    emptyValue: (a) => words(`${capitalise(keyName(a.path, 'nl'))} in ${placeOf(a.path, 'nl')} is leeg.`, a.block ? 'Geef minstens één regel, of haal de sleutel weg.' : 'Vul het in, of haal de sleutel weg.'),
    badId: (a) =>
      words(
        `${code(a.id)} kan geen id zijn in ${placeOf(a.path, 'nl')}.`,
        'Een id begint met een letter en bevat alleen letters, cijfers, `-`, `_` en `.` (bijvoorbeeld `leerlingdossier` of `zorg-dossier`).',
      ),
    invalid: (a) => words(`${capitalise(keyName(a.path, 'nl'))} in ${placeOf(a.path, 'nl')} klopt niet (${code(a.schema)}).`, 'Vergelijk dit onderdeel met de voorbeelden in docs/catalogue.md.'),
    missingRetention: (a) =>
      words(
        `Categorie ${code(a.category)} heeft geen bewaartermijn (\`retention\`).`,
        'Elke categorie heeft een bewaartermijn nodig: voeg `retention: <id>` toe met de id van een termijn onder `retention:` (bijvoorbeeld `retention: leerlingdossier`).',
      ),
    badOwnerName: (a) =>
      words(
        `${a.category !== undefined ? `Categorie ${code(a.category)}: in \`${a.list}\`` : `In \`${a.list}\``} heeft ${t(a.name)} geen letters of cijfers, dus geen code kan erop passen.`,
        'Schrijf het type of de naam zoals de code die spelt, zoals `Leerling` of `school`.',
      ),
    badName: (a) => words(`Categorie ${code(a.category)}: de naam ${t(a.name)} heeft geen letters of cijfers, dus geen code kan erop passen.`, 'Schrijf de naam zoals de code die spelt, zoals `burgerservicenummer`.'),
    subjectConflict: (a) =>
      words(
        `${t(a.name)} staat zowel bij de personen als bij wat nooit een persoon is.`,
        'Houd het in `subjects.persons` als het een persoon is (een leerling, ouder, medewerker), in `subjects.notPersons` als het dat nooit is (een school, vak, locatie).',
      ),
    categorySubjectConflict: (a) =>
      words(
        `Categorie ${code(a.category)}: ${t(a.name)} staat hier als nooit een persoon, maar volgens \`subjects.persons\` is het een persoon.`,
        'Haal het uit een van de twee lijsten: gegevens van een persoon zijn altijd persoonsgegevens.',
      ),
    unknownReference: (a) =>
      words(`${OWNER.nl[a.owner.section](a.owner.id)} verwijst naar ${TARGET.nl[a.target]} ${t(a.reference)}, die niet in de catalogus staat.`, suggestion(a.reference, a.known, TARGET_KNOWN[a.target], 'nl')),
    unknownAlternative: (a) =>
      words(`Categorie ${code(a.category)} noemt ${t(a.alternative)} als alternatief, maar die categorie bestaat niet.`, suggestion(a.alternative, a.known, 'categories', 'nl')),
    selfAlternative: (a) => words(`Categorie ${code(a.category)} noemt zichzelf als alternatief.`, 'Noem een andere categorie (voor het BSN: `eckid`), of haal `alternative` weg.'),
    unknownAccessCategory: (a) => words(`De toegangsregel is voor categorie ${t(a.category)}, die niet in de catalogus staat.`, suggestion(a.category, a.known, 'categories', 'nl')),
    unknownProduced: (a) => words(`Opschoonfunctie ${code(a.sanitiser)} maakt categorie ${t(a.produces)}, die niet in de catalogus staat.`, suggestion(a.produces, a.known, 'categories', 'nl')),
    durationTooLong: (a) =>
      words(
        `Bewaartermijn ${code(a.term)}: ${code(a.key)} is ${t(a.value)}, langer dan 200 jaar.`,
        'Een bewaartermijn telt in jaren, maanden, weken of dagen, zoals `P7Y`; voor stukken die altijd bewaard blijven: schrijf de langste termijn die de archiefwet geeft en zeg dat in het label.',
      ),
    badDuration: (a) =>
      words(
        `Bewaartermijn ${code(a.term)}: ${code(a.key)} is ${t(a.value)}, geen ISO 8601-duur.`,
        'Schrijf P, dan een getal en Y (jaren), M (maanden), W (weken) of D (dagen): `P2Y` is 2 jaar, `P6M` 6 maanden, `P4W` 4 weken, `P1Y6M` anderhalf jaar.',
      ),
    shorterThanMinimum: (a) => words(`Bewaartermijn ${code(a.term)} is korter dan zijn eigen minimum.`, 'Maak `duration` minstens zo lang als `minimum`, of verbeter het minimum.'),
    longerThanMaximum: (a) => words(`Bewaartermijn ${code(a.term)} is langer dan zijn eigen maximum.`, 'Maak `duration` hoogstens zo lang als `maximum`, of verbeter het maximum.'),
    minimumAboveMaximum: (a) => words(`Bewaartermijn ${code(a.term)}: het minimum is langer dan het maximum.`, 'Verwissel `minimum` en `maximum`, of verbeter een van beide.'),
    overlappingSynonym: (a) =>
      words(
        `De naam ${code(a.name)} hoort zowel bij categorie ${code(a.owner)} (als ${code(a.written)}) als bij categorie ${code(a.category)}.`,
        'Code met deze naam zou als beide categorieën tellen. Houd de naam in de categorie die hij echt betekent en haal hem uit de andere.',
      ),
    badMember: (a) => words(`Categorie ${code(a.category)}: de eigenschap ${t(a.member)} is niet geschreven als Type.eigenschap.`, 'Schrijf de naam van het type, een punt en de naam van de eigenschap, zoals `Leerling.BSN`.'),
    badHost: (a) =>
      words(
        `Verwerker ${code(a.processor)}: ${t(a.host)} is geen hostnaam.`,
        a.bare !== undefined ? `Schrijf alleen de hostnaam, ${code(a.bare)}; zet een volledig adres liever onder \`urls\`.` : 'Schrijf een hostnaam zoals `duo.nl`, of `*.duo.nl` voor elk subdomein, zonder `https://` of pad.',
      ),
    badUrl: (a) => words(`Verwerker ${code(a.processor)}: ${t(a.url)} is geen webadres.`, 'Schrijf een volledig adres dat begint met `https://`, zoals `https://api.somtoday.nl/rest/v1/**`.'),
    badUrlPattern: (a) => words(`Verwerker ${code(a.processor)}: het adrespatroon ${t(a.url)} is niet te lezen.`, 'Sluit elke `[`, `{` en `(`, of zet er een `\\` voor als je het teken zelf bedoelt.'),
    badModule: (a) => words(`Verwerker ${code(a.processor)}: ${t(a.module)} is geen naam van een npm-pakket.`, 'Schrijf de pakketnaam zoals in `package.json`, bijvoorbeeld `@google-analytics/data` of `leermiddel-sdk`.'),
    badGlobal: (a) =>
      words(
        `Verwerker ${code(a.processor)}: ${t(a.global)} is geen JavaScript-naam.`,
        'Schrijf de naam die de code gebruikt voor de SDK die een script-tag laadt, zoals `Sentry`, `gtag` of `dataLayer` (zonder `window.`).',
      ),
    agreementMissing: (a) =>
      words(
        `Verwerker ${code(a.processor)} is een verwerker (\`role: processor\`), maar de catalogus noemt geen verwerkersovereenkomst.`,
        'Voeg `agreement: { reference: <kenmerk>, ends: <YYYY-MM-DD> }` toe met de verwerkersovereenkomst (AVG art. 28), of zet `role: recipient` als deze organisatie de gegevens voor een eigen taak ontvangt.',
      ),
    badDate: (a) => words(`Verwerker ${code(a.processor)}: de einddatum ${t(a.value)} is geen datum.`, 'Schrijf de datum als jaar-maand-dag, zoals `2027-07-31`.'),
    agreementEnded: (a) =>
      words(`Verwerker ${code(a.processor)}: de overeenkomst ${agreementName(a.reference)}is op ${a.ends} afgelopen.`, 'Vernieuw de verwerkersovereenkomst en schrijf de nieuwe einddatum op, of stuur geen gegevens meer naar deze verwerker.'),
    agreementEnding: (a) =>
      words(
        `Verwerker ${code(a.processor)}: de overeenkomst ${agreementName(a.reference)}loopt af op ${a.ends}, over ${a.days} ${a.days === 1 ? 'dag' : 'dagen'}.`,
        'Begin nu met het vernieuwen van de verwerkersovereenkomst en schrijf dan de nieuwe einddatum hier op.',
      ),
    consentMissing: (a) =>
      words(
        `Verwerker ${code(a.processor)} steunt op toestemming, maar de catalogus zegt niet wiens toestemming of hoe de code die controleert.`,
        'Voeg `consent: { from: parents-until-16, check: [heeftToestemming] }` toe: wiens toestemming nodig is en de functies die haar controleren.',
      ),
    consentUnexpected: (a) =>
      words(
        `Verwerker ${code(a.processor)} heeft een blok \`consent\`, maar de grondslag is ${code(a.basis)}, geen toestemming.`,
        'Haal het blok `consent` weg, of zet `legalBasis` op `consent` als de gegevens echt alleen met toestemming verstuurd worden.',
      ),
    badPathPattern: (a) => {
      const why = PATH_PATTERN.nl[a.why];
      return words(`De toegangsregel voor ${code(a.category)}: het padpatroon ${t(a.pattern)} ${why.message}`, why.hint);
    },
    notFound: (a) =>
      words(
        `Geen avglint.catalogue.yaml gevonden in ${a.directory} of een map daarboven, dus er wordt niets gecontroleerd.`,
        `Maak er een met \`npx avglint init\` (of zet de catalogus van de FG in de hoofdmap van de repository, zie docs/catalogue.md), of wijs hem aan met ${a.setting}.`,
      ),
    configuredNotFound: (a) =>
      words(`De catalogus ${a.file} bestaat niet, dus er wordt niets gecontroleerd.`, `Verbeter ${a.setting} (absoluut, of relatief vanaf waar het staat), of haal het weg om de dichtstbijzijnde avglint.catalogue.yaml te gebruiken.`),
    unusable: () => words('De catalogus kon niet geladen worden.', 'Voer `npx avglint catalogue check` erop uit voor de details.'),
    settingsConflict: (a) =>
      words(
        `settings.rules.${a.rule}.${a.key}: de waarde ${json(a.host)} van de host geldt, niet ${json(a.written)}.`,
        `De regelopties in de ESLint-config (of \`avglint.ruleOptions\` van de editor, of \`scan --rule\`) zetten hem ook. Houd regelopties op één plek: haal ${code(a.key)} daar weg, of \`settings.rules.${a.rule}.${a.key}\` uit de catalogus.`,
      ),
  },
};

/** A problem kind in words, in `locale`. */
export function renderProblemText(text: CatalogueText, locale: Locale): ProblemWords {
  // The mapped type pairs each id with its arguments; TypeScript cannot follow that through an indexed call.
  return (CATALOGUE_PROBLEM_TEXTS[locale][text.id] as (args: CatalogueProblemArgs[CatalogueProblemId]) => ProblemWords)(text.args);
}

/** A pending problem with its words in `locale`. */
export function renderProblem(pending: PendingProblem, locale: Locale): Problem {
  const { text, ...rest } = pending;
  return { ...rest, ...renderProblemText(text, locale) };
}

/** A problem at a place, with its words in `locale`: for problems made outside the loader (the Node layer, the analysis). */
export function catalogueProblem(place: Omit<Problem, 'message' | 'hint'>, text: CatalogueText, locale: Locale): Problem {
  return { ...place, ...renderProblemText(text, locale) };
}
