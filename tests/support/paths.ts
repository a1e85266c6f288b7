import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

/** Everything the tests write goes here (never into .data/, which a dev server may own). */
export const TEST_DATA_DIR = path.join(REPO_ROOT, ".test-data", "vitest");

/** What the global setup tells test files about the PostgreSQL server under test. */
export interface PostgresTestServer {
  /** TEST_DATABASE_URL: creates and drops the per-file databases. */
  adminUrl: string;
  /** The migrated database every test file's database is cloned from. */
  template: string;
  /** Names of this run's databases start with this. */
  prefix: string;
}

declare module "vitest" {
  interface ProvidedContext {
    /** PGlite tarballs test files load their databases from: a new one, and one migrated. */
    pgliteSnapshots: { empty: string; migrated: string };
    /** The PostgreSQL server under test, or null when TEST_DATABASE_URL is not set. */
    postgresServer: PostgresTestServer | null;
  }
}
