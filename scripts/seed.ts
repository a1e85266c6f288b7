// `npm run db:seed`: adds the demo municipality's data. Idempotent: existing rows are kept as they are.
import { loadEnvConfig } from "@next/env";
import { closeDatabase, getDatabase, migrateDatabase } from "../db";
import { seedDemoData } from "../db/seed";
import { env } from "../lib/env";
import { configureDatabaseFromEnv } from "../lib/runtime/start";

async function main() {
  // The same .env files as the web server reads.
  loadEnvConfig(process.cwd());
  if (!env().demoFeatures) {
    // The demo data includes staff accounts with a published password: never in production.
    console.error("Demo data is only seeded with demo features on (PORTAL_MODE=demo or DEMO_FEATURES=true).");
    process.exit(2);
  }
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
