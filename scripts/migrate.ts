// `npm run db:migrate`: applies the committed migrations to the configured database.
import { closeDatabase, getDatabase, migrateDatabase } from "../db";
import { configureDatabaseFromEnv } from "../lib/runtime/start";

configureDatabaseFromEnv();
await migrateDatabase(await getDatabase());
await closeDatabase();
console.log("Migrations applied.");
