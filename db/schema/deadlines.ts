import { date, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { staffUsers } from "./identity";

/**
 * Days equated with an "algemeen erkende feestdag" by Royal decree (art. 3 lid 3 Algemene
 * termijnenwet). Data, not rules: the known days come with the migration
 * (lib/deadlines/known-equated-days.ts), admins add new ones at /beheer/termijnen when a new
 * decree is published. `createdBy` is null for the days that came with the portal.
 */
export const equatedDays = pgTable(
  "equated_days",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The calendar day, as YYYY-MM-DD (a date has no time zone). */
    date: date("date", { mode: "string" }).notNull(),
    /** Why, in plain Dutch: "Vrijdag na Hemelvaartsdag". */
    reason: text("reason").notNull(),
    /** The decree: its title and, where known, its Staatscourant number. */
    decreeReference: text("decree_reference").notNull(),
    createdBy: uuid("created_by").references(() => staffUsers.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("equated_days_date_unique").on(t.date), index("equated_days_created_by").on(t.createdBy)],
);

export type EquatedDayRow = typeof equatedDays.$inferSelect;
