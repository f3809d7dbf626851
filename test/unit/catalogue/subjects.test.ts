/**
 * Whose data it is (rules/src/catalogue/subjects.ts): how an owner's identities are judged against the catalogue's
 * `subjects` and a category's own `notPersons`, as a table.
 */
import * as assert from 'node:assert/strict';
import { DEFAULT_SUBJECTS, nameWords, ownerCanDecide, ownerIsKnown, ownerIsNotPerson, type Catalogue, type Category } from '@avglint/rules';
import { emptyCatalogue } from '../../helpers/catalogue';

const location = { file: '/project/avglint.catalogue.yaml', line: 1, column: 1 };
const category = (id: string, notPersons?: string[]): Category => ({
  id,
  label: id,
  special: false,
  identifier: false,
  retention: ['t'],
  match: { names: [id], types: [], members: [], jsdocTags: [], brands: [], ...(notPersons ? { notPersons } : {}) },
  restricted: false,
  location,
});
const naam = category('naam');
const loggegevens = category('loggegevens', ['server']);
const catalogue: Catalogue = { ...emptyCatalogue(), categories: new Map([['naam', naam], ['loggegevens', loggegevens]]) };

describe('subjects: whose data it is', () => {
  const cases: readonly [readonly (string | undefined)[], Category, boolean][] = [
    [['Vak'], naam, true],
    [['vakken'], naam, true],
    [['HuidigeSchool'], naam, true], // last word
    [['schoolData'], naam, true], // first word
    [['WEER_BERICHT'], naam, true],
    [['Leerling'], naam, false],
    [['schoolLeerling'], naam, false], // a person's word wins
    [['api_schooljaar_item'], naam, true], // a middle word: a generated API type around the owner
    [['api_leerling_school_item'], naam, false], // a person's word wins wherever it is
    [['data'], naam, false], // unknown: a person
    [[], naam, false],
    [[undefined, 'vak'], naam, true], // no type name: the owner's name decides
    [['Leerling', 'vak'], naam, false], // the type decides before the name
    [['Bestelling', 'school'], naam, true], // a type the lists do not know: the name decides
    [['server'], loggegevens, true], // the category's own list
    [['server'], naam, false], // only for that category
  ];
  for (const [identities, cat, expected] of cases) {
    it(`${JSON.stringify(identities)} for ${cat.id}: ${expected ? 'never a person' : 'a person'}`, () => {
      assert.equal(ownerIsNotPerson(catalogue, identities, cat), expected);
    });
  }

  it('keeps a member that names a person, whatever its owner', () => {
    assert.equal(ownerIsNotPerson(catalogue, ['ToetsDto'], naam, 'docentnaam'), false);
    assert.equal(ownerIsNotPerson(catalogue, ['Les'], naam, 'naamLeerling'), false);
    assert.equal(ownerIsNotPerson(catalogue, ['ToetsDto'], naam, 'vaknaam'), true);
  });

  it('says when no owner could decide: a member that names a person, by the catalogue\'s own persons', () => {
    assert.equal(ownerCanDecide(catalogue, 'docentnaam'), false);
    assert.equal(ownerCanDecide(catalogue, 'vaknaam'), true);
    assert.equal(ownerCanDecide(catalogue, undefined), true);
    const own: Catalogue = { ...catalogue, subjects: { persons: ['Vakdocent'], notPersons: ['Les'] } };
    assert.equal(ownerCanDecide(own, 'vakdocentNaam'), false);
    assert.equal(ownerCanDecide(own, 'docentnaam'), true);
    // The same member asked again answers the same (the answer is remembered per catalogue).
    assert.equal(ownerCanDecide(catalogue, 'docentnaam'), false);
    assert.equal(ownerIsNotPerson(own, ['Les'], naam, 'docentnaam'), true);
  });

  it('follows the catalogue\'s own lists instead of the defaults', () => {
    const own: Catalogue = { ...catalogue, subjects: { persons: ['Vak'], notPersons: ['Leerling'] } };
    assert.equal(ownerIsNotPerson(own, ['Vak'], naam), false);
    assert.equal(ownerIsNotPerson(own, ['Leerling'], naam), true);
    assert.equal(ownerIsKnown(own, 'school'), false);
    assert.equal(ownerIsKnown(catalogue, 'school'), true);
  });

  it('splits names into words', () => {
    assert.deepEqual(nameWords('MAX_RETRY_MS'), ['max', 'retry', 'ms']);
    assert.deepEqual(nameWords('HTTPServerName'), ['http', 'server', 'name']);
    assert.deepEqual(nameWords('huidigeSchool'), ['huidige', 'school']);
  });

  it('has no name in both default lists', () => {
    const persons = new Set(DEFAULT_SUBJECTS.persons.map((p) => p.toLowerCase()));
    assert.deepEqual(DEFAULT_SUBJECTS.notPersons.filter((n) => persons.has(n.toLowerCase())), []);
  });
});
