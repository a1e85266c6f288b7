// The "reminder scan" step of the inbox benchmark (bench/inbox.mjs): times dueReminders() of
// lib/inbox/reminders.ts (R21: which messages get a reminder now, 7 and 1 days before the end of
// their term by default) over all the benchmark's messages. Prints one JSON line.
//
//   DATABASE_URL=... tsx --conditions=react-server scripts/bench-inbox-reminders.ts [daysBefore,...]
//
// Each round calls it twice: with its default limit (one slice, as the job asks) and with a
// limit above any count (every reminder due). Two rounds: the first cold, the second warm.
import { loadEnvConfig } from "@next/env";
import { sql } from "drizzle-orm";
import { closeDatabase, getDatabase, type DbOrTx } from "../db";
import { dueReminders } from "../lib/inbox/reminders";
import { configureDatabaseFromEnv } from "../lib/runtime/start";

interface ScanTiming {
  limit: number | "default";
  ms: number;
  found: number;
}

async function timeReminderScan(db: DbOrTx, now: Date, days: number[]): Promise<ScanTiming[][]> {
  const rounds: ScanTiming[][] = [];
  for (let round = 0; round < 2; round++) {
    const timings: ScanTiming[] = [];
    for (const limit of ["default", 10_000_000] as const) {
      const started = performance.now();
      const due = limit === "default" ? await dueReminders(db, now, days) : await dueReminders(db, now, days, limit);
      timings.push({ limit, ms: performance.now() - started, found: due.length });
    }
    rounds.push(timings);
  }
  return rounds;
}

async function main() {
  loadEnvConfig(process.cwd());
  configureDatabaseFromEnv();
  const days = (process.argv[2] ?? "7,1").split(",").map(Number).filter((n) => Number.isInteger(n) && n >= 0);
  const handle = await getDatabase();
  try {
    // The connection is opened before the clock runs: the step measures the scan, not the connect.
    await handle.db.execute(sql`select 1`);
    const rounds = await timeReminderScan(handle.db, new Date(), days);
    console.log(JSON.stringify({ available: true, days, rounds }));
  } finally {
    await closeDatabase();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
