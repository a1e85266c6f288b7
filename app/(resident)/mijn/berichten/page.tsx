import type { Metadata } from "next";
import Link from "next/link";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { Table } from "@/components/ui/Table";
import { requireParty } from "@/lib/auth/current";
import { formatDateTime } from "@/lib/i18n";
import { getMessages } from "@/lib/i18n/server";
import { decodeInboxCursor } from "@/lib/inbox/cursor";
import { ownMessages } from "@/lib/inbox/queries";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  await requireParty();
  const { t } = await getMessages();
  return { title: t.inbox.title };
}

/** The party's inbox (berichtenbox): unread first, then newest; "older messages" pages on by keyset. */
export default async function InboxPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireParty();
  const { locale, t } = await getMessages();
  const m = t.inbox;
  const after = decodeInboxCursor((await searchParams).na);
  const { rows, next } = await ownMessages(actor, after);
  return (
    <>
      <Breadcrumbs t={t} items={[{ label: t.auth.mine.title, href: "/mijn" }, { label: m.title }]} />
      <h1>{m.title}</h1>
      <p className="max-w-[70ch]">{m.intro}</p>
      {rows.length === 0 ? (
        <p>{m.empty}</p>
      ) : (
        <Table
          caption={m.caption}
          captionHidden
          rows={rows}
          rowKey={(r) => r.id}
          columns={[
            {
              header: m.subject,
              rowHeader: true,
              cell: (r) => (
                <Link href={`/mijn/berichten/${r.id}`} prefetch={false} className={r.firstOpenedAt ? "" : "font-bold"}>
                  {r.subject}
                </Link>
              ),
            },
            { header: m.kind, cell: (r) => m.kinds[r.kind] ?? r.kind },
            { header: m.placedAt, cell: (r) => <time dateTime={r.placedAt.toISOString()}>{formatDateTime(r.placedAt, locale)}</time> },
            { header: m.status, cell: (r) => (r.firstOpenedAt ? m.read : <strong>{m.unread}</strong>) },
          ]}
        />
      )}
      <nav aria-label={t.pagination.label} className="no-print flex flex-wrap gap-6">
        {after ? (
          <Link href="/mijn/berichten" prefetch={false}>
            {m.newest}
          </Link>
        ) : null}
        {next ? (
          <Link href={`/mijn/berichten?${new URLSearchParams({ na: next })}`} prefetch={false} rel="next">
            {m.older}
          </Link>
        ) : null}
      </nav>
    </>
  );
}
