/**
 * Page views of the ouderportaal to Google Analytics (Measurement Protocol). The privacyverklaring promises 'anoniem
 * data te vergaren' and no tracking cookies: GA gets a pseudonym, never the account name.
 */
import { GA_MEASUREMENT_URL } from '../config';
import { pseudonimiseer } from '../privacy/pseudonimisering';

const GA_METING = process.env['GA_MEASUREMENT_ID'] ?? '';
const GA_GEHEIM = process.env['GA_API_SECRET'] ?? '';

/** Right: the client id is a keyed pseudonym of the account, so GA cannot tell who visited. */
export async function registreerPaginaweergave(gebruikersnaam: string, pagina: string): Promise<void> {
  const meting = { client_id: pseudonimiseer(gebruikersnaam), events: [{ name: 'page_view', params: { page_location: pagina } }] };
  await fetch(`${GA_MEASUREMENT_URL}?measurement_id=${GA_METING}&api_secret=${GA_GEHEIM}`, { method: 'POST', body: JSON.stringify(meting) });
}
