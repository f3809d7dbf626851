/**
 * The speciaal zorgdossier as Magister returns it. Only code under src/zorg/ may read these (catalogue: `access`).
 */
export interface Handelingsplan {
  uuid: string;
  startdatum: string;
  einddatum?: string;
  /** Goals in the pupil's own words, e.g. "Ik plan mijn huiswerk in de agenda". */
  doelen: string[];
  aanpak: string;
  evaluatie?: string;
}

export interface Zorgdossier {
  leerlingUuid: string;
  handelingsplan?: Handelingsplan;
  diagnose?: string;
  medicijngebruik?: boolean;
}
