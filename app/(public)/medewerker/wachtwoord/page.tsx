import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ButtonLink } from "@/components/ui/Button";
import { currentSession } from "@/lib/auth/current";
import { getMessages } from "@/lib/i18n/server";
import { homeForRoles, safeReturnPath } from "@/lib/staff/service";
import { PasswordForm } from "./PasswordForm";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.staff.password.title, robots: { index: false } };
}

/** A staff member chooses their own password after logging in with a temporary one; nothing else works before that. */
export default async function StaffPasswordPage({ searchParams }: { searchParams: SearchParams }) {
  const { t } = await getMessages();
  const raw = (await searchParams).terug;
  const returnPath = safeReturnPath(Array.isArray(raw) ? raw[0] : raw) ?? "";
  const lookup = await currentSession();
  if (lookup.status !== "active" || lookup.session.actor.kind !== "staff") {
    redirect(`/inloggen/medewerker?${new URLSearchParams({ terug: "/medewerker/wachtwoord" })}`);
  }
  if (!lookup.session.mustChangePassword) {
    return (
      <>
        <h1>{t.staff.password.title}</h1>
        <p>{t.staff.password.notNeeded}</p>
        <p>
          <ButtonLink href={returnPath || homeForRoles(lookup.session.actor.roles)}>{t.staff.password.continue}</ButtonLink>
        </p>
      </>
    );
  }
  return (
    <>
      <h1>{t.staff.password.title}</h1>
      <p>{t.staff.password.intro}</p>
      <PasswordForm t={{ form: t.form, staff: t.staff }} returnPath={returnPath} />
    </>
  );
}
