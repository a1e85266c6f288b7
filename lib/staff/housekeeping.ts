import { lt } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db";
import { loginAttempts } from "@/db/schema/identity";
import { withDb } from "../db";
import { defineJob } from "../jobs/define";
import { LOCKOUT_MINUTES, RATE_WINDOW_MINUTES } from "./service";

/**
 * Login attempts are kept only as long as they can matter: the rate limit and the lock-out look
 * back minutes, not days. A week is kept so an admin can still see a burst of attempts after a
 * weekend; older rows are deleted every hour.
 */
export const LOGIN_ATTEMPT_RETENTION_HOURS = 7 * 24;

if (LOGIN_ATTEMPT_RETENTION_HOURS * 60 < Math.max(LOCKOUT_MINUTES, RATE_WINDOW_MINUTES)) {
  throw new Error("Login attempts must be kept at least as long as the rate limit and lock-out look back.");
}

/** Deletes login attempts older than the retention period; returns how many. */
export async function pruneLoginAttempts(db: DbOrTx, now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - LOGIN_ATTEMPT_RETENTION_HOURS * 3600_000);
  const deleted = await db.delete(loginAttempts).where(lt(loginAttempts.at, before)).returning({ id: loginAttempts.id });
  return deleted.length;
}

export const pruneLoginAttemptsJob = defineJob({
  name: "auth.prune-login-attempts",
  payload: z.object({}),
  schedule: "17 * * * *",
  queue: { retryLimit: 2, retryDelay: 60 },
  async handle(_payload, { log }) {
    const deleted = await withDb((db) => pruneLoginAttempts(db));
    if (deleted > 0) log.info({ deleted }, "old login attempts deleted");
  },
});
