import { cache } from "react";
import type { Metadata } from "next";
import Link from "next/link";
import { ChannelList } from "@/components/replies/ChannelList";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { Button } from "@/components/ui/Button";
import { requireParty } from "@/lib/auth/current";
import { env } from "@/lib/env";
import { isUuid } from "@/lib/http/ids";
import { notFoundPage } from "@/lib/http/not-found";
import { format, formatDate } from "@/lib/i18n";
import { getMessages } from "@/lib/i18n/server";
import { objectionPage } from "@/lib/replies/queries";

type Params = Promise<{ id: string }>;

const load = cache(async (id: string) => {
  const actor = await requireParty();
  if (!isUuid(id)) notFoundPage();
  const view = await objectionPage(actor, id);
  if (!view) notFoundPage();
  return view;
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  await load((await params).id);
  const { t } = await getMessages();
  return { title: t.replies.objection.title };
}

/**
 * Objecting to a besluit: where the post of the message page's "Bezwaar maken" button comes back
 * to when the portal does not take a bezwaar against it (the register's other channels), and a
 * page with the same button for whoever arrives here directly.
 */
export default async function ObjectionPage({ params }: { params: Params }) {
  const { id } = await params;
  const view = await load(id);
  const { locale, t } = await getMessages();
  const o = t.replies.objection;
  const { message, caseRow } = view.target;
  const e = env();
  return (
    <>
      <Breadcrumbs
        t={t}
        items={[
          { label: t.auth.mine.title, href: "/mijn" },
          { label: t.inbox.title, href: "/mijn/berichten" },
          { label: message.subject, href: `/mijn/berichten/${message.id}` },
          { label: o.title },
        ]}
      />
      <h1>{o.title}</h1>
      <p className="max-w-[70ch]">{format(o.intro, { subject: message.subject, date: formatDate(message.placedAt, locale), reference: caseRow.reference })}</p>
      {message.termEndsOn ? <p className="font-semibold">{format(o.term, { date: formatDate(new Date(`${message.termEndsOn}T12:00:00Z`), locale) })}</p> : null}
      {view.portalProduct ? (
        <form method="post" action={`/mijn/berichten/${message.id}/bezwaar`}>
          <Button>{o.start}</Button>
        </form>
      ) : (
        <>
          <p className="max-w-[70ch]">{format(o.noPortal, { reference: caseRow.reference })}</p>
          {view.channels.length ? (
            <ChannelList channels={view.channels} locale={locale} />
          ) : (
            <p className="max-w-[70ch]">{format(t.replies.refused.noChannels, { phone: e.municipality.phone, email: e.municipality.email, reference: caseRow.reference })}</p>
          )}
        </>
      )}
      <p className="mt-8">
        <Link href={`/mijn/berichten/${message.id}`}>{t.replies.reply.backToMessage}</Link>
      </p>
    </>
  );
}
