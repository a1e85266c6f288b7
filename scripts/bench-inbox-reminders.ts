// The "reminder scan" step of the inbox benchmark (bench/inbox.mjs): times the scan for messages
// whose response term ends soon (R21: 7 and 1 days before, by default) over all the benchmark's
// messages. Prints one JSON line.
//
//   DATABASE_URL=... tsx --conditions=react-server scripts/bench-inbox-reminders.ts [daysBefore,...]
//
// The scan itself is `dueReminders(db, now, daysBefore)` in lib/inbox/reminders.ts, which the
// "terms" branch adds. This script loads that module by name at run time, so it compiles and runs
// before the module exists and then says so ({"available": false}); once it is merged, the step
// measures it without a change here. If the merged function's signature differs, adapt
// `timeReminderScan` below (the only place that calls it).
import { loadEnvConfig } from "@next/env";
import { sql } from "drizzle-orm";
import { closeDatabase, getDatabase, type DbOrTx } from "../db";
import { configureDatabaseFromEnv } from "../lib/runtime/start";

/** The module with the reminder scan. A variable, so the compiler does not require it to exist yet. */
const REMINDERS_MODULE: string = "../lib/inbox/reminders";

type DueReminders = (db: DbOrTx, now: Date, daysBefore: number) => Promise<unknown>;

interface ScanTiming {
  daysBefore: number;
  ms: number;
  /** How many reminders the scan found (the length of what it returned, when that is a list). */
  found: number | null;
}

/** Runs the scan once per `daysBefore` (each timed), twice: the first round cold, the second warm. */
async function timeReminderScan(db: DbOrTx, dueReminders: DueReminders, now: Date, days: number[]): Promise<ScanTiming[][]> {
  const rounds: ScanTiming[][] = [];
  for (let round = 0; round < 2; round++) {
    const timings: ScanTiming[] = [];
    for (const daysBefore of days) {
      const started = performance.now();
      const result = await dueReminders(db, now, daysBefore);
      const ms = performance.now() - started;
      timings.push({ daysBefore, ms, found: Array.isArray(result) ? result.length : null });
    }
    rounds.push(timings);
  }
  return rounds;
}

async function main() {
  loadEnvConfig(process.cwd());
  configureDatabaseFromEnv();
  const days = (process.argv[2] ?? "7,1").split(",").map(Number).filter((n) => Number.isInteger(n) && n >= 0);
  let loaded: { dueReminders?: unknown } | null = null;
  let why = "";
  try {
    loaded = (await import(REMINDERS_MODULE)) as { dueReminders?: unknown };
  } catch (error) {
    why = `${REMINDERS_MODULE} could not be loaded (${error instanceof Error ? error.message.split("\n")[0] : String(error)})`;
  }
  if (!loaded || typeof loaded.dueReminders !== "function") {
    console.log(JSON.stringify({ available: false, reason: why || `${REMINDERS_MODULE} has no function dueReminders` }));
    return;
  }
  const handle = await getDatabase();
  try {
    // The connection is opened before the clock runs: the step measures the scan, not the connect.
    await handle.db.execute(sql`select 1`);
    const rounds = await timeReminderScan(handle.db, loaded.dueReminders as DueReminders, new Date(), days);
    console.log(JSON.stringify({ available: true, rounds }));
  } finally {
    await closeDatabase();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
