/**
 * The two functions the catalogue names as sanitisers: what they return no longer carries the data they were given.
 */
import { createHmac } from 'node:crypto';
import type { EckId, Leerling } from '../domain/leerling';

/**
 * The ECK iD to send to a vendor instead of the BSN. Somtoday delivers it with the pupil once the school is connected
 * to the Nummervoorziening; a pupil without one is not sent to vendors at all.
 */
export function toEckId(leerling: Pick<Leerling, 'eckid' | 'uuid'>): EckId {
  if (leerling.eckid === undefined) throw new OntbrekendEckIdError(leerling.uuid);
  return leerling.eckid;
}

export class OntbrekendEckIdError extends Error {
  constructor(readonly leerlingUuid: string) {
    super(`Leerling ${leerlingUuid} heeft (nog) geen ECK iD`);
  }
}

/**
 * A keyed pseudonym for research and analytics: stable per value, not reversible without the key, which never leaves
 * this service.
 */
export function pseudonimiseer(waarde: string): string {
  const sleutel = process.env['PSEUDONIEM_SLEUTEL'];
  if (sleutel === undefined) throw new Error('PSEUDONIEM_SLEUTEL is niet gezet');
  return createHmac('sha256', sleutel).update(waarde).digest('base64url');
}
