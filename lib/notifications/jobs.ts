import { z } from "zod";
import { defineJob } from "../jobs/define";

/**
 * The delivery job of one notification. Safe to run any number of times: the handler claims the
 * notification with a conditional UPDATE, so a second run (or a second worker) finds nothing to
 * do; retries after a temporary failure are new jobs scheduled by the handler itself.
 */
export const deliverNotificationJob = defineJob({
  name: "notification.deliver",
  payload: z.object({ notificationId: z.uuid() }),
  async handle({ notificationId }, { log }) {
    // Imported here: the delivery module reaches the database and the mail transport, the job definition does not.
    const { deliverNotification } = await import("./delivery");
    const result = await deliverNotification(notificationId);
    log.info({ notificationId, result }, "notification delivery step done");
  },
  // A worker delivers the jobs it fetched together: one claim and grouped records per batch.
  async handleBatch(jobs, { log }) {
    const { deliverNotifications } = await import("./delivery");
    const outcomes = await deliverNotifications(jobs.map((j) => j.data.notificationId));
    log.info({ count: jobs.length, delivered: outcomes.filter((o) => "result" in o && o.result === "delivered").length }, "notification delivery batch done");
    return outcomes.map((o) => ("error" in o ? (o.error ?? new Error("delivery failed")) : undefined));
  },
  // Database errors are retried by pg-boss; delivery retries are planned by the handler.
  // A batch whose worker died is active in pg-boss until it expires: after a minute it is handed out
  // again (the claim keeps a notice that was being sent from going out twice before its timeout).
  queue: { retryLimit: 3, retryDelay: 5, retryBackoff: true, retryDelayMax: 300, expireInSeconds: 60 },
  // Up to two batches of 32 per process at a time (handleBatch: one claim per batch, sends over the
  // SMTP pool, outcomes recorded by group commit); the next batch at once while batches come back full.
  work: { batchSize: 32, localConcurrency: 2 },
  prepare: () => import("./delivery"),
});

/** Every minute: gives stuck or orphaned notifications a new delivery job (lib/notifications/sweep.ts). */
export const sweepNotificationsJob = defineJob({
  name: "notification.sweep",
  payload: z.object({}),
  async handle(_data, { log }) {
    const { sweepStuckNotifications } = await import("./sweep");
    const count = await sweepStuckNotifications();
    if (count > 0) log.warn({ count }, "stuck notifications given a new delivery job");
  },
  queue: { retryLimit: 0 },
  schedule: "* * * * *",
});
