"use client";
import { createContext, useContext, type ReactNode } from "react";
import { defaultLocale, messagesFor, type Locale, type Messages } from "@/lib/i18n";

interface I18nValue {
  locale: Locale;
  t: Messages;
  /** The municipality's phone number, for error pages rendered in the browser. */
  phone: string;
}

const I18nContext = createContext<I18nValue>({ locale: defaultLocale, t: messagesFor(defaultLocale), phone: "" });

/** Gives client components (error pages, interactive widgets) the texts of the request's language. */
export function I18nProvider({ locale, phone, children }: { locale: Locale; phone: string; children: ReactNode }) {
  return <I18nContext.Provider value={{ locale, t: messagesFor(locale), phone }}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  return useContext(I18nContext);
}
