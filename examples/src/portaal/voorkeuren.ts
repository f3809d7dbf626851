/**
 * Browser code of the ouderportaal: what it remembers between visits on the parent's device.
 */
import type { Leerling } from '../domain/leerling';

/** Right: a display preference is not personal data. */
export function bewaarThema(thema: 'licht' | 'donker'): void {
  localStorage.setItem('portaal.thema', thema);
}

export function onthoudGekozenKind(kind: Leerling): void {
  // Wrong: localStorage keeps the child's whole record — BSN, address, date of birth — on a possibly shared device,
  // with no end date. Remember `kind.uuid` and fetch the rest from the server.
  localStorage.setItem('portaal.gekozenKind', JSON.stringify(kind)); // expect: avglint/require-retention
}
