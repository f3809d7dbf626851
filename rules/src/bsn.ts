/**
 * The checks Dutch national identifying numbers carry. A BSN (burgerservicenummer) passes the elfproef; an
 * onderwijsnummer (used when a pupil has no BSN) passes the same weighted sum with remainder 5. Both are 9 digits;
 * an 8-digit BSN is written without its leading zero and is padded before checking.
 */

/** Which check a number passes, in the words the FG and DUO use. */
export type IdentifierCheck = 'BSN-elfproef' | 'onderwijsnummercontrole';

/** 9·d1 + 8·d2 + … + 2·d8 − 1·d9 over exactly nine digits. */
function weightedSum(nineDigits: string): number {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (9 - i) * Number(nineDigits[i]);
  return sum - Number(nineDigits[8]);
}

/** Pads an 8-digit number to 9 digits; returns undefined for anything that is not 8 or 9 ASCII digits. */
export function padIdentifier(digits: string): string | undefined {
  if (!/^[0-9]{8,9}$/.test(digits)) return undefined;
  return digits.length === 8 ? `0${digits}` : digits;
}

/** Whether `digits` (8 or 9 digits, nothing else) is a possible BSN: it passes the elfproef and is not all zeros. */
export function isValidBsn(digits: string): boolean {
  const padded = padIdentifier(digits);
  if (padded === undefined || padded === '000000000') return false;
  return mod11(weightedSum(padded)) === 0;
}

/** Whether `digits` is a possible onderwijsnummer: nine digits starting with `10`, weighted sum ≡ 5 (mod 11). */
export function isValidOnderwijsnummer(digits: string): boolean {
  if (!/^10[0-9]{7}$/.test(digits)) return false;
  return mod11(weightedSum(digits)) === 5;
}

/** The check a number passes, if any. The two are exclusive: a sum cannot be both 0 and 5 modulo 11. */
export function identifierCheck(digits: string): IdentifierCheck | undefined {
  if (isValidBsn(digits)) return 'BSN-elfproef';
  if (isValidOnderwijsnummer(digits)) return 'onderwijsnummercontrole';
  return undefined;
}

/** A true modulo: the weighted sum can be negative only in theory (d9 is at most 9), but be safe. */
function mod11(n: number): number {
  return ((n % 11) + 11) % 11;
}
