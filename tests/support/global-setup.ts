import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { migrateDatabase, openDatabase, type DatabaseHandle } from "@/db";
import { assertLocalDatabaseUrl, databaseNameOf, quoteIdent, withDatabaseName } from "./guard";
import { REPO_ROOT, TEST_DATA_DIR, type PostgresTestServer } from "./paths";

/**
 * Prepares the databases once per run, so no test file pays for migrating:
 * - PGlite: a fresh in-memory database is dumped to a tarball, migrated and dumped again;
 *   every test file opens its own PGlite from one of them. The tarballs are kept between runs,
 *   keyed by the migrations and the PGlite version, because creating a PGlite from scratch
 *   (initdb in WebAssembly) costs several seconds, loading one well under one.
 * - PostgreSQL (only when TEST_DATABASE_URL is set, and only on this machine): a template
 *   database is migrated; every test file gets its own clone, dropped afterwards.
 */

// Runs before the integration tests; the returned function runs after all of them.
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // Refuse a non-local server before doing anything else.
  const url = process.env.TEST_DATABASE_URL ? assertLocalDatabaseUrl(process.env.TEST_DATABASE_URL) : undefined;
  mkdirSync(TEST_DATA_DIR, { recursive: true });
  project.provide("pgliteSnapshots", await preparePgliteSnapshots());

  if (!url) {
    project.provide("postgresServer", null);
    return async () => {};
  }
  const server = await preparePostgresTemplate(url);
  project.provide("postgresServer", server);
  return () => dropRunDatabases(server);
}

function migrationsFingerprint(): string {
  const hash = createHash("sha256");
  const folder = path.join(REPO_ROOT, "db", "migrations");
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else hash.update(path.relative(folder, full)).update("\0").update(readFileSync(full)).update("\0");
    }
  };
  walk(folder);
  const pgliteVersion = (JSON.parse(readFileSync(path.join(REPO_ROOT, "node_modules/@electric-sql/pglite/package.json"), "utf8")) as { version: string }).version;
  hash.update(`pglite@${pgliteVersion}`);
  return hash.digest("hex").slice(0, 16);
}

async function preparePgliteSnapshots(): Promise<{ empty: string; migrated: string }> {
  const fingerprint = migrationsFingerprint();
  const files = {
    empty: path.join(TEST_DATA_DIR, `pglite-${fingerprint}-empty.tar.gz`),
    migrated: path.join(TEST_DATA_DIR, `pglite-${fingerprint}-migrated.tar.gz`),
  };
  if (existsSync(files.empty) && existsSync(files.migrated)) return files;
  const handle = await openDatabase({ kind: "pglite" });
  try {
    await writeDump(handle, files.empty);
    await migrateDatabase(handle);
    await writeDump(handle, files.migrated);
  } finally {
    await handle.close();
  }
  for (const old of readdirSync(TEST_DATA_DIR)) {
    const full = path.join(TEST_DATA_DIR, old);
    if (/^pglite-.*\.tar\.gz$/.test(old) && full !== files.empty && full !== files.migrated) rmSync(full, { force: true });
  }
  return files;
}

async function writeDump(handle: DatabaseHandle, file: string): Promise<void> {
  const dump = await handle.pglite!.dumpDataDir("gzip");
  // Write then rename, so a run started at the same moment never reads half a file.
  const partial = `${file}.${process.pid}.partial`;
  writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
  renameSync(partial, file);
}

async function preparePostgresTemplate(url: string): Promise<PostgresTestServer> {
  const base = databaseNameOf(url);
  const admin = await connectAdmin(url, base);
  const template = `${base}_template`;
  try {
    await admin.unsafe(`DROP DATABASE IF EXISTS ${quoteIdent(template)} WITH (FORCE)`);
    await admin.unsafe(`CREATE DATABASE ${quoteIdent(template)}`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  // migrateDatabase holds one connection for its advisory lock and migrates on another: max >= 2.
  const handle = await openDatabase({ kind: "postgres", url: withDatabaseName(url, template), max: 2 });
  try {
    await migrateDatabase(handle);
  } finally {
    await handle.close();
  }
  return { adminUrl: url, template, prefix: `${base}_${randomBytes(3).toString("hex")}` };
}

/** A connection to TEST_DATABASE_URL's own database, created first when it does not exist yet. */
async function connectAdmin(url: string, base: string): Promise<postgres.Sql> {
  const options = { max: 1, onnotice: () => {}, connect_timeout: 5 };
  const admin = postgres(url, options);
  try {
    await admin`select 1`;
    return admin;
  } catch (error) {
    await admin.end({ timeout: 1 });
    if ((error as { code?: string }).code !== "3D000") {
      throw new Error(`Cannot connect to TEST_DATABASE_URL (${(error as Error).message}). Is the PostgreSQL server running?`, { cause: error });
    }
  }
  // The database does not exist: create it from the server's maintenance database.
  const maintenance = postgres(withDatabaseName(url, "postgres"), options);
  try {
    await maintenance.unsafe(`CREATE DATABASE ${quoteIdent(base)}`);
  } finally {
    await maintenance.end({ timeout: 5 });
  }
  return postgres(url, options);
}

async function dropRunDatabases(server: PostgresTestServer): Promise<void> {
  const admin = postgres(server.adminUrl, { max: 1, onnotice: () => {}, connect_timeout: 5 });
  try {
    // Test files drop their own database; this catches those of a worker that crashed.
    const left = await admin<{ datname: string }[]>`select datname from pg_database where starts_with(datname, ${server.prefix + "_"})`;
    for (const { datname } of left) await admin.unsafe(`DROP DATABASE IF EXISTS ${quoteIdent(datname)} WITH (FORCE)`);
    await admin.unsafe(`DROP DATABASE IF EXISTS ${quoteIdent(server.template)} WITH (FORCE)`);
  } finally {
    await admin.end({ timeout: 5 });
  }
}
