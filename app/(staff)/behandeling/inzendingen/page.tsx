import type { Metadata } from "next";
import Link from "next/link";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { Pagination, pageFromParam } from "@/components/ui/Pagination";
import { Table } from "@/components/ui/Table";
import { format, formatDate, formatDateTime } from "@/lib/i18n";
import { getMessages } from "@/lib/i18n/server";
import { requireStaffPage } from "@/lib/staff/guard";
import { calendarDay, messageTypeLabel } from "@/lib/submissions/view";
import { incomingSubmissions } from "@/lib/submissions/view-queries";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.staffSubmissions.listTitle, robots: { index: false } };
}

/** The incoming submissions, newest first (each opened a case; the work queue is /behandeling). No personal data in the list. */
export default async function IncomingSubmissionsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireStaffPage("case:read");
  const { locale, t } = await getMessages();
  const k = t.staffSubmissions;
  const { rows, page, pageCount } = await incomingSubmissions(actor, pageFromParam((await searchParams).pagina));
  return (
    <>
      <Breadcrumbs t={t} items={[{ label: t.staff.behandeling.title, href: "/behandeling" }, { label: k.listTitle }]} />
      <h1 id="binnengekomen">{k.listTitle}</h1>
      <p className="max-w-[70ch]">{k.intro}</p>
      <p className="max-w-[70ch]">
        {t.caseHandling.incomingIntro} <Link href="/behandeling">{t.caseHandling.toQueue}</Link>
      </p>
      {rows.length === 0 ? (
        <p>{k.empty}</p>
      ) : (
        <Table
          caption={k.caption}
          captionHidden
          rows={rows}
          rowKey={(r) => r.id}
          columns={[
            {
              header: k.reference,
              rowHeader: true,
              cell: (r) => (
                <Link href={`/behandeling/inzendingen/${r.id}`} prefetch={false} aria-label={format(k.openLabel, { reference: r.reference })}>
                  {r.reference}
                </Link>
              ),
            },
            { header: k.product, cell: (r) => (locale === "nl" ? r.productNl : r.productEn) },
            { header: k.messageType, cell: (r) => messageTypeLabel(r.messageType, locale) },
            { header: k.receivedAt, cell: (r) => <time dateTime={r.receivedAt.toISOString()}>{formatDateTime(r.receivedAt, locale)}</time> },
            { header: k.status, cell: (r) => (r.status ? (t.cases.statuses[r.status] ?? r.status) : "–") },
            { header: k.expectedDecision, cell: (r) => (r.expectedDecisionOn ? <time dateTime={r.expectedDecisionOn}>{formatDate(calendarDay(r.expectedDecisionOn), locale)}</time> : t.cases.noDate) },
            { header: k.attachments, cell: (r) => r.attachmentCount, numeric: true },
          ]}
        />
      )}
      <Pagination t={t} page={page} pageCount={pageCount} href={(p) => `/behandeling/inzendingen?pagina=${p}`} />
    </>
  );
}
