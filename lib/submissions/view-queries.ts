import "server-only";
import { and, asc, count, desc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { products } from "@/db/schema/catalogue";
import { channels } from "@/db/schema/channels";
import { formVersions } from "@/db/schema/forms";
import { parties } from "@/db/schema/identity";
import { cases, inboxMessages, submissionAttachments, submissions, type CaseStatus } from "@/db/schema/submissions";
import { recordProcessing } from "../audit/processing-log";
import { can, roleFor, type Actor, type Permission } from "../auth/policy";
import type { FormDefinition } from "../catalogue/forms/definition";
import { inTransaction, withDb } from "../db";
import { format, messagesFor } from "../i18n";
import { NotAllowedError } from "../parties/queries";
import { attachmentStore } from "./attachments";
import { fileTypes, type FileTypeId } from "./attachments/content-type";
import { replyForm } from "../replies/reply-form";
import { hashMatches, type StoredAttachment, type StoredSubmission } from "./view";

/**
 * What pages read about submissions once they are received: the receipt page, the copy and the
 * original attachments for the party that sent them (scoped by party id: someone else's id is
 * "not found"), and the incoming list and submission screen for case handlers (case:read,
 * checked here; every read of a party's submission writes a processing-log entry).
 */

type PartyActor = Extract<Actor, { kind: "party" }>;
type StaffActor = Extract<Actor, { kind: "staff" }>;

function requirePermission(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) throw new NotAllowedError(permission);
}

/** The case behind a submission, as the receipt page and the staff screen show it. */
export interface SubmissionCase {
  id: string;
  status: CaseStatus;
  expectedDecisionOn: string | null;
  decisionTermExplanation: { nl: string; en: string } | null;
}

export interface SubmissionView {
  stored: StoredSubmission;
  partyKind: "person" | "business";
  caseRow: SubmissionCase | null;
  receiptMessageId: string | null;
}

/** Loads one submission with everything the views need; `partyId` scopes it to its sender. */
async function loadSubmission(db: DbOrTx, submissionId: string, partyId: string | null): Promise<SubmissionView | null> {
  const [row] = await db
    .select({
      submission: submissions,
      productNl: products.nameNl,
      productEn: products.nameEn,
      channelNl: channels.nameNl,
      channelEn: channels.nameEn,
      formVersion: formVersions.version,
      definition: formVersions.definition,
      partyKind: parties.kind,
    })
    .from(submissions)
    .innerJoin(products, eq(products.id, submissions.productId))
    .innerJoin(channels, eq(channels.id, submissions.channelId))
    .leftJoin(formVersions, eq(formVersions.id, submissions.formVersionId))
    .innerJoin(parties, eq(parties.id, submissions.partyId))
    .where(partyId ? and(eq(submissions.id, submissionId), eq(submissions.partyId, partyId)) : eq(submissions.id, submissionId));
  if (!row) return null;
  const files = await db.select().from(submissionAttachments).where(eq(submissionAttachments.submissionId, submissionId)).orderBy(asc(submissionAttachments.position));
  const caseColumns = { id: cases.id, status: cases.status, expectedDecisionOn: cases.expectedDecisionOn, decisionTermExplanation: cases.decisionTermExplanation };
  let [caseRow] = await db.select(caseColumns).from(cases).where(eq(cases.submissionId, submissionId));
  // A reply or a bezwaar from a message belongs to the case of that message when it opened none itself.
  if (!caseRow && row.submission.inReplyToMessageId)
    [caseRow] = await db
      .select(caseColumns)
      .from(inboxMessages)
      .innerJoin(cases, eq(cases.id, inboxMessages.caseId))
      .where(and(eq(inboxMessages.id, row.submission.inReplyToMessageId), eq(inboxMessages.partyId, row.submission.partyId)));
  const [receipt] = await db
    .select({ id: inboxMessages.id })
    .from(inboxMessages)
    .where(and(eq(inboxMessages.submissionId, submissionId), eq(inboxMessages.kind, "receipt"), eq(inboxMessages.partyId, row.submission.partyId)))
    .orderBy(asc(inboxMessages.placedAt))
    .limit(1);
  const s = row.submission;
  const attachments: StoredAttachment[] = files.map((f) => ({ id: f.id, blobKey: f.blobKey, fieldId: f.fieldId, position: f.position, fileName: f.fileName, fileType: f.fileType, sizeBytes: f.sizeBytes, sha256: f.sha256 }));
  return {
    stored: {
      id: s.id,
      reference: s.reference,
      partyId: s.partyId,
      productId: s.productId,
      formVersionId: s.formVersionId,
      messageType: s.messageType,
      channelId: s.channelId,
      loginLevel: s.loginLevel,
      onBehalfStaffId: s.onBehalfStaffId,
      payload: s.payload,
      hash: s.hash,
      receivedAt: s.receivedAt,
      attachments,
      product: { nameNl: row.productNl, nameEn: row.productEn },
      channel: { nameNl: row.channelNl, nameEn: row.channelEn },
      // No form version: a reply to an inbox message, on the built-in reply form.
      form: row.definition ? { version: row.formVersion ?? 1, definition: row.definition as FormDefinition } : { version: 1, definition: replyForm },
    },
    partyKind: row.partyKind,
    caseRow: caseRow ?? null,
    receiptMessageId: receipt?.id ?? null,
  };
}

/** A submission of the logged-in party; null when there is none (or it is someone else's). */
export async function ownSubmission(actor: PartyActor, submissionId: string): Promise<SubmissionView | null> {
  requirePermission(actor, "own:read");
  return withDb((db) => loadSubmission(db, submissionId, actor.partyId));
}

/** Thrown when a stored submission no longer matches its hash: no copy is made from it. */
export class SubmissionIntegrityError extends Error {
  constructor(readonly submissionId: string) {
    super(`Submission ${submissionId} does not match its stored hash`);
    this.name = "SubmissionIntegrityError";
  }
}

/** The submission for its copy: checked against its hash first (R7), else SubmissionIntegrityError. */
export function checkedForCopy(view: SubmissionView): SubmissionView {
  if (!hashMatches(view.stored)) throw new SubmissionIntegrityError(view.stored.id);
  return view;
}

export interface AttachmentDownload {
  fileName: string;
  contentType: string;
  sizeBytes: number;
  body: AsyncIterable<Uint8Array>;
}

function download(file: StoredAttachment): AttachmentDownload {
  const type = fileTypes[file.fileType as FileTypeId];
  return { fileName: file.fileName, contentType: type?.mime ?? "application/octet-stream", sizeBytes: file.sizeBytes, body: attachmentStore().open(file.blobKey) };
}

/** An original attachment of the party's own submission, streamed from the store; null when not theirs. */
export async function ownAttachment(actor: PartyActor, submissionId: string, attachmentId: string): Promise<AttachmentDownload | null> {
  requirePermission(actor, "own:read");
  const file = await withDb(async (db) => {
    const [row] = await db
      .select({ file: submissionAttachments })
      .from(submissionAttachments)
      .innerJoin(submissions, eq(submissions.id, submissionAttachments.submissionId))
      .where(and(eq(submissionAttachments.id, attachmentId), eq(submissionAttachments.submissionId, submissionId), eq(submissions.partyId, actor.partyId)));
    return row?.file ?? null;
  });
  return file ? download(file) : null;
}

// --- Staff (case handlers) -------------------------------------------------------------------

export interface IncomingRow {
  id: string;
  reference: string;
  productNl: string;
  productEn: string;
  messageType: string;
  receivedAt: Date;
  status: CaseStatus | null;
  expectedDecisionOn: string | null;
  attachmentCount: number;
}

export const INCOMING_PAGE_SIZE = 25;

/**
 * The incoming submissions, newest first, one page at a time. Shows no answers or names, so
 * listing is not a read of a party's data; opening one is (submissionForStaff).
 */
export async function incomingSubmissions(actor: StaffActor, page = 1): Promise<{ rows: IncomingRow[]; total: number; pageCount: number; page: number }> {
  requirePermission(actor, "case:read");
  return withDb(async (db) => {
    const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(submissions);
    const pageCount = Math.max(1, Math.ceil(total / INCOMING_PAGE_SIZE));
    const current = Math.min(Math.max(1, page), pageCount);
    const rows = await db
      .select({
        id: submissions.id,
        reference: submissions.reference,
        productNl: products.nameNl,
        productEn: products.nameEn,
        messageType: submissions.messageType,
        receivedAt: submissions.receivedAt,
        status: cases.status,
        expectedDecisionOn: cases.expectedDecisionOn,
        attachmentCount: sql<number>`(select count(*) from ${submissionAttachments} where ${submissionAttachments.submissionId} = ${submissions.id})`.mapWith(Number),
      })
      .from(submissions)
      .innerJoin(products, eq(products.id, submissions.productId))
      .leftJoin(cases, eq(cases.submissionId, submissions.id))
      .orderBy(desc(submissions.receivedAt), desc(submissions.id))
      .limit(INCOMING_PAGE_SIZE)
      .offset((current - 1) * INCOMING_PAGE_SIZE);
    return { rows, total, pageCount, page: current };
  });
}

export type StaffReadPurpose = "view" | "copy" | "attachment";

/**
 * A submission for a case handler, with the read written to the processing log in the same
 * transaction (operation submission.view / .copy / .attachment). Null when there is none.
 */
export async function submissionForStaff(actor: StaffActor, submissionId: string, purpose: StaffReadPurpose = "view"): Promise<SubmissionView | null> {
  requirePermission(actor, "case:read");
  return inTransaction(async (tx) => {
    const view = await loadSubmission(tx, submissionId, null);
    if (!view) return null;
    const t = messagesFor("nl").staffSubmissions;
    await recordProcessing(tx, {
      operation: `submission.${purpose}`,
      activity: "behandeling-zaken",
      purpose: format(purpose === "copy" ? t.logPurposeCopy : purpose === "attachment" ? t.logPurposeAttachment : t.logPurpose, { reference: view.stored.reference }),
      subject: { partyId: view.stored.partyId, kind: view.partyKind },
      actor,
      actorRole: roleFor(actor, "case:read"),
    });
    return view;
  });
}

/** An original attachment for a case handler (logged as a read of the submission); null when there is none. */
export async function attachmentForStaff(actor: StaffActor, submissionId: string, attachmentId: string): Promise<AttachmentDownload | null> {
  const view = await submissionForStaff(actor, submissionId, "attachment");
  const file = view?.stored.attachments.find((a) => a.id === attachmentId);
  return file ? download(file) : null;
}

