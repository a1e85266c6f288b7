import type { DbOrTx } from "@/db";
import { fallbackTasks, type FailureReason } from "@/db/schema/notifications";

/**
 * Opens a fallback task (terugvaltaak, R13) for a notification that could not be delivered, in
 * the caller's transaction. A notification has at most one open task: opening another while one
 * is open does nothing.
 */
export async function openFallbackTask(tx: DbOrTx, input: { partyId: string; notificationId: string; reason: FailureReason }): Promise<void> {
  await tx.insert(fallbackTasks).values(input).onConflictDoNothing();
}
