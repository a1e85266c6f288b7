import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { DataDirInUseError, lockDataDir, migrateDatabase, openDatabase, rowsOf, schema, type DatabaseHandle } from "@/db";
import { demoProducts, seedDemoData } from "@/db/seed";
import { openTestDatabase, pgliteSnapshot, testDatabases, useTestDatabase } from "../support/database";
import { TEST_DATA_DIR } from "../support/paths";

const journal = JSON.parse(readFileSync(path.resolve("db/migrations/meta/_journal.json"), "utf8")) as { entries: { tag: string }[] };

async function publicTables(handle: DatabaseHandle): Promise<string[]> {
  const result = await handle.db.execute(sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`);
  return rowsOf<{ table_name: string }>(result).map((r) => r.table_name);
}

async function appliedMigrations(handle: DatabaseHandle): Promise<number> {
  const result = await handle.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
  return rowsOf<{ n: number }>(result)[0]!.n;
}

describe.each(testDatabases())("database on %s", (kind) => {
  const database = useTestDatabase(kind);

  describe("migrations", () => {
    let fresh: DatabaseHandle | undefined;
    afterAll(async () => {
      await fresh?.close();
    });

    it("apply to an empty database, creating the schema's tables, and a second run changes nothing", async () => {
      fresh = await openTestDatabase(kind, { empty: true });
      expect(await publicTables(fresh)).toEqual([]);
      await migrateDatabase(fresh);
      const tables = await publicTables(fresh);
      expect(tables).toEqual(expect.arrayContaining(["installation_facts", "outgoing_mails", "products"]));
      expect(await appliedMigrations(fresh)).toBe(journal.entries.length);
      await migrateDatabase(fresh);
      expect(await appliedMigrations(fresh)).toBe(journal.entries.length);
      expect(await publicTables(fresh)).toEqual(tables);
    }, 60_000);
  });

  describe("per-file test database", () => {
    it("comes migrated, on the expected engine", async () => {
      expect(database.handle.kind).toBe(kind);
      expect(await appliedMigrations(database.handle)).toBe(journal.entries.length);
      const version = rowsOf<{ server_version_num: string }>(await database.db.execute(sql`show server_version_num`))[0]!.server_version_num;
      // PGlite is PostgreSQL 18 inside; the server in CI is 15. Both must work.
      expect(Number(version)).toBeGreaterThanOrEqual(150000);
    });
  });

  describe("demo data", () => {
    it("seeds once, is idempotent, and never overwrites an edited product", async () => {
      const { db } = database;
      expect(await seedDemoData(db)).toEqual({ productsAdded: demoProducts.length });
      const [fact] = await db.select().from(schema.installationFacts).where(eq(schema.installationFacts.key, "demo-data-seeded-at"));
      expect(fact).toBeDefined();

      const slug = demoProducts[0]!.slug;
      await db.update(schema.products).set({ nameNl: "Aangepast door beheerder", active: false }).where(eq(schema.products.slug, slug));
      // A product that was used is never deleted in the portal; to test that the seed restores a
      // missing product, remove it with its message types, designations, history and demo form
      // (past the trigger that keeps published forms).
      const [gone] = await db.select({ id: schema.products.id }).from(schema.products).where(eq(schema.products.slug, demoProducts[1]!.slug));
      await db.transaction(async (tx) => {
        await tx.execute(sql`alter table form_versions disable trigger form_versions_published_immutable`);
        await tx.execute(sql`delete from form_changes where form_id in (select id from form_definitions where product_id = ${gone!.id})`);
        await tx.execute(sql`delete from form_versions where form_id in (select id from form_definitions where product_id = ${gone!.id})`);
        await tx.execute(sql`delete from form_definitions where product_id = ${gone!.id}`);
        await tx.execute(sql`alter table form_versions enable trigger form_versions_published_immutable`);
        await tx.delete(schema.channelDesignations).where(eq(schema.channelDesignations.productId, gone!.id));
        await tx.delete(schema.productMessageTypes).where(eq(schema.productMessageTypes.productId, gone!.id));
        await tx.delete(schema.productChanges).where(eq(schema.productChanges.productId, gone!.id));
        await tx.delete(schema.products).where(eq(schema.products.id, gone!.id));
      });

      // A second run only restores what is missing.
      expect(await seedDemoData(db)).toEqual({ productsAdded: 1 });
      expect(await seedDemoData(db)).toEqual({ productsAdded: 0 });

      const rows = await db.select().from(schema.products);
      expect(rows.map((r) => r.slug).sort()).toEqual(demoProducts.map((p) => p.slug).sort());
      const edited = rows.find((r) => r.slug === slug)!;
      expect(edited.nameNl).toBe("Aangepast door beheerder");
      expect(edited.active).toBe(false);
      const [factAfter] = await db.select().from(schema.installationFacts).where(eq(schema.installationFacts.key, "demo-data-seeded-at"));
      expect(factAfter?.value).toBe(fact!.value);
    });
  });
});

describe("the embedded database folder lock", () => {
  const folders: string[] = [];
  const children: number[] = [];
  const newFolder = () => {
    const folder = path.join(TEST_DATA_DIR, "locks", `${process.pid}-${randomBytes(4).toString("hex")}`);
    mkdirSync(folder, { recursive: true });
    folders.push(folder);
    return folder;
  };
  const writeLock = (folder: string, pid: number) =>
    writeFileSync(path.join(folder, "portal.lock"), JSON.stringify({ pid, hostname: os.hostname(), since: "2026-01-01T00:00:00.000Z" }));
  const lockOwner = (folder: string) => (JSON.parse(readFileSync(path.join(folder, "portal.lock"), "utf8")) as { pid: number }).pid;

  afterEach(() => {
    for (const pid of children.splice(0)) {
      try {
        process.kill(pid);
      } catch {
        // Already gone.
      }
    }
  });
  afterAll(() => {
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });

  it("takes a free folder and gives it back", () => {
    const folder = newFolder();
    const release = lockDataDir(folder);
    expect(lockOwner(folder)).toBe(process.pid);
    release();
    expect(existsSync(path.join(folder, "portal.lock"))).toBe(false);
  });

  it("refuses a folder held by another running process, naming its pid", async () => {
    const folder = newFolder();
    const other = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"], { stdio: "ignore" });
    children.push(other.pid!);
    writeLock(folder, other.pid!);
    let error: unknown;
    try {
      lockDataDir(folder);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DataDirInUseError);
    expect((error as Error).message).toContain(`process ${other.pid}`);
    expect((error as Error).message).toContain(folder);
    // The other process keeps its lock.
    expect(lockOwner(folder)).toBe(other.pid);
  });

  it("takes over a lock left by a process that no longer runs", async () => {
    const folder = newFolder();
    const gone = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
    await new Promise((resolve) => gone.once("exit", resolve));
    writeLock(folder, gone.pid!);
    const release = lockDataDir(folder);
    expect(lockOwner(folder)).toBe(process.pid);
    release();
  });

  it("refuses a second openDatabase on the same folder in the same process, and allows it after close", async () => {
    const folder = newFolder();
    // Starting from a snapshot skips PGlite's initdb, which costs seconds.
    const first = await openDatabase({ kind: "pglite", dataDir: folder, loadDataDir: pgliteSnapshot("empty") });
    try {
      await expect(openDatabase({ kind: "pglite", dataDir: folder })).rejects.toThrow(DataDirInUseError);
      await expect(openDatabase({ kind: "pglite", dataDir: folder })).rejects.toThrow(/this same process/);
      // The failed attempt did not take the lock away from the first handle.
      expect(lockOwner(folder)).toBe(process.pid);
      await first.db.execute(sql`create table kept (id int)`);
    } finally {
      await first.close();
    }
    expect(existsSync(path.join(folder, "portal.lock"))).toBe(false);
    const again = await openDatabase({ kind: "pglite", dataDir: folder });
    try {
      const tables = rowsOf<{ table_name: string }>(await again.db.execute(sql`select table_name from information_schema.tables where table_name = 'kept'`));
      expect(tables).toHaveLength(1);
    } finally {
      await again.close();
    }
  }, 60_000);
});
