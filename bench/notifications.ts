// npm run bench:notifications: e-mails per second through the notification engine (notifyMany() in
// a transaction, worker processes claiming, rendering, sending over SMTP and recording every
// attempt) against a plain nodemailer loop sending the same mails to the same local SMTP server
// in the same run. PostgreSQL only (workers are separate processes): BENCH_DATABASE_URL, else a
// throwaway server from scripts/pg-throwaway.sh. Everything stays on 127.0.0.1 and is bounded.
//
//   tsx --conditions=react-server bench/notifications.ts [--count 2000] [--workers 2] [--concurrency 16] [--batch 100]
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { count, eq } from "drizzle-orm";
import nodemailer from "nodemailer";
import { SMTPServer } from "smtp-server";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? Number(args[i + 1]) : fallback;
};
const COUNT = option("count", 2000);
const WORKERS = option("workers", 2);
const CONCURRENCY = option("concurrency", 16);
const BATCH = option("batch", 100);
const LIMIT_MS = 10 * 60_000;

let throwaway: string | undefined;
const children = new Set<ChildProcess>();
function cleanup() {
  for (const c of children) c.kill("SIGKILL");
  if (throwaway) execFileSync("bash", [path.join(root, "scripts/pg-throwaway.sh"), "stop", throwaway], { stdio: "inherit" });
  throwaway = undefined;
}
process.on("exit", cleanup);
setTimeout(() => {
  console.error(`Stopped: the benchmark took longer than ${LIMIT_MS / 60_000} minutes.`);
  process.exit(1);
}, LIMIT_MS).unref();

function databaseUrl(): string {
  if (process.env.BENCH_DATABASE_URL) return process.env.BENCH_DATABASE_URL;
  const out = execFileSync("bash", [path.join(root, "scripts/pg-throwaway.sh"), "start"], { encoding: "utf8" });
  throwaway = out.match(/PG_THROWAWAY_DIR=(\S+)/)?.[1];
  const url = out.match(/TEST_DATABASE_URL=(\S+)/)?.[1];
  if (!url) throw new Error(`No PostgreSQL: ${out}`);
  return url;
}

const cpuMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;

/** User + system CPU time of the worker processes so far, from /proc (Linux), in ms. */
function workerCpuMs(): number {
  let ticks = 0;
  for (const child of children) {
    try {
      const stat = readFileSync(`/proc/${child.pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime
    } catch {
      // Not Linux, or the worker is gone.
    }
  }
  return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
}

async function main() {
  const url = databaseUrl();
  const dataDir = path.join(root, ".test-data", "bench-notifications");
  mkdirSync(dataDir, { recursive: true });
  Object.assign(process.env, { DATABASE_URL: url, PORTAL_MODE: "demo", DATA_DIR: dataDir, LOG_LEVEL: "warn" });

  // The SMTP sink: accepts everything, counts what arrives.
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, _session, callback) {
      stream.on("data", () => {});
      stream.on("end", () => {
        received++;
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const smtpUrl = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  process.env.SMTP_URL = smtpUrl;

  const { openDatabase, migrateDatabase, installDatabase, schema } = await import("../db");
  const { inTransaction } = await import("../lib/db");
  const { startJobs, stopJobs } = await import("../lib/jobs/runtime");
  const { notifyMany } = await import("../lib/notifications/notify");
  const { renderNotice } = await import("../lib/notifications/templates");
  const { env } = await import("../lib/env");
  const handle = await openDatabase({ kind: "postgres", url, max: 8 });
  await migrateDatabase(handle);
  installDatabase(handle);
  await startJobs({ handle, role: "web" });

  // 1. The plain loop: the same rendered mails, a pooled nodemailer transport, the same concurrency per worker.
  const e = env();
  const mail = renderNotice({ kind: "receipt", language: "nl", portalUrl: e.publicUrl, municipality: e.municipality, termEndsOn: null });
  // As many SMTP connections as the engine's workers have together (nodemailer's pool: 5 each).
  const transport = nodemailer.createTransport({ url: smtpUrl, pool: true, maxConnections: 5 * WORKERS, maxRequeues: 0 });
  const plainStart = performance.now();
  const plainEpoch = Date.now();
  const plainCpu = process.cpuUsage();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY * WORKERS }, async () => {
      while (next < COUNT) {
        const i = next++;
        await transport.sendMail({ from: e.mailFrom, to: `plain-${i}@example.org`, subject: mail.subject, text: mail.text, html: mail.html, messageId: `<plain-${i}@bench>` });
      }
    }),
  );
  const plainSeconds = (performance.now() - plainStart) / 1000;
  // CPU time (user + system) of this process: the loop and the SMTP sink together.
  const plainCpuMs = cpuMs(process.cpuUsage(plainCpu));
  transport.close();

  // 2. The engine: parties with a verified address and consent, worker processes started and warm.
  const { parties, partyContacts, channelConsents, notifications } = schema;
  const base = 40_000_000 + Math.floor(Math.random() * 1_000_000);
  const ids = await handle.db.insert(parties).values(Array.from({ length: COUNT + 50 }, (_, i) => ({ kind: "business" as const, kvkNumber: String(base + i) }))).returning({ id: parties.id });
  await handle.db.insert(partyContacts).values(ids.map(({ id }, i) => ({ partyId: id, email: `engine-${i}@example.org`, emailVerifiedAt: new Date() })));
  await handle.db.insert(channelConsents).values(ids.map(({ id }) => ({ partyId: id, kind: "receipt" as const, digital: true })));
  for (let w = 0; w < WORKERS; w++) {
    // node itself with tsx as a loader (as the crash test does), so the child is the worker and its CPU time can be read.
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/worker.ts"], {
      cwd: root,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        NODE_ENV: "production",
        PORTAL_MODE: "demo",
        DATABASE_URL: url,
        DATA_DIR: dataDir,
        SMTP_URL: smtpUrl,
        LOG_LEVEL: "warn",
        // BENCH_CPU_PROF=<folder>: each worker writes a V8 CPU profile there when it stops.
        ...(process.env.BENCH_CPU_PROF ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROF)}` } : {}),
      },
      stdio: ["ignore", "inherit", "inherit"],
    });
    children.add(child);
  }
  const delivered = async () => Number((await handle.db.select({ n: count() }).from(notifications).where(eq(notifications.status, "delivered")))[0]!.n);
  const waitFor = async (n: number) => {
    let last = 0;
    for (;;) {
      const done = await delivered();
      if (done >= n) return;
      // BENCH_TIMES=1: progress once a second.
      if (process.env.BENCH_TIMES && Date.now() - last >= 1000) {
        last = Date.now();
        console.log(`  ${new Date().toISOString().slice(11, 23)} delivered ${done}/${n}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  // Warm-up: 50 notices, so the workers are up and pg-boss has seen a backlog.
  await inTransaction((tx) => notifyMany(tx, ids.slice(COUNT).map(({ id }) => ({ partyId: id, kind: "receipt" as const }))));
  await waitFor(50);

  const engineStart = performance.now();
  const engineEpoch = Date.now();
  const benchCpu = process.cpuUsage();
  const workerCpu = workerCpuMs();
  // As a bulk sender would (an outage notice to many parties, a reminder run): notifyMany() in
  // transactions of BATCH notices, one after the other.
  for (let i = 0; i < COUNT; i += BATCH) {
    await inTransaction((tx) => notifyMany(tx, ids.slice(i, Math.min(i + BATCH, COUNT)).map(({ id }) => ({ partyId: id, kind: "receipt" as const }))));
  }
  const enqueueSeconds = (performance.now() - engineStart) / 1000;
  await waitFor(COUNT + 50);
  const engineSeconds = (performance.now() - engineStart) / 1000;
  const engineWorkerCpuMs = workerCpuMs() - workerCpu;
  const engineBenchCpuMs = cpuMs(process.cpuUsage(benchCpu));

  // BENCH_TIMES=1: the wall-clock windows, to match with CPU samples of other tools.
  if (process.env.BENCH_TIMES) console.log(`  windows (epoch s): plain ${(plainEpoch / 1000).toFixed(2)}-${((plainEpoch + plainSeconds * 1000) / 1000).toFixed(2)}, engine ${(engineEpoch / 1000).toFixed(2)}-${(Date.now() / 1000).toFixed(2)}`);
  const plainRate = COUNT / plainSeconds;
  const engineRate = COUNT / engineSeconds;
  console.log(`\nNotification benchmark: ${COUNT} e-mails to a local SMTP server, PostgreSQL, ${WORKERS} worker process(es) x ${CONCURRENCY} at a time`);
  console.log(`  plain nodemailer loop:  ${plainRate.toFixed(0)} e-mails/s (${plainSeconds.toFixed(1)} s, ${CONCURRENCY * WORKERS} at a time over one pool of ${5 * WORKERS} connections)`);
  console.log(`  through the engine:     ${engineRate.toFixed(0)} e-mails/s (${engineSeconds.toFixed(1)} s, of which ${enqueueSeconds.toFixed(1)} s notifyMany() in transactions of ${BATCH})`);
  console.log(`  engine / plain:         ${(engineRate / plainRate).toFixed(2)}`);
  // CPU time per mail does not depend on what else runs on the machine, unlike the rates.
  console.log(`  CPU per mail:           plain ${(plainCpuMs / COUNT).toFixed(2)} ms (loop and sink); engine ${(engineWorkerCpuMs / COUNT).toFixed(2)} ms in the workers + ${(engineBenchCpuMs / COUNT).toFixed(2)} ms here (sink, notifyMany(), polling), PostgreSQL not counted`);
  console.log(`  mails received:         ${received} (expected ${COUNT * 2 + 50})`);
  console.log(`  targets (issue 4):      >= 200 e-mails/s through the engine: ${engineRate >= 200 ? "met" : "NOT met"}; >= 0.7 of plain: ${engineRate / plainRate >= 0.7 ? "met" : "NOT met"}`);

  // Let the workers stop on their own (and write their profiles), for at most 15 seconds.
  await Promise.all(
    [...children].map(
      (c) =>
        new Promise<void>((resolve) => {
          if (c.exitCode !== null) return resolve();
          const timer = setTimeout(resolve, 15_000);
          c.once("exit", () => {
            clearTimeout(timer);
            children.delete(c);
            resolve();
          });
          c.kill("SIGTERM");
        }),
    ),
  );
  await stopJobs();
  await handle.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  cleanup();
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  cleanup();
  process.exit(1);
});
