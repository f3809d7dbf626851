/**
 * Exam data to Cito for the normering by the CvTE ('afnamegegevens en scores/antwoorden', gerechtvaardigd belang).
 */
import ky from 'ky';
import { BRIN, CITO_API_URL } from '../config';
import type { Examenresultaat, Leerling } from '../domain/leerling';
import { toEckId } from '../privacy/pseudonimisering';

interface AfnameBevestiging {
  afnameId: string;
}

/** Right: Cito gets the scores under the ECK iD; no name, no BSN. */
export async function stuurExamenscores(leerling: Leerling, resultaten: readonly Examenresultaat[]): Promise<string> {
  const afname = {
    kandidaat: toEckId(leerling),
    brin: BRIN,
    scores: resultaten.map((r) => ({ vak: r.vakcode, tijdvak: r.tijdvak, cijferCe: r.cijferCe })),
  };
  const bevestiging = await ky.post(`${CITO_API_URL}/afnames`, { json: afname }).json<AfnameBevestiging>();
  return bevestiging.afnameId;
}
