import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { parties, staffUsers } from "./identity";
import { cases, inboxMessages } from "./submissions";

/**
 * Sending official messages (berichten versturen, R15-R18): the files sent with a message. Like
 * the message itself, immutable once placed (a trigger in the custom migration
 * inbox_sending_immutable refuses UPDATE and DELETE). The bytes are in the attachment store under
 * blobKey (lib/submissions/attachments); only PDFs are sent (lib/inbox/message-input.ts).
 */
export const inboxMessageAttachments = pgTable(
  "inbox_message_attachments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    messageId: uuid("message_id")
      .notNull()
      .references(() => inboxMessages.id),
    position: integer("position").notNull(),
    blobKey: text("blob_key").notNull().unique(),
    /** The name shown to the resident; never used as a path. */
    fileName: text("file_name").notNull(),
    /** The type read from the content (lib/submissions/attachments/content-type.ts): always "pdf". */
    fileType: text("file_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    sha256: text("sha256").notNull(),
  },
  // The unique (message, position) index also serves the look-up of a message's files.
  (t) => [uniqueIndex("inbox_message_attachments_position").on(t.messageId, t.position)],
);

export type InboxMessageAttachment = typeof inboxMessageAttachments.$inferSelect;

/**
 * Messages a party put in their archive (archiveren). A view setting only: the message itself
 * never changes (R17). Removing the row takes it out of the archive again.
 */
export const inboxArchivedMessages = pgTable(
  "inbox_archived_messages",
  {
    messageId: uuid("message_id")
      .primaryKey()
      .references(() => inboxMessages.id),
    partyId: uuid("party_id")
      .notNull()
      .references(() => parties.id),
    archivedAt: timestamp("archived_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("inbox_archived_messages_party_idx").on(t.partyId)],
);

/** A value of the send form as the handler typed it (field name → text). */
export type MessageDraftValues = Record<string, string>;
/** A file already stored for a message being written: lib/inbox/send.ts SendAttachment. */
export type MessageDraftAttachment = { blobKey: string; fileName: string; fileType: string | null; sizeBytes: number; sha256: string };

/**
 * A message a case handler is writing (bericht in voorbereiding): what was typed, the problems
 * found, and the PDFs already stored, so a refused file or a mistake loses nothing, also without
 * JavaScript. One handler's own; deleted when the message is sent.
 */
export const messageDrafts = pgTable(
  "message_drafts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    staffUserId: uuid("staff_user_id")
      .notNull()
      .references(() => staffUsers.id),
    values: jsonb("values").$type<MessageDraftValues>().notNull(),
    errors: jsonb("errors").$type<{ field: string; message: string }[]>().notNull().default([]),
    attachments: jsonb("attachments").$type<MessageDraftAttachment[]>().notNull().default([]),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("message_drafts_case_idx").on(t.caseId, t.staffUserId), index("message_drafts_updated_idx").on(t.updatedAt)],
);

export type MessageDraft = typeof messageDrafts.$inferSelect;

/**
 * A message sent by post (R13: a party that did not choose digital delivery for the kind gets
 * the message as a letter): the address the handler typed from the BRP (the portal keeps no
 * postal addresses otherwise) and when the letter was made. The newest row is the letter printed.
 */
export const messageLetters = pgTable(
  "message_letters",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    messageId: uuid("message_id")
      .notNull()
      .references(() => inboxMessages.id),
    postalAddress: text("postal_address").notNull(),
    staffUserId: uuid("staff_user_id")
      .notNull()
      .references(() => staffUsers.id),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("message_letters_message_idx").on(t.messageId, t.at)],
);
