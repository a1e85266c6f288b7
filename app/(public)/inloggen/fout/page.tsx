import type { Metadata } from "next";
import { ButtonLink } from "@/components/ui/Button";
import { isLoginFailureReason } from "@/lib/auth/resident-login";
import { branding } from "@/lib/branding";
import { format } from "@/lib/i18n";
import { getMessages } from "@/lib/i18n/server";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.auth.failure.title };
}

/** Why a DigiD or eHerkenning login did not work, what to do now, and how to get help. Never technical details. */
export default async function LoginFailedPage({ searchParams }: { searchParams: SearchParams }) {
  const { t } = await getMessages();
  const brand = branding();
  const raw = (await searchParams).reden;
  const reason = isLoginFailureReason(Array.isArray(raw) ? raw[0] : raw) ? (Array.isArray(raw) ? raw[0]! : raw!) : "mislukt";
  return (
    <>
      <h1>{t.auth.failure.title}</h1>
      <p data-reden={reason}>{t.auth.failure.reasons[reason]}</p>
      <h2>{t.auth.failure.whatNow}</h2>
      <p>
        <ButtonLink href="/inloggen">{t.auth.failure.tryAgain}</ButtonLink>
      </p>
      <p>{format(t.auth.failure.help, { phone: brand.phone, address: brand.counterAddress })}</p>
    </>
  );
}
