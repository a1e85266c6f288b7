import type { Metadata } from "next";
import Link from "next/link";
import { FormattedText } from "@/components/ui/FormattedText";
import { PhoneLink } from "@/components/ui/PhoneLink";
import { branding } from "@/lib/branding";
import { getMessages } from "@/lib/i18n/server";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.staff.oidcRefused.title, robots: { index: false } };
}

/** Where a refused staff login through the identity provider lands: why, and what to do next. */
export default async function StaffLoginRefusedPage({ searchParams }: { searchParams: SearchParams }) {
  const { t } = await getMessages();
  const raw = (await searchParams).reden;
  const reason = Array.isArray(raw) ? raw[0] : raw;
  const text = reason && reason !== "title" && reason !== "back" && Object.hasOwn(t.staff.oidcRefused, reason) ? t.staff.oidcRefused[reason] : t.staff.oidcRefused.failed;
  return (
    <>
      <h1>{t.staff.oidcRefused.title}</h1>
      <p>{text}</p>
      <p>
        <FormattedText text={t.errors.notFoundHelp} values={{ phone: <PhoneLink phone={branding().phone} /> }} />
      </p>
      <p>
        <Link href="/inloggen/medewerker">{t.staff.oidcRefused.back}</Link>
      </p>
    </>
  );
}
