// `npm run db:seed`: adds the demo municipality's data. Idempotent: existing rows are kept as they are.
import { closeDatabase, getDatabase, migrateDatabase } from "../db";
import { seedDemoData } from "../db/seed";
import { configureDatabaseFromEnv } from "../lib/runtime/start";

configureDatabaseFromEnv();
const handle = await getDatabase();
await migrateDatabase(handle);
const { productsAdded } = await seedDemoData(handle.db);
await closeDatabase();
console.log(`Demo data seeded (${productsAdded} products added).`);
