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

async function requestTraceId(): Promise<string> {
  try {
    return traceIdFor((await headers()).get("x-request-id"));
  } catch {
    // Outside a request (jobs, scripts): a trace of its own.
    return traceIdFor(null);
  }
}

/** Appends one entry to the processing log through the given database or transaction. */
export async function recordProcessing(db: DbOrTx, entry: ProcessingEntry): Promise<void> {
  await recordProcessingMany(db, [entry]);
}

/** Appends several entries in one statement (a worker recording a batch of deliveries); each is the same row recordProcessing() writes. */
export async function recordProcessingMany(db: DbOrTx, entries: readonly ProcessingEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const rows = await Promise.all(entries.map(async (entry) => toRow(entry, await requestTraceId())));
  await db.insert(processingLog).values(rows);
}

function toRow(entry: ProcessingEntry, traceId: string): typeof processingLog.$inferInsert {
  const now = new Date();
  return {
    traceId,
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
  };
}
