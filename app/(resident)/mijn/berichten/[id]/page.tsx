import { cache } from "react";
import type { Metadata } from "next";
import Link from "next/link";
import { OwnMessageDelivery } from "@/components/inbox/CaseDelivery";
import { Facts } from "@/components/submissions/SubmissionParts";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { requireParty } from "@/lib/auth/current";
import { isUuid } from "@/lib/http/ids";
import { notFoundPage } from "@/lib/http/not-found";
import { format, formatDate, formatDateTime } from "@/lib/i18n";
import { getMessages } from "@/lib/i18n/server";
import { openOwnMessage } from "@/lib/inbox/queries";
import { calendarDay } from "@/lib/submissions/view";

type Params = Promise<{ id: string }>;

/** Once per request: the metadata and the page share it. */
const loadById = cache(async (id: string) => {
  const actor = await requireParty();
  if (!isUuid(id)) notFoundPage();
  const message = await openOwnMessage(actor, id);
  if (!message) notFoundPage();
  return message;
});

async function load(params: Params) {
  return loadById((await params).id);
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const message = await load(params);
  return { title: message.subject };
}

/** One message of the party; opening it the first time records when (R16). */
export default async function InboxMessagePage({ params }: { params: Params }) {
  const message = await load(params);
  const actor = await requireParty();
  const { locale, t } = await getMessages();
  const m = t.inbox;
  return (
    <>
      <Breadcrumbs t={t} items={[{ label: t.auth.mine.title, href: "/mijn" }, { label: m.title, href: "/mijn/berichten" }, { label: message.subject }]} />
      <h1>{message.subject}</h1>
      <Facts
        rows={[
          { label: m.kind, value: m.kinds[message.kind] ?? message.kind },
          { label: m.placedAt, value: <time dateTime={message.placedAt.toISOString()}>{formatDateTime(message.placedAt, locale)}</time> },
          ...(message.firstOpenedAt ? [{ label: m.firstOpenedAt, value: <time dateTime={message.firstOpenedAt.toISOString()}>{formatDateTime(message.firstOpenedAt, locale)}</time> }] : []),
        ]}
      />
      {message.termEndsOn ? <p className="font-semibold">{format(m.termEndsOn, { date: formatDate(calendarDay(message.termEndsOn), locale) })}</p> : null}
      <div className="mb-8 max-w-[70ch] whitespace-pre-line break-words" data-testid="bericht-tekst">
        {message.body}
      </div>
      {/* terms: sending and receipt, the term that counts, the proof PDF (R13, R14, R16) */}
      <OwnMessageDelivery actor={actor} messageId={message.id} locale={locale} t={t} />
      {message.submissionId || message.caseId ? (
        <section aria-labelledby="bij-dit-bericht" className="no-print">
          <h2 id="bij-dit-bericht">{m.receiptLinks}</h2>
          <ul className="mb-8 space-y-3">
            {message.submissionId ? (
              <>
                <li>
                  <Link href={`/mijn/inzendingen/${message.submissionId}`} prefetch={false}>
                    {m.toReceipt}
                  </Link>
                </li>
                <li>
                  <a href={`/mijn/inzendingen/${message.submissionId}/kopie`} download>
                    {m.toCopy}
                  </a>
                </li>
              </>
            ) : null}
            {message.caseId ? (
              <li>
                <Link href={`/mijn/zaken/${message.caseId}`} prefetch={false}>
                  {m.toCase}
                </Link>
              </li>
            ) : null}
          </ul>
        </section>
      ) : null}
      <p className="no-print">
        <Link href="/mijn/berichten">{m.backToList}</Link>
      </p>
    </>
  );
}
