import { randomUUID } from "node:crypto";
import { and, asc, count, eq, ne, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schema, type Tx } from "@/db";
import { seedDemoData } from "@/db/seed";
import type { Actor } from "@/lib/auth/policy";
import { caseMessagesIn } from "@/lib/cases/staff-queries";
import { startJobs, stopJobs } from "@/lib/jobs/runtime";
import { changeConsents } from "@/lib/notifications/contacts";
import { deliverNotification } from "@/lib/notifications/delivery";
import { deliverNotificationJob } from "@/lib/notifications/jobs";
import { NotAllowedError } from "@/lib/parties/queries";
import { sendMessage, type SendMessageInput } from "@/lib/inbox/send";
import type { SubmittingParty } from "@/lib/submissions/drafts";
import { draftState, loadDraft, saveDraftState, startDraft } from "@/lib/submissions/drafts";
import { submitDraft } from "@/lib/submissions/submit";
import { testDatabases, useTestDatabase } from "../support/database";

const { fallbackTasks, parties, staffUsers, cases, caseEvents, inboxMessages, inboxMessageAttachments, inboxMessageTerms, notifications, processingLog, products, productMessageTypes, channelDesignations, channels } = schema;
type Staff = Extract<Actor, { kind: "staff" }>;
let kvk = 72000000;
let staffCount = 0;

/** A complaint filled in completely (the demo form "klacht-indienen"). */
const complaint = { naam: "Jan de Vries", email: "jan@example.org", telefoon: "", datum: "2026-11-02", afdeling: "balie", wat: "Ik moest twee uur wachten.", verwachting: "", contact: "email", toelichting: "" };

const allOff = { decision: false, "information-request": false, information: false, receipt: false, reminder: false, outage: false, "draft-expiring": false };

describe.each(testDatabases())("sending official messages on %s", (kind) => {
  const database = useTestDatabase(kind);
  let seeded = false;
  // Enqueue only: delivery itself is the notification engine's test.
  beforeAll(() => startJobs({ handle: database.handle, role: "web", jobs: [deliverNotificationJob] }), 60_000);
  afterAll(() => stopJobs(), 60_000);

  async function staff(roles: Staff["roles"] = ["behandelaar"]): Promise<Staff> {
    const n = ++staffCount;
    const [row] = await database.db.insert(staffUsers).values({ email: `sending${n}@voorbeeldstad.example`, displayName: `Behandelaar ${n}`, roles: [...roles] }).returning();
    return { kind: "staff", staffUserId: row!.id, roles, sessionId: `s${n}`, displayName: row!.displayName };
  }

  /** A party with a case: a complaint submitted through the submission service. */
  async function caseOfNewParty(): Promise<{ party: SubmittingParty; caseId: string; reference: string }> {
    if (!seeded) {
      await seedDemoData(database.db);
      seeded = true;
    }
    const [row] = await database.db.insert(parties).values({ kind: "business", kvkNumber: String(++kvk) }).returning({ id: parties.id });
    const party: SubmittingParty = { kind: "party", partyId: row!.id, partyKind: "business", sessionId: "test", level: "eh3" };
    const started = await database.db.transaction((tx) => startDraft(tx, party, "klacht-indienen"));
    if (started.kind !== "started") throw new Error(`not started: ${started.kind}`);
    const loaded = (await loadDraft(database.db, party.partyId, started.draftId))!;
    await saveDraftState(database.db, loaded, { ...draftState(loaded), page: "check", values: complaint });
    const outcome = await database.db.transaction((tx) => submitDraft(tx as Tx, party, started.draftId, { locale: "nl", now: new Date("2026-11-27T10:15:00Z") }));
    if (outcome.kind !== "submitted") throw new Error(`not submitted: ${outcome.kind}`);
    // Taken into handling (without an event, as a test shortcut): a besluit needs a case in handling.
    const [opened] = await database.db.update(cases).set({ status: "in-progress" }).where(eq(cases.submissionId, outcome.submissionId)).returning();
    return { party, caseId: opened!.id, reference: opened!.reference };
  }

  const send = (who: Staff, input: SendMessageInput) => database.db.transaction((tx) => sendMessage(tx as Tx, who, input));
  const message = async (id: string) => (await database.db.select().from(inboxMessages).where(eq(inboxMessages.id, id)))[0]!;
  const sent = (outcome: Awaited<ReturnType<typeof send>>) => {
    if (outcome.kind !== "sent") throw new Error(`not sent: ${JSON.stringify(outcome)}`);
    return outcome;
  };
  const pdf = (name: string) => ({ blobKey: `test/sending/${randomUUID()}`, fileName: name, fileType: "pdf", sizeBytes: 34_567, sha256: "b".repeat(64) });

  it("a besluit: six weeks from the day after placing, moved past Ascension Day; the clause names the register's bezwaar channels; the case is decided", async () => {
    const handler = await staff();
    const { party, caseId, reference } = await caseOfNewParty();
    const now = new Date("2027-03-25T10:00:00Z"); // Thursday: six weeks later is Ascension Day, 7 May 2027 is equated
    const outcome = sent(
      await send(handler, { caseId, kind: "decision", subject: "Besluit op uw klacht", body: "Wij hebben besloten uw klacht gegrond te verklaren.", term: null, replacesMessageId: null, attachments: [pdf("besluit.pdf")], now }),
    );
    expect(outcome).toMatchObject({ termEndsOn: "2027-05-10", digital: false });
    expect(outcome.termExplanation?.nl).toContain("Hemelvaartsdag");

    const stored = await message(outcome.messageId);
    expect(stored).toMatchObject({ kind: "decision", partyId: party.partyId, caseId, subject: "Besluit op uw klacht", termEndsOn: "2027-05-10", sentByStaffId: handler.staffUserId, replacesMessageId: null });
    expect(stored.placedAt.toISOString()).toBe(now.toISOString());
    // The stored text is what was sent: the body, then the clause from the channel register (the general objection product's channels).
    expect(stored.body.startsWith("Wij hebben besloten uw klacht gegrond te verklaren.\n\nBent u het niet eens met dit besluit?")).toBe(true);
    expect(stored.body).toContain("uiterlijk op maandag 10 mei 2027");
    expect(stored.body).toContain("Via het webformulier in MijnOmgeving: https://mijn.voorbeeldstad.example");
    expect(stored.body).toContain("Per e-mail: bezwaar@voorbeeldstad.example");
    expect(stored.body).toContain("Per post: Gemeente Voorbeeldstad, Postbus 1234, 1230 AA Voorbeeldstad");
    expect(stored.body).toContain(reference);
    expect(stored.body).toContain("voorlopige voorziening");
    expect(stored.body).not.toContain("klachten@voorbeeldstad.example");

    const files = await database.db.select().from(inboxMessageAttachments).where(eq(inboxMessageAttachments.messageId, outcome.messageId));
    expect(files).toEqual([expect.objectContaining({ fileName: "besluit.pdf", fileType: "pdf", position: 0, sizeBytes: 34_567 })]);

    const [after] = await database.db.select().from(cases).where(eq(cases.id, caseId));
    expect(after!.status).toBe("decided");
    const events = await database.db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId)).orderBy(asc(caseEvents.at));
    expect(events.map((e) => [e.kind, e.status])).toEqual([
      ["opened", "received"],
      ["status-changed", "decided"],
    ]);
    expect(events[1]).toMatchObject({ note: "Besluit verstuurd: Besluit op uw klacht", noteVisibleToParty: true, staffUserId: handler.staffUserId });

    const notices = await database.db.select().from(notifications).where(eq(notifications.messageRef, outcome.messageId));
    expect(notices).toEqual([expect.objectContaining({ kind: "decision", partyId: party.partyId, termEndsOn: "2027-05-10", status: "queued" })]);
    const [logged] = await database.db.select().from(processingLog).where(and(eq(processingLog.dataSubjectId, party.partyId), eq(processingLog.operationName, "message.send")));
    expect(logged).toMatchObject({ actorKind: "staff", actorId: handler.staffUserId, actorRole: "behandelaar", processingActivity: "berichtenverkeer" });
    expect(logged!.purpose).toContain(reference);
  });

  it("an information request: the handler's term, moved past King's Day; the case waits for information; digital when the party chose it", async () => {
    const handler = await staff();
    const { party, caseId } = await caseOfNewParty();
    await database.db.transaction((tx) => changeConsents(tx, { kind: "party", partyId: party.partyId }, party.partyId, { ...allOff, "information-request": true }));
    const now = new Date("2027-04-22T09:00:00Z"); // Thursday; five days later is Tuesday 27 April 2027, King's Day
    const outcome = sent(await send(handler, { caseId, kind: "information-request", subject: "Wij missen een document", body: "Stuur ons een kopie van uw bon.", term: { amount: 5, unit: "days" }, replacesMessageId: null, now }));
    expect(outcome).toMatchObject({ termEndsOn: "2027-04-28", digital: true });
    expect(await message(outcome.messageId)).toMatchObject({ kind: "information-request", termEndsOn: "2027-04-28", body: "Stuur ons een kopie van uw bon." });
    const [after] = await database.db.select().from(cases).where(eq(cases.id, caseId));
    expect(after!.status).toBe("information-requested");
    const [notice] = await database.db.select().from(notifications).where(eq(notifications.messageRef, outcome.messageId));
    expect(notice).toMatchObject({ kind: "information-request", termEndsOn: "2027-04-28" });

    // A last day the handler picks moves past a weekend and a holiday: Saturday 15 May 2027 -> past Whit Monday -> Tuesday 18 May.
    const picked = sent(await send(handler, { caseId, kind: "information-request", subject: "Nog een vraag", body: "Welke datum?", term: { endsOn: "2027-05-15" }, replacesMessageId: null, now }));
    expect(picked.termEndsOn).toBe("2027-05-18");

    // The case screen's list of messages shows the end that counts: recalculated once the notice reached the party later (R13).
    await database.db.insert(inboxMessageTerms).values({ messageId: outcome.messageId, countedFrom: new Date("2027-04-26T09:00:00Z"), endsOn: "2027-05-03", notificationId: notice!.id, reason: "notice-resent" });
    const listed = await database.db.transaction((tx) => caseMessagesIn(tx, caseId));
    // (Both were placed at the same moment, so their order is not the point here.)
    const ends = new Map(listed.filter((m) => m.kind === "information-request").map((m) => [m.subject, m.termEndsOn]));
    expect(ends).toEqual(
      new Map([
        ["Wij missen een document", "2027-05-03"],
        ["Nog een vraag", "2027-05-18"],
      ]),
    );
  });

  it("an information message has no term and leaves the status, with a note in the timeline", async () => {
    const handler = await staff();
    const { caseId } = await caseOfNewParty();
    const outcome = sent(await send(handler, { caseId, kind: "information", subject: "Uw klacht is in behandeling", body: "Wij nemen binnen twee weken contact op.", term: null, replacesMessageId: null }));
    expect(outcome.termEndsOn).toBeNull();
    expect(await message(outcome.messageId)).toMatchObject({ kind: "information", termEndsOn: null });
    const [after] = await database.db.select().from(cases).where(eq(cases.id, caseId));
    expect(after!.status).toBe("in-progress");
    const events = await database.db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId));
    expect(events.find((e) => e.kind === "note")).toMatchObject({ status: "in-progress", note: "Informatie verstuurd: Uw klacht is in behandeling" });
    const [notice] = await database.db.select().from(notifications).where(eq(notifications.messageRef, outcome.messageId));
    expect(notice).toMatchObject({ kind: "information", termEndsOn: null });
  });

  it("a party without digital consent for the kind: the answer says so, and the notice becomes a fallback task (a letter)", async () => {
    const handler = await staff();
    const { party, caseId } = await caseOfNewParty();
    await database.db.transaction((tx) => changeConsents(tx, { kind: "party", partyId: party.partyId }, party.partyId, { ...allOff, decision: true }));
    const outcome = sent(await send(handler, { caseId, kind: "information", subject: "Ter informatie", body: "Tekst.", term: null, replacesMessageId: null }));
    expect(outcome.digital).toBe(false);
    const [notice] = await database.db.select().from(notifications).where(eq(notifications.messageRef, outcome.messageId));
    expect(await deliverNotification(notice!.id)).toBe("failed");
    const tasks = await database.db.select().from(fallbackTasks).where(eq(fallbackTasks.notificationId, notice!.id));
    expect(tasks).toEqual([expect.objectContaining({ partyId: party.partyId, reason: "no-consent", status: "open" })]);
  });

  it("a correction is a new message that refers to the old one; both stay, and the old one cannot be changed", async () => {
    const handler = await staff();
    const { party, caseId } = await caseOfNewParty();
    const first = sent(await send(handler, { caseId, kind: "information", subject: "Afspraak op 3 mei", body: "U bent welkom op 3 mei.", term: null, replacesMessageId: null }));
    const correction = sent(await send(handler, { caseId, kind: "information", subject: "Correctie: afspraak op 4 mei", body: "Excuus: het is 4 mei.", term: null, replacesMessageId: first.messageId }));
    expect(await message(correction.messageId)).toMatchObject({ replacesMessageId: first.messageId });
    expect(await message(first.messageId)).toMatchObject({ subject: "Afspraak op 3 mei", body: "U bent welkom op 3 mei.", replacesMessageId: null });
    const [n] = await database.db.select({ n: count() }).from(inboxMessages).where(and(eq(inboxMessages.partyId, party.partyId), ne(inboxMessages.kind, "receipt")));
    expect(n!.n).toBe(2);
    const events = await database.db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId));
    expect(events.map((e) => e.note)).toContain("Correctie verstuurd (informatie): Correctie: afspraak op 4 mei");

    // The database refuses to change or delete a sent message or its files, whoever asks.
    await expect(database.db.update(inboxMessages).set({ body: "U bent welkom op 4 mei." }).where(eq(inboxMessages.id, first.messageId))).rejects.toThrow();
    await expect(database.db.update(inboxMessages).set({ replacesMessageId: correction.messageId }).where(eq(inboxMessages.id, first.messageId))).rejects.toThrow();
    await expect(database.db.delete(inboxMessages).where(eq(inboxMessages.id, first.messageId))).rejects.toThrow();
    const withFile = sent(await send(handler, { caseId, kind: "information", subject: "Met bijlage", body: "Zie de bijlage.", term: null, replacesMessageId: null, attachments: [pdf("brief.pdf")] }));
    await expect(database.db.update(inboxMessageAttachments).set({ fileName: "anders.pdf" }).where(eq(inboxMessageAttachments.messageId, withFile.messageId))).rejects.toThrow();
    await expect(database.db.delete(inboxMessageAttachments).where(eq(inboxMessageAttachments.messageId, withFile.messageId))).rejects.toThrow();
    expect(await message(first.messageId)).toMatchObject({ body: "U bent welkom op 3 mei." });
  });

  it("refuses a correction of another case's message, a non-PDF, a term in the past or too long, a term on a besluit", async () => {
    const handler = await staff();
    const { party, caseId } = await caseOfNewParty();
    const other = await caseOfNewParty();
    const elsewhere = sent(await send(handler, { caseId: other.caseId, kind: "information", subject: "Ander", body: "Ander.", term: null, replacesMessageId: null }));
    const base = { caseId, kind: "information" as const, subject: "Onderwerp", body: "Tekst.", term: null, replacesMessageId: null };
    const now = new Date("2027-04-22T09:00:00Z");
    expect(await send(handler, { ...base, replacesMessageId: elsewhere.messageId })).toEqual({ kind: "invalid", problems: ["U kunt alleen een bericht corrigeren dat u bij deze zaak heeft verstuurd. Kies dat bericht."] });
    const [receipt] = await database.db.select().from(inboxMessages).where(and(eq(inboxMessages.caseId, caseId), eq(inboxMessages.kind, "receipt")));
    expect(await send(handler, { ...base, replacesMessageId: receipt!.id })).toMatchObject({ kind: "invalid", problems: ["U kunt alleen een bericht corrigeren dat u bij deze zaak heeft verstuurd. Kies dat bericht."] });
    expect(await send(handler, { ...base, replacesMessageId: "geen-id" })).toMatchObject({ kind: "invalid" });
    expect(await send(handler, { ...base, attachments: [{ ...pdf("foto.pdf"), fileType: "jpeg" }] })).toEqual({ kind: "invalid", problems: [expect.stringContaining("foto.pdf is geen PDF")] });
    expect(await send(handler, { ...base, kind: "information-request", term: { endsOn: "2027-04-22" }, now })).toMatchObject({ kind: "invalid", problems: [expect.stringContaining("al voorbij")] });
    expect(await send(handler, { ...base, kind: "information-request", term: { amount: 27, unit: "weeks" }, now })).toMatchObject({ kind: "invalid", problems: [expect.stringContaining("1 tot en met 26 weken")] });
    expect(await send(handler, { ...base, kind: "information-request", term: null, now })).toMatchObject({ kind: "invalid" });
    expect(await send(handler, { ...base, kind: "decision", term: { amount: 2, unit: "weeks" }, now })).toMatchObject({ kind: "invalid", problems: [expect.stringContaining("Alleen een verzoek om informatie")] });
    expect(await send(handler, { ...base, caseId: randomUUID() })).toEqual({ kind: "not-found" });
    const [n] = await database.db.select({ n: count() }).from(inboxMessages).where(and(eq(inboxMessages.partyId, party.partyId), ne(inboxMessages.kind, "receipt")));
    expect(n!.n).toBe(0);
  });

  it("follows the case's status rules: no besluit before handling, after a besluit only a correction of it, on a closed case only information", async () => {
    const handler = await staff();
    const { caseId } = await caseOfNewParty();
    const base = { caseId, subject: "Onderwerp", body: "Tekst.", term: null, replacesMessageId: null };
    await database.db.update(cases).set({ status: "received" }).where(eq(cases.id, caseId));
    expect(await send(handler, { ...base, kind: "decision" })).toMatchObject({ kind: "not-allowed", problem: "decision-needs-handling", message: expect.stringContaining("Zet de zaak eerst op In behandeling") });
    await database.db.update(cases).set({ status: "in-progress" }).where(eq(cases.id, caseId));
    const decision = sent(await send(handler, { ...base, kind: "decision" }));
    expect(await send(handler, { ...base, kind: "decision" })).toMatchObject({ kind: "not-allowed", problem: "decided-only-corrects" });
    expect(await send(handler, { ...base, kind: "information-request", term: { amount: 2, unit: "weeks" } })).toMatchObject({ kind: "not-allowed", problem: "request-after-decision" });
    const correction = sent(await send(handler, { ...base, kind: "decision", replacesMessageId: decision.messageId }));
    expect((await message(correction.messageId)).replacesMessageId).toBe(decision.messageId);
    const [decided] = await database.db.select().from(cases).where(eq(cases.id, caseId));
    expect(decided!.status).toBe("decided");
    await database.db.update(cases).set({ status: "closed" }).where(eq(cases.id, caseId));
    expect(await send(handler, { ...base, kind: "decision", replacesMessageId: decision.messageId })).toMatchObject({ kind: "not-allowed", problem: "final" });
    expect((await send(handler, { ...base, kind: "information" })).kind).toBe("sent");
  });

  it("a staff member without message:send is refused, and nothing is sent", async () => {
    const balie = await staff(["balie"]);
    const { party, caseId } = await caseOfNewParty();
    await expect(send(balie, { caseId, kind: "information", subject: "Hallo", body: "Tekst.", term: null, replacesMessageId: null })).rejects.toBeInstanceOf(NotAllowedError);
    const [n] = await database.db.select({ n: count() }).from(inboxMessages).where(eq(inboxMessages.partyId, party.partyId));
    expect(n!.n).toBe(1); // the receipt only
  });

  it("a besluit cannot be sent when no channel is designated for bezwaar", async () => {
    const handler = await staff();
    const { party, caseId } = await caseOfNewParty();
    // Without the general objection product (made inactive inside this transaction only), the register names no channel.
    const outcome = await database.db
      .transaction(async (tx) => {
        await tx.update(products).set({ active: false }).where(eq(products.slug, "bezwaar-maken"));
        const result = await sendMessage(tx as Tx, handler, { caseId, kind: "decision", subject: "Besluit", body: "Tekst.", term: null, replacesMessageId: null });
        throw Object.assign(new Error("roll back"), { result });
      })
      .catch((error: { result?: unknown }) => error.result);
    expect(outcome).toEqual({ kind: "no-objection-channel", message: expect.stringContaining("Er is geen kanaal aangewezen voor bezwaar; een besluit kan zo niet worden verstuurd") });
    const [after] = await database.db.select().from(cases).where(eq(cases.id, caseId));
    expect(after!.status).toBe("in-progress");
    const [n] = await database.db.select({ n: count() }).from(inboxMessages).where(eq(inboxMessages.partyId, party.partyId));
    expect(n!.n).toBe(1);
  });

  it("a product with bezwaar channels of its own names those, not the general objection product's", async () => {
    const handler = await staff();
    const { caseId } = await caseOfNewParty();
    const outcome = await database.db
      .transaction(async (tx) => {
        const [klacht] = await tx.select().from(products).where(eq(products.slug, "klacht-indienen"));
        const [mail] = await tx.select().from(channels).where(eq(channels.code, "klachten-email"));
        await tx.insert(productMessageTypes).values({ productId: klacht!.id, messageType: "bezwaar", official: true });
        await tx.insert(channelDesignations).values({ productId: klacht!.id, messageType: "bezwaar", channelId: mail!.id, validFrom: "2026-01-01", decisionTitle: "Testbesluit", decisionDate: "2025-12-01" });
        const result = await sendMessage(tx as Tx, handler, { caseId, kind: "decision", subject: "Besluit", body: "Tekst.", term: null, replacesMessageId: null });
        const body = result.kind === "sent" ? (await tx.select().from(inboxMessages).where(eq(inboxMessages.id, result.messageId)))[0]!.body : null;
        throw Object.assign(new Error("roll back"), { body });
      })
      .catch((error: { body?: string | null }) => error.body);
    expect(outcome).toContain("Per e-mail: klachten@voorbeeldstad.example");
    expect(outcome).not.toContain("bezwaar@voorbeeldstad.example");
  });

  it("a failure in any part leaves nothing behind: no message, file, status change, event, log entry or notice", async () => {
    const handler = await staff();
    for (const table of ["inbox_messages", "inbox_message_attachments", "case_events", "processing_log", "notifications"]) {
      const { party, caseId } = await caseOfNewParty();
      await database.db.execute(sql.raw(`create function fail_${table}() returns trigger language plpgsql as $$ begin raise exception 'simulated failure'; end; $$`));
      await database.db.execute(sql.raw(`create trigger fail_${table} before insert on ${table} for each row execute function fail_${table}()`));
      try {
        await expect(send(handler, { caseId, kind: "decision", subject: "Besluit", body: "Tekst.", term: null, replacesMessageId: null, attachments: [pdf("besluit.pdf")] })).rejects.toThrow();
      } finally {
        await database.db.execute(sql.raw(`drop trigger fail_${table} on ${table}`));
        await database.db.execute(sql.raw(`drop function fail_${table}()`));
      }
      const [messages] = await database.db.select({ n: count() }).from(inboxMessages).where(eq(inboxMessages.partyId, party.partyId));
      const [files] = await database.db.select({ n: count() }).from(inboxMessageAttachments).innerJoin(inboxMessages, eq(inboxMessages.id, inboxMessageAttachments.messageId)).where(eq(inboxMessages.partyId, party.partyId));
      const [events] = await database.db.select({ n: count() }).from(caseEvents).where(eq(caseEvents.caseId, caseId));
      const [notices] = await database.db.select({ n: count() }).from(notifications).where(eq(notifications.partyId, party.partyId));
      const [logged] = await database.db.select({ n: count() }).from(processingLog).where(and(eq(processingLog.dataSubjectId, party.partyId), eq(processingLog.operationName, "message.send")));
      const [after] = await database.db.select().from(cases).where(eq(cases.id, caseId));
      expect([messages!.n, files!.n, events!.n, notices!.n, logged!.n, after!.status], `failure in ${table}`).toEqual([1, 0, 1, 1, 0, "in-progress"]);
      // And once the failure is gone, the same message goes out.
      expect((await send(handler, { caseId, kind: "decision", subject: "Besluit", body: "Tekst.", term: null, replacesMessageId: null })).kind).toBe("sent");
    }
  });
});
