import { addDays, isoDate, weekday, type IsoDate, type Language } from "./calendar";

/**
 * The "algemeen erkende feestdagen" of the Algemene termijnenwet (Atw, BWBR0002448), computed
 * per year. Pure module.
 *
 * Art. 3 lid 1 Atw names: Nieuwjaarsdag, de Christelijke tweede Paas- en Pinksterdag, de beide
 * Kerstdagen, de Hemelvaartsdag, de dag waarop de verjaardag van de Koning wordt gevierd, en de
 * vijfde mei. Art. 3 lid 2 equates Goede Vrijdag with them "voor de toepassing van deze wet", so
 * it counts here exactly like the others. Art. 3 lid 3 lets the Crown equate further days by
 * Royal decree, published in the Staatscourant: those are data (table `equated_days`, see
 * lib/deadlines/known-equated-days.ts), not rules, and are passed to the term functions.
 *
 * - 5 May counts every year: the law says "de vijfde mei" without condition (added to art. 3 by
 *   the amendment following the proclamation of 5 May as national holiday, 1981-1990). That it
 *   is a paid day off only once every five years in many collective agreements does not matter
 *   for terms.
 * - The King's birthday is celebrated on 27 April, or on Saturday 26 April when 27 April is a
 *   Sunday (Koningsdag since 2014). Earlier years had Koninginnedag on another date, so this
 *   module refuses years before 2014 rather than give a wrong answer.
 * - Easter follows the Gregorian computus (the anonymous "Meeus/Jones/Butcher" algorithm);
 *   Good Friday is Easter - 2, Easter Monday + 1, Ascension Day + 39, Whit Monday + 50.
 *   Easter Sunday and Whit Sunday are Sundays, which count anyway.
 */

/** The first year this module answers for (Koningsdag on 27 April since 2014). */
export const FIRST_SUPPORTED_YEAR = 2014;
/** The last year; far enough for any term, near enough that nobody mistakes it for a promise. */
export const LAST_SUPPORTED_YEAR = 2199;

export const holidayKinds = [
  "newYear",
  "goodFriday",
  "easterMonday",
  "kingsDay",
  "liberationDay",
  "ascensionDay",
  "whitMonday",
  "christmasDay",
  "boxingDay",
] as const;
export type HolidayKind = (typeof holidayKinds)[number];

export interface Holiday {
  date: IsoDate;
  kind: HolidayKind;
}

/** Names as the law and residents use them. */
export const holidayNames: Record<Language, Record<HolidayKind, string>> = {
  nl: {
    newYear: "Nieuwjaarsdag",
    goodFriday: "Goede Vrijdag",
    easterMonday: "Tweede Paasdag",
    kingsDay: "Koningsdag",
    liberationDay: "Bevrijdingsdag (5 mei)",
    ascensionDay: "Hemelvaartsdag",
    whitMonday: "Tweede Pinksterdag",
    christmasDay: "Eerste Kerstdag",
    boxingDay: "Tweede Kerstdag",
  },
  en: {
    newYear: "New Year's Day",
    goodFriday: "Good Friday",
    easterMonday: "Easter Monday",
    kingsDay: "King's Day",
    liberationDay: "Liberation Day (5 May)",
    ascensionDay: "Ascension Day",
    whitMonday: "Whit Monday",
    christmasDay: "Christmas Day",
    boxingDay: "Boxing Day",
  },
};

function assertSupportedYear(year: number): void {
  if (!Number.isInteger(year) || year < FIRST_SUPPORTED_YEAR || year > LAST_SUPPORTED_YEAR) {
    throw new RangeError(`Holidays are known for ${FIRST_SUPPORTED_YEAR}-${LAST_SUPPORTED_YEAR}, not for ${year}`);
  }
}

/** Easter Sunday in the Gregorian calendar (anonymous Gregorian algorithm). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoDate(year, month, day);
}

/** The day the King's birthday is celebrated: 27 April, or Saturday 26 April when the 27th is a Sunday. */
export function kingsDay(year: number): IsoDate {
  assertSupportedYear(year);
  const the27th = isoDate(year, 4, 27);
  return weekday(the27th) === 0 ? isoDate(year, 4, 26) : the27th;
}

const cache = new Map<number, readonly Holiday[]>();

/** Every Atw holiday of a year (art. 3 lid 1 and 2), in date order. */
export function holidaysOf(year: number): readonly Holiday[] {
  assertSupportedYear(year);
  const known = cache.get(year);
  if (known) return known;
  const easter = easterSunday(year);
  const list: Holiday[] = [
    { date: isoDate(year, 1, 1), kind: "newYear" },
    { date: addDays(easter, -2), kind: "goodFriday" },
    { date: addDays(easter, 1), kind: "easterMonday" },
    { date: kingsDay(year), kind: "kingsDay" },
    { date: isoDate(year, 5, 5), kind: "liberationDay" },
    { date: addDays(easter, 39), kind: "ascensionDay" },
    { date: addDays(easter, 50), kind: "whitMonday" },
    { date: isoDate(year, 12, 25), kind: "christmasDay" },
    { date: isoDate(year, 12, 26), kind: "boxingDay" },
  ].sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0)) as Holiday[];
  const frozen = Object.freeze(list);
  cache.set(year, frozen);
  return frozen;
}

/**
 * The holidays falling on a date. Usually none or one; two when Ascension Day falls on
 * 5 May (as in 2016 and 2078), or on King's Day.
 */
export function holidaysOn(date: IsoDate): Holiday[] {
  return holidaysOf(Number(date.slice(0, 4))).filter((h) => h.date === date);
}
