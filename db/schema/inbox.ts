import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { parties } from "./identity";
import { inboxMessages } from "./submissions";

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
