/**
 * Time as whole seconds since the epoch, and the UTC day a second falls in. Events are buffered
 * and written one UTC day at a time, so formatting only needs the day's date once and the
 * time of day per event (toISOString per event costs more than the rest of a line).
 */

export const DAY = 86_400;
export const HOUR = 3_600;
export const MINUTE = 60;

const TWO_DIGITS = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));

export function dayOf(seconds: number): number {
  return Math.floor(seconds / DAY);
}

/**
 * `YYYY-MM-DD` of a UTC day number (days since 1970-01-01), by arithmetic rather than a Date
 * object per call (H. Hinnant's civil_from_days), for dates from year 0 to 9999.
 */
export function civilDate(day: number): string {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${TWO_DIGITS[m]}-${TWO_DIGITS[d]}`;
}

/** `YYYY-MM-DDT` of a UTC day number. */
export function datePrefix(day: number): string {
  return `${civilDate(day)}T`;
}

/** `HH:MM:SS.000Z` of a second within its day. */
export function timeOfDay(secondOfDay: number): string {
  const h = Math.floor(secondOfDay / HOUR);
  const m = Math.floor((secondOfDay % HOUR) / MINUTE);
  return `${TWO_DIGITS[h]}:${TWO_DIGITS[m]}:${TWO_DIGITS[secondOfDay % MINUTE]}.000Z`;
}

/** The ISO 8601 text of a whole second, as Date#toISOString writes it. */
export function isoSeconds(seconds: number): string {
  const day = dayOf(seconds);
  return datePrefix(day) + timeOfDay(seconds - day * DAY);
}
