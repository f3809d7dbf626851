/**
 * Pupils for the unit tests. Every BSN here must be a known test number, listed in the `allow` option of
 * avglint/no-bsn-literal in eslint.config.mjs, so that a real number can never hide among them.
 */
import type { Bsn, EckId, Leerling } from '../domain/leerling';

/** Right: 123456782 is the well-known test BSN, allowed by the catalogue's `settings.rules` (every host reads it). */
export const sanne: Leerling = {
  uuid: 'c0ffee00-aaaa-4bbb-8ccc-dddddddddddd',
  leerlingnummer: 4011,
  eckid: 'https://ketenid.nl/201703/test-sanne' as EckId,
  roepnaam: 'Sanne',
  voorvoegsel: 'de',
  achternaam: 'Vries',
  geslacht: 'Vrouw',
  geboortedatum: '2011-03-14',
  stamgroep: 'H2A',
  BSN: '123456782' as Bsn,
};

export const daan: Leerling = {
  uuid: 'decaf000-aaaa-4bbb-8ccc-eeeeeeeeeeee',
  leerlingnummer: 4012,
  roepnaam: 'Daan',
  achternaam: 'Jansen',
  geslacht: 'Man',
  geboortedatum: '2010-11-02',
  stamgroep: 'V3B',
  // Wrong: this number passes the elfproef and is not a registered test number; it may be a real person's BSN,
  // copied from a production export. Use a generated test number and add it to the rule's `allow` option.
  BSN: '111222333' as Bsn, // expect: avglint/no-bsn-literal
};
