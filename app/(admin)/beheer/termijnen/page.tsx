import type { Metadata } from "next";
import { Banner } from "@/components/ui/Banner";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { Table } from "@/components/ui/Table";
import { isIsoDate, longDate, todayInAmsterdam } from "@/lib/deadlines/calendar";
import { holidayNames, holidaysOf } from "@/lib/deadlines/holidays";
import { listEquatedDaysForAdmin } from "@/lib/deadlines/queries";
import { format, formatDateTime } from "@/lib/i18n";
import { getMessages } from "@/lib/i18n/server";
import { requireStaffPage } from "@/lib/staff/guard";
import { AddEquatedDayForm } from "./forms";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.deadlines.admin.title, robots: { index: false } };
}

/** Admins: the days equated with a holiday by Royal decree (art. 3 lid 3 Atw), and adding one. */
export default async function EquatedDaysPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireStaffPage("catalogue:manage");
  const { locale, t } = await getMessages();
  const rows = await listEquatedDaysForAdmin(actor);
  const added = (await searchParams).toegevoegd;
  const year = Number(todayInAmsterdam(new Date()).slice(0, 4));
  return (
    <>
      <Breadcrumbs t={t} items={[{ label: t.staff.beheer.title, href: "/beheer" }, { label: t.deadlines.admin.title }]} />
      <h1>{t.deadlines.admin.title}</h1>
      {typeof added === "string" && isIsoDate(added) ? (
        <Banner kind="success" className="mb-6">
          <p role="status">{format(t.deadlines.admin.added, { date: longDate(added, locale) })}</p>
        </Banner>
      ) : null}
      <p className="max-w-[70ch]">{t.deadlines.admin.intro}</p>
      {rows.length === 0 ? (
        <p>{t.deadlines.admin.empty}</p>
      ) : (
        <Table
          caption={t.deadlines.admin.tableCaption}
          rows={rows}
          rowKey={(r) => r.id}
          columns={[
            { header: t.deadlines.admin.date, rowHeader: true, cell: (r) => <time dateTime={r.date}>{longDate(r.date, locale)}</time> },
            { header: t.deadlines.admin.reason, cell: (r) => r.reason },
            { header: t.deadlines.admin.decree, cell: (r) => <span className="wrap-anywhere">{r.decreeReference}</span> },
            {
              header: t.deadlines.admin.addedBy,
              cell: (r) =>
                r.createdByName ? (
                  <>
                    {r.createdByName}, <time dateTime={r.createdAt.toISOString()}>{formatDateTime(r.createdAt, locale)}</time>
                  </>
                ) : (
                  t.deadlines.admin.builtIn
                ),
            },
          ]}
        />
      )}
      <AddEquatedDayForm t={{ form: t.form, deadlines: t.deadlines }} />
      <section aria-labelledby="feestdagen" className="mt-10">
        <h2 id="feestdagen">{format(t.deadlines.admin.holidaysHeading, { year })}</h2>
        <p>{t.deadlines.admin.holidaysText}</p>
        <ul className="list-disc space-y-1 pl-6">
          {holidaysOf(year).map((h) => (
            <li key={h.kind}>
              {holidayNames[locale][h.kind]}: <time dateTime={h.date}>{longDate(h.date, locale)}</time>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
