import type { Metadata } from "next";
import Link from "next/link";
import { Banner } from "@/components/ui/Banner";
import { buttonClassName, ButtonLink } from "@/components/ui/Button";
import { currentActor } from "@/lib/auth/current";
import { safeReturnPath } from "@/lib/auth/resident-login";
import { branding } from "@/lib/branding";
import { env } from "@/lib/env";
import { format, formatNumber } from "@/lib/i18n";
import { getMessages } from "@/lib/i18n/server";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.auth.login.title };
}

function one(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Formats a number of minutes as people say it: 15, or 0,1 for a test limit. */
function minutesText(seconds: number, locale: string): string {
  return formatNumber(seconds / 60, locale === "nl" ? "nl" : "en", 2);
}

/**
 * Choosing how to log in: DigiD for residents, eHerkenning for businesses (the real broker when
 * configured; the simulator in the demo), and why the person is here again (idle, logged out).
 */
export default async function LoginPage({ searchParams }: { searchParams: SearchParams }) {
  const { locale, t } = await getMessages();
  const brand = branding();
  const { oidc, demoFeatures, sessions } = env();
  const params = await searchParams;
  const returnPath = safeReturnPath(one(params.terug));
  const reason = one(params.reden);
  const reasonText = reason ? t.auth.login.reasons[reason] : undefined;
  const actor = await currentActor();
  const simulatorHref = (kind: "digid" | "eherkenning") => `/inloggen/${kind}-simulator?${new URLSearchParams({ terug: returnPath })}`;

  const option = (kind: "digid" | "eherkenning") => {
    const real = Boolean(oidc[kind]);
    const label = kind === "digid" ? t.auth.login.digidButton : t.auth.login.eherkenningButton;
    return (
      <>
        {real ? (
          <form method="post" action={`/api/auth/start/${kind}`} className="mb-4">
            <input type="hidden" name="terug" value={returnPath} />
            <button type="submit" className={buttonClassName("primary")}>
              {label}
            </button>
          </form>
        ) : null}
        {demoFeatures ? (
          <p>
            <ButtonLink href={simulatorHref(kind)} variant={real ? "secondary" : "primary"}>
              {kind === "digid" ? t.auth.login.simulatorButtonDigid : t.auth.login.simulatorButtonEherkenning}
            </ButtonLink>
          </p>
        ) : null}
        {!real && !demoFeatures ? <p>{format(t.auth.login.unavailable, { phone: brand.phone })}</p> : null}
      </>
    );
  };

  return (
    <>
      <h1>{t.auth.login.title}</h1>
      {reasonText ? (
        <Banner kind="info" className="mb-6">
          <p>{format(reasonText, { minutes: minutesText(sessions.resident.idleSeconds, locale) })}</p>
        </Banner>
      ) : null}
      {actor ? (
        <Banner kind="success" className="mb-6">
          <p>
            {t.auth.login.alreadyLoggedIn} <Link href={actor.kind === "party" ? "/mijn" : "/inloggen/medewerker"}>{t.auth.login.continue}</Link>
          </p>
        </Banner>
      ) : null}
      <p>{format(t.auth.login.intro, { municipality: brand.name })}</p>
      {demoFeatures ? <p className="text-muted">{t.auth.login.simulatorNote}</p> : null}
      <div className="grid gap-8 md:grid-cols-2">
        <section aria-labelledby="inwoner">
          <h2 id="inwoner">{t.auth.login.residentHeading}</h2>
          <p>{t.auth.login.residentText}</p>
          {option("digid")}
        </section>
        <section aria-labelledby="ondernemer">
          <h2 id="ondernemer">{t.auth.login.businessHeading}</h2>
          <p>{t.auth.login.businessText}</p>
          {option("eherkenning")}
        </section>
      </div>
      <p className="mt-8">{format(t.auth.login.noDigid, { phone: brand.phone })}</p>
      <p>
        <Link href="/inloggen/medewerker">{t.auth.login.staffLink}</Link>
      </p>
    </>
  );
}
