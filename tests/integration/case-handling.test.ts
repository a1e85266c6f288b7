import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schema } from "@/db";
import { seedDemoData } from "@/db/seed";
import type { Actor } from "@/lib/auth/policy";
import { submitDemoObjection } from "@/lib/cases/demo";
import { ownCase } from "@/lib/cases/queries";
import { addCaseNote, assignCase, changeCaseStatus } from "@/lib/cases/service";
import { caseForStaff, caseHandlers, caseQueue, queueFiltersFrom, queueProducts, type QueueFilters } from "@/lib/cases/staff-queries";
import { inTransaction } from "@/lib/db";
import { startJobs, stopJobs } from "@/lib/jobs/runtime";
import { deliverNotificationJob } from "@/lib/notifications/jobs";
import { NotAllowedError } from "@/lib/parties/queries";
import { testDatabases, useTestDatabase } from "../support/database";

const { parties, processingLog, caseEvents, cases, staffUsers } = schema;
let kvk = 73000000;
let staffCounter = 0;

type PartyActor = Extract<Actor, { kind: "party" }>;
type StaffActor = Extract<Actor, { kind: "staff" }>;

const NOW = new Date("2026-11-29T10:00:00Z");
const all: QueueFilters = { reference: null, product: null, status: null, due: "all", mine: false, page: 1 };

describe.each(testDatabases())("case handling on %s", (kind) => {
  const database = useTestDatabase(kind);
  let seeded = false;
  beforeAll(() => startJobs({ handle: database.handle, role: "web", jobs: [deliverNotificationJob] }), 60_000);
  afterAll(() => stopJobs(), 60_000);

  async function seed() {
    if (!seeded) {
      await seedDemoData(database.db);
      seeded = true;
    }
  }

  async function party(): Promise<PartyActor> {
    await seed();
    const [row] = await database.db.insert(parties).values({ kind: "business", kvkNumber: String(++kvk) }).returning({ id: parties.id });
    return { kind: "party", partyId: row!.id, partyKind: "business", sessionId: "test", level: "eh3" };
  }

  /** A new active staff member (in the database, so events can refer to them). */
  async function staff(roles: ("balie" | "behandelaar" | "beheerder")[], name = `Medewerker ${staffCounter + 1}`): Promise<StaffActor> {
    await seed();
    // Counted for every staff member, named or not: two made in the same millisecond must differ.
    ++staffCounter;
    const [row] = await database.db
      .insert(staffUsers)
      .values({ email: `m${staffCounter}-${kind}-${Date.now()}@voorbeeldstad.example`, displayName: name, roles })
      .returning({ id: staffUsers.id });
    return { kind: "staff", staffUserId: row!.id, roles, sessionId: "t", displayName: name };
  }

  async function caseOf(p: PartyActor, now = NOW): Promise<{ caseId: string; reference: string; updatedAt: Date }> {
    const outcome = await submitDemoObjection(p, "nl", now);
    if (outcome.kind !== "submitted") throw new Error(`not submitted: ${outcome.kind}`);
    const [row] = await database.db.select({ id: cases.id, reference: cases.reference, updatedAt: cases.updatedAt }).from(cases).where(eq(cases.submissionId, outcome.submissionId));
    return { caseId: row!.id, reference: row!.reference, updatedAt: row!.updatedAt };
  }

  async function current(caseId: string) {
    const [row] = await database.db.select().from(cases).where(eq(cases.id, caseId));
    return row!;
  }

  async function logCount(operation: string, partyId: string): Promise<number> {
    const rows = await database.db.select({ id: processingLog.id }).from(processingLog).where(and(eq(processingLog.operationName, operation), eq(processingLog.dataSubjectId, partyId)));
    return rows.length;
  }

  it("the queue filters on product, status, due date and 'mine', sorts on the nearest decision date (none last) and marks open overdue cases", async () => {
    const me = await staff(["behandelaar"]);
    const p = await party();
    const made = [];
    for (let i = 0; i < 5; i++) made.push(await caseOf(p));
    const [overdue, thisWeek, later, noDate, closedLate] = made as [typeof made[0], typeof made[0], typeof made[0], typeof made[0], typeof made[0]];
    const dates: [string, string | null, "received" | "closed"][] = [
      [overdue.caseId, "2026-11-20", "received"],
      [thisWeek.caseId, "2026-12-03", "received"],
      [later.caseId, "2027-02-01", "received"],
      [noDate.caseId, null, "received"],
      [closedLate.caseId, "2026-11-01", "closed"],
    ];
    for (const [id, on, status] of dates) await database.db.update(cases).set({ expectedDecisionOn: on, status, assignedTo: me.staffUserId }).where(eq(cases.id, id));

    const mine = await caseQueue(me, { ...all, mine: true }, NOW);
    expect(mine.rows.map((r) => r.id)).toEqual([closedLate.caseId, overdue.caseId, thisWeek.caseId, later.caseId, noDate.caseId]);
    expect(mine.rows.map((r) => r.overdue)).toEqual([false, true, false, false, false]);
    expect(mine.rows.every((r) => r.assignedToMe && r.assignedName === me.displayName)).toBe(true);
    expect(mine.today).toBe("2026-11-29");

    expect((await caseQueue(me, { ...all, mine: true, due: "overdue" }, NOW)).rows.map((r) => r.id)).toEqual([overdue.caseId]);
    expect((await caseQueue(me, { ...all, mine: true, due: "week" }, NOW)).rows.map((r) => r.id)).toEqual([thisWeek.caseId]);
    expect((await caseQueue(me, { ...all, mine: true, status: "closed" }, NOW)).rows.map((r) => r.id)).toEqual([closedLate.caseId]);
    expect((await caseQueue(me, { ...all, mine: true, product: "bezwaar-maken" }, NOW)).total).toBe(5);
    expect((await caseQueue(me, { ...all, reference: later.reference }, NOW)).rows.map((r) => r.id)).toEqual([later.caseId]);
    expect((await caseQueue(me, { ...all, mine: true, product: "een-ander-product" }, NOW)).rows).toEqual([]);
    expect(await queueProducts(me)).toContainEqual(expect.objectContaining({ slug: "bezwaar-maken" }));

    // Someone else's "mine" does not include them; the whole queue does.
    const colleague = await staff(["behandelaar"]);
    expect((await caseQueue(colleague, { ...all, mine: true }, NOW)).total).toBe(0);
    expect((await caseQueue(colleague, all, NOW)).total).toBeGreaterThanOrEqual(5);
    // Asking for a page beyond the last gives the last one.
    expect((await caseQueue(me, { ...all, mine: true, page: 9 }, NOW)).page).toBe(1);
  });

  it("reads filters from the query string and ignores what it does not know", () => {
    expect(queueFiltersFrom({ kenmerk: " bz-2026-000001 ", onderwerp: "bezwaar-maken", status: "in-progress", termijn: "week", mijn: "ja", pagina: "2" })).toEqual({ reference: "BZ-2026-000001", product: "bezwaar-maken", status: "in-progress", due: "week", mine: true, page: 2 });
    expect(queueFiltersFrom({ onderwerp: "<script>", status: "kapot", termijn: "ooit", mijn: "nee", pagina: "-3" })).toEqual(all);
  });

  it("a counter employee gets nothing; a case handler reads and handles", async () => {
    const balie = await staff(["balie"]);
    const handler = await staff(["behandelaar"]);
    const p = await party();
    const c = await caseOf(p);
    await expect(caseQueue(balie, all, NOW)).rejects.toBeInstanceOf(NotAllowedError);
    await expect(caseForStaff(balie, c.caseId)).rejects.toBeInstanceOf(NotAllowedError);
    await expect(caseHandlers(balie)).rejects.toBeInstanceOf(NotAllowedError);
    await expect(inTransaction((tx) => assignCase(tx, balie, { caseId: c.caseId, expectedUpdatedAt: c.updatedAt, assignee: balie.staffUserId }))).rejects.toBeInstanceOf(NotAllowedError);
    await expect(inTransaction((tx) => changeCaseStatus(tx, balie, { caseId: c.caseId, expectedUpdatedAt: c.updatedAt, status: "in-progress", note: "", visibleToParty: false }))).rejects.toBeInstanceOf(NotAllowedError);
    expect((await current(c.caseId)).status).toBe("received");
    expect(await logCount("case.view", p.partyId)).toBe(0);

    const view = (await caseForStaff(handler, c.caseId))!;
    expect(view).toMatchObject({ reference: c.reference, status: "received", partyKind: "business", assignedTo: null });
    expect(view.submission.attachments).toHaveLength(1);
    expect(JSON.stringify(view)).not.toMatch(/"(bsn|kvkNumber)"/);
    expect(await logCount("case.view", p.partyId)).toBe(1);
    expect(await caseForStaff(handler, "00000000-0000-4000-8000-00000000abcd")).toBeNull();
    expect((await caseHandlers(handler)).map((h) => h.id)).toContain(handler.staffUserId);
    expect((await caseHandlers(handler)).map((h) => h.id)).not.toContain(balie.staffUserId);
  });

  it("assigning, changing status and adding notes each write an event, update the case and log, in the caller's transaction", async () => {
    const handler = await staff(["behandelaar"], "Hanna Handelaar");
    const colleague = await staff(["behandelaar"], "Cor Collega");
    const p = await party();
    const c = await caseOf(p);

    const assigned = await inTransaction((tx) => assignCase(tx, handler, { caseId: c.caseId, expectedUpdatedAt: c.updatedAt, assignee: colleague.staffUserId, now: new Date("2026-11-29T11:00:00Z") }));
    expect(assigned.kind).toBe("done");
    let row = await current(c.caseId);
    expect(row.assignedTo).toBe(colleague.staffUserId);
    expect(row.updatedAt.getTime()).toBeGreaterThan(c.updatedAt.getTime());
    expect(await logCount("case.assign", p.partyId)).toBe(1);

    const changed = await inTransaction((tx) =>
      changeCaseStatus(tx, handler, { caseId: c.caseId, expectedUpdatedAt: row.updatedAt, status: "in-progress", note: "  Wij zijn begonnen.  ", visibleToParty: true, now: new Date("2026-11-29T12:00:00Z") }),
    );
    expect(changed.kind).toBe("done");
    row = await current(c.caseId);
    expect(row.status).toBe("in-progress");
    expect(row.assignedTo).toBe(colleague.staffUserId);
    expect(await logCount("case.status", p.partyId)).toBe(1);

    await inTransaction((tx) => addCaseNote(tx, colleague, { caseId: c.caseId, expectedUpdatedAt: row.updatedAt, note: "Intern: dossier opgevraagd", visibleToParty: false, now: new Date("2026-11-29T13:00:00Z") }));
    row = await current(c.caseId);
    const unassigned = await inTransaction((tx) => assignCase(tx, colleague, { caseId: c.caseId, expectedUpdatedAt: row.updatedAt, assignee: null, now: new Date("2026-11-29T14:00:00Z") }));
    expect(unassigned.kind).toBe("done");
    expect((await current(c.caseId)).assignedTo).toBeNull();

    const view = (await caseForStaff(handler, c.caseId))!;
    expect(view.events.map((e) => [e.kind, e.status, e.note, e.noteVisibleToParty, e.staffName, e.assignedName])).toEqual([
      ["opened", "received", null, false, null, null],
      ["assigned", "received", null, false, "Hanna Handelaar", "Cor Collega"],
      ["status-changed", "in-progress", "Wij zijn begonnen.", true, "Hanna Handelaar", null],
      ["note", "in-progress", "Intern: dossier opgevraagd", false, "Cor Collega", null],
      ["assigned", "in-progress", null, false, "Cor Collega", null],
    ]);

    // The party sees the status change with its note and the assignment, not the internal note or the withdrawal.
    const own = (await ownCase(p, c.caseId))!;
    expect(own.status).toBe("in-progress");
    expect(own.events.map((e) => [e.kind, e.note])).toEqual([
      ["opened", null],
      ["assigned", null],
      ["status-changed", "Wij zijn begonnen."],
    ]);
    expect(JSON.stringify(own)).not.toContain("dossier opgevraagd");

    // One transaction: when the caller's transaction fails afterwards, no event, no log, no change.
    const before = await current(c.caseId);
    const events = (await database.db.select({ id: caseEvents.id }).from(caseEvents).where(eq(caseEvents.caseId, c.caseId))).length;
    await expect(
      inTransaction(async (tx) => {
        const outcome = await changeCaseStatus(tx, handler, { caseId: c.caseId, expectedUpdatedAt: before.updatedAt, status: "decided", note: "", visibleToParty: false });
        expect(outcome.kind).toBe("done");
        throw new Error("afterwards");
      }),
    ).rejects.toThrow("afterwards");
    expect(await current(c.caseId)).toEqual(before);
    expect((await database.db.select({ id: caseEvents.id }).from(caseEvents).where(eq(caseEvents.caseId, c.caseId))).length).toBe(events);
    expect(await logCount("case.status", p.partyId)).toBe(1);
  });

  it("refuses a stale form, a transition the rules forbid, an unknown handler and a note too long, writing nothing", async () => {
    const handler = await staff(["behandelaar"]);
    const balie = await staff(["balie"]);
    const p = await party();
    const c = await caseOf(p);
    const done = await inTransaction((tx) => changeCaseStatus(tx, handler, { caseId: c.caseId, expectedUpdatedAt: c.updatedAt, status: "in-progress", note: "", visibleToParty: false }));
    expect(done.kind).toBe("done");
    const after = await current(c.caseId);

    // Another handler still holds the page from before that change.
    expect(await inTransaction((tx) => changeCaseStatus(tx, handler, { caseId: c.caseId, expectedUpdatedAt: c.updatedAt, status: "information-requested", note: "", visibleToParty: false }))).toEqual({ kind: "stale" });
    expect(await inTransaction((tx) => assignCase(tx, handler, { caseId: c.caseId, expectedUpdatedAt: c.updatedAt, assignee: handler.staffUserId }))).toEqual({ kind: "stale" });
    expect(await inTransaction((tx) => addCaseNote(tx, handler, { caseId: c.caseId, expectedUpdatedAt: c.updatedAt, note: "x", visibleToParty: false }))).toEqual({ kind: "stale" });

    expect(await inTransaction((tx) => changeCaseStatus(tx, handler, { caseId: c.caseId, expectedUpdatedAt: after.updatedAt, status: "in-progress", note: "", visibleToParty: false }))).toEqual({ kind: "transition", problem: "unchanged" });
    expect(await inTransaction((tx) => changeCaseStatus(tx, handler, { caseId: c.caseId, expectedUpdatedAt: after.updatedAt, status: "closed", note: " ", visibleToParty: false }))).toEqual({ kind: "transition", problem: "close-needs-note" });
    expect(await inTransaction((tx) => changeCaseStatus(tx, handler, { caseId: c.caseId, expectedUpdatedAt: after.updatedAt, status: "decided", note: "x".repeat(4001), visibleToParty: false }))).toEqual({ kind: "note-too-long" });
    expect(await inTransaction((tx) => addCaseNote(tx, handler, { caseId: c.caseId, expectedUpdatedAt: after.updatedAt, note: "   ", visibleToParty: true }))).toEqual({ kind: "note-required" });
    expect(await inTransaction((tx) => assignCase(tx, handler, { caseId: c.caseId, expectedUpdatedAt: after.updatedAt, assignee: balie.staffUserId }))).toEqual({ kind: "unknown-handler" });
    expect(await inTransaction((tx) => assignCase(tx, handler, { caseId: c.caseId, expectedUpdatedAt: after.updatedAt, assignee: null }))).toEqual({ kind: "unchanged" });
    expect(await inTransaction((tx) => assignCase(tx, handler, { caseId: "00000000-0000-4000-8000-00000000abcd", expectedUpdatedAt: after.updatedAt, assignee: null }))).toEqual({ kind: "not-found" });

    expect(await current(c.caseId)).toEqual(after);
    expect((await database.db.select({ id: caseEvents.id }).from(caseEvents).where(eq(caseEvents.caseId, c.caseId))).length).toBe(2);
    expect(await logCount("case.status", p.partyId)).toBe(1);
    expect(await logCount("case.assign", p.partyId)).toBe(0);

    // Two handlers sending at the same moment from the same page: the row lock lets one through, the other is stale.
    const race = await Promise.all([
      inTransaction((tx) => addCaseNote(tx, handler, { caseId: c.caseId, expectedUpdatedAt: after.updatedAt, note: "eerste", visibleToParty: false })),
      inTransaction((tx) => addCaseNote(tx, handler, { caseId: c.caseId, expectedUpdatedAt: after.updatedAt, note: "tweede", visibleToParty: false })),
    ]);
    expect(race.map((r) => r.kind).sort()).toEqual(["done", "stale"]);
    const raced = race.find((r) => r.kind === "done")!;
    if (raced.kind !== "done") throw new Error("no winner");

    // Decided, then closed; closed is final.
    const decided = await inTransaction((tx) => changeCaseStatus(tx, handler, { caseId: c.caseId, expectedUpdatedAt: raced.updatedAt, status: "decided", note: "", visibleToParty: false }));
    if (decided.kind !== "done") throw new Error(decided.kind);
    const closed = await inTransaction((tx) => changeCaseStatus(tx, handler, { caseId: c.caseId, expectedUpdatedAt: decided.updatedAt, status: "closed", note: "", visibleToParty: false }));
    if (closed.kind !== "done") throw new Error(closed.kind);
    expect(await inTransaction((tx) => changeCaseStatus(tx, handler, { caseId: c.caseId, expectedUpdatedAt: closed.updatedAt, status: "in-progress", note: "heropenen", visibleToParty: false }))).toEqual({ kind: "transition", problem: "final" });
  });
});
