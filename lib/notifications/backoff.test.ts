import { describe, expect, it } from "vitest";
import { MAX_RETRY_DELAY_MS, nextRetryAt, retryDelayMs } from "./backoff";

describe("retryDelayMs", () => {
  it.each([
    [1, 60, 30_000, 60_000],
    [2, 60, 60_000, 120_000],
    [3, 60, 120_000, 240_000],
    [8, 60, 3_840_000, 7_680_000],
    [30, 60, MAX_RETRY_DELAY_MS / 2, MAX_RETRY_DELAY_MS],
  ])("after %i failed attempts with base %is waits between %i and %i ms", (failed, base, min, max) => {
    expect(retryDelayMs(failed, base, () => 0)).toBe(min);
    expect(retryDelayMs(failed, base, () => 1)).toBe(max);
    const middle = retryDelayMs(failed, base, () => 0.5);
    expect(middle).toBeGreaterThan(min);
    expect(middle).toBeLessThan(max);
  });

  it("grows with every failed attempt until the cap", () => {
    const delays = [1, 2, 3, 4, 5, 6].map((n) => retryDelayMs(n, 60, () => 1));
    for (let i = 1; i < delays.length; i++) expect(delays[i]).toBe(delays[i - 1]! * 2);
  });

  it("spreads workers that failed at the same moment (jitter)", () => {
    const seen = new Set(Array.from({ length: 50 }, () => retryDelayMs(3, 60)));
    expect(seen.size).toBeGreaterThan(10);
  });
});

describe("nextRetryAt", () => {
  const retryFrom = new Date("2026-11-28T10:00:00Z");
  const plan = { retryFrom, retryHours: 72, baseSeconds: 60, random: () => 1 };

  it("schedules the next attempt after the back-off delay", () => {
    const now = new Date("2026-11-28T10:01:00Z");
    expect(nextRetryAt({ ...plan, now, failedAttempts: 1 })?.toISOString()).toBe("2026-11-28T10:02:00.000Z");
    expect(nextRetryAt({ ...plan, now, failedAttempts: 3 })?.toISOString()).toBe("2026-11-28T10:05:00.000Z");
  });

  it("places the last attempt at the end of the retry period", () => {
    const now = new Date("2026-12-01T09:00:00Z"); // 71 hours in
    expect(nextRetryAt({ ...plan, now, failedAttempts: 20 })?.toISOString()).toBe("2026-12-01T10:00:00.000Z");
  });

  it("gives up once the retry period is over", () => {
    expect(nextRetryAt({ ...plan, now: new Date("2026-12-01T10:00:00Z"), failedAttempts: 21 })).toBeNull();
    expect(nextRetryAt({ ...plan, now: new Date("2026-12-05T10:00:00Z"), failedAttempts: 2 })).toBeNull();
  });

  it("honours a short configured period", () => {
    const now = new Date(retryFrom.getTime() + 1000);
    expect(nextRetryAt({ ...plan, retryHours: 0.001, now, failedAttempts: 1 })?.getTime()).toBe(retryFrom.getTime() + 3600);
  });
});
