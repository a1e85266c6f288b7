import { pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * Every mail handed to the transport, by idempotency key: the send-mail job looks here first,
 * so a job delivered twice does not send twice.
 */
export const outgoingMails = pgTable("outgoing_mails", {
  id: uuid("id").primaryKey().defaultRandom(),
  idempotencyKey: text("idempotency_key").notNull().unique(),
  recipient: text("recipient").notNull(),
  subject: text("subject").notNull(),
  transport: text("transport").notNull(),
  messageId: text("message_id").notNull(),
  response: text("response").notNull(),
  sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
});
