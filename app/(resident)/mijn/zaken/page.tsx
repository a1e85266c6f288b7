import type { Metadata } from "next";
import Link from "next/link";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { Table } from "@/components/ui/Table";
import { requireParty } from "@/lib/auth/current";
import { ownCases } from "@/lib/cases/queries";
import { env } from "@/lib/env";
import { format, formatDate, formatDateTime } from "@/lib/i18n";
import { getMessages } from "@/lib/i18n/server";
import { calendarDay } from "@/lib/submissions/view";
import { DemoSubmissionForm } from "./DemoSubmissionForm";

export async function generateMetadata(): Promise<Metadata> {
  await requireParty();
  const { t } = await getMessages();
  return { title: t.cases.title };
}

/** The party's cases (zaken), newest first, each with its status and expected decision date. */
export default async function CasesPage() {
  const actor = await requireParty();
  const { locale, t } = await getMessages();
  const c = t.cases;
  const rows = await ownCases(actor);
  return (
    <>
      <Breadcrumbs t={t} items={[{ label: t.auth.mine.title, href: "/mijn" }, { label: c.title }]} />
      <h1>{c.title}</h1>
      <p className="max-w-[70ch]">{c.intro}</p>
      {rows.length === 0 ? (
        <p>{c.empty}</p>
      ) : (
        <Table
          caption={c.caption}
          captionHidden
          rows={rows}
          rowKey={(r) => r.id}
          columns={[
            {
              header: c.product,
              rowHeader: true,
              cell: (r) => (
                <Link href={`/mijn/zaken/${r.id}`} prefetch={false} aria-label={`${locale === "nl" ? r.productNl : r.productEn}, ${format(c.openLabel, { reference: r.reference })}`}>
                  {locale === "nl" ? r.productNl : r.productEn}
                </Link>
              ),
            },
            { header: c.reference, cell: (r) => r.reference },
            { header: c.status, cell: (r) => c.statuses[r.status] ?? r.status },
            { header: c.expectedDecision, cell: (r) => (r.expectedDecisionOn ? <time dateTime={r.expectedDecisionOn}>{formatDate(calendarDay(r.expectedDecisionOn), locale)}</time> : c.noDate) },
            { header: c.openedAt, cell: (r) => <time dateTime={r.openedAt.toISOString()}>{formatDateTime(r.openedAt, locale)}</time> },
          ]}
        />
      )}
      {env().demoFeatures ? (
        <section aria-labelledby="demo-titel" className="no-print mt-10 max-w-3xl border-t border-solid border-line pt-6">
          <h2 id="demo-titel">{c.demoHeading}</h2>
          <p>{c.demoIntro}</p>
          <DemoSubmissionForm t={{ form: t.form, cases: t.cases }} />
        </section>
      ) : null}
    </>
  );
}
