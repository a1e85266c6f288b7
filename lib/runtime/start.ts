import { closeDatabase, configureDatabase, getDatabase, isConnectionError, migrateDatabase } from "@/db";
import { seedDemoData } from "@/db/seed";
import { ConfigurationError, env } from "../env";
import { startJobs, stopJobs } from "../jobs/runtime";
import { logger } from "../log";
import { mailTransport } from "../mail";

/**
 * Starting a process of the portal: check the configuration, open the database, apply the
 * migrations, seed demo data where demo features are on, and start the job runtime. The web
 * server calls this from instrumentation.ts; `npm run worker` from scripts/worker.ts.
 */

export type ProcessKind = "server" | "worker";

const globalForStart = globalThis as unknown as { __portalStarted?: Promise<void> };

/** Points the process database at what the environment says. */
export function configureDatabaseFromEnv(): void {
  const e = env();
  configureDatabase(() => (e.database.kind === "pglite" ? { kind: "pglite", dataDir: e.database.dataDir } : { kind: "postgres", url: e.database.url }));
}

async function startOnce(kind: ProcessKind): Promise<void> {
  const e = env();
  const log = logger().child({ component: "start", process: kind });
  configureDatabaseFromEnv();
  const handle = await getDatabase();
  await migrateDatabase(handle);
  if (e.demoFeatures && kind === "server") {
    const { productsAdded } = await seedDemoData(handle.db);
    if (productsAdded > 0) log.info({ productsAdded }, "demo data seeded");
  }
  const role = kind === "worker" ? "standalone" : e.runWorker ? "embedded" : "web";
  await startJobs({ handle, role });
  mailTransport();
  log.info({ mode: e.mode, database: handle.kind, jobRole: role, mail: e.smtpUrl ? "smtp" : "files" }, "portal started");
}

/**
 * Starts the portal in this process, once. Configuration problems and a database folder in use
 * stop the process with a clear message; an unreachable database is retried in the background
 * while pages show "the database cannot be reached".
 */
export function startPortal(kind: ProcessKind): Promise<void> {
  globalForStart.__portalStarted ??= (async () => {
    const log = logger().child({ component: "start", process: kind });
    for (let attempt = 1; ; attempt++) {
      try {
        await startOnce(kind);
        installShutdownHandlers(kind);
        return;
      } catch (error) {
        if (error instanceof ConfigurationError) {
          console.error(`\n${error.message}\n`);
          process.exit(78); // EX_CONFIG
        }
        if (!isConnectionError(error)) {
          log.fatal({ err: error }, "portal could not start");
          console.error(`\n${(error as Error).message}\n`);
          process.exit(1);
        }
        await closeDatabase().catch(() => {});
        const delay = Math.min(30, 2 ** Math.min(attempt, 5));
        log.error({ attempt, retryInSeconds: delay }, "database cannot be reached; retrying");
        if (kind === "server" && attempt === 1) {
          // Let the web server come up and answer with the "database unavailable" page and a
          // 503 from /api/health while we keep trying.
          void retryInBackground(kind, delay);
          return;
        }
        await new Promise((r) => setTimeout(r, delay * 1000));
      }
    }
  })();
  return globalForStart.__portalStarted;
}

async function retryInBackground(kind: ProcessKind, firstDelay: number): Promise<void> {
  const log = logger().child({ component: "start", process: kind });
  for (let attempt = 2, delay = firstDelay; ; attempt++, delay = Math.min(30, delay * 2)) {
    await new Promise((r) => setTimeout(r, delay * 1000));
    try {
      await startOnce(kind);
      installShutdownHandlers(kind);
      return;
    } catch (error) {
      await closeDatabase().catch(() => {});
      log.error({ attempt, err: isConnectionError(error) ? undefined : error }, "portal start failed; retrying");
    }
  }
}

let shutdownInstalled = false;
function installShutdownHandlers(kind: ProcessKind): void {
  if (shutdownInstalled) return;
  shutdownInstalled = true;
  const shutdown = async (signal: string) => {
    logger().info({ signal, process: kind }, "stopping");
    const timer = setTimeout(() => process.exit(0), 15_000);
    timer.unref();
    await stopJobs().catch(() => {});
    await closeDatabase().catch(() => {});
    process.exit(0);
  };
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  process.once("SIGINT", () => void shutdown("SIGINT"));
}
