/**
 * Consent as the school records it in Somtoday (toestemmingsvelden per leerling). The catalogue names
 * `heeftToestemming` as the consent check: a transfer to a recipient whose grondslag is toestemming must be guarded by it.
 */
import { SOMTODAY_API_URL, VESTIGING_UUID } from '../config';
import { haalToken } from '../somtoday/client';

interface VeldWaarde {
  veld: { naam: string };
  waarde: string;
}

/** Whether the parents (or the pupil, from 16) gave consent for sharing with `ontvanger`, a processor id from the catalogue. */
export async function heeftToestemming(leerlingUuid: string, ontvanger: string): Promise<boolean> {
  const token = await haalToken(process.env['SOMTODAY_CLIENT_ID'] ?? '', process.env['SOMTODAY_CLIENT_SECRET'] ?? '');
  const response = await fetch(`${SOMTODAY_API_URL}/connect/vestiging/${VESTIGING_UUID}/leerling/${leerlingUuid}/veldwaardes`, {
    headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
  });
  if (!response.ok) return false;
  const waarden = (await response.json()) as VeldWaarde[];
  return waarden.some((w) => w.veld.naam === `toestemming-${ontvanger}` && w.waarde === 'true');
}
