import { inflateSync } from "node:zlib";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schema } from "@/db";
import { seedDemoData } from "@/db/seed";
import type { Actor } from "@/lib/auth/policy";
import { submitDemoObjection } from "@/lib/cases/demo";
import { ownCase, ownCases } from "@/lib/cases/queries";
import { openOwnMessage, ownMessages, unreadCount } from "@/lib/inbox/queries";
import { startJobs, stopJobs } from "@/lib/jobs/runtime";
import { deliverNotificationJob } from "@/lib/notifications/jobs";
import { useMailTransport } from "@/lib/mail";
import type { OutgoingMail } from "@/lib/mail/transport";
import { inTransaction } from "@/lib/db";
import { changeConsents } from "@/lib/notifications/contacts";
import { deliverNotification } from "@/lib/notifications/delivery";
import { NotAllowedError } from "@/lib/parties/queries";
import { copyPdfResponse } from "@/lib/submissions/responses";
import { attachmentForStaff, incomingSubmissions, ownAttachment, ownSubmission, submissionForStaff } from "@/lib/submissions/view-queries";
import { testDatabases, useTestDatabase } from "../support/database";

const { parties, processingLog, inboxMessages, caseEvents, cases, notifications, partyContacts } = schema;
let kvk = 72000000;

type PartyActor = Extract<Actor, { kind: "party" }>;
type StaffActor = Extract<Actor, { kind: "staff" }>;

const behandelaar: StaffActor = { kind: "staff", staffUserId: "00000000-0000-4000-8000-000000000001", roles: ["behandelaar"], sessionId: "t", displayName: "Bas" };
const balie: StaffActor = { ...behandelaar, roles: ["balie"] };

/** The text drawn in a PDF, all pages, without spaces and line breaks (a long hash is wrapped over lines). */
function pdfText(pdf: Uint8Array): string {
  const raw = Buffer.from(pdf).toString("latin1");
  let out = "";
  for (const match of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(match[1]!, "latin1")).toString("latin1");
    } catch {
      content = match[1]!;
    }
    for (const m of content.matchAll(/<([0-9A-Fa-f]*)> Tj/g)) out += Buffer.from(m[1]!, "hex").toString("latin1");
  }
  return out.replace(/\s+/g, "");
}

async function collect(source: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of source) parts.push(Buffer.from(part));
  return Buffer.concat(parts);
}

describe.each(testDatabases())("submission views on %s", (kind) => {
  const database = useTestDatabase(kind);
  let seeded = false;
  // Enqueue only: the receipt notice is the notification engine's to deliver.
  beforeAll(() => startJobs({ handle: database.handle, role: "web", jobs: [deliverNotificationJob] }), 60_000);
  afterAll(() => stopJobs(), 60_000);

  async function party(): Promise<PartyActor> {
    if (!seeded) {
      await seedDemoData(database.db);
      seeded = true;
    }
    const [row] = await database.db.insert(parties).values({ kind: "business", kvkNumber: String(++kvk) }).returning({ id: parties.id });
    return { kind: "party", partyId: row!.id, partyKind: "business", sessionId: "test", level: "eh3" };
  }

  async function submitted(p: PartyActor, now?: Date) {
    const outcome = await submitDemoObjection(p, "nl", now);
    if (outcome.kind !== "submitted") throw new Error(`not submitted: ${outcome.kind}`);
    return outcome;
  }

  it("the sender sees the receipt, gets a copy built from the stored submission, and downloads the original attachment; others find nothing", async () => {
    const owner = await party();
    const other = await party();
    const { submissionId, reference } = await submitted(owner, new Date("2026-11-27T10:15:00Z"));

    const view = (await ownSubmission(owner, submissionId))!;
    expect(view.stored.reference).toBe(reference);
    expect(view.stored.attachments).toHaveLength(1);
    expect(view.caseRow).toMatchObject({ status: "received", expectedDecisionOn: "2027-01-08" });
    expect(view.receiptMessageId).toEqual(expect.any(String));
    expect(await ownSubmission(other, submissionId)).toBeNull();

    const response = await copyPdfResponse(view, "nl");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toContain(`kopie-${reference}.pdf`);
    const text = pdfText(new Uint8Array(await response.arrayBuffer()));
    expect(text).toContain(reference);
    expect(text).toContain(view.stored.hash);
    expect(text).toContain(view.stored.attachments[0]!.sha256);
    expect(text).toContain("Tegenwelkbesluitmaaktubezwaar?");
    expect(text).toContain("Besluitovermijnparkeervergunningvoorbewoners");
    expect(text).toContain("27november2026om11:15");

    const attachment = view.stored.attachments[0]!;
    const file = (await ownAttachment(owner, submissionId, attachment.id))!;
    expect(file).toMatchObject({ fileName: "besluit parkeervergunning.pdf", contentType: "application/pdf", sizeBytes: attachment.sizeBytes });
    const bytes = await collect(file.body);
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(bytes.length).toBe(attachment.sizeBytes);
    expect(await ownAttachment(other, submissionId, attachment.id)).toBeNull();
  });

  it("refuses to make a copy when the stored rows no longer give the stored hash", async () => {
    const p = await party();
    const { submissionId } = await submitted(p);
    const view = (await ownSubmission(p, submissionId))!;
    const tampered = { ...view, stored: { ...view.stored, payload: { ...view.stored.payload, gronden: "Iets anders." } } };
    const response = await copyPdfResponse(tampered, "nl");
    expect(response.status).toBe(500);
    expect(response.headers.get("content-type")).toContain("text/plain");
    expect(await response.text()).toContain("niet kloppen met het controlegetal");
  });

  it("the inbox lists unread first, then newest; opening a message sets first_opened_at once; others' messages are not found", async () => {
    const p = await party();
    const other = await party();
    const first = await submitted(p, new Date("2026-11-20T09:00:00Z"));
    const second = await submitted(p, new Date("2026-11-21T09:00:00Z"));
    expect(await unreadCount(p)).toBe(2);

    const messages = await ownMessages(p);
    expect(messages.rows.map((m) => m.subject)).toEqual([`Ontvangstbevestiging ${second.reference}`, `Ontvangstbevestiging ${first.reference}`]);
    expect(messages.next).toBeNull();

    const older = messages.rows[1]!;
    expect(await openOwnMessage(other, older.id)).toBeNull();
    const opened = (await openOwnMessage(p, older.id, new Date("2026-11-22T08:00:00Z")))!;
    expect(opened.firstOpenedAt).toEqual(new Date("2026-11-22T08:00:00Z"));
    expect(opened.submissionId).toBe(first.submissionId);
    const again = (await openOwnMessage(p, older.id, new Date("2026-11-23T08:00:00Z")))!;
    expect(again.firstOpenedAt).toEqual(new Date("2026-11-22T08:00:00Z"));
    const [stored] = await database.db.select().from(inboxMessages).where(eq(inboxMessages.id, older.id));
    expect(stored!.firstOpenedAt).toEqual(new Date("2026-11-22T08:00:00Z"));
    expect(await unreadCount(p)).toBe(1);

    // The opened one moves below the unread one, even though it is older anyway; a newer read one stays below an older unread one.
    await openOwnMessage(p, messages.rows[0]!.id);
    const third = await submitted(p, new Date("2026-11-19T09:00:00Z"));
    expect((await ownMessages(p)).rows.map((m) => m.subject)).toEqual([
      `Ontvangstbevestiging ${third.reference}`,
      `Ontvangstbevestiging ${second.reference}`,
      `Ontvangstbevestiging ${first.reference}`,
    ]);
  });

  it("pages the inbox by keyset without skipping or repeating a message", async () => {
    const p = await party();
    const placed = new Date("2026-10-01T08:00:00Z");
    // Many messages at the same moment: the id breaks the tie.
    await database.db.insert(inboxMessages).values(Array.from({ length: 45 }, (_, i) => ({ partyId: p.partyId, kind: "information" as const, subject: `Bericht ${i}`, body: "Tekst", placedAt: i < 30 ? placed : new Date(placed.getTime() + i * 1000) })));
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    const { decodeInboxCursor } = await import("@/lib/inbox/cursor");
    do {
      const page: Awaited<ReturnType<typeof ownMessages>> = await ownMessages(p, cursor ? decodeInboxCursor(cursor) : null);
      seen.push(...page.rows.map((r) => r.id));
      cursor = page.next;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(45);
    expect(new Set(seen).size).toBe(45);
  });

  it("cases show their status, decision date and timeline to their party only; staff-only notes stay hidden", async () => {
    const p = await party();
    const other = await party();
    const { submissionId, reference } = await submitted(p, new Date("2026-11-27T10:15:00Z"));
    const list = await ownCases(p);
    expect(list).toEqual([expect.objectContaining({ reference, status: "received", expectedDecisionOn: "2027-01-08", productNl: "Bezwaar maken tegen een besluit" })]);
    const caseId = list[0]!.id;
    await database.db.insert(caseEvents).values([
      { caseId, kind: "note", status: "received", note: "Alleen voor medewerkers", noteVisibleToParty: false, at: new Date("2026-11-28T09:00:00Z") },
      { caseId, kind: "status-changed", status: "in-progress", note: "Wij zijn begonnen.", noteVisibleToParty: true, at: new Date("2026-11-29T09:00:00Z") },
    ]);
    const found = (await ownCase(p, caseId))!;
    expect(found.submission.id).toBe(submissionId);
    expect(found.receiptMessageId).toEqual(expect.any(String));
    expect(found.events.map((e) => [e.kind, e.status, e.note])).toEqual([
      ["opened", "received", null],
      ["status-changed", "in-progress", "Wij zijn begonnen."],
    ]);
    expect(JSON.stringify(found)).not.toContain("Alleen voor medewerkers");
    expect(await ownCase(other, caseId)).toBeNull();
    expect(await ownCases(other)).toEqual([]);
    const [row] = await database.db.select({ id: cases.id }).from(cases).where(eq(cases.reference, reference));
    expect(row!.id).toBe(caseId);
  });

  it("case handlers list incoming submissions and open one, each read logged; without case:read they get nothing", async () => {
    const p = await party();
    const { submissionId, reference } = await submitted(p, new Date("2030-01-02T10:00:00Z"));
    const incoming = await incomingSubmissions(behandelaar);
    expect(incoming.rows[0]).toMatchObject({ id: submissionId, reference, messageType: "bezwaar", status: "received", attachmentCount: 1 });

    await expect(incomingSubmissions(balie)).rejects.toBeInstanceOf(NotAllowedError);
    await expect(submissionForStaff(balie, submissionId)).rejects.toBeInstanceOf(NotAllowedError);
    await expect(attachmentForStaff(balie, submissionId, submissionId)).rejects.toBeInstanceOf(NotAllowedError);

    const view = (await submissionForStaff(behandelaar, submissionId))!;
    expect(view.stored.reference).toBe(reference);
    const file = (await attachmentForStaff(behandelaar, submissionId, view.stored.attachments[0]!.id))!;
    expect((await collect(file.body)).length).toBe(view.stored.attachments[0]!.sizeBytes);
    await submissionForStaff(behandelaar, submissionId, "copy");

    const logged = await database.db
      .select({ operation: processingLog.operationName, activity: processingLog.processingActivity, role: processingLog.actorRole, purpose: processingLog.purpose })
      .from(processingLog)
      .where(and(eq(processingLog.dataSubjectId, p.partyId), eq(processingLog.actorKind, "staff")));
    expect(logged.map((l) => l.operation).sort()).toEqual(["submission.attachment", "submission.copy", "submission.view"]);
    expect(logged.every((l) => l.activity === "behandeling-zaken" && l.role === "behandelaar" && l.purpose.includes(reference))).toBe(true);
    expect(await submissionForStaff(behandelaar, "00000000-0000-4000-8000-00000000dead")).toBeNull();
  });

  it("the receipt e-mail states the reference, the time of receipt and the receiving body, and not the product", async () => {
    const p = await party();
    await database.db.insert(partyContacts).values({ partyId: p.partyId, email: `ontvangst-${p.partyId}@example.org`, emailVerifiedAt: new Date() });
    await inTransaction((tx) => changeConsents(tx, p, p.partyId, { decision: true, "information-request": true, information: false, receipt: true, reminder: false, outage: false, "draft-expiring": false }));
    const { submissionId, reference } = await submitted(p, new Date("2026-11-27T10:15:00Z"));
    const [notice] = await database.db.select().from(notifications).where(eq(notifications.submissionRef, submissionId));
    const sent: OutgoingMail[] = [];
    useMailTransport({ kind: "file", send: async (mail) => (sent.push(mail), { response: "250 OK", messageId: "<test>" }), close: () => {} });
    try {
      expect(await deliverNotification(notice!.id)).toBe("delivered");
    } finally {
      useMailTransport(undefined);
    }
    expect(sent).toHaveLength(1);
    expect(sent[0]!.text).toContain(`Kenmerk: ${reference}. Ontvangen op 27 november 2026 om 11:15 door Gemeente Voorbeeldstad.`);
    expect(sent[0]!.text).not.toContain("Bezwaar maken");
    expect(sent[0]!.text).not.toContain("parkeervergunning");
  });
});
