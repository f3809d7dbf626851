/**
 * Sharing the handelingsplan with the external zorgpartner. Its grondslag in the catalogue is toestemming of the
 * parents, so every transfer must be guarded by `heeftToestemming`.
 */
import got from 'got';
import { ZORGPARTNER_URL } from '../config';
import type { Leerling } from '../domain/leerling';
import { heeftToestemming } from './toestemming';
import type { Zorgdossier } from './types';

/** Right: nothing leaves without the recorded consent. */
export async function deelHandelingsplan(leerling: Leerling, dossier: Zorgdossier): Promise<boolean> {
  if (await heeftToestemming(leerling.uuid, 'externe-zorgpartner')) {
    const verwijzing = { roepnaam: leerling.roepnaam, achternaam: leerling.achternaam, handelingsplan: dossier.handelingsplan };
    await got.post(`${ZORGPARTNER_URL}/handelingsplannen`, { json: verwijzing });
    return true;
  }
  return false;
}

export async function meldAanBijZorgpartner(leerling: Leerling, dossier: Zorgdossier): Promise<void> {
  const aanmelding = {
    roepnaam: leerling.roepnaam,
    achternaam: leerling.achternaam,
    geboortedatum: leerling.geboortedatum,
    handelingsplan: dossier.handelingsplan,
  };
  // Wrong: the zorgpartner may only receive this with the parents' consent, and nobody checked it. Wrap the call in
  // `if (await heeftToestemming(leerling.uuid, 'externe-zorgpartner'))` as deelHandelingsplan does.
  await got.post(`${ZORGPARTNER_URL}/aanmeldingen`, { json: aanmelding }); // expect: avglint/require-consent-check
}
