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

/** A date as residents read it: "28 november 2026", in Europe/Amsterdam. */
export function formatDate(date: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === "nl" ? "nl-NL" : "en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Amsterdam" }).format(date);
}

/** A moment as residents read it: "28 november 2026 om 14:05", in Europe/Amsterdam. */
export function formatDateTime(date: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === "nl" ? "nl-NL" : "en-GB", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Amsterdam" }).format(date);
}
