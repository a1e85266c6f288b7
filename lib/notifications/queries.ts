import "server-only";
import { and, asc, count, desc, eq, gte, inArray, min } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { parties } from "@/db/schema/identity";
import { fallbackTasks, notificationAttempts, notifications } from "@/db/schema/notifications";
import { recordProcessing } from "../audit/processing-log";
import { can, roleFor, type Actor, type Permission } from "../auth/policy";
import { inTransaction, withDb } from "../db";
import { NotAllowedError } from "../parties/queries";
import { partyDataKey } from "../secrets";
import { decryptBsn, maskBsn } from "../parties/bsn-protection";
import { contactHistory, contactSettings } from "./contacts";

/**
 * What pages read about notifications. Residents see only their own (scoped by party id);
 * staff need the permission, and every read of a party's data writes a processing-log entry
 * in the same transaction.
 */

type PartyActor = Extract<Actor, { kind: "party" }>;
type StaffActor = Extract<Actor, { kind: "staff" }>;

function requirePermission(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) throw new NotAllowedError(permission);
}

export type NotificationRow = typeof notifications.$inferSelect;
export type AttemptRow = typeof notificationAttempts.$inferSelect;
export type NotificationWithAttempts = NotificationRow & { attempts: AttemptRow[] };

async function withAttempts(db: DbOrTx, rows: NotificationRow[]): Promise<NotificationWithAttempts[]> {
  if (rows.length === 0) return [];
  const attempts = await db
    .select()
    .from(notificationAttempts)
    .where(inArray(notificationAttempts.notificationId, rows.map((r) => r.id)))
    .orderBy(asc(notificationAttempts.at), asc(notificationAttempts.attempt));
  return rows.map((r) => ({ ...r, attempts: attempts.filter((a) => a.notificationId === r.id) }));
}

/** The logged-in party's contact details, consent and their history. */
export async function ownSettings(actor: PartyActor) {
  requirePermission(actor, "own:settings");
  return withDb(async (db) => ({ settings: await contactSettings(db, actor.partyId), history: await contactHistory(db, actor.partyId) }));
}

/** The notices sent to the logged-in party, each with its attempts (R16). */
export async function ownNotifications(actor: PartyActor, limit = 50): Promise<NotificationWithAttempts[]> {
  requirePermission(actor, "own:read");
  return withDb(async (db) => {
    const rows = await db.select().from(notifications).where(eq(notifications.partyId, actor.partyId)).orderBy(desc(notifications.createdAt)).limit(limit);
    return withAttempts(db, rows);
  });
}

/**
 * A party's contact details, consent, history and notifications for staff, logged as
 * "party.notifications.view" with the purpose given for this visit.
 */
export async function partyNotificationsForStaff(actor: StaffActor, partyId: string, purpose: string) {
  requirePermission(actor, "party:read");
  return inTransaction(async (tx) => {
    const [party] = await tx.select({ id: parties.id, kind: parties.kind }).from(parties).where(eq(parties.id, partyId));
    if (!party) return null;
    await recordProcessing(tx, {
      operation: "party.notifications.view",
      activity: roleFor(actor, "party:read") === "behandelaar" ? "behandeling-zaken" : "dienstverlening-balie",
      purpose,
      subject: { partyId: party.id, kind: party.kind },
      actor,
      actorRole: roleFor(actor, "party:read"),
    });
    const rows = await tx.select().from(notifications).where(eq(notifications.partyId, partyId)).orderBy(desc(notifications.createdAt)).limit(50);
    const tasks = await tx.select({ id: fallbackTasks.id, notificationId: fallbackTasks.notificationId }).from(fallbackTasks).where(and(eq(fallbackTasks.partyId, partyId), eq(fallbackTasks.status, "open")));
    return {
      settings: await contactSettings(tx, partyId),
      history: await contactHistory(tx, partyId),
      notifications: await withAttempts(tx, rows),
      /** Open fallback task per notification id. */
      openTasks: Object.fromEntries(tasks.map((task) => [task.notificationId, task.id])) as Record<string, string>,
    };
  });
}

export interface TaskListRow {
  id: string;
  createdAt: Date;
  reason: (typeof fallbackTasks.$inferSelect)["reason"];
  kind: NotificationRow["kind"];
  termEndsOn: string | null;
}

/** Open fallback tasks, oldest first. No personal data: the resident is shown on the task itself. */
export async function openFallbackTasks(actor: StaffActor): Promise<TaskListRow[]> {
  requirePermission(actor, "fallback-task:work");
  return withDb((db) =>
    db
      .select({ id: fallbackTasks.id, createdAt: fallbackTasks.createdAt, reason: fallbackTasks.reason, kind: notifications.kind, termEndsOn: notifications.termEndsOn })
      .from(fallbackTasks)
      .innerJoin(notifications, eq(notifications.id, fallbackTasks.notificationId))
      .where(eq(fallbackTasks.status, "open"))
      .orderBy(asc(fallbackTasks.createdAt))
      .limit(200),
  );
}

/** The Dutch purpose a fallback task is read under; the resident reads it in "Wie heeft mijn gegevens bekeken". */
export const FALLBACK_TASK_PURPOSE = "Terugvaltaak: u op een andere manier laten weten dat er een bericht klaarstaat";

/** True when a fallback task with this id exists (nothing of the party is read). */
export async function fallbackTaskExists(actor: StaffActor, taskId: string): Promise<boolean> {
  requirePermission(actor, "fallback-task:work");
  return withDb(async (db) => Boolean((await db.select({ id: fallbackTasks.id }).from(fallbackTasks).where(eq(fallbackTasks.id, taskId)))[0]));
}

/**
 * One fallback task with what staff need to reach the party: who (name, masked BSN or KvK),
 * their contact details, the notice that failed with its attempts, the party's other undelivered
 * notices and the terms running. Logged as "fallback-task.view".
 */
export async function fallbackTaskForStaff(actor: StaffActor, taskId: string, operation = "fallback-task.view") {
  requirePermission(actor, "fallback-task:work");
  return inTransaction(async (tx) => {
    const [task] = await tx.select().from(fallbackTasks).where(eq(fallbackTasks.id, taskId));
    if (!task) return null;
    const [party] = await tx.select().from(parties).where(eq(parties.id, task.partyId));
    await recordProcessing(tx, {
      operation,
      activity: "dienstverlening-balie",
      purpose: FALLBACK_TASK_PURPOSE,
      subject: { partyId: party!.id, kind: party!.kind },
      actor,
      actorRole: roleFor(actor, "fallback-task:work"),
    });
    const undelivered = await tx
      .select()
      .from(notifications)
      .where(and(eq(notifications.partyId, task.partyId), inArray(notifications.status, ["failed", "retrying"])))
      .orderBy(asc(notifications.createdAt));
    const [notification] = await tx.select().from(notifications).where(eq(notifications.id, task.notificationId));
    return {
      task,
      party: {
        id: party!.id,
        kind: party!.kind,
        displayName: party!.displayName,
        identifier: party!.kind === "person" && party!.bsnSealed ? maskBsn(decryptBsn(party!.bsnSealed, partyDataKey())) : [party!.kvkNumber, party!.branchNumber].filter(Boolean).join(" / "),
      },
      settings: await contactSettings(tx, task.partyId),
      notification: (await withAttempts(tx, [notification!]))[0]!,
      otherUndelivered: undelivered.filter((n) => n.id !== task.notificationId),
    };
  });
}

export interface DeliveryHealth {
  total: number;
  delivered: number;
  pending: number;
  failed: number;
  openTasks: number;
  oldestUndelivered: Date | null;
  templateErrors: number;
  lastDay: { total: number; failed: number };
  /** True when more than FAILURE_WARNING_SHARE of the last day's notices failed (and at least 5 were sent). */
  failureWarning: boolean;
}

export const FAILURE_WARNING_SHARE = 0.1;

/** Delivery health for the admin dashboard: the last 7 days, and a warning when failures rise. */
export async function deliveryHealth(actor: StaffActor, now = new Date()): Promise<DeliveryHealth> {
  requirePermission(actor, "notifications:manage");
  return withDb(async (db) => {
    const week = new Date(now.getTime() - 7 * 86_400_000);
    const day = new Date(now.getTime() - 86_400_000);
    const byStatus = await db.select({ status: notifications.status, n: count() }).from(notifications).where(gte(notifications.createdAt, week)).groupBy(notifications.status);
    const lastDay = await db.select({ status: notifications.status, n: count() }).from(notifications).where(gte(notifications.createdAt, day)).groupBy(notifications.status);
    const [{ n: openTasks }] = (await db.select({ n: count() }).from(fallbackTasks).where(eq(fallbackTasks.status, "open"))) as [{ n: number }];
    const [{ oldest }] = (await db.select({ oldest: min(notifications.createdAt) }).from(notifications).where(inArray(notifications.status, ["queued", "sending", "retrying", "failed"]))) as [{ oldest: Date | string | null }];
    const [{ n: templateErrors }] = (await db.select({ n: count() }).from(notifications).where(eq(notifications.failureReason, "template-error"))) as [{ n: number }];
    const of = (rows: { status: string; n: number }[], ...statuses: string[]) => rows.filter((r) => statuses.includes(r.status)).reduce((sum, r) => sum + Number(r.n), 0);
    const dayTotal = of(lastDay, "queued", "sending", "retrying", "delivered", "failed");
    const dayFailed = of(lastDay, "failed");
    return {
      total: of(byStatus, "queued", "sending", "retrying", "delivered", "failed"),
      delivered: of(byStatus, "delivered"),
      pending: of(byStatus, "queued", "sending", "retrying"),
      failed: of(byStatus, "failed"),
      openTasks: Number(openTasks),
      oldestUndelivered: oldest ? new Date(oldest) : null,
      templateErrors: Number(templateErrors),
      lastDay: { total: dayTotal, failed: dayFailed },
      failureWarning: dayTotal >= 5 && dayFailed / dayTotal > FAILURE_WARNING_SHARE,
    };
  });
}


