/**
 * Reads the zorgdossier from Magister, where the school keeps it ('Gegevens met betrekking tot ... zorg worden in
 * Magister opgeslagen'). This module is the only place that may: the catalogue authorises src/zorg/**.
 */
import { MAGISTER_URL } from '../config';
import type { Leerling } from '../domain/leerling';
import { auditLog } from '../logging';
import type { Handelingsplan, Zorgdossier } from './types';

export async function haalZorgdossier(leerling: Pick<Leerling, 'uuid' | 'leerlingnummer'>, medewerker: string): Promise<Zorgdossier> {
  const response = await fetch(`${MAGISTER_URL}/api/zorg/leerlingen/${leerling.uuid}/dossier`, {
    headers: { Authorization: `Bearer ${process.env['MAGISTER_TOKEN'] ?? ''}` },
  });
  if (!response.ok) throw new Error(`Magister antwoordde ${response.status} op het zorgdossier van ${leerling.uuid}`);
  // eslint-disable-next-line avglint/no-personal-data-in-logs -- audit trail van inzage in het zorgdossier (PV: 'Loggegevens over gebruik van de systemen'); het bestand lezen alleen FG en zorgcoördinator
  auditLog.info('zorgdossier ingezien', { leerlingnummer: leerling.leerlingnummer, medewerker });
  return (await response.json()) as Zorgdossier;
}

/** Right: reading the handelingsplan here is what the zorg module is for. */
export async function lopendeHandelingsplannen(leerlingen: readonly Pick<Leerling, 'uuid' | 'leerlingnummer'>[], medewerker: string): Promise<Handelingsplan[]> {
  const plannen: Handelingsplan[] = [];
  for (const leerling of leerlingen) {
    const dossier = await haalZorgdossier(leerling, medewerker);
    const plan = dossier.handelingsplan;
    if (plan !== undefined && (plan.einddatum === undefined || plan.einddatum >= vandaag())) plannen.push(plan);
  }
  return plannen;
}

function vandaag(): string {
  return new Date().toISOString().slice(0, 10);
}
