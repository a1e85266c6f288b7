import type { Metadata } from "next";
import Link from "next/link";
import { Banner } from "@/components/ui/Banner";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { NotificationList } from "@/components/notifications/NotificationList";
import { requireParty } from "@/lib/auth/current";
import { env } from "@/lib/env";
import { getMessages } from "@/lib/i18n/server";
import { ownNotifications } from "@/lib/notifications/queries";
import { DemoNotifyForm } from "./DemoNotifyForm";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  await requireParty();
  const { t } = await getMessages();
  return { title: t.notifications.mine.title };
}

/** The notices sent to the logged-in party, each with its attempts and outcome (R16). */
export default async function OwnNotificationsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireParty();
  const { locale, t } = await getMessages();
  const m = t.notifications.mine;
  const rows = await ownNotifications(actor);
  const demo = env().demoFeatures;
  const sent = (await searchParams).melding === "demo";
  return (
    <>
      <Breadcrumbs t={t} items={[{ label: t.frame.navHome, href: "/" }, { label: t.auth.mine.title, href: "/mijn" }, { label: m.title }]} />
      <h1>{m.title}</h1>
      {sent ? (
        <Banner kind="success" className="mb-8">
          <p role="status">{m.demoSent}</p>
        </Banner>
      ) : null}
      <p className="max-w-[70ch]">{m.intro}</p>
      {rows.length === 0 ? <p>{m.empty}</p> : <NotificationList t={t} locale={locale} rows={rows} audience="party" />}
      <p className="mt-8">
        <Link href="/mijn/instellingen">{t.notifications.settings.link}</Link>
      </p>
      {demo ? (
        <section aria-labelledby="demo-titel" className="mt-10 max-w-3xl border-t border-solid border-line pt-6">
          <h2 id="demo-titel">{m.demoHeading}</h2>
          <p>{m.demoIntro}</p>
          <DemoNotifyForm t={{ form: t.form, notifications: t.notifications }} />
        </section>
      ) : null}
    </>
  );
}
