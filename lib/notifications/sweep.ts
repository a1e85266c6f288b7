import { sql } from "drizzle-orm";
import { notifications } from "@/db/schema/notifications";
import { inTransaction } from "../db";
import { enqueue } from "../jobs/runtime";
import { env } from "../env";
import { deliverNotificationJob } from "./jobs";

/**
 * The safety net behind "nothing committed is ever lost": notifications whose delivery job is
 * gone or stuck get a new one. That is a claim left by a worker that died while sending (older
 * than NOTIFICATION_CLAIM_TIMEOUT_SECONDS), or a queued/retrying notice whose time came more than
 * OVERDUE_MINUTES ago (its job failed for good, e.g. the database was down at every retry).
 * A new job for a notice that still has one is harmless: the claim lets only one of them send.
 */

export const OVERDUE_MINUTES = 5;

/** Enqueues a delivery job for every stuck notification (at most `limit` per run); returns how many. */
export async function sweepStuckNotifications(limit = 500): Promise<number> {
  const claimTimeout = env().notifications.claimTimeoutSeconds;
  return inTransaction(async (tx) => {
    const stuck = await tx
      .select({ id: notifications.id })
      .from(notifications)
      .where(
        sql`(${notifications.status} = 'sending' and ${notifications.claimedAt} < now() - make_interval(secs => ${claimTimeout}))
          or (${notifications.status} in ('queued', 'retrying') and coalesce(${notifications.nextAttemptAt}, ${notifications.createdAt}) < now() - make_interval(mins => ${OVERDUE_MINUTES}))`,
      )
      .limit(limit);
    for (const { id } of stuck) {
      // One sweep job per notice waits at a time, however often the sweep runs.
      await enqueue(tx, deliverNotificationJob, { notificationId: id }, { singletonKey: `sweep-${id}` }).catch((error: unknown) => {
        if (!/singleton key/.test(String((error as Error).message))) throw error;
      });
    }
    return stuck.length;
  });
}
