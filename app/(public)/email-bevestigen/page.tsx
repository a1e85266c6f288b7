import type { Metadata } from "next";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { getMessages } from "@/lib/i18n/server";
import { VerifyForm } from "./VerifyForm";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.notifications.verify.title, robots: { index: false } };
}

/**
 * The page the verification link opens. Opening it changes nothing (mail scanners follow links);
 * the resident confirms with a button. Works without logging in: the code proves the mailbox.
 */
export default async function VerifyEmailPage({ searchParams }: { searchParams: SearchParams }) {
  const { t } = await getMessages();
  const raw = (await searchParams).code;
  const code = typeof raw === "string" ? raw.slice(0, 200) : "";
  return (
    <>
      <Breadcrumbs t={t} items={[{ label: t.frame.navHome, href: "/" }, { label: t.notifications.verify.title }]} />
      <h1>{t.notifications.verify.title}</h1>
      <VerifyForm t={{ form: t.form, notifications: t.notifications }} code={code} />
    </>
  );
}
