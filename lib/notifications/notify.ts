import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { notificationAttempts, notifications, type NoticeKind } from "@/db/schema/notifications";
import { env } from "../env";
import type { Locale } from "../i18n";
import { enqueueMany } from "../jobs/runtime";
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
 * Notifying many parties at once (an outage, a reminder run)? Use notifyMany(tx, inputs): the
 * same guarantees, one statement and one job insert for all of them.
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
  const [one] = await notifyMany(tx, [input]);
  return one!;
}

/**
 * notify() for many notices at once (an outage notice to every party concerned, a reminder run):
 * all notifications with their "queued" proof in one statement, and all their delivery jobs in
 * one pg-boss insert, inside the caller's transaction. All or nothing: a rollback leaves neither
 * notifications nor jobs, a commit leaves exactly one delivery job per notification. The results
 * are in the order of the inputs. Callers with very many notices pass them in slices (a few
 * hundred to a few thousand per call) to keep statements and transactions short.
 */
export async function notifyMany(tx: DbOrTx, inputs: readonly NotifyInput[]): Promise<{ notificationId: string; messageId: string }[]> {
  if (inputs.length === 0) return [];
  for (const input of inputs) {
    if (input.termEndsOn != null && !/^\d{4}-\d{2}-\d{2}$/.test(input.termEndsOn)) throw new Error(`termEndsOn must be a calendar date (YYYY-MM-DD), got ${input.termEndsOn}`);
  }
  const from = env().mailFrom;
  const rows = inputs.map((input) => {
    const id = randomUUID();
    return {
      id,
      party_id: input.partyId,
      kind: input.kind,
      language: input.language ?? "nl",
      message_ref: input.messageRef ?? null,
      submission_ref: input.submissionRef ?? null,
      term_ends_on: input.termEndsOn ?? null,
      message_id: messageIdForKey(notificationMailKey(id), from),
    };
  });
  // The notifications and their "queued" proof in one statement, whatever their number.
  await tx.execute(sql`
    with notice as (
      insert into ${notifications} (id, party_id, kind, language, message_ref, submission_ref, term_ends_on, message_id)
      select id, party_id, kind, language, message_ref, submission_ref, term_ends_on, message_id
      from json_to_recordset(${JSON.stringify(rows)}::json)
        as x(id uuid, party_id uuid, kind text, language text, message_ref text, submission_ref text, term_ends_on date, message_id text)
      returning id
    )
    insert into ${notificationAttempts} (notification_id, attempt, outcome) select id, 0, 'queued' from notice`);
  await enqueueMany(
    tx,
    deliverNotificationJob,
    rows.map((row) => ({ notificationId: row.id })),
  );
  return rows.map((row) => ({ notificationId: row.id, messageId: row.message_id }));
}
