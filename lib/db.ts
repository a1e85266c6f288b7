import { sql } from "drizzle-orm";
import { DatabaseUnavailableError, getDb, isConnectionError, type Db, type Tx } from "@/db";
import { reportDatabaseDown } from "./runtime/database-state";

/**
 * The one way lib/* reaches the database: run work against the process database, turning
 * "cannot connect" into DatabaseUnavailableError so pages and actions show the right message,
 * and telling the proxy the database is down until a probe reaches it again.
 */
export async function withDb<T>(work: (db: Db) => Promise<T>): Promise<T> {
  try {
    return await work(await getDb());
  } catch (error) {
    if (error instanceof DatabaseUnavailableError || isConnectionError(error)) {
      reportDatabaseDown(probeDatabase);
      throw error instanceof DatabaseUnavailableError ? error : new DatabaseUnavailableError(error);
    }
    throw error;
  }
}

async function probeDatabase(): Promise<void> {
  await (await getDb()).execute(sql`select 1`);
}

/** Runs work in one transaction: domain rows, jobs and audit entries commit together or not at all. */
export function inTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  return withDb((db) => db.transaction((tx) => work(tx as Tx)));
}
