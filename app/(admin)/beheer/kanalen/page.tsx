import type { Metadata } from "next";
import Link from "next/link";
import { SearchForm } from "@/components/catalogue/SearchForm";
import { Banner } from "@/components/ui/Banner";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { ButtonLink } from "@/components/ui/Button";
import { Pagination, pageFromParam } from "@/components/ui/Pagination";
import { Table } from "@/components/ui/Table";
import { listChannels, listProductsForDesignations } from "@/lib/channels/queries";
import { notFoundPage } from "@/lib/http/not-found";
import { getMessages } from "@/lib/i18n/server";
import { requireStaffPage } from "@/lib/staff/guard";

const PAGE_SIZE = 25;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function first(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value)?.trim().slice(0, 100) ?? "";
}

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.channels.admin.title, robots: { index: false } };
}

/** Admins: the channels, and per product its designations. */
export default async function ChannelsAdminPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireStaffPage("channels:manage");
  const { t } = await getMessages();
  const params = await searchParams;
  const query = first(params.zoek);
  const page = pageFromParam(params.pagina);
  const [channelRows, products] = await Promise.all([listChannels(actor), listProductsForDesignations(actor, { query, page, pageSize: PAGE_SIZE })]);
  const pageCount = Math.max(1, Math.ceil(products.total / PAGE_SIZE));
  if (page > pageCount) notFoundPage();
  const a = t.channels.admin;
  const rawNotice = params.melding;
  const notice = typeof rawNotice === "string" && Object.hasOwn(a.notices, rawNotice) ? a.notices[rawNotice] : undefined;
  const href = (p: number) => {
    const q = new URLSearchParams();
    if (query) q.set("zoek", query);
    if (p > 1) q.set("pagina", String(p));
    return q.size > 0 ? `/beheer/kanalen?${q}#producten` : "/beheer/kanalen#producten";
  };
  return (
    <>
      <Breadcrumbs t={t} items={[{ label: t.staff.beheer.title, href: "/beheer" }, { label: a.title }]} />
      <h1>{a.title}</h1>
      {notice ? (
        <Banner kind="success" className="mb-6">
          <p role="status">{notice}</p>
        </Banner>
      ) : null}
      <p>{a.intro}</p>

      <section aria-labelledby="kanalen" className="mb-10">
        <h2 id="kanalen">{a.channelsHeading}</h2>
        <p>
          <ButtonLink href="/beheer/kanalen/nieuw">{a.addChannel}</ButtonLink>
        </p>
        <Table
          caption={a.channelsCaption}
          captionHidden
          rows={channelRows}
          rowKey={(c) => c.id}
          columns={[
            { header: a.colName, rowHeader: true, cell: (c) => <Link href={`/beheer/kanalen/${c.id}`}>{c.nameNl}</Link> },
            { header: a.colKind, cell: (c) => t.channels.kinds[c.kind] ?? c.kind },
            { header: a.colAddress, cell: (c) => <span className="wrap-anywhere">{c.address}</span> },
            { header: a.colStatus, cell: (c) => (c.active ? a.active : a.inactive) },
          ]}
        />
      </section>

      <section aria-labelledby="producten">
        <h2 id="producten">{a.productsHeading}</h2>
        <SearchForm action="/beheer/kanalen" id="zoek-product" label={a.searchLabel} value={query} submit={a.searchSubmit} />
        {products.rows.length === 0 ? (
          <p role="status">{a.noProducts}</p>
        ) : (
          <>
            <Table
              caption={a.productsCaption}
              captionHidden
              rows={products.rows}
              rowKey={(p) => p.id}
              columns={[
                { header: a.colProduct, rowHeader: true, cell: (p) => <Link href={`/beheer/kanalen/producten/${p.id}`}>{p.nameNl}</Link> },
                { header: a.colDesignations, numeric: true, cell: (p) => p.designations },
                { header: a.colStatus, cell: (p) => (p.active ? t.catalogue.admin.active : t.catalogue.admin.inactive) },
              ]}
            />
            <Pagination t={t} page={page} pageCount={pageCount} href={href} />
          </>
        )}
      </section>
    </>
  );
}
