import type { Metadata } from "next";
import Link from "next/link";
import { SearchForm } from "@/components/catalogue/SearchForm";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { ButtonLink } from "@/components/ui/Button";
import { Pagination, pageFromParam } from "@/components/ui/Pagination";
import { Table } from "@/components/ui/Table";
import { listProducts } from "@/lib/catalogue/queries";
import { notFoundPage } from "@/lib/http/not-found";
import { format, formatDateTime } from "@/lib/i18n";
import { getMessages } from "@/lib/i18n/server";
import { requireStaffPage } from "@/lib/staff/guard";

const PAGE_SIZE = 25;

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function first(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value)?.trim().slice(0, 100) ?? "";
}

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.catalogue.admin.title, robots: { index: false } };
}

/** Admins: every product, active or not, searchable and paged. */
export default async function ProductListPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireStaffPage("catalogue:manage");
  const { locale, t } = await getMessages();
  const params = await searchParams;
  const query = first(params.zoek);
  const page = pageFromParam(params.pagina);
  const { rows, total } = await listProducts(actor, { query, page, pageSize: PAGE_SIZE });
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (page > pageCount) notFoundPage();
  const a = t.catalogue.admin;
  const href = (p: number) => {
    const q = new URLSearchParams();
    if (query) q.set("zoek", query);
    if (p > 1) q.set("pagina", String(p));
    return q.size > 0 ? `/beheer/producten?${q}` : "/beheer/producten";
  };
  return (
    <>
      <Breadcrumbs t={t} items={[{ label: t.staff.beheer.title, href: "/beheer" }, { label: a.title }]} />
      <h1>{a.title}</h1>
      <p>{a.intro}</p>
      <p>
        <ButtonLink href="/beheer/producten/nieuw">{a.add}</ButtonLink>
      </p>
      <SearchForm action="/beheer/producten" id="zoek-product" label={a.searchLabel} value={query} submit={a.searchSubmit} />
      {rows.length === 0 ? (
        <p role="status">{query ? format(a.noMatch, { query }) : a.empty}</p>
      ) : (
        <>
          <Table
            caption={pageCount > 1 ? format(a.pageTitle, { title: a.caption, page, count: pageCount }) : a.caption}
            rows={rows}
            rowKey={(p) => p.id}
            columns={[
              { header: a.colName, rowHeader: true, cell: (p) => <Link href={`/beheer/producten/${p.id}`}>{p.nameNl}</Link> },
              { header: a.colTopic, cell: (p) => t.catalogue.topics[p.topic] ?? p.topic },
              { header: a.colTypes, cell: (p) => p.messageTypes.map((m) => t.catalogue.messageTypes[m] ?? m).join(", ") },
              { header: a.colStatus, cell: (p) => (p.active ? a.active : a.inactive) },
              { header: a.colUpdated, cell: (p) => <time dateTime={p.updatedAt.toISOString()}>{formatDateTime(p.updatedAt, locale)}</time> },
            ]}
          />
          <Pagination t={t} page={page} pageCount={pageCount} href={href} />
        </>
      )}
    </>
  );
}
