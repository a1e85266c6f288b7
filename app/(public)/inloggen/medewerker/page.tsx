import type { Metadata } from "next";
import Link from "next/link";
import { Banner } from "@/components/ui/Banner";
import { Button, ButtonLink } from "@/components/ui/Button";
import { currentSession } from "@/lib/auth/current";
import { staffOidc } from "@/lib/auth/staff-oidc";
import { branding } from "@/lib/branding";
import { format } from "@/lib/i18n";
import { getMessages } from "@/lib/i18n/server";
import { homeForRoles, safeReturnPath } from "@/lib/staff/service";
import { StaffLoginForm } from "./LoginForm";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.staff.login.title, robots: { index: false } };
}

/** Staff login: with the municipality's own identity provider when configured, and with e-mail address and password. */
export default async function StaffLoginPage({ searchParams }: { searchParams: SearchParams }) {
  const { t } = await getMessages();
  const params = await searchParams;
  const returnPath = safeReturnPath(first(params.terug)) ?? "";
  const reason = first(params.reden);
  const reasonText = reason && Object.hasOwn(t.staff.login.reasons, reason) ? t.staff.login.reasons[reason] : undefined;
  const lookup = await currentSession();
  const loggedIn = lookup.status === "active" && lookup.session.actor.kind === "staff" ? lookup.session.actor : null;
  const areaNames: Record<string, string> = { "/balie": t.staff.areas.balie, "/behandeling": t.staff.areas.behandeling, "/beheer": t.staff.areas.beheer };

  return (
    <>
      <h1>{t.staff.login.title}</h1>
      {reasonText ? (
        <Banner kind="info" className="mb-6">
          <p>{reasonText}</p>
        </Banner>
      ) : null}
      <p>{format(t.staff.login.intro, { municipality: branding().name })}</p>
      <p>
        {t.staff.login.residentHint} <Link href="/inloggen">{t.staff.login.residentLink}</Link>
      </p>

      {loggedIn && homeForRoles(loggedIn.roles) !== "/" ? (
        <Banner kind="success" className="mb-6">
          <p>{format(t.staff.login.alreadyLoggedIn, { name: loggedIn.displayName })}</p>
          <p>
            <ButtonLink href={homeForRoles(loggedIn.roles)}>{format(t.staff.login.toArea, { area: areaNames[homeForRoles(loggedIn.roles)] ?? "" })}</ButtonLink>
          </p>
        </Banner>
      ) : null}

      {staffOidc.configured() ? (
        <section aria-labelledby="inloggen-werkaccount" className="mb-8">
          <h2 id="inloggen-werkaccount">{t.staff.login.oidcHeading}</h2>
          <p>{t.staff.login.oidcText}</p>
          <form method="post" action={staffOidc.startPath}>
            <input type="hidden" name="terug" value={returnPath} />
            <Button>{t.staff.login.oidcButton}</Button>
          </form>
        </section>
      ) : null}

      <section aria-labelledby="inloggen-wachtwoord">
        <h2 id="inloggen-wachtwoord">{t.staff.login.passwordHeading}</h2>
        <StaffLoginForm t={{ form: t.form, staff: t.staff }} returnPath={returnPath} />
        <p className="mt-6">{t.staff.login.forgotten}</p>
      </section>
    </>
  );
}
