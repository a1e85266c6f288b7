import os from "node:os";
import { sql } from "drizzle-orm";
import { PgBoss, fromDrizzle, fromPglite } from "pg-boss";
import type { z } from "zod";
import type { DatabaseHandle, DbOrTx } from "@/db";
import { logger } from "../log";
import type { JobDefinition } from "./define";
import { allJobs } from "./registry";

/**
 * The job runtime: pg-boss on the portal's own database (PGlite or PostgreSQL). Jobs are
 * written in the caller's transaction, so a job exists exactly when the change that needs it
 * was committed; workers pick them up and retry with back-off.
 */

type Role = "embedded" | "standalone" | "web";

const globalForJobs = globalThis as unknown as {
  __portalJobs?: { boss: PgBoss; role: Role; working: boolean; queues: string[] };
};

export interface StartJobsOptions {
  handle: DatabaseHandle;
  /** embedded: worker inside the web server; standalone: `npm run worker`; web: only enqueues. */
  role: Role;
  jobs?: JobDefinition[];
}

/** Starts pg-boss for this process, creates the queues and, unless role is "web", the workers. */
export async function startJobs({ handle, role, jobs = allJobs }: StartJobsOptions): Promise<PgBoss> {
  if (globalForJobs.__portalJobs) return globalForJobs.__portalJobs.boss;
  const log = logger().child({ component: "jobs", role });
  const working = role !== "web";
  const common = { instanceName: role, supervise: working, schedule: working, migrate: true, instanceHeartbeatSeconds: 10 } as const;
  const boss =
    handle.kind === "pglite"
      ? new PgBoss({ ...common, db: fromPglite(handle.pglite!), backend: "pglite" })
      : new PgBoss({ ...common, connectionString: handle.url!, max: working ? 4 : 2, application_name: `mijnomgeving-${role}` });
  boss.on("error", (error: unknown) => log.error({ err: error }, "job runtime error"));
  await boss.start();
  for (const job of jobs) {
    if (!(await boss.getQueue(job.name))) {
      try {
        await boss.createQueue(job.name, job.queue);
      } catch (error) {
        // Another process created it at the same moment.
        if (!(await boss.getQueue(job.name))) throw error;
      }
    } else if (working) {
      // A queue made by an older version keeps the options of the code that runs now.
      await boss.updateQueue(job.name, job.queue);
    }
  }
  if (working) {
    // Scheduled jobs: pg-boss keeps one schedule row per name, so every process may (re)write it,
    // and only one of the working processes fires it each time, however many workers there are.
    for (const job of jobs) if (job.schedule) await boss.schedule(job.name, job.schedule, {}, { tz: "Europe/Amsterdam" });
    // What the handlers load lazily, loaded now rather than by the first jobs.
    for (const job of jobs) await job.prepare?.();
    for (const job of jobs) {
      const { batchSize = 1, localConcurrency = 1, burstWhenReadyExceeds } = job.work ?? {};
      // Each job of a batch runs at once and succeeds or fails on its own (perJobResults): one
      // failing job is retried without failing the others. A full batch fetches the next at once.
      const options = { batchSize, localConcurrency, pollingIntervalSeconds: 1, perJobResults: true, ...(batchSize > 1 ? { burstWhenBatchFull: true } : {}), ...(burstWhenReadyExceeds ? { burstWhenReadyExceeds } : {}) } as const;
      const handleBatch = job.handleBatch;
      if (handleBatch) {
        await boss.work(job.name, options, async (items) => {
          const batchLog = log.child({ job: job.name, batch: items.length });
          // A payload that does not parse fails its own job; the rest are handled together.
          const parsed = items.map((item) => job.payload.safeParse(item.data));
          const valid = items.flatMap((item, i) => (parsed[i]!.success ? [{ jobId: item.id, retryCount: item.retryCount, data: parsed[i]!.data }] : []));
          let errors: unknown[];
          try {
            errors = valid.length > 0 ? await handleBatch(valid, { log: batchLog }) : [];
          } catch (error) {
            errors = valid.map(() => error);
          }
          const errorOf = new Map(valid.map((v, i) => [v.jobId, errors[i]]));
          return items.map((item, i) => {
            const error = parsed[i]!.success ? errorOf.get(item.id) : parsed[i]!.error;
            if (error === undefined) return { id: item.id, status: "completed" as const };
            log.child({ job: job.name, jobId: item.id, retryCount: item.retryCount }).error({ err: error }, "job failed");
            return { id: item.id, status: "failed" as const, output: { message: error instanceof Error ? error.message : String(error) } };
          });
        });
        continue;
      }
      await boss.work(job.name, options, async (items) =>
        Promise.all(
          items.map(async (item) => {
            const jobLog = log.child({ job: job.name, jobId: item.id, retryCount: item.retryCount });
            try {
              const data = job.payload.parse(item.data);
              await job.handle(data, { jobId: item.id, retryCount: item.retryCount, log: jobLog });
              return { id: item.id, status: "completed" as const };
            } catch (error) {
              jobLog.error({ err: error }, "job failed");
              return { id: item.id, status: "failed" as const, output: { message: error instanceof Error ? error.message : String(error) } };
            }
          }),
        ),
      );
    }
    log.info({ queues: jobs.map((j) => j.name), host: os.hostname() }, "job worker started");
  }
  globalForJobs.__portalJobs = { boss, role, working, queues: working ? jobs.map((j) => j.name) : [] };
  return boss;
}

/** Stops the job runtime of this process, letting running jobs finish. */
export async function stopJobs(): Promise<void> {
  const current = globalForJobs.__portalJobs;
  globalForJobs.__portalJobs = undefined;
  if (current) await current.boss.stop({ graceful: true, timeout: 10_000, close: true });
}

function runningBoss(): PgBoss {
  const current = globalForJobs.__portalJobs;
  if (!current) throw new Error("The job runtime is not started in this process.");
  return current.boss;
}

export interface EnqueueOptions {
  /** Only one job with this key waits in the queue at a time. */
  singletonKey?: string;
  startAfter?: Date | number;
}

/**
 * Enqueues a job inside the caller's transaction: if the transaction rolls back, the job was
 * never there. The payload is checked against the job's schema first.
 */
export async function enqueue<S extends z.ZodType>(tx: DbOrTx, job: JobDefinition<S>, payload: z.input<S>, options: EnqueueOptions = {}): Promise<string> {
  const data = job.payload.parse(payload) as object;
  const id = await runningBoss().send(job.name, data, { ...options, db: fromDrizzle(tx as unknown as Parameters<typeof fromDrizzle>[0], sql) });
  if (!id) throw new Error(`Job ${job.name} was not enqueued (a job with the same singleton key is waiting).`);
  return id;
}

/**
 * Enqueues one job per payload inside the caller's transaction, in ONE statement (pg-boss
 * `insert`): for callers that start many jobs at once. Like enqueue(), the jobs exist exactly
 * when the transaction commits; each payload is checked against the job's schema first. The
 * queue's retry settings apply as with enqueue(). Returns the job ids, in no particular order.
 */
export async function enqueueMany<S extends z.ZodType>(tx: DbOrTx, job: JobDefinition<S>, payloads: z.input<S>[], options: Pick<EnqueueOptions, "startAfter"> = {}): Promise<string[]> {
  if (payloads.length === 0) return [];
  const startAfter = options.startAfter instanceof Date ? options.startAfter.toISOString() : options.startAfter === undefined ? undefined : String(options.startAfter);
  const jobs = payloads.map((payload) => ({ data: job.payload.parse(payload) as object, ...(startAfter !== undefined ? { startAfter } : {}) }));
  const ids = await runningBoss().insert(job.name, jobs, { returnId: true, db: fromDrizzle(tx as unknown as Parameters<typeof fromDrizzle>[0], sql) });
  if (ids?.length !== payloads.length) throw new Error(`Job ${job.name}: ${ids?.length ?? 0} of ${payloads.length} jobs enqueued.`);
  return ids;
}

export interface JobRuntimeStatus {
  /** Whether this process runs the job runtime, and in which role. */
  role: Role | null;
  /** Workers (this or other processes) heard from recently. */
  liveWorkers: { name: string | null; host: string; pid: number; queues: string[]; heartbeatOn: string }[];
  /** Jobs waiting or being retried, over all queues. */
  queued: number | null;
}

/** The state of job processing across all processes, for /api/health. */
export async function jobRuntimeStatus(): Promise<JobRuntimeStatus> {
  const current = globalForJobs.__portalJobs;
  if (!current) return { role: null, liveWorkers: [], queued: null };
  const instances = await current.boss.getInstances();
  const liveWorkers = instances
    .filter((i) => i.live && i.workers.length > 0)
    .map((i) => ({ name: i.name, host: i.host, pid: i.pid, queues: [...new Set(i.workers.map((w) => w.queue))], heartbeatOn: new Date(i.heartbeatOn).toISOString() }));
  // The registry learns of this process's workers at its next heartbeat; a working process
  // needs no registry to know it is alive.
  if (current.working && !liveWorkers.some((w) => w.pid === process.pid && w.host === os.hostname())) {
    liveWorkers.push({ name: current.role, host: os.hostname(), pid: process.pid, queues: current.queues, heartbeatOn: new Date().toISOString() });
  }
  const queues = await current.boss.getQueues();
  const queued = queues.reduce((n, q) => n + (q.queuedCount ?? 0), 0);
  return { role: current.role, liveWorkers, queued };
}

/** Test helper: the running pg-boss instance. */
export function jobBoss(): PgBoss {
  return runningBoss();
}
