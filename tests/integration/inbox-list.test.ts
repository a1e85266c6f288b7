import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { schema } from "@/db";
import { seedDemoData } from "@/db/seed";
import type { Actor } from "@/lib/auth/policy";
import { archiveMessage, unarchiveMessage } from "@/lib/inbox/archive";
import { decodeInboxCursor } from "@/lib/inbox/cursor";
import { sendDemoMessages } from "@/lib/inbox/demo";
import { inboxFiltersFrom, noFilters, type InboxFilters } from "@/lib/inbox/filters";
import { countOwnMessages, INBOX_COUNT_CAP, messageSurroundings, openOwnMessage, ownMessageAttachment, ownMessages, unreadCount } from "@/lib/inbox/queries";
import { startJobs, stopJobs } from "@/lib/jobs/runtime";
import { logger } from "@/lib/log";
import { deliverNotificationJob } from "@/lib/notifications/jobs";
import { testDatabases, useTestDatabase } from "../support/database";

const { parties, inboxMessages, inboxArchivedMessages } = schema;
type PartyActor = Extract<Actor, { kind: "party" }>;
type NewMessage = typeof inboxMessages.$inferInsert;
let kvk = 73000000;

async function collect(source: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of source) parts.push(Buffer.from(part));
  return Buffer.concat(parts);
}

const filters = (params: Record<string, string>): InboxFilters => inboxFiltersFrom(params);

describe.each(testDatabases())("the resident's inbox list on %s", (kind) => {
  const database = useTestDatabase(kind);
  let seeded = false;
  // Enqueue only: the demo's notices are the notification engine's to deliver.
  beforeAll(() => startJobs({ handle: database.handle, role: "web", jobs: [deliverNotificationJob] }), 60_000);
  afterAll(() => stopJobs(), 60_000);
  afterEach(() => vi.restoreAllMocks());

  async function party(): Promise<PartyActor> {
    if (!seeded) {
      await seedDemoData(database.db);
      seeded = true;
    }
    const [row] = await database.db.insert(parties).values({ kind: "business", kvkNumber: String(++kvk) }).returning({ id: parties.id });
    return { kind: "party", partyId: row!.id, partyKind: "business", sessionId: "test", level: "eh3" };
  }

  async function place(p: PartyActor, messages: Omit<NewMessage, "partyId" | "body">[]): Promise<string[]> {
    const rows = await database.db
      .insert(inboxMessages)
      .values(messages.map((m) => ({ body: "Tekst", ...m, partyId: p.partyId })))
      .returning({ id: inboxMessages.id });
    return rows.map((r) => r.id);
  }

  /** Every row of every page, following the next links. */
  async function allPages(p: PartyActor, f: InboxFilters, now: Date) {
    const seen: { id: string; subject: string }[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Awaited<ReturnType<typeof ownMessages>> = await ownMessages(p, cursor ? decodeInboxCursor(cursor) : null, { filters: f, now });
      seen.push(...page.rows.map((r) => ({ id: r.id, subject: r.subject })));
      cursor = page.next;
      pages++;
    } while (cursor && pages < 20);
    return { seen, pages };
  }

  const now = new Date("2026-12-01T10:00:00Z");
  const at = (minutes: number) => new Date(now.getTime() - minutes * 60_000);

  it("filters on kind and on a running term (today in Amsterdam still counts), and counts what matches", async () => {
    const p = await party();
    await place(p, [
      { kind: "decision", subject: "Besluit lopend", placedAt: at(10), termEndsOn: "2026-12-20" },
      { kind: "decision", subject: "Besluit verlopen", placedAt: at(20), termEndsOn: "2026-11-30" },
      { kind: "information-request", subject: "Verzoek loopt vandaag af", placedAt: at(30), termEndsOn: "2026-12-01" },
      { kind: "information", subject: "Informatie zonder termijn", placedAt: at(40) },
    ]);
    const subjects = async (params: Record<string, string>) => (await ownMessages(p, null, { filters: filters(params), now })).rows.map((r) => r.subject);
    expect(await subjects({})).toEqual(["Besluit lopend", "Besluit verlopen", "Verzoek loopt vandaag af", "Informatie zonder termijn"]);
    expect(await subjects({ soort: "besluiten" })).toEqual(["Besluit lopend", "Besluit verlopen"]);
    expect(await subjects({ soort: "verzoeken" })).toEqual(["Verzoek loopt vandaag af"]);
    expect(await subjects({ soort: "informatie" })).toEqual(["Informatie zonder termijn"]);
    expect(await subjects({ soort: "ontvangstbevestigingen" })).toEqual([]);
    expect(await subjects({ lopend: "ja" })).toEqual(["Besluit lopend", "Verzoek loopt vandaag af"]);
    expect(await subjects({ lopend: "ja", soort: "besluiten" })).toEqual(["Besluit lopend"]);
    // 23:30 in Amsterdam on 1 December is still 1 December; half an hour later the request's term has ended.
    expect((await ownMessages(p, null, { filters: filters({ lopend: "ja" }), now: new Date("2026-12-01T22:30:00Z") })).rows.map((r) => r.subject)).toContain("Verzoek loopt vandaag af");
    expect((await ownMessages(p, null, { filters: filters({ lopend: "ja" }), now: new Date("2026-12-01T23:30:00Z") })).rows.map((r) => r.subject)).toEqual(["Besluit lopend"]);
    expect(await countOwnMessages(p, { filters: filters({ lopend: "ja" }), now })).toBe(2);
    expect(await countOwnMessages(p, { filters: noFilters, now })).toBe(4);
    // Another party's filters find none of these.
    const other = await party();
    expect(await countOwnMessages(other, { filters: noFilters, now })).toBe(0);
  });

  it("searches the subject case-insensitively, trimmed, with % _ and \\ taken literally", async () => {
    const p = await party();
    await place(p, [
      { kind: "information", subject: "Korting 50% op de parkeervergunning", placedAt: at(1) },
      { kind: "information", subject: "Korting 500 op de PARKEERVERGUNNING", placedAt: at(2) },
      { kind: "information", subject: "Dossier a_b", placedAt: at(3) },
      { kind: "information", subject: "Dossier axb", placedAt: at(4) },
      { kind: "information", subject: "Map C:\\stukken", placedAt: at(5) },
    ]);
    const subjects = async (zoek: string) => (await ownMessages(p, null, { filters: filters({ zoek }), now })).rows.map((r) => r.subject);
    expect(await subjects("  parkeervergunning ")).toEqual(["Korting 50% op de parkeervergunning", "Korting 500 op de PARKEERVERGUNNING"]);
    expect(await subjects("50%")).toEqual(["Korting 50% op de parkeervergunning"]);
    expect(await subjects("%")).toEqual(["Korting 50% op de parkeervergunning"]);
    expect(await subjects("a_b")).toEqual(["Dossier a_b"]);
    expect(await subjects("_")).toEqual(["Dossier a_b"]);
    expect(await subjects("c:\\st")).toEqual(["Map C:\\stukken"]);
    expect(await subjects("niets hiervan")).toEqual([]);
    // Too long: not searched (the whole list), and the page says so.
    const tooLong = filters({ zoek: "x".repeat(101) });
    expect(tooLong.searchTooLong).toBe(true);
    expect((await ownMessages(p, null, { filters: tooLong, now })).rows).toHaveLength(5);
  });

  it("archiving hides a message from the inbox and shows it in the archive; idempotent; never someone else's; the message does not change", async () => {
    const p = await party();
    const other = await party();
    const [kept, archived] = await place(p, [
      { kind: "information", subject: "Blijft in het postvak", placedAt: at(1) },
      { kind: "decision", subject: "Gaat naar het archief", placedAt: at(2), termEndsOn: "2026-12-20" },
    ]);
    const before = (await database.db.select().from(inboxMessages).where(eq(inboxMessages.id, archived!)))[0]!;
    const inbox = async (who: PartyActor) => (await ownMessages(who, null, { filters: noFilters, now })).rows.map((r) => r.id);
    const archive = async (who: PartyActor) => (await ownMessages(who, null, { filters: filters({ weergave: "archief" }), now })).rows.map((r) => r.id);

    expect(await archive(p)).toEqual([]);
    expect(await database.db.transaction((tx) => archiveMessage(tx, p.partyId, archived!, at(0)))).toEqual({ kind: "done", archived: true });
    expect(await database.db.transaction((tx) => archiveMessage(tx, p.partyId, archived!, now))).toEqual({ kind: "done", archived: true });
    expect(await inbox(p)).toEqual([kept]);
    expect(await archive(p)).toEqual([archived]);
    expect(await countOwnMessages(p, { filters: filters({ weergave: "archief" }), now })).toBe(1);
    // Filters work in the archive too.
    expect((await ownMessages(p, null, { filters: filters({ weergave: "archief", soort: "informatie" }), now })).rows).toEqual([]);
    expect((await ownMessages(p, null, { filters: filters({ weergave: "archief", lopend: "ja", zoek: "ARCHIEF" }), now })).rows.map((r) => r.id)).toEqual([archived]);
    const rows = await database.db.select().from(inboxArchivedMessages).where(eq(inboxArchivedMessages.messageId, archived!));
    expect(rows).toEqual([expect.objectContaining({ partyId: p.partyId, archivedAt: at(0) })]);
    expect((await database.db.select().from(inboxMessages).where(eq(inboxMessages.id, archived!)))[0]).toEqual(before);
    expect((await messageSurroundings(p, before)).archived).toBe(true);

    // Someone else cannot archive it, nor take it out, nor see it.
    expect(await database.db.transaction((tx) => archiveMessage(tx, other.partyId, kept!))).toEqual({ kind: "not-found" });
    expect(await database.db.transaction((tx) => unarchiveMessage(tx, other.partyId, archived!))).toEqual({ kind: "not-found" });
    expect(await database.db.transaction((tx) => archiveMessage(tx, p.partyId, "00000000-0000-4000-8000-000000000000"))).toEqual({ kind: "not-found" });
    expect(await archive(other)).toEqual([]);
    expect(await archive(p)).toEqual([archived]);
    expect(await inbox(p)).toEqual([kept]);

    // Back to the inbox; again changes nothing.
    expect(await database.db.transaction((tx) => unarchiveMessage(tx, p.partyId, archived!))).toEqual({ kind: "done", archived: false });
    expect(await database.db.transaction((tx) => unarchiveMessage(tx, p.partyId, archived!))).toEqual({ kind: "done", archived: false });
    expect(await inbox(p)).toEqual([kept, archived]);
    expect(await archive(p)).toEqual([]);
  });

  it("pages with filters across pages without duplicates or gaps, unread first, and a cursor that keeps working with the filters", async () => {
    const p = await party();
    const placed = new Date("2026-10-01T08:00:00Z");
    // 70 messages: three kinds, many at the same moment (the id breaks the tie), some "parkeren" in the subject.
    const ids = await place(
      p,
      Array.from({ length: 70 }, (_, i) => ({
        kind: (["information", "decision", "information-request"] as const)[i % 3]!,
        subject: i % 2 === 0 ? `Parkeren ${i}` : `Afval ${i}`,
        placedAt: i < 40 ? placed : new Date(placed.getTime() + i * 1000),
        termEndsOn: i % 3 === 1 ? "2026-12-20" : null,
      })),
    );
    // Open every fifth one: those go below the unread ones.
    for (const id of ids.filter((_, i) => i % 5 === 0)) await openOwnMessage(p, id, now);
    const all = await database.db.select().from(inboxMessages).where(eq(inboxMessages.partyId, p.partyId));

    const cases: Record<string, string>[] = [{}, { soort: "informatie" }, { zoek: "parkeren" }, { soort: "besluiten", lopend: "ja", zoek: "arkere" }];
    for (const params of cases) {
      const f = filters(params);
      const { seen, pages } = await allPages(p, f, now);
      const expected = all.filter(
        (m) =>
          (!f.kind || m.kind === { informatie: "information", besluiten: "decision", verzoeken: "information-request", ontvangstbevestigingen: "receipt" }[f.kind]) &&
          (!f.search || m.subject.toLowerCase().includes(f.search.toLowerCase())) &&
          (!f.running || m.termEndsOn !== null),
      );
      expect(new Set(seen.map((s) => s.id)).size, JSON.stringify(params)).toBe(seen.length);
      expect(new Set(seen.map((s) => s.id)), JSON.stringify(params)).toEqual(new Set(expected.map((m) => m.id)));
      expect(pages).toBe(Math.max(1, Math.ceil(expected.length / 20)));
      expect(await countOwnMessages(p, { filters: f, now })).toBe(expected.length);
      // The page carries the same count, on the first page and on a later one (the count is of all pages).
      const firstPage = await ownMessages(p, null, { filters: f, now });
      expect(firstPage.total, JSON.stringify(params)).toBe(expected.length);
      if (firstPage.next) expect((await ownMessages(p, decodeInboxCursor(firstPage.next), { filters: f, now })).total).toBe(expected.length);
      // Unread first: once a read one is shown, no unread one follows.
      const opened = new Set(all.filter((m) => m.firstOpenedAt).map((m) => m.id));
      const firstRead = seen.findIndex((s) => opened.has(s.id));
      if (firstRead >= 0) expect(seen.slice(firstRead).every((s) => opened.has(s.id))).toBe(true);
    }
    // A cursor from the unfiltered list still works with a filter: it starts after that row.
    const first = await ownMessages(p, null, { filters: noFilters, now });
    const next = await ownMessages(p, decodeInboxCursor(first.next!), { filters: filters({ zoek: "parkeren" }), now });
    expect(next.rows.every((r) => r.subject.startsWith("Parkeren"))).toBe(true);
    expect(next.rows.some((r) => first.rows.some((f) => f.id === r.id))).toBe(false);
  });

  it("counts up to the cap: above it the page says \"more than\"", async () => {
    const p = await party();
    await place(p, Array.from({ length: INBOX_COUNT_CAP + 5 }, (_, i) => ({ kind: "information" as const, subject: `Bericht ${i}`, placedAt: at(i) })));
    expect(await countOwnMessages(p, { filters: noFilters, now })).toBe(INBOX_COUNT_CAP + 1);
    expect(await countOwnMessages(p, { filters: filters({ zoek: "Bericht 20" }), now })).toBe(6); // 20 and 200-204
    expect((await ownMessages(p, null, { filters: noFilters, now })).total).toBe(INBOX_COUNT_CAP + 1);
    // Nothing matches: no rows, and a count of 0 (also after a cursor, which is counted apart).
    const none = filters({ zoek: "komt nergens voor" });
    expect(await ownMessages(p, null, { filters: none, now })).toEqual({ rows: [], next: null, total: 0 });
    const first = await ownMessages(p, null, { filters: noFilters, now });
    expect((await ownMessages(p, decodeInboxCursor(first.next!), { filters: none, now })).total).toBe(0);
  });

  it("another party's message, or none, is null and logged with the party id and the message id (no BSN)", async () => {
    const owner = await party();
    const other = await party();
    const [id] = await place(owner, [{ kind: "information", subject: "Alleen voor de eigenaar", placedAt: at(1) }]);
    const warn = vi.spyOn(logger(), "warn");
    expect(await openOwnMessage(other, id!)).toBeNull();
    expect(warn).toHaveBeenCalledWith({ event: "inbox.message.not-found", partyId: other.partyId, messageId: id }, expect.any(String));
    expect(await openOwnMessage(other, "00000000-0000-4000-8000-000000000000")).toBeNull();
    expect(warn).toHaveBeenCalledTimes(2);
    // Nothing was recorded as opened.
    expect((await database.db.select().from(inboxMessages).where(eq(inboxMessages.id, id!)))[0]!.firstOpenedAt).toBeNull();
    warn.mockClear();
    expect(await openOwnMessage(owner, id!)).toMatchObject({ id, subject: "Alleen voor de eigenaar" });
    expect(warn).not.toHaveBeenCalled();
  });

  it("the demo's messages: each kind, a correction shown both ways, the besluit's PDF for its party only, the unread count", async () => {
    const p = await party();
    const other = await party();
    const outcome = await sendDemoMessages(p, "nl", now);
    if (outcome.kind !== "sent") throw new Error(`demo failed: ${outcome.reason}`);
    const [request, information, decision, correction] = outcome.messageIds;
    // Four messages and the receipt of the example objection.
    expect(await unreadCount(p)).toBe(5);
    const list = await ownMessages(p, null, { filters: noFilters, now });
    expect(list.rows.map((r) => [r.kind, r.corrected])).toEqual([
      ["decision", false],
      ["decision", true],
      ["information", false],
      ["information-request", false],
      ["receipt", false],
    ]);
    expect(list.rows[3]).toMatchObject({ id: request, termEndsOn: "2026-12-15" });
    expect((await ownMessages(p, null, { filters: filters({ soort: "ontvangstbevestigingen" }), now })).rows).toHaveLength(1);

    const old = (await openOwnMessage(p, decision!))!;
    const oldAround = await messageSurroundings(p, old);
    expect(oldAround.correctedBy).toEqual([expect.objectContaining({ id: correction, subject: "Correctie: besluit op uw bezwaar" })]);
    expect(oldAround.replaces).toBeNull();
    expect(oldAround.attachments).toEqual([expect.objectContaining({ fileName: "besluit op bezwaar.pdf" })]);
    const newer = (await openOwnMessage(p, correction!))!;
    const newAround = await messageSurroundings(p, newer);
    expect(newAround.replaces).toMatchObject({ id: decision, subject: "Besluit op uw bezwaar" });
    expect(newAround.correctedBy).toEqual([]);
    // The opening reads the same in the same statement as the message, with the times as dates.
    expect(old.surroundings).toEqual(oldAround);
    expect(newer.surroundings).toEqual(newAround);
    expect(newer.surroundings.replaces!.placedAt).toBeInstanceOf(Date);
    expect(await unreadCount(p)).toBe(3);
    expect((await messageSurroundings(p, (await openOwnMessage(p, information!))!)).attachments).toEqual([]);

    const attachmentId = oldAround.attachments[0]!.id;
    const file = (await ownMessageAttachment(p, decision!, attachmentId))!;
    expect(file).toMatchObject({ fileName: "besluit op bezwaar.pdf", contentType: "application/pdf" });
    const bytes = await collect(file.body);
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(bytes.length).toBe(file.sizeBytes);

    const warn = vi.spyOn(logger(), "warn");
    expect(await ownMessageAttachment(other, decision!, attachmentId)).toBeNull();
    expect(await ownMessageAttachment(p, correction!, attachmentId)).toBeNull();
    expect(warn).toHaveBeenCalledWith({ event: "inbox.attachment.not-found", partyId: other.partyId, messageId: decision, attachmentId }, expect.any(String));
    await expect(messageSurroundings(other, old)).rejects.toThrow();
  });
});
