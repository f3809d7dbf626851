/**
 * Whose data it is: the persons, and the owners that are never persons. A category matched by name (`naam`,
 * `postcode`, `adres`) is personal data when the object it is read from belongs to a person: `leerling.naam` is,
 * `vak.naam`, `school.postcode` and `weer.adres` are not. The analysis asks `ownerIsNotPerson` with the owner's
 * identities — its type names first (with type information), then its name in the code — and the first identity that
 * the lists know decides. An owner nobody knows is treated as a person, as before: avglint errs on reporting.
 */
import type { Catalogue, Category, Subjects } from './model';
import { normaliseName } from './names';

/**
 * The defaults, for a catalogue without `subjects`: the persons of a Dutch school and the things a school's code names
 * that are never persons. The starter catalogue (examples/avglint.catalogue.yaml) writes out the same lists; a test
 * keeps the two equal.
 */
export const DEFAULT_SUBJECTS: Subjects = {
  persons: [
    'Leerling', 'leerlingen', 'Student', 'studenten', 'pupil', 'Ouder', 'ouders', 'Verzorger', 'verzorgers', 'OuderVerzorger',
    'Medewerker', 'medewerkers', 'Docent', 'docenten', 'Mentor', 'Persoon', 'personen', 'person', 'people', 'Gebruiker',
    'gebruikers', 'user', 'users', 'Account', 'Contactpersoon', 'Kandidaat', 'Deelnemer', 'Toetsdeelnemer', 'employee',
    'teacher', 'parent', 'guardian', 'member', 'Lid', 'leden', 'Klant', 'customer', 'profile', 'Profiel',
  ],
  notPersons: [
    'School', 'scholen', 'Schoolbestuur', 'Bestuur', 'Vestiging', 'vestigingen', 'Locatie', 'locaties', 'Lokaal', 'lokalen',
    'Gebouw', 'Vak', 'vakken', 'Les', 'lessen', 'Lesgroep', 'lesgroepen', 'Klas', 'klassen', 'Stamgroep', 'Cursus',
    'course', 'Opleiding', 'Methode', 'Leermiddel', 'leermiddelen', 'Product', 'Organisatie', 'organization', 'Instelling',
    'Bedrijf', 'company', 'Leverancier', 'vendor', 'Uitgeverij', 'Gemeente', 'weer', 'weather', 'Weerbericht',
    'forecast', 'Rooster', 'Toets', 'Periode', 'Schooljaar', 'Applicatie', 'app', 'Bestand', 'file', 'folder', 'Project',
    'Sjabloon', 'template', 'Categorie', 'category', 'Rol', 'role', 'Doel', 'purpose', 'Verwerker', 'processor', 'config',
    'settings', 'package', 'module', 'component', 'route', 'event', 'job', 'task', 'queue',
  ],
};

/** The words of a name: `HuidigeSchool` → huidige, school; `MAX_RETRY_MS` → max, retry, ms. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w.length > 0)
    .map((w) => w.toLowerCase());
}

interface SubjectIndex {
  readonly persons: ReadonlySet<string>;
  readonly notPersons: ReadonlySet<string>;
  /** Category id → its own `match.notPersons`. */
  readonly perCategory: ReadonlyMap<string, ReadonlySet<string>>;
  /** Member name → whether it names a person (`namesPerson`), as answered so far. */
  readonly memberNamesPerson: Map<string, boolean>;
}

const indexes = new WeakMap<Catalogue, SubjectIndex>();

function subjectIndex(catalogue: Catalogue): SubjectIndex {
  let index = indexes.get(catalogue);
  if (!index) {
    const subjects = catalogue.subjects ?? DEFAULT_SUBJECTS;
    const perCategory = new Map<string, ReadonlySet<string>>();
    for (const category of catalogue.categories.values()) {
      if (category.match.notPersons && category.match.notPersons.length > 0) perCategory.set(category.id, new Set(category.match.notPersons.map(normaliseName)));
    }
    index = { persons: new Set(subjects.persons.map(normaliseName)), notPersons: new Set(subjects.notPersons.map(normaliseName)), perCategory, memberNamesPerson: new Map() };
    indexes.set(catalogue, index);
  }
  return index;
}

/**
 * What the lists say of one identity: the whole name, or any of its words. A person wins over a non-person. Every word
 * counts, not only the first and last: generated API types wrap the owner in technical words
 * (`api_schooljaar_item`, `RSchooljaarDto`), and a person anywhere in the name still wins (`schoolLeerlingItem`).
 */
function judge(identity: string, index: SubjectIndex, own: ReadonlySet<string> | undefined): 'person' | 'not' | undefined {
  const keys = identityKeys(identity);
  if (keys.some((k) => index.persons.has(k))) return 'person';
  if (keys.some((k) => index.notPersons.has(k) || (own?.has(k) ?? false))) return 'not';
  return undefined;
}

/**
 * The keys an identity is looked up by: its normal form and, for a name of several words, each word. The analysis asks
 * for the same few owner names (types, variables) at every member read, so the words are split once per name.
 */
function identityKeys(identity: string): readonly string[] {
  let keys = keysOfIdentities.get(identity);
  if (keys === undefined) {
    const words = nameWords(identity);
    keys = words.length > 1 ? [normaliseName(identity), ...words] : [normaliseName(identity)];
    // A bound, so a language server that runs for days does not keep every name it ever saw.
    if (keysOfIdentities.size >= 50_000) keysOfIdentities.clear();
    keysOfIdentities.set(identity, keys);
  }
  return keys;
}

const keysOfIdentities = new Map<string, readonly string[]>();

/**
 * Whether an owner is never a person for `category`. `identities` in order of authority: the owner's type names (with
 * type information), then its name in the code. The first identity the lists know decides; none known: a person.
 */
export function ownerIsNotPerson(catalogue: Catalogue, identities: readonly (string | undefined)[], category: Category, member?: string): boolean {
  const index = subjectIndex(catalogue);
  // A member that names a person says whose it is, whatever its owner: `toets.docentnaam`, `les.leerlingNaam`.
  if (member !== undefined && namesPerson(index, member)) return false;
  const own = index.perCategory.get(category.id);
  for (const identity of identities) {
    if (identity === undefined || identity === '') continue;
    const verdict = judge(identity, index, own);
    if (verdict !== undefined) return verdict === 'not';
  }
  return false;
}

/**
 * Whether any owner could make a member of this name not a person's data: not for a member that names a person
 * (`docentnaam`), which `ownerIsNotPerson` keeps whatever its owner. Lets the analysis skip finding the owner (for an
 * object literal, its contextual type: the checker resolves the whole call around it) when no owner could decide.
 */
export function ownerCanDecide(catalogue: Catalogue, member: string | undefined): boolean {
  return member === undefined || !namesPerson(subjectIndex(catalogue), member);
}

/** Whether a member's name starts or ends with a person (`docentnaam`, `teacherName`, `naamLeerling`). */
function namesPerson(index: SubjectIndex, member: string): boolean {
  let answer = index.memberNamesPerson.get(member);
  if (answer === undefined) {
    const normal = normaliseName(member);
    answer = false;
    for (const person of index.persons) {
      if (person.length >= 4 && (normal.startsWith(person) || normal.endsWith(person))) {
        answer = true;
        break;
      }
    }
    // Bounded like the other name tables: a catalogue lives as long as the language server that loaded it.
    if (index.memberNamesPerson.size >= 50_000) index.memberNamesPerson.clear();
    index.memberNamesPerson.set(member, answer);
  }
  return answer;
}

/** Whether the catalogue's lists know an identity (as a person or as never one), whatever the category. */
export function ownerIsKnown(catalogue: Catalogue, identity: string): boolean {
  return judge(identity, subjectIndex(catalogue), undefined) !== undefined;
}

/** Whether any owner in the catalogue could be judged not a person at all (a cheap test before asking per hit). */
export function hasNotPersons(catalogue: Catalogue): boolean {
  const index = subjectIndex(catalogue);
  return index.notPersons.size > 0 || index.perCategory.size > 0;
}
