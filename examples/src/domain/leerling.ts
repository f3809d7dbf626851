/**
 * The pupil as the Somtoday Connect API returns it (`/connect/vestiging/{vestigingUUID}/leerling`), reduced to the
 * fields this service uses. Field names follow Somtoday, including its upper-case `BSN`.
 */

/** A burgerservicenummer. Branded so it cannot be mixed up with any other string by accident. */
export type Bsn = string & { readonly __brand: 'Bsn' };

/** The ECK iD from the Nummervoorziening (`https://ketenid.nl/201703/<hex>`): the only identifier vendors receive. */
export type EckId = string & { readonly __brand: 'EckId' };

export interface Adres {
  straat: string;
  huisnummer: string;
  postcode: string;
  woonplaats: string;
}

export interface Leerling {
  /** Somtoday's technical id. Not personal data on its own; the id to log. */
  uuid: string;
  leerlingnummer: number;
  eckid?: EckId;
  roepnaam: string;
  voorvoegsel?: string;
  achternaam: string;
  geslacht: 'Man' | 'Vrouw' | 'Onbekend';
  geboortedatum: string;
  emailadres?: string;
  adres?: Adres;
  BSN?: Bsn;
  /** The klas, e.g. `H3B`. */
  stamgroep?: string;
}

export interface Toetsresultaat {
  leerlingUuid: string;
  toetsCode: string;
  cijfer: number;
  weging: number;
}

export interface Examenresultaat {
  leerlingUuid: string;
  vakcode: string;
  tijdvak: 1 | 2;
  cijferCe: number;
}

export function volledigeNaam(leerling: Pick<Leerling, 'roepnaam' | 'voorvoegsel' | 'achternaam'>): string {
  return [leerling.roepnaam, leerling.voorvoegsel, leerling.achternaam].filter(Boolean).join(' ');
}
