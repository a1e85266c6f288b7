import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll } from "vitest";
import { TEST_DATA_DIR } from "./paths";

/**
 * Runs before every test file. Tests are hermetic: the portal settings of the developer's
 * shell (a DATABASE_URL, an SMTP_URL) never reach a test, and every file writes into its own
 * DATA_DIR under .test-data/vitest, removed afterwards.
 */

const PORTAL_SETTINGS = /^(DATABASE_URL|DATA_DIR|RUN_WORKER|PUBLIC_URL|AUTH_SECRET|PARTY_DATA_KEY|SMTP_URL|MAIL_FROM|PORTAL_MODE|DEMO_FEATURES|ALLOW_DEMO_FEATURES_IN_PRODUCTION|MUNICIPALITY_\w+)$/;
for (const name of Object.keys(process.env)) {
  if (PORTAL_SETTINGS.test(name)) delete process.env[name];
}
// pg-boss and the job runtime log through the portal logger; keep test output readable.
process.env.LOG_LEVEL = process.env.TEST_LOG_LEVEL ?? "silent";

const dataDir = path.join(TEST_DATA_DIR, "files", `${process.pid}-${randomBytes(4).toString("hex")}`);
mkdirSync(dataDir, { recursive: true });
process.env.DATA_DIR = dataDir;

// Process-wide singletons live on globalThis; a worker that runs several files must not carry them over.
for (const key of ["__portalEnv", "__portalLogger", "__portalDatabase", "__portalDatabaseTarget", "__portalDatabaseState", "__portalJobs", "__portalMailTransport"]) {
  delete (globalThis as Record<string, unknown>)[key];
}

afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});
