import type { AddressInfo } from "node:net";
import { and, eq, inArray } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { schema } from "@/db";
import { inTransaction } from "@/lib/db";
import { enqueueMany, jobBoss, startJobs, stopJobs } from "@/lib/jobs/runtime";
import { useMailTransport } from "@/lib/mail";
import { sendMailJob } from "@/lib/mail/jobs";
import { createSmtpTransport } from "@/lib/mail/transport";
import { deliverNotifications } from "@/lib/notifications/delivery";
import { deliverNotificationJob } from "@/lib/notifications/jobs";
import { notifyMany, type NotifyInput } from "@/lib/notifications/notify";
import { testDatabases, useTestDatabase } from "../support/database";

/**
 * notifyMany(): many notices in the caller's transaction with one statement and one job insert,
 * and the batch delivery a worker runs on the jobs it fetched together.
 */

const { parties, partyContacts, channelConsents, notifications, notificationAttempts, processingLog } = schema;

/** A real SMTP server on 127.0.0.1 that keeps the Message-ID and recipient of every mail, and can refuse one address (5xx). */
class SinkSmtp {
  received: { to: string; messageId: string }[] = [];
  refuse = new Set<string>();
  private server: SMTPServer | null = null;
  port = 0;
  async start() {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS", "AUTH"],
      logger: false,
      closeTimeout: 100,
      onRcptTo: (address, _session, callback) => {
        if (this.refuse.has(address.address)) return callback(Object.assign(new Error("5.1.1 No such user here"), { responseCode: 550 }));
        callback();
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", () => {
          const head = Buffer.concat(chunks).toString("utf8").split(/\r?\n\r?\n/)[0]!;
          this.received.push({ to: session.envelope.rcptTo[0]!.address, messageId: head.match(/^Message-ID:\s*(\S+)/im)?.[1] ?? "?" });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.port = (this.server.server.address() as AddressInfo).port;
  }
  async stop() {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

let kvk = 20_000_000 + Math.floor(Math.random() * 70_000_000);

describe.each(testDatabases())("notifyMany on %s", (kind) => {
  const database = useTestDatabase(kind);
  const smtp = new SinkSmtp();

  beforeAll(async () => {
    await smtp.start();
    useMailTransport(createSmtpTransport(`smtp://127.0.0.1:${smtp.port}`));
    // Enqueue only; the tests deliver themselves, until the block with a worker.
    await startJobs({ handle: database.handle, role: "web", jobs: [deliverNotificationJob, sendMailJob] });
  }, 60_000);
  afterAll(async () => {
    await stopJobs();
    useMailTransport(undefined);
    await smtp.stop();
  }, 60_000);
  beforeEach(() => {
    smtp.received.length = 0;
    smtp.refuse.clear();
  });

  /** Business parties with a verified address and, unless told otherwise, consent for receipts. */
  async function newParties(n: number, options: { consent?: boolean } = {}) {
    const rows = await database.db
      .insert(parties)
      .values(Array.from({ length: n }, () => ({ kind: "business" as const, kvkNumber: String(++kvk) })))
      .returning({ id: parties.id, kvk: parties.kvkNumber });
    await database.db.insert(partyContacts).values(rows.map((r) => ({ partyId: r.id, email: `bulk-${r.kvk}@example.org`, emailVerifiedAt: new Date() })));
    await database.db.insert(channelConsents).values(rows.map((r) => ({ partyId: r.id, kind: "receipt" as const, digital: options.consent !== false })));
    return rows.map((r) => ({ partyId: r.id, email: `bulk-${r.kvk}@example.org` }));
  }

  /** The delivery jobs that exist for these notifications, as notification id -> number of jobs. */
  async function jobsPerNotification(ids: string[]) {
    const jobs = await jobBoss().findJobs<{ notificationId: string }>(deliverNotificationJob.name);
    const counts = new Map(ids.map((id) => [id, 0]));
    for (const job of jobs) if (counts.has(job.data.notificationId)) counts.set(job.data.notificationId, counts.get(job.data.notificationId)! + 1);
    return counts;
  }

  it("leaves neither notifications nor delivery jobs when the caller's transaction rolls back", async () => {
    const targets = await newParties(5);
    let ids: string[] = [];
    await expect(
      inTransaction(async (tx) => {
        ids = (await notifyMany(tx, targets.map(({ partyId }) => ({ partyId, kind: "receipt" as const })))).map((r) => r.notificationId);
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(ids).toHaveLength(5);
    expect(await database.db.select().from(notifications).where(inArray(notifications.id, ids))).toEqual([]);
    expect(await database.db.select().from(notificationAttempts).where(inArray(notificationAttempts.notificationId, ids))).toEqual([]);
    expect([...(await jobsPerNotification(ids)).values()]).toEqual([0, 0, 0, 0, 0]);
  });

  it("records every notice with its queued proof and exactly one delivery job, in the order of the inputs", async () => {
    const targets = await newParties(40);
    const inputs: NotifyInput[] = targets.map(({ partyId }, i) => ({ partyId, kind: "receipt", language: i % 2 ? "en" : "nl", submissionRef: `ref-${i}`, termEndsOn: i === 3 ? "2027-01-15" : null }));
    const results = await inTransaction((tx) => notifyMany(tx, inputs));
    const ids = results.map((r) => r.notificationId);
    expect(new Set(ids).size).toBe(40);

    const rows = await database.db.select().from(notifications).where(inArray(notifications.id, ids));
    const byId = new Map(rows.map((r) => [r.id, r]));
    results.forEach(({ notificationId, messageId }, i) => {
      const row = byId.get(notificationId)!;
      expect(row).toMatchObject({ partyId: inputs[i]!.partyId, kind: "receipt", language: inputs[i]!.language, submissionRef: `ref-${i}`, status: "queued", messageId });
      expect(messageId).toBe(`<notificatie-${notificationId}@${messageId.split("@")[1]}`);
    });
    expect(byId.get(ids[3]!)!.termEndsOn).toBe("2027-01-15");
    const attempts = await database.db.select().from(notificationAttempts).where(inArray(notificationAttempts.notificationId, ids));
    expect(attempts).toHaveLength(40);
    expect(attempts.every((a) => a.outcome === "queued" && a.attempt === 0)).toBe(true);
    expect([...(await jobsPerNotification(ids)).values()].every((n) => n === 1)).toBe(true);
  });

  it("refuses a bad term date before writing anything, and does nothing for no inputs", async () => {
    const [a, b] = await newParties(2);
    await expect(inTransaction((tx) => notifyMany(tx, [{ partyId: a!.partyId, kind: "receipt" }, { partyId: b!.partyId, kind: "decision", termEndsOn: "15-01-2027" }]))).rejects.toThrow(/YYYY-MM-DD/);
    expect(await database.db.select().from(notifications).where(inArray(notifications.partyId, [a!.partyId, b!.partyId]))).toEqual([]);
    expect(await inTransaction((tx) => notifyMany(tx, []))).toEqual([]);
    expect(await inTransaction((tx) => enqueueMany(tx, deliverNotificationJob, []))).toEqual([]);
  });

  it("rolls back the notices when one party does not exist (one statement: all or nothing)", async () => {
    const [a] = await newParties(1);
    await expect(inTransaction((tx) => notifyMany(tx, [{ partyId: a!.partyId, kind: "receipt" }, { partyId: "00000000-0000-4000-8000-000000000000", kind: "receipt" }]))).rejects.toThrow();
    expect(await database.db.select().from(notifications).where(eq(notifications.partyId, a!.partyId))).toEqual([]);
  });

  it("delivers a batch once each: one claim for all, failures on their own, proof and processing log for every notice", async () => {
    const sendable = await newParties(12);
    const [noConsent] = await newParties(1, { consent: false });
    const [refused] = await newParties(1);
    smtp.refuse.add(refused!.email);
    const results = await inTransaction((tx) => notifyMany(tx, [...sendable, noConsent!, refused!].map(({ partyId }) => ({ partyId, kind: "receipt" as const }))));
    const ids = results.map((r) => r.notificationId);

    // The same id twice in one batch (a sweep job beside the first one) is sent once.
    const outcomes = await deliverNotifications([...ids, ids[0]!]);
    expect(outcomes.slice(0, 12)).toEqual(Array.from({ length: 12 }, () => ({ result: "delivered" })));
    expect(outcomes.slice(12)).toEqual([{ result: "failed" }, { result: "failed" }, { result: "skipped" }]);

    expect(smtp.received.map((m) => m.messageId).sort()).toEqual(results.slice(0, 12).map((r) => r.messageId).sort());
    const rows = await database.db.select().from(notifications).where(inArray(notifications.id, ids));
    const status = new Map(rows.map((r) => [r.id, r]));
    for (const [i, { email }] of sendable.entries()) expect(status.get(ids[i]!)).toMatchObject({ status: "delivered", recipient: email, attemptCount: 1 });
    expect(status.get(ids[12]!)).toMatchObject({ status: "failed", failureReason: "no-consent" });
    expect(status.get(ids[13]!)).toMatchObject({ status: "failed", failureReason: "rejected" });

    const attempts = await database.db.select().from(notificationAttempts).where(inArray(notificationAttempts.notificationId, ids));
    for (const id of ids.slice(0, 12)) {
      const mine = attempts.filter((a) => a.notificationId === id);
      expect(mine.map((a) => a.outcome).sort()).toEqual(["delivered", "queued", "sending"]);
      expect(mine.find((a) => a.outcome === "delivered")!.responseCode).toBe(250);
    }
    expect(attempts.filter((a) => a.notificationId === ids[13]).map((a) => a.outcome).sort()).toEqual(["permanent-failure", "queued", "sending"]);

    // A processing-log entry for every mail that went out or failed at the server (not for the one never sent).
    const log = await database.db
      .select()
      .from(processingLog)
      .where(and(eq(processingLog.operationName, "notification.send"), inArray(processingLog.dataSubjectId, [...sendable, refused!].map((p) => p.partyId))));
    expect(log).toHaveLength(13);
    expect(log.filter((l) => l.status === "error").map((l) => l.dataSubjectId)).toEqual([refused!.partyId]);
    expect(log.every((l) => l.actorKind === "system" && /^[0-9a-f]{32}$/.test(l.traceId))).toBe(true);

    // Running the batch again (pg-boss after a time-out) sends nothing.
    expect(await deliverNotifications(ids)).toEqual(ids.map(() => ({ result: "skipped" })));
    expect(smtp.received).toHaveLength(12);
  });

  it("lets two workers claiming overlapping batches send each notice once", async () => {
    const targets = await newParties(20);
    const ids = (await inTransaction((tx) => notifyMany(tx, targets.map(({ partyId }) => ({ partyId, kind: "receipt" as const }))))).map((r) => r.notificationId);
    const [first, second] = await Promise.all([deliverNotifications(ids.slice(0, 14)), deliverNotifications([...ids.slice(6)].reverse())]);
    const delivered = [...first, ...second].filter((o) => "result" in o && o.result === "delivered").length;
    expect(delivered).toBe(20);
    expect(smtp.received).toHaveLength(20);
    expect(new Set(smtp.received.map((m) => m.messageId)).size).toBe(20);
  });

  describe("with a worker running", () => {
    beforeAll(async () => {
      await stopJobs();
      await startJobs({ handle: database.handle, role: "embedded", jobs: [deliverNotificationJob, sendMailJob] });
    }, 60_000);

    it("delivers every notice of a committed bulk notify exactly once through the worker's batches", async () => {
      const targets = await newParties(60);
      const results = await inTransaction((tx) => notifyMany(tx, targets.map(({ partyId }) => ({ partyId, kind: "receipt" as const }))));
      const ids = results.map((r) => r.notificationId);
      const deadline = Date.now() + 25_000;
      for (;;) {
        const rows = await database.db.select({ status: notifications.status }).from(notifications).where(inArray(notifications.id, ids));
        if (rows.every((r) => r.status === "delivered")) break;
        if (Date.now() > deadline) throw new Error(`not delivered in time: ${rows.filter((r) => r.status !== "delivered").length} left`);
        await new Promise((r) => setTimeout(r, 200));
      }
      const mine = new Set(results.map((r) => r.messageId));
      const received = smtp.received.filter((m) => mine.has(m.messageId));
      expect(received).toHaveLength(60);
      expect(new Set(received.map((m) => m.messageId)).size).toBe(60);
    });
  });
});
