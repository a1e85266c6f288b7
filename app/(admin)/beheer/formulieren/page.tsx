import type { Metadata } from "next";
import Link from "next/link";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { Table } from "@/components/ui/Table";
import { listForms } from "@/lib/catalogue/forms/queries";
import { getMessages } from "@/lib/i18n/server";
import { requireStaffPage } from "@/lib/staff/guard";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.forms.editor.listTitle, robots: { index: false } };
}

/** Admins: every product with the state of its form, each linking to the form editor. */
export default async function FormListPage() {
  const actor = await requireStaffPage("catalogue:manage");
  const { locale, t } = await getMessages();
  const rows = await listForms(actor, locale);
  return (
    <>
      <Breadcrumbs t={t} items={[{ label: t.staff.beheer.title, href: "/beheer" }, { label: t.forms.editor.listTitle }]} />
      <h1>{t.forms.editor.listTitle}</h1>
      <p>{t.forms.editor.listIntro}</p>
      <Table
        caption={t.forms.editor.listTitle}
        rows={rows}
        rowKey={(r) => r.productId}
        columns={[
          { header: t.forms.editor.colProduct, rowHeader: true, cell: (r) => <Link href={`/beheer/producten/${r.productId}/formulier`}>{r.name}</Link> },
          { header: t.forms.editor.colCurrent, cell: (r) => (r.currentVersion ? String(r.currentVersion) : t.forms.editor.none) },
          { header: t.forms.editor.colDraft, cell: (r) => (r.hasDraft ? t.forms.editor.yes : t.forms.editor.none) },
        ]}
      />
    </>
  );
}
