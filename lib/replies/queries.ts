import "server-only";
import { effectiveTerm, recalculationsOf } from "../inbox/effective-term";
import { and, asc, count, eq, inArray, sql } from "drizzle-orm";
import { inboxMessages, submissionAttachments, submissions } from "@/db/schema/submissions";
import { can, type Actor, type Permission } from "../auth/policy";
import { amsterdamDate } from "../channels/designations";
import { withDb } from "../db";
import type { Locale } from "../i18n";
import { objectionChannels } from "../inbox/objection-channels";
import type { ObjectionChannel } from "../inbox/objection-clause";
import { logger } from "../log";
import { NotAllowedError } from "../parties/queries";
import { replyUploadLimits, newReplyKey } from "./flow";
import { latenessReason, replyLateness, termHasPassed } from "./lateness";
import { decisionOf, objectionOfDraft, objectionProduct } from "./objection";
import { REPLY_TEXT_FIELD } from "./reply-form";
import { loadReplyDraft, messageWithCase, otherChannels, replyChannelFor, repliableKinds, REPLY_MESSAGE_TYPE, type ChannelLine, type ReplyTarget } from "./service";

/**
 * What the reply and objection pages and the handler's case screen read. Party reads are scoped
 * to the session's party (someone else's message is "not found", and the attempt is logged);
 * the handler's read needs case:read (the case screen writes the processing-log entry).
 */

type PartyActor = Extract<Actor, { kind: "party" }>;
type StaffActor = Extract<Actor, { kind: "staff" }>;

function requirePermission(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) throw new NotAllowedError(permission);
}

function logRefused(messageId: string, what: string): void {
  logger().warn({ messageId, what }, "a party asked for a message that is not theirs or cannot be answered");
}

export interface ReplyPageView {
  target: ReplyTarget;
  /** Null: the register does not designate the inbox for replies; `elsewhere` says where to send it. */
  designated: boolean;
  elsewhere: ChannelLine[];
  key: string;
  text: string;
  errors: { field: string; message: string }[];
  files: { id: string; name: string; size: number }[];
  limits: ReturnType<typeof replyUploadLimits>;
  termPassed: boolean;
}

/** The reply page of the party's message; null (404) when it is not theirs or cannot be replied to. */
export async function replyPage(actor: PartyActor, messageId: string, now = new Date()): Promise<ReplyPageView | null> {
  requirePermission(actor, "own:submit");
  return withDb(async (db) => {
    const target = await messageWithCase(db, actor.partyId, messageId, repliableKinds);
    if (!target) {
      logRefused(messageId, "reply");
      return null;
    }
    const date = amsterdamDate(now);
    const channel = await replyChannelFor(db, target.product.id, date);
    const draft = channel ? await loadReplyDraft(db, actor.partyId, messageId) : null;
    return {
      target,
      designated: channel !== null,
      elsewhere: channel ? [] : await otherChannels(db, target.product.id, REPLY_MESSAGE_TYPE, "inbox-reply", date),
      key: draft?.draft.id ?? newReplyKey(),
      text: String((draft?.draft.answers as Record<string, unknown> | undefined)?.[REPLY_TEXT_FIELD] ?? ""),
      errors: draft?.draft.errors ?? [],
      files: (draft?.attachments ?? []).map((a) => ({ id: a.id, name: a.fileName, size: a.sizeBytes })),
      limits: replyUploadLimits(channel),
      termPassed: termHasPassed(target.message, now),
    };
  });
}

export interface ObjectionPageView {
  target: ReplyTarget;
  /** The product whose portal form takes the bezwaar; null: the portal does not, `channels` says where. */
  portalProduct: string | null;
  channels: ObjectionChannel[];
}

/** The objection page of the party's besluit; null (404) when it is not theirs or not a decision. */
export async function objectionPage(actor: PartyActor, messageId: string, now = new Date()): Promise<ObjectionPageView | null> {
  requirePermission(actor, "own:submit");
  return withDb(async (db) => {
    const target = await decisionOf(db, actor.partyId, messageId);
    if (!target) {
      logRefused(messageId, "objection");
      return null;
    }
    const date = amsterdamDate(now);
    return { target, portalProduct: await objectionProduct(db, target.product.id, date), channels: await objectionChannels(db, target.product.id, date) };
  });
}

/** The besluit a bezwaar draft of the party objects to, for the banner on every draft page; null for other drafts. */
export async function objectionBanner(actor: PartyActor, draftId: string): Promise<{ messageId: string; subject: string; placedAt: Date } | null> {
  requirePermission(actor, "own:read");
  return withDb((db) => objectionOfDraft(db, actor.partyId, draftId));
}

export interface CaseReply {
  submissionId: string;
  reference: string;
  kind: "reply" | "objection";
  receivedAt: Date;
  files: number;
  message: { id: string; subject: string; termEndsOn: string | null };
  late: boolean;
  /** Why it is marked late, in the handler's language; null when on time. */
  lateReason: string | null;
}

/** The replies and objections received to the messages of a case, oldest first, with late marking. */
export async function caseReplies(actor: StaffActor, caseId: string, locale: Locale): Promise<CaseReply[]> {
  requirePermission(actor, "case:read");
  return withDb(async (db) => {
    const rows = await db
      .select({
        submissionId: submissions.id,
        reference: submissions.reference,
        messageType: submissions.messageType,
        receivedAt: submissions.receivedAt,
        messageId: inboxMessages.id,
        subject: inboxMessages.subject,
        termEndsOn: inboxMessages.termEndsOn,
      })
      .from(inboxMessages)
      .innerJoin(submissions, eq(submissions.inReplyToMessageId, inboxMessages.id))
      .where(and(eq(inboxMessages.caseId, caseId), sql`${submissions.partyId} = ${inboxMessages.partyId}`))
      .orderBy(asc(submissions.receivedAt), asc(submissions.id));
    const ids = rows.map((r) => r.submissionId);
    const counts = ids.length
      ? await db.select({ id: submissionAttachments.submissionId, n: count() }).from(submissionAttachments).where(inArray(submissionAttachments.submissionId, ids)).groupBy(submissionAttachments.submissionId)
      : [];
    // Late against the term that counts: recalculated when the notice reached the party later (R13).
    const recalculated = await recalculationsOf(db, [...new Set(rows.map((r) => r.messageId))]);
    return rows.map((r) => {
      const lateness = replyLateness({ termEndsOn: effectiveTerm(r, recalculated.get(r.messageId) ?? null)?.endsOn ?? null }, r.receivedAt);
      return {
        submissionId: r.submissionId,
        reference: r.reference,
        kind: r.messageType === "bezwaar" ? ("objection" as const) : ("reply" as const),
        receivedAt: r.receivedAt,
        files: counts.find((c) => c.id === r.submissionId)?.n ?? 0,
        message: { id: r.messageId, subject: r.subject, termEndsOn: r.termEndsOn },
        late: lateness.late,
        lateReason: latenessReason(lateness, locale),
      };
    });
  });
}
