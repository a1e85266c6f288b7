import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schema } from "@/db";
import type { Actor } from "@/lib/auth/policy";
import { inTransaction } from "@/lib/db";
import { startJobs, stopJobs } from "@/lib/jobs/runtime";
import { useMailTransport } from "@/lib/mail";
import { sendMailJob } from "@/lib/mail/jobs";
import { createFileTransport } from "@/lib/mail/transport";
import { handleBounceRequest } from "@/lib/notifications/bounce-endpoint";
import { changeConsents } from "@/lib/notifications/contacts";
import { deliverNotification } from "@/lib/notifications/delivery";
import { closeFallbackTask, savePostalAddress } from "@/lib/notifications/fallback";
import { deliverNotificationJob } from "@/lib/notifications/jobs";
import { notify } from "@/lib/notifications/notify";
import { deliveryHealth, fallbackTaskForStaff, openFallbackTasks, partyNotificationsForStaff } from "@/lib/notifications/queries";
import { NotAllowedError } from "@/lib/parties/queries";
import { testDatabases, useTestDatabase } from "../support/database";

// Read once by lib/env.ts, before anything in this file asks for the environment.
const BOUNCE_SECRET = "bounce-secret-for-tests-0123456789-abcdef";
process.env.NOTIFICATION_BOUNCE_SECRET = BOUNCE_SECRET;

const { parties, staffUsers, fallbackTasks, notifications, processingLog, partyContacts } = schema;
let kvk = 20_000_000 + Math.floor(Math.random() * 70_000_000);

describe.each(testDatabases())("notification work for staff on %s", (kind) => {
  const database = useTestDatabase(kind);
  let balie: Extract<Actor, { kind: "staff" }>;
  let beheerder: Extract<Actor, { kind: "staff" }>;

  beforeAll(async () => {
    useMailTransport(createFileTransport(`${process.env.DATA_DIR}/mail-${kind}`));
    await startJobs({ handle: database.handle, role: "web", jobs: [deliverNotificationJob, sendMailJob] });
    const [a, b] = await database.db
      .insert(staffUsers)
      .values([
        { email: `balie-${kind}@voorbeeldstad.example`, displayName: "Balie", roles: ["balie"] },
        { email: `beheer-${kind}@voorbeeldstad.example`, displayName: "Beheer", roles: ["beheerder"] },
      ])
      .returning();
    balie = { kind: "staff", staffUserId: a!.id, roles: ["balie"], sessionId: "s1", displayName: "Balie" };
    beheerder = { kind: "staff", staffUserId: b!.id, roles: ["beheerder"], sessionId: "s2", displayName: "Beheer" };
  }, 60_000);
  afterAll(async () => {
    await stopJobs();
    useMailTransport(undefined);
  }, 60_000);

  async function failedNotice(termEndsOn: string | null = "2027-03-01") {
    const [row] = await database.db.insert(parties).values({ kind: "business", kvkNumber: String(++kvk) }).returning({ id: parties.id });
    const partyId = row!.id;
    const { notificationId, messageId } = await inTransaction((tx) => notify(tx, { partyId, kind: "decision", termEndsOn }));
    expect(await deliverNotification(notificationId)).toBe("failed"); // no consent
    const [task] = await database.db.select().from(fallbackTasks).where(eq(fallbackTasks.notificationId, notificationId));
    return { partyId, notificationId, messageId, taskId: task!.id };
  }

  const logEntries = (partyId: string, operation: string) =>
    database.db.select().from(processingLog).where(and(eq(processingLog.dataSubjectId, partyId), eq(processingLog.operationName, operation)));

  it("lists open tasks without personal data, and shows one task with its party, logged", async () => {
    const { partyId, taskId, notificationId } = await failedNotice();
    const list = await openFallbackTasks(balie);
    const listed = list.find((t) => t.id === taskId);
    expect(listed).toMatchObject({ kind: "decision", reason: "no-consent", termEndsOn: "2027-03-01" });
    expect(Object.keys(listed!).sort()).toEqual(["createdAt", "id", "kind", "reason", "termEndsOn"]);

    const task = await fallbackTaskForStaff(balie, taskId);
    expect(task!.party).toMatchObject({ id: partyId, kind: "business", identifier: String(kvk) });
    expect(task!.notification.id).toBe(notificationId);
    expect(task!.notification.attempts.map((a) => a.outcome)).toEqual(["queued", "permanent-failure"]);
    expect(await logEntries(partyId, "fallback-task.view")).toHaveLength(1);

    await expect(openFallbackTasks(beheerder)).rejects.toBeInstanceOf(NotAllowedError);
    await expect(fallbackTaskForStaff(beheerder, taskId)).rejects.toBeInstanceOf(NotAllowedError);
  });

  it("stores the postal address and closes a task once, both logged", async () => {
    const { partyId, taskId } = await failedNotice();
    expect(await inTransaction((tx) => savePostalAddress(tx, balie, taskId, "Dorpsstraat 1\n1234 AB Voorbeeldstad"))).toBe("saved");
    expect(await inTransaction((tx) => closeFallbackTask(tx, balie, taskId, "letter-sent", "Brief verstuurd"))).toBe("closed");
    expect(await inTransaction((tx) => closeFallbackTask(tx, balie, taskId, "phoned", null))).toBe("already-closed");
    expect(await inTransaction((tx) => savePostalAddress(tx, balie, taskId, "x"))).toBe("closed");
    const [task] = await database.db.select().from(fallbackTasks).where(eq(fallbackTasks.id, taskId));
    expect(task).toMatchObject({ status: "closed", outcome: "letter-sent", note: "Brief verstuurd", closedBy: balie.staffUserId, postalAddress: "Dorpsstraat 1\n1234 AB Voorbeeldstad" });
    expect(await logEntries(partyId, "fallback-task.close")).toHaveLength(1);
    expect(await logEntries(partyId, "fallback-task.postal-address")).toHaveLength(1);
    expect((await openFallbackTasks(balie)).some((t) => t.id === taskId)).toBe(false);
  });

  it("shows staff a party's consent, history and notifications with their open task, logged with the purpose", async () => {
    const { partyId, notificationId, taskId } = await failedNotice();
    await inTransaction((tx) => changeConsents(tx, { kind: "staff", staffUserId: balie.staffUserId }, partyId, { decision: true, "information-request": false, information: false, receipt: false, reminder: false, outage: false, "draft-expiring": false }));
    const data = await partyNotificationsForStaff(balie, partyId, "Telefonische vraag");
    expect(data!.settings.consents.decision).toBe(true);
    expect(data!.history[0]).toMatchObject({ change: "consent", kind: "decision", value: "digital", actorKind: "staff" });
    expect(data!.notifications[0]!.id).toBe(notificationId);
    expect(data!.openTasks[notificationId]).toBe(taskId);
    const [entry] = await logEntries(partyId, "party.notifications.view");
    expect(entry).toMatchObject({ purpose: "Telefonische vraag", actorId: balie.staffUserId });
  });

  it("takes bounce reports only with the shared secret, and turns a delivered notice into a failed one", async () => {
    const [row] = await database.db.insert(parties).values({ kind: "business", kvkNumber: String(++kvk) }).returning({ id: parties.id });
    const partyId = row!.id;
    await database.db.insert(partyContacts).values({ partyId, email: `b-${kvk}@example.org`, emailVerifiedAt: new Date() });
    await inTransaction((tx) => changeConsents(tx, { kind: "party", partyId }, partyId, { decision: true, "information-request": false, information: false, receipt: false, reminder: false, outage: false, "draft-expiring": false }));
    const { notificationId, messageId } = await inTransaction((tx) => notify(tx, { partyId, kind: "decision" }));
    expect(await deliverNotification(notificationId)).toBe("delivered");

    const post = (body: unknown, secret?: string) =>
      handleBounceRequest(new Request("http://localhost/api/meldingen/bounce", { method: "POST", headers: { "content-type": "application/json", ...(secret ? { authorization: `Bearer ${secret}` } : {}) }, body: typeof body === "string" ? body : JSON.stringify(body) }));

    expect((await post({ messageId })).status).toBe(401);
    expect((await post({ messageId }, "wrong-secret")).status).toBe(401);
    expect((await post("not json", BOUNCE_SECRET)).status).toBe(400);
    expect((await post({ messageId: "<onbekend@x>" }, BOUNCE_SECRET)).status).toBe(404);
    const ok = await post({ messageId, reason: "550 mailbox full" }, BOUNCE_SECRET);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ result: "recorded" });
    const [n] = await database.db.select().from(notifications).where(eq(notifications.id, notificationId));
    expect(n).toMatchObject({ status: "failed", failureReason: "bounced" });
    expect(await database.db.select().from(fallbackTasks).where(eq(fallbackTasks.notificationId, notificationId))).toHaveLength(1);
  });

  it("reports delivery health to admins, with a warning when failures rise", async () => {
    for (let i = 0; i < 5; i++) await failedNotice();
    const health = await deliveryHealth(beheerder);
    expect(health.failed).toBeGreaterThanOrEqual(5);
    expect(health.openTasks).toBeGreaterThanOrEqual(5);
    expect(health.oldestUndelivered).toBeInstanceOf(Date);
    expect(health.failureWarning).toBe(true);
    expect(health.total).toBe(health.delivered + health.pending + health.failed);
    await expect(deliveryHealth(balie)).rejects.toBeInstanceOf(NotAllowedError);
  });
});
