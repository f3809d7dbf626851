/**
 * Builds the account the uitgeverij creates for a pupil (roughly the UWLR `leerling` element).
 */
import type { Leerling } from '../domain/leerling';
import { toEckId } from '../privacy/pseudonimisering';

export interface UitgeverijAccount {
  eckid: string;
  roepnaam: string;
  achternaam: string;
  klas?: string;
  externId?: string;
}

export function maakAccountPayload(leerling: Leerling): UitgeverijAccount {
  return {
    eckid: toEckId(leerling),
    roepnaam: leerling.roepnaam,
    achternaam: leerling.achternaam,
    klas: leerling.stamgroep,
    // Looks harmless here, but this is the BSN: the uitgeverij asked for "a stable external id" and the BSN was at hand.
    // The finding is reported where the payload is sent (leermiddelen/resultaten.ts).
    externId: leerling.BSN,
  };
}
