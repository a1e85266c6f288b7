"use client";
import { usePathname } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { useI18n } from "@/components/frame/I18nProvider";
import { format } from "@/lib/i18n";

const WARN_SECONDS = 120;

/**
 * Warns two minutes before the session ends for lack of activity (R28), with "Blijf ingelogd".
 * At the deadline it asks the server (which ends the session only when it agrees) and then goes
 * to the login page, which says why. Without JavaScript the server does the same on the next
 * request, so this is only a courtesy.
 */
export function IdleWarning({ deadline, idleSeconds, loginPath }: { deadline: string; idleSeconds: number; loginPath: string }) {
  const { t, locale } = useI18n();
  const pathname = usePathname();
  const [until, setUntil] = useState(() => new Date(deadline).getTime());
  const [now, setNow] = useState(() => Date.now());
  const [announce, setAnnounce] = useState("");
  const stayButton = useRef<HTMLButtonElement>(null);
  const previousFocus = useRef<HTMLElement | null>(null);
  const checking = useRef(false);
  const warnMs = Math.min(WARN_SECONDS, idleSeconds / 2) * 1000;

  // A new page from the server counts as activity (the server moved its deadline too).
  const firstPath = useRef(pathname);
  useEffect(() => {
    if (pathname === firstPath.current) return;
    firstPath.current = pathname;
    setUntil((current) => Math.max(current, Date.now() + (idleSeconds - Math.min(30, idleSeconds / 4)) * 1000));
  }, [pathname, idleSeconds]);

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);

  const remaining = until - now;
  const warning = remaining <= warnMs;

  const goToLogin = useCallback(() => {
    const back = window.location.pathname + window.location.search;
    // A full page load on purpose: the header (in the root layout) must show the logged-out state.
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination
    window.location.assign(`${loginPath}?${new URLSearchParams({ reden: "idle", terug: back })}`);
  }, [loginPath]);

  useEffect(() => {
    if (remaining > 0 || checking.current) return;
    checking.current = true;
    fetch("/api/auth/session", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ mode: "check" }) })
      .then((r) => r.json() as Promise<{ status: string; deadline?: string }>)
      .then((answer) => {
        if (answer.status === "active" && answer.deadline) setUntil(new Date(answer.deadline).getTime());
        else goToLogin();
      })
      .catch(goToLogin)
      .finally(() => {
        checking.current = false;
      });
  }, [remaining, goToLogin]);

  // Focus moves into the dialog when it opens and back when it closes.
  useEffect(() => {
    if (warning) {
      previousFocus.current = document.activeElement as HTMLElement | null;
      stayButton.current?.focus();
    } else if (previousFocus.current) {
      previousFocus.current.focus();
      previousFocus.current = null;
    }
  }, [warning]);

  async function stay() {
    const response = await fetch("/api/auth/session", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ mode: "refresh" }) }).catch(() => null);
    const answer = response && ((await response.json().catch(() => null)) as { status: string; deadline?: string } | null);
    if (answer?.status === "active" && answer.deadline) {
      setUntil(new Date(answer.deadline).getTime());
      setAnnounce(t.auth.idle.stayed);
    } else {
      goToLogin();
    }
  }

  const seconds = Math.max(0, Math.ceil(remaining / 1000));
  // Count in minutes while there are some, so screen readers are not flooded.
  const time = seconds >= 120 ? format(t.auth.idle.minutes, { count: Math.ceil(seconds / 60) }) : format(t.auth.idle.seconds, { count: seconds });

  return (
    <>
      <div className="sr-only" role="status" aria-live="polite">
        {announce}
      </div>
      {warning ? (
        <div className="fixed inset-0 z-50 flex items-center justify-center bg-black/50 p-4">
          <div role="alertdialog" aria-modal="true" aria-labelledby="idle-title" aria-describedby="idle-text" className="w-full max-w-lg border-4 border-solid border-brand bg-white p-6" lang={locale}>
            <h2 id="idle-title" className="mt-0">
              {t.auth.idle.title}
            </h2>
            <p id="idle-text">{format(t.auth.idle.text, { time })}</p>
            <div className="flex flex-wrap gap-4">
              <button
                ref={stayButton}
                type="button"
                onClick={stay}
                className="inline-flex min-h-11 cursor-pointer items-center rounded-sm border-2 border-solid border-brand bg-brand px-5 py-2 text-lg font-semibold text-white"
              >
                {t.auth.idle.stay}
              </button>
              <form method="post" action="/api/auth/logout" className="m-0">
                <button type="submit" className="inline-flex min-h-11 cursor-pointer items-center rounded-sm border-2 border-solid border-brand bg-white px-5 py-2 text-lg font-semibold text-brand">
                  {t.auth.idle.logout}
                </button>
              </form>
            </div>
          </div>
        </div>
      ) : null}
    </>
  );
}
