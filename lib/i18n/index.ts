import { en } from "./messages/en";
import { nl, type Messages } from "./messages/nl";

/**
 * Texts in two languages: Dutch (default) and English. Pure module, usable on the server and in
 * client components; the locale of a request comes from lib/i18n/server.ts.
 */

export const locales = ["nl", "en"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "nl";
export const LOCALE_COOKIE = "taal";

export type { Messages };

const catalogues: Record<Locale, Messages> = { nl, en };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

/** The texts of one language. */
export function messagesFor(locale: Locale): Messages {
  return catalogues[locale];
}

/** Fills {placeholders} in a text; unknown placeholders are left visible so a mistake shows. */
export function format(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (Object.hasOwn(values, key) ? String(values[key]) : whole));
}

/**
 * One formatter per language and style, made on first use: building an Intl formatter costs far
 * more than using one (a list of twenty messages would otherwise build forty).
 */
function memoByLocale<T>(make: (tag: "nl-NL" | "en-GB") => T): (locale: Locale) => T {
  const made = new Map<Locale, T>();
  return (locale) => {
    let value = made.get(locale);
    if (value === undefined) {
      value = make(locale === "nl" ? "nl-NL" : "en-GB");
      made.set(locale, value);
    }
    return value;
  };
}

const dateFormat = memoByLocale((tag) => new Intl.DateTimeFormat(tag, { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Amsterdam" }));
const dateTimeFormat = memoByLocale((tag) => new Intl.DateTimeFormat(tag, { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Amsterdam" }));
const numberFormats = [0, 1, 2].map((digits) => memoByLocale((tag) => new Intl.NumberFormat(tag, { maximumFractionDigits: digits })));

/** A date as residents read it: "28 november 2026", in Europe/Amsterdam. */
export function formatDate(date: Date, locale: Locale): string {
  return dateFormat(locale).format(date);
}

/** A moment as residents read it: "28 november 2026 om 14:05", in Europe/Amsterdam. */
export function formatDateTime(date: Date, locale: Locale): string {
  return dateTimeFormat(locale).format(date);
}

/** A number in the reader's language ("1,2" in Dutch), with at most 0, 1 or 2 decimals. */
export function formatNumber(n: number, locale: Locale, maximumFractionDigits: 0 | 1 | 2 = 0): string {
  return numberFormats[maximumFractionDigits]!(locale).format(n);
}
