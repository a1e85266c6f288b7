import type { Metadata } from "next";
import { getMessages } from "@/lib/i18n/server";
import { requireStaffPage } from "@/lib/staff/guard";
import { StaffAreas } from "../_components/StaffAreas";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.staff.behandeling.title, robots: { index: false } };
}

/** The case handlers' start page. */
export default async function BehandelingPage() {
  const actor = await requireStaffPage("case:read");
  const { t } = await getMessages();
  return (
    <>
      <h1>{t.staff.behandeling.title}</h1>
      <StaffAreas t={t} actor={actor} current="/behandeling" />
      <p>{t.staff.behandeling.intro}</p>
      <p>{t.staff.behandeling.nothingYet}</p>
    </>
  );
}
