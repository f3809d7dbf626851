/**
 * A short-lived Redis cache in front of Somtoday, so the ouderportaal does not call Somtoday on every page view.
 */
import Redis from 'ioredis';
import type { Leerling } from '../domain/leerling';

const redis = new Redis(process.env['REDIS_URL']);
const KWARTIER = 15 * 60;

/** Right: the entry expires after a quarter of an hour, well within the bewaartermijn of naam and klas. */
export async function cacheKlasgegevens(leerling: Leerling): Promise<void> {
  const gegevens = { roepnaam: leerling.roepnaam, klas: leerling.stamgroep };
  await redis.set(`klas:${leerling.uuid}`, JSON.stringify(gegevens), 'EX', KWARTIER);
}

export async function cacheLeerling(leerling: Leerling): Promise<void> {
  // Wrong: no TTL, so the whole pupil record (BSN included) stays in Redis until someone flushes it. Pass
  // `'EX', KWARTIER` as cacheKlasgegevens does.
  await redis.set(`leerling:${leerling.uuid}`, JSON.stringify(leerling)); // expect: avglint/require-retention
}

export async function leesLeerling(uuid: string): Promise<Leerling | undefined> {
  const waarde = await redis.get(`leerling:${uuid}`);
  return waarde === null ? undefined : (JSON.parse(waarde) as Leerling);
}
