/**
 * Registration of inschrijvingen in BRON at DUO. DUO is the one recipient that must get the BSN: bekostiging and
 * examinering are a wettelijke verplichting, and the catalogue lists `bsn` among what DUO receives.
 */
import { request } from 'undici';
import { BRIN, DUO_BRON_URL } from '../config';
import type { Leerling } from '../domain/leerling';

export interface BronInschrijving {
  brin: string;
  opleiding: string;
  leerjaar: number;
  inschrijfdatum: string;
}

/** Right: the BSN goes to DUO, which has a legal basis to receive it. */
export async function meldInschrijving(leerling: Leerling, inschrijving: BronInschrijving): Promise<void> {
  if (leerling.BSN === undefined) throw new Error(`Leerling ${leerling.uuid} heeft geen BSN; meld met onderwijsnummer`);
  const melding = {
    ...inschrijving,
    brin: BRIN,
    bsn: leerling.BSN,
    achternaam: leerling.achternaam,
    geboortedatum: leerling.geboortedatum,
  };
  const antwoord = await request(`${DUO_BRON_URL}/inschrijvingen`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(melding),
  });
  if (antwoord.statusCode >= 400) {
    const { bsn } = melding;
    // Wrong: printing the BSN to find out why BRON rejected the melding. Console output ends up in the container logs,
    // which are kept far longer than the BSN may be and read by people who may not see it. Log `leerling.uuid`.
    console.log(bsn); // expect: avglint/no-personal-data-in-logs
    throw new Error(`BRON weigerde de inschrijving van ${leerling.uuid} (${antwoord.statusCode})`);
  }
}
