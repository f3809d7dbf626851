/**
 * The leermiddelen koppeling: pupils get an account and a licence at the uitgeverij, and toetsresultaten go there so
 * the method can adapt to the pupil ('leerstof ... afgestemd op de specifieke leerbehoefte').
 */
import type { Leerling, Toetsresultaat } from '../domain/leerling';
import { toEckId } from '../privacy/pseudonimisering';
import { leermiddelenApi } from './api';
import { maakAccountPayload } from './payload';

/** Right: the uitgeverij knows the pupil by ECK iD, name and klas, as the catalogue allows. */
export async function registreerBijUitgeverij(leerling: Leerling): Promise<void> {
  const account = { eckid: toEckId(leerling), roepnaam: leerling.roepnaam, achternaam: leerling.achternaam, klas: leerling.stamgroep };
  await leermiddelenApi.put(`/accounts/${encodeURIComponent(account.eckid)}`, account);
}

/** Right: results are keyed by ECK iD only. */
export async function stuurToetsresultaten(leerling: Leerling, resultaten: readonly Toetsresultaat[]): Promise<void> {
  const eckid = toEckId(leerling);
  const regels = resultaten.map((r) => ({ toets: r.toetsCode, cijfer: r.cijfer, weging: r.weging }));
  await leermiddelenApi.post('/resultaten', { eckid, resultaten: regels });
}

export async function koppelDocent(leerling: Leerling, docentCode: string): Promise<void> {
  // Wrong: the BSN is in the payload. The uitgeverij may not receive it (AVG art. 87, UAVG art. 46); send the ECK iD.
  await leermiddelenApi.post('/koppelingen', { bsn: leerling.BSN, docent: docentCode }); // expect: avglint/no-unauthorised-transfer
}

export async function vraagLicentieAan(leerling: Leerling, methode: string): Promise<void> {
  // Wrong: the whole Somtoday record goes to the uitgeverij, with three things it may not receive: the BSN, the address
  // and the leerlingnummer (one finding for the call, naming all three). Pick the fields the licence needs (ECK iD and klas).
  await leermiddelenApi.post(`/methodes/${methode}/licenties`, leerling); // expect: avglint/no-unauthorised-transfer
}

export async function maakAccount(leerling: Leerling): Promise<void> {
  // Wrong: maakAccountPayload (payload.ts) puts the BSN in `externId`, so this sends the BSN to the uitgeverij.
  await leermiddelenApi.post('/accounts', maakAccountPayload(leerling)); // expect: avglint/no-unauthorised-transfer
}
