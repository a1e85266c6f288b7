import { and, count, eq, ne } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schema, type Tx } from "@/db";
import { seedDemoData } from "@/db/seed";
import type { Actor } from "@/lib/auth/policy";
import { startJobs, stopJobs } from "@/lib/jobs/runtime";
import { changeConsents } from "@/lib/notifications/contacts";
import { deliverNotification } from "@/lib/notifications/delivery";
import { deliverNotificationJob } from "@/lib/notifications/jobs";
import { composePreview, loadMessageDraft, postCompose } from "@/lib/inbox/compose";
import { deleteStaleMessageDrafts } from "@/lib/inbox/draft-housekeeping";
import { messageLetterDocument } from "@/lib/inbox/letter";
import { messageLetterForStaff, recordMessageLetter } from "@/lib/inbox/letter-queries";
import { attachmentStore } from "@/lib/submissions/attachments/configured";
import type { SubmittingParty } from "@/lib/submissions/drafts";
import { draftState, loadDraft, saveDraftState, startDraft } from "@/lib/submissions/drafts";
import { submitDraft } from "@/lib/submissions/submit";
import { testDatabases, useTestDatabase } from "../support/database";

const { parties, staffUsers, cases, inboxMessages, inboxMessageAttachments, messageDrafts, messageLetters, processingLog, notifications, fallbackTasks } = schema;
type Staff = Extract<Actor, { kind: "staff" }>;
let kvk = 73000000;
let staffCount = 0;

const complaint = { naam: "Jan de Vries", email: "jan@example.org", telefoon: "", datum: "2026-11-02", afdeling: "balie", wat: "Ik moest twee uur wachten.", verwachting: "", contact: "email", toelichting: "" };
const allOff = { decision: false, "information-request": false, information: false, receipt: false, reminder: false, outage: false, "draft-expiring": false };

const pdf = (size = 2000) => {
  const out = new Uint8Array(new ArrayBuffer(size));
  out.set(new TextEncoder().encode("%PDF-1.7\n"), 0);
  return out;
};

const BASE = "http://localhost:3440";

function multipart(caseId: string, parts: [string, string | File][]): Request {
  const body = new FormData();
  for (const [name, value] of parts) body.append(name, value);
  return new Request(`${BASE}/behandeling/zaken/${caseId}/bericht`, { method: "POST", body });
}

function urlencoded(caseId: string, fields: Record<string, string>): Request {
  return new Request(`${BASE}/behandeling/zaken/${caseId}/bericht`, { method: "POST", body: new URLSearchParams(fields), headers: { "content-type": "application/x-www-form-urlencoded" } });
}

/** The draft id in a redirect to the form or the check page. */
function draftOf(location: string): string {
  return new URL(location, BASE).searchParams.get("concept") ?? "";
}

async function stored(key: string): Promise<boolean> {
  try {
    for await (const _ of attachmentStore().open(key)) return true;
    return true;
  } catch {
    return false;
  }
}

describe.each(testDatabases())("a case handler writes and sends a message on %s", (kind) => {
  const database = useTestDatabase(kind);
  let seeded = false;
  beforeAll(() => startJobs({ handle: database.handle, role: "web", jobs: [deliverNotificationJob] }), 60_000);
  afterAll(() => stopJobs(), 60_000);

  async function staff(): Promise<Staff> {
    const n = ++staffCount;
    const [row] = await database.db
      .insert(staffUsers)
      .values({ email: `compose${n}-${kind}@voorbeeldstad.example`, displayName: `Behandelaar ${n}`, roles: ["behandelaar"] })
      .returning();
    return { kind: "staff", staffUserId: row!.id, roles: ["behandelaar"], sessionId: `c${n}`, displayName: row!.displayName };
  }

  async function caseInHandling(digital: boolean): Promise<{ party: SubmittingParty; caseId: string }> {
    if (!seeded) {
      await seedDemoData(database.db);
      seeded = true;
    }
    const [row] = await database.db.insert(parties).values({ kind: "business", kvkNumber: String(++kvk) }).returning({ id: parties.id });
    const party: SubmittingParty = { kind: "party", partyId: row!.id, partyKind: "business", sessionId: "test", level: "eh3" };
    const started = await database.db.transaction((tx) => startDraft(tx, party, "klacht-indienen"));
    if (started.kind !== "started") throw new Error(started.kind);
    const loaded = (await loadDraft(database.db, party.partyId, started.draftId))!;
    await saveDraftState(database.db, loaded, { ...draftState(loaded), page: "check", values: complaint });
    const outcome = await database.db.transaction((tx) => submitDraft(tx as Tx, party, started.draftId, { locale: "nl" }));
    if (outcome.kind !== "submitted") throw new Error(outcome.kind);
    const [opened] = await database.db.update(cases).set({ status: "in-progress" }).where(eq(cases.submissionId, outcome.submissionId)).returning();
    if (digital) await database.db.transaction((tx) => changeConsents(tx, { kind: "party", partyId: party.partyId }, party.partyId, { ...allOff, decision: true, "information-request": true }));
    return { party, caseId: opened!.id };
  }

  const sentMessages = async (partyId: string) => database.db.select().from(inboxMessages).where(and(eq(inboxMessages.partyId, partyId), ne(inboxMessages.kind, "receipt")));

  it("mistakes and a refused file keep every value and the stored PDF; the check page shows the clause; sending places it once", async () => {
    const handler = await staff();
    const { party, caseId } = await caseInHandling(true);

    // A besluit without a subject, with one good PDF and one that is not a PDF.
    const first = await postCompose(
      multipart(caseId, [
        ["soort", "besluit"],
        ["onderwerp", ""],
        ["tekst", "Wij verklaren uw klacht gegrond."],
        ["actie", "controleren"],
        ["bijlagen", new File([pdf()], "besluit.pdf")],
        ["bijlagen", new File(["gewone tekst"], "notitie.txt")],
      ]),
      handler,
      caseId,
      { locale: "nl" },
    );
    expect(first.kind).toBe("redirect");
    const location = (first as { location: string }).location;
    expect(location).toContain("#foutmeldingen");
    const draft = (await loadMessageDraft(database.db, handler, caseId, draftOf(location)))!;
    expect(draft.values).toMatchObject({ soort: "besluit", tekst: "Wij verklaren uw klacht gegrond." });
    expect(draft.errors).toEqual([
      { field: "onderwerp", message: "Vul een onderwerp in." },
      { field: "bijlagen", message: expect.stringContaining("notitie.txt") },
    ]);
    expect(draft.attachments).toEqual([expect.objectContaining({ fileName: "besluit.pdf", fileType: "pdf", sizeBytes: 2000 })]);
    expect(await stored(draft.attachments[0]!.blobKey)).toBe(true);

    // Another handler cannot see or use this draft.
    const other = await staff();
    expect(await loadMessageDraft(database.db, other, caseId, draft.id)).toBeNull();

    // Fixed: the check page.
    const second = await postCompose(urlencoded(caseId, { concept: draft.id, soort: "besluit", onderwerp: "Besluit op uw klacht", tekst: "Wij verklaren uw klacht gegrond.", actie: "controleren" }), handler, caseId, { locale: "nl" });
    expect((second as { location: string }).location).toContain("stap=controleren");
    const checked = (await loadMessageDraft(database.db, handler, caseId, draft.id))!;
    expect(checked.errors).toEqual([]);
    expect(checked.attachments).toHaveLength(1);
    const preview = await composePreview(handler, caseId, checked);
    expect(preview).toMatchObject({ kind: "preview", digital: true });
    expect(preview.kind === "preview" && preview.body).toContain("Bent u het niet eens met dit besluit?");
    expect(await sentMessages(party.partyId)).toHaveLength(0);

    // Send, and a double click.
    const sent = await postCompose(urlencoded(caseId, { concept: draft.id, actie: "versturen" }), handler, caseId, { locale: "nl" });
    const again = await postCompose(urlencoded(caseId, { concept: draft.id, actie: "versturen" }), handler, caseId, { locale: "nl" });
    const messages = await sentMessages(party.partyId);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ kind: "decision", subject: "Besluit op uw klacht" });
    expect((sent as { location: string }).location).toBe(`/behandeling/zaken/${caseId}?melding=message-sent&bericht=${messages[0]!.id}`);
    expect(again).toEqual({ kind: "redirect", location: `/behandeling/zaken/${caseId}` });
    const files = await database.db.select().from(inboxMessageAttachments).where(eq(inboxMessageAttachments.messageId, messages[0]!.id));
    expect(files).toEqual([expect.objectContaining({ fileName: "besluit.pdf", blobKey: draft.attachments[0]!.blobKey })]);
    const [left] = await database.db.select({ n: count() }).from(messageDrafts).where(eq(messageDrafts.id, draft.id));
    expect(left!.n).toBe(0);
    const [decided] = await database.db.select().from(cases).where(eq(cases.id, caseId));
    expect(decided!.status).toBe("decided");
  });

  it("removing a stored file keeps the typed text; a request needs a term; the status rules are explained on the kind", async () => {
    const handler = await staff();
    const { caseId } = await caseInHandling(true);
    const first = await postCompose(
      multipart(caseId, [
        ["soort", "verzoek"],
        ["onderwerp", "Wij missen een foto"],
        ["tekst", "Stuur ons een foto van de situatie."],
        ["actie", "controleren"],
        ["bijlagen", new File([pdf()], "toelichting.pdf")],
      ]),
      handler,
      caseId,
      { locale: "nl" },
    );
    const id = draftOf((first as { location: string }).location);
    let draft = (await loadMessageDraft(database.db, handler, caseId, id))!;
    expect(draft.errors).toEqual([{ field: "termijn-eenheid", message: expect.stringContaining("hoeveel dagen of weken") }]);
    const key = draft.attachments[0]!.blobKey;

    await postCompose(urlencoded(caseId, { concept: id, soort: "verzoek", onderwerp: "Wij missen een foto", tekst: "Stuur ons een foto van de situatie.", "termijn-eenheid": "weken", "termijn-aantal": "2", actie: "verwijder:0" }), handler, caseId, { locale: "nl" });
    draft = (await loadMessageDraft(database.db, handler, caseId, id))!;
    expect(draft.attachments).toEqual([]);
    expect(draft.values).toMatchObject({ onderwerp: "Wij missen een foto", "termijn-eenheid": "weken", "termijn-aantal": "2" });
    expect(await stored(key)).toBe(false);

    // A besluit on a received case is refused with the rule, on the kind field.
    await database.db.update(cases).set({ status: "received" }).where(eq(cases.id, caseId));
    await postCompose(urlencoded(caseId, { concept: id, soort: "besluit", onderwerp: "Besluit", tekst: "Tekst.", actie: "controleren" }), handler, caseId, { locale: "nl" });
    draft = (await loadMessageDraft(database.db, handler, caseId, id))!;
    expect(draft.errors).toEqual([{ field: "soort", message: expect.stringContaining("Zet de zaak eerst op In behandeling") }]);
  });

  it("a party without digital consent: the check page and the answer say so; the letter is recorded with its address and logged", async () => {
    const handler = await staff();
    const { party, caseId } = await caseInHandling(false);
    const checked = await postCompose(urlencoded(caseId, { soort: "informatie", onderwerp: "Uw klacht is in behandeling", tekst: "Wij bellen u volgende week.", actie: "controleren" }), handler, caseId, { locale: "nl" });
    const id = draftOf((checked as { location: string }).location);
    const preview = await composePreview(handler, caseId, (await loadMessageDraft(database.db, handler, caseId, id))!);
    expect(preview).toMatchObject({ kind: "preview", digital: false });
    const sent = await postCompose(urlencoded(caseId, { concept: id, actie: "versturen" }), handler, caseId, { locale: "nl" });
    const [message] = await sentMessages(party.partyId);
    // Delivery finds no consent and opens a task for the counter.
    const [notice] = await database.db.select().from(notifications).where(eq(notifications.messageRef, message!.id));
    await deliverNotification(notice!.id);
    const [task] = await database.db.select().from(fallbackTasks).where(eq(fallbackTasks.notificationId, notice!.id));
    expect(task).toMatchObject({ status: "open", reason: "no-consent" });
    expect((sent as { location: string }).location).toContain("melding=message-by-post");

    expect(await database.db.transaction((tx) => recordMessageLetter(tx, handler, message!.id, "   \n "))).toEqual({ kind: "invalid", problem: "required" });
    expect(await database.db.transaction((tx) => recordMessageLetter(tx, handler, message!.id, Array.from({ length: 7 }, (_, i) => `Regel ${i}`).join("\n")))).toEqual({ kind: "invalid", problem: "too-long" });
    expect(await database.db.transaction((tx) => recordMessageLetter(tx, handler, message!.id, "Bakkerij De Korenaar BV\n Dorpsstraat 1 \n\n1234 AB  Voorbeeldstad"))).toEqual({ kind: "recorded" });
    const [letter] = await database.db.select().from(messageLetters).where(eq(messageLetters.messageId, message!.id));
    // The counter's fallback task for the notice without consent is done by this letter.
    const tasks = await database.db.select().from(fallbackTasks).where(eq(fallbackTasks.partyId, party.partyId));
    expect(tasks.length).toBeGreaterThan(0);
    expect(tasks.every((task) => task.status === "closed" && task.outcome === "letter-sent")).toBe(true);
    expect(letter).toMatchObject({ postalAddress: "Bakkerij De Korenaar BV\nDorpsstraat 1\n1234 AB  Voorbeeldstad", staffUserId: handler.staffUserId });

    const view = (await messageLetterForStaff(handler, message!.id, "message.letter.view"))!;
    expect(view).toMatchObject({ subject: "Uw klacht is in behandeling", digital: false, lastLetter: expect.objectContaining({ staffName: handler.displayName }) });
    const logged = await database.db.select().from(processingLog).where(and(eq(processingLog.dataSubjectId, party.partyId), eq(processingLog.actorId, handler.staffUserId)));
    expect(logged.map((l) => l.operationName)).toEqual(expect.arrayContaining(["message.letter.make", "message.letter.view"]));

    const spec = messageLetterDocument({ municipality: { name: "Gemeente Voorbeeldstad" }, publicUrl: "https://mijn.example", postalAddress: letter!.postalAddress, reference: "KL-1", subject: view.subject, body: "Eerste alinea.\n\nTweede alinea.", placedAt: new Date("2027-01-05T10:00:00Z"), termEndsOn: null, attachments: ["a.pdf"] }, "nl");
    expect(spec.address).toEqual(["Bakkerij De Korenaar BV", "Dorpsstraat 1", "1234 AB  Voorbeeldstad"]);
    expect(spec.blocks.filter((b) => b.kind === "paragraph").map((b) => (b as { text: string }).text)).toEqual(["Eerste alinea.", "Tweede alinea.", "Bijlagen bij deze brief:", "- a.pdf", "Dit bericht staat ook in uw berichtenbox op https://mijn.example/mijn/berichten."]);
  });

  it("a message draft left alone for 30 days is removed with its stored PDF; a newer one stays", async () => {
    const handler = await staff();
    const { caseId } = await caseInHandling(true);
    const post = () => postCompose(multipart(caseId, [["soort", "informatie"], ["onderwerp", ""], ["tekst", "Tekst."], ["actie", "controleren"], ["bijlagen", new File([pdf()], "oud.pdf")]]), handler, caseId, { locale: "nl" });
    const oldId = draftOf(((await post()) as { location: string }).location);
    const newId = draftOf(((await post()) as { location: string }).location);
    await database.db.update(messageDrafts).set({ updatedAt: new Date(Date.now() - 31 * 24 * 3600 * 1000) }).where(eq(messageDrafts.id, oldId));
    const old = (await loadMessageDraft(database.db, handler, caseId, oldId))!;
    expect(await deleteStaleMessageDrafts(database.db)).toBeGreaterThanOrEqual(1);
    expect(await loadMessageDraft(database.db, handler, caseId, oldId)).toBeNull();
    expect(await stored(old.attachments[0]!.blobKey)).toBe(false);
    expect(await loadMessageDraft(database.db, handler, caseId, newId)).not.toBeNull();
  });

  it("another case's id, a receipt or a staff member without message:send get nothing", async () => {
    const handler = await staff();
    const { party, caseId } = await caseInHandling(true);
    expect(await postCompose(urlencoded("00000000-0000-4000-8000-000000000000", { soort: "informatie", onderwerp: "X", tekst: "Y" }), handler, "00000000-0000-4000-8000-000000000000", { locale: "nl" })).toEqual({ kind: "not-found" });
    const balie: Staff = { ...handler, roles: ["balie"] };
    expect(await postCompose(urlencoded(caseId, { soort: "informatie", onderwerp: "X", tekst: "Y" }), balie, caseId, { locale: "nl" })).toEqual({ kind: "not-found" });
    const [receipt] = await database.db.select().from(inboxMessages).where(and(eq(inboxMessages.partyId, party.partyId), eq(inboxMessages.kind, "receipt")));
    expect(await messageLetterForStaff(handler, receipt!.id, "message.letter.view")).toBeNull();
  });
});
