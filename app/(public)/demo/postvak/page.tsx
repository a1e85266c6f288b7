import type { Metadata } from "next";
import Link from "next/link";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { Pagination, pageFromParam } from "@/components/ui/Pagination";
import { Table } from "@/components/ui/Table";
import { format, formatDateTime } from "@/lib/i18n";
import { getMessages } from "@/lib/i18n/server";
import { demoMailboxEnabled, listDemoMail } from "@/lib/mail/demo-mailbox";
import { notFoundPage } from "@/lib/http/not-found";

const PAGE_SIZE = 25;

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function pageHref(page: number): string {
  return page === 1 ? "/demo/postvak" : `/demo/postvak?pagina=${page}`;
}

// The title says which page of the list this is, so a screen reader user hears it after following a page link.
export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const { t } = await getMessages();
  const page = pageFromParam((await searchParams).pagina);
  return { title: page === 1 ? t.demoMailbox.title : format(t.demoMailbox.pageTitle, { title: t.demoMailbox.title, page, count: pageCountOf(listDemoMail(Infinity).length) }) };
}

function pageCountOf(total: number): number {
  return Math.max(1, Math.ceil(total / PAGE_SIZE));
}

/** The demo mailbox: the mails the file transport wrote, newest first. Only exists in the embedded demo. */
export default async function DemoMailboxPage({ searchParams }: { searchParams: SearchParams }) {
  if (!demoMailboxEnabled()) notFoundPage();
  const { locale, t } = await getMessages();
  const page = pageFromParam((await searchParams).pagina);
  const mails = listDemoMail(Infinity);
  const pageCount = pageCountOf(mails.length);
  if (page > pageCount) notFoundPage();
  const shown = mails.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  return (
    <>
      <Breadcrumbs t={t} items={[{ label: t.frame.navHome, href: "/" }, { label: t.demoMailbox.title }]} />
      <h1>{t.demoMailbox.title}</h1>
      <p>{t.demoMailbox.intro}</p>
      {mails.length === 0 ? (
        <p>{t.demoMailbox.empty}</p>
      ) : (
        <>
          <Table
            caption={pageCount > 1 ? format(t.demoMailbox.pageTitle, { title: t.demoMailbox.caption, page, count: pageCount }) : t.demoMailbox.caption}
            rows={shown}
            rowKey={(m) => m.id}
            columns={[
              { header: t.demoMailbox.colSubject, rowHeader: true, cell: (m) => <Link href={`/demo/postvak/${m.id}`}>{m.subject}</Link> },
              { header: t.demoMailbox.colTo, cell: (m) => <span className="inline-block min-w-[10ch] wrap-anywhere">{m.to}</span> },
              { header: t.demoMailbox.colSentAt, cell: (m) => <time dateTime={m.sentAt}>{formatDateTime(new Date(m.sentAt), locale)}</time> },
            ]}
          />
          <Pagination t={t} page={page} pageCount={pageCount} href={pageHref} />
        </>
      )}
    </>
  );
}
