/**
 * Bewaartermijnen are ISO 8601 durations in days, weeks, months and years (`P2Y`, `P6M`, `P4W`, `P30D`, `P1Y6M`).
 * Times of day (`PT12H`) are not retention terms a privacy statement uses, so they are not accepted.
 */

const DURATION = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/;

/** Days per year and month, averaged over the Gregorian calendar, so terms can be compared. */
const DAYS_PER_YEAR = 365.25;
const DAYS_PER_MONTH = 30.44;

export interface ParsedDuration {
  readonly years: number;
  readonly months: number;
  readonly weeks: number;
  readonly days: number;
  /** The whole duration in days (years count 365.25 days, months 30.44). */
  readonly totalDays: number;
}

/** Parses `PnYnMnWnD`; returns undefined for anything else (including a bare `P`). */
export function parseDuration(text: string): ParsedDuration | undefined {
  const match = DURATION.exec(text);
  if (!match || text === 'P') return undefined;
  const [years, months, weeks, days] = [match[1], match[2], match[3], match[4]].map((part) => (part === undefined ? 0 : Number(part))) as [
    number,
    number,
    number,
    number,
  ];
  return { years, months, weeks, days, totalDays: years * DAYS_PER_YEAR + months * DAYS_PER_MONTH + weeks * 7 + days };
}

/** Parses a calendar date `YYYY-MM-DD` that exists (no 31 February); returns it as UTC midnight. */
export function parseIsoDate(text: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date;
}
