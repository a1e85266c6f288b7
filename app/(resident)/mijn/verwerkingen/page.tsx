import type { Metadata } from "next";
import Link from "next/link";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { Pagination, pageFromParam } from "@/components/ui/Pagination";
import { PhoneLink } from "@/components/ui/PhoneLink";
import { Table } from "@/components/ui/Table";
import { listOwnProcessing, type OwnProcessingEntry } from "@/lib/audit/queries";
import { requireParty } from "@/lib/auth/current";
import { branding } from "@/lib/branding";
import { format, formatDateTime, type Messages } from "@/lib/i18n";
import { getMessages } from "@/lib/i18n/server";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function pageHref(page: number): string {
  return page === 1 ? "/mijn/verwerkingen" : `/mijn/verwerkingen?pagina=${page}`;
}

// The access check runs here too: "not found" thrown only from the page body can reach the browser as an empty shell that needs JavaScript.
export async function generateMetadata(): Promise<Metadata> {
  await requireParty();
  const { t } = await getMessages();
  return { title: t.processingLog.title };
}

/** Who did it, in words a resident understands: the role, and the name only when the municipality shows names. */
function who(entry: OwnProcessingEntry, t: Messages): string {
  const roles = t.processingLog.roles;
  const role =
    entry.actorKind === "system"
      ? roles.system
      : entry.actorKind === "party"
        ? roles.party
        : entry.actorRole && entry.actorRole in roles
          ? roles[entry.actorRole as keyof typeof roles]
          : roles.staff;
  return entry.staffName ? format(t.processingLog.withName, { role, name: entry.staffName }) : role;
}

/** "Wie heeft mijn gegevens bekeken": the processing log entries about the logged-in party (R29). */
export default async function OwnProcessingPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireParty();
  const { locale, t } = await getMessages();
  const page = pageFromParam((await searchParams).pagina);
  const result = await listOwnProcessing(actor, page);
  // Past the last page (an old link): said on the page itself rather than as a 404.
  const pastTheEnd = page > result.pageCount;
  const l = t.processingLog;
  const phone = branding().phone;
  const [before, after] = l.questions.split("{phone}");
  return (
    <>
      <Breadcrumbs t={t} items={[{ label: t.frame.navHome, href: "/" }, { label: l.title }]} />
      <h1>{l.title}</h1>
      <p className="max-w-[70ch]">{l.intro}</p>
      {pastTheEnd ? (
        <p>
          {t.errors.notFoundTitle}. <Link href="/mijn/verwerkingen">{format(t.pagination.page, { page: 1 })}</Link>
        </p>
      ) : result.total === 0 ? (
        <p>{l.empty}</p>
      ) : (
        <>
          <Table
            caption={result.pageCount > 1 ? format(l.pageTitle, { title: l.caption, page, count: result.pageCount }) : l.caption}
            rows={result.entries}
            rowKey={(e) => e.id}
            columns={[
              { header: l.colTime, rowHeader: true, cell: (e) => <time dateTime={e.at.toISOString()}>{formatDateTime(e.at, locale)}</time> },
              { header: l.colWho, cell: (e) => who(e, t) },
              { header: l.colPurpose, cell: (e) => <span className="break-words">{e.purpose}</span> },
            ]}
          />
          <Pagination t={t} page={page} pageCount={result.pageCount} href={pageHref} />
        </>
      )}
      <p className="mt-8 max-w-[70ch]">
        {before}
        <PhoneLink phone={phone} />
        {after}
      </p>
    </>
  );
}
