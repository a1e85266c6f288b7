import { randomUUID } from "node:crypto";
import { mkdirSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { schema } from "@/db";
import { inTransaction, withDb } from "@/lib/db";
import { defineJob } from "@/lib/jobs/define";
import { enqueue, jobBoss, startJobs, stopJobs } from "@/lib/jobs/runtime";
import { createLogger } from "@/lib/log";
import { useMailTransport } from "@/lib/mail";
import { sendMailJob } from "@/lib/mail/jobs";
import { createFileTransport } from "@/lib/mail/transport";
import { testDatabases, useTestDatabase } from "../support/database";

const handled: string[] = [];
const testJob = defineJob({
  name: "test.record",
  payload: z.object({ marker: z.string().min(1) }),
  async handle({ marker }) {
    handled.push(marker);
  },
  queue: { retryLimit: 0 },
});

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe.each(testDatabases())("on %s", (kind) => {
  const database = useTestDatabase(kind);

  describe("jobs", () => {
    beforeAll(async () => {
      handled.length = 0;
      await startJobs({ handle: database.handle, role: "embedded", jobs: [testJob] });
    }, 60_000);
    afterAll(async () => {
      await stopJobs();
    }, 60_000);

    const jobsWithMarker = (marker: string) => jobBoss().findJobs(testJob.name, { data: { marker } });

    it("never runs a job enqueued in a transaction that rolled back, and runs one that committed", async () => {
      const rolledBack = `rolled-back-${randomUUID()}`;
      const committed = `committed-${randomUUID()}`;

      await expect(
        inTransaction(async (tx) => {
          await enqueue(tx, testJob, { marker: rolledBack });
          throw new Error("roll back");
        }),
      ).rejects.toThrow("roll back");
      expect(await jobsWithMarker(rolledBack)).toEqual([]);

      const id = await inTransaction((tx) => enqueue(tx, testJob, { marker: committed }));
      expect(id).toEqual(expect.any(String));
      await waitFor(() => handled.includes(committed), 20_000);
      // The worker had every chance to see the rolled-back job too: it was never there.
      expect(handled).not.toContain(rolledBack);
      expect(await jobsWithMarker(rolledBack)).toEqual([]);
      const [job] = await jobsWithMarker(committed);
      expect(job?.id).toBe(id);
    });

    it("refuses an invalid payload at enqueue with a zod error, and enqueues nothing", async () => {
      const before = (await jobBoss().findJobs(testJob.name)).length;
      let error: unknown;
      try {
        await inTransaction((tx) => enqueue(tx, testJob, { marker: 42 } as unknown as { marker: string }));
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(z.ZodError);
      expect((error as z.ZodError).issues[0]?.path).toEqual(["marker"]);
      expect((await jobBoss().findJobs(testJob.name)).length).toBe(before);
    });
  });

  describe("the mail.send job", () => {
    const folder = path.join(process.env.DATA_DIR!, `mail-${kind}`);
    const context = { jobId: "test", retryCount: 0, log: createLogger({ level: "silent" }) };

    beforeAll(() => {
      mkdirSync(folder, { recursive: true });
      useMailTransport(createFileTransport(folder));
    });
    afterEach(() => {
      rmSync(folder, { recursive: true, force: true });
    });
    afterAll(() => {
      useMailTransport(undefined);
    });

    it("sends once when its handler runs twice with the same idempotency key", async () => {
      const mail = { to: "inwoner@example.org", subject: "Uw aanvraag is ontvangen", text: "Wij hebben uw aanvraag ontvangen.", idempotencyKey: `receipt-${randomUUID()}` };
      await sendMailJob.handle(mail, context);
      await sendMailJob.handle({ ...mail, subject: "A second delivery of the same job" }, context);

      expect(readdirSync(folder).filter((f) => f.endsWith(".eml"))).toHaveLength(1);
      const rows = await withDb((db) => db.select().from(schema.outgoingMails).where(eq(schema.outgoingMails.idempotencyKey, mail.idempotencyKey)));
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ recipient: mail.to, subject: mail.subject, transport: "file" });

      // Another key is another mail.
      await sendMailJob.handle({ ...mail, idempotencyKey: `receipt-${randomUUID()}` }, context);
      expect(readdirSync(folder).filter((f) => f.endsWith(".eml"))).toHaveLength(2);
    });

    it("refuses a payload without a valid recipient or key", () => {
      expect(sendMailJob.payload.safeParse({ to: "not-an-address", subject: "x", text: "y", idempotencyKey: "12345678" }).success).toBe(false);
      expect(sendMailJob.payload.safeParse({ to: "a@example.org", subject: "x", text: "y", idempotencyKey: "short" }).success).toBe(false);
      expect(sendMailJob.payload.safeParse({ to: "a@example.org", subject: "x", text: "y", idempotencyKey: "12345678" }).success).toBe(true);
    });
  });
});
