import "server-only";
import { and, count, desc, eq, gte, lt, sql, type SQL } from "drizzle-orm";
import type { Tx } from "@/db";
import { parties, processingLog, staffUsers } from "@/db/schema/identity";
import { can, roleFor, type Actor } from "../auth/policy";
import { inTransaction, withDb } from "../db";
import { env } from "../env";
import { recordProcessing } from "./processing-log";

/**
 * Reading the processing log (R29): a resident reads the entries about themselves ("Wie heeft
 * mijn gegevens bekeken"), an admin searches all of it, and that search is itself logged.
 */

export const PROCESSING_PAGE_SIZE = 25;

type PartyActor = Extract<Actor, { kind: "party" }>;
type StaffActor = Extract<Actor, { kind: "staff" }>;

/** One entry as the resident sees it: when, in which role, why; a name only when the municipality shows names. */
export interface OwnProcessingEntry {
  id: string;
  at: Date;
  actorKind: "staff" | "party" | "system";
  actorRole: string | null;
  purpose: string;
  operation: string;
  staffName: string | null;
}

export interface ProcessingPage<T> {
  entries: T[];
  total: number;
  page: number;
  pageCount: number;
}

function pageCountOf(total: number): number {
  return Math.max(1, Math.ceil(total / PROCESSING_PAGE_SIZE));
}

// actor_id is text (a staff id, a party id or a system name); staff ids are uuids.
const staffJoin = and(eq(processingLog.actorKind, "staff"), sql`${processingLog.actorId} = ${staffUsers.id}::text`);

/** The entries whose data subject is the logged-in party, newest first. Scoped by the session's party id. */
export async function listOwnProcessing(actor: PartyActor, page: number): Promise<ProcessingPage<OwnProcessingEntry>> {
  if (actor.kind !== "party" || !can(actor, "own:read")) throw new Error("Only a logged-in party reads its own processing log.");
  const showNames = env().processingLog.showStaffNames;
  const mine = eq(processingLog.dataSubjectId, actor.partyId);
  return withDb(async (db) => {
    const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(processingLog).where(mine);
    const rows = await db
      .select({
        id: processingLog.id,
        at: processingLog.startedAt,
        actorKind: processingLog.actorKind,
        actorRole: processingLog.actorRole,
        purpose: processingLog.purpose,
        operation: processingLog.operationName,
        staffName: showNames ? staffUsers.displayName : sql<string | null>`null`,
      })
      .from(processingLog)
      .leftJoin(staffUsers, staffJoin)
      .where(mine)
      .orderBy(desc(processingLog.startedAt), desc(processingLog.id))
      .limit(PROCESSING_PAGE_SIZE)
      .offset((page - 1) * PROCESSING_PAGE_SIZE);
    return { entries: rows, total, page, pageCount: pageCountOf(total) };
  });
}

/** What an admin searches the log by; every field optional, dates as YYYY-MM-DD (Europe/Amsterdam days). */
export interface ProcessingSearch {
  partyId?: string;
  actorId?: string;
  operation?: string;
  from?: string;
  to?: string;
}

/** One entry as an admin sees it: every field of the standard, with the staff member's name. */
export interface ProcessingLogEntry {
  id: string;
  traceId: string;
  spanId: string;
  status: "ok" | "error";
  operation: string;
  activity: string;
  purpose: string;
  startedAt: Date;
  endedAt: Date;
  dataSubjectId: string;
  dataSubjectType: "person" | "business";
  actorKind: "staff" | "party" | "system";
  actorId: string | null;
  actorRole: string | null;
  staffName: string | null;
}

function searchConditions(search: ProcessingSearch): SQL | undefined {
  const conditions: SQL[] = [];
  if (search.partyId) conditions.push(eq(processingLog.dataSubjectId, search.partyId));
  if (search.actorId) conditions.push(eq(processingLog.actorId, search.actorId));
  if (search.operation) conditions.push(eq(processingLog.operationName, search.operation));
  // Days are the municipality's days, not UTC ones.
  if (search.from) conditions.push(gte(processingLog.startedAt, sql`(${search.from}::date)::timestamp at time zone 'Europe/Amsterdam'`));
  if (search.to) conditions.push(lt(processingLog.startedAt, sql`(${search.to}::date + 1)::timestamp at time zone 'Europe/Amsterdam'`));
  return conditions.length > 0 ? and(...conditions) : undefined;
}

/**
 * Searches the processing log for an admin. A search about one data subject is itself a
 * processing of that party's data, so it is logged (activity "toezicht-verwerkingen").
 */
export async function searchProcessingLog(actor: StaffActor, search: ProcessingSearch, page: number): Promise<ProcessingPage<ProcessingLogEntry>> {
  if (!can(actor, "processing-log:read")) throw new Error("The actor may not read the processing log.");
  const where = searchConditions(search);
  return inTransaction(async (tx) => {
    const [{ total } = { total: 0 }] = await tx.select({ total: count() }).from(processingLog).where(where);
    const entries = await tx
      .select({
        id: processingLog.id,
        traceId: processingLog.traceId,
        spanId: processingLog.spanId,
        status: processingLog.status,
        operation: processingLog.operationName,
        activity: processingLog.processingActivity,
        purpose: processingLog.purpose,
        startedAt: processingLog.startedAt,
        endedAt: processingLog.endedAt,
        dataSubjectId: processingLog.dataSubjectId,
        dataSubjectType: processingLog.dataSubjectType,
        actorKind: processingLog.actorKind,
        actorId: processingLog.actorId,
        actorRole: processingLog.actorRole,
        staffName: staffUsers.displayName,
      })
      .from(processingLog)
      .leftJoin(staffUsers, staffJoin)
      .where(where)
      .orderBy(desc(processingLog.startedAt), desc(processingLog.id))
      .limit(PROCESSING_PAGE_SIZE)
      .offset((page - 1) * PROCESSING_PAGE_SIZE);
    if (search.partyId) {
      const subjectType = entries[0]?.dataSubjectType ?? (await subjectTypeOf(tx, search.partyId));
      if (subjectType) {
        await recordProcessing(tx, {
          operation: "processing-log.search",
          activity: "toezicht-verwerkingen",
          purpose: "Controle wie de gegevens heeft bekeken of gebruikt",
          subject: { partyId: search.partyId, kind: subjectType },
          actor,
          actorRole: roleFor(actor, "processing-log:read"),
        });
      }
    }
    return { entries, total, page, pageCount: pageCountOf(total) };
  });
}

async function subjectTypeOf(tx: Tx, partyId: string): Promise<"person" | "business" | null> {
  const [row] = await tx.select({ kind: parties.kind }).from(parties).where(eq(parties.id, partyId)).limit(1);
  return row?.kind ?? null;
}
