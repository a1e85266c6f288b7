import type { Metadata } from "next";
import Link from "next/link";
import { Pagination, pageFromParam } from "@/components/ui/Pagination";
import { Table } from "@/components/ui/Table";
import { format, formatDate, formatDateTime } from "@/lib/i18n";
import { getMessages } from "@/lib/i18n/server";
import { requireStaffPage } from "@/lib/staff/guard";
import { calendarDay, messageTypeLabel } from "@/lib/submissions/view";
import { incomingSubmissions } from "@/lib/submissions/view-queries";
import { StaffAreas } from "../_components/StaffAreas";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.staff.behandeling.title, robots: { index: false } };
}

/** The case handlers' start page: the incoming submissions, newest first. No personal data in the list. */
export default async function BehandelingPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireStaffPage("case:read");
  const { locale, t } = await getMessages();
  const k = t.staffSubmissions;
  const { rows, page, pageCount } = await incomingSubmissions(actor, pageFromParam((await searchParams).pagina));
  return (
    <>
      <h1>{t.staff.behandeling.title}</h1>
      <StaffAreas t={t} actor={actor} current="/behandeling" />
      <p>{t.staff.behandeling.intro}</p>
      <h2 id="binnengekomen">{k.listTitle}</h2>
      <p className="max-w-[70ch]">{k.intro}</p>
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
      <Pagination t={t} page={page} pageCount={pageCount} href={(p) => `/behandeling?pagina=${p}`} />
    </>
  );
}
