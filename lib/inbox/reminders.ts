import { sql } from "drizzle-orm";
import { rowsOf, type DbOrTx } from "@/db";
import { inboxMessageTerms, inboxReminders } from "@/db/schema/inbox-terms";
import { channelConsents, notifications } from "@/db/schema/notifications";
import { inboxMessages, submissions } from "@/db/schema/submissions";
import { addDays, todayInAmsterdam, type IsoDate } from "../deadlines/calendar";
import { inTransaction, withDb } from "../db";
import { env } from "../env";
import { notifyMany } from "../notifications/notify";
import { recalculateRecentTerms } from "./effective-term";

/**
 * Reminders before a response term ends (R21): INBOX_REMINDER_DAYS (default 7 and 1) days
 * before the last day of the term that counts (the recalculated one, R13), the party gets a
 * notice of kind "reminder" naming that day (R12), unless they already reacted: a submission
 * that answers the message (submissions.in_reply_to_message_id). Archiving a message is a view
 * setting only and changes nothing here.
 *
 * - Only requests for information are reminded of: they ask for a reaction. A besluit has an
 *   objection term, but no reaction is expected, and "you must react" would say otherwise.
 * - A message that a correction replaced is not reminded of (the correction has its own term).
 * - Only to parties who chose to get reminders digitally (Mijn instellingen): a reminder is a
 *   service, not a message the law requires, so without that choice it is not sent by post and
 *   makes no task for counter staff (as with the notice about an expiring draft).
 * - Catch-up: a run that did not happen on the day still sends the reminder later, as long as
 *   the term has not ended and it was not sent, but only the nearest one (a message one day
 *   from its end gets the 1-day reminder, not the 7-day one too).
 * - Never twice: inbox_reminders has one row per (message, end of term, days before), inserted
 *   in the same transaction as the notice, so a repeated or concurrent run sends nothing again.
 */

export interface DueReminder {
  messageId: string;
  partyId: string;
  /** The last day of the term that counts. */
  termEndsOn: IsoDate;
  /** The reminder that is due: this many days before the end (one of daysBefore). */
  daysBefore: number;
  language: "nl" | "en";
}

/**
 * The reminders due at `now`: ONE statement over two index range scans (inbox_messages by
 * term_ends_on, inbox_message_terms by ends_on) with index look-ups per candidate, so it stays
 * fast with millions of messages: only messages whose term ends within the largest number of
 * days are read.
 */
export async function dueReminders(db: DbOrTx, now: Date, daysBefore: readonly number[], limit = 5000): Promise<DueReminder[]> {
  if (daysBefore.length === 0) return [];
  const today = todayInAmsterdam(now);
  const horizon = addDays(today, Math.max(...daysBefore));
  const days = `{${daysBefore.map((d) => Math.trunc(d)).join(",")}}`;
  const rows = rowsOf<{ message_id: string; party_id: string; term_ends_on: string; days_before: number | string; language: "nl" | "en" | null }>(
    await db.execute(sql`
      with candidate as (
        select m.id, m.party_id, m.term_ends_on as ends_on
        from ${inboxMessages} m
        where m.term_ends_on is not null and m.term_ends_on between ${today}::date and ${horizon}::date
          and m.kind = 'information-request'
          and not exists (select 1 from ${inboxMessageTerms} r where r.message_id = m.id)
        union all
        select m.id, m.party_id, r.ends_on
        from ${inboxMessageTerms} r
        join ${inboxMessages} m on m.id = r.message_id
        where r.ends_on between ${today}::date and ${horizon}::date
          and m.kind = 'information-request'
      ), due as (
        select c.id, c.party_id, c.ends_on,
          (select min(d) from unnest(${days}::int[]) d where d >= c.ends_on - ${today}::date) as days_before
        from candidate c
      )
      select due.id as message_id, due.party_id, to_char(due.ends_on, 'YYYY-MM-DD') as term_ends_on, due.days_before,
        (select n.language from ${notifications} n where n.message_ref = due.id::text and n.kind = 'information-request' order by n.created_at limit 1) as language
      from due
      where due.days_before is not null
        and not exists (select 1 from ${submissions} s where s.in_reply_to_message_id = due.id)
        and not exists (select 1 from ${inboxReminders} ir where ir.message_id = due.id and ir.term_ends_on = due.ends_on and ir.days_before <= due.days_before)
        and not exists (select 1 from ${inboxMessages} c where c.replaces_message_id = due.id)
        and exists (select 1 from ${channelConsents} cc where cc.party_id = due.party_id and cc.kind = 'reminder' and cc.digital)
      order by due.ends_on, due.id
      limit ${limit}`),
  );
  return rows.map((r) => ({ messageId: r.message_id, partyId: r.party_id, termEndsOn: r.term_ends_on, daysBefore: Number(r.days_before), language: r.language ?? "nl" }));
}

/**
 * Records and sends the given reminders in the caller's transaction: only those not recorded
 * yet (a concurrent run waits on the same keys and then skips them). Returns how many went out.
 */
export async function sendDueReminders(tx: DbOrTx, due: readonly DueReminder[]): Promise<number> {
  if (due.length === 0) return 0;
  const recorded = await tx
    .insert(inboxReminders)
    .values(due.map((d) => ({ messageId: d.messageId, termEndsOn: d.termEndsOn, daysBefore: d.daysBefore })))
    .onConflictDoNothing()
    .returning({ messageId: inboxReminders.messageId, termEndsOn: inboxReminders.termEndsOn, daysBefore: inboxReminders.daysBefore });
  const key = (r: { messageId: string; termEndsOn: string; daysBefore: number }) => `${r.messageId}/${r.termEndsOn}/${r.daysBefore}`;
  const fresh = new Set(recorded.map(key));
  const send = due.filter((d) => fresh.has(key(d)));
  await notifyMany(
    tx,
    send.map((d) => ({ partyId: d.partyId, kind: "reminder" as const, language: d.language, messageRef: d.messageId, termEndsOn: d.termEndsOn })),
  );
  return send.length;
}

/** One run: catch up on term recalculations, then send every due reminder, in slices. Returns how many were sent. */
export async function sendReminders(now = new Date(), daysBefore: readonly number[] = env().inbox.reminderDays, slice = 500): Promise<number> {
  await withDb((db) => recalculateRecentTerms(db, now));
  let sent = 0;
  for (let round = 0; round < 1000; round++) {
    const due = await withDb((db) => dueReminders(db, now, daysBefore, slice));
    if (due.length === 0) break;
    const n = await inTransaction((tx) => sendDueReminders(tx, due));
    sent += n;
    // Nothing new in a full slice means another run took these; it sends the rest.
    if (due.length < slice || n === 0) break;
  }
  return sent;
}
