import "server-only";
import { asc, count, eq } from "drizzle-orm";
import { staffUsers, type StaffRole } from "@/db/schema/identity";
import { can, type Actor } from "../auth/policy";
import { withDb } from "../db";
import { notFoundPage } from "@/lib/http/not-found";
import { isUuid } from "@/lib/http/ids";

/**
 * What admins read about staff accounts. Every query checks staff:manage itself (not only the
 * page), and answers "not found" to anyone without it.
 */

export interface StaffSummary {
  id: string;
  displayName: string;
  email: string;
  roles: StaffRole[];
  active: boolean;
  lastLoginAt: Date | null;
  lockedUntil: Date | null;
  hasPassword: boolean;
  viaIdentityProvider: boolean;
  mustChangePassword: boolean;
  updatedAt: Date;
}

const summaryColumns = {
  id: staffUsers.id,
  displayName: staffUsers.displayName,
  email: staffUsers.email,
  roles: staffUsers.roles,
  active: staffUsers.active,
  lastLoginAt: staffUsers.lastLoginAt,
  lockedUntil: staffUsers.lockedUntil,
  passwordHash: staffUsers.passwordHash,
  oidcSubject: staffUsers.oidcSubject,
  mustChangePassword: staffUsers.mustChangePassword,
  updatedAt: staffUsers.updatedAt,
};

function toSummary(row: { passwordHash: string | null; oidcSubject: string | null } & Omit<StaffSummary, "hasPassword" | "viaIdentityProvider">): StaffSummary {
  const { passwordHash, oidcSubject, ...rest } = row;
  return { ...rest, hasPassword: passwordHash !== null, viaIdentityProvider: oidcSubject !== null };
}

function assertAdmin(actor: Actor | null): void {
  if (!can(actor, "staff:manage")) notFoundPage();
}

/** One page of staff accounts, by name. */
export async function listStaff(actor: Actor | null, options: { page: number; pageSize: number }): Promise<{ rows: StaffSummary[]; total: number }> {
  assertAdmin(actor);
  return withDb(async (db) => {
    const [totalRow] = await db.select({ n: count() }).from(staffUsers);
    const rows = await db
      .select(summaryColumns)
      .from(staffUsers)
      .orderBy(asc(staffUsers.displayName), asc(staffUsers.email))
      .limit(options.pageSize)
      .offset((options.page - 1) * options.pageSize);
    return { rows: rows.map(toSummary), total: totalRow?.n ?? 0 };
  });
}

/** One staff account, or "not found" (also for an id that is not a UUID). */
export async function getStaffUser(actor: Actor | null, id: string): Promise<StaffSummary> {
  assertAdmin(actor);
  if (!isUuid(id)) notFoundPage();
  const [row] = await withDb((db) => db.select(summaryColumns).from(staffUsers).where(eq(staffUsers.id, id)));
  if (!row) notFoundPage();
  return toSummary(row);
}
