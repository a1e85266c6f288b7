import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { and, eq, sql } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { schema } from "@/db";
import { inTransaction } from "@/lib/db";
import { jobBoss, startJobs, stopJobs } from "@/lib/jobs/runtime";
import { useMailTransport } from "@/lib/mail";
import { sendMailJob } from "@/lib/mail/jobs";
import { createSmtpTransport } from "@/lib/mail/transport";
import { recordBounce } from "@/lib/notifications/bounce";
import { changeConsents, changeEmail, contactHistory, hashToken, verifyEmail } from "@/lib/notifications/contacts";
import { deliverNotification } from "@/lib/notifications/delivery";
import { deliverNotificationJob } from "@/lib/notifications/jobs";
import { notify } from "@/lib/notifications/notify";
import { sweepStuckNotifications } from "@/lib/notifications/sweep";
import { testDatabases, useTestDatabase } from "../support/database";

const { parties, notifications, notificationAttempts, fallbackTasks, emailVerifications, partyContacts } = schema;

type Mode = "accept" | "4xx" | "5xx";

interface Received {
  to: string[];
  raw: string;
}

/** A real SMTP server on 127.0.0.1 that accepts, answers 4xx or 5xx, or goes down, as the test says. */
class TestSmtp {
  mode: Mode = "accept";
  received: Received[] = [];
  private server: SMTPServer | null = null;
  port = 0;

  async start(): Promise<void> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS", "AUTH"],
      logger: false,
      // Going down means going down: open (pooled) connections are cut at once.
      closeTimeout: 100,
      onRcptTo: (_address, _session, callback) => {
        if (this.mode === "4xx") return callback(Object.assign(new Error("4.7.1 Greylisted, try again later"), { responseCode: 451 }));
        if (this.mode === "5xx") return callback(Object.assign(new Error("5.1.1 No such user here"), { responseCode: 550 }));
        callback();
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", () => {
          this.received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString("utf8") });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, "127.0.0.1", resolve));
    this.port = (this.server.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

function header(raw: string, name: string): string | undefined {
  const head = raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, " ");
  return head
    .split(/\r?\n/)
    .find((line) => line.toLowerCase().startsWith(`${name.toLowerCase()}:`))
    ?.slice(name.length + 1)
    .trim();
}

let kvk = 10_000_000 + Math.floor(Math.random() * 80_000_000);
const party = { kind: "party", partyId: "" } as const;

describe.each(testDatabases())("notifications on %s", (kind) => {
  const database = useTestDatabase(kind);
  const smtp = new TestSmtp();

  beforeAll(async () => {
    await smtp.start();
    useMailTransport(createSmtpTransport(`smtp://127.0.0.1:${smtp.port}`));
    // Enqueue only: the tests run the delivery step themselves, so every step is observable.
    await startJobs({ handle: database.handle, role: "web", jobs: [deliverNotificationJob, sendMailJob] });
  }, 60_000);
  afterAll(async () => {
    await stopJobs();
    useMailTransport(undefined);
    await smtp.stop();
  }, 60_000);
  beforeEach(() => {
    smtp.mode = "accept";
    smtp.received.length = 0;
  });

  /** A business party (no BSN needed) with, as asked, a verified address and consent for decisions. */
  async function newParty(options: { email?: string | null; verified?: boolean; consent?: boolean } = {}) {
    const [row] = await database.db.insert(parties).values({ kind: "business", kvkNumber: String(++kvk) }).returning({ id: parties.id });
    const partyId = row!.id;
    const email = options.email === undefined ? `ondernemer-${kvk}@example.org` : options.email;
    if (email) {
      await database.db.insert(partyContacts).values({ partyId, email, emailVerifiedAt: options.verified === false ? null : new Date() });
    }
    if (options.consent !== false) {
      await inTransaction((tx) => changeConsents(tx, { ...party, partyId }, partyId, { decision: true, "information-request": true, information: false, receipt: true, reminder: false, outage: false, "draft-expiring": false }));
    }
    return { partyId, email };
  }

  const attemptsOf = (id: string) => database.db.select().from(notificationAttempts).where(eq(notificationAttempts.notificationId, id)).orderBy(notificationAttempts.at, notificationAttempts.attempt);
  const notificationRow = async (id: string) => (await database.db.select().from(notifications).where(eq(notifications.id, id)))[0]!;
  const tasksOf = (id: string) => database.db.select().from(fallbackTasks).where(eq(fallbackTasks.notificationId, id));

  it("records and enqueues nothing when the caller's transaction rolls back, and both when it commits", async () => {
    const { partyId } = await newParty();
    let rolledBackId = "";
    await expect(
      inTransaction(async (tx) => {
        rolledBackId = (await notify(tx, { partyId, kind: "decision", termEndsOn: "2027-01-15" })).notificationId;
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await database.db.select().from(notifications).where(eq(notifications.id, rolledBackId))).toEqual([]);
    expect(await jobBoss().findJobs(deliverNotificationJob.name, { data: { notificationId: rolledBackId } })).toEqual([]);

    const { notificationId } = await inTransaction((tx) => notify(tx, { partyId, kind: "decision", termEndsOn: "2027-01-15" }));
    expect((await notificationRow(notificationId)).status).toBe("queued");
    expect(await jobBoss().findJobs(deliverNotificationJob.name, { data: { notificationId } })).toHaveLength(1);
    expect((await attemptsOf(notificationId)).map((a) => a.outcome)).toEqual(["queued"]);
  });

  it("delivers through SMTP with a stable Message-ID and records queued, sending, delivered", async () => {
    const { partyId, email } = await newParty();
    const { notificationId, messageId } = await inTransaction((tx) => notify(tx, { partyId, kind: "decision", termEndsOn: "2027-01-15" }));
    expect(await deliverNotification(notificationId)).toBe("delivered");

    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.to).toEqual([email]);
    expect(header(smtp.received[0]!.raw, "Message-ID")).toBe(messageId);
    expect(smtp.received[0]!.raw).toContain("15 januari 2027");
    const row = await notificationRow(notificationId);
    expect(row).toMatchObject({ status: "delivered", recipient: email, attemptCount: 1 });
    expect(row.deliveredAt).toBeInstanceOf(Date);
    const attempts = await attemptsOf(notificationId);
    expect(attempts.map((a) => a.outcome)).toEqual(["queued", "sending", "delivered"]);
    expect(attempts[2]!.responseCode).toBe(250);

    // The job delivered again (pg-boss after a time-out) finds nothing to do: nothing is sent twice.
    expect(await deliverNotification(notificationId)).toBe("skipped");
    expect(smtp.received).toHaveLength(1);
  });

  it("lets only one of two workers send the same notice", async () => {
    const { partyId } = await newParty();
    const { notificationId } = await inTransaction((tx) => notify(tx, { partyId, kind: "receipt" }));
    const results = await Promise.all([deliverNotification(notificationId), deliverNotification(notificationId), deliverNotification(notificationId)]);
    expect(results.filter((r) => r === "delivered")).toHaveLength(1);
    expect(results.filter((r) => r === "skipped")).toHaveLength(2);
    expect(smtp.received).toHaveLength(1);
  });

  it("retries a 4xx answer with back-off, and opens a fallback task when the retry period runs out", async () => {
    const { partyId } = await newParty();
    smtp.mode = "4xx";
    const { notificationId } = await inTransaction((tx) => notify(tx, { partyId, kind: "information-request", termEndsOn: "2027-02-01" }));
    const before = Date.now();
    expect(await deliverNotification(notificationId, { random: () => 1 })).toBe("retrying");
    let row = await notificationRow(notificationId);
    expect(row.status).toBe("retrying");
    // First retry after the base delay (60 s by default; random 1 = the full delay).
    const wait = row.nextAttemptAt!.getTime() - before;
    expect(wait).toBeGreaterThanOrEqual(59_000);
    expect(wait).toBeLessThan(65_000);
    const retryJobs = (await jobBoss().findJobs(deliverNotificationJob.name, { data: { notificationId } })).filter((j) => j.state === "created");
    expect(retryJobs.length).toBe(2); // the first (not run by a worker here) and the planned retry
    expect(retryJobs.some((j) => Math.abs(new Date(j.startAfter).getTime() - row.nextAttemptAt!.getTime()) < 1000)).toBe(true);

    // Second failure: twice the wait.
    const second = Date.now();
    expect(await deliverNotification(notificationId, { random: () => 1 })).toBe("retrying");
    row = await notificationRow(notificationId);
    expect(row.nextAttemptAt!.getTime() - second).toBeGreaterThanOrEqual(119_000);
    expect(await tasksOf(notificationId)).toEqual([]);

    // 73 hours later (the default period is 72): the next failure is the last.
    await database.db.update(notifications).set({ retryFrom: sql`now() - interval '73 hours'` }).where(eq(notifications.id, notificationId));
    expect(await deliverNotification(notificationId)).toBe("failed");
    row = await notificationRow(notificationId);
    expect(row).toMatchObject({ status: "failed", failureReason: "retries-exhausted", attemptCount: 3 });
    const attempts = await attemptsOf(notificationId);
    expect(attempts.map((a) => a.outcome)).toEqual(["queued", "sending", "temporary-failure", "sending", "temporary-failure", "sending", "temporary-failure"]);
    expect(attempts[2]!.responseCode).toBe(451);
    expect(attempts[2]!.detail).toContain("Greylisted");
    const tasks = await tasksOf(notificationId);
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ status: "open", reason: "retries-exhausted", partyId });
    expect(smtp.received).toHaveLength(0);
  });

  it("does not retry a 5xx answer: the notice fails and a fallback task opens", async () => {
    const { partyId } = await newParty();
    smtp.mode = "5xx";
    const { notificationId } = await inTransaction((tx) => notify(tx, { partyId, kind: "decision" }));
    expect(await deliverNotification(notificationId)).toBe("failed");
    expect(await notificationRow(notificationId)).toMatchObject({ status: "failed", failureReason: "rejected" });
    const attempts = await attemptsOf(notificationId);
    expect(attempts.at(-1)).toMatchObject({ outcome: "permanent-failure", responseCode: 550 });
    expect(await tasksOf(notificationId)).toHaveLength(1);
    expect(await jobBoss().findJobs(deliverNotificationJob.name, { data: { notificationId } })).toHaveLength(1); // no retry planned
  });

  it("treats a server that is down as temporary, and delivers once it is back", async () => {
    const { partyId } = await newParty();
    const { notificationId } = await inTransaction((tx) => notify(tx, { partyId, kind: "receipt" }));
    await smtp.stop();
    try {
      expect(await deliverNotification(notificationId)).toBe("retrying");
      const attempts = await attemptsOf(notificationId);
      expect(attempts.at(-1)).toMatchObject({ outcome: "temporary-failure", responseCode: null });
      expect(attempts.at(-1)!.detail).toMatch(/ECONNREFUSED|ECONNECTION|ESOCKET/);
    } finally {
      await smtp.start(); // same port
    }
    expect(await deliverNotification(notificationId)).toBe("delivered");
    expect(smtp.received).toHaveLength(1);
  });

  it("sends nothing without consent for the kind, or without a verified address: a fallback task opens", async () => {
    const withoutConsent = await newParty();
    const reminder = await inTransaction((tx) => notify(tx, { partyId: withoutConsent.partyId, kind: "reminder" }));
    expect(await deliverNotification(reminder.notificationId)).toBe("failed");
    expect(await notificationRow(reminder.notificationId)).toMatchObject({ status: "failed", failureReason: "no-consent" });
    expect((await tasksOf(reminder.notificationId))[0]).toMatchObject({ reason: "no-consent" });

    const unverified = await newParty({ verified: false });
    const decision = await inTransaction((tx) => notify(tx, { partyId: unverified.partyId, kind: "decision" }));
    expect(await deliverNotification(decision.notificationId)).toBe("failed");
    expect(await notificationRow(decision.notificationId)).toMatchObject({ status: "failed", failureReason: "no-verified-address" });
    expect(smtp.received).toHaveLength(0);
  });

  it("fails a notice whose template cannot render visibly, and hands it to a person", async () => {
    const { partyId } = await newParty();
    const { notificationId } = await inTransaction((tx) => notify(tx, { partyId, kind: "decision", termEndsOn: "2027-01-15" }));
    // A language no template exists for (the column is plain text): the kind of mistake a bad data migration makes.
    await database.db.execute(sql`update notifications set language = 'de' where id = ${notificationId}`);
    await expect(deliverNotification(notificationId)).rejects.toThrow(/No templates for language de/);
    expect(await notificationRow(notificationId)).toMatchObject({ status: "failed", failureReason: "template-error" });
    expect((await tasksOf(notificationId))[0]).toMatchObject({ reason: "template-error" });
    expect(smtp.received).toHaveLength(0);
  });

  it("verifies a new address by a link that works once, and then sends the undelivered notices again", async () => {
    const { partyId } = await newParty({ email: null });
    const failed = await inTransaction((tx) => notify(tx, { partyId, kind: "decision" }));
    expect(await deliverNotification(failed.notificationId)).toBe("failed");

    const address = `nieuw-${kvk}@example.org`;
    expect(await inTransaction((tx) => changeEmail(tx, { ...party, partyId }, partyId, address, "nl"))).toBe("verification-sent");
    // The verification mail is a mail.send job carrying the link; only the token's hash is stored.
    const [job] = await jobBoss().findJobs<{ to: string; text: string }>(sendMailJob.name, { data: { to: address } });
    const token = job!.data.text.match(/email-bevestigen\?code=([A-Za-z0-9_-]+)/)![1]!;
    const [link] = await database.db.select().from(emailVerifications).where(eq(emailVerifications.partyId, partyId));
    expect(link!.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(link)).not.toContain(token);

    const verified = await inTransaction((tx) => verifyEmail(tx, token));
    expect(verified).toEqual({ status: "verified", partyId, resent: 1 });
    expect(await inTransaction((tx) => verifyEmail(tx, token))).toEqual({ status: "used" });
    expect(await inTransaction((tx) => verifyEmail(tx, "x".repeat(43)))).toEqual({ status: "unknown" });
    const [contact] = await database.db.select().from(partyContacts).where(eq(partyContacts.partyId, partyId));
    expect(contact!.emailVerifiedAt).toBeInstanceOf(Date);

    // The notice that failed is queued again and delivered now; its delivery time is the new one.
    expect((await notificationRow(failed.notificationId)).status).toBe("queued");
    expect(await deliverNotification(failed.notificationId)).toBe("delivered");
    expect(smtp.received[0]!.to).toEqual([address]);

    const history = await contactHistory(database.db, partyId);
    expect(history.map((h) => h.change)).toEqual(expect.arrayContaining(["email-set", "email-verified", "consent"]));
  });

  it("refuses an expired link, and changing the address starts a new verification", async () => {
    const { partyId } = await newParty({ email: null });
    await inTransaction((tx) => changeEmail(tx, { ...party, partyId }, partyId, `eerste-${kvk}@example.org`, "nl"));
    const [job] = await jobBoss().findJobs<{ text: string }>(sendMailJob.name, { data: { to: `eerste-${kvk}@example.org` } });
    const token = job!.data.text.match(/code=([A-Za-z0-9_-]+)/)![1]!;
    expect(await inTransaction((tx) => verifyEmail(tx, token, new Date(Date.now() + 49 * 3600_000)))).toEqual({ status: "expired" });

    await inTransaction((tx) => changeEmail(tx, { ...party, partyId }, partyId, `tweede-${kvk}@example.org`, "nl"));
    // The first address's link no longer verifies anything.
    expect(await inTransaction((tx) => verifyEmail(tx, token))).toEqual({ status: "used" });
    const [contact] = await database.db.select().from(partyContacts).where(eq(partyContacts.partyId, partyId));
    expect(contact).toMatchObject({ email: `tweede-${kvk}@example.org`, emailVerifiedAt: null });
  });

  it("turns a delivered notice into a failed one when a bounce arrives later", async () => {
    const { partyId } = await newParty();
    const { notificationId, messageId } = await inTransaction((tx) => notify(tx, { partyId, kind: "decision" }));
    expect(await deliverNotification(notificationId)).toBe("delivered");
    expect(await inTransaction((tx) => recordBounce(tx, messageId.slice(1, -1), "550 5.1.1 mailbox unavailable"))).toBe("recorded");
    expect(await notificationRow(notificationId)).toMatchObject({ status: "failed", failureReason: "bounced" });
    expect((await attemptsOf(notificationId)).at(-1)).toMatchObject({ outcome: "bounced" });
    expect(await tasksOf(notificationId)).toHaveLength(1);
    expect(await inTransaction((tx) => recordBounce(tx, messageId, "again"))).toBe("already-failed");
    expect(await inTransaction((tx) => recordBounce(tx, `<${randomUUID()}@x>`, "?"))).toBe("unknown");
  });

  it("keeps one open fallback task per notice", async () => {
    const { partyId } = await newParty({ consent: false });
    const { notificationId } = await inTransaction((tx) => notify(tx, { partyId, kind: "outage" }));
    await deliverNotification(notificationId);
    await database.db.update(notifications).set({ status: "queued" }).where(eq(notifications.id, notificationId));
    await deliverNotification(notificationId);
    expect(await database.db.select().from(fallbackTasks).where(and(eq(fallbackTasks.notificationId, notificationId), eq(fallbackTasks.status, "open")))).toHaveLength(1);
  });

  it("gives a notice stuck by a crashed worker a new delivery job, which sends it with the same Message-ID", async () => {
    const { partyId } = await newParty();
    const { notificationId, messageId } = await inTransaction((tx) => notify(tx, { partyId, kind: "decision" }));
    // A worker claimed it and died before recording anything; its job is gone.
    await database.db.update(notifications).set({ status: "sending", attemptCount: 1, claimedAt: sql`now() - interval '11 minutes'` }).where(eq(notifications.id, notificationId));
    await jobBoss().deleteJob(deliverNotificationJob.name, (await jobBoss().findJobs(deliverNotificationJob.name, { data: { notificationId } })).map((j) => j.id));
    // A fresh claim is left alone.
    const fresh = await inTransaction((tx) => notify(tx, { partyId, kind: "receipt" }));
    await database.db.update(notifications).set({ status: "sending", claimedAt: sql`now()` }).where(eq(notifications.id, fresh.notificationId));

    expect(await sweepStuckNotifications()).toBeGreaterThanOrEqual(1);
    expect(await jobBoss().findJobs(deliverNotificationJob.name, { data: { notificationId } })).toHaveLength(1);
    expect(await deliverNotification(fresh.notificationId)).toBe("skipped");
    expect(await deliverNotification(notificationId)).toBe("delivered");
    expect(header(smtp.received[0]!.raw, "Message-ID")).toBe(messageId);
    expect((await notificationRow(notificationId)).attemptCount).toBe(2);
  });

  describe("with a worker running", () => {
    beforeAll(async () => {
      await stopJobs();
      await startJobs({ handle: database.handle, role: "embedded", jobs: [deliverNotificationJob, sendMailJob] });
    }, 60_000);

    it("delivers a committed notice without anyone calling the delivery step", async () => {
      const { partyId, email } = await newParty();
      const { notificationId } = await inTransaction((tx) => notify(tx, { partyId, kind: "receipt" }));
      const deadline = Date.now() + 20_000;
      while ((await notificationRow(notificationId)).status !== "delivered") {
        if (Date.now() > deadline) throw new Error("not delivered in time");
        await new Promise((r) => setTimeout(r, 200));
      }
      // (The worker also picks up the jobs earlier tests left queued; this party's notice went once.)
      expect(smtp.received.filter((m) => m.to.includes(email!))).toHaveLength(1);
    });
  });
});
