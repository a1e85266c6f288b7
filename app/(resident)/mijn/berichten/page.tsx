import type { Metadata } from "next";
import Link from "next/link";
import { DemoMessagesForm } from "@/components/inbox/DemoMessagesForm";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { Button } from "@/components/ui/Button";
import { ErrorSummary, titleWithErrors, type FormError } from "@/components/ui/ErrorSummary";
import { Field } from "@/components/ui/Field";
import { InboxTable } from "@/components/inbox/InboxTable";
import { requireParty } from "@/lib/auth/current";
import { todayInAmsterdam } from "@/lib/deadlines/calendar";
import { env } from "@/lib/env";
import { format, formatDate, formatDateTime, type Messages } from "@/lib/i18n";
import { getMessages } from "@/lib/i18n/server";
import { decodeInboxCursor } from "@/lib/inbox/cursor";
import { inboxFiltersFrom, inboxQuery, isFiltered, kindFilterValues, MAX_SEARCH_LENGTH, type InboxFilters } from "@/lib/inbox/filters";
import { INBOX_COUNT_CAP, ownMessages } from "@/lib/inbox/queries";
import { termStatus } from "@/lib/inbox/term-status";
import { calendarDay } from "@/lib/submissions/view";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function searchErrors(filters: InboxFilters, t: Messages): FormError[] {
  return filters.searchTooLong ? [{ field: "zoek", message: format(t.inboxView.errors.searchTooLong, { max: MAX_SEARCH_LENGTH }) }] : [];
}

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  await requireParty();
  const { t } = await getMessages();
  const filters = inboxFiltersFrom(await searchParams);
  const title = filters.view === "archive" ? `${t.inboxView.archiveTitle} - ${t.inbox.title}` : t.inbox.title;
  return { title: titleWithErrors(title, searchErrors(filters, t), t) };
}

/**
 * The party's inbox (berichtenbox): unread first, then newest; filters and a search in a plain
 * GET form (works without JavaScript); "older messages" pages on by keyset, keeping the filters.
 * The archive is the same list of the archived messages (a view setting; messages never change).
 */
export default async function InboxPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireParty();
  const { locale, t } = await getMessages();
  const m = t.inbox;
  const v = t.inboxView;
  const params = await searchParams;
  const filters = inboxFiltersFrom(params);
  const after = decodeInboxCursor(params.na);
  const now = new Date();
  const today = todayInAmsterdam(now);
  const { rows, next, total } = await ownMessages(actor, after, { filters, now });
  const errors = searchErrors(filters, t);
  const archive = filters.view === "archive";
  const filtered = isFiltered(filters) || filters.searchTooLong;
  const resetHref = archive ? "/mijn/berichten?weergave=archief" : "/mijn/berichten";
  return (
    <>
      <Breadcrumbs t={t} items={[{ label: t.auth.mine.title, href: "/mijn" }, ...(archive ? [{ label: m.title, href: "/mijn/berichten" }, { label: v.archiveTitle }] : [{ label: m.title }])]} />
      <h1>{archive ? v.archiveTitle : m.title}</h1>
      <p className="max-w-[70ch]">{archive ? v.archiveIntro : m.intro}</p>
      <nav aria-label={v.views.label} className="no-print mb-6">
        <ul className="flex flex-wrap gap-6">
          <li>
            <Link href="/mijn/berichten" prefetch={false} aria-current={archive ? undefined : "page"} className={archive ? "" : "font-bold no-underline"}>
              {v.views.inbox}
            </Link>
          </li>
          <li>
            <Link href="/mijn/berichten?weergave=archief" prefetch={false} aria-current={archive ? "page" : undefined} className={archive ? "font-bold no-underline" : ""}>
              {v.views.archive}
            </Link>
          </li>
        </ul>
      </nav>

      <ErrorSummary t={t} errors={errors} />
      {/* Keyed by the filters: after a client-side navigation (the reset link) the fields show the new filters, not the old ones. */}
      <form key={`${inboxQuery(filters)}|${filters.searchTyped}`} method="get" action="/mijn/berichten" className="no-print mb-8" aria-labelledby="filters-titel" role="search">
        <fieldset className="mb-4">
          <legend id="filters-titel" className="mb-2 text-xl font-bold">
            {v.filters.legend}
          </legend>
          {archive ? <input type="hidden" name="weergave" value="archief" /> : null}
          <Field t={t} id="zoek" label={v.filters.search} hint={v.filters.searchHint} error={errors[0]?.message}>
            {(c) => <input {...c} type="search" autoComplete="off" defaultValue={filters.searchTyped} className={`${c.className} max-w-md`} />}
          </Field>
          <Field t={t} id="soort" label={v.filters.kind} kind="select">
            {(c) => (
              <select {...c} defaultValue={filters.kind ?? ""}>
                <option value="">{v.filters.kindOptions.all}</option>
                {kindFilterValues.map((k) => (
                  <option key={k} value={k}>
                    {v.filters.kindOptions[k] ?? k}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <div className="mb-2 flex items-start gap-3">
            <input type="checkbox" id="lopend" name="lopend" value="ja" defaultChecked={filters.running} className="mt-1 h-6 w-6 shrink-0" />
            <label htmlFor="lopend" className="font-semibold">
              {v.filters.running}
            </label>
          </div>
        </fieldset>
        <Button>{v.filters.apply}</Button>
        {filtered ? (
          <p className="mt-4">
            <Link href={resetHref} prefetch={false}>
              {v.filters.reset}
            </Link>
          </p>
        ) : null}
      </form>

      <p data-testid="aantal-berichten" className="font-semibold">
        {total > INBOX_COUNT_CAP ? format(v.foundMany, { count: INBOX_COUNT_CAP }) : total === 1 ? v.foundOne : format(v.found, { count: total })}
      </p>
      {rows.length === 0 ? (
        <p data-testid="geen-berichten">{filtered ? v.emptyFiltered : archive ? v.emptyArchive : v.emptyInbox}</p>
      ) : (
        <InboxTable
          rows={rows.map((r) => {
            const status = termStatus(r.termEndsOn, today);
            return {
              id: r.id,
              subject: r.subject,
              unread: !r.firstOpenedAt,
              corrected: r.corrected,
              kind: m.kinds[r.kind] ?? r.kind,
              placedAt: { iso: r.placedAt.toISOString(), text: formatDateTime(r.placedAt, locale) },
              term: status === "none" || !r.termEndsOn ? null : { iso: r.termEndsOn, text: formatDate(calendarDay(r.termEndsOn), locale), ended: status === "ended" },
            };
          })}
          texts={{
            caption: archive ? v.archiveTitle : m.caption,
            subject: m.subject,
            kind: m.kind,
            placedAt: m.placedAt,
            term: v.columns.term,
            status: m.status,
            read: m.read,
            unread: m.unread,
            noTerm: v.noTerm,
            termEnded: v.termEnded,
            corrected: v.corrected,
            correctedHint: v.correctedHint,
          }}
        />
      )}
      <nav aria-label={t.pagination.label} className="no-print flex flex-wrap gap-6">
        {after ? (
          <Link href={`/mijn/berichten${inboxQuery(filters)}`} prefetch={false}>
            {m.newest}
          </Link>
        ) : null}
        {next ? (
          <Link href={`/mijn/berichten${inboxQuery(filters, next)}`} prefetch={false} rel="next">
            {m.older}
          </Link>
        ) : null}
      </nav>
      {!archive && env().demoFeatures ? <DemoMessagesForm t={{ form: { errorSummaryTitle: t.form.errorSummaryTitle }, inboxView: { demoHint: v.demoHint, demoSubmit: v.demoSubmit } }} /> : null}
    </>
  );
}
