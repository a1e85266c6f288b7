import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { notificationAttempts, notifications } from "@/db/schema/notifications";
import { openFallbackTask } from "./fallback-open";

/**
 * A bounce that arrives after the receiving server accepted a notice (a later non-delivery
 * report): the notice counts as not delivered, and a person takes over (R13).
 */
export async function recordBounce(tx: DbOrTx, messageIdInput: string, detail: string): Promise<"recorded" | "already-failed" | "unknown"> {
  const bare = messageIdInput.trim().replace(/^<|>$/g, "");
  if (!bare) return "unknown";
  const messageId = `<${bare}>`;
  const [row] = await tx
    .update(notifications)
    .set({ status: "failed", failedAt: sql`now()`, failureReason: "bounced" })
    .where(and(eq(notifications.messageId, messageId), eq(notifications.status, "delivered")))
    .returning({ id: notifications.id, partyId: notifications.partyId, attemptCount: notifications.attemptCount, recipient: notifications.recipient });
  if (!row) {
    const [known] = await tx.select({ id: notifications.id }).from(notifications).where(eq(notifications.messageId, messageId));
    return known ? "already-failed" : "unknown";
  }
  await tx.insert(notificationAttempts).values({ notificationId: row.id, attempt: row.attemptCount, outcome: "bounced", recipient: row.recipient, detail: detail.slice(0, 500) || "Onbestelbaar gemeld na aflevering." });
  await openFallbackTask(tx, { partyId: row.partyId, notificationId: row.id, reason: "bounced" });
  return "recorded";
}
