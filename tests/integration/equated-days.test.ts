import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { schema } from "@/db";
import { calculateTerm } from "@/lib/deadlines/queries";
import { addEquatedDay, listEquatedDays, loadEquatedDays } from "@/lib/deadlines/equated-days";
import { knownEquatedDays } from "@/lib/deadlines/known-equated-days";
import { testDatabases, useTestDatabase } from "../support/database";

const { equatedDays, staffUsers } = schema;

describe.each(testDatabases())("equated days (art. 3 lid 3 Atw) on %s", (kind) => {
  const database = useTestDatabase(kind);

  async function admin(name: string) {
    const [row] = await database.db.insert(staffUsers).values({ email: `${name.toLowerCase()}@voorbeeldstad.example`, displayName: name, roles: ["beheerder"] }).returning();
    return row!;
  }

  it("come with the migration: exactly the known days, in date order, without an author", async () => {
    const rows = await listEquatedDays(database.db);
    expect(rows.map((r) => ({ date: r.date, reason: r.reason, decreeReference: r.decreeReference }))).toEqual(knownEquatedDays.map((d) => ({ ...d })));
    expect(rows.every((r) => r.createdByName === null && r.createdAt instanceof Date)).toBe(true);
  });

  it("an added day records who and when, and from then on shifts a calculated term", async () => {
    const bea = await admin("Bea");
    // Ascension Day 2029 is Thursday 10 May; no decree for the Friday is known yet.
    const before = await calculateTerm({ event: "2029-03-29", amount: 6, unit: "weeks" });
    expect(before.end).toBe("2029-05-11");

    const now = new Date("2026-11-28T10:00:00Z");
    const added = await addEquatedDay(database.db, { date: "2029-05-11", reason: "Vrijdag na Hemelvaartsdag", decreeReference: "Besluit gelijkstelling 2029", createdBy: bea.id, now });
    expect(added).toEqual({ id: expect.any(String) });
    const [row] = await database.db.select().from(equatedDays).where(eq(equatedDays.date, "2029-05-11"));
    expect(row).toMatchObject({ createdBy: bea.id, createdAt: now, reason: "Vrijdag na Hemelvaartsdag" });
    expect((await listEquatedDays(database.db)).find((r) => r.date === "2029-05-11")).toMatchObject({ createdByName: "Bea" });
    expect((await loadEquatedDays(database.db)).map((d) => d.date)).toContain("2029-05-11");

    const after = await calculateTerm({ event: "2029-03-29", amount: 6, unit: "weeks" });
    expect(after.end).toBe("2029-05-14");
    expect(after.reasons.map((r) => r.kind)).toEqual(["holiday", "equated", "saturday", "sunday"]);
  });

  it("refuses a day already in the list and a day that is free anyway", async () => {
    const bo = await admin("Bo");
    expect(await addEquatedDay(database.db, { date: "2026-05-15", reason: "Nog eens", decreeReference: "x", createdBy: bo.id })).toBe("date-taken");
    expect(await addEquatedDay(database.db, { date: "2030-05-05", reason: "Bevrijdingsdag", decreeReference: "x", createdBy: bo.id })).toBe("already-free");
    expect(await addEquatedDay(database.db, { date: "2030-06-01", reason: "Zaterdag", decreeReference: "x", createdBy: bo.id })).toBe("already-free");
    const dates = (await loadEquatedDays(database.db)).map((d) => d.date);
    expect(dates.filter((d) => d === "2026-05-15")).toHaveLength(1);
    expect(dates).not.toContain("2030-06-01");
  });

  it("the database keeps one row per date, whoever inserts", async () => {
    await expect(database.db.insert(equatedDays).values({ date: "2026-01-02", reason: "dubbel", decreeReference: "x" })).rejects.toThrow();
  });
});
