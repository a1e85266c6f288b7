import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync } from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { count, eq, sql } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schema } from "@/db";
import { inTransaction } from "@/lib/db";
import { startJobs, stopJobs } from "@/lib/jobs/runtime";
import { sendMailJob } from "@/lib/mail/jobs";
import { deliverNotificationJob, sweepNotificationsJob } from "@/lib/notifications/jobs";
import { notify } from "@/lib/notifications/notify";
import { testDatabases, useTestDatabase } from "../support/database";

/**
 * The crash test of issue 4, on PostgreSQL (PGlite cannot be shared between processes): 2,000
 * notices, a worker process killed with SIGKILL twice while it sends, the SMTP server down for
 * 10 seconds. In the end every notice is delivered, none is lost, and a notice goes out twice
 * only where a crash or a cut connection fell between "sent" and "recorded" (same Message-ID).
 */

const NOTICES = 2000;
const { parties, partyContacts, channelConsents, notifications } = schema;

class CountingSmtp {
  byMessageId = new Map<string, number>();
  private server: SMTPServer | null = null;
  port = 0;
  async start() {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS", "AUTH"],
      logger: false,
      closeTimeout: 100,
      onData: (stream, _session, callback) => {
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", () => {
          const head = Buffer.concat(chunks).toString("utf8").split(/\r?\n\r?\n/)[0]!;
          const id = head.match(/^Message-ID:\s*(\S+)/im)?.[1] ?? "?";
          this.byMessageId.set(id, (this.byMessageId.get(id) ?? 0) + 1);
          callback();
        });
      },
    });
    // A killed worker's connections end with ECONNRESET: expected here, not a test failure.
    this.server.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "ECONNRESET") throw error;
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, "127.0.0.1", resolve));
    this.port = (this.server.server.address() as AddressInfo).port;
  }
  async stop() {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  get total() {
    return [...this.byMessageId.values()].reduce((a, b) => a + b, 0);
  }
}

describe.skipIf(!testDatabases().includes("postgres"))("notification crash test on postgres", () => {
  const database = useTestDatabase("postgres");
  const smtp = new CountingSmtp();
  let worker: ChildProcess | null = null;
  const workerLog: string[] = [];

  function startWorker(): ChildProcess {
    const dataDir = path.join(process.env.DATA_DIR!, "crash-worker");
    mkdirSync(dataDir, { recursive: true });
    // node itself with tsx as a loader, not the tsx launcher (which runs the worker in a child process a SIGKILL would miss).
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/worker.ts"], {
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        NODE_ENV: "production",
        PORTAL_MODE: "demo",
        DATABASE_URL: database.handle.url,
        DATA_DIR: dataDir,
        SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
        NOTIFICATION_RETRY_BASE_SECONDS: "1",
        NOTIFICATION_CLAIM_TIMEOUT_SECONDS: "5",
        LOG_LEVEL: "warn",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout!.on("data", (d: Buffer) => workerLog.push(d.toString()));
    child.stderr!.on("data", (d: Buffer) => workerLog.push(d.toString()));
    return child;
  }

  async function kill(child: ChildProcess | null) {
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGKILL");
    await exited;
  }

  const delivered = async () => Number((await database.db.select({ n: count() }).from(notifications).where(eq(notifications.status, "delivered")))[0]!.n);

  async function waitUntil(condition: () => Promise<boolean>, timeoutMs: number, what: string) {
    const deadline = Date.now() + timeoutMs;
    while (!(await condition())) {
      if (Date.now() > deadline) throw new Error(`${what} not reached in ${timeoutMs} ms; worker said:\n${workerLog.slice(-20).join("")}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  beforeAll(async () => {
    await smtp.start();
    await startJobs({ handle: database.handle, role: "web", jobs: [deliverNotificationJob, sweepNotificationsJob, sendMailJob] });
  }, 60_000);
  afterAll(async () => {
    await kill(worker);
    await stopJobs();
    await smtp.stop();
  }, 60_000);

  it(
    "delivers every one of 2,000 notices through two SIGKILLs and 10 seconds of SMTP outage, each at most twice and only with the same Message-ID",
    async () => {
      const base = 30_000_000 + Math.floor(Math.random() * 1_000_000);
      const ids = await database.db
        .insert(parties)
        .values(Array.from({ length: NOTICES }, (_, i) => ({ kind: "business" as const, kvkNumber: String(base + i) })))
        .returning({ id: parties.id });
      await database.db.insert(partyContacts).values(ids.map(({ id }, i) => ({ partyId: id, email: `crash-${i}@example.org`, emailVerifiedAt: new Date() })));
      await database.db.insert(channelConsents).values(ids.map(({ id }) => ({ partyId: id, kind: "receipt" as const, digital: true })));
      const messageIds: string[] = [];
      for (let i = 0; i < NOTICES; i += 200) {
        await inTransaction(async (tx) => {
          for (const { id } of ids.slice(i, i + 200)) messageIds.push((await notify(tx, { partyId: id, kind: "receipt" })).messageId);
        });
      }

      worker = startWorker();
      await waitUntil(async () => (await delivered()) >= 300, 120_000, "300 delivered");
      await kill(worker);
      worker = startWorker();
      await waitUntil(async () => (await delivered()) >= 900, 120_000, "900 delivered");
      await kill(worker);
      worker = startWorker();
      await waitUntil(async () => (await delivered()) >= 1300, 120_000, "1,300 delivered");
      await smtp.stop();
      await new Promise((r) => setTimeout(r, 10_000));
      await smtp.start(); // the same port
      await waitUntil(async () => (await delivered()) === NOTICES, 240_000, "all delivered");

      // None lost: every Message-ID arrived.
      expect(messageIds.filter((id) => !smtp.byMessageId.has(id))).toEqual([]);
      expect(smtp.byMessageId.size).toBe(NOTICES);
      // At most once more, and only those a kill or the outage caught between "sent" and "recorded":
      // per kill at most what the worker had in hand (two batches of 32, outcomes recorded by group
      // commit), plus one per pooled SMTP connection (5) when the server went down.
      const twice = [...smtp.byMessageId.entries()].filter(([, n]) => n > 1);
      expect(twice.every(([, n]) => n === 2)).toBe(true);
      const inHand = (deliverNotificationJob.work?.batchSize ?? 1) * (deliverNotificationJob.work?.localConcurrency ?? 1);
      expect(twice.length).toBeLessThanOrEqual(2 * inHand + 5);
      // Every delivered notice has its proof: a "delivered" attempt.
      const [{ missing }] = (await database.db.execute(
        sql`select count(*)::int as missing from notifications n where not exists (select 1 from notification_attempts a where a.notification_id = n.id and a.outcome = 'delivered')`,
      )) as unknown as [{ missing: number }];
      expect(missing).toBe(0);
      console.log(`crash test: ${smtp.total} mails for ${NOTICES} notices; ${twice.length} sent twice`);
    },
    600_000,
  );
});
