import type { Metadata } from "next";
import Link from "next/link";
import { ButtonLink } from "@/components/ui/Button";
import { getMessages } from "@/lib/i18n/server";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.auth.loggedOut.title };
}

/** Where logging out ends. */
export default async function LoggedOutPage({ searchParams }: { searchParams: SearchParams }) {
  const { t } = await getMessages();
  const everywhere = (await searchParams).overal === "1";
  return (
    <>
      <h1>{t.auth.loggedOut.title}</h1>
      {everywhere ? <p>{t.auth.loggedOut.everywhere}</p> : null}
      <p>{t.auth.loggedOut.text}</p>
      <p>
        <ButtonLink href="/inloggen">{t.auth.loggedOut.again}</ButtonLink>
      </p>
      <p>
        <Link href="/">{t.auth.loggedOut.home}</Link>
      </p>
    </>
  );
}
