import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { parties, staffUsers } from "./identity";

/**
 * Notifications (notificaties, R10-R16): a party's contact details and channel consent
 * (kanaalkeuze) with their history, every notice with each delivery attempt, and fallback tasks
 * (terugvaltaken) for counter staff when a notice could not be delivered.
 */

/** The message types a party chooses a channel for; the notice kinds are the same list. */
export const noticeKinds = ["decision", "information-request", "information", "receipt", "reminder", "outage", "draft-expiring"] as const;
export type NoticeKind = (typeof noticeKinds)[number];

/** A party's current contact details. The e-mail address is used only once verified. */
export const partyContacts = pgTable("party_contacts", {
  partyId: uuid("party_id")
    .primaryKey()
    .references(() => parties.id),
  email: text("email"),
  /** Set when the current address was verified by the link sent to it; null while unverified. */
  emailVerifiedAt: timestamp("email_verified_at", { withTimezone: true }),
  /** Dutch mobile number, normalised to +316xxxxxxxx. */
  mobile: text("mobile"),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Links sent to verify an e-mail address: only the SHA-256 of the token is stored; each works once, until it expires. */
export const emailVerifications = pgTable(
  "email_verifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    partyId: uuid("party_id")
      .notNull()
      .references(() => parties.id),
    email: text("email").notNull(),
    tokenHash: text("token_hash").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("email_verifications_token_unique").on(t.tokenHash), index("email_verifications_party_idx").on(t.partyId)],
);

/** The current channel consent per party and message type: digital or not. No row means "not chosen": not digital. */
export const channelConsents = pgTable(
  "channel_consents",
  {
    partyId: uuid("party_id")
      .notNull()
      .references(() => parties.id),
    kind: text("kind", { enum: noticeKinds }).notNull(),
    digital: boolean("digital").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.partyId, t.kind] })],
);

export const contactChangeKinds = ["email-set", "email-removed", "email-verified", "mobile-set", "mobile-removed", "consent"] as const;

/** Every change to contact details and consent, with its time and who made it. Append-only. */
export const contactChanges = pgTable(
  "contact_changes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    partyId: uuid("party_id")
      .notNull()
      .references(() => parties.id),
    change: text("change", { enum: contactChangeKinds }).notNull(),
    /** For consent: the message type. */
    kind: text("kind", { enum: noticeKinds }),
    /** The new value: an address, a number, or "digital"/"not-digital". */
    value: text("value"),
    actorKind: text("actor_kind", { enum: ["party", "staff", "system"] }).notNull(),
    actorId: text("actor_id"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("contact_changes_party_idx").on(t.partyId, t.at)],
);

export const notificationStatuses = ["queued", "sending", "retrying", "delivered", "failed"] as const;
export type NotificationStatus = (typeof notificationStatuses)[number];

/** Why a notice could not be delivered (permanent) or was given up. */
export const failureReasons = ["no-consent", "no-verified-address", "rejected", "retries-exhausted", "bounced", "template-error"] as const;
export type FailureReason = (typeof failureReasons)[number];

/** One notice to a party that a message or submission is waiting in the portal. */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    partyId: uuid("party_id")
      .notNull()
      .references(() => parties.id),
    kind: text("kind", { enum: noticeKinds }).notNull(),
    language: text("language", { enum: ["nl", "en"] }).notNull(),
    /** The inbox message this notice is about (owned by the inbox capability). */
    messageRef: text("message_ref"),
    /** The submission this notice is about (owned by the submissions capability). */
    submissionRef: text("submission_ref"),
    /** Last day of the term the message sets, if any (R12). */
    termEndsOn: date("term_ends_on"),
    status: text("status", { enum: notificationStatuses }).notNull().default("queued"),
    /** Header Message-ID, the same for every attempt, so a re-send after a crash is recognisable. */
    messageId: text("message_id").notNull(),
    recipient: text("recipient"),
    attemptCount: integer("attempt_count").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }),
    /** When the current "sending" claim was taken; a stale claim (crashed worker) may be taken again. */
    claimedAt: timestamp("claimed_at", { withTimezone: true }),
    /** Start of the retry period; reset when a notice is sent again after the address was fixed. */
    retryFrom: timestamp("retry_from", { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** Accepted by the receiving server: the time of sending that counts. */
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
    failedAt: timestamp("failed_at", { withTimezone: true }),
    failureReason: text("failure_reason", { enum: failureReasons }),
  },
  (t) => [
    uniqueIndex("notifications_message_id_unique").on(t.messageId),
    index("notifications_party_idx").on(t.partyId, t.createdAt),
    index("notifications_status_idx").on(t.status, t.createdAt),
    // The notices about one inbox message: its delivery status and proof (lib/inbox/delivery-status.ts, proof.ts).
    index("notifications_message_ref_idx").on(t.messageRef).where(sql`${t.messageRef} is not null`),
    // Re-sent notices about a message delivered lately: the catch-up of term recalculations (lib/inbox/effective-term.ts).
    index("notifications_resent_delivered_idx")
      .on(t.deliveredAt)
      .where(sql`${t.messageRef} is not null and ${t.attemptCount} > 1 and ${t.status} = 'delivered'`),
  ],
);

export const attemptOutcomes = ["queued", "sending", "delivered", "temporary-failure", "permanent-failure", "bounced"] as const;
export type AttemptOutcome = (typeof attemptOutcomes)[number];

/** The proof of delivery (R14, R16): every step of every notice with its time and outcome. */
export const notificationAttempts = pgTable(
  "notification_attempts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    notificationId: uuid("notification_id")
      .notNull()
      .references(() => notifications.id),
    /** 0 for the "queued" entry, then 1, 2, ... per try. */
    attempt: integer("attempt").notNull(),
    outcome: text("outcome", { enum: attemptOutcomes }).notNull(),
    recipient: text("recipient"),
    /** The SMTP code (e.g. 250, 451, 550), when there was one. */
    responseCode: integer("response_code"),
    /** What the receiving server said, or why we did not send. Never personal data beyond the address. */
    detail: text("detail"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("notification_attempts_notification_idx").on(t.notificationId, t.at)],
);

export const fallbackOutcomes = ["phoned", "letter-sent", "counter-visit", "address-fixed", "unreachable"] as const;
export type FallbackOutcome = (typeof fallbackOutcomes)[number];

/** A task for counter staff to reach a party another way after a notice could not be delivered (R13). */
export const fallbackTasks = pgTable(
  "fallback_tasks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    partyId: uuid("party_id")
      .notNull()
      .references(() => parties.id),
    notificationId: uuid("notification_id")
      .notNull()
      .references(() => notifications.id),
    reason: text("reason", { enum: failureReasons }).notNull(),
    status: text("status", { enum: ["open", "closed"] }).notNull().default("open"),
    /** Where the letter goes, typed by staff from the BRP (the portal holds no postal addresses). */
    postalAddress: text("postal_address"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    closedBy: uuid("closed_by").references(() => staffUsers.id),
    outcome: text("outcome", { enum: fallbackOutcomes }),
    note: text("note"),
  },
  (t) => [
    // One open task per notice: a notice that fails again while its task is open does not make a second.
    uniqueIndex("fallback_tasks_open_unique").on(t.notificationId).where(sql`${t.status} = 'open'`),
    index("fallback_tasks_status_idx").on(t.status, t.createdAt),
    check("fallback_tasks_closed", sql`(${t.status} = 'open') = (${t.closedAt} is null)`),
  ],
);
