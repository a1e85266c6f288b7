import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { schema } from "@/db";
import { seedDemoData } from "@/db/seed";
import { todayInAmsterdam, addDays } from "@/lib/deadlines/calendar";
import { loadEquatedDays } from "@/lib/deadlines/equated-days";
import { inTransaction } from "@/lib/db";
import { messageStandings, recalculateRecentTerms, termRecalculationNote } from "@/lib/inbox/effective-term";
import { inboxFiltersFrom, noFilters } from "@/lib/inbox/filters";
import { loadMessageProof, ownMessageProof, proofDocument } from "@/lib/inbox/proof";
import { ownMessages } from "@/lib/inbox/queries";
import { logger } from "@/lib/log";
import { dueReminders, sendReminders } from "@/lib/inbox/reminders";
import { messageTerm, type MessageTermInput } from "@/lib/inbox/terms";
import { jobBoss, startJobs, stopJobs } from "@/lib/jobs/runtime";
import { useMailTransport } from "@/lib/mail";
import type { MailTransport, OutgoingMail } from "@/lib/mail/transport";
import { changeConsents, resendUndelivered } from "@/lib/notifications/contacts";
import { deliverNotification } from "@/lib/notifications/delivery";
import { deliverNotificationJob } from "@/lib/notifications/jobs";
import { notify } from "@/lib/notifications/notify";
import { renderPdf } from "@/lib/pdf/document";
import { testDatabases, useTestDatabase } from "../support/database";

const { parties, partyContacts, inboxMessages, inboxMessageTerms, inboxReminders, inboxArchivedMessages, notifications, submissions, products, formVersions, channels, processingLog } = schema;

/** A mail transport that accepts (250) or refuses (550) as the test says, and keeps what it sent. */
class FakeMail implements MailTransport {
  kind = "smtp" as const;
  mode: "accept" | "5xx" = "accept";
  sent: OutgoingMail[] = [];
  async send(mail: OutgoingMail) {
    if (this.mode === "5xx") throw Object.assign(new Error("550 5.1.1 No such user"), { responseCode: 550, response: "550 5.1.1 No such user" });
    this.sent.push(mail);
    return { messageId: `<${mail.idempotencyKey}@test>`, response: "250 2.0.0 OK queued" };
  }
  close() {}
}

const noneDigital = { decision: false, "information-request": false, information: false, receipt: false, reminder: false, outage: false, "draft-expiring": false };
let kvk = 30_000_000 + Math.floor(Math.random() * 60_000_000);
const DAY = 24 * 3600_000;

describe.each(testDatabases())("terms, delivery, reminders and proof of inbox messages on %s", (kind) => {
  const database = useTestDatabase(kind);
  const mail = new FakeMail();

  beforeAll(async () => {
    useMailTransport(mail);
    await startJobs({ handle: database.handle, role: "web", jobs: [deliverNotificationJob] });
  }, 60_000);
  afterAll(async () => {
    await stopJobs();
    useMailTransport(undefined);
  }, 60_000);
  beforeEach(() => {
    mail.mode = "accept";
    mail.sent.length = 0;
  });

  /** A business party with, as asked, an address (verified or not) and digital consent for the kinds given. */
  async function newParty(options: { verified?: boolean; digital?: (keyof typeof noneDigital)[] } = {}) {
    const [row] = await database.db.insert(parties).values({ kind: "business", kvkNumber: String(++kvk) }).returning({ id: parties.id });
    const partyId = row!.id;
    const email = `ondernemer-${kvk}@example.nl`;
    await database.db.insert(partyContacts).values({ partyId, email, emailVerifiedAt: options.verified === false ? null : new Date() });
    const digital = options.digital ?? ["decision", "information-request", "reminder"];
    await inTransaction((tx) => changeConsents(tx, { kind: "party", partyId }, partyId, { ...noneDigital, ...Object.fromEntries(digital.map((k) => [k, true])) }));
    return { partyId, email };
  }

  /** A message placed at `placedAt` with its term computed as sendMessage does, and its notice. */
  async function place(partyId: string, rule: MessageTermInput, placedAt: Date, options: { notify?: boolean } = {}) {
    const term = messageTerm(rule, placedAt, await loadEquatedDays(database.db));
    return inTransaction(async (tx) => {
      const [m] = await tx
        .insert(inboxMessages)
        .values({ partyId, kind: rule.kind, subject: `Bericht ${rule.kind}`, body: "Tekst.", placedAt, termEndsOn: term?.endsOn ?? null, termRule: rule.kind === "information" ? null : rule })
        .returning();
      const notice = options.notify === false ? null : await notify(tx, { partyId, kind: rule.kind, messageRef: m!.id, termEndsOn: term?.endsOn ?? null });
      return { message: m!, notificationId: notice?.notificationId ?? null };
    });
  }

  /** A request for information whose term ends on `endsOn` (the handler's last day), without a notice. */
  async function request(partyId: string, endsOn: string) {
    const [m] = await database.db
      .insert(inboxMessages)
      .values({ partyId, kind: "information-request", subject: "Wij missen een document", body: "Tekst.", placedAt: new Date(Date.parse(`${endsOn}T10:00:00Z`) - 20 * DAY), termEndsOn: endsOn, termRule: { kind: "information-request", term: { endsOn } } })
      .returning();
    return m!;
  }

  let seeded = false;
  /** A reply to a message: a submission that answers it (as the reply capability stores it). */
  async function reply(partyId: string, messageId: string) {
    if (!seeded) {
      await seedDemoData(database.db);
      seeded = true;
    }
    const [product] = await database.db.select({ id: products.id }).from(products).limit(1);
    const [version] = await database.db.select({ id: formVersions.id }).from(formVersions).limit(1);
    const [channel] = await database.db.select({ id: channels.id }).from(channels).limit(1);
    await database.db.insert(submissions).values({
      reference: `RE-${messageId.slice(0, 13)}`,
      partyId,
      productId: product!.id,
      formVersionId: version!.id,
      messageType: "aanvulling",
      channelId: channel!.id,
      loginLevel: "eh3",
      payload: {},
      hash: "0".repeat(64),
      receivedAt: new Date(),
      idempotencyKey: `reply-${messageId}`,
      inReplyToMessageId: messageId,
    });
  }

  const standingOf = async (message: typeof inboxMessages.$inferSelect, now = new Date()) => (await messageStandings(database.db, [message], now)).get(message.id)!;

  it("a notice that failed and was delivered after sending again moves the term to count from then (R13), and the proof shows every step", async () => {
    const { partyId, email } = await newParty({ verified: false });
    const rule: MessageTermInput = { kind: "information-request", term: { amount: 14, unit: "days" } };
    const placedAt = new Date(Date.now() - 10 * DAY);
    const { message, notificationId } = await place(partyId, rule, placedAt);
    const original = message.termEndsOn!;

    expect(await deliverNotification(notificationId!)).toBe("failed");
    let standing = await standingOf(message);
    expect(standing.delivery).toMatchObject({ state: "failed", failureReason: "no-verified-address" });
    expect(standing.undelivered).toBe(true);
    expect(standing.term).toEqual({ originalEndsOn: original, endsOn: original, recalculated: null });

    // The resident confirms the address: the notice goes out again and is delivered today.
    await database.db.update(partyContacts).set({ emailVerifiedAt: new Date() }).where(eq(partyContacts.partyId, partyId));
    expect(await inTransaction((tx) => resendUndelivered(tx, partyId))).toBe(1);
    expect(await deliverNotification(notificationId!)).toBe("delivered");
    const [notice] = await database.db.select().from(notifications).where(eq(notifications.id, notificationId!));
    const expected = messageTerm(rule, notice!.deliveredAt!, await loadEquatedDays(database.db))!.endsOn;
    expect(expected > original).toBe(true);
    // The notice sent again named the end that counts now (R12), not the one of the first try.
    expect(notice!.termEndsOn).toBe(expected);
    expect(mail.sent).toHaveLength(1);
    expect(mail.sent[0]!.text).toContain(String(Number(expected.slice(8, 10))));

    const [row] = await database.db.select().from(inboxMessageTerms).where(eq(inboxMessageTerms.messageId, message.id));
    expect(row).toMatchObject({ endsOn: expected, notificationId, reason: "notice-resent" });
    expect(row!.countedFrom.toISOString()).toBe(notice!.deliveredAt!.toISOString());
    standing = await standingOf(message);
    expect(standing.delivery).toMatchObject({ state: "delivered", resent: true });
    expect(standing.undelivered).toBe(false);
    expect(standing.term).toMatchObject({ originalEndsOn: original, endsOn: expected });
    expect(termRecalculationNote(standing.term, "nl")).toMatch(/^De termijn is opnieuw berekend vanaf .*, omdat het bericht u eerder niet bereikte\./);
    // The message itself never changed (R17).
    expect((await database.db.select().from(inboxMessages).where(eq(inboxMessages.id, message.id)))[0]!.termEndsOn).toBe(original);

    // The proof: placed at, every attempt with its outcome, the address masked, the server's code.
    const proof = (await loadMessageProof(database.db, message.id, { partyId }))!;
    expect(proof.message.placedAt.toISOString()).toBe(placedAt.toISOString());
    expect(proof.message.firstOpenedAt).toBeNull();
    expect(proof.notices).toHaveLength(1);
    expect(proof.notices[0]!.attempts.map((a) => a.outcome)).toEqual(["queued", "permanent-failure", "queued", "sending", "delivered"]);
    const masked = `o***@${email.split("@")[1]}`;
    expect(proof.notices[0]!.attempts.at(-1)).toMatchObject({ recipient: masked, responseCode: 250 });
    expect(JSON.stringify(proof)).not.toContain(email);
    // Another party's id gives nothing.
    const other = await newParty();
    expect(await loadMessageProof(database.db, message.id, { partyId: other.partyId })).toBeNull();
    // Through the party's own read, the attempt is also logged, with ids only.
    const warn = vi.spyOn(logger(), "warn");
    expect(await ownMessageProof({ kind: "party", partyId: other.partyId, partyKind: "person", sessionId: "t", level: "substantieel" as const }, message.id)).toBeNull();
    expect(warn).toHaveBeenCalledWith(expect.objectContaining({ event: "inbox.proof.not-found", partyId: other.partyId, messageId: message.id }), expect.any(String));
    warn.mockRestore();
    // The PDF renders, and the catch-up writes the recalculation again should it be missing.
    const pdf = await renderPdf(proofDocument(proof, "nl", "Gemeente Voorbeeldstad"));
    expect(Buffer.from(pdf.slice(0, 5)).toString()).toBe("%PDF-");
    await database.db.delete(inboxMessageTerms).where(eq(inboxMessageTerms.messageId, message.id));
    expect(await recalculateRecentTerms(database.db)).toBeGreaterThanOrEqual(1);
    expect((await standingOf(message)).term?.endsOn).toBe(expected);
  });

  it("a besluit and a request each record their term; a notice delivered at once changes nothing", async () => {
    const { partyId } = await newParty();
    // Thursday 25 March 2027: six weeks later is Ascension Day (6 May), so the term ends on the next working day:
    // Friday 7 May, or Monday 10 May where 7 May 2027 is an equated day (demo data).
    const decision = await place(partyId, { kind: "decision" }, new Date("2027-03-25T10:00:00Z"));
    expect(["2027-05-07", "2027-05-10"]).toContain(decision.message.termEndsOn);
    const info = await place(partyId, { kind: "information" }, new Date("2027-03-25T10:00:00Z"));
    expect(info.message.termEndsOn).toBeNull();
    expect(await deliverNotification(decision.notificationId!)).toBe("delivered");
    expect(await database.db.select().from(inboxMessageTerms).where(eq(inboxMessageTerms.messageId, decision.message.id))).toEqual([]);
    const standing = await standingOf(decision.message, new Date("2027-06-01T10:00:00Z"));
    expect(standing).toMatchObject({ notHeldAgainst: false, undelivered: false, delivery: { state: "delivered", resent: false } });
    expect((await standingOf(info.message)).term).toBeNull();
  });

  it("a passed term without a delivered notice is not held against a party who chose digital (R14), but is against one who chose post", async () => {
    const rule: MessageTermInput = { kind: "information-request", term: { amount: 7, unit: "days" } };
    const placedAt = new Date(Date.now() - 30 * DAY);

    const refused = await newParty();
    mail.mode = "5xx";
    const a = await place(refused.partyId, rule, placedAt);
    expect(await deliverNotification(a.notificationId!)).toBe("failed");
    expect(await standingOf(a.message)).toMatchObject({ notHeldAgainst: true, undelivered: true, delivery: { state: "failed", failureReason: "rejected" } });
    // Before the term ended, the failure shows already (R13), without the R14 marking.
    expect(await standingOf(a.message, new Date(placedAt.getTime() + DAY))).toMatchObject({ notHeldAgainst: false, undelivered: true });

    mail.mode = "accept";
    const post = await newParty({ digital: [] });
    const b = await place(post.partyId, rule, placedAt);
    expect(await deliverNotification(b.notificationId!)).toBe("failed");
    expect(await standingOf(b.message)).toMatchObject({ notHeldAgainst: false, undelivered: false, delivery: { state: "not-digital" } });

    const fine = await newParty();
    const c = await place(fine.partyId, rule, placedAt);
    expect(await deliverNotification(c.notificationId!)).toBe("delivered");
    expect(await standingOf(c.message)).toMatchObject({ notHeldAgainst: false, undelivered: false });
  });

  it("reminds 7 and 1 days before the end, not after a reply, also when archived, never twice, and catches up with the nearest one only (R21)", async () => {
    const now = new Date("2031-06-10T07:00:00Z");
    const today = todayInAmsterdam(now);
    const { partyId } = await newParty();
    const in7 = await request(partyId, addDays(today, 7));
    const in1 = await request(partyId, addDays(today, 1));
    const in3 = await request(partyId, addDays(today, 3)); // the 7-day run was missed: catch up with the 7-day reminder
    const lastDay = await request(partyId, today); // the 1-day run was missed: still reminded on the last day
    const in10 = await request(partyId, addDays(today, 10));
    const ended = await request(partyId, addDays(today, -1));
    const answered = await request(partyId, addDays(today, 1));
    await reply(partyId, answered.id);
    const archivedAnswered = await request(partyId, addDays(today, 7));
    await database.db.insert(inboxArchivedMessages).values({ messageId: archivedAnswered.id, partyId });
    await reply(partyId, archivedAnswered.id);
    const archived = await request(partyId, addDays(today, 7));
    await database.db.insert(inboxArchivedMessages).values({ messageId: archived.id, partyId });
    const noConsent = await newParty({ digital: ["information-request"] });
    const notAsked = await request(noConsent.partyId, addDays(today, 1));

    const due = await dueReminders(database.db, now, [7, 1]);
    const byId = new Map(due.map((d) => [d.messageId, d]));
    expect(byId.get(in7.id)).toMatchObject({ daysBefore: 7, termEndsOn: addDays(today, 7), partyId });
    expect(byId.get(in1.id)).toMatchObject({ daysBefore: 1 });
    expect(byId.get(in3.id)).toMatchObject({ daysBefore: 7 });
    expect(byId.get(lastDay.id)).toMatchObject({ daysBefore: 1 });
    expect(byId.get(archived.id)).toMatchObject({ daysBefore: 7 });
    for (const m of [in10, ended, answered, archivedAnswered, notAsked]) expect(byId.has(m.id), m.subject).toBe(false);
    expect(due).toHaveLength(5);

    expect(await sendReminders(now, [7, 1])).toBe(5);
    const notices = await database.db.select().from(notifications).where(and(eq(notifications.partyId, partyId), eq(notifications.kind, "reminder")));
    expect(notices.map((n) => [n.messageRef, n.termEndsOn]).sort()).toEqual(
      [
        [in7.id, addDays(today, 7)],
        [in1.id, addDays(today, 1)],
        [in3.id, addDays(today, 3)],
        [lastDay.id, today],
        [archived.id, addDays(today, 7)],
      ].sort(),
    );
    expect(await jobBoss().findJobs(deliverNotificationJob.name, { data: { notificationId: notices[0]!.id } })).toHaveLength(1);
    // A second run (or two at once) sends nothing again.
    expect(await Promise.all([sendReminders(now, [7, 1]), sendReminders(now, [7, 1])])).toEqual([0, 0]);
    expect(await dueReminders(database.db, now, [7, 1])).toEqual([]);

    // Six days later the 7-day ones are 1 day from their end: their 1-day reminder is due; the one ending in 10 days gets its 7-day one; those of 3 days have ended.
    const later = new Date(now.getTime() + 6 * DAY);
    const next = await dueReminders(database.db, later, [7, 1]);
    expect(next.map((d) => [d.messageId, d.daysBefore]).sort()).toEqual(
      [
        [in7.id, 1],
        [archived.id, 1],
        [in10.id, 7],
      ].sort(),
    );
    // The reminder notice names the end of the term (R12).
    mail.mode = "accept";
    expect(await deliverNotification(notices.find((n) => n.messageRef === in7.id)!.id)).toBe("delivered");
    expect(mail.sent.at(-1)!.text).toMatch(/De termijn eindigt op .*2031/);
    const rows = await database.db.select().from(inboxReminders).where(eq(inboxReminders.messageId, in7.id));
    expect(rows).toEqual([expect.objectContaining({ daysBefore: 7, termEndsOn: addDays(today, 7) })]);
  });

  it("reminds of the recalculated end once a term moved (R13 with R21)", async () => {
    const now = new Date("2032-03-01T07:00:00Z");
    const today = todayInAmsterdam(now);
    const { partyId } = await newParty();
    const moved = await request(partyId, addDays(today, -2)); // ended by its original date...
    const [n] = await database.db.insert(notifications).values({ partyId, kind: "information-request", language: "nl", messageRef: moved.id, messageId: `<moved-${moved.id}@test>`, status: "delivered", attemptCount: 2, deliveredAt: now }).returning();
    await database.db.insert(inboxMessageTerms).values({ messageId: moved.id, countedFrom: now, endsOn: addDays(today, 7), notificationId: n!.id, reason: "notice-resent" });
    const due = await dueReminders(database.db, now, [7, 1]);
    expect(due.filter((d) => d.messageId === moved.id)).toEqual([expect.objectContaining({ termEndsOn: addDays(today, 7), daysBefore: 7 })]);
    // The inbox list shows the end that counts, and "term running" finds the message by it.
    const actor = { kind: "party", partyId, partyKind: "person", sessionId: "t", level: "substantieel" } as const;
    const running = await ownMessages(actor, null, { filters: inboxFiltersFrom({ lopend: "ja" }), now });
    expect(running.rows.map((r) => [r.id, r.termEndsOn])).toEqual([[moved.id, addDays(today, 7)]]);
    expect(running.total).toBe(1);
    const ended = await request(partyId, addDays(today, -1)); // ended, and never recalculated
    expect((await ownMessages(actor, null, { filters: inboxFiltersFrom({ lopend: "ja" }), now })).rows.map((r) => r.id)).toEqual([moved.id]);
    expect((await ownMessages(actor, null, { filters: noFilters, now })).rows.find((r) => r.id === ended.id)?.termEndsOn).toBe(addDays(today, -1));
  });

  it("logs a case handler's reading of the proof", async () => {
    const { messageProofForStaff } = await import("@/lib/inbox/proof");
    const { partyId } = await newParty();
    const { message } = await place(partyId, { kind: "decision" }, new Date());
    const staff = { kind: "staff", staffUserId: "00000000-0000-4000-8000-000000000001", roles: ["behandelaar"], sessionId: "s", displayName: "B" } as const;
    await database.db.execute(sql`insert into staff_users (id, email, display_name, roles) values (${staff.staffUserId}, 'proof@voorbeeldstad.example', 'B', '{behandelaar}') on conflict do nothing`);
    const proof = await messageProofForStaff(staff, message.id);
    expect(proof?.message.id).toBe(message.id);
    const [logged] = await database.db.select().from(processingLog).where(and(eq(processingLog.dataSubjectId, partyId), eq(processingLog.operationName, "message.proof")));
    expect(logged).toMatchObject({ actorKind: "staff", actorRole: "behandelaar", processingActivity: "behandeling-zaken" });
    await expect(messageProofForStaff({ ...staff, roles: ["balie"] }, message.id)).rejects.toThrow();
  });
});
