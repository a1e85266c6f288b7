import { randomUUID } from "node:crypto";
import { effectiveTerm, recalculationsOf } from "../inbox/effective-term";
import { and, asc, eq, gte, inArray, isNull, lte, ne, or, sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db";
import { productMessageTypes, products } from "@/db/schema/catalogue";
import { channelDesignations, channels, type ChannelKind } from "@/db/schema/channels";
import { caseEvents, cases, draftAttachments, inboxMessages, submissionAttachments, submissionDrafts, submissions, type CaseStatus, type DraftAttachment, type InboxMessageKind, type SubmissionDraft } from "@/db/schema/submissions";
import { recordProcessing } from "../audit/processing-log";
import { meetsLevel } from "../auth/levels";
import { checkTransition } from "../cases/transitions";
import { checkValues, type RunnerError } from "../catalogue/forms/runner";
import type { FormValues } from "../catalogue/forms/values";
import { amsterdamDate } from "../channels/designations";
import { env } from "../env";
import { format, messagesFor, type Locale } from "../i18n";
import { notify } from "../notifications/notify";
import { draftExpiresAt, requiredLevel, type PortalChannel, type SubmittingParty } from "../submissions/drafts";
import { receiptMessage } from "../submissions/receipt";
import { recordHash } from "../submissions/record";
import { nextReference } from "../submissions/submit";
import { REPLY_FILES_FIELD, REPLY_TEXT_FIELD, replyForm } from "./reply-form";

/**
 * Replying to a message in the inbox (reactie, issue 7): a reply is a submission (R4-R7) through
 * the channel register's `inbox-reply` channel for the case's product, message type "aanvulling".
 * It is written in a reply draft (a submission draft without a form version, on the built-in
 * reply form, one per message and party) so nothing typed or uploaded is lost on an error, and
 * submitted in ONE transaction: the immutable submission with its hash, attachments and
 * `in_reply_to_message_id`, an event on the message's case (a case waiting for information goes
 * back to "in behandeling"), the receipt in the inbox with its notice, and the processing log.
 * The draft id is the idempotency key. See docs/decisions/0013-replies-are-submissions.md.
 */

/** The message type of a reply: an answer to the municipality's question adds to the case. */
export const REPLY_MESSAGE_TYPE = "aanvulling" as const;

/** The kinds of message a party can reply to (a receipt is not answered; a decision is objected to). */
export const repliableKinds: readonly InboxMessageKind[] = ["information-request", "information"];

export interface ReplyTarget {
  message: { id: string; kind: InboxMessageKind; subject: string; placedAt: Date; termEndsOn: string | null };
  caseRow: { id: string; reference: string; status: CaseStatus };
  product: { id: string; slug: string; nameNl: string; nameEn: string; residentLevel: string | null; businessLevel: string | null };
}

/** A message of the party with its case and product; null when it is someone else's, has no case, or is not of these kinds. */
export async function messageWithCase(db: DbOrTx, partyId: string, messageId: string, kinds: readonly InboxMessageKind[]): Promise<ReplyTarget | null> {
  const [row] = await db
    .select({
      id: inboxMessages.id,
      kind: inboxMessages.kind,
      subject: inboxMessages.subject,
      placedAt: inboxMessages.placedAt,
      termEndsOn: inboxMessages.termEndsOn,
      caseId: cases.id,
      reference: cases.reference,
      status: cases.status,
      productId: products.id,
      slug: products.slug,
      nameNl: products.nameNl,
      nameEn: products.nameEn,
      residentLevel: products.residentLevel,
      businessLevel: products.businessLevel,
    })
    .from(inboxMessages)
    .innerJoin(cases, and(eq(cases.id, inboxMessages.caseId), eq(cases.partyId, inboxMessages.partyId)))
    .innerJoin(products, eq(products.id, cases.productId))
    .where(and(eq(inboxMessages.id, messageId), eq(inboxMessages.partyId, partyId)));
  if (!row || !kinds.includes(row.kind)) return null;
  return {
    // The term that counts: recalculated when the notice reached the party later (R13).
    message: { id: row.id, kind: row.kind, subject: row.subject, placedAt: row.placedAt, termEndsOn: effectiveTerm(row, (await recalculationsOf(db, [row.id])).get(row.id) ?? null)?.endsOn ?? null },
    caseRow: { id: row.caseId, reference: row.reference, status: row.status },
    product: { id: row.productId, slug: row.slug, nameNl: row.nameNl, nameEn: row.nameEn, residentLevel: row.residentLevel, businessLevel: row.businessLevel },
  };
}

const inForce = (date: string) => and(lte(channelDesignations.validFrom, date), or(isNull(channelDesignations.validTo), gte(channelDesignations.validTo, date)));

/** The inbox-reply channel designated today for a product's replies (aanvulling); null: the portal may not take them. */
export async function replyChannelFor(db: DbOrTx, productId: string, date = amsterdamDate()): Promise<PortalChannel | null> {
  const [row] = await db
    .select({
      channelId: channels.id,
      messageType: channelDesignations.messageType,
      conditionLevel: channelDesignations.conditionLevel,
      maxFileSizeMb: channelDesignations.maxFileSizeMb,
      allowedFileTypes: channelDesignations.allowedFileTypes,
    })
    .from(channelDesignations)
    .innerJoin(channels, and(eq(channels.id, channelDesignations.channelId), eq(channels.kind, "inbox-reply"), eq(channels.active, true)))
    .innerJoin(productMessageTypes, and(eq(productMessageTypes.productId, channelDesignations.productId), eq(productMessageTypes.messageType, channelDesignations.messageType)))
    .where(and(eq(channelDesignations.productId, productId), eq(channelDesignations.messageType, REPLY_MESSAGE_TYPE), inForce(date)))
    .orderBy(asc(channelDesignations.validFrom))
    .limit(1);
  return row ?? null;
}

export interface ChannelLine {
  kind: ChannelKind;
  name: { nl: string; en: string };
  address: string;
  details: { nl: string | null; en: string | null };
}

/** Where else a product's message type may be sent today (the register's other channels), for a refusal that says where to go. */
export async function otherChannels(db: DbOrTx, productId: string, messageType: (typeof channelDesignations.$inferSelect)["messageType"], excludeKind: ChannelKind, date = amsterdamDate()): Promise<ChannelLine[]> {
  const rows = await db
    .selectDistinct({ kind: channels.kind, nameNl: channels.nameNl, nameEn: channels.nameEn, address: channels.address, detailsNl: channels.detailsNl, detailsEn: channels.detailsEn })
    .from(channelDesignations)
    .innerJoin(channels, and(eq(channels.id, channelDesignations.channelId), eq(channels.active, true), ne(channels.kind, excludeKind)))
    .where(and(eq(channelDesignations.productId, productId), eq(channelDesignations.messageType, messageType), inForce(date)))
    .orderBy(asc(channels.kind), asc(channels.nameNl));
  return rows.map((r) => ({ kind: r.kind, name: { nl: r.nameNl, en: r.nameEn }, address: r.address, details: { nl: r.detailsNl, en: r.detailsEn } }));
}

export interface ReplyDraft {
  draft: SubmissionDraft;
  attachments: DraftAttachment[];
}

/** The party's reply draft for a message, if one is being written. `forUpdate` locks it. */
export async function loadReplyDraft(db: DbOrTx, partyId: string, messageId: string, options: { forUpdate?: boolean } = {}): Promise<ReplyDraft | null> {
  const query = db
    .select()
    .from(submissionDrafts)
    .where(and(eq(submissionDrafts.partyId, partyId), eq(submissionDrafts.inReplyToMessageId, messageId), isNull(submissionDrafts.formVersionId)));
  const [draft] = options.forUpdate ? await query.for("update") : await query;
  if (!draft) return null;
  const attachments = await db.select().from(draftAttachments).where(eq(draftAttachments.draftId, draft.id)).orderBy(asc(draftAttachments.uploadedAt), asc(draftAttachments.id));
  return { draft, attachments };
}

/**
 * The reply draft for a message, made with `draftId` (the key the reply page gave its form) when
 * there is none. With a draft already there (another tab), that one is used. Locked.
 */
export async function ensureReplyDraft(tx: DbOrTx, party: SubmittingParty, target: ReplyTarget, draftId: string, now: Date, retried = false): Promise<ReplyDraft> {
  await tx
    .insert(submissionDrafts)
    .values({
      id: draftId,
      partyId: party.partyId,
      productId: target.product.id,
      formVersionId: null,
      messageType: REPLY_MESSAGE_TYPE,
      inReplyToMessageId: target.message.id,
      answers: {},
      page: "0",
      createdAt: now,
      updatedAt: now,
      expiresAt: draftExpiresAt(now),
    })
    .onConflictDoNothing();
  const loaded = await loadReplyDraft(tx, party.partyId, target.message.id, { forUpdate: true });
  if (loaded) return loaded;
  // The key was taken by a row that is not this party's reply draft: a fresh id instead.
  if (!retried) return ensureReplyDraft(tx, party, target, randomUUID(), now, true);
  throw new Error("reply draft could not be made");
}

/** Stores the text typed and the problems of the last post in the reply draft, and extends its life. */
export async function saveReplyDraft(tx: DbOrTx, draftId: string, text: string, errors: RunnerError[], now: Date): Promise<void> {
  await tx
    .update(submissionDrafts)
    .set({ answers: { [REPLY_TEXT_FIELD]: text }, errors, updatedAt: now, expiresAt: draftExpiresAt(now), expiryNoticeSentAt: null })
    .where(eq(submissionDrafts.id, draftId));
}

/** The reply already made with this key (a double post, the back button), scoped to the party. */
export async function replyByKey(db: DbOrTx, partyId: string, key: string): Promise<{ id: string; reference: string } | null> {
  const [row] = await db
    .select({ id: submissions.id, reference: submissions.reference })
    .from(submissions)
    .where(and(eq(submissions.partyId, partyId), eq(submissions.idempotencyKey, key), sql`${submissions.inReplyToMessageId} is not null`));
  return row ?? null;
}

export type ReplyOutcome =
  | { kind: "submitted"; submissionId: string; reference: string; alreadySubmitted: boolean }
  | { kind: "invalid"; errors: RunnerError[] }
  | { kind: "not-found" }
  | { kind: "no-channel" }
  | { kind: "level-too-low"; required: string };

/** Checks the reply text as the reply form says (length); the errors name the field. */
export function checkReplyText(text: string, locale: Locale, now: Date): RunnerError[] {
  return checkValues(replyForm, { [REPLY_TEXT_FIELD]: text } as FormValues, { step: 0, locale, today: amsterdamDate(now) });
}

/**
 * Submits the party's reply draft for a message. Runs in the caller's transaction. `key` is the
 * idempotency key (the reply form's key): a second submit with it gives the same submission.
 */
export async function submitReply(tx: Tx, party: SubmittingParty, messageId: string, key: string, options: { locale: Locale; now?: Date }): Promise<ReplyOutcome> {
  const now = options.now ?? new Date();
  const target = await messageWithCase(tx, party.partyId, messageId, repliableKinds);
  if (!target) return { kind: "not-found" };
  const done = await replyByKey(tx, party.partyId, key);
  if (done) return { kind: "submitted", submissionId: done.id, reference: done.reference, alreadySubmitted: true };
  const loaded = await loadReplyDraft(tx, party.partyId, messageId, { forUpdate: true });
  if (!loaded) return { kind: "not-found" };
  const text = String((loaded.draft.answers as Record<string, unknown>)[REPLY_TEXT_FIELD] ?? "").trim();
  const errors = checkReplyText(text, options.locale, now);
  if (errors.length) return { kind: "invalid", errors };

  const receivedOn = amsterdamDate(now);
  const channel = await replyChannelFor(tx, target.product.id, receivedOn);
  if (!channel) return { kind: "no-channel" };
  const required = requiredLevel(target.product, party, channel);
  if (required && !meetsLevel(party.level, required)) return { kind: "level-too-low", required };

  const attachments = loaded.attachments.filter((a) => a.fieldId === REPLY_FILES_FIELD).map((a, position) => ({ ...a, position }));
  const payload = { [REPLY_TEXT_FIELD]: text, [REPLY_FILES_FIELD]: attachments.map((a) => a.id) };
  const reference = await nextReference(tx, REPLY_MESSAGE_TYPE, Number(receivedOn.slice(0, 4)));
  const record = {
    reference,
    partyId: party.partyId,
    productId: target.product.id,
    formVersionId: null,
    messageType: REPLY_MESSAGE_TYPE,
    channelId: channel.channelId,
    loginLevel: party.level,
    onBehalfStaffId: null,
    payload,
    receivedAt: now,
    attachments: attachments.map((a) => ({ fieldId: a.fieldId, position: a.position, fileName: a.fileName, fileType: a.fileType, sizeBytes: a.sizeBytes, sha256: a.sha256 })),
  };
  const [submission] = await tx
    .insert(submissions)
    .values({ ...record, hash: recordHash(record), idempotencyKey: key, inReplyToMessageId: messageId })
    .returning({ id: submissions.id });
  const submissionId = submission!.id;
  if (attachments.length)
    await tx.insert(submissionAttachments).values(
      attachments.map((a) => ({ submissionId, fieldId: a.fieldId, position: a.position, blobKey: a.blobKey, fileName: a.fileName, fileType: a.fileType, sizeBytes: a.sizeBytes, sha256: a.sha256 })),
    );

  // The case: an event the party sees; a case waiting for this information is handled again.
  const nl = messagesFor("nl");
  const [caseRow] = await tx.select({ status: cases.status, expectedDecisionOn: cases.expectedDecisionOn }).from(cases).where(eq(cases.id, target.caseRow.id)).for("update");
  const from = caseRow!.status;
  const to: CaseStatus = from === "information-requested" && checkTransition(from, "in-progress", "").ok ? "in-progress" : from;
  await tx.update(cases).set({ status: to, updatedAt: now }).where(eq(cases.id, target.caseRow.id));
  await tx.insert(caseEvents).values({
    caseId: target.caseRow.id,
    kind: to !== from ? "status-changed" : "note",
    status: to,
    note: format(nl.replies.caseEvent, { subject: target.message.subject, reference }),
    noteVisibleToParty: true,
    staffUserId: null,
    at: now,
  });

  const e = env();
  const receipt = receiptMessage(
    {
      reference,
      receivedAt: now,
      issuer: e.municipality.name,
      productName: target.product.nameNl,
      messageTypeLabel: nl.catalogue.messageTypes[REPLY_MESSAGE_TYPE] ?? REPLY_MESSAGE_TYPE,
      attachments: attachments.map((a) => ({ fileName: a.fileName, sizeBytes: a.sizeBytes, sha256: a.sha256 })),
      expectedDecisionOn: caseRow!.expectedDecisionOn,
      help: { phone: e.municipality.phone, email: e.municipality.email },
    },
    "nl",
  );
  const [message] = await tx
    .insert(inboxMessages)
    .values({ partyId: party.partyId, kind: "receipt", caseId: target.caseRow.id, submissionId, subject: receipt.subject, body: receipt.body, placedAt: now })
    .returning({ id: inboxMessages.id });
  await notify(tx, { partyId: party.partyId, kind: "receipt", messageRef: message!.id, submissionRef: submissionId });

  await recordProcessing(tx, {
    operation: "submission.receive",
    activity: "behandeling-zaken",
    purpose: format(nl.replies.processing, { reference }),
    subject: { partyId: party.partyId, kind: party.partyKind },
    actor: party,
    startedAt: now,
    endedAt: now,
  });
  await tx.delete(submissionDrafts).where(eq(submissionDrafts.id, loaded.draft.id));
  return { kind: "submitted", submissionId, reference, alreadySubmitted: false };
}

/** The replies already sent to these messages (for the resident's message page and the handler). */
export async function repliesTo(db: DbOrTx, messageIds: readonly string[]) {
  if (!messageIds.length) return [];
  return db
    .select({ id: submissions.id, reference: submissions.reference, receivedAt: submissions.receivedAt, messageType: submissions.messageType, inReplyToMessageId: submissions.inReplyToMessageId })
    .from(submissions)
    .where(inArray(submissions.inReplyToMessageId, messageIds))
    .orderBy(asc(submissions.receivedAt));
}
