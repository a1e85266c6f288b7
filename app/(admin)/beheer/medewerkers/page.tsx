import type { Metadata } from "next";
import Link from "next/link";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { ButtonLink } from "@/components/ui/Button";
import { Pagination, pageFromParam } from "@/components/ui/Pagination";
import { Table } from "@/components/ui/Table";
import { format, formatDateTime } from "@/lib/i18n";
import { getMessages } from "@/lib/i18n/server";
import { requireStaffPage } from "@/lib/staff/guard";
import { listStaff } from "@/lib/staff/queries";
import { StaffStatus } from "./StaffStatus";
import { notFoundPage } from "@/lib/http/not-found";

const PAGE_SIZE = 25;

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function pageHref(page: number): string {
  return page === 1 ? "/beheer/medewerkers" : `/beheer/medewerkers?pagina=${page}`;
}

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const { t } = await getMessages();
  const page = pageFromParam((await searchParams).pagina);
  return { title: page === 1 ? t.staff.admin.title : `${t.staff.admin.title} (${page})`, robots: { index: false } };
}

/** Admins: every staff account, with roles, status and last login. */
export default async function StaffListPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireStaffPage("staff:manage");
  const { locale, t } = await getMessages();
  const page = pageFromParam((await searchParams).pagina);
  const { rows, total } = await listStaff(actor, { page, pageSize: PAGE_SIZE });
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (page > pageCount) notFoundPage();
  const now = new Date();
  return (
    <>
      <Breadcrumbs t={t} items={[{ label: t.staff.beheer.title, href: "/beheer" }, { label: t.staff.admin.title }]} />
      <h1>{t.staff.admin.title}</h1>
      <p>{t.staff.admin.intro}</p>
      <p>
        <ButtonLink href="/beheer/medewerkers/nieuw">{t.staff.admin.add}</ButtonLink>
      </p>
      {rows.length === 0 ? (
        <p>{t.staff.admin.empty}</p>
      ) : (
        <>
          <Table
            caption={pageCount > 1 ? format(t.staff.admin.pageTitle, { title: t.staff.admin.caption, page, count: pageCount }) : t.staff.admin.caption}
            rows={rows}
            rowKey={(s) => s.id}
            columns={[
              { header: t.staff.admin.colName, rowHeader: true, cell: (s) => <Link href={`/beheer/medewerkers/${s.id}`}>{s.displayName}</Link> },
              { header: t.staff.admin.colEmail, cell: (s) => <span className="wrap-anywhere">{s.email}</span> },
              { header: t.staff.admin.colRoles, cell: (s) => (s.roles.length > 0 ? s.roles.map((r) => t.staff.roles[r] ?? r).join(", ") : t.staff.admin.noRoles) },
              { header: t.staff.admin.colStatus, cell: (s) => <StaffStatus t={t} locale={locale} staff={s} now={now} /> },
              {
                header: t.staff.admin.colLastLogin,
                cell: (s) => (s.lastLoginAt ? <time dateTime={s.lastLoginAt.toISOString()}>{formatDateTime(s.lastLoginAt, locale)}</time> : t.staff.admin.never),
              },
            ]}
          />
          <Pagination t={t} page={page} pageCount={pageCount} href={pageHref} />
        </>
      )}
    </>
  );
}
