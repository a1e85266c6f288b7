import { cache } from "react";
import type { Metadata } from "next";
import Link from "next/link";
import { ArchiveForm } from "@/components/inbox/ArchiveForm";
import { TermBox } from "@/components/inbox/TermBox";
import { MessageDelivery } from "@/components/inbox/MessageDelivery";
import { Facts } from "@/components/submissions/SubmissionParts";
import { Banner } from "@/components/ui/Banner";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { Button, ButtonLink } from "@/components/ui/Button";
import { requireParty } from "@/lib/auth/current";
import { todayInAmsterdam } from "@/lib/deadlines/calendar";
import { isUuid } from "@/lib/http/ids";
import { notFoundPage } from "@/lib/http/not-found";
import { format, formatDateTime } from "@/lib/i18n";
import { getMessages } from "@/lib/i18n/server";
import { proofOfOpenedMessage } from "@/lib/inbox/proof";
import { openOwnMessage, type LinkedMessage } from "@/lib/inbox/queries";
import { termStatus } from "@/lib/inbox/term-status";
import { formatFileSize } from "@/lib/submissions/copy";

type Params = Promise<{ id: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Once per request: the metadata and the page share it. */
const loadById = cache(async (id: string) => {
  const actor = await requireParty();
  if (!isUuid(id)) notFoundPage();
  // Null for someone else's message or none at all: openOwnMessage logs the attempt.
  const message = await openOwnMessage(actor, id);
  if (!message) notFoundPage();
  return { actor, message };
});

async function load(params: Params) {
  return loadById((await params).id);
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { message } = await load(params);
  return { title: message.subject };
}

/**
 * One message of the party; opening it the first time records when (R16). Shows the term and
 * what to do before it, the attachments, the corrections both ways (R17: both stay readable),
 * the actions (reply, object: the routes are the reply part's) and archiving.
 */
export default async function InboxMessagePage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { actor, message } = await load(params);
  const { locale, t } = await getMessages();
  const m = t.inbox;
  const v = t.inboxView;
  // The proof carries the term that counts: recalculated when the notice reached the party later (R13).
  const proof = await proofOfOpenedMessage(actor, message);
  const around = message.surroundings;
  const rawNotice = (await searchParams).melding;
  const notice = typeof rawNotice === "string" && Object.hasOwn(v.notices, rawNotice) ? v.notices[rawNotice] : undefined;
  const termEndsOn = proof.standing.term?.endsOn ?? message.termEndsOn;
  const status = termStatus(termEndsOn, todayInAmsterdam(new Date()));
  const canReply = message.kind === "information-request" || message.kind === "information";
  const canObject = message.kind === "decision";
  const linked = (label: string, target: LinkedMessage) => (
    <p key={target.id}>
      {label}{" "}
      <Link href={`/mijn/berichten/${target.id}`} prefetch={false}>
        {target.subject}
      </Link>{" "}
      ({format(v.placedOn, { date: formatDateTime(target.placedAt, locale) })})
    </p>
  );
  return (
    <>
      <Breadcrumbs
        t={t}
        items={[
          { label: t.auth.mine.title, href: "/mijn" },
          { label: m.title, href: "/mijn/berichten" },
          ...(around.archived ? [{ label: v.archiveTitle, href: "/mijn/berichten?weergave=archief" }] : []),
          { label: message.subject },
        ]}
      />
      <h1>{message.subject}</h1>
      {notice ? (
        <Banner kind="success" className="mb-6">
          <p role="status">{notice}</p>
        </Banner>
      ) : null}
      {around.correctedBy.length > 0 || around.replaces ? (
        <Banner kind="warning" title={v.correctionsTitle} className="mb-6">
          <div data-testid="correctie">
            {around.correctedBy.map((c) => linked(v.correctedBy, c))}
            {around.replaces ? linked(v.replaces, around.replaces) : null}
          </div>
        </Banner>
      ) : null}
      <Facts
        rows={[
          { label: m.kind, value: m.kinds[message.kind] ?? message.kind },
          { label: m.placedAt, value: <time dateTime={message.placedAt.toISOString()}>{formatDateTime(message.placedAt, locale)}</time> },
          ...(message.firstOpenedAt ? [{ label: m.firstOpenedAt, value: <time dateTime={message.firstOpenedAt.toISOString()}>{formatDateTime(message.firstOpenedAt, locale)}</time> }] : []),
        ]}
      />
      {status !== "none" && termEndsOn ? <TermBox t={t} locale={locale} kind={message.kind} endsOn={termEndsOn} status={status} /> : null}
      <div className="mb-8 max-w-[70ch] whitespace-pre-line break-words" data-testid="bericht-tekst">
        {message.body}
      </div>
      {around.attachments.length > 0 ? (
        <section aria-labelledby="bijlagen-titel">
          <h2 id="bijlagen-titel">{v.attachments.title}</h2>
          <ul className="mb-8 space-y-3" data-testid="bijlagen">
            {around.attachments.map((a) => (
              <li key={a.id}>
                <a href={`/mijn/berichten/${message.id}/bijlagen/${a.id}`} download>
                  {format(v.attachments.download, { name: a.fileName })}
                </a>{" "}
                <span className="text-muted">({format(v.attachments.size, { size: formatFileSize(a.sizeBytes, locale) })})</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="acties-titel" className="no-print mb-8">
        <h2 id="acties-titel">{v.actions.title}</h2>
        {canReply || canObject ? (
          <div className="mb-6 flex flex-wrap gap-4">
            {canReply ? (
              <ButtonLink href={`/mijn/berichten/${message.id}/reageren`} prefetch={false}>
                {v.actions.reply}
              </ButtonLink>
            ) : null}
            {canObject ? (
              <form method="post" action={`/mijn/berichten/${message.id}/bezwaar`}>
                <Button>{v.actions.object}</Button>
              </form>
            ) : null}
          </div>
        ) : null}
        {around.archived ? <p data-testid="in-archief">{v.actions.archivedNote}</p> : null}
        <ArchiveForm t={{ form: { errorSummaryTitle: t.form.errorSummaryTitle }, actions: v.actions }} messageId={message.id} archived={around.archived} />
      </section>
      {/* terms: sending and receipt, the term that counts, the proof PDF (R13, R14, R16) */}
      <MessageDelivery proof={proof} audience="resident" locale={locale} t={t} downloadHref={`/mijn/berichten/${message.id}/bewijs`} />
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
        <Link href={around.archived ? "/mijn/berichten?weergave=archief" : "/mijn/berichten"}>{around.archived ? v.toArchive : m.backToList}</Link>
      </p>
    </>
  );
}
