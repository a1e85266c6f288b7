import "server-only";
import { and, asc, desc, eq, inArray, ne } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { inboxMessageAttachments, messageLetters } from "@/db/schema/inbox";
import { parties, staffUsers } from "@/db/schema/identity";
import { channelConsents, fallbackTasks, notifications } from "@/db/schema/notifications";
import { cases, inboxMessages, type InboxMessageKind } from "@/db/schema/submissions";
import { recordProcessing } from "../audit/processing-log";
import { can, roleFor, type Actor } from "../auth/policy";
import { inTransaction } from "../db";
import { isUuid } from "../http/ids";
import { NotAllowedError } from "../parties/queries";
import { addressLines, addressProblem } from "./letter";

/**
 * Sending a message by post (R13): the message with what its letter needs, and recording the
 * letter made (who, when, to which address). Only for staff who send messages (message:send);
 * reading the message is a read of the party's data and is logged with its purpose.
 */

type StaffActor = Extract<Actor, { kind: "staff" }>;

export interface LetterView {
  messageId: string;
  caseId: string;
  reference: string;
  kind: InboxMessageKind;
  subject: string;
  body: string;
  placedAt: Date;
  termEndsOn: string | null;
  attachments: string[];
  /** Whether the party chose digital delivery for this kind (then no letter is needed). */
  digital: boolean;
  lastLetter: { postalAddress: string; at: Date; staffName: string } | null;
}

const LETTER_CLOSES_TASK = "Het bericht zelf is per post verstuurd door de behandelaar.";

const PURPOSE = "Bericht per post versturen aan wie niet digitaal ontvangt";

async function loadLetter(db: DbOrTx, messageId: string): Promise<(LetterView & { partyId: string; partyKind: "person" | "business" }) | null> {
  const [row] = await db
    .select({
      messageId: inboxMessages.id,
      caseId: cases.id,
      reference: cases.reference,
      kind: inboxMessages.kind,
      subject: inboxMessages.subject,
      body: inboxMessages.body,
      placedAt: inboxMessages.placedAt,
      termEndsOn: inboxMessages.termEndsOn,
      partyId: inboxMessages.partyId,
      partyKind: parties.kind,
    })
    .from(inboxMessages)
    .innerJoin(cases, eq(cases.id, inboxMessages.caseId))
    .innerJoin(parties, eq(parties.id, inboxMessages.partyId))
    .where(and(eq(inboxMessages.id, messageId), ne(inboxMessages.kind, "receipt")));
  if (!row) return null;
  const files = await db.select({ fileName: inboxMessageAttachments.fileName }).from(inboxMessageAttachments).where(eq(inboxMessageAttachments.messageId, messageId)).orderBy(asc(inboxMessageAttachments.position));
  const [consent] = await db
    .select({ digital: channelConsents.digital })
    .from(channelConsents)
    .where(and(eq(channelConsents.partyId, row.partyId), eq(channelConsents.kind, row.kind as "decision" | "information-request" | "information")));
  const [last] = await db
    .select({ postalAddress: messageLetters.postalAddress, at: messageLetters.at, staffName: staffUsers.displayName })
    .from(messageLetters)
    .innerJoin(staffUsers, eq(staffUsers.id, messageLetters.staffUserId))
    .where(eq(messageLetters.messageId, messageId))
    .orderBy(desc(messageLetters.at))
    .limit(1);
  return { ...row, attachments: files.map((f) => f.fileName), digital: consent?.digital ?? false, lastLetter: last ?? null };
}

/** The message and its last letter, for the letter page and the PDF; null when there is none. Logged. */
export async function messageLetterForStaff(actor: StaffActor, messageId: string, operation: "message.letter.view" | "message.letter.pdf"): Promise<LetterView | null> {
  if (!can(actor, "message:send")) throw new NotAllowedError("message:send");
  if (!isUuid(messageId)) return null;
  return inTransaction(async (tx) => {
    const found = await loadLetter(tx, messageId);
    if (!found) return null;
    await recordProcessing(tx, { operation, activity: "berichtenverkeer", purpose: `${PURPOSE} (${found.reference})`, subject: { partyId: found.partyId, kind: found.partyKind }, actor, actorRole: roleFor(actor, "message:send") });
    const { partyId: _p, partyKind: _k, ...view } = found;
    return view;
  });
}

export type RecordLetterOutcome = { kind: "recorded" } | { kind: "not-found" } | { kind: "invalid"; problem: "required" | "too-long" };

/** Records that a letter with this message was made for this address (the newest is the one printed). */
export async function recordMessageLetter(tx: DbOrTx, actor: StaffActor, messageId: string, postalAddress: string, now = new Date()): Promise<RecordLetterOutcome> {
  if (!can(actor, "message:send")) throw new NotAllowedError("message:send");
  const problem = addressProblem(postalAddress);
  if (problem) return { kind: "invalid", problem };
  const found = isUuid(messageId) ? await loadLetter(tx, messageId) : null;
  if (!found) return { kind: "not-found" };
  await tx.insert(messageLetters).values({ messageId, postalAddress: addressLines(postalAddress).join("\n"), staffUserId: actor.staffUserId, at: now });
  // The engine opened a fallback task for counter staff when it found no consent for this message's
  // notice; the letter is that task done, so it is closed here instead of being worked twice.
  await tx
    .update(fallbackTasks)
    .set({ status: "closed", closedAt: now, closedBy: actor.staffUserId, outcome: "letter-sent", note: LETTER_CLOSES_TASK })
    .where(
      and(
        eq(fallbackTasks.status, "open"),
        eq(fallbackTasks.reason, "no-consent"),
        inArray(fallbackTasks.notificationId, tx.select({ id: notifications.id }).from(notifications).where(eq(notifications.messageRef, messageId))),
      ),
    );
  await recordProcessing(tx, {
    operation: "message.letter.make",
    activity: "berichtenverkeer",
    purpose: `${PURPOSE} (${found.reference})`,
    subject: { partyId: found.partyId, kind: found.partyKind },
    actor,
    actorRole: roleFor(actor, "message:send"),
    startedAt: now,
    endedAt: now,
  });
  return { kind: "recorded" };
}
