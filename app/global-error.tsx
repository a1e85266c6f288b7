"use client";
import { format, messagesFor } from "@/lib/i18n";

const nl = messagesFor("nl").errors;
const en = messagesFor("en").errors;

/**
 * The last resort when even the root layout failed: its own document, no stylesheet, no
 * branding (both may be what failed), short text in Dutch and English.
 */
export default function GlobalError({ error }: { error: unknown; retry?: () => void }) {
  const digest = typeof error === "object" && error !== null && "digest" in error ? String((error as { digest: unknown }).digest) : undefined;
  const database = digest === "DATABASE_UNAVAILABLE";
  return (
    <html lang="nl">
      <head>
        <title>{`${database ? nl.databaseTitle : nl.serverTitle} / ${database ? en.databaseTitle : en.serverTitle}`}</title>
      </head>
      <body style={{ margin: 0, fontFamily: "Arial, Helvetica, sans-serif", fontSize: "1.125rem", lineHeight: 1.6, color: "#1b1b1b", background: "#ffffff" }}>
        <main style={{ maxWidth: "40rem", margin: "0 auto", padding: "2rem 1rem" }}>
          <h1 style={{ fontSize: "2rem", lineHeight: 1.25 }}>{database ? nl.databaseTitle : nl.serverTitle}</h1>
          <p>{nl.serverText}</p>
          <p>
            {/* A full page load on purpose: the root layout failed, so client navigation cannot be trusted. */}
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
            <a href="/" style={{ color: "#1a5f8a" }}>
              {nl.toHome}
            </a>
          </p>
          <hr style={{ margin: "2rem 0", border: 0, borderTop: "1px solid #b1b4b6" }} />
          <section lang="en">
            <h2 style={{ fontSize: "1.5rem", lineHeight: 1.3 }}>{database ? en.databaseTitle : en.serverTitle}</h2>
            <p>{en.serverText}</p>
            <p>
              {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
              <a href="/" style={{ color: "#1a5f8a" }}>
                {en.toHome}
              </a>
            </p>
          </section>
          {digest ? <p style={{ color: "#4a4a4a", fontSize: "1rem" }}>{format(nl.reference, { digest })}</p> : null}
        </main>
      </body>
    </html>
  );
}
