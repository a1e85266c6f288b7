// `npm run db:seed`: adds the demo municipality's data. Idempotent: existing rows are kept as they are.
import { loadEnvConfig } from "@next/env";
import { closeDatabase, getDatabase, migrateDatabase } from "../db";
import { seedDemoData } from "../db/seed";
import { configureDatabaseFromEnv } from "../lib/runtime/start";

async function main() {
  // The same .env files as the web server reads.
  loadEnvConfig(process.cwd());
  configureDatabaseFromEnv();
  const handle = await getDatabase();
  await migrateDatabase(handle);
  const { productsAdded } = await seedDemoData(handle.db);
  await closeDatabase();
  console.log(`Demo data seeded (${productsAdded} products added).`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
