import type { Metadata } from "next";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { newProductFormValues } from "@/lib/catalogue/schemas";
import { getMessages } from "@/lib/i18n/server";
import { requireStaffPage } from "@/lib/staff/guard";
import { ProductForm } from "../forms";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.catalogue.admin.newTitle, robots: { index: false } };
}

/** Admins add a product. */
export default async function NewProductPage() {
  await requireStaffPage("catalogue:manage");
  const { t } = await getMessages();
  return (
    <>
      <Breadcrumbs
        t={t}
        items={[
          { label: t.staff.beheer.title, href: "/beheer" },
          { label: t.catalogue.admin.title, href: "/beheer/producten" },
          { label: t.catalogue.admin.newTitle },
        ]}
      />
      <h1>{t.catalogue.admin.newTitle}</h1>
      <ProductForm t={{ form: t.form, catalogue: t.catalogue }} mode="create" initial={newProductFormValues} />
    </>
  );
}
