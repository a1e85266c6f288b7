import type { Db } from "./index";
import { inArray } from "drizzle-orm";
import { hashPassword } from "../lib/auth/passwords";
import { seedDemoCatalogue } from "./seed/catalogue";
import { seedDemoForms } from "./seed/forms";
import { seedDemoReplies } from "./seed/replies";
import { installationFacts, staffUsers, type StaffRole } from "./schema";

/**
 * Demo data for Gemeente Voorbeeldstad. Idempotent and non-destructive: rows that exist (by
 * their natural key) are left as they are, so running it again never undoes an admin's edit.
 * Later capabilities add their demo data here.
 */
/** The demo products (db/seed/catalogue.ts), re-exported for tests that look for them. */
export { demoProducts } from "./seed/catalogue";

/** The password of every demo staff account (README, "Demo data"). Only seeded where demo features are on. */
export const DEMO_STAFF_PASSWORD = "Demo-wachtwoord-2026";

export const demoStaff: { email: string; displayName: string; roles: StaffRole[] }[] = [
  { email: "balie@voorbeeldstad.example", displayName: "Bente Balie", roles: ["balie"] },
  { email: "behandelaar@voorbeeldstad.example", displayName: "Bas Behandelaar", roles: ["behandelaar"] },
  { email: "beheerder@voorbeeldstad.example", displayName: "Bea Beheerder", roles: ["beheerder"] },
  { email: "multi@voorbeeldstad.example", displayName: "Mo Meerdere-Rollen", roles: ["balie", "behandelaar"] },
];

/** Adds the demo staff accounts that are missing; hashes a password only for those (scrypt is slow on purpose). */
export async function seedDemoStaff(db: Db): Promise<number> {
  const existing = new Set((await db.select({ email: staffUsers.email }).from(staffUsers).where(inArray(staffUsers.email, demoStaff.map((s) => s.email)))).map((r) => r.email));
  const missing = demoStaff.filter((s) => !existing.has(s.email));
  if (missing.length === 0) return 0;
  const rows = await Promise.all(missing.map(async (s) => ({ ...s, passwordHash: await hashPassword(DEMO_STAFF_PASSWORD) })));
  const added = await db.insert(staffUsers).values(rows).onConflictDoNothing({ target: staffUsers.email }).returning({ id: staffUsers.id });
  return added.length;
}

/** Seeds the demo municipality. Safe to run any number of times. */
export async function seedDemoData(db: Db): Promise<{ productsAdded: number }> {
  const { productsAdded } = await seedDemoCatalogue(db);
  await seedDemoStaff(db);
  await seedDemoForms(db);
  await seedDemoReplies(db);
  await db
    .insert(installationFacts)
    .values({ key: "demo-data-seeded-at", value: new Date().toISOString() })
    .onConflictDoNothing({ target: installationFacts.key });
  return { productsAdded };
}
