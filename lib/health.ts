import "server-only";
import { sql } from "drizzle-orm";
import { env } from "./env";
import { jobRuntimeStatus, type JobRuntimeStatus } from "./jobs/runtime";
import { withDb } from "./db";

export interface HealthReport {
  status: "ok" | "degraded" | "unavailable";
  checkedAt: string;
  database: { ok: boolean; kind: "pglite" | "postgres"; latencyMs?: number; error?: string };
  worker: { ok: boolean; mode: "embedded" | "external"; live: JobRuntimeStatus["liveWorkers"]; queued: number | null; error?: string };
}

/**
 * The state of the portal for load balancers and operators. "unavailable" (HTTP 503) when the
 * database cannot be reached; "degraded" when no job worker is alive (pages work, but mail and
 * notifications wait).
 */
export async function checkHealth(): Promise<HealthReport> {
  const e = env();
  const database: HealthReport["database"] = { ok: false, kind: e.database.kind };
  const started = performance.now();
  try {
    await withDb((db) => db.execute(sql`select 1`));
    database.ok = true;
    database.latencyMs = Math.round((performance.now() - started) * 10) / 10;
  } catch {
    database.error = "The database cannot be reached.";
  }
  const worker: HealthReport["worker"] = { ok: false, mode: e.runWorker ? "embedded" : "external", live: [], queued: null };
  if (database.ok) {
    try {
      const status = await jobRuntimeStatus();
      worker.live = status.liveWorkers;
      worker.queued = status.queued;
      worker.ok = status.liveWorkers.length > 0;
      if (!worker.ok) worker.error = status.role === null ? "The job runtime has not started in this process." : "No job worker has been heard from recently.";
    } catch {
      worker.error = "The job state cannot be read.";
    }
  }
  return {
    status: !database.ok ? "unavailable" : worker.ok ? "ok" : "degraded",
    checkedAt: new Date().toISOString(),
    database,
    worker,
  };
}
