import type { Metadata } from "next";
import Link from "next/link";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { Pagination } from "@/components/ui/Pagination";
import { Table } from "@/components/ui/Table";
import { searchProcessingLog, type ProcessingLogEntry, type ProcessingSearch } from "@/lib/audit/queries";
import { requireStaffPage } from "@/lib/staff/guard";
import { format, formatDateTime, type Messages } from "@/lib/i18n";
import { getMessages } from "@/lib/i18n/server";
import { SearchForm, type CurrentSearch } from "./SearchForm";
import { isUuid } from "@/lib/http/ids";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function one(value: string | string[] | undefined): string | undefined {
  const raw = Array.isArray(value) ? value[0] : value;
  return raw?.trim() || undefined;
}

/** The filters in the URL, each checked; one that does not fit is left out rather than failing the page. */
function filtersOf(params: Record<string, string | string[] | undefined>): CurrentSearch {
  const partij = one(params.partij);
  const van = one(params.van);
  const tot = one(params.tot);
  const medewerker = one(params.medewerker);
  const handeling = one(params.handeling);
  return {
    partij: partij && isUuid(partij) ? partij.toLowerCase() : undefined,
    medewerker: medewerker && medewerker.length <= 100 ? medewerker : undefined,
    handeling: handeling && handeling.length <= 100 ? handeling : undefined,
    van: van && DATE.test(van) && !Number.isNaN(Date.parse(`${van}T00:00:00Z`)) ? van : undefined,
    tot: tot && DATE.test(tot) && !Number.isNaN(Date.parse(`${tot}T00:00:00Z`)) ? tot : undefined,
  };
}

function hrefOf(filters: CurrentSearch, page = 1): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  if (page > 1) params.set("pagina", String(page));
  const query = params.toString();
  return `/beheer/verwerkingen${query ? `?${query}` : ""}`;
}

// The access check runs here too: "not found" thrown only from the page body can reach the browser as an empty shell that needs JavaScript.
export async function generateMetadata(): Promise<Metadata> {
  await requireStaffPage("processing-log:read");
  const { t } = await getMessages();
  return { title: t.processingLogAdmin.title };
}

function actorOf(entry: ProcessingLogEntry, t: Messages): string {
  if (entry.actorKind === "system") return format(t.processingLogAdmin.system, { name: entry.actorId ?? "" });
  const name = entry.staffName ?? entry.actorId ?? "";
  return entry.actorRole ? `${name} (${entry.actorRole})` : name;
}

/** Admins search the processing log (R29); a search about one party is itself logged. */
export default async function ProcessingLogSearchPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireStaffPage("processing-log:read");
  const { locale, t } = await getMessages();
  const params = await searchParams;
  const filters = filtersOf(params);
  const rawPage = one(params.pagina);
  const page = rawPage && /^[1-9]\d{0,5}$/.test(rawPage) ? Number(rawPage) : 1;
  const search: ProcessingSearch = { partyId: filters.partij, actorId: filters.medewerker, operation: filters.handeling, from: filters.van, to: filters.tot };
  const result = await searchProcessingLog(actor, search, page);
  // Past the last page (an old link): said on the page itself rather than as a 404.
  const pastTheEnd = page > result.pageCount;
  const l = t.processingLogAdmin;
  return (
    <>
      <Breadcrumbs t={t} items={[{ label: t.frame.navHome, href: "/" }, { label: l.title }]} />
      <h1>{l.title}</h1>
      <p className="max-w-[70ch]">{l.intro}</p>
      <SearchForm current={filters} clearPartyHref={hrefOf({ ...filters, partij: undefined })} />
      <section aria-labelledby="resultaten-titel">
        <h2 id="resultaten-titel">{l.caption}</h2>
        <p role="status">{result.total === 0 ? l.empty : format(l.total, { count: result.total })}</p>
        {pastTheEnd ? (
          <p>
            {t.errors.notFoundTitle}. <Link href={hrefOf(filters)}>{format(t.pagination.page, { page: 1 })}</Link>
          </p>
        ) : result.total > 0 ? (
          <>
            <Table
              caption={result.pageCount > 1 ? format(l.pageTitle, { title: l.caption, page, count: result.pageCount }) : l.caption}
              captionHidden
              rows={result.entries}
              rowKey={(e) => e.id}
              columns={[
                { header: l.colTime, rowHeader: true, cell: (e) => <time dateTime={e.startedAt.toISOString()}>{formatDateTime(e.startedAt, locale)}</time> },
                {
                  header: l.colOperation,
                  cell: (e) => (
                    <span className="font-mono text-base">
                      {e.operation}
                      {e.status === "error" ? ` (${l.statusError})` : ""}
                    </span>
                  ),
                },
                { header: l.colActor, cell: (e) => <span className="wrap-anywhere">{actorOf(e, t)}</span> },
                { header: l.colSubject, cell: (e) => <span className="font-mono text-base wrap-anywhere">{`${e.dataSubjectType} ${e.dataSubjectId}`}</span> },
                { header: l.colPurpose, cell: (e) => <span className="break-words">{`${e.purpose} (${e.activity})`}</span> },
                { header: l.colTrace, cell: (e) => <span className="font-mono text-sm wrap-anywhere">{e.traceId}</span> },
              ]}
            />
            <Pagination t={t} page={page} pageCount={result.pageCount} href={(p) => hrefOf(filters, p)} />
          </>
        ) : null}
      </section>
    </>
  );
}
