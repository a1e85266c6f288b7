import Link from "next/link";
import { levelLabel, type AssuranceLevel } from "@/lib/auth/levels";
import { format, type Messages } from "@/lib/i18n";

/** What the header needs to know about the session; never a BSN. */
export type HeaderSession =
  | { kind: "party"; partyKind: "person" | "business"; level: AssuranceLevel; simulated: boolean; kvkNumber: string | null; /** Unread inbox messages; null when unknown. */ unread?: number | null }
  | { kind: "staff"; name: string; area: string | null }
  | null;

/** Returns a `terug` value for the login link, unless this page is itself about logging in or out. */
function loginHref(path: string): string {
  if (/^\/(inloggen|uitgelogd)/.test(path) || path === "/") return "/inloggen";
  return `/inloggen?${new URLSearchParams({ terug: path })}`;
}

/** Who is logged in (method and level, or KvK number), a link to their area and the logout button; or "Inloggen". */
export function LoginState({ t, session, path }: { t: Messages; session: HeaderSession; path: string }) {
  if (!session) {
    return (
      <p className="m-0 text-base">
        <span className="sr-only">{t.frame.loginState} </span>
        <Link href={loginHref(path)} className="font-semibold">
          {t.frame.login}
        </Link>
      </p>
    );
  }
  const who =
    session.kind === "staff"
      ? format(t.auth.header.loggedInStaff, { name: session.name })
      : session.partyKind === "business" && session.kvkNumber
        ? format(t.auth.header.loggedInEherkenning, { kvk: session.kvkNumber })
        : format(t.auth.header.loggedInDigid, { level: levelLabel(session.level) });
  const href = session.kind === "party" ? "/mijn" : session.area;
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
      <p className="m-0 text-base text-muted" data-testid="login-state">
        {who}
        {session.kind === "party" && session.simulated ? ` ${t.auth.header.simulatorSuffix}` : ""}
      </p>
      {href ? (
        <Link href={href} className="font-semibold">
          {session.kind === "party" ? t.auth.header.toMine : t.auth.header.toStaffArea}
        </Link>
      ) : null}
      {session.kind === "party" && typeof session.unread === "number" ? (
        <Link href="/mijn/berichten" className="font-semibold" data-testid="inbox-link">
          {session.unread > 0 ? format(t.inbox.headerUnread, { count: session.unread }) : t.inbox.headerLink}
        </Link>
      ) : null}
      <form method="post" action="/api/auth/logout" className="m-0">
        <button type="submit" className="cursor-pointer rounded border-2 border-brand bg-white px-3 py-1 font-semibold text-brand underline-offset-2 hover:underline">
          {t.auth.header.logout}
        </button>
      </form>
    </div>
  );
}
