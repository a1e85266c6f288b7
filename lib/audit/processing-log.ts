import { sql, type SQL } from "drizzle-orm";
import { headers } from "next/headers";
import type { DbOrTx } from "@/db";
import { processingLog } from "@/db/schema/identity";
import type { Actor } from "../auth/policy";
import { newSpanId, traceIdFor } from "./trace";

/**
 * Writes the processing log (verwerkingenlogboek, R29): one entry per read or write of a party's
 * data by staff or by the system, in the same transaction as a write. The table is append-only.
 */

/** The municipality's processing activities (register of processing, AVG art. 30) the portal performs. */
export const processingActivities = {
  "dienstverlening-balie": "Inwoners en ondernemers helpen aan de balie en telefoon",
  "behandeling-zaken": "Aanvragen, meldingen, bezwaren en klachten behandelen",
  "berichtenverkeer": "Berichten en notificaties versturen",
  "beheer-accounts": "Accounts van medewerkers beheren",
  "identificatie": "Inloggen en vaststellen wie iemand is",
  "toezicht-verwerkingen": "Toezicht op het gebruik van persoonsgegevens (het verwerkingenlogboek doorzoeken)",
} as const;
export type ProcessingActivity = keyof typeof processingActivities;

export interface ProcessingEntry {
  operation: string;
  activity: ProcessingActivity;
  /** Why, in words a resident understands, e.g. "Telefonische vraag over uw aanvraag". */
  purpose: string;
  subject: { partyId: string; kind: "person" | "business" };
  actor: Actor;
  actorRole?: string | null;
  status?: "ok" | "error";
  startedAt?: Date;
  endedAt?: Date;
}

async function requestTraceId(): Promise<string>;
async function requestTraceId(outside: null): Promise<string | null>;
async function requestTraceId(outside?: null): Promise<string | null> {
  try {
    return traceIdFor((await headers()).get("x-request-id"));
  } catch {
    // Outside a request (jobs, scripts): a trace of its own (or null when asked).
    return outside === null ? null : traceIdFor(null);
  }
}

/** Appends one entry to the processing log through the given database or transaction. */
export async function recordProcessing(db: DbOrTx, entry: ProcessingEntry): Promise<void> {
  const now = new Date();
  await db.insert(processingLog).values({
    traceId: await requestTraceId(),
    spanId: newSpanId(),
    status: entry.status ?? "ok",
    operationName: entry.operation,
    startedAt: entry.startedAt ?? now,
    endedAt: entry.endedAt ?? now,
    processingActivity: entry.activity,
    purpose: entry.purpose,
    dataSubjectId: entry.subject.partyId,
    dataSubjectType: entry.subject.kind,
    actorKind: entry.actor.kind,
    actorId: entry.actor.kind === "staff" ? entry.actor.staffUserId : entry.actor.kind === "party" ? entry.actor.partyId : entry.actor.name,
    actorRole: entry.actorRole ?? null,
  });
}

/** Appends several entries in one statement (a worker recording a batch of deliveries); each is the same row recordProcessing() writes. */
export async function recordProcessingMany(db: DbOrTx, entries: readonly ProcessingEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await db.execute(await processingLogInsert(entries));
}

/**
 * The INSERT statement of recordProcessingMany(), to use on its own or as a data-modifying CTE
 * of a larger statement (`with log as (${insert}) ...`). Its text is the same for any number of
 * entries (the rows travel as one JSON parameter), so the database plans it once per connection.
 */
export async function processingLogInsert(entries: readonly ProcessingEntry[]): Promise<SQL> {
  const now = new Date().toISOString();
  // Inside a request every entry shares its trace; outside one (a worker) each gets a trace of
  // its own, as recordProcessing() gives it. Asked once: outside a request the question throws.
  const inRequest = await requestTraceId(null);
  const rows = entries.map((entry) => ({
    trace_id: inRequest ?? traceIdFor(null),
    span_id: newSpanId(),
    status: entry.status ?? "ok",
    operation_name: entry.operation,
    started_at: entry.startedAt?.toISOString() ?? now,
    ended_at: entry.endedAt?.toISOString() ?? now,
    processing_activity: entry.activity,
    purpose: entry.purpose,
    data_subject_id: entry.subject.partyId,
    data_subject_type: entry.subject.kind,
    actor_kind: entry.actor.kind,
    actor_id: entry.actor.kind === "staff" ? entry.actor.staffUserId : entry.actor.kind === "party" ? entry.actor.partyId : entry.actor.name,
    actor_role: entry.actorRole ?? null,
  }));
  return sql`insert into ${processingLog} (trace_id, span_id, status, operation_name, started_at, ended_at, processing_activity, purpose, data_subject_id, data_subject_type, actor_kind, actor_id, actor_role)
    select trace_id, span_id, status, operation_name, started_at, ended_at, processing_activity, purpose, data_subject_id, data_subject_type, actor_kind, actor_id, actor_role
    from json_to_recordset(${JSON.stringify(rows)}::json) as x(trace_id text, span_id text, status text, operation_name text, started_at timestamptz, ended_at timestamptz,
      processing_activity text, purpose text, data_subject_id uuid, data_subject_type text, actor_kind text, actor_id text, actor_role text)`;
}
