import { createServer, type AddressInfo } from "node:net";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { closeDatabase, installDatabase, openDatabase, type DatabaseHandle } from "@/db";
import { defineJob } from "@/lib/jobs/define";
import { startJobs, stopJobs } from "@/lib/jobs/runtime";
import { openTestDatabase, testDatabases, useTestDatabase } from "../support/database";

// lib/health reads lib/env, which parses process.env once and keeps it on globalThis.
async function checkHealthWith(settings: Record<string, string>) {
  for (const [name, value] of Object.entries(settings)) vi.stubEnv(name, value);
  delete (globalThis as { __portalEnv?: unknown }).__portalEnv;
  const { checkHealth } = await import("@/lib/health");
  return checkHealth();
}

async function healthRoute(settings: Record<string, string>) {
  for (const [name, value] of Object.entries(settings)) vi.stubEnv(name, value);
  delete (globalThis as { __portalEnv?: unknown }).__portalEnv;
  const { GET } = await import("@/app/api/health/route");
  return GET();
}

/** What the environment says about the given database, in demo mode so no production settings are needed. */
function settingsFor(handle: DatabaseHandle): Record<string, string> {
  return handle.kind === "postgres" ? { PORTAL_MODE: "demo", DATABASE_URL: handle.url! } : { PORTAL_MODE: "demo" };
}

async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const port = (probe.address() as AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

afterEach(() => {
  vi.unstubAllEnvs();
  delete (globalThis as { __portalEnv?: unknown }).__portalEnv;
});

describe.each(testDatabases())("health on a working %s database", (kind) => {
  const database = useTestDatabase(kind);

  afterAll(async () => {
    await stopJobs();
  });

  it("reports the database ok, and degraded while no job worker runs", async () => {
    const report = await checkHealthWith(settingsFor(database.handle));
    expect(report.database).toMatchObject({ ok: true, kind });
    expect(report.database.latencyMs).toEqual(expect.any(Number));
    expect(report.database.error).toBeUndefined();
    expect(report.worker).toMatchObject({ ok: false, mode: "embedded", live: [], error: "The job runtime has not started in this process." });
    expect(report.status).toBe("degraded");
    expect(Number.isNaN(Date.parse(report.checkedAt))).toBe(false);

    const response = await healthRoute(settingsFor(database.handle));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(((await response.json()) as { status: string }).status).toBe("degraded");
  });

  it("reports ok once a job worker runs in this process", async () => {
    const noop = defineJob({ name: "test.health", payload: z.object({}), handle: async () => {} });
    await startJobs({ handle: database.handle, role: "embedded", jobs: [noop] });
    const report = await checkHealthWith(settingsFor(database.handle));
    expect(report.status).toBe("ok");
    expect(report.worker.ok).toBe(true);
    expect(report.worker.live.some((w) => w.pid === process.pid && w.queues.includes("test.health"))).toBe(true);
    expect(report.worker.queued).toBe(0);
  });
});

describe("health when the database is down", () => {
  const broken: DatabaseHandle[] = [];

  beforeEach(async () => {
    await closeDatabase();
  });
  afterAll(async () => {
    await closeDatabase();
    for (const handle of broken) await handle.close().catch(() => {});
  });

  it("reports unavailable (and HTTP 503) when PostgreSQL does not answer", async () => {
    const url = `postgres://portal@127.0.0.1:${await closedPort()}/portal`;
    const handle = await openDatabase({ kind: "postgres", url, max: 1 });
    broken.push(handle);
    installDatabase(handle);

    const report = await checkHealthWith({ PORTAL_MODE: "demo", DATABASE_URL: url });
    expect(report.status).toBe("unavailable");
    expect(report.database).toEqual({ ok: false, kind: "postgres", error: "The database cannot be reached." });
    expect(report.worker.queued).toBeNull();

    const response = await healthRoute({ PORTAL_MODE: "demo", DATABASE_URL: url });
    expect(response.status).toBe(503);
    expect(((await response.json()) as { status: string }).status).toBe("unavailable");
  });

  it("reports unavailable when the embedded database was closed", async () => {
    const handle = await openTestDatabase("pglite");
    broken.push(handle);
    await handle.pglite!.close();
    installDatabase(handle);

    const report = await checkHealthWith({ PORTAL_MODE: "demo" });
    expect(report.status).toBe("unavailable");
    expect(report.database).toEqual({ ok: false, kind: "pglite", error: "The database cannot be reached." });
  });
});
