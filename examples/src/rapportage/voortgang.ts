/**
 * The voortgangsrapport that ouders see in the ouderportaal: averages per toets period, and points of attention.
 */
import type { Leerling, Toetsresultaat } from '../domain/leerling';
import { haalZorgdossier } from '../zorg/dossier';

export interface Voortgangsrapport {
  leerlingUuid: string;
  periode: string;
  gemiddelde: number;
  aandachtspunten: string[];
}

/** Right: a weighted average of the toetsresultaten, which the rapportage may read. */
export function gewogenGemiddelde(resultaten: readonly Toetsresultaat[]): number {
  const gewicht = resultaten.reduce((som, r) => som + r.weging, 0);
  if (gewicht === 0) return 0;
  return Math.round((resultaten.reduce((som, r) => som + r.cijfer * r.weging, 0) / gewicht) * 10) / 10;
}

export async function maakVoortgangsrapport(
  leerling: Leerling,
  periode: string,
  resultaten: readonly Toetsresultaat[],
  medewerker: string,
): Promise<Voortgangsrapport> {
  // Wrong: the rapportage reads the goals of the handelingsplan, which is part of the speciaal zorgdossier. Only the
  // zorg module (src/zorg/) may read it; ouders see these goals in the zorggesprek, not in the voortgangsrapport.
  const aandachtspunten = (await haalZorgdossier(leerling, medewerker)).handelingsplan?.doelen ?? []; // expect: avglint/no-unauthorised-access
  return { leerlingUuid: leerling.uuid, periode, gemiddelde: gewogenGemiddelde(resultaten), aandachtspunten };
}
