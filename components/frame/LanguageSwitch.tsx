import type { Messages } from "@/lib/i18n";

/** Switches between Dutch and English. A plain form, so it works without JavaScript. */
export function LanguageSwitch({ t, path }: { t: Messages; path: string }) {
  return (
    <form method="post" action="/api/taal" className="m-0">
      <input type="hidden" name="taal" value={t.frame.switchToLang} />
      <input type="hidden" name="terug" value={path} />
      <button type="submit" lang={t.frame.switchToLang} aria-label={t.frame.switchToLabel} className="cursor-pointer rounded border-2 border-brand px-3 py-1 font-semibold text-brand underline-offset-2 hover:underline">
        {t.frame.switchTo}
      </button>
    </form>
  );
}
