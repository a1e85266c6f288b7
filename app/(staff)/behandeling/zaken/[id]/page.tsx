import type { Metadata } from "next";
import Link from "next/link";
import { cache } from "react";
import { AttachmentsTable, ExpectedDecision, Facts } from "@/components/submissions/SubmissionParts";
import { Banner } from "@/components/ui/Banner";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { ButtonLink } from "@/components/ui/Button";
import { can } from "@/lib/auth/policy";
import { StaffCaseDelivery } from "@/components/inbox/CaseDelivery";
import { caseForStaff, caseHandlers } from "@/lib/cases/staff-queries";
import { CaseReplies } from "@/components/cases/Replies";
import { allowedNextStatuses, MAX_NOTE_LENGTH, messageTransition } from "@/lib/cases/transitions";
import { isUuid } from "@/lib/http/ids";
import { notFoundPage } from "@/lib/http/not-found";
import { format, formatDate, formatDateTime } from "@/lib/i18n";
import { getMessages } from "@/lib/i18n/server";
import { fieldByMessageKind } from "@/lib/inbox/message-input";
import { requireStaffPage } from "@/lib/staff/guard";
import { calendarDay, messageTypeLabel } from "@/lib/submissions/view";
import { AssignForm, AssignToMeForm, NoteForm, StatusForm } from "./CaseForms";

type Params = Promise<{ id: string }>;

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Once per request (metadata and page share it, so the read is logged once). */
const loadById = cache(async (id: string) => {
  const actor = await requireStaffPage("case:read");
  if (!isUuid(id)) notFoundPage();
  const found = await caseForStaff(actor, id);
  if (!found) notFoundPage();
  return { actor, found };
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { found } = await loadById((await params).id);
  const { t } = await getMessages();
  return { title: format(t.caseHandling.caseTitle, { reference: found.reference }), robots: { index: false } };
}

/**
 * The case screen for case handlers: the facts (no BSN or KvK number: only whether a resident
 * or a business sent it), the decision date, the submission with its copy and attachments, the
 * whole timeline (internal notes too), and the actions for those with case:handle.
 */
export default async function StaffCasePage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { actor, found } = await loadById((await params).id);
  const { locale, t } = await getMessages();
  const h = t.caseHandling;
  const rawNotice = (await searchParams).melding;
  const notice = typeof rawNotice === "string" && Object.hasOwn(h.notices, rawNotice) ? h.notices[rawNotice] : undefined;
  const title = format(h.caseTitle, { reference: found.reference });
  const product = locale === "nl" ? found.productNl : found.productEn;
  const submissionPath = `/behandeling/inzendingen/${found.submission.id}`;
  const canHandle = can(actor, "case:handle");
  const canSend = can(actor, "message:send");
  const m = h.messages;
  const rawMessage = (await searchParams).bericht;
  const sentMessage = typeof rawMessage === "string" ? found.messages.find((message) => message.id === rawMessage) : undefined;
  const handlers = canHandle ? await caseHandlers(actor) : [];
  const updatedAt = found.updatedAt.toISOString();
  const next = allowedNextStatuses(found.status);
  const forms = { form: t.form, caseHandling: t.caseHandling, cases: t.cases };
  const noteHint = format(h.noteHint, { max: MAX_NOTE_LENGTH });
  return (
    <>
      <Breadcrumbs t={t} items={[{ label: t.staff.behandeling.title, href: "/behandeling" }, { label: title }]} />
      <h1>
        {product}
        <span className="block text-xl font-normal text-muted">{title}</span>
      </h1>
      {notice ? (
        <Banner kind="success" className="mb-6">
          <p role="status">{notice}</p>
        </Banner>
      ) : null}
      <Facts
        rows={[
          {
            label: h.facts.status,
            value: (
              <>
                <strong data-testid="zaak-status">{t.cases.statuses[found.status] ?? found.status}</strong>
                {found.overdue ? <strong className="ml-2 border-2 border-solid border-error px-1 text-error">{h.overdue}</strong> : null}
              </>
            ),
          },
          { label: h.facts.reference, value: found.reference },
          { label: h.facts.product, value: product },
          { label: h.facts.partyKind, value: t.staffSubmissions.partyKinds[found.partyKind] ?? found.partyKind },
          { label: h.facts.assigned, value: <span data-testid="zaak-behandelaar">{found.assignedName ? (found.assignedTo === actor.staffUserId ? format(h.you, { name: found.assignedName }) : found.assignedName) : h.nobody}</span> },
          { label: h.facts.openedAt, value: <time dateTime={found.openedAt.toISOString()}>{formatDateTime(found.openedAt, locale)}</time> },
          { label: h.facts.updatedAt, value: <time dateTime={updatedAt}>{formatDateTime(found.updatedAt, locale)}</time> },
        ]}
      />

      <section aria-labelledby="besluit">
        <h2 id="besluit">{h.decisionHeading}</h2>
        <ExpectedDecision t={t} locale={locale} on={found.expectedDecisionOn} explanation={found.decisionTermExplanation} />
      </section>

      <section aria-labelledby="bericht">
        <h2 id="bericht">{h.submissionHeading}</h2>
        <p>{format(h.submissionText, { messageType: messageTypeLabel(found.submission.messageType, locale), date: formatDateTime(found.submission.receivedAt, locale) })}</p>
        <ul className="mb-6 space-y-3">
          <li>
            <Link href={submissionPath} prefetch={false}>
              {h.toSubmission}
            </Link>
          </li>
          <li>
            <a href={`${submissionPath}/kopie`} download>
              {h.toCopy}
            </a>
          </li>
        </ul>
        {found.submission.attachments.length === 0 ? (
          <p>{h.noAttachments}</p>
        ) : (
          <AttachmentsTable t={t} locale={locale} attachments={found.submission.attachments} caption={h.attachmentsCaption} href={(id) => `${submissionPath}/bijlagen/${id}`} />
        )}
      </section>

      <CaseReplies actor={actor} caseId={found.id} />
      {/* terms: the messages of the case with their delivery and proof (R13, R14, R16) */}
      <StaffCaseDelivery actor={actor} caseId={found.id} locale={locale} t={t} />

      <section aria-labelledby="tijdlijn">
        <h2 id="tijdlijn">{h.timelineHeading}</h2>
        <ol className="mb-8 space-y-4 border-l-4 border-solid border-brand pl-6" data-testid="tijdlijn">
          {found.events.map((event) => (
            <li key={event.id}>
              <p className="mb-1">
                <time dateTime={event.at.toISOString()} className="font-bold">
                  {formatDateTime(event.at, locale)}
                </time>
                {" – "}
                {t.cases.statuses[event.status] ?? event.status}
              </p>
              <p className="mb-1">
                {event.kind === "assigned"
                  ? event.assignedName
                    ? format(h.events.assigned ?? "", { name: event.assignedName })
                    : h.events.unassigned
                  : format(h.events[event.kind] ?? event.kind, { status: t.cases.statuses[event.status] ?? event.status })}{" "}
                <span className="text-muted">{event.staffName ? format(h.by, { name: event.staffName }) : h.bySystem}</span>
              </p>
              {event.note ? (
                <>
                  <p className="mb-1 whitespace-pre-line">{event.note}</p>
                  <p className="mb-0 text-sm font-semibold">{event.noteVisibleToParty ? h.visibleToParty : h.internalOnly}</p>
                </>
              ) : null}
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="berichten">
        <h2 id="berichten">{m.heading}</h2>
        {sentMessage && rawNotice === "message-by-post" ? (
          <p className="font-semibold">
            <Link href={`/behandeling/berichten/${sentMessage.id}/brief`} data-testid="brief-maken">
              {format(m.makeLetterFor, { subject: sentMessage.subject })}
            </Link>
          </p>
        ) : null}
        {found.messages.length === 0 ? (
          <p>{m.none}</p>
        ) : (
          <table className="mb-6 w-full border-collapse text-left" data-testid="zaak-berichten">
            <caption className="sr-only">{m.caption}</caption>
            <thead>
              <tr className="border-b-2 border-solid border-ink">
                <th scope="col" className="py-2 pr-4">{m.columns.placedAt}</th>
                <th scope="col" className="py-2 pr-4">{m.columns.message}</th>
                <th scope="col" className="py-2 pr-4">{m.columns.term}</th>
                <th scope="col" className="py-2 pr-4">{m.columns.delivery}</th>
              </tr>
            </thead>
            <tbody>
              {found.messages.map((message) => {
                const byPost = message.noticeFailure === "no-consent";
                return (
                  <tr key={message.id} className="border-b border-solid border-line align-top">
                    <td className="py-2 pr-4">
                      <time dateTime={message.placedAt.toISOString()}>{formatDateTime(message.placedAt, locale)}</time>
                    </td>
                    <td className="py-2 pr-4">
                      <span className="block text-sm font-semibold">{t.inbox.kinds[message.kind] ?? message.kind}</span>
                      {message.subject}
                      {message.replacesMessageId ? <span className="block text-sm">{format(m.corrects, { subject: found.messages.find((o) => o.id === message.replacesMessageId)?.subject ?? "" })}</span> : null}
                      {message.sentByName ? <span className="block text-sm text-muted">{format(h.by, { name: message.sentByName })}</span> : null}
                    </td>
                    <td className="py-2 pr-4">{message.termEndsOn ? formatDate(calendarDay(message.termEndsOn), locale) : "–"}</td>
                    <td className="py-2 pr-4">
                      <span className="block">{message.firstOpenedAt ? format(m.openedAt, { date: formatDateTime(message.firstOpenedAt, locale) }) : m.notOpened}</span>
                      <span className="block">{byPost ? m.byPost : message.noticeStatus ? (m.noticeStatuses[message.noticeStatus] ?? message.noticeStatus) : m.noNotice}</span>
                      {message.kind !== "receipt" && (byPost || message.letterAt) && canSend ? (
                        <Link href={`/behandeling/berichten/${message.id}/brief`} className="block">
                          {message.letterAt ? format(m.letterMade, { date: formatDateTime(message.letterAt, locale) }) : m.makeLetter}
                        </Link>
                      ) : null}
                      {message.kind !== "receipt" && canSend && messageTransition(found.status, message.kind, message.kind === "decision").ok ? (
                        <Link href={`/behandeling/zaken/${found.id}/bericht?${new URLSearchParams({ vervangt: message.id, soort: fieldByMessageKind[message.kind as keyof typeof fieldByMessageKind] ?? "informatie" })}`} className="block">
                          {format(m.correct, { subject: message.subject })}
                        </Link>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        {canSend ? (
          <p>
            <ButtonLink href={`/behandeling/zaken/${found.id}/bericht`} prefetch={false} data-testid="bericht-sturen">
              {m.send}
            </ButtonLink>
          </p>
        ) : null}
      </section>

      {canHandle ? (
        <section aria-labelledby="behandelen">
          <h2 id="behandelen">{h.actionsHeading}</h2>
          <h3 id="toewijzen">{h.assignHeading}</h3>
          {found.assignedTo !== actor.staffUserId ? <AssignToMeForm t={forms} caseId={found.id} updatedAt={updatedAt} me={actor.staffUserId} /> : null}
          <AssignForm t={forms} caseId={found.id} updatedAt={updatedAt} current={found.assignedTo} handlers={handlers} />

          <h3 id="status-wijzigen" className="mt-10">
            {h.statusHeading}
          </h3>
          {next.length === 0 ? <p>{h.finalText}</p> : <StatusForm t={forms} caseId={found.id} updatedAt={updatedAt} options={next} noteHint={noteHint} />}

          <h3 id="notitie-toevoegen" className="mt-10">
            {h.noteHeading}
          </h3>
          <NoteForm t={forms} caseId={found.id} updatedAt={updatedAt} noteHint={noteHint} />
        </section>
      ) : null}
      <p className="no-print mt-10">
        <Link href="/behandeling">{h.toQueue}</Link>
      </p>
    </>
  );
}
