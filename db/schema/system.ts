import { pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** Small key-value facts about this installation (e.g. when demo data was first seeded). */
export const installationFacts = pgTable("installation_facts", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
