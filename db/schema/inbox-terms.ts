import { date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { notifications } from "./notifications";
import { inboxMessages } from "./submissions";

/**
 * Terms, delivery and reminders of inbox messages (R13, R14, R21). The message itself never
 * changes (R17), so what changes about its term lives here.
 */

export const termRecalculationReasons = ["notice-resent"] as const;
export type TermRecalculationReason = (typeof termRecalculationReasons)[number];

/**
 * The term of a message counted again from a later time of sending (R13): its notice could not be
 * delivered at first and was delivered after it was sent again, so the term runs from that
 * delivery. One row per message (the latest recalculation); the message keeps its original end.
 * Written by lib/inbox/effective-term.ts recalculateTerms.
 */
export const inboxMessageTerms = pgTable(
  "inbox_message_terms",
  {
    messageId: uuid("message_id")
      .primaryKey()
      .references(() => inboxMessages.id),
    /** The new time of sending: when the re-sent notice was delivered. */
    countedFrom: timestamp("counted_from", { withTimezone: true }).notNull(),
    /** The last day of the recalculated term (after the Algemene termijnenwet). */
    endsOn: date("ends_on", { mode: "string" }).notNull(),
    /** The notice whose delivery counts. */
    notificationId: uuid("notification_id")
      .notNull()
      .references(() => notifications.id),
    reason: text("reason", { enum: termRecalculationReasons }).notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  // The reminder scan reads recalculated terms ending in a range of days.
  (t) => [index("inbox_message_terms_ends_on_idx").on(t.endsOn)],
);

export type InboxMessageTerm = typeof inboxMessageTerms.$inferSelect;

/**
 * Reminders sent before a response term ends (R21): one per message, end of term and number of
 * days before that end, so a second or crashed-and-repeated run never sends the same reminder
 * twice. The end is part of the key: when a term is recalculated (R13), the reminders for the new
 * end are due again. The notice itself is in notifications (kind "reminder", message_ref).
 */
export const inboxReminders = pgTable(
  "inbox_reminders",
  {
    messageId: uuid("message_id")
      .notNull()
      .references(() => inboxMessages.id),
    /** The end of the term the reminder named. */
    termEndsOn: date("term_ends_on", { mode: "string" }).notNull(),
    /** Which reminder: this many days before the end (e.g. 7 or 1). */
    daysBefore: integer("days_before").notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.messageId, t.termEndsOn, t.daysBefore] })],
);
