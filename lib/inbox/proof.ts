import { and, asc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { parties } from "@/db/schema/identity";
import { notificationAttempts, notifications, type AttemptOutcome, type FailureReason, type NoticeKind, type NotificationStatus } from "@/db/schema/notifications";
import { cases, inboxMessages, type InboxMessageKind } from "@/db/schema/submissions";
import { recordProcessing } from "../audit/processing-log";
import { can, roleFor, type Actor, type Permission } from "../auth/policy";
import { longDate, todayInAmsterdam } from "../deadlines/calendar";
import { inTransaction, withDb } from "../db";
import { format, formatDateTime, messagesFor, type Locale } from "../i18n";
import { logger } from "../log";
import { NotAllowedError } from "../parties/queries";
import type { PdfBlock, PdfDocumentSpec } from "../pdf/document";
import { recalculationsOf, standingOf, termRecalculationNote, type MessageStanding } from "./effective-term";

/**
 * The proof of sending and reading of one inbox message (R14, R16; Awb 2:25): when it was
 * placed, every notice about it with every attempt (time, outcome, the address masked, the mail
 * server's code), when the party first opened it, and its term (the original end and, when the
 * notice was delivered only after it was sent again, the recalculated one, R13). The same record
 * for the party (their own messages only) and for staff (case:read, written to the processing
 * log), on screen (components/inbox/MessageDelivery.tsx) and as a PDF (proofDocument).
 */

type PartyActor = Extract<Actor, { kind: "party" }>;
type StaffActor = Extract<Actor, { kind: "staff" }>;

export interface ProofAttempt {
  at: Date;
  outcome: AttemptOutcome;
  /** The address, masked: "j***@example.nl". */
  recipient: string | null;
  responseCode: number | null;
}

export interface ProofNotice {
  id: string;
  kind: NoticeKind;
  status: NotificationStatus;
  createdAt: Date;
  deliveredAt: Date | null;
  failureReason: FailureReason | null;
  attempts: ProofAttempt[];
}

export interface MessageProof {
  message: { id: string; partyId: string; kind: InboxMessageKind; subject: string; placedAt: Date; firstOpenedAt: Date | null; caseReference: string | null };
  standing: MessageStanding;
  notices: ProofNotice[];
}

/** An e-mail address with all but the first letter of the local part hidden: "jan@example.nl" -> "j***@example.nl". */
export function maskEmail(address: string | null): string | null {
  if (!address) return null;
  const at = address.lastIndexOf("@");
  if (at <= 0) return "***";
  return `${address[0]}***${address.slice(at)}`;
}

/** The message as the proof names it; termEndsOn is the original end (the proof shows the one that counts). */
export type ProofMessage = MessageProof["message"] & { termEndsOn: string | null };

/** The proof of a message, or null when there is none (or, with partyId, it is not that party's). */
export async function loadMessageProof(db: DbOrTx, messageId: string, options: { partyId?: string; now?: Date } = {}): Promise<MessageProof | null> {
  const [message] = await db
    .select({
      id: inboxMessages.id,
      partyId: inboxMessages.partyId,
      kind: inboxMessages.kind,
      subject: inboxMessages.subject,
      placedAt: inboxMessages.placedAt,
      firstOpenedAt: inboxMessages.firstOpenedAt,
      termEndsOn: inboxMessages.termEndsOn,
      caseReference: cases.reference,
    })
    .from(inboxMessages)
    .leftJoin(cases, eq(cases.id, inboxMessages.caseId))
    .where(options.partyId ? and(eq(inboxMessages.id, messageId), eq(inboxMessages.partyId, options.partyId)) : eq(inboxMessages.id, messageId));
  return message ? proofOf(db, message, options.now) : null;
}

/**
 * The proof of a message the caller has already read (and may see): its notices with their
 * attempts (one query) and its recalculated term (one more, at the same time).
 */
export async function proofOf(db: DbOrTx, message: ProofMessage, now = new Date()): Promise<MessageProof> {
  const [rows, recalculations] = await Promise.all([
    db
      .select({ notice: notifications, attempt: notificationAttempts })
      .from(notifications)
      .leftJoin(notificationAttempts, eq(notificationAttempts.notificationId, notifications.id))
      .where(eq(notifications.messageRef, message.id))
      .orderBy(asc(notifications.createdAt), asc(notifications.id), asc(notificationAttempts.at), asc(notificationAttempts.attempt)),
    recalculationsOf(db, [message.id]),
  ]);
  const notices = new Map<string, ProofNotice & { attemptCount: number }>();
  for (const { notice: n, attempt: a } of rows) {
    let notice = notices.get(n.id);
    if (!notice) {
      notice = { id: n.id, kind: n.kind, status: n.status, createdAt: n.createdAt, deliveredAt: n.deliveredAt, failureReason: n.failureReason, attemptCount: n.attemptCount, attempts: [] };
      notices.set(n.id, notice);
    }
    if (a) notice.attempts.push({ at: a.at, outcome: a.outcome, recipient: maskEmail(a.recipient), responseCode: a.responseCode });
  }
  // The standing counts the message's own notice (its kind), not the reminders about it.
  const own = [...notices.values()].filter((n) => n.kind === message.kind);
  const standing = standingOf(message, own, recalculations.get(message.id) ?? null, todayInAmsterdam(now));
  const { termEndsOn: _end, ...shown } = message;
  return { message: shown, standing, notices: [...notices.values()].map(({ attemptCount: _count, ...notice }) => notice) };
}

function requirePermission(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) throw new NotAllowedError(permission);
}

/** The proof of one of the party's own messages; null for a message that is not theirs. */
export async function ownMessageProof(actor: PartyActor, messageId: string): Promise<MessageProof | null> {
  requirePermission(actor, "own:read");
  const proof = await withDb((db) => loadMessageProof(db, messageId, { partyId: actor.partyId }));
  // Someone else's message, or none: logged like the message itself (lib/inbox/queries.ts), the party id, never a BSN.
  if (!proof) logger().warn({ event: "inbox.proof.not-found", partyId: actor.partyId, messageId }, "inbox: a message the party does not have was asked for");
  return proof;
}

/** The proof of a message the party has just opened (openOwnMessage), without reading the message again. */
export async function proofOfOpenedMessage(actor: PartyActor, message: ProofMessage): Promise<MessageProof> {
  requirePermission(actor, "own:read");
  if (message.partyId !== actor.partyId) throw new NotAllowedError("own:read");
  const { id, partyId, kind, subject, placedAt, firstOpenedAt, termEndsOn, caseReference } = message;
  return withDb((db) => proofOf(db, { id, partyId, kind, subject, placedAt, firstOpenedAt, termEndsOn, caseReference }));
}

/** The proof of a message for staff (case:read); reading it is written to the processing log. */
export async function messageProofForStaff(actor: StaffActor, messageId: string): Promise<MessageProof | null> {
  requirePermission(actor, "case:read");
  return inTransaction(async (tx) => {
    const proof = await loadMessageProof(tx, messageId);
    if (!proof) return null;
    const [party] = await tx.select({ kind: parties.kind }).from(parties).where(eq(parties.id, proof.message.partyId));
    await recordProcessing(tx, {
      operation: "message.proof",
      activity: "behandeling-zaken",
      purpose: format(messagesFor("nl").inboxTerms.log.proof, { reference: proof.message.caseReference ?? proof.message.subject }),
      subject: { partyId: proof.message.partyId, kind: party!.kind },
      actor,
      actorRole: roleFor(actor, "case:read"),
    });
    return proof;
  });
}

/** The one-line state of the message's own notice, as a resident reads it. */
export function deliveryStateText(standing: MessageStanding, locale: Locale): string {
  const t = messagesFor(locale);
  const s = t.inboxTerms.delivery.states;
  const d = standing.delivery;
  if (d.state === "delivered") return format(s.delivered, { date: formatDateTime(d.deliveredAt!, locale) });
  if (d.state === "failed") return format(s.failed, { reason: d.failureReason ? t.notifications.failureReasons[d.failureReason] : "" });
  return s[d.state];
}

/** The proof as a PDF document (lib/pdf). */
export function proofDocument(proof: MessageProof, locale: Locale, issuer: string, now = new Date()): PdfDocumentSpec {
  const t = messagesFor(locale);
  const d = t.inboxTerms.delivery;
  const p = t.inboxTerms.pdf;
  const { message, standing, notices } = proof;
  const term = standing.term;
  const facts = [
    { label: p.subject, value: message.subject },
    { label: p.kind, value: t.inbox.kinds[message.kind] ?? message.kind },
    ...(message.caseReference ? [{ label: p.reference, value: message.caseReference }] : []),
    { label: p.messageId, value: message.id },
    { label: d.placedAt, value: formatDateTime(message.placedAt, locale) },
    { label: d.firstOpenedAt, value: message.firstOpenedAt ? formatDateTime(message.firstOpenedAt, locale) : d.notOpened },
    { label: d.status, value: deliveryStateText(standing, locale) },
    ...(term
      ? term.recalculated
        ? [
            { label: d.originalTerm, value: longDate(term.originalEndsOn, locale) },
            { label: d.term, value: longDate(term.endsOn, locale) },
          ]
        : [{ label: d.term, value: longDate(term.endsOn, locale) }]
      : [{ label: d.term, value: d.noTerm }]),
  ];
  const blocks: PdfBlock[] = [{ kind: "heading", text: p.title }, { kind: "paragraph", text: d.intro }, { kind: "facts", rows: facts }];
  const note = termRecalculationNote(term, locale);
  if (note) blocks.push({ kind: "paragraph", text: note });
  if (standing.notHeldAgainst) blocks.push({ kind: "paragraph", text: t.inboxTerms.notHeldAgainst });
  if (notices.length === 0) blocks.push({ kind: "paragraph", text: d.noNotices });
  notices.forEach((n, i) => {
    blocks.push({ kind: "heading", level: 2, text: format(d.noticeCaption, { number: i + 1, kind: t.notifications.kinds[n.kind] }) });
    blocks.push({
      kind: "table",
      columns: [
        { label: d.columns.at, width: 0.3 },
        { label: d.columns.outcome, width: 0.32 },
        { label: d.columns.recipient, width: 0.23 },
        { label: d.columns.code, width: 0.15 },
      ],
      rows: n.attempts.map((a) => [formatDateTime(a.at, locale), t.notifications.outcomes[a.outcome], a.recipient ?? d.none, a.responseCode ? String(a.responseCode) : d.none]),
    });
  });
  blocks.push({ kind: "paragraph", muted: true, text: format(p.made, { date: formatDateTime(now, locale) }) });
  return { title: p.title, issuer, language: locale, createdAt: now, footer: format(p.footer, { id: message.id.slice(0, 8) }), blocks };
}
