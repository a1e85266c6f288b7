import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { notificationAttempts, notifications, type NoticeKind } from "@/db/schema/notifications";
import { env } from "../env";
import type { Locale } from "../i18n";
import { enqueue } from "../jobs/runtime";
import { messageIdForKey } from "../mail/transport";
import { deliverNotificationJob } from "./jobs";

/**
 * The one API the rest of the portal uses to tell a party something is waiting (R12):
 *
 *   await inTransaction(async (tx) => {
 *     const message = await placeMessage(tx, ...);
 *     await notify(tx, { partyId, kind: "decision", messageRef: message.id, termEndsOn: "2027-01-15" });
 *   });
 *
 * It records the notification and enqueues its delivery in the caller's transaction: when the
 * transaction rolls back there is neither, when it commits both are there, so nothing is sent
 * for a change that did not happen and nothing committed is lost. Channel consent and the
 * verified address are checked at delivery; a notice that cannot go out becomes a fallback task.
 */

export interface NotifyInput {
  partyId: string;
  kind: NoticeKind;
  /** The language of the notice; Dutch unless the party chose English. */
  language?: Locale;
  /** The inbox message it is about. */
  messageRef?: string | null;
  /** The submission it is about. */
  submissionRef?: string | null;
  /** Last day of the term the message sets ("YYYY-MM-DD"), if any. */
  termEndsOn?: string | null;
}

/** The idempotency key of a notification's mail: stable, so every attempt has the same Message-ID. */
export function notificationMailKey(notificationId: string): string {
  return `notificatie-${notificationId}`;
}

/** Records a notification and enqueues its delivery inside the caller's transaction. */
export async function notify(tx: DbOrTx, input: NotifyInput): Promise<{ notificationId: string; messageId: string }> {
  if (input.termEndsOn != null && !/^\d{4}-\d{2}-\d{2}$/.test(input.termEndsOn)) throw new Error(`termEndsOn must be a calendar date (YYYY-MM-DD), got ${input.termEndsOn}`);
  const id = randomUUID();
  const messageId = messageIdForKey(notificationMailKey(id), env().mailFrom);
  // The notification and its "queued" proof in one statement (callers notify in bulk).
  await tx.execute(sql`
    with notice as (
      insert into ${notifications} (id, party_id, kind, language, message_ref, submission_ref, term_ends_on, message_id)
      values (${id}, ${input.partyId}, ${input.kind}, ${input.language ?? "nl"}, ${input.messageRef ?? null}, ${input.submissionRef ?? null}, ${input.termEndsOn ?? null}, ${messageId})
      returning id
    )
    insert into ${notificationAttempts} (notification_id, attempt, outcome) select id, 0, 'queued' from notice`);
  await enqueue(tx, deliverNotificationJob, { notificationId: id });
  return { notificationId: id, messageId };
}
