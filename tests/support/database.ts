import { readFileSync } from "node:fs";
import postgres from "postgres";
import { afterAll, beforeAll, inject } from "vitest";
import { closeDatabase, installDatabase, openDatabase, type DatabaseHandle, type Db } from "@/db";
import { quoteIdent, withDatabaseName } from "./guard";
import "./paths";

/**
 * Per-file test databases. PGlite always; PostgreSQL too when TEST_DATABASE_URL is set. Each
 * comes migrated from what the global setup prepared (tests/support/global-setup.ts), so a
 * file never pays for migrations. Usage:
 *
 *   describe.each(testDatabases())("on %s", (kind) => {
 *     const database = useTestDatabase(kind);
 *     it("...", async () => { await database.db.select()... });
 *   });
 */

export type TestDatabaseKind = "pglite" | "postgres";

/** The databases integration tests run on: PGlite, and PostgreSQL when TEST_DATABASE_URL is set. */
export function testDatabases(): TestDatabaseKind[] {
  return postgresServer() ? ["pglite", "postgres"] : ["pglite"];
}

function postgresServer() {
  return inject("postgresServer") ?? null;
}

const snapshots = new Map<string, Buffer>();
let counter = 0;

/**
 * A PGlite data folder to start from (`new PGlite({ loadDataDir })`): "migrated" holds the
 * portal's schema, "empty" is what a new PGlite holds. Each call gives a new Blob of it.
 */
export function pgliteSnapshot(which: "empty" | "migrated"): Blob {
  const files = inject("pgliteSnapshots");
  if (!files) throw new Error("No PGlite snapshot: database tests belong under tests/integration/, whose global setup prepares it.");
  let data = snapshots.get(which);
  if (!data) {
    data = readFileSync(files[which]);
    snapshots.set(which, data);
  }
  return new Blob([new Uint8Array(data)]);
}

export interface OpenTestDatabaseOptions {
  /** An empty database without migrations, to test migrating itself. */
  empty?: boolean;
}

/**
 * Opens a new test database of the given kind. The caller closes it; closing a PostgreSQL test
 * database also drops it.
 */
export async function openTestDatabase(kind: TestDatabaseKind, options: OpenTestDatabaseOptions = {}): Promise<DatabaseHandle> {
  if (kind === "pglite") {
    return openDatabase({ kind: "pglite", loadDataDir: pgliteSnapshot(options.empty ? "empty" : "migrated") });
  }

  const server = postgresServer();
  if (!server) throw new Error("PostgreSQL tests need TEST_DATABASE_URL (a PostgreSQL server on this machine).");
  const name = `${server.prefix}_${process.pid}_${++counter}`;
  await adminQuery(server.adminUrl, `CREATE DATABASE ${quoteIdent(name)}${options.empty ? "" : ` TEMPLATE ${quoteIdent(server.template)}`}`);
  let handle: DatabaseHandle;
  try {
    handle = await openDatabase({ kind: "postgres", url: withDatabaseName(server.adminUrl, name), max: 4 });
  } catch (error) {
    await adminQuery(server.adminUrl, `DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
    throw error;
  }
  const close = handle.close;
  let closed = false;
  handle.close = async () => {
    if (closed) return;
    closed = true;
    try {
      await close();
    } finally {
      await adminQuery(server.adminUrl, `DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
    }
  };
  return handle;
}

async function adminQuery(adminUrl: string, statement: string): Promise<void> {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {}, connect_timeout: 5 });
  try {
    // Two files cloning the same template at the same moment can collide; try again briefly.
    for (let attempt = 1; ; attempt++) {
      try {
        await admin.unsafe(statement);
        return;
      } catch (error) {
        const busy = /being accessed by other users/.test((error as Error).message);
        if (!busy || attempt >= 10) throw error;
        await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
      }
    }
  } finally {
    await admin.end({ timeout: 5 });
  }
}

export interface TestDatabase {
  readonly kind: TestDatabaseKind;
  readonly handle: DatabaseHandle;
  readonly db: Db;
}

/**
 * Opens a fresh database for the enclosing describe block (or file) before its tests, installs
 * it as the process database (so lib code using withDb sees it) and closes it afterwards.
 */
export function useTestDatabase(kind: TestDatabaseKind = "pglite", options: OpenTestDatabaseOptions = {}): TestDatabase {
  let handle: DatabaseHandle | undefined;
  beforeAll(async () => {
    handle = await openTestDatabase(kind, options);
    installDatabase(handle);
  }, 60_000);
  afterAll(async () => {
    // The process database is this handle (describe blocks run one after another).
    await closeDatabase();
    await handle?.close();
    handle = undefined;
  }, 60_000);
  const current = () => {
    if (!handle) throw new Error("The test database is only open inside tests (not while tests are being collected).");
    return handle;
  };
  return {
    kind,
    get handle() {
      return current();
    },
    get db() {
      return current().db;
    },
  };
}
