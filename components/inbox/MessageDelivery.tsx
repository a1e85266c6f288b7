import { Banner } from "@/components/ui/Banner";
import { Table } from "@/components/ui/Table";
import { longDate } from "@/lib/deadlines/calendar";
import { format, formatDateTime, type Locale, type Messages } from "@/lib/i18n";
import { termRecalculationNote } from "@/lib/inbox/effective-term";
import { deliveryStateText, type MessageProof, type ProofAttempt } from "@/lib/inbox/proof";

/**
 * Sending and receipt of one message (R13, R14, R16), for the resident's message page and the
 * case handler's case screen: placed at, the notice's status, first opened at, the term (the
 * original end and a recalculated one with the reason), the R14 marking, every notice with every
 * attempt in a table, and the link to the same record as a PDF. Works without JavaScript.
 */
export function MessageDelivery({ proof, audience, locale, t, downloadHref, headingLevel = 2 }: { proof: MessageProof; audience: "resident" | "staff"; locale: Locale; t: Messages; downloadHref: string; headingLevel?: 2 | 3 | 4 }) {
  const d = t.inboxTerms.delivery;
  const { message, standing, notices } = proof;
  const term = standing.term;
  const note = termRecalculationNote(term, locale);
  const Heading = `h${headingLevel}` as const;
  const headingId = `bewijs-${message.id}`;
  const reason = standing.delivery.failureReason ? t.notifications.failureReasons[standing.delivery.failureReason] : "";
  return (
    <section aria-labelledby={headingId} className="mb-8" data-testid="bericht-bezorging">
      <Heading id={headingId}>{d.heading}</Heading>
      {standing.notHeldAgainst ? (
        <Banner kind="warning" className="mb-4">
          <p data-testid="niet-tegenwerpen">{audience === "resident" ? t.inboxTerms.notHeldAgainst : t.inboxTerms.staff.notHeldAgainst}</p>
        </Banner>
      ) : null}
      {standing.undelivered && !standing.notHeldAgainst ? (
        <Banner kind="warning" className="mb-4">
          <p data-testid="niet-afgeleverd">{audience === "resident" ? t.inboxTerms.undelivered : format(t.inboxTerms.staff.undelivered, { reason })}</p>
        </Banner>
      ) : null}
      {standing.delivery.state === "not-digital" ? <p>{audience === "resident" ? t.inboxTerms.notDigital : t.inboxTerms.staff.notDigital}</p> : null}
      <dl className="mb-4 grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
        <dt className="font-bold">{d.placedAt}</dt>
        <dd className="ml-0 mb-2 sm:mb-0">
          <time dateTime={message.placedAt.toISOString()}>{formatDateTime(message.placedAt, locale)}</time>
        </dd>
        <dt className="font-bold">{d.status}</dt>
        <dd className="ml-0 mb-2 sm:mb-0">{deliveryStateText(standing, locale)}</dd>
        <dt className="font-bold">{d.firstOpenedAt}</dt>
        <dd className="ml-0 mb-2 sm:mb-0">{message.firstOpenedAt ? <time dateTime={message.firstOpenedAt.toISOString()}>{formatDateTime(message.firstOpenedAt, locale)}</time> : d.notOpened}</dd>
        {term?.recalculated ? (
          <>
            <dt className="font-bold">{d.originalTerm}</dt>
            <dd className="ml-0 mb-2 sm:mb-0">
              <del>{longDate(term.originalEndsOn, locale)}</del>
            </dd>
          </>
        ) : null}
        <dt className="font-bold">{d.term}</dt>
        <dd className="ml-0 mb-2 sm:mb-0" data-testid="termijn-einde">
          {term ? longDate(term.endsOn, locale) : d.noTerm}
        </dd>
      </dl>
      {note ? <p data-testid="termijn-herberekend">{note}</p> : null}
      {notices.length === 0 ? <p>{d.noNotices}</p> : null}
      {notices.map((n, i) => (
          <Table<ProofAttempt & { key: string }>
            key={n.id}
            caption={format(d.noticeCaption, { number: i + 1, kind: t.notifications.kinds[n.kind] })}
            rows={n.attempts.map((a, j) => ({ ...a, key: `${n.id}-${j}` }))}
            rowKey={(a) => a.key}
            columns={[
              { header: d.columns.at, rowHeader: true, cell: (a) => <time dateTime={a.at.toISOString()}>{formatDateTime(a.at, locale)}</time> },
              { header: d.columns.outcome, cell: (a) => t.notifications.outcomes[a.outcome] },
              { header: d.columns.recipient, cell: (a) => a.recipient ?? d.none },
              { header: d.columns.code, numeric: true, cell: (a) => (a.responseCode ? String(a.responseCode) : d.none) },
            ]}
          />
      ))}
      <p className="no-print">
        <a href={downloadHref} download>
          {d.download}
        </a>
      </p>
    </section>
  );
}
