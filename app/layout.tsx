import type { Metadata } from "next";
import type { ReactNode } from "react";
import { SiteFooter } from "@/components/frame/SiteFooter";
import { SiteHeader } from "@/components/frame/SiteHeader";
import { IdleWarning } from "@/components/auth/IdleWarning";
import type { HeaderSession } from "@/components/auth/LoginState";
import { areasOf } from "@/app/(staff)/_components/StaffAreas";
import { currentSession } from "@/lib/auth/current";
import { Banner } from "@/components/ui/Banner";
import { branding, brandingCss } from "@/lib/branding";
import { format } from "@/lib/i18n";
import { currentPath, getMessages } from "@/lib/i18n/server";
import { I18nProvider } from "@/components/frame/I18nProvider";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  const brand = branding();
  return {
    title: { default: `MijnOmgeving | ${brand.name}`, template: `%s | ${format(t.meta.titleSuffix, { municipality: brand.name })}` },
    description: format(t.meta.description, { municipality: brand.name }),
    icons: { icon: brand.logo },
  };
}

/** The session as the header and the idle warning need it; a database problem shows the page as logged out. */
async function sessionForFrame() {
  try {
    const lookup = await currentSession();
    if (lookup.status !== "active") return null;
    const { actor, method, kvkNumber, idleDeadline, idleTimeoutSeconds, unreadMessages } = lookup.session;
    const header: HeaderSession =
      actor.kind === "party"
        ? { kind: "party", partyKind: actor.partyKind, level: actor.level, simulated: method.endsWith("-simulator"), kvkNumber, unread: unreadMessages }
        : { kind: "staff", name: actor.displayName, area: areasOf(actor)[0]?.href ?? null };
    return { header, idle: { deadline: idleDeadline.toISOString(), idleSeconds: idleTimeoutSeconds, loginPath: actor.kind === "party" ? "/inloggen" : "/inloggen/medewerker" } };
  } catch {
    return null;
  }
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const { locale, t } = await getMessages();
  const brand = branding();
  const path = await currentPath();
  const session = await sessionForFrame();
  return (
    <html lang={locale}>
      <head>
        <style>{brandingCss(brand)}</style>
      </head>
      <body className="flex min-h-screen flex-col">
        <a href="#inhoud" className="skip-link">
          {t.frame.skipLink}
        </a>
        {brand.demo ? (
          <Banner kind="warning" className="no-print rounded-none border-x-0 border-t-0">
            <div className="mx-auto max-w-5xl">{t.frame.demoBanner}</div>
          </Banner>
        ) : null}
        <SiteHeader t={t} brand={brand} path={path} session={session?.header ?? null} />
        <I18nProvider locale={locale} phone={brand.phone}>
          <main id="inhoud" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-8 focus:outline-none">
            {children}
          </main>
          {session ? <IdleWarning {...session.idle} /> : null}
        </I18nProvider>
        <SiteFooter t={t} brand={brand} locale={locale} />
      </body>
    </html>
  );
}
