import path from "node:path";
import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, requireChromium } from "./e2e/browser";

/**
 * End-to-end tests in real Chromium against the built portal (`next build` first; this config
 * only runs `next start`). scripts/test-e2e.sh runs it once on the embedded database and, when
 * TEST_DATABASE_URL is set, once more on PostgreSQL:
 *
 *   E2E_PORT           port of the portal under test (3210; 3211 for the PostgreSQL run)
 *   E2E_DATABASE_URL   run the portal on this PostgreSQL database instead of PGlite
 *   E2E_DATA_DIR       the portal's DATA_DIR, wiped before the server starts
 */

const port = Number(process.env.E2E_PORT ?? 3210);
const baseURL = `http://127.0.0.1:${port}`;
const databaseUrl = process.env.E2E_DATABASE_URL ?? "";
const label = databaseUrl ? "postgres" : "pglite";
const dataDir = path.resolve(__dirname, process.env.E2E_DATA_DIR ?? (databaseUrl ? ".test-data/e2e-pg" : ".test-data/e2e"));
const serverLog = process.env.E2E_SERVER_LOG_FILE ? path.resolve(process.env.E2E_SERVER_LOG_FILE) : "";

// The data folder is deleted before every run, so it must be one of ours.
if (!dataDir.startsWith(path.resolve(__dirname, ".test-data") + path.sep)) {
  throw new Error(`E2E_DATA_DIR must be a folder under .test-data/ (got ${dataDir}).`);
}

// The specs expect the built-in demo municipality; a developer's .env must not change it.
const blankedSettings = Object.fromEntries(
  ["NAME", "LOGO", "COLOUR_PRIMARY", "COLOUR_ACCENT", "PHONE", "EMAIL", "COUNTER_ADDRESS", "OPENING_HOURS", "OPENING_HOURS_EN", "WEBSITE"]
    .map((name) => `MUNICIPALITY_${name}`)
    .concat(["DEMO_FEATURES", "ALLOW_DEMO_FEATURES_IN_PRODUCTION", "RUN_WORKER"])
    .map((name) => [name, ""]),
);

const browser = requireChromium();
// The config is loaded by the runner and again by every worker; say it once.
if (!process.env.TEST_WORKER_INDEX) {
  console.log(`E2E on ${label} at ${baseURL}, browser: ${browser.source} (${browser.executablePath})`);
}

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  // Per run and port: two runs at once (a developer's and the test command's) must not wipe each other's results.
  outputDir: `test-results/${label}-${port}`,
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: process.env.E2E_WORKERS ? Number(process.env.E2E_WORKERS) : 2,
  // Generous: the axe checks run in the test's teardown, and a 2-core CI machine is shared with the server.
  timeout: 60_000,
  expect: { timeout: 5_000 },
  reporter: [["list"], ["html", { open: "never", outputFolder: `playwright-report/${label}-${port}` }]],
  use: {
    baseURL,
    browserName: "chromium",
    headless: true,
    locale: "nl-NL",
    timezoneId: "Europe/Amsterdam",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: { executablePath: browser.executablePath, args: CHROMIUM_ARGS },
  },
  projects: [{ name: label }],
  webServer: {
    // Fresh data folder, then the built app. `exec` keeps one process, so stopping it is clean.
    // With E2E_SERVER_LOG_FILE the portal's output goes to that file (scripts/test-e2e.sh checks it for BSNs).
    command: `rm -rf '${dataDir}' && mkdir -p '${dataDir}' && exec node_modules/.bin/next start --port ${port} --hostname 127.0.0.1${serverLog ? ` >>'${serverLog}' 2>&1` : ""}`,
    url: `${baseURL}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: process.env.E2E_SERVER_LOG ? "pipe" : "ignore",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    env: {
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_ENV: "production",
      PORTAL_MODE: "demo",
      DATA_DIR: dataDir,
      PUBLIC_URL: baseURL,
      // Empty values win over a developer's .env, so the run never uses their database or SMTP server.
      DATABASE_URL: databaseUrl,
      SMTP_URL: "",
      ...blankedSettings,
      LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? "warn",
    },
  },
});
