import type { Metadata } from "next";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { getMessages } from "@/lib/i18n/server";
import { requireStaffPage } from "@/lib/staff/guard";
import { CreateStaffForm } from "../forms";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.staff.admin.newTitle, robots: { index: false } };
}

/** Admins add a staff account. */
export default async function NewStaffPage() {
  await requireStaffPage("staff:manage");
  const { t } = await getMessages();
  return (
    <>
      <Breadcrumbs
        t={t}
        items={[
          { label: t.staff.beheer.title, href: "/beheer" },
          { label: t.staff.admin.title, href: "/beheer/medewerkers" },
          { label: t.staff.admin.newTitle },
        ]}
      />
      <h1>{t.staff.admin.newTitle}</h1>
      <CreateStaffForm t={{ form: t.form, staff: t.staff }} />
    </>
  );
}
