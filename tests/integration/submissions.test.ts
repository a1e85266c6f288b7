import { and, count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schema, type Tx } from "@/db";
import { seedDemoData } from "@/db/seed";
import { startJobs, stopJobs } from "@/lib/jobs/runtime";
import { deliverNotificationJob } from "@/lib/notifications/jobs";
import type { SubmittingParty } from "@/lib/submissions/drafts";
import { addDraftAttachment, draftState, loadDraft, saveDraftState, startDraft } from "@/lib/submissions/drafts";
import { recordHash } from "@/lib/submissions/record";
import { submitDraft } from "@/lib/submissions/submit";
import { testDatabases, useTestDatabase } from "../support/database";

const { parties, submissions, submissionAttachments, cases, caseEvents, inboxMessages, notifications, processingLog, submissionDrafts, referenceCounters } = schema;
let kvk = 71000000;

/** A complaint filled in completely (the demo form "klacht-indienen"). */
const complaint = {
  naam: "Jan de Vries",
  email: "jan@example.org",
  telefoon: "",
  datum: "2026-11-02",
  afdeling: "balie",
  wat: "Ik moest twee uur wachten aan de balie.",
  verwachting: "",
  contact: "email",
  toelichting: "",
};

describe.each(testDatabases())("submitting on %s", (kind) => {
  const database = useTestDatabase(kind);
  let seeded = false;
  // Enqueue only: delivery itself is the notification engine's test.
  beforeAll(() => startJobs({ handle: database.handle, role: "web", jobs: [deliverNotificationJob] }), 60_000);
  afterAll(() => stopJobs(), 60_000);

  async function party(): Promise<SubmittingParty> {
    if (!seeded) {
      await seedDemoData(database.db);
      seeded = true;
    }
    const [row] = await database.db.insert(parties).values({ kind: "business", kvkNumber: String(++kvk) }).returning({ id: parties.id });
    return { kind: "party", partyId: row!.id, partyKind: "business", sessionId: "test", level: "eh3" };
  }

  /** A complaint draft with every answer given and one attachment. */
  async function filledDraft(p: SubmittingParty, answers: Record<string, string> = complaint) {
    const started = await database.db.transaction((tx) => startDraft(tx, p, "klacht-indienen"));
    if (started.kind !== "started") throw new Error(`not started: ${started.kind}`);
    const loaded = (await loadDraft(database.db, p.partyId, started.draftId))!;
    await saveDraftState(database.db, loaded, { ...draftState(loaded), page: "check", values: answers });
    await addDraftAttachment(database.db, started.draftId, { fieldId: "bijlagen", blobKey: `test/${started.draftId}`, fileName: "foto balie.jpg", fileType: "jpeg", sizeBytes: 123_456, sha256: "a".repeat(64) });
    return started.draftId;
  }

  const submit = (p: SubmittingParty, draftId: string, now?: Date) => database.db.transaction((tx) => submitDraft(tx as Tx, p, draftId, { locale: "nl", now }));

  it("one submit stores the submission, its attachment, a case, the receipt, the notification and the log entry", async () => {
    const p = await party();
    const draftId = await filledDraft(p);
    const now = new Date("2026-11-27T10:15:00Z"); // a Friday
    const outcome = await submit(p, draftId, now);
    expect(outcome).toMatchObject({ kind: "submitted", alreadySubmitted: false });
    if (outcome.kind !== "submitted") return;
    expect(outcome.reference).toMatch(/^KL-2026-\d{6}$/);

    const [stored] = await database.db.select().from(submissions).where(eq(submissions.id, outcome.submissionId));
    expect(stored).toMatchObject({ partyId: p.partyId, messageType: "klacht", loginLevel: "eh3", reference: outcome.reference, idempotencyKey: draftId });
    expect(stored!.payload).toMatchObject({ naam: "Jan de Vries", wat: complaint.wat, afdeling: "balie" });
    const files = await database.db.select().from(submissionAttachments).where(eq(submissionAttachments.submissionId, stored!.id));
    expect(files).toEqual([expect.objectContaining({ fileName: "foto balie.jpg", sizeBytes: 123_456, sha256: "a".repeat(64), position: 0, fieldId: "bijlagen" })]);
    expect(stored!.payload.bijlagen).toEqual([expect.any(String)]);

    // The hash is reproducible from the stored rows alone.
    expect(recordHash({ ...stored!, attachments: files })).toBe(stored!.hash);

    // The case, with its decision term: 6 weeks from Friday 27 November 2026 is Friday 8 January 2027.
    const [opened] = await database.db.select().from(cases).where(eq(cases.submissionId, stored!.id));
    expect(opened).toMatchObject({ status: "received", reference: outcome.reference, expectedDecisionOn: "2027-01-08", partyId: p.partyId });
    const events = await database.db.select().from(caseEvents).where(eq(caseEvents.caseId, opened!.id));
    expect(events).toEqual([expect.objectContaining({ kind: "opened", status: "received" })]);

    const [receipt] = await database.db.select().from(inboxMessages).where(eq(inboxMessages.submissionId, stored!.id));
    expect(receipt).toMatchObject({ kind: "receipt", partyId: p.partyId, caseId: opened!.id, subject: `Ontvangstbevestiging ${outcome.reference}` });
    expect(receipt!.body).toContain("27 november 2026 om 11:15"); // Europe/Amsterdam
    expect(receipt!.body).toContain("a".repeat(64));
    expect(receipt!.body).toContain("8 januari 2027");

    const notices = await database.db.select().from(notifications).where(eq(notifications.submissionRef, stored!.id));
    expect(notices).toEqual([expect.objectContaining({ kind: "receipt", partyId: p.partyId, messageRef: receipt!.id })]);
    const [logged] = await database.db.select({ n: count() }).from(processingLog).where(and(eq(processingLog.dataSubjectId, p.partyId), eq(processingLog.operationName, "submission.receive")));
    expect(logged!.n).toBe(1);
    expect(await loadDraft(database.db, p.partyId, draftId)).toBeNull();
  });

  it("submitting the same draft again (double click, retry, back button) gives the same submission, never a second", async () => {
    const p = await party();
    const draftId = await filledDraft(p);
    const [first, second] = await Promise.all([submit(p, draftId), submit(p, draftId)]);
    const third = await submit(p, draftId);
    const ids = [first, second, third].map((o) => (o.kind === "submitted" ? o.submissionId : o.kind));
    expect(new Set(ids).size).toBe(1);
    expect([first, second, third].filter((o) => o.kind === "submitted" && !o.alreadySubmitted)).toHaveLength(1);
    const [n] = await database.db.select({ n: count() }).from(submissions).where(eq(submissions.partyId, p.partyId));
    expect(n!.n).toBe(1);
    const [m] = await database.db.select({ n: count() }).from(inboxMessages).where(eq(inboxMessages.partyId, p.partyId));
    expect(m!.n).toBe(1);
  });

  it("another party's draft is not found, and nothing is made", async () => {
    const owner = await party();
    const other = await party();
    const draftId = await filledDraft(owner);
    expect(await submit(other, draftId)).toEqual({ kind: "not-found" });
    expect(await loadDraft(database.db, owner.partyId, draftId)).not.toBeNull();
  });

  it("invalid answers return every error of the first step with one, and keep the draft and its answers", async () => {
    const p = await party();
    const draftId = await filledDraft(p, { ...complaint, wat: "", datum: "2099-01-01" });
    const outcome = await submit(p, draftId);
    expect(outcome.kind).toBe("invalid");
    if (outcome.kind !== "invalid") return;
    expect(outcome.errors.map((e) => e.field).sort()).toEqual(["f-datum", "f-wat"]);
    const loaded = (await loadDraft(database.db, p.partyId, draftId))!;
    expect(loaded.draft.page).toBe("1");
    expect(loaded.draft.answers).toMatchObject({ naam: "Jan de Vries", datum: "2099-01-01" });
    expect(loaded.draft.errors).toHaveLength(2);
  });

  it("a login level below the product's is refused at start, the right level starts, and the wrong audience is refused", async () => {
    await party(); // seeds the demo catalogue
    // Verhuizing doorgeven is for residents and asks DigiD Midden.
    const [row] = await database.db.insert(parties).values({ kind: "person", bsnHash: `test-hash-${++kvk}`, bsnSealed: "test-sealed" }).returning({ id: parties.id });
    const person: SubmittingParty = { kind: "party", partyId: row!.id, partyKind: "person", sessionId: "test", level: "basis" };
    expect(await database.db.transaction((tx) => startDraft(tx, person, "verhuizing-doorgeven"))).toEqual({ kind: "level-too-low", required: "midden" });
    expect(await database.db.transaction((tx) => startDraft(tx, { ...person, level: "midden" }, "verhuizing-doorgeven"))).toMatchObject({ kind: "started" });
    // A business cannot use it at all, whatever its level.
    const business = { ...(await party()), level: "eh4" as const };
    expect(await database.db.transaction((tx) => startDraft(tx, business, "verhuizing-doorgeven"))).toEqual({ kind: "wrong-audience" });
  });

  it("a failure in any part leaves nothing behind: no submission, case, message, notification, log entry or used reference", async () => {
    for (const table of ["submissions", "cases", "inbox_messages", "notifications", "processing_log"]) {
      const p = await party();
      const draftId = await filledDraft(p);
      const counterBefore = await database.db.select().from(referenceCounters);
      await database.db.execute(sql.raw(`create function fail_${table}() returns trigger language plpgsql as $$ begin raise exception 'simulated failure'; end; $$`));
      await database.db.execute(sql.raw(`create trigger fail_${table} before insert on ${table} for each row execute function fail_${table}()`));
      try {
        await expect(submit(p, draftId)).rejects.toThrow();
      } finally {
        await database.db.execute(sql.raw(`drop trigger fail_${table} on ${table}`));
        await database.db.execute(sql.raw(`drop function fail_${table}()`));
      }
      const counts = await Promise.all(
        [submissions, cases, inboxMessages, notifications].map(async (t) => (await database.db.select({ n: count() }).from(t).where(eq(t.partyId, p.partyId)))[0]!.n),
      );
      expect(counts, `failure in ${table}`).toEqual([0, 0, 0, 0]);
      const [logged] = await database.db.select({ n: count() }).from(processingLog).where(eq(processingLog.dataSubjectId, p.partyId));
      expect(logged!.n).toBe(0);
      expect(await database.db.select().from(referenceCounters)).toEqual(counterBefore);
      const [draft] = await database.db.select().from(submissionDrafts).where(eq(submissionDrafts.id, draftId));
      expect(draft, `draft kept after a failure in ${table}`).toBeDefined();
      // And after the failure is gone, the same draft submits once.
      expect((await submit(p, draftId)).kind).toBe("submitted");
    }
  });

  it("the database refuses to change or delete a received submission, its attachments or a receipt", async () => {
    const p = await party();
    const outcome = await submit(p, await filledDraft(p));
    if (outcome.kind !== "submitted") throw new Error("not submitted");
    await expect(database.db.update(submissions).set({ payload: { changed: true } }).where(eq(submissions.id, outcome.submissionId))).rejects.toThrow();
    await expect(database.db.delete(submissionAttachments).where(eq(submissionAttachments.submissionId, outcome.submissionId))).rejects.toThrow();
    await expect(database.db.update(inboxMessages).set({ body: "anders" }).where(eq(inboxMessages.submissionId, outcome.submissionId))).rejects.toThrow();
    // Opening it for the first time is the one change allowed, once.
    await database.db.update(inboxMessages).set({ firstOpenedAt: new Date() }).where(eq(inboxMessages.submissionId, outcome.submissionId));
    await expect(database.db.update(inboxMessages).set({ firstOpenedAt: new Date() }).where(eq(inboxMessages.submissionId, outcome.submissionId))).rejects.toThrow();
  });

  it("reference numbers count up per message type and year without repeats under concurrency", async () => {
    const p = await party();
    const drafts = await Promise.all(Array.from({ length: 8 }, () => filledDraft(p)));
    const outcomes = await Promise.all(drafts.map((d) => submit(p, d)));
    const references = outcomes.map((o) => (o.kind === "submitted" ? o.reference : o.kind));
    expect(new Set(references).size).toBe(8);
    for (const r of references) expect(r).toMatch(/^KL-\d{4}-\d{6}$/);
  });
});
