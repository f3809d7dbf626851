/**
 * Reads pupils from Somtoday Connect with the client-credentials flow. Reading is not a transfer: the request carries
 * only the koppeling's own credentials and the vestiging.
 */
import { SOMTODAY_API_URL, SOMTODAY_TOKEN_URL } from '../config';
import type { Leerling } from '../domain/leerling';

interface TokenResponse {
  access_token: string;
  expires_in: number;
}

interface LeerlingResponse {
  leerlingen: Leerling[];
}

export async function haalToken(clientId: string, clientSecret: string): Promise<string> {
  const response = await fetch(SOMTODAY_TOKEN_URL, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret }),
  });
  if (!response.ok) throw new Error(`Somtoday weigerde het token (${response.status})`);
  const token = (await response.json()) as TokenResponse;
  return token.access_token;
}

/** One page of pupils with an active plaatsing in the peilschooljaar. Somtoday pages with `Range: items=0-99`. */
export async function haalLeerlingen(token: string, vestigingUuid: string, vanaf = 0): Promise<Leerling[]> {
  const url = new URL(`${SOMTODAY_API_URL}/connect/vestiging/${vestigingUuid}/leerling`);
  url.searchParams.set('peilschooljaar', String(huidigSchooljaar()));
  const response = await fetch(url, {
    headers: { Authorization: `Bearer ${token}`, Accept: 'application/json', Range: `items=${vanaf}-${vanaf + 99}` },
  });
  if (!response.ok) throw new Error(`Somtoday antwoordde ${response.status} op de leerlingen van ${vestigingUuid}`);
  const body = (await response.json()) as LeerlingResponse;
  return body.leerlingen;
}

/** The school year starts on 1 August; Somtoday names it by its first calendar year. */
function huidigSchooljaar(vandaag = new Date()): number {
  return vandaag.getMonth() >= 7 ? vandaag.getFullYear() : vandaag.getFullYear() - 1;
}
