import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from "drizzle-orm/pg-core";
import { messageTypes, products } from "./catalogue";
import { channels } from "./channels";
import { formVersions } from "./forms";
import { parties, staffUsers } from "./identity";

/**
 * Submitting (inzenden, R4-R9): drafts kept on the server while a party fills in a form, the
 * submission as received (immutable: a trigger in the custom migration refuses UPDATE and DELETE),
 * its attachments, the case (zaak) it opens with the events of its status, and the messages in
 * the party's inbox (berichtenbox). Glossary: inzending = submission, concept = draft,
 * zaak = case, bericht = message, kenmerk = reference.
 */

/** A form being filled in: the answers so far and the page the party is on. Deleted when submitted. */
export const submissionDrafts = pgTable(
  "submission_drafts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    partyId: uuid("party_id")
      .notNull()
      .references(() => parties.id),
    productId: uuid("product_id")
      .notNull()
      .references(() => products.id),
    /**
     * The form version the draft was started on; it is submitted against the same version. Null:
     * a reply (reactie) to an inbox message, on the built-in reply form (lib/inbox/reply-form.ts).
     */
    formVersionId: uuid("form_version_id").references(() => formVersions.id),
    messageType: text("message_type", { enum: messageTypes }).notNull(),
    /**
     * The inbox message this draft answers: a reply (form version null) or a bezwaar started from
     * a besluit. Carried to submissions.in_reply_to_message_id when it is submitted.
     */
    inReplyToMessageId: uuid("in_reply_to_message_id").references((): AnyPgColumn => inboxMessages.id),
    /** The answers, as lib/catalogue/forms/values.ts shapes them (file fields hold draft attachment ids). */
    answers: jsonb("answers").$type<Record<string, unknown>>().notNull().default({}),
    /** The page: a step index as text, or "check". */
    page: text("page").notNull().default("0"),
    returnToCheck: boolean("return_to_check").notNull().default(false),
    /** The problems of the last post, shown until the next one: [{ field, message }]. */
    errors: jsonb("errors").$type<{ field: string; message: string }[]>().notNull().default([]),
    /** Set when a counter employee fills it in on the party's behalf. */
    startedByStaffId: uuid("started_by_staff_id").references(() => staffUsers.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    /** After this moment the draft and its attachments are deleted (SUBMISSION_DRAFT_DAYS after the last change). */
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    /** When the party was told the draft will expire (at most once per expiry). */
    expiryNoticeSentAt: timestamp("expiry_notice_sent_at", { withTimezone: true }),
  },
  (t) => [
    index("submission_drafts_party_idx").on(t.partyId, t.updatedAt),
    index("submission_drafts_expires_idx").on(t.expiresAt),
    // One reply being written per message and party; a bezwaar draft (with a form version) may be started again.
    uniqueIndex("submission_drafts_one_reply").on(t.partyId, t.inReplyToMessageId).where(sql`${t.formVersionId} is null`),
  ],
);

export type SubmissionDraft = typeof submissionDrafts.$inferSelect;

/** A file uploaded into a draft: its bytes are in the attachment store under blobKey. */
export const draftAttachments = pgTable(
  "draft_attachments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    draftId: uuid("draft_id")
      .notNull()
      .references(() => submissionDrafts.id, { onDelete: "cascade" }),
    fieldId: text("field_id").notNull(),
    blobKey: text("blob_key").notNull().unique(),
    /** The name the browser gave; shown to people, never used as a path. */
    fileName: text("file_name").notNull(),
    /** The type read from the content (lib/submissions/attachments/content-type.ts). */
    fileType: text("file_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    sha256: text("sha256").notNull(),
    uploadedAt: timestamp("uploaded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("draft_attachments_draft_idx").on(t.draftId, t.uploadedAt)],
);

export type DraftAttachment = typeof draftAttachments.$inferSelect;

/** The counter behind reference numbers (kenmerken): one row per prefix and year. */
export const referenceCounters = pgTable(
  "reference_counters",
  {
    prefix: text("prefix").notNull(),
    year: integer("year").notNull(),
    lastNumber: integer("last_number").notNull(),
  },
  (t) => [primaryKey({ columns: [t.prefix, t.year] })],
);

/**
 * A submission as received (R4-R7). Never changed or deleted (a trigger refuses it): the
 * payload, the form version, the attachments and a hash over all of it, the time of receipt,
 * the reference, the channel it came through and the login level used.
 */
export const submissions = pgTable(
  "submissions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    reference: text("reference").notNull().unique(),
    partyId: uuid("party_id")
      .notNull()
      .references(() => parties.id),
    productId: uuid("product_id")
      .notNull()
      .references(() => products.id),
    /** Null: a reply (reactie) on the built-in reply form (lib/inbox/reply-form.ts). */
    formVersionId: uuid("form_version_id").references(() => formVersions.id),
    messageType: text("message_type", { enum: messageTypes }).notNull(),
    channelId: uuid("channel_id")
      .notNull()
      .references(() => channels.id),
    /** The login level of the session that submitted (a DigiD or eHerkenning level). */
    loginLevel: text("login_level").notNull(),
    /** Set when a counter employee submitted on the party's behalf. */
    onBehalfStaffId: uuid("on_behalf_staff_id").references(() => staffUsers.id),
    /** The answers of the shown fields; file fields hold the attachment ids. */
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    /** SHA-256 over the canonical JSON of the whole submission (lib/submissions/record.ts). */
    hash: text("hash").notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull(),
    /** The draft id it was submitted from: a second submit of the same draft finds this one. */
    idempotencyKey: text("idempotency_key").notNull(),
    /** A reply (reactie) to a message in the inbox: the message it answers (R21: no reminders after it). */
    inReplyToMessageId: uuid("in_reply_to_message_id").references((): AnyPgColumn => inboxMessages.id),
  },
  (t) => [
    uniqueIndex("submissions_idempotency_unique").on(t.partyId, t.idempotencyKey),
    index("submissions_in_reply_to_idx").on(t.inReplyToMessageId),
    index("submissions_party_idx").on(t.partyId, t.receivedAt),
    index("submissions_received_idx").on(t.receivedAt),
  ],
);

export type Submission = typeof submissions.$inferSelect;

export const submissionAttachments = pgTable(
  "submission_attachments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    submissionId: uuid("submission_id")
      .notNull()
      .references(() => submissions.id),
    fieldId: text("field_id").notNull(),
    position: integer("position").notNull(),
    blobKey: text("blob_key").notNull().unique(),
    fileName: text("file_name").notNull(),
    fileType: text("file_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    sha256: text("sha256").notNull(),
  },
  (t) => [uniqueIndex("submission_attachments_position").on(t.submissionId, t.position)],
);

export type SubmissionAttachment = typeof submissionAttachments.$inferSelect;

/** Case statuses (zaakstatussen), in the order a case usually goes through them. */
export const caseStatuses = ["received", "in-progress", "information-requested", "decided", "closed"] as const;
export type CaseStatus = (typeof caseStatuses)[number];

/** The municipality's handling of a submission (zaak). Its history is in case_events. */
export const cases = pgTable(
  "cases",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The reference of the submission that opened it. */
    reference: text("reference").notNull().unique(),
    partyId: uuid("party_id")
      .notNull()
      .references(() => parties.id),
    productId: uuid("product_id")
      .notNull()
      .references(() => products.id),
    submissionId: uuid("submission_id")
      .notNull()
      .unique()
      .references(() => submissions.id),
    status: text("status", { enum: caseStatuses }).notNull().default("received"),
    /** The last day of the decision term (beslistermijn); null when the product records none. */
    expectedDecisionOn: date("expected_decision_on", { mode: "string" }),
    /** How that date was computed, in Dutch and English (lib/deadlines explanation). */
    decisionTermExplanation: jsonb("decision_term_explanation").$type<{ nl: string; en: string }>(),
    assignedTo: uuid("assigned_to").references(() => staffUsers.id),
    openedAt: timestamp("opened_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("cases_party_idx").on(t.partyId, t.openedAt),
    index("cases_status_due_idx").on(t.status, t.expectedDecisionOn),
    // The work queue: nearest decision date first, cases without one last; and "assigned to me".
    index("cases_queue_idx").on(t.expectedDecisionOn.asc().nullsLast(), t.openedAt, t.id),
    index("cases_assigned_idx").on(t.assignedTo, t.expectedDecisionOn),
  ],
);

export type Case = typeof cases.$inferSelect;

export const caseEventKinds = ["opened", "status-changed", "assigned", "note"] as const;
export type CaseEventKind = (typeof caseEventKinds)[number];

/** Everything that happened to a case, appended, never changed. */
export const caseEvents = pgTable(
  "case_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    kind: text("kind", { enum: caseEventKinds }).notNull(),
    /** The status after the event. */
    status: text("status", { enum: caseStatuses }).notNull(),
    /** A note for the party (shown in their timeline) or for staff. */
    note: text("note"),
    /** Whether the party sees the note. */
    noteVisibleToParty: boolean("note_visible_to_party").notNull().default(false),
    /** Null: the system (a submission opened the case). */
    staffUserId: uuid("staff_user_id").references(() => staffUsers.id),
    /** For an "assigned" event: the handler it was assigned to (null: the assignment was withdrawn). */
    assignedTo: uuid("assigned_to").references(() => staffUsers.id),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("case_events_case_idx").on(t.caseId, t.at)],
);

export type CaseEvent = typeof caseEvents.$inferSelect;

/** The rule of a message's response term; the same shape as lib/inbox/terms.ts MessageTermInput. */
export type InboxTermRule = { kind: "decision" } | { kind: "information-request"; term: { amount: number; unit: "days" | "weeks" } | { endsOn: string } };

/** The kinds of message in the inbox: a receipt, a decision, a request for information, information. */
export const inboxMessageKinds = ["receipt", "decision", "information-request", "information"] as const;
export type InboxMessageKind = (typeof inboxMessageKinds)[number];

/**
 * Messages (berichten) in a party's inbox. Immutable once placed (R17), apart from the moment
 * it was first opened (R16), which is set once; a trigger enforces both.
 */
export const inboxMessages = pgTable(
  "inbox_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    partyId: uuid("party_id")
      .notNull()
      .references(() => parties.id),
    kind: text("kind", { enum: inboxMessageKinds }).notNull(),
    caseId: uuid("case_id").references(() => cases.id),
    /** The submission a receipt confirms. */
    submissionId: uuid("submission_id").references(() => submissions.id),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    /** Readable for the party from this moment (R15: terms run from here). */
    placedAt: timestamp("placed_at", { withTimezone: true }).notNull(),
    /** Last day of the response term, if the message sets one. */
    termEndsOn: date("term_ends_on", { mode: "string" }),
    /** What the term was computed from (lib/inbox/terms.ts MessageTermInput), so it can be computed again from a later time of sending (R13). */
    termRule: jsonb("term_rule").$type<InboxTermRule>(),
    firstOpenedAt: timestamp("first_opened_at", { withTimezone: true }),
    /** Null: sent by the system (a receipt). */
    sentByStaffId: uuid("sent_by_staff_id").references(() => staffUsers.id),
    /** A correction: the message it corrects (R17). Both stay in the inbox. */
    replacesMessageId: uuid("replaces_message_id").references((): AnyPgColumn => inboxMessages.id),
  },
  (t) => [
    index("inbox_messages_party_idx").on(t.partyId, t.placedAt),
    index("inbox_messages_case_idx").on(t.caseId),
    index("inbox_messages_replaces_idx").on(t.replacesMessageId),
    // The inbox list (lib/inbox/queries.ts): the party's messages unread first, then newest, with
    // the id as tie-breaker; the keyset condition of a page is a row comparison on these columns.
    // The expression must stay exactly the one in queries.ts (unreadRank), or this is not used.
    index("inbox_messages_inbox_order_idx").on(t.partyId, sql`(case when ${t.firstOpenedAt} is null then 1 else 0 end)`, t.placedAt, t.id),
    // The unread count in the header: only the unread messages are in it.
    index("inbox_messages_unread_idx").on(t.partyId).where(sql`${t.firstOpenedAt} is null`),
    // The reminder scan (lib/inbox/reminders.ts dueReminders): messages whose term ends in a range of days.
    index("inbox_messages_term_ends_idx").on(t.termEndsOn).where(sql`${t.termEndsOn} is not null`),
    check("inbox_messages_receipt_has_submission", sql`${t.kind} <> 'receipt' or ${t.submissionId} is not null`),
  ],
);

export type InboxMessage = typeof inboxMessages.$inferSelect;
