import "server-only";
import { and, desc, eq, gte, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { parties, processingLog } from "@/db/schema/identity";
import { recordProcessing, type ProcessingActivity } from "../audit/processing-log";
import { can, roleFor, type Actor, type Permission } from "../auth/policy";
import { inTransaction, withDb } from "../db";
import { partyDataKey } from "../secrets";
import { isValidBsn, normaliseBsn } from "./bsn";
import { bsnLookupHash, decryptBsn, maskBsn } from "./bsn-protection";

/**
 * Staff reading a party's data (R29, R30). Every function checks the permission itself and
 * writes the processing log entry in the same transaction as the read, so no read of a
 * party's data can happen without its entry. A BSN goes in as an argument and, masked or on
 * purpose in full, comes out as a value: never into a URL, a log line or an error message.
 */

type StaffActor = Extract<Actor, { kind: "staff" }>;

export class NotAllowedError extends Error {
  constructor(permission: Permission) {
    super(`The actor does not hold ${permission}.`);
    this.name = "NotAllowedError";
  }
}

/** What staff see of a party by default: the BSN masked. */
export interface PartyOverview {
  id: string;
  kind: "person" | "business";
  /** "••••••782" for persons; null for businesses. */
  maskedBsn: string | null;
  kvkNumber: string | null;
  branchNumber: string | null;
  displayName: string | null;
  createdAt: Date;
  lastLoginAt: Date | null;
}

/** How long a purpose given at the lookup still counts for opening the party page without asking again. */
export const RECORDED_PURPOSE_MINUTES = 15;

function requirePermission(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) throw new NotAllowedError(permission);
}

/** The processing activity staff work under: the counter's, or case handling for a case handler. */
function activityOf(actor: StaffActor, permission: Permission): ProcessingActivity {
  return roleFor(actor, permission) === "behandelaar" ? "behandeling-zaken" : "dienstverlening-balie";
}

async function overviewOf(db: DbOrTx, where: ReturnType<typeof eq>): Promise<PartyOverview | null> {
  const [row] = await db.select().from(parties).where(where).limit(1);
  if (!row) return null;
  let maskedBsn: string | null = null;
  if (row.kind === "person" && row.bsnSealed) {
    // Decrypted only to mask it; the full number leaves this function only through revealBsn.
    maskedBsn = maskBsn(decryptBsn(row.bsnSealed, partyDataKey()));
  }
  return {
    id: row.id,
    kind: row.kind,
    maskedBsn,
    kvkNumber: row.kvkNumber,
    branchNumber: row.branchNumber,
    displayName: row.displayName,
    createdAt: row.createdAt,
    lastLoginAt: row.lastLoginAt,
  };
}

/** The lookup hash of a BSN typed by staff, or null when it is not a valid BSN. */
function lookupHashOf(bsnInput: string): string | null {
  const bsn = normaliseBsn(bsnInput);
  if (!bsn || !isValidBsn(bsn)) return null;
  return bsnLookupHash(bsn, partyDataKey());
}

/**
 * Counter lookup by BSN: the party's overview, with a processing log entry "party.find" for the
 * found party. Finding nobody logs nothing (there is no data subject) and answers null.
 */
export async function findPartyByBsn(actor: StaffActor, bsnInput: string, purpose: string): Promise<PartyOverview | null> {
  requirePermission(actor, "party:find");
  const hash = lookupHashOf(bsnInput);
  if (!hash) return null;
  return inTransaction(async (tx) => {
    const overview = await overviewOf(tx, eq(parties.bsnHash, hash));
    if (!overview) return null;
    await recordProcessing(tx, {
      operation: "party.find",
      activity: activityOf(actor, "party:find"),
      purpose,
      subject: { partyId: overview.id, kind: overview.kind },
      actor,
      actorRole: roleFor(actor, "party:find"),
    });
    return overview;
  });
}

/** The party id for a BSN, without reading any of the party's data (for searching the processing log). */
export async function partyIdForBsn(actor: StaffActor, bsnInput: string): Promise<string | null> {
  if (!can(actor, "processing-log:read") && !can(actor, "party:find")) throw new NotAllowedError("processing-log:read");
  const hash = lookupHashOf(bsnInput);
  if (!hash) return null;
  return withDb(async (db) => {
    const [row] = await db.select({ id: parties.id }).from(parties).where(eq(parties.bsnHash, hash)).limit(1);
    return row?.id ?? null;
  });
}

/** A party's overview for staff, logged as "party.view" with the given purpose. Unknown party: null. */
export async function viewParty(actor: StaffActor, partyId: string, purpose: string): Promise<PartyOverview | null> {
  requirePermission(actor, "party:read");
  return inTransaction(async (tx) => {
    const overview = await overviewOf(tx, eq(parties.id, partyId));
    if (!overview) return null;
    await recordProcessing(tx, {
      operation: "party.view",
      activity: activityOf(actor, "party:read"),
      purpose,
      subject: { partyId: overview.id, kind: overview.kind },
      actor,
      actorRole: roleFor(actor, "party:read"),
    });
    return overview;
  });
}

/** True when a party with this id exists (no data of it is read, so nothing is logged). */
export async function partyExists(actor: StaffActor, partyId: string): Promise<boolean> {
  requirePermission(actor, "party:read");
  return withDb(async (db) => {
    const [row] = await db.select({ id: parties.id }).from(parties).where(eq(parties.id, partyId)).limit(1);
    return Boolean(row);
  });
}

/**
 * The purpose this staff member recorded for this party in the last minutes (at a lookup or an
 * earlier view), so opening the party page from the lookup does not ask for it again.
 */
export async function recordedPurpose(actor: StaffActor, partyId: string, now = new Date()): Promise<string | null> {
  requirePermission(actor, "party:read");
  const since = new Date(now.getTime() - RECORDED_PURPOSE_MINUTES * 60_000);
  return withDb(async (db) => {
    const [row] = await db
      .select({ purpose: processingLog.purpose })
      .from(processingLog)
      .where(
        and(
          eq(processingLog.dataSubjectId, partyId),
          eq(processingLog.actorKind, "staff"),
          eq(processingLog.actorId, actor.staffUserId),
          sql`${processingLog.operationName} in ('party.find', 'party.view', 'party.reveal-bsn')`,
          gte(processingLog.startedAt, since),
        ),
      )
      .orderBy(desc(processingLog.startedAt))
      .limit(1);
    return row?.purpose ?? null;
  });
}

/**
 * The full BSN of a person, shown on purpose by staff, with the overview it belongs to: logged
 * as its own entry "party.reveal-bsn" (that entry covers this read of the party too).
 */
export async function revealBsn(actor: StaffActor, partyId: string, purpose: string): Promise<{ bsn: string; party: PartyOverview } | null> {
  requirePermission(actor, "party:read");
  return inTransaction(async (tx) => {
    const [row] = await tx.select({ bsnSealed: parties.bsnSealed }).from(parties).where(eq(parties.id, partyId)).limit(1);
    const party = row?.bsnSealed ? await overviewOf(tx, eq(parties.id, partyId)) : null;
    if (!row?.bsnSealed || !party) return null;
    await recordProcessing(tx, {
      operation: "party.reveal-bsn",
      activity: activityOf(actor, "party:read"),
      purpose,
      subject: { partyId: party.id, kind: party.kind },
      actor,
      actorRole: roleFor(actor, "party:read"),
    });
    return { bsn: decryptBsn(row.bsnSealed, partyDataKey()), party };
  });
}
