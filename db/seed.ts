import type { Db } from "./index";
import { inArray } from "drizzle-orm";
import { hashPassword } from "../lib/auth/passwords";
import { seedDemoForms } from "./seed/forms";
import { installationFacts, products, staffUsers, type NewProduct, type StaffRole } from "./schema";

/**
 * Demo data for Gemeente Voorbeeldstad. Idempotent and non-destructive: rows that exist (by
 * their natural key) are left as they are, so running it again never undoes an admin's edit.
 * Later capabilities add their demo data here.
 */
export const demoProducts: NewProduct[] = [
  {
    slug: "verhuizing-doorgeven",
    topic: "wonen",
    sortOrder: 10,
    nameNl: "Verhuizing doorgeven",
    nameEn: "Report a change of address",
    summaryNl: "Gaat u verhuizen binnen of naar de gemeente? Geef uw nieuwe adres door.",
    summaryEn: "Moving within or into the municipality? Tell us your new address.",
  },
  {
    slug: "parkeervergunning-bewoners",
    topic: "wonen",
    sortOrder: 20,
    nameNl: "Parkeervergunning voor bewoners",
    nameEn: "Residents' parking permit",
    summaryNl: "Vraag een vergunning aan om in uw eigen wijk te parkeren.",
    summaryEn: "Apply for a permit to park in your own neighbourhood.",
  },
  {
    slug: "omgevingsvergunning-kap",
    topic: "wonen",
    sortOrder: 30,
    nameNl: "Omgevingsvergunning voor het kappen van een boom",
    nameEn: "Permit to cut down a tree",
    summaryNl: "U wilt een boom kappen. Soms heeft u daarvoor een vergunning nodig.",
    summaryEn: "You want to cut down a tree. Sometimes you need a permit for that.",
  },
  {
    slug: "bijzondere-bijstand",
    topic: "geld-en-werk",
    sortOrder: 10,
    nameNl: "Bijzondere bijstand",
    nameEn: "Special assistance",
    summaryNl: "Heeft u onverwachte kosten die u niet kunt betalen? Vraag bijzondere bijstand aan.",
    summaryEn: "Unexpected costs you cannot pay? Apply for special assistance.",
  },
  {
    slug: "kwijtschelding-belastingen",
    topic: "geld-en-werk",
    sortOrder: 20,
    nameNl: "Kwijtschelding gemeentelijke belastingen",
    nameEn: "Remission of municipal taxes",
    summaryNl: "Kunt u de gemeentelijke belastingen niet betalen? Vraag kwijtschelding aan.",
    summaryEn: "Unable to pay municipal taxes? Apply for remission.",
  },
  {
    slug: "melding-openbare-ruimte",
    topic: "buurt",
    sortOrder: 10,
    nameNl: "Melding openbare ruimte",
    nameEn: "Report a problem in a public space",
    summaryNl: "Ziet u een kapotte lantaarnpaal, zwerfvuil of een losse stoeptegel? Meld het ons.",
    summaryEn: "A broken street light, litter or a loose paving stone? Let us know.",
  },
  {
    slug: "bezwaar-maken",
    topic: "bezwaar-en-klacht",
    sortOrder: 10,
    nameNl: "Bezwaar maken tegen een besluit",
    nameEn: "Object to a decision",
    summaryNl: "Bent u het niet eens met een besluit van de gemeente? Maak binnen 6 weken bezwaar.",
    summaryEn: "Do you disagree with a decision of the municipality? Object within 6 weeks.",
  },
  {
    slug: "klacht-indienen",
    topic: "bezwaar-en-klacht",
    sortOrder: 20,
    nameNl: "Klacht indienen",
    nameEn: "Make a complaint",
    summaryNl: "Bent u niet tevreden over hoe de gemeente u heeft behandeld? Dien een klacht in.",
    summaryEn: "Unhappy with how the municipality treated you? Make a complaint.",
  },
];

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
  const added = await db.insert(products).values(demoProducts).onConflictDoNothing({ target: products.slug }).returning({ id: products.id });
  await seedDemoStaff(db);
  await seedDemoForms(db);
  await db
    .insert(installationFacts)
    .values({ key: "demo-data-seeded-at", value: new Date().toISOString() })
    .onConflictDoNothing({ target: installationFacts.key });
  return { productsAdded: added.length };
}
