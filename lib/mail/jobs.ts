import { eq } from "drizzle-orm";
import { z } from "zod";
import { withDb } from "../db";
import { outgoingMails } from "@/db/schema";
import { env } from "../env";
import { defineJob } from "../jobs/define";
import { mailTransport } from "./index";

/**
 * Sends one mail through the configured transport. Safe to run twice: a mail whose
 * idempotency key was already sent is skipped. (A crash between the SMTP server's acceptance
 * and the record below can still send twice; mail is at-least-once, and the Message-ID is
 * stable so receiving servers can drop the duplicate.)
 */
export const sendMailJob = defineJob({
  name: "mail.send",
  payload: z.object({
    to: z.email(),
    subject: z.string().min(1).max(200),
    text: z.string().min(1),
    html: z.string().optional(),
    idempotencyKey: z.string().min(8).max(200),
  }),
  async handle(mail, { log }) {
    return withDb(async (db) => {
    const [already] = await db.select({ id: outgoingMails.id }).from(outgoingMails).where(eq(outgoingMails.idempotencyKey, mail.idempotencyKey));
    if (already) {
      log.info("mail already sent; skipped");
      return;
    }
    const transport = mailTransport();
    const sent = await transport.send({ ...mail, from: env().mailFrom });
    await db
      .insert(outgoingMails)
      .values({ idempotencyKey: mail.idempotencyKey, recipient: mail.to, subject: mail.subject, transport: transport.kind, messageId: sent.messageId, response: sent.response })
      .onConflictDoNothing({ target: outgoingMails.idempotencyKey });
    log.info({ transport: transport.kind, messageId: sent.messageId }, "mail sent");
    });
  },
});
