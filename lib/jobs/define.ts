import type { z } from "zod";
import type { Logger } from "pino";

/** What a job handler gets besides its payload. */
export interface JobContext {
  jobId: string;
  /** 0 on the first attempt, then 1, 2, ... */
  retryCount: number;
  log: Logger;
}

/** Retry and retention settings of a job's queue (a subset of pg-boss's queue options). */
export interface JobQueueOptions {
  retryLimit?: number;
  retryDelay?: number;
  retryBackoff?: boolean;
  retryDelayMax?: number;
  expireInSeconds?: number;
  deleteAfterSeconds?: number;
}

export interface JobDefinition<S extends z.ZodType = z.ZodType> {
  name: string;
  payload: S;
  /** Must be safe to run twice: a job can be delivered again after a crash or a time-out. */
  handle: (data: z.output<S>, context: JobContext) => Promise<void>;
  queue: JobQueueOptions;
  /** A cron expression: working processes run the job on this schedule (with an empty payload). */
  schedule?: string;
  /** How a worker takes jobs of this queue: several at once, and without pausing while more are ready. */
  work?: JobWorkOptions;
  /**
   * Handles a whole fetched batch at once, instead of handle() per job (which tests and callers
   * may still use). Returns, per job and in order, undefined for done or the error that fails it;
   * each job still succeeds or fails (and is retried) on its own.
   */
  handleBatch?: (jobs: BatchJob<z.output<S>>[], context: Omit<JobContext, "jobId" | "retryCount">) => Promise<(unknown | undefined)[]>;
  /**
   * Run once when a working process starts, before it takes jobs of this queue: loads what the
   * handler imports lazily (so the web process, which only enqueues, never loads it), so the
   * first jobs do not wait for it.
   */
  prepare?: () => Promise<unknown>;
}

export interface BatchJob<T> {
  jobId: string;
  retryCount: number;
  data: T;
}

export interface JobWorkOptions {
  /** Jobs fetched together and run at the same time, each succeeding or failing on its own (default 1). */
  batchSize?: number;
  /** Batches of this queue one process handles at the same time (default 1). */
  localConcurrency?: number;
  /** Fetch again at once (no poll pause) while pg-boss's cached count of ready jobs exceeds this. */
  burstWhenReadyExceeds?: number;
}

/**
 * Defines a job: a name, a zod schema for its payload and a handler. The payload is checked
 * when the job is enqueued and again when it is handled.
 */
export function defineJob<S extends z.ZodType>(definition: {
  name: string;
  payload: S;
  handle: (data: z.output<S>, context: JobContext) => Promise<void>;
  queue?: JobQueueOptions;
  schedule?: string;
  work?: JobWorkOptions;
  handleBatch?: JobDefinition<S>["handleBatch"];
  prepare?: JobDefinition<S>["prepare"];
}): JobDefinition<S> {
  if (!/^[a-z][a-z0-9.-]*$/.test(definition.name)) throw new Error(`Invalid job name: ${definition.name}`);
  return { queue: { retryLimit: 5, retryDelay: 10, retryBackoff: true, retryDelayMax: 3600 }, ...definition };
}
