import type { Metadata } from "next";
import Link from "next/link";
import { Banner } from "@/components/ui/Banner";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { requireParty } from "@/lib/auth/current";
import { format, formatDateTime } from "@/lib/i18n";
import { getMessages } from "@/lib/i18n/server";
import { displayDutchMobile } from "@/lib/notifications/contact-rules";
import { ownSettings } from "@/lib/notifications/queries";
import { ContactHistoryTable } from "@/components/notifications/ContactHistoryTable";
import { ConsentForm, EmailForm, MobileForm, ResendForm } from "./forms";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  await requireParty();
  const { t } = await getMessages();
  return { title: t.notifications.settings.title };
}

/** Contact details and channel consent (R10, R11): e-mail (verified by a link), mobile number, consent per message type, and the history of changes. */
export default async function SettingsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireParty();
  const { locale, t } = await getMessages();
  const s = t.notifications.settings;
  const { settings, history } = await ownSettings(actor);
  const notice = (await searchParams).melding;
  const noticeText = typeof notice === "string" ? s.notices[notice] : undefined;
  const forms = { form: t.form, notifications: t.notifications };
  return (
    <>
      <Breadcrumbs t={t} items={[{ label: t.frame.navHome, href: "/" }, { label: t.auth.mine.title, href: "/mijn" }, { label: s.title }]} />
      <h1>{s.title}</h1>
      {noticeText ? (
        <Banner kind="success" className="mb-8">
          <p role="status">{noticeText}</p>
        </Banner>
      ) : null}

      <section aria-labelledby="email-titel" className="mb-10 max-w-3xl">
        <h2 id="email-titel">{s.contactHeading}</h2>
        <p>{s.contactIntro}</p>
        <p data-testid="email-status">
          {!settings.email
            ? s.emailNone
            : settings.emailVerifiedAt
              ? `${settings.email}. ${format(s.emailVerified, { date: formatDateTime(settings.emailVerifiedAt, locale) })}`
              : settings.pendingVerification
                ? format(s.emailUnverified, { email: settings.email, date: formatDateTime(settings.pendingVerification.expiresAt, locale) })
                : s.emailUnverifiedNoLink}
        </p>
        <EmailForm t={forms} current={settings.email} />
        {settings.email && !settings.emailVerifiedAt ? <ResendForm t={forms} /> : null}
      </section>

      <section aria-labelledby="mobiel-titel" className="mb-10 max-w-3xl">
        <h2 id="mobiel-titel">{s.mobileHeading}</h2>
        <MobileForm t={forms} current={settings.mobile ? displayDutchMobile(settings.mobile) : null} />
      </section>

      <section aria-labelledby="kanaalkeuze" className="mb-10 max-w-3xl">
        <h2 id="kanaalkeuze">{s.consentHeading}</h2>
        <p>{s.consentIntro}</p>
        <ConsentForm t={forms} current={settings.consents} needsEmail={!settings.emailVerifiedAt} />
      </section>

      <section aria-labelledby="geschiedenis" className="mb-10">
        <h2 id="geschiedenis">{s.historyHeading}</h2>
        {history.length === 0 ? <p>{s.historyEmpty}</p> : <ContactHistoryTable t={t} locale={locale} rows={history} caption={s.historyCaption} audience="party" />}
      </section>

      <p>
        <Link href="/mijn/meldingen">{s.noticesLink}</Link>
      </p>
    </>
  );
}
