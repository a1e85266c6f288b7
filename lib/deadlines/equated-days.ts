import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { equatedDays, staffUsers } from "@/db/schema";
import type { IsoDate } from "./calendar";
import { nonWorkingReasons, type EquatedDay } from "./terms";

/**
 * Reading and adding the days equated with a holiday by Royal decree (table `equated_days`).
 * Functions take the database (or a transaction), so tests run them directly; authorisation is
 * the caller's job (lib/deadlines/queries.ts, actions.ts). The term arithmetic itself stays pure
 * in terms.ts and gets these days as a parameter.
 */

export interface EquatedDayRecord {
  id: string;
  date: IsoDate;
  reason: string;
  decreeReference: string;
  /** Who added it; null for the days that came with the portal. */
  createdByName: string | null;
  createdAt: Date;
}

/** Every equated day, in date order, as the term arithmetic takes them. */
export async function loadEquatedDays(db: DbOrTx): Promise<EquatedDay[]> {
  return db
    .select({ date: equatedDays.date, reason: equatedDays.reason, decreeReference: equatedDays.decreeReference })
    .from(equatedDays)
    .orderBy(asc(equatedDays.date));
}

/** Every equated day with who added it and when, in date order. */
export async function listEquatedDays(db: DbOrTx): Promise<EquatedDayRecord[]> {
  return db
    .select({
      id: equatedDays.id,
      date: equatedDays.date,
      reason: equatedDays.reason,
      decreeReference: equatedDays.decreeReference,
      createdByName: staffUsers.displayName,
      createdAt: equatedDays.createdAt,
    })
    .from(equatedDays)
    .leftJoin(staffUsers, eq(staffUsers.id, equatedDays.createdBy))
    .orderBy(asc(equatedDays.date));
}

export type AddEquatedDayProblem = "date-taken" | "already-free";

/**
 * Adds an equated day. Refuses a date that is already in the list, and one that is a Saturday,
 * Sunday or holiday anyway (equating it would change nothing and suggests a typing mistake).
 */
export async function addEquatedDay(
  db: DbOrTx,
  input: { date: IsoDate; reason: string; decreeReference: string; createdBy: string; now?: Date },
): Promise<{ id: string } | AddEquatedDayProblem> {
  if (nonWorkingReasons(input.date, []).length > 0) return "already-free";
  const [row] = await db
    .insert(equatedDays)
    .values({ date: input.date, reason: input.reason, decreeReference: input.decreeReference, createdBy: input.createdBy, createdAt: input.now ?? new Date() })
    .onConflictDoNothing({ target: equatedDays.date })
    .returning({ id: equatedDays.id });
  return row ?? "date-taken";
}
