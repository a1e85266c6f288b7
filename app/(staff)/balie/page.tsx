import type { Metadata } from "next";
import Link from "next/link";
import { can } from "@/lib/auth/policy";
import { getMessages } from "@/lib/i18n/server";
import { requireStaffPage } from "@/lib/staff/guard";
import { StaffAreas } from "../_components/StaffAreas";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.staff.balie.title, robots: { index: false } };
}

/** The counter staff's start page (balie / KCC). */
export default async function BaliePage() {
  const actor = await requireStaffPage("party:find");
  const { t } = await getMessages();
  return (
    <>
      <h1>{t.staff.balie.title}</h1>
      <StaffAreas t={t} actor={actor} current="/balie" />
      <p>{t.staff.balie.intro}</p>
      <ul className="space-y-4">
        <li>
          <Link href="/balie/inwoner-zoeken" className="text-xl font-bold">
            {t.partyLookup.title}
          </Link>
          <p className="mb-0">{t.staff.balie.lookupText}</p>
        </li>
        {can(actor, "fallback-task:work") ? (
          <li>
            <Link href="/balie/taken" className="text-xl font-bold">
              {t.notifications.tasks.link}
            </Link>
            <p className="mb-0">{t.notifications.tasks.linkText}</p>
          </li>
        ) : null}
      </ul>
    </>
  );
}
