import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { schema } from "@/db";
import { listOwnProcessing, searchProcessingLog } from "@/lib/audit/queries";
import { recordProcessing } from "@/lib/audit/processing-log";
import type { Actor } from "@/lib/auth/policy";
import { inTransaction } from "@/lib/db";
import { findPartyByBsn, partyIdForBsn, recordedPurpose, revealBsn, viewParty, NotAllowedError } from "@/lib/parties/queries";
import { findOrCreatePerson } from "@/lib/parties/service";
import { testDatabases, useTestDatabase } from "../support/database";

/**
 * The processing log (R29): append-only in the database itself, written with every staff read
 * of a party, readable by the party (only their own entries) and searchable by admins.
 */

type StaffActor = Extract<Actor, { kind: "staff" }>;
type PartyActor = Extract<Actor, { kind: "party" }>;

const BSN_A = "123456782";
const BSN_B = "999996708";

function staffActor(id: string, roles: StaffActor["roles"], displayName: string): StaffActor {
  return { kind: "staff", staffUserId: id, roles, sessionId: randomUUID(), displayName };
}

function partyActor(partyId: string): PartyActor {
  return { kind: "party", partyId, partyKind: "person", sessionId: randomUUID(), level: "substantieel" };
}

/** The database's own message for a refused statement (drizzle wraps it in "Failed query"). */
async function refusal(statement: Promise<unknown>): Promise<string> {
  try {
    await statement;
  } catch (error) {
    const cause = (error as { cause?: { message?: string } }).cause;
    return cause?.message ?? (error as Error).message;
  }
  return "not refused";
}

describe.each(testDatabases())("processing log on %s", (kind) => {
  const database = useTestDatabase(kind);
  let balie: StaffActor;
  let admin: StaffActor;
  let partyA: string;
  let partyB: string;

  beforeAll(async () => {
    const [b, a] = await database.db
      .insert(schema.staffUsers)
      .values([
        { email: `balie-${kind}@test.example`, displayName: "Bea Balie", roles: ["balie"] },
        { email: `beheer-${kind}@test.example`, displayName: "Ben Beheer", roles: ["beheerder"] },
      ])
      .returning({ id: schema.staffUsers.id });
    balie = staffActor(b!.id, ["balie"], "Bea Balie");
    admin = staffActor(a!.id, ["beheerder"], "Ben Beheer");
    partyA = (await findOrCreatePerson(database.db, BSN_A, "Anna de Vries")).id;
    partyB = (await findOrCreatePerson(database.db, BSN_B, null)).id;
  });

  it("refuses UPDATE, DELETE and TRUNCATE", async () => {
    await recordProcessing(database.db, {
      operation: "test.entry",
      activity: "dienstverlening-balie",
      purpose: "Test",
      subject: { partyId: partyB, kind: "person" },
      actor: { kind: "system", name: "test" },
    });
    expect(await refusal(database.db.execute(sql`update processing_log set purpose = 'changed'`))).toMatch(/append-only: UPDATE/);
    expect(await refusal(database.db.execute(sql`delete from processing_log`))).toMatch(/append-only: DELETE/);
    expect(await refusal(database.db.execute(sql`truncate processing_log`))).toMatch(/append-only: TRUNCATE/);
    const [{ n }] = (await database.db.select({ n: sql<number>`count(*)::int` }).from(schema.processingLog)) as [{ n: number }];
    expect(n).toBeGreaterThanOrEqual(1);
  });

  it("keeps no entry when the transaction it was written in rolls back", async () => {
    const marker = `rollback-${randomUUID()}`;
    await expect(
      inTransaction(async (tx) => {
        await recordProcessing(tx, { operation: marker, activity: "dienstverlening-balie", purpose: "x", subject: { partyId: partyA, kind: "person" }, actor: balie });
        throw new Error("the write failed");
      }),
    ).rejects.toThrow("the write failed");
    expect(await database.db.select().from(schema.processingLog).where(eq(schema.processingLog.operationName, marker))).toEqual([]);
  });

  it("logs a counter lookup with the right subject, actor, role and purpose, and shows the BSN masked", async () => {
    const found = await findPartyByBsn(balie, "1234 56 782", "Telefonische vraag: parkeervergunning");
    expect(found).toMatchObject({ id: partyA, kind: "person", maskedBsn: "••••••782", displayName: "Anna de Vries" });
    const entries = await database.db.select().from(schema.processingLog).where(eq(schema.processingLog.operationName, "party.find"));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      dataSubjectId: partyA,
      dataSubjectType: "person",
      actorKind: "staff",
      actorId: balie.staffUserId,
      actorRole: "balie",
      processingActivity: "dienstverlening-balie",
      purpose: "Telefonische vraag: parkeervergunning",
      status: "ok",
    });
    expect(entries[0]!.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(entries[0]!.spanId).toMatch(/^[0-9a-f]{16}$/);
  });

  it("logs nothing when a lookup finds nobody", async () => {
    const before = await database.db.select({ n: sql<number>`count(*)::int` }).from(schema.processingLog);
    expect(await findPartyByBsn(balie, "111222333", "Vraag aan de balie")).toBeNull();
    expect(await findPartyByBsn(balie, "not a bsn", "Vraag aan de balie")).toBeNull();
    expect(await database.db.select({ n: sql<number>`count(*)::int` }).from(schema.processingLog)).toEqual(before);
  });

  it("logs a view and a reveal of the full BSN each as their own entry, and remembers the purpose", async () => {
    expect(await recordedPurpose(balie, partyA)).toBe("Telefonische vraag: parkeervergunning");
    expect(await recordedPurpose(balie, partyA, new Date(Date.now() + 60 * 60_000))).toBeNull();
    expect((await viewParty(balie, partyA, "Vraag aan de balie"))?.maskedBsn).toBe("••••••782");
    const revealed = await revealBsn(balie, partyA, "Vraag aan de balie");
    expect(revealed?.bsn).toBe(BSN_A);
    const operations = (await database.db.select().from(schema.processingLog).where(eq(schema.processingLog.dataSubjectId, partyA))).map((e) => e.operationName);
    expect(operations).toEqual(expect.arrayContaining(["party.find", "party.view", "party.reveal-bsn"]));
    expect(await viewParty(balie, randomUUID(), "Vraag aan de balie")).toBeNull();
  });

  it("refuses staff without the permission", async () => {
    await expect(findPartyByBsn(admin, BSN_A, "x")).rejects.toBeInstanceOf(NotAllowedError);
    await expect(revealBsn(admin, partyA, "x")).rejects.toBeInstanceOf(NotAllowedError);
    await expect(searchProcessingLog(balie, {}, 1)).rejects.toThrow();
  });

  it("shows a resident only their own entries, newest first, without staff names unless configured", async () => {
    await recordProcessing(database.db, { operation: "party.view", activity: "dienstverlening-balie", purpose: "Alleen over B", subject: { partyId: partyB, kind: "person" }, actor: balie, actorRole: "balie" });
    const own = await listOwnProcessing(partyActor(partyA), 1);
    expect(own.total).toBeGreaterThanOrEqual(3);
    expect(own.entries.every((e) => e.purpose !== "Alleen over B" && e.operation !== "test.entry")).toBe(true);
    const times = own.entries.map((e) => e.at.getTime());
    expect([...times].sort((x, y) => y - x)).toEqual(times);
    expect(own.entries.every((e) => e.staffName === null)).toBe(true);
    expect(own.entries[0]).toMatchObject({ actorKind: "staff", actorRole: "balie" });

    const other = await listOwnProcessing(partyActor(partyB), 1);
    expect(other.entries.some((e) => e.purpose === "Alleen over B")).toBe(true);
    expect(other.entries.some((e) => e.purpose.includes("parkeervergunning"))).toBe(false);

    process.env.PROCESSING_LOG_SHOW_STAFF_NAMES = "true";
    delete (globalThis as Record<string, unknown>).__portalEnv;
    try {
      const named = await listOwnProcessing(partyActor(partyA), 1);
      expect(named.entries[0]!.staffName).toBe("Bea Balie");
    } finally {
      delete process.env.PROCESSING_LOG_SHOW_STAFF_NAMES;
      delete (globalThis as Record<string, unknown>).__portalEnv;
    }
  });

  it("lets an admin search by BSN (as a party id), by actor, operation and period, and logs the search", async () => {
    const partyId = await partyIdForBsn(admin, BSN_A);
    expect(partyId).toBe(partyA);
    expect(await partyIdForBsn(admin, "111222333")).toBeNull();

    const result = await searchProcessingLog(admin, { partyId: partyA }, 1);
    expect(result.entries.length).toBeGreaterThanOrEqual(3);
    expect(result.entries.every((e) => e.dataSubjectId === partyA)).toBe(true);
    expect(result.entries.find((e) => e.operation === "party.find")?.staffName).toBe("Bea Balie");

    const searches = await database.db.select().from(schema.processingLog).where(eq(schema.processingLog.operationName, "processing-log.search"));
    expect(searches).toHaveLength(1);
    expect(searches[0]).toMatchObject({ dataSubjectId: partyA, actorId: admin.staffUserId, actorRole: "beheerder", processingActivity: "toezicht-verwerkingen" });

    const byActor = await searchProcessingLog(admin, { actorId: balie.staffUserId, operation: "party.reveal-bsn" }, 1);
    expect(byActor.entries.map((e) => e.operation)).toEqual(["party.reveal-bsn"]);

    // Days are Europe/Amsterdam days: today's entries are inside today, none inside yesterday.
    const today = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Amsterdam" }).format(new Date());
    const yesterday = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Amsterdam" }).format(new Date(Date.now() - 86_400_000));
    expect((await searchProcessingLog(admin, { from: today, to: today }, 1)).total).toBeGreaterThan(0);
    expect((await searchProcessingLog(admin, { from: yesterday, to: yesterday }, 1)).total).toBe(0);
    // Searches without a data subject have nobody to log against.
    expect(await database.db.select().from(schema.processingLog).where(eq(schema.processingLog.operationName, "processing-log.search"))).toHaveLength(1);
  });
});
