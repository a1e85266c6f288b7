import { DatabaseUnavailableError, getDb, isConnectionError, type Db, type Tx } from "@/db";

/**
 * The one way lib/* reaches the database: run work against the process database, turning
 * "cannot connect" into DatabaseUnavailableError so pages show the right error page.
 */
export async function withDb<T>(work: (db: Db) => Promise<T>): Promise<T> {
  try {
    return await work(await getDb());
  } catch (error) {
    if (!(error instanceof DatabaseUnavailableError) && isConnectionError(error)) throw new DatabaseUnavailableError(error);
    throw error;
  }
}

/** Runs work in one transaction: domain rows, jobs and audit entries commit together or not at all. */
export function inTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  return withDb((db) => db.transaction((tx) => work(tx as Tx)));
}
