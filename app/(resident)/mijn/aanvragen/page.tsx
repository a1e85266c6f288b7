import type { Metadata } from "next";
import Link from "next/link";
import { Banner } from "@/components/ui/Banner";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { Table } from "@/components/ui/Table";
import { requireParty } from "@/lib/auth/current";
import { env } from "@/lib/env";
import { format, formatDate, formatDateTime } from "@/lib/i18n";
import { getMessages } from "@/lib/i18n/server";
import { listDrafts } from "@/lib/submissions/draft-queries";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.submissionFlow.drafts.title };
}

/** The resident's drafts: product, last saved, kept until, continue or delete. */
export default async function DraftsPage({ searchParams }: { searchParams: SearchParams }) {
  const party = await requireParty();
  const { locale, t } = await getMessages();
  const d = t.submissionFlow.drafts;
  const params = await searchParams;
  const drafts = await listDrafts(party);
  const latest = drafts[0];
  return (
    <>
      <Breadcrumbs t={t} items={[{ label: t.auth.mine.title, href: "/mijn" }, { label: d.title }]} />
      <h1>{d.title}</h1>
      {params.opgeslagen === "1" && latest ? (
        <Banner kind="success" className="mb-6">
          <p>{format(d.saved, { date: formatDate(latest.expiresAt, locale) })}</p>
        </Banner>
      ) : null}
      {params.verwijderd === "1" ? (
        <Banner kind="success" className="mb-6">
          <p>{d.deleted}</p>
        </Banner>
      ) : null}
      <p>{format(d.intro, { days: env().drafts.days })}</p>
      {drafts.length === 0 ? (
        <p>{d.empty}</p>
      ) : (
        <Table
          caption={d.caption}
          rows={drafts}
          rowKey={(r) => r.id}
          columns={[
            { header: d.product, rowHeader: true, cell: (r) => (locale === "en" ? r.productNameEn : r.productNameNl) },
            { header: d.lastSaved, cell: (r) => formatDateTime(r.updatedAt, locale) },
            { header: d.expires, cell: (r) => formatDate(r.expiresAt, locale) },
            {
              header: d.actions,
              cell: (r) => {
                const name = locale === "en" ? r.productNameEn : r.productNameNl;
                return (
                  <div className="flex flex-wrap items-center gap-4">
                    <Link href={`/mijn/aanvragen/${r.id}`}>
                      {d.continue}
                      <span className="sr-only"> {name}</span>
                    </Link>
                    <form method="post" action={`/mijn/aanvragen/${r.id}/verwijderen`}>
                      <button type="submit" className="cursor-pointer border-0 bg-transparent p-0 text-lg text-brand underline">
                        {d.delete}
                        <span className="sr-only"> {name}</span>
                      </button>
                    </form>
                  </div>
                );
              },
            },
          ]}
        />
      )}
    </>
  );
}
