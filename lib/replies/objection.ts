import { and, eq, isNotNull } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { products } from "@/db/schema/catalogue";
import { inboxMessages, submissionDrafts } from "@/db/schema/submissions";
import { amsterdamDate } from "../channels/designations";
import { GENERAL_OBJECTION_PRODUCT } from "../inbox/objection-channels";
import { portalChannelFor, startDraft, type StartOutcome, type SubmittingParty } from "../submissions/drafts";
import { messageWithCase, type ReplyTarget } from "./service";

/**
 * Objecting (bezwaar maken) from a besluit in the inbox: a bezwaar draft of the case's product
 * when the register designates the portal form for its bezwaar, else of the general objection
 * product ("bezwaar-maken"), with the message id on the draft (carried to the submission's
 * in_reply_to_message_id) and the decision filled in.
 *
 * Prefill convention (docs/decisions/0013-replies-are-submissions.md): a bezwaar form asks for
 * the decision with the field ids `besluit` (text: what the decision is about; the message's
 * subject), `kenmerk` (text: the case number) and `besluitdatum` (date: the day the besluit was
 * placed in the inbox). Keys the form does not have are not part of what is submitted.
 */

/** The answers a bezwaar form gets from the besluit it objects to. Pure. */
export function objectionPrefill(target: Pick<ReplyTarget, "message" | "caseRow">): Record<string, string> {
  return { besluit: target.message.subject.slice(0, 300), kenmerk: target.caseRow.reference, besluitdatum: amsterdamDate(target.message.placedAt) };
}

/** The besluit of the party with its case; null when it is not theirs or not a decision. */
export function decisionOf(db: DbOrTx, partyId: string, messageId: string): Promise<ReplyTarget | null> {
  return messageWithCase(db, partyId, messageId, ["decision"]);
}

/** The product whose portal form takes a bezwaar against a decision about `productId` today; null: none. */
export async function objectionProduct(db: DbOrTx, productId: string, date: string): Promise<string | null> {
  const [own] = await db.select({ slug: products.slug }).from(products).where(eq(products.id, productId));
  if (own && (await portalChannelFor(db, productId, "bezwaar", date))) return own.slug;
  const [general] = await db.select({ id: products.id, slug: products.slug }).from(products).where(and(eq(products.slug, GENERAL_OBJECTION_PRODUCT), eq(products.active, true)));
  if (general && (await portalChannelFor(db, general.id, "bezwaar", date))) return general.slug;
  return null;
}

export type ObjectionOutcome = (StartOutcome & { slug: string }) | { kind: "not-a-decision" } | { kind: "no-portal" };

/** Starts a bezwaar draft against the party's besluit. Runs in the caller's transaction. */
export async function startObjection(tx: DbOrTx, party: SubmittingParty, messageId: string, now = new Date()): Promise<ObjectionOutcome> {
  const target = await decisionOf(tx, party.partyId, messageId);
  if (!target) return { kind: "not-a-decision" };
  const slug = await objectionProduct(tx, target.product.id, amsterdamDate(now));
  if (!slug) return { kind: "no-portal" };
  return { ...(await startDraft(tx, party, slug, { now, messageType: "bezwaar", prefill: objectionPrefill(target), inReplyToMessageId: messageId })), slug };
}

/** For the draft pages: the besluit a bezwaar draft of the party objects to; null for other drafts. */
export async function objectionOfDraft(db: DbOrTx, partyId: string, draftId: string): Promise<{ messageId: string; subject: string; placedAt: Date } | null> {
  const [row] = await db
    .select({ messageId: inboxMessages.id, subject: inboxMessages.subject, placedAt: inboxMessages.placedAt })
    .from(submissionDrafts)
    .innerJoin(inboxMessages, and(eq(inboxMessages.id, submissionDrafts.inReplyToMessageId), eq(inboxMessages.partyId, submissionDrafts.partyId), eq(inboxMessages.kind, "decision")))
    .where(and(eq(submissionDrafts.id, draftId), eq(submissionDrafts.partyId, partyId), isNotNull(submissionDrafts.formVersionId)));
  return row ?? null;
}
