import { boolean, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * Products (diensten) of the municipality's catalogue. Products are data, not code: later work
 * adds message types, forms, terms, login levels and channels to them. A product that was used
 * is deactivated, never deleted.
 */
export const products = pgTable("products", {
  id: uuid("id").primaryKey().defaultRandom(),
  slug: text("slug").notNull().unique(),
  nameNl: text("name_nl").notNull(),
  nameEn: text("name_en").notNull(),
  summaryNl: text("summary_nl").notNull(),
  summaryEn: text("summary_en").notNull(),
  /** Topic used to group products on the home page, e.g. "wonen", "paspoort-en-id". */
  topic: text("topic").notNull(),
  sortOrder: integer("sort_order").notNull().default(0),
  active: boolean("active").notNull().default(true),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export type Product = typeof products.$inferSelect;
export type NewProduct = typeof products.$inferInsert;
