import "server-only";
import { cookies, headers } from "next/headers";
import { defaultLocale, isLocale, LOCALE_COOKIE, messagesFor, type Locale, type Messages } from "./index";

/** The language of this request: the resident's choice (cookie), else Dutch. */
export async function getLocale(): Promise<Locale> {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  return isLocale(chosen) ? chosen : defaultLocale;
}

/** The language and texts of this request. */
export async function getMessages(): Promise<{ locale: Locale; t: Messages }> {
  const locale = await getLocale();
  return { locale, t: messagesFor(locale) };
}

/** The path of this request (set by proxy.ts), for "back to where you were" links. */
export async function currentPath(): Promise<string> {
  return (await headers()).get("x-pathname") ?? "/";
}
