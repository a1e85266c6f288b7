import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { schema, type Tx } from "@/db";
import { seedDemoData } from "@/db/seed";
import type { Actor } from "@/lib/auth/policy";
import { demoObjectionAnswers } from "@/lib/cases/demo";
import { sendMessage, type SendMessageInput } from "@/lib/inbox/send";
import { startJobs, stopJobs } from "@/lib/jobs/runtime";
import { deliverNotificationJob } from "@/lib/notifications/jobs";
import { postReply } from "@/lib/replies/flow";
import { startObjection } from "@/lib/replies/objection";
import { caseReplies, objectionBanner, replyPage } from "@/lib/replies/queries";
import { attachmentStore } from "@/lib/submissions/attachments/configured";
import { draftState, loadDraft, saveDraftState, startDraft, type SubmittingParty } from "@/lib/submissions/drafts";
import { countDrafts } from "@/lib/submissions/draft-queries";
import { recordHash } from "@/lib/submissions/record";
import { submitDraft } from "@/lib/submissions/submit";
import { ownSubmission } from "@/lib/submissions/view-queries";
import { testDatabases, useTestDatabase } from "../support/database";

const { parties, staffUsers, cases, caseEvents, inboxMessages, notifications, submissions, submissionAttachments, submissionDrafts, draftAttachments, processingLog } = schema;
type Staff = Extract<Actor, { kind: "staff" }>;
let kvk = 74000000;
// Each test makes several cases through the real services; on a busy machine that takes a while.
vi.setConfig({ testTimeout: 240_000, hookTimeout: 240_000 });
let staffCount = 0;

const BASE = "http://localhost:3430";

/** The start of a real PDF, then filler. */
function pdf(bytes = 2000): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(new ArrayBuffer(bytes)).fill(0x20);
  out.set(new TextEncoder().encode("%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n"), 0);
  return out;
}
const exe = () => {
  const out = new Uint8Array(new ArrayBuffer(3000));
  out.set([0x4d, 0x5a, 0x90, 0x00, 0x03], 0);
  return out;
};

function multipart(path: string, parts: [string, string | File][]): Request {
  const body = new FormData();
  for (const [name, value] of parts) body.append(name, value);
  return new Request(`${BASE}${path}`, { method: "POST", body });
}

const complaint = { naam: "Jan de Vries", email: "jan@example.org", telefoon: "", datum: "2026-11-02", afdeling: "balie", wat: "Ik moest twee uur wachten.", verwachting: "", contact: "email", toelichting: "" };

describe.each(testDatabases())("replying to and objecting against messages on %s", (kind) => {
  const database = useTestDatabase(kind);
  let seeded = false;
  beforeAll(() => startJobs({ handle: database.handle, role: "web", jobs: [deliverNotificationJob] }), 60_000);
  afterAll(() => stopJobs(), 60_000);

  async function staff(): Promise<Staff> {
    const n = ++staffCount;
    const [row] = await database.db.insert(staffUsers).values({ email: `replies${n}@voorbeeldstad.example`, displayName: `Behandelaar ${n}`, roles: ["behandelaar"] }).returning();
    return { kind: "staff", staffUserId: row!.id, roles: ["behandelaar"], sessionId: `r${n}`, displayName: row!.displayName };
  }

  /** A new party with a case of the product (bezwaar-maken: inbox replies designated by the demo seed; klacht-indienen: not). */
  async function caseOfNewParty(slug: "bezwaar-maken" | "klacht-indienen" = "bezwaar-maken") {
    if (!seeded) {
      await seedDemoData(database.db);
      seeded = true;
    }
    const [row] = await database.db.insert(parties).values({ kind: "business", kvkNumber: String(++kvk) }).returning({ id: parties.id });
    const party: SubmittingParty = { kind: "party", partyId: row!.id, partyKind: "business", sessionId: "test", level: "eh3" };
    const now = new Date("2026-11-27T10:15:00Z");
    const started = await database.db.transaction((tx) => startDraft(tx, party, slug, { now }));
    if (started.kind !== "started") throw new Error(`not started: ${started.kind}`);
    const loaded = (await loadDraft(database.db, party.partyId, started.draftId))!;
    await saveDraftState(database.db, loaded, { ...draftState(loaded), page: "check", values: (slug === "bezwaar-maken" ? demoObjectionAnswers(now) : complaint) as never });
    const outcome = await database.db.transaction((tx) => submitDraft(tx as Tx, party, started.draftId, { locale: "nl", now }));
    if (outcome.kind !== "submitted") throw new Error(`not submitted: ${JSON.stringify(outcome)}`);
    const [opened] = await database.db.select().from(cases).where(eq(cases.submissionId, outcome.submissionId));
    return { party, caseId: opened!.id, reference: opened!.reference, receiptMessageId: (await database.db.select({ id: inboxMessages.id }).from(inboxMessages).where(eq(inboxMessages.submissionId, outcome.submissionId)))[0]!.id };
  }

  async function send(caseId: string, input: Partial<SendMessageInput> & Pick<SendMessageInput, "kind">) {
    const sender = await staff();
    // A besluit needs a case in handling (a test shortcut, without an event).
    if (input.kind === "decision") await database.db.update(schema.cases).set({ status: "in-progress" }).where(and(eq(schema.cases.id, caseId), eq(schema.cases.status, "received")));
    const outcome = await database.db.transaction(async (tx) =>
      sendMessage(tx as Tx, sender, { caseId, subject: "Wij missen een document", body: "Stuur ons een kopie van uw bon.", term: input.kind === "information-request" ? { amount: 5, unit: "days" } : null, replacesMessageId: null, now: new Date("2026-11-30T09:00:00Z"), ...input }),
    );
    if (outcome.kind !== "sent") throw new Error(`not sent: ${JSON.stringify(outcome)}`);
    return outcome;
  }

  const reply = (party: SubmittingParty, messageId: string, parts: [string, string | File][], now = new Date("2026-12-01T10:00:00Z")) =>
    postReply(multipart(`/mijn/berichten/${messageId}/reageren`, parts), party, messageId, { locale: "nl", now });

  it("a reply is one submission with its attachment, receipt, notice, case event and log entry; the case is handled again; a double post makes no second", async () => {
    const { party, caseId } = await caseOfNewParty();
    const request = await send(caseId, { kind: "information-request" });
    expect((await database.db.select().from(cases).where(eq(cases.id, caseId)))[0]!.status).toBe("information-requested");
    const key = (await replyPage(party, request.messageId, new Date("2026-12-01T10:00:00Z")))!.key;
    const parts: [string, string | File][] = [
      ["sleutel", key],
      ["reactie", "Hierbij de bon die u vroeg."],
      ["bijlagen", new File([pdf()], "bon.pdf", { type: "application/pdf" })],
      ["actie", "verstuur"],
    ];
    const first = await reply(party, request.messageId, parts);
    expect(first.kind).toBe("redirect");
    const location = first.kind === "redirect" ? first.location : "";
    expect(location).toMatch(/^\/mijn\/inzendingen\/[0-9a-f-]{36}$/);
    const submissionId = location.split("/").pop()!;

    const [stored] = await database.db.select().from(submissions).where(eq(submissions.id, submissionId));
    expect(stored).toMatchObject({ partyId: party.partyId, messageType: "aanvulling", inReplyToMessageId: request.messageId, formVersionId: null, idempotencyKey: key });
    expect(stored!.reference).toMatch(/^AA-2026-\d{6}$/);
    expect(stored!.payload).toMatchObject({ reactie: "Hierbij de bon die u vroeg." });
    const files = await database.db.select().from(submissionAttachments).where(eq(submissionAttachments.submissionId, submissionId));
    expect(files).toEqual([expect.objectContaining({ fileName: "bon.pdf", fileType: "pdf", fieldId: "bijlagen", position: 0 })]);
    expect(recordHash({ ...stored!, attachments: files })).toBe(stored!.hash);

    // The receipt in the inbox, with its notice; the receipt page and copy read it with the built-in reply form.
    const [receipt] = await database.db.select().from(inboxMessages).where(and(eq(inboxMessages.submissionId, submissionId), eq(inboxMessages.kind, "receipt")));
    expect(receipt).toMatchObject({ partyId: party.partyId, caseId });
    expect(receipt!.body).toContain(stored!.reference);
    expect(receipt!.body).toContain("bon.pdf");
    const notices = await database.db.select().from(notifications).where(and(eq(notifications.partyId, party.partyId), eq(notifications.messageRef, receipt!.id)));
    expect(notices).toHaveLength(1);
    const view = await ownSubmission(party, submissionId);
    expect(view?.stored.form.definition.steps[0]!.fields[0]!.id).toBe("reactie");
    expect(view?.caseRow?.id).toBe(caseId);

    // The case: back in progress, with an event the party sees; no second case.
    const [caseRow] = await database.db.select().from(cases).where(eq(cases.id, caseId));
    expect(caseRow!.status).toBe("in-progress");
    const events = await database.db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId));
    expect(events.at(-1)).toMatchObject({ kind: "status-changed", status: "in-progress", noteVisibleToParty: true });
    expect(events.at(-1)!.note).toContain(stored!.reference);
    expect((await database.db.select({ n: count() }).from(cases).where(eq(cases.partyId, party.partyId)))[0]!.n).toBe(1);
    expect((await database.db.select({ n: count() }).from(processingLog).where(eq(processingLog.dataSubjectId, party.partyId)))[0]!.n).toBeGreaterThanOrEqual(2);
    // The draft is gone.
    expect((await database.db.select({ n: count() }).from(submissionDrafts).where(eq(submissionDrafts.partyId, party.partyId)))[0]!.n).toBe(0);

    // The same post again (double click, back button): the same reply.
    const again = await reply(party, request.messageId, [
      ["sleutel", key],
      ["reactie", "Hierbij de bon die u vroeg."],
      ["actie", "verstuur"],
    ]);
    expect(again).toEqual({ kind: "redirect", location });
    expect((await database.db.select({ n: count() }).from(submissions).where(eq(submissions.inReplyToMessageId, request.messageId)))[0]!.n).toBe(1);

    // The handler sees it, on time.
    const rows = await caseReplies(await staff(), caseId, "nl");
    expect(rows).toEqual([expect.objectContaining({ submissionId, kind: "reply", late: false, lateReason: null, files: 1 })]);
  });

  it("a refused file and a text too short keep the text and the files already added", async () => {
    const { party, caseId } = await caseOfNewParty();
    const request = await send(caseId, { kind: "information-request" });
    const key = (await replyPage(party, request.messageId))!.key;
    const first = await reply(party, request.messageId, [
      ["sleutel", key],
      ["reactie", "Mijn antwoord"],
      ["bijlagen", new File([pdf()], "goed.pdf", { type: "application/pdf" })],
      ["bijlagen", new File([exe()], "virus.pdf", { type: "application/pdf" })],
      ["actie", "verstuur"],
    ]);
    expect(first).toEqual({ kind: "redirect", location: `/mijn/berichten/${request.messageId}/reageren#foutmeldingen` });
    let page = (await replyPage(party, request.messageId))!;
    expect(page.key).toBe(key);
    expect(page.text).toBe("Mijn antwoord");
    expect(page.files.map((f) => f.name)).toEqual(["goed.pdf"]);
    expect(page.errors).toEqual([expect.objectContaining({ field: "f-bijlagen", message: expect.stringContaining("virus.pdf") })]);
    expect((await database.db.select({ n: count() }).from(submissions).where(eq(submissions.inReplyToMessageId, request.messageId)))[0]!.n).toBe(0);
    // A reply being written is not one of the product drafts.
    expect(await countDrafts(party)).toBe(0);

    // Too short: nothing sent, the file stays.
    await reply(party, request.messageId, [["sleutel", key], ["reactie", " "], ["actie", "verstuur"]]);
    page = (await replyPage(party, request.messageId))!;
    expect(page.errors).toEqual([expect.objectContaining({ field: "f-reactie" })]);
    expect(page.files.map((f) => f.name)).toEqual(["goed.pdf"]);

    // Removing the file takes its bytes away too.
    const [file] = await database.db.select().from(draftAttachments).where(eq(draftAttachments.id, page.files[0]!.id));
    await reply(party, request.messageId, [["sleutel", key], ["reactie", "Mijn antwoord"], ["actie", `verwijder:${file!.id}`]]);
    expect((await replyPage(party, request.messageId))!.files).toEqual([]);
    await expect(
      (async () => {
        for await (const _ of attachmentStore().open(file!.blobKey)) return;
      })(),
    ).rejects.toThrow();
  });

  it("someone else's message, a receipt and a besluit cannot be replied to", async () => {
    const { party, caseId, receiptMessageId } = await caseOfNewParty();
    const other = await caseOfNewParty();
    const request = await send(caseId, { kind: "information-request" });
    expect(await replyPage(other.party, request.messageId)).toBeNull();
    expect(await reply(other.party, request.messageId, [["sleutel", crypto.randomUUID()], ["reactie", "Niet van mij"], ["actie", "verstuur"]])).toEqual({ kind: "not-found" });
    expect(await replyPage(party, receiptMessageId)).toBeNull();
    expect(await reply(party, receiptMessageId, [["sleutel", crypto.randomUUID()], ["reactie", "Een ontvangstbevestiging"], ["actie", "verstuur"]])).toEqual({ kind: "not-found" });
    const decision = await send(caseId, { kind: "decision", subject: "Besluit op uw bezwaar", body: "Wij verklaren uw bezwaar ongegrond." });
    expect(await replyPage(party, decision.messageId)).toBeNull();
    expect((await database.db.select({ n: count() }).from(submissions).where(eq(submissions.partyId, other.party.partyId)))[0]!.n).toBe(1);
  });

  it("a product without the inbox designated for replies refuses, and says where to send it instead", async () => {
    const { party, caseId } = await caseOfNewParty("klacht-indienen");
    const request = await send(caseId, { kind: "information-request" });
    const page = (await replyPage(party, request.messageId))!;
    expect(page.designated).toBe(false);
    const outcome = await reply(party, request.messageId, [["sleutel", page.key], ["reactie", "Hier is mijn antwoord."], ["actie", "verstuur"]]);
    expect(outcome).toEqual({ kind: "redirect", location: `/mijn/berichten/${request.messageId}/reageren` });
    expect((await database.db.select({ n: count() }).from(submissions).where(eq(submissions.inReplyToMessageId, request.messageId)))[0]!.n).toBe(0);
  });

  it("a reply after the term is taken and marked late, with the reason for the handler", async () => {
    const { party, caseId } = await caseOfNewParty();
    const request = await send(caseId, { kind: "information-request" }); // placed Monday 30 November 2026, 5 days: ends Saturday 5 December, moved to Monday 7 December
    const stored = (await database.db.select().from(inboxMessages).where(eq(inboxMessages.id, request.messageId)))[0]!;
    const late = new Date(`${stored.termEndsOn}T10:00:00Z`);
    late.setUTCDate(late.getUTCDate() + 3);
    const page = (await replyPage(party, request.messageId, late))!;
    expect(page.termPassed).toBe(true);
    const outcome = await reply(party, request.messageId, [["sleutel", page.key], ["reactie", "Sorry, ik ben te laat."], ["actie", "verstuur"]], late);
    expect(outcome.kind === "redirect" && outcome.location.startsWith("/mijn/inzendingen/")).toBe(true);
    const [row] = await caseReplies(await staff(), caseId, "nl");
    expect(row).toMatchObject({ late: true });
    expect(row!.lateReason).toMatch(/^Reactie ontvangen op \d+ \w+ 2026, 3 dagen na het einde van de termijn \(\d+ \w+ 2026\)\.$/);
  });

  it("objecting against a besluit starts a bezwaar draft with the besluit filled in; the message id goes to the submission", async () => {
    const { party, caseId, reference, receiptMessageId } = await caseOfNewParty();
    const decision = await send(caseId, { kind: "decision", subject: "Besluit op uw bezwaar", body: "Wij verklaren uw bezwaar ongegrond." });
    const other = await caseOfNewParty();
    expect(await database.db.transaction((tx) => startObjection(tx, other.party, decision.messageId))).toEqual({ kind: "not-a-decision" });
    expect(await database.db.transaction((tx) => startObjection(tx, party, receiptMessageId))).toEqual({ kind: "not-a-decision" });

    const started = await database.db.transaction((tx) => startObjection(tx, party, decision.messageId, new Date("2026-12-02T09:00:00Z")));
    expect(started).toMatchObject({ kind: "started", slug: "bezwaar-maken" });
    if (started.kind !== "started") return;
    const loaded = (await loadDraft(database.db, party.partyId, started.draftId))!;
    expect(loaded.draft).toMatchObject({ messageType: "bezwaar", inReplyToMessageId: decision.messageId });
    expect(loaded.draft.answers).toMatchObject({ besluit: "Besluit op uw bezwaar", kenmerk: reference, besluitdatum: "2026-11-30" });
    expect(await objectionBanner(party, started.draftId)).toMatchObject({ messageId: decision.messageId, subject: "Besluit op uw bezwaar" });
    expect(await objectionBanner(other.party, started.draftId)).toBeNull();

    const answers = { ...demoObjectionAnswers(new Date("2026-12-02T09:00:00Z")), besluit: "Besluit op uw bezwaar", kenmerk: reference, besluitdatum: "2026-11-30" };
    await saveDraftState(database.db, loaded, { ...draftState(loaded), page: "check", values: answers as never });
    const outcome = await database.db.transaction((tx) => submitDraft(tx as Tx, party, started.draftId, { locale: "nl", now: new Date("2026-12-02T09:00:00Z") }));
    expect(outcome.kind).toBe("submitted");
    if (outcome.kind !== "submitted") return;
    const [stored] = await database.db.select().from(submissions).where(eq(submissions.id, outcome.submissionId));
    expect(stored).toMatchObject({ messageType: "bezwaar", inReplyToMessageId: decision.messageId });
    expect(await caseReplies(await staff(), caseId, "nl")).toEqual([expect.objectContaining({ submissionId: outcome.submissionId, kind: "objection", late: false })]);
  });
});
