/**
 * When to try a temporarily failed notice again: exponential back-off with jitter, within a
 * retry period (default 72 hours, NOTIFICATION_RETRY_HOURS). Pure functions, no I/O.
 */

/** No single wait is longer than this, however many attempts failed. */
export const MAX_RETRY_DELAY_MS = 6 * 3600_000;

/**
 * The wait after the given number of failed attempts (1, 2, ...): base x 2^(n-1), at most six
 * hours, of which a random half is jitter ("equal jitter"), so workers that failed together do
 * not all come back at the same moment.
 */
export function retryDelayMs(failedAttempts: number, baseSeconds: number, random: () => number = Math.random): number {
  const n = Math.max(1, Math.floor(failedAttempts));
  const full = Math.min(MAX_RETRY_DELAY_MS, baseSeconds * 1000 * 2 ** Math.min(n - 1, 40));
  return Math.round(full / 2 + random() * (full / 2));
}

export interface RetryPlan {
  /** When the retry period started (the notice was queued, or sent again after an address fix). */
  retryFrom: Date;
  now: Date;
  failedAttempts: number;
  retryHours: number;
  baseSeconds: number;
  random?: () => number;
}

/**
 * The moment of the next attempt, or null when the retry period is over and the notice must go
 * to a person (fallback task). The last attempt falls at the end of the period at the latest.
 */
export function nextRetryAt(plan: RetryPlan): Date | null {
  const deadline = plan.retryFrom.getTime() + plan.retryHours * 3600_000;
  if (plan.now.getTime() >= deadline) return null;
  const at = plan.now.getTime() + retryDelayMs(plan.failedAttempts, plan.baseSeconds, plan.random);
  return new Date(Math.min(at, deadline));
}
