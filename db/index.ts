import { closeSync, existsSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import type { Sql } from "postgres";
import * as schema from "./schema";

/**
 * The one database handle. PGlite (embedded PostgreSQL in WebAssembly) stored in a folder when
 * no DATABASE_URL is set; PostgreSQL through postgres.js when it is. Same schema, same queries,
 * same migrations. Only lib/* and scripts import this module.
 */

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Either the database itself or an open transaction: what a function that writes accepts. */
export type DbOrTx = Db | Tx;

export type DatabaseTarget =
  | { kind: "pglite"; dataDir?: string; loadDataDir?: Blob }
  | { kind: "postgres"; url: string; max?: number };

export interface DatabaseHandle {
  kind: "pglite" | "postgres";
  db: Db;
  /** The PGlite instance (embedded only): pg-boss talks to it directly. */
  pglite?: PGlite;
  /** The postgres.js client (PostgreSQL only). */
  sql?: Sql;
  /** The connection string (PostgreSQL only): pg-boss opens its own pool. */
  url?: string;
  close(): Promise<void>;
}

/** Thrown when the database cannot be reached. The digest lets error pages tell it apart. */
export class DatabaseUnavailableError extends Error {
  readonly digest = "DATABASE_UNAVAILABLE";
  constructor(cause?: unknown) {
    super("The database cannot be reached", { cause });
    this.name = "DatabaseUnavailableError";
  }
}

/** Thrown when another process already owns the embedded database folder. */
export class DataDirInUseError extends Error {
  constructor(dataDir: string, owner: string) {
    super(
      `The embedded database in ${dataDir} is already in use by ${owner}. ` +
        "PGlite allows only one process per folder: stop that process first, or start this one with another DATA_DIR.",
    );
    this.name = "DataDirInUseError";
  }
}

const CONNECTION_ERROR_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ENOTFOUND", "ETIMEDOUT", "EHOSTUNREACH", "CONNECT_TIMEOUT", "CONNECTION_CLOSED", "CONNECTION_ENDED", "CONNECTION_DESTROYED", "57P01", "57P02", "57P03", "08000", "08001", "08003", "08004", "08006"]);

/** True when an error means "the database is not there", not "the query was wrong". */
export function isConnectionError(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof DatabaseUnavailableError) return true;
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && CONNECTION_ERROR_CODES.has(code)) return true;
    const message = (e as { message?: unknown }).message;
    if (typeof message === "string" && /PGlite is closed|database system is (shutting down|starting up)/i.test(message)) return true;
  }
  return false;
}

/**
 * The postgres.js client as Drizzle gets it: every query a prepared statement. Drizzle asks
 * postgres.js for an unprepared query unless it is given a name, and postgres.js then sends a
 * query with parameters in two round trips (first "describe", then "execute"), parsed and
 * planned again each time. Prepared, a query is one round trip, parsed once per connection, and
 * PostgreSQL may keep its plan. A connection keeps its statements until postgres.js replaces it
 * (max_lifetime: every 30 to 60 minutes), which bounds how many pile up from queries whose text
 * varies (an IN list of a different length is a different statement). postgres.js prepares
 * again by itself when a migration made a kept statement stale.
 */
function preparingStatements<T extends object>(sql: T): T {
  return new Proxy(sql, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== "function") return value;
      if (property === "unsafe") return (query: string, parameters?: unknown[], options?: object) => value.call(target, query, parameters, { ...options, prepare: true });
      // A transaction (and a savepoint in it) has a client of its own: prepare there too.
      if (property === "begin" || property === "savepoint") {
        return (...args: unknown[]) => value.apply(target, args.map((arg) => (typeof arg === "function" ? (client: object) => (arg as (c: object) => unknown)(preparingStatements(client)) : arg)));
      }
      return value;
    },
  });
}

/** Opens a database. Callers own the handle; the app uses `getDatabase()` instead. */
export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  if (target.kind === "postgres") {
    const { default: postgres } = await import("postgres");
    const { drizzle } = await import("drizzle-orm/postgres-js");
    // Plans are made for each execution's own values (as without prepared statements): a plan
    // kept for "any party" went wrong for a party with thousands of messages.
    const sql = postgres(target.url, { max: target.max ?? 10, onnotice: () => {}, connect_timeout: 5, connection: { plan_cache_mode: "force_custom_plan" } });
    const db = drizzle({ client: preparingStatements(sql), schema }) as unknown as Db;
    return { kind: "postgres", db, sql, url: target.url, close: () => sql.end({ timeout: 5 }) };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  let releaseLock = () => {};
  if (target.dataDir) {
    mkdirSync(target.dataDir, { recursive: true });
    releaseLock = lockDataDir(target.dataDir);
  }
  try {
    const pglite = await PGlite.create({ dataDir: target.dataDir, loadDataDir: target.loadDataDir });
    const db = drizzle({ client: pglite, schema }) as unknown as Db;
    return {
      kind: "pglite",
      db,
      pglite,
      close: async () => {
        if (!pglite.closed) await pglite.close();
        releaseLock();
      },
    };
  } catch (error) {
    releaseLock();
    throw error;
  }
}

/**
 * Takes the embedded database folder for this process. PGlite has no lock of its own and two
 * processes on one folder corrupt it, so a second process stops here with a clear message. A
 * lock left by a process that no longer runs is taken over.
 */
export function lockDataDir(dataDir: string): () => void {
  const lockFile = path.join(dataDir, "portal.lock");
  const me = { pid: process.pid, hostname: os.hostname(), since: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockFile, "wx");
      writeSync(fd, JSON.stringify(me));
      closeSync(fd);
      const release = () => {
        try {
          const current = JSON.parse(readFileSync(lockFile, "utf8")) as { pid: number };
          if (current.pid === process.pid) unlinkSync(lockFile);
        } catch {
          // Already gone.
        }
      };
      process.once("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      let owner: { pid?: number; hostname?: string; since?: string } = {};
      try {
        owner = JSON.parse(readFileSync(lockFile, "utf8"));
      } catch {
        // An unreadable lock file is treated as stale.
      }
      const sameHost = owner.hostname === undefined || owner.hostname === os.hostname();
      if (owner.pid && owner.pid !== process.pid && (!sameHost || processIsAlive(owner.pid))) {
        throw new DataDirInUseError(dataDir, `process ${owner.pid} on ${owner.hostname ?? "this machine"} (since ${owner.since ?? "unknown"})`);
      }
      if (owner.pid === process.pid) {
        throw new DataDirInUseError(dataDir, "this same process (it was opened twice)");
      }
      try {
        unlinkSync(lockFile);
      } catch {
        // Someone else removed it first; try again.
      }
    }
  }
  throw new DataDirInUseError(dataDir, "another process that started at the same moment");
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Applies the committed migrations. On PostgreSQL an advisory lock keeps two starting processes from migrating at once. */
export async function migrateDatabase(handle: DatabaseHandle): Promise<void> {
  const migrationsFolder = path.resolve(process.cwd(), "db", "migrations");
  if (!existsSync(migrationsFolder)) throw new Error(`Migrations folder not found: ${migrationsFolder}`);
  if (handle.kind === "pglite") {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(handle.db as never, { migrationsFolder });
    return;
  }
  const { migrate } = await import("drizzle-orm/postgres-js/migrator");
  const reserved = await handle.sql!.reserve();
  try {
    // Session-level lock: held by this connection until released, so other processes wait here.
    await reserved`select pg_advisory_lock(7281946001)`;
    await migrate(handle.db as never, { migrationsFolder });
  } finally {
    await reserved`select pg_advisory_unlock(7281946001)`.catch(() => {});
    reserved.release();
  }
}

/** Rows of a raw `db.execute(sql...)` result, which differs between the two drivers. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

// One handle per process, kept on globalThis so that Next's separate bundles (instrumentation,
// routes) and hot reloads share it instead of opening the PGlite folder twice.
const globalForDb = globalThis as unknown as {
  __portalDatabase?: Promise<DatabaseHandle>;
  __portalDatabaseTarget?: () => DatabaseTarget;
};

/** Tells the process which database `getDatabase()` opens. Called once at start-up (and by tests). */
export function configureDatabase(target: () => DatabaseTarget): void {
  globalForDb.__portalDatabaseTarget = target;
}

/** Uses an already open handle as the process database (tests). */
export function installDatabase(handle: DatabaseHandle): void {
  globalForDb.__portalDatabase = Promise.resolve(handle);
}

/** The process database handle, opened on first use. */
export function getDatabase(): Promise<DatabaseHandle> {
  if (!globalForDb.__portalDatabase) {
    const target = globalForDb.__portalDatabaseTarget;
    if (!target) throw new Error("The database is not configured: call configureDatabase() at start-up.");
    const opening = openDatabase(target());
    globalForDb.__portalDatabase = opening;
    opening.catch(() => {
      // Let the next request try again instead of keeping a failed promise forever.
      if (globalForDb.__portalDatabase === opening) globalForDb.__portalDatabase = undefined;
    });
  }
  return globalForDb.__portalDatabase;
}

/** Closes the process database (shutdown, tests). */
export async function closeDatabase(): Promise<void> {
  const opening = globalForDb.__portalDatabase;
  globalForDb.__portalDatabase = undefined;
  if (opening) await (await opening).close();
}

/** Shorthand for queries: the Drizzle database of the process handle. */
export async function getDb(): Promise<Db> {
  try {
    return (await getDatabase()).db;
  } catch (error) {
    if (isConnectionError(error)) throw new DatabaseUnavailableError(error);
    throw error;
  }
}

export { schema };
