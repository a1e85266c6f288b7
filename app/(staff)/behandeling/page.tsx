import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { Pagination } from "@/components/ui/Pagination";
import { Table } from "@/components/ui/Table";
import { caseQueue, dueFilters, queueFiltersFrom, queueProducts, queueQuery, queueStatuses } from "@/lib/cases/staff-queries";
import { format, formatDate, formatDateTime } from "@/lib/i18n";
import { getMessages } from "@/lib/i18n/server";
import { requireStaffPage } from "@/lib/staff/guard";
import { calendarDay } from "@/lib/submissions/view";
import { StaffAreas } from "../_components/StaffAreas";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.caseHandling.queueTitle, robots: { index: false } };
}

/**
 * The case handlers' start page: the work queue of cases, filtered with a plain GET form (works
 * without JavaScript), the nearest decision date first, overdue cases marked in words.
 * No names or numbers of parties in the list.
 */
export default async function CaseQueuePage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireStaffPage("case:read");
  const { locale, t } = await getMessages();
  const h = t.caseHandling;
  const filters = queueFiltersFrom(await searchParams);
  const [queue, productOptions] = await Promise.all([caseQueue(actor, filters), queueProducts(actor)]);
  const filtered = filters.reference !== null || filters.product !== null || filters.status !== null || filters.due !== "all" || filters.mine;
  return (
    <>
      <h1>{t.staff.behandeling.title}</h1>
      <StaffAreas t={t} actor={actor} current="/behandeling" />
      <p>{t.staff.behandeling.intro}</p>
      <p>
        <Link href="/behandeling/inzendingen">{h.toIncoming}</Link>
      </p>

      <h2 id="werkvoorraad">{h.queueTitle}</h2>
      <p className="max-w-[70ch]">{h.queueIntro}</p>
      <form method="get" action="/behandeling" className="mb-8" aria-labelledby="filters-titel">
        <fieldset className="mb-4">
          <legend id="filters-titel" className="mb-2 text-xl font-bold">
            {h.filters.legend}
          </legend>
          <Field t={t} id="kenmerk" label={h.filters.reference} hint={h.filters.referenceHint}>
            {(c) => <input {...c} type="text" spellCheck={false} autoComplete="off" defaultValue={filters.reference ?? ""} className={`${c.className} max-w-xs`} />}
          </Field>
          <div className="flex flex-wrap gap-x-6">
            <Field t={t} id="onderwerp" label={h.filters.product} kind="select">
              {(c) => (
                <select {...c} defaultValue={filters.product ?? ""}>
                  <option value="">{h.filters.allProducts}</option>
                  {productOptions.map((p) => (
                    <option key={p.slug} value={p.slug}>
                      {locale === "nl" ? p.nameNl : p.nameEn}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field t={t} id="status" label={h.filters.status} kind="select">
              {(c) => (
                <select {...c} defaultValue={filters.status ?? ""}>
                  <option value="">{h.filters.allStatuses}</option>
                  {queueStatuses.map((s) => (
                    <option key={s} value={s}>
                      {t.cases.statuses[s] ?? s}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field t={t} id="termijn" label={h.filters.due} kind="select">
              {(c) => (
                <select {...c} defaultValue={filters.due}>
                  {dueFilters.map((d) => (
                    <option key={d} value={d}>
                      {h.filters.dueOptions[d] ?? d}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          <div className="mb-2 flex items-start gap-3">
            <input type="checkbox" id="mijn" name="mijn" value="ja" defaultChecked={filters.mine} className="mt-1 h-6 w-6 shrink-0" />
            <label htmlFor="mijn" className="font-semibold">
              {h.filters.mine}
            </label>
          </div>
        </fieldset>
        <Button>{h.filters.apply}</Button>
        {filtered ? (
          <p className="mt-4">
            <Link href="/behandeling">{h.filters.reset}</Link>
          </p>
        ) : null}
      </form>

      <p role="status" data-testid="aantal-zaken">
        {queue.total === 1 ? h.foundOne : format(h.found, { count: queue.total })}
      </p>
      {queue.rows.length === 0 ? (
        <p>{h.empty}</p>
      ) : (
        <Table
          caption={h.caption}
          captionHidden
          rows={queue.rows}
          rowKey={(r) => r.id}
          columns={[
            {
              header: h.columns.reference,
              rowHeader: true,
              cell: (r) => (
                <Link href={`/behandeling/zaken/${r.id}`} prefetch={false} aria-label={format(h.openLabel, { reference: r.reference })}>
                  {r.reference}
                </Link>
              ),
            },
            { header: h.columns.product, cell: (r) => (locale === "nl" ? r.productNl : r.productEn) },
            { header: h.columns.status, cell: (r) => t.cases.statuses[r.status] ?? r.status },
            {
              header: h.columns.expectedDecision,
              cell: (r) => (
                <>
                  {r.expectedDecisionOn ? <time dateTime={r.expectedDecisionOn}>{formatDate(calendarDay(r.expectedDecisionOn), locale)}</time> : t.cases.noDate}
                  {r.overdue ? (
                    <strong className="mt-1 block w-fit border-2 border-solid border-error px-1 text-error" data-testid="termijn-verlopen">
                      {h.overdue}
                    </strong>
                  ) : null}
                </>
              ),
            },
            { header: h.columns.assigned, cell: (r) => (r.assignedName ? (r.assignedToMe ? format(h.you, { name: r.assignedName }) : r.assignedName) : h.nobody) },
            { header: h.columns.openedAt, cell: (r) => <time dateTime={r.openedAt.toISOString()}>{formatDateTime(r.openedAt, locale)}</time> },
          ]}
        />
      )}
      <Pagination t={t} page={queue.page} pageCount={queue.pageCount} href={(p) => `/behandeling${queueQuery(filters, p)}`} />
    </>
  );
}
