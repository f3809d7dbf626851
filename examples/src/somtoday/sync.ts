/**
 * Nightly sync: pupils from Somtoday into the local store, then on to the leermiddelen koppeling.
 */
import { SLACK_WEBHOOK_URL, VESTIGING_UUID } from '../config';
import type { Leerling } from '../domain/leerling';
import { registreerBijUitgeverij } from '../leermiddelen/resultaten';
import { logger } from '../logging';
import { bewaarLeerling } from '../store/database';
import { haalLeerlingen, haalToken } from './client';

export async function synchroniseerLeerlingen(vestigingUuid = VESTIGING_UUID): Promise<number> {
  const token = await haalToken(process.env['SOMTODAY_CLIENT_ID'] ?? '', process.env['SOMTODAY_CLIENT_SECRET'] ?? '');
  const leerlingen = await haalLeerlingen(token, vestigingUuid);
  let bijgewerkt = 0;
  for (const leerling of leerlingen) {
    try {
      await verwerk(leerling);
      bijgewerkt += 1;
    } catch (fout) {
      await meldFout(leerling, fout);
    }
  }
  // Right: counts and the vestiging's id, nothing about a pupil.
  logger.info({ vestigingUuid, aantal: leerlingen.length, bijgewerkt }, 'Somtoday-synchronisatie klaar');
  return bijgewerkt;
}

async function verwerk(leerling: Leerling): Promise<void> {
  if (leerling.eckid === undefined) {
    // Right: Somtoday's uuid identifies the record for whoever investigates, without saying who the pupil is.
    logger.warn({ leerlingUuid: leerling.uuid }, 'Leerling zonder ECK iD: niet doorgezet naar de uitgeverij');
    return;
  }
  await bewaarLeerling(leerling);
  await registreerBijUitgeverij(leerling);
  // Wrong: this writes the whole Somtoday record to the log — BSN, ECK iD, leerlingnummer, name, address, e-mail, date
  // of birth and klas, one finding per category. Log `leerling.uuid` instead.
  logger.info({ leerling }, 'Leerling bijgewerkt'); // expect: avglint/no-personal-data-in-logs
}

async function meldFout(leerling: Leerling, fout: unknown): Promise<void> {
  const reden = fout instanceof Error ? fout.name : 'onbekend';
  // Wrong: the pupil's name goes to Slack, which is not a recipient in the catalogue (no verwerkersovereenkomst, no
  // grondslag). Post the uuid and let the reader look the pupil up in Somtoday.
  const bericht = { text: `Synchronisatie mislukt (${reden}) voor ${leerling.roepnaam} ${leerling.achternaam}` };
  await fetch(SLACK_WEBHOOK_URL, { method: 'POST', body: JSON.stringify(bericht) }); // expect: avglint/no-unauthorised-transfer
  // Wrong: the rule is switched off without a reason, so the FG cannot review why this exception is acceptable.
  /* eslint-disable-next-line avglint/no-personal-data-in-logs */ // expect: avglint/require-suppression-reason
  console.error(`Synchronisatie mislukt voor ${leerling.roepnaam} ${leerling.achternaam}`, fout);
}
