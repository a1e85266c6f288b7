import { and, eq, gt, inArray, isNotNull, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { inboxMessageTerms, type TermRecalculationReason } from "@/db/schema/inbox-terms";
import { notifications } from "@/db/schema/notifications";
import { inboxMessages, type InboxMessageKind, type InboxTermRule } from "@/db/schema/submissions";
import { compareDates, daysBetween, longDate, todayInAmsterdam, type IsoDate } from "../deadlines/calendar";
import { loadEquatedDays } from "../deadlines/equated-days";
import type { EquatedDay } from "../deadlines/terms";
import { format, messagesFor, type Locale } from "../i18n";
import { deliveryStatus, notHeldAgainst, undelivered, type DeliveryStatus, type NoticeRow } from "./delivery-status";
import { messageTerm, REQUEST_TERM_LIMITS, type MessageTermInput } from "./terms";

/**
 * The term of a message as every screen shows it (R13): the end computed when it was placed,
 * and, when its notice could not be delivered at first and was delivered after it was sent
 * again, the end counted again from that new time of sending. The message never changes (R17):
 * a recalculation is a row in inbox_message_terms, written when the re-sent notice is recorded
 * as delivered (lib/notifications/delivery.ts calls recalculateTerms for re-sent notices) and,
 * should that process have died in between, by the catch-up in the reminder job.
 *
 *   const standing = (await messageStandings(db, [message], now)).get(message.id);
 *   standing.term?.endsOn            // the end that counts
 *   termRecalculationNote(standing.term, "nl")  // "De termijn is opnieuw berekend vanaf ..."
 */

export interface TermRecalculation {
  /** The new time of sending: when the re-sent notice was delivered. */
  countedFrom: Date;
  endsOn: IsoDate;
  reason: TermRecalculationReason;
}

export interface EffectiveTerm {
  /** The end computed when the message was placed. */
  originalEndsOn: IsoDate;
  /** The end that counts: the recalculated one when there is one, else the original. */
  endsOn: IsoDate;
  recalculated: TermRecalculation | null;
}

/** The term that counts for a message; null for a message without a term. */
export function effectiveTerm(message: { termEndsOn: string | null }, recalculation: TermRecalculation | null): EffectiveTerm | null {
  if (!message.termEndsOn) return null;
  // A recalculation only ever gives more time: never less than the original end.
  const later = recalculation && compareDates(recalculation.endsOn, message.termEndsOn) > 0 ? recalculation : null;
  return { originalEndsOn: message.termEndsOn, endsOn: later ? later.endsOn : message.termEndsOn, recalculated: later };
}

/** The sentence that explains a recalculated term, or null when the term was not recalculated. */
export function termRecalculationNote(term: EffectiveTerm | null, locale: Locale): string | null {
  if (!term?.recalculated) return null;
  const t = messagesFor(locale).inboxTerms;
  return format(t.recalculated, {
    from: longDate(todayInAmsterdam(term.recalculated.countedFrom), locale),
    original: longDate(term.originalEndsOn, locale),
    end: longDate(term.endsOn, locale),
  });
}

/**
 * The same choice as effectiveTerm, in SQL, for lists that show or filter many messages in one
 * statement: the recalculated end when it is later than the original, else the original.
 * `row` names the inbox_messages row in the query (its table name, or a subquery's alias).
 */
export function effectiveTermEnd(row: string): SQL {
  const message = sql.raw(`"${row.replaceAll('"', "")}"`);
  return sql`coalesce((select greatest(recalculated.ends_on, ${message}.term_ends_on) from ${inboxMessageTerms} as recalculated where recalculated.message_id = ${message}.id), ${message}.term_ends_on)`;
}

/** effectiveTermEnd as "YYYY-MM-DD" text (null without a term), as the date columns are read. */
export function effectiveTermEndText(row: string) {
  return sql<string | null>`to_char(${effectiveTermEnd(row)}, 'YYYY-MM-DD')`;
}

/**
 * The term of a message counted from a later time of sending. A last day the handler picked
 * moves by as many days as the sending was late (counted as a term in days, within the limits).
 */
export function recalculatedTerm(rule: InboxTermRule, placedAt: Date, sentAt: Date, equatedDays: readonly EquatedDay[]): IsoDate | null {
  let input: MessageTermInput = rule;
  if (rule.kind === "information-request" && "endsOn" in rule.term) {
    const days = daysBetween(todayInAmsterdam(placedAt), rule.term.endsOn);
    input = { kind: "information-request", term: { amount: Math.min(Math.max(days, REQUEST_TERM_LIMITS.days.min), REQUEST_TERM_LIMITS.days.max), unit: "days" } };
  }
  try {
    return messageTerm(input, sentAt, equatedDays)?.endsOn ?? null;
  } catch {
    return null;
  }
}

/** What a screen needs to show about a message's term and delivery. */
export interface MessageStanding {
  term: EffectiveTerm | null;
  delivery: DeliveryStatus;
  /** R14: the term passed without a delivered notice, while the party had not opted out. */
  notHeldAgainst: boolean;
  /** R13: the notice could not be delivered (not by the party's choice). */
  undelivered: boolean;
}

export interface StandingInput {
  id: string;
  kind: InboxMessageKind;
  termEndsOn: string | null;
}

/** The notices about messages (their own kind; reminders are not the notice of a message). */
export async function noticesOf(db: DbOrTx, messages: readonly Pick<StandingInput, "id" | "kind">[]): Promise<Map<string, NoticeRow[]>> {
  const byId = new Map<string, NoticeRow[]>(messages.map((m) => [m.id, []]));
  if (messages.length === 0) return byId;
  const kindOf = new Map(messages.map((m) => [m.id, m.kind]));
  const rows = await db
    .select({
      id: notifications.id,
      messageRef: notifications.messageRef,
      kind: notifications.kind,
      status: notifications.status,
      failureReason: notifications.failureReason,
      createdAt: notifications.createdAt,
      deliveredAt: notifications.deliveredAt,
      attemptCount: notifications.attemptCount,
    })
    .from(notifications)
    .where(and(isNotNull(notifications.messageRef), inArray(notifications.messageRef, [...kindOf.keys()])));
  for (const { messageRef, kind, ...row } of rows) {
    if (messageRef && kindOf.get(messageRef) === kind) byId.get(messageRef)!.push(row);
  }
  return byId;
}

/** The recalculated terms of messages, by message id. */
export async function recalculationsOf(db: DbOrTx, messageIds: readonly string[]): Promise<Map<string, TermRecalculation>> {
  if (messageIds.length === 0) return new Map();
  const rows = await db
    .select({ messageId: inboxMessageTerms.messageId, countedFrom: inboxMessageTerms.countedFrom, endsOn: inboxMessageTerms.endsOn, reason: inboxMessageTerms.reason })
    .from(inboxMessageTerms)
    .where(inArray(inboxMessageTerms.messageId, [...messageIds]));
  return new Map(rows.map(({ messageId, ...r }) => [messageId, r]));
}

/** The term and delivery status of each message (two queries for any number of messages). */
export async function messageStandings(db: DbOrTx, messages: readonly StandingInput[], now = new Date()): Promise<Map<string, MessageStanding>> {
  const ids = messages.map((m) => m.id);
  const [notices, recalculations] = await Promise.all([noticesOf(db, messages), recalculationsOf(db, ids)]);
  const today = todayInAmsterdam(now);
  return new Map(messages.map((m) => [m.id, standingOf(m, notices.get(m.id) ?? [], recalculations.get(m.id) ?? null, today)]));
}

/** The standing of one message from its own notices and its recalculation, already read. */
export function standingOf(message: StandingInput, notices: NoticeRow[], recalculation: TermRecalculation | null, today: IsoDate): MessageStanding {
  const term = effectiveTerm(message, recalculation);
  const delivery = deliveryStatus(notices);
  return { term, delivery, notHeldAgainst: notHeldAgainst(delivery, term?.endsOn ?? null, today), undelivered: undelivered(delivery) };
}

/**
 * Counts the terms of these messages again from the delivery of a re-sent notice (R13), and
 * records each end that moved. Idempotent: running it twice changes nothing. Returns how many
 * messages got a (new) recalculated term.
 */
export async function recalculateTerms(db: DbOrTx, messageIds: readonly string[]): Promise<number> {
  const ids = [...new Set(messageIds)].filter((id) => /^[0-9a-f-]{36}$/i.test(id));
  if (ids.length === 0) return 0;
  const messages = await db
    .select({ id: inboxMessages.id, kind: inboxMessages.kind, placedAt: inboxMessages.placedAt, termEndsOn: inboxMessages.termEndsOn, termRule: inboxMessages.termRule })
    .from(inboxMessages)
    .where(and(inArray(inboxMessages.id, ids), isNotNull(inboxMessages.termRule), isNotNull(inboxMessages.termEndsOn)));
  if (messages.length === 0) return 0;
  const notices = await noticesOf(db, messages);
  const equatedDays = await loadEquatedDays(db);
  let changed = 0;
  for (const m of messages) {
    const rows = notices.get(m.id) ?? [];
    const status = deliveryStatus(rows);
    if (status.state !== "delivered" || !status.resent || !status.deliveredAt) continue;
    const notice = rows.find((n) => n.deliveredAt?.getTime() === status.deliveredAt!.getTime())!;
    const endsOn = recalculatedTerm(m.termRule!, m.placedAt, status.deliveredAt, equatedDays);
    if (!endsOn || compareDates(endsOn, m.termEndsOn!) <= 0) continue;
    const written = await db
      .insert(inboxMessageTerms)
      .values({ messageId: m.id, countedFrom: status.deliveredAt, endsOn, notificationId: notice.id, reason: "notice-resent" })
      .onConflictDoUpdate({
        target: inboxMessageTerms.messageId,
        set: { countedFrom: status.deliveredAt, endsOn, notificationId: notice.id, at: sql`now()` },
        setWhere: sql`${inboxMessageTerms.endsOn} <> excluded.ends_on or ${inboxMessageTerms.countedFrom} <> excluded.counted_from`,
      })
      .returning({ id: inboxMessageTerms.messageId });
    changed += written.length;
  }
  return changed;
}

/**
 * The ends the terms of these messages get when their notice is sent at `sentAt` (R13), by
 * message id: for a notice that goes out again, so that it names the end that will count (R12)
 * instead of the one that ran from the first try. Only ends later than the original.
 */
export async function termsIfSentAt(db: DbOrTx, messageIds: readonly string[], sentAt: Date): Promise<Map<string, IsoDate>> {
  const ids = [...new Set(messageIds)].filter((id) => /^[0-9a-f-]{36}$/i.test(id));
  const ends = new Map<string, IsoDate>();
  if (ids.length === 0) return ends;
  const messages = await db
    .select({ id: inboxMessages.id, placedAt: inboxMessages.placedAt, termEndsOn: inboxMessages.termEndsOn, termRule: inboxMessages.termRule })
    .from(inboxMessages)
    .where(and(inArray(inboxMessages.id, ids), isNotNull(inboxMessages.termRule), isNotNull(inboxMessages.termEndsOn)));
  if (messages.length === 0) return ends;
  const equatedDays = await loadEquatedDays(db);
  for (const m of messages) {
    const endsOn = recalculatedTerm(m.termRule!, m.placedAt, sentAt, equatedDays);
    if (endsOn && compareDates(endsOn, m.termEndsOn!) > 0) ends.set(m.id, endsOn);
  }
  return ends;
}

/**
 * The catch-up: re-sent notices about a message delivered in the last `hours` whose message has
 * no recalculation for that delivery yet (the delivering process died before it wrote one).
 * Uses the small partial index notifications_resent_delivered_idx.
 */
export async function recalculateRecentTerms(db: DbOrTx, now = new Date(), hours = 72): Promise<number> {
  const since = new Date(now.getTime() - hours * 3600_000);
  const rows = await db
    .select({ messageRef: notifications.messageRef })
    .from(notifications)
    .where(
      and(
        isNotNull(notifications.messageRef),
        gt(notifications.attemptCount, 1),
        eq(notifications.status, "delivered"),
        gt(notifications.deliveredAt, since),
        sql`not exists (select 1 from ${inboxMessageTerms} t where t.notification_id = ${notifications.id})`,
      ),
    )
    .limit(5000);
  return recalculateTerms(
    db,
    rows.map((r) => r.messageRef!),
  );
}
