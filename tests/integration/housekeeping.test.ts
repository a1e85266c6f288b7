import { describe, expect, it } from "vitest";
import { schema } from "@/db";
import { startJobs, jobBoss, stopJobs } from "@/lib/jobs/runtime";
import { LOGIN_ATTEMPT_RETENTION_HOURS, pruneLoginAttempts, pruneLoginAttemptsJob } from "@/lib/staff/housekeeping";
import { verifyStaffLogin } from "@/lib/staff/service";
import { testDatabases, useTestDatabase } from "../support/database";

const { loginAttempts } = schema;
const hours = (base: Date, n: number) => new Date(base.getTime() + n * 3600_000);

describe.each(testDatabases())("housekeeping on %s", (kind) => {
  const database = useTestDatabase(kind);

  it("deletes login attempts older than the retention period and keeps the ones the rate limit still needs", async () => {
    const now = new Date("2026-11-28T12:00:00Z");
    await database.db.insert(loginAttempts).values([
      { bucket: "account:oud@voorbeeldstad.example", succeeded: false, at: hours(now, -LOGIN_ATTEMPT_RETENTION_HOURS - 1) },
      { bucket: "account:oud@voorbeeldstad.example", succeeded: true, at: hours(now, -LOGIN_ATTEMPT_RETENTION_HOURS - 30) },
      { bucket: "account:recent@voorbeeldstad.example", succeeded: false, at: hours(now, -LOGIN_ATTEMPT_RETENTION_HOURS + 1) },
      { bucket: "address:abc", succeeded: false, at: hours(now, -0.1) },
    ]);

    expect(await pruneLoginAttempts(database.db, now)).toBe(2);
    const left = await database.db.select({ bucket: loginAttempts.bucket }).from(loginAttempts);
    expect(left.map((r) => r.bucket).sort()).toEqual(["account:recent@voorbeeldstad.example", "address:abc"]);
    expect(await pruneLoginAttempts(database.db, now)).toBe(0);
  });

  it("keeps counting recent failures after a prune: the lock-out still holds", async () => {
    const now = new Date();
    const bucket = "address:prune-test";
    for (let i = 0; i < 10; i++) {
      await database.db.insert(loginAttempts).values({ bucket, succeeded: false, at: new Date(now.getTime() - 60_000) });
    }
    await pruneLoginAttempts(database.db, now);
    const result = await verifyStaffLogin(database.db, { email: "niemand@voorbeeldstad.example", password: "x", addressBucket: bucket, now });
    expect(result.status).toBe("rate-limited");
  });

  it("registers the prune job on its hourly schedule when a worker starts", async () => {
    await startJobs({ handle: database.handle, role: "embedded", jobs: [pruneLoginAttemptsJob] });
    try {
      const schedules = await jobBoss().getSchedules();
      expect(schedules).toEqual(expect.arrayContaining([expect.objectContaining({ name: "auth.prune-login-attempts", cron: "17 * * * *" })]));
    } finally {
      await stopJobs();
    }
  }, 60_000);
});
