// `npm run db:migrate`: applies the committed migrations to the configured database.
import { loadEnvConfig } from "@next/env";
import { closeDatabase, getDatabase, migrateDatabase } from "../db";
import { configureDatabaseFromEnv } from "../lib/runtime/start";

async function main() {
  // The same .env files as the web server reads.
  loadEnvConfig(process.cwd());
  configureDatabaseFromEnv();
  await migrateDatabase(await getDatabase());
  await closeDatabase();
  console.log("Migrations applied.");
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
