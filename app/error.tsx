"use client";
import { useI18n } from "@/components/frame/I18nProvider";
import { Button } from "@/components/ui/Button";
import { FormattedText } from "@/components/ui/FormattedText";
import { PhoneLink } from "@/components/ui/PhoneLink";
import { format } from "@/lib/i18n";

/** The digest Next.js passes along: ours ("DATABASE_UNAVAILABLE") or a hash that matches the server log line. */
function digestOf(error: unknown): string | undefined {
  const digest = typeof error === "object" && error !== null && "digest" in error ? (error as { digest: unknown }).digest : undefined;
  return typeof digest === "string" && digest !== "" ? digest : undefined;
}

/**
 * The page shown when a page fails on the server (500), inside the site's frame. When the
 * database cannot be reached it says so and points to the phone, and that a term running out
 * now is not held against the resident (R23). Next.js renders error boundaries in the browser
 * only: without JavaScript the server's answer is Next's empty 500 document.
 */
export default function ErrorPage({ error, retry, reset }: { error: unknown; retry?: () => void; reset?: () => void }) {
  const { t, phone } = useI18n();
  const digest = digestOf(error);
  const database = digest === "DATABASE_UNAVAILABLE";
  const title = database ? t.errors.databaseTitle : t.errors.serverTitle;
  return (
    <>
      <title>{title}</title>
      <h1>{title}</h1>
      {database ? (
        <>
          <p>
            <FormattedText text={t.errors.databaseText} values={{ phone: phone ? <PhoneLink phone={phone} /> : "" }} />
          </p>
          <p>{t.errors.deadlineNote}</p>
        </>
      ) : (
        <p>{t.errors.serverText}</p>
      )}
      <div className="my-6 flex flex-wrap items-center gap-6">
        {/* retry() fetches the page again from the server; reset() only re-renders what the browser has. */}
        <Button type="button" onClick={() => (retry ?? reset)?.()}>
          {t.errors.tryAgain}
        </Button>
        {/* A full page load on purpose: nothing of the failed page's state is carried along. */}
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
        <a href="/">{t.errors.toHome}</a>
      </div>
      {digest ? <p className="text-base text-muted">{format(t.errors.reference, { digest })}</p> : null}
    </>
  );
}
