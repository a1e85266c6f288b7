/**
 * Calendar dates as ISO strings ("2026-05-14"), with arithmetic on whole days. A calendar date
 * has no time and no time zone: a term ends on a day, the same day everywhere. Internally a date
 * is a day number (days since 1970-01-01, counted in UTC), so no local time zone or daylight
 * saving change can ever shift a day. Pure module.
 */

/** A calendar date written YYYY-MM-DD. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** True when the text is a date that exists, written YYYY-MM-DD ("2026-02-30" is not). */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== "string") return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** The parts of an ISO date; throws on text that is not one, so a mistake never passes silently. */
export function dateParts(date: IsoDate): { year: number; month: number; day: number } {
  if (!isIsoDate(date)) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${String(date)}`);
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

/** The ISO date of a year, month (1-12) and day; throws when that day does not exist. */
export function isoDate(year: number, month: number, day: number): IsoDate {
  const text = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  if (!isIsoDate(text)) throw new RangeError(`No such day: ${text}`);
  return text;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** The number of days in a month (1-12). */
export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

function toDayNumber(date: IsoDate): number {
  const { year, month, day } = dateParts(date);
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

function fromDayNumber(n: number): IsoDate {
  const d = new Date(n * MS_PER_DAY);
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** The date `days` days later (earlier when negative). */
export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/**
 * The date `months` months later (earlier when negative), on the day with the same number; when
 * the target month is shorter, its last day (31 January + 1 month = 28 or 29 February). This is
 * how a term in months ends in Dutch law: on the day with the same number as the day of the
 * event, or the last day of the month when there is no such day.
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = dateParts(date);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  return isoDate(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

/** The number of days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** 0 = Sunday, 1 = Monday, ..., 6 = Saturday. */
export function weekday(date: IsoDate): number {
  // 1970-01-01 was a Thursday (4).
  return (((toDayNumber(date) + 4) % 7) + 7) % 7;
}

export function isWeekend(date: IsoDate): boolean {
  const w = weekday(date);
  return w === 0 || w === 6;
}

/** Compares two ISO dates (their text order is their calendar order). */
export function compareDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Made once: building an Intl formatter costs far more than using one. */
const amsterdamDay = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam", year: "numeric", month: "2-digit", day: "2-digit" });

/** Today's date in Europe/Amsterdam at the given moment: 23:30 UTC on 31 December is already 1 January there. */
export function todayInAmsterdam(now: Date): IsoDate {
  const parts = amsterdamDay.formatToParts(now);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return isoDate(get("year"), get("month"), get("day"));
}

const WEEKDAYS = {
  nl: ["zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"],
  en: ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
} as const;
const MONTHS = {
  nl: ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"],
  en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
} as const;

export type Language = "nl" | "en";

/** The name of the day of the week: "donderdag" / "Thursday". */
export function weekdayName(date: IsoDate, language: Language): string {
  return WEEKDAYS[language][weekday(date)]!;
}

/** A date as people read it, with its day of the week: "donderdag 14 mei 2026" / "Thursday 14 May 2026". */
export function longDate(date: IsoDate, language: Language): string {
  const { year, month, day } = dateParts(date);
  return `${weekdayName(date, language)} ${day} ${MONTHS[language][month - 1]} ${year}`;
}
