import type { Metadata } from "next";
import Link from "next/link";
import { Banner } from "@/components/ui/Banner";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { can } from "@/lib/auth/policy";
import { getProduct } from "@/lib/catalogue/queries";
import { productFormValues } from "@/lib/catalogue/schemas";
import { format } from "@/lib/i18n";
import { getMessages } from "@/lib/i18n/server";
import { requireStaffPage } from "@/lib/staff/guard";
import { ProductActiveForm, ProductForm } from "../forms";

type Params = Promise<{ id: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const actor = await requireStaffPage("catalogue:manage");
  const { t } = await getMessages();
  const { product } = await getProduct(actor, (await params).id);
  return { title: format(t.catalogue.admin.editTitle, { name: product.nameNl }), robots: { index: false } };
}

/** Admins change a product, see where its form, channels and history are, and deactivate or activate it. */
export default async function ProductEditPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const actor = await requireStaffPage("catalogue:manage");
  const { t } = await getMessages();
  const { product, messageTypes } = await getProduct(actor, (await params).id);
  const rawNotice = (await searchParams).melding;
  const a = t.catalogue.admin;
  const notice = typeof rawNotice === "string" && Object.hasOwn(a.notices, rawNotice) ? a.notices[rawNotice] : undefined;
  return (
    <>
      <Breadcrumbs
        t={t}
        items={[
          { label: t.staff.beheer.title, href: "/beheer" },
          { label: a.title, href: "/beheer/producten" },
          { label: product.nameNl },
        ]}
      />
      <h1>{format(a.editTitle, { name: product.nameNl })}</h1>
      {notice ? (
        <Banner kind="success" className="mb-6">
          <p role="status">{notice}</p>
        </Banner>
      ) : null}
      <p>
        {format(a.slugFixed, { slug: product.slug })}. {product.active ? a.active : a.inactive}.
      </p>
      <ul className="mb-8 list-disc pl-6">
        {product.active ? (
          <li>
            <Link href={`/producten/${product.slug}`}>{a.publicLink}</Link>
          </li>
        ) : null}
        <li>
          <Link href={`/beheer/producten/${product.id}/formulier`}>{a.formEditorLink}</Link>
        </li>
        {can(actor, "channels:manage") ? (
          <li>
            <Link href={`/beheer/kanalen/producten/${product.id}`}>{a.designationsLink}</Link>
          </li>
        ) : null}
        <li>
          <Link href={`/beheer/producten/${product.id}/geschiedenis`}>{a.historyLink}</Link>
        </li>
      </ul>

      <section aria-labelledby="gegevens" className="mb-10">
        <h2 id="gegevens">{a.detailsHeading}</h2>
        <ProductForm t={{ form: t.form, catalogue: t.catalogue }} mode="edit" id={product.id} initial={productFormValues(product, messageTypes)} />
      </section>

      <section aria-labelledby="beschikbaar" className="mb-10">
        <h2 id="beschikbaar">{a.statusHeading}</h2>
        <p>{product.active ? a.deactivateText : a.activateText}</p>
        <ProductActiveForm t={{ form: t.form, catalogue: t.catalogue }} id={product.id} active={product.active} />
      </section>
    </>
  );
}
