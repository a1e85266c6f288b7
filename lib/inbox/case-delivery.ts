import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { inboxMessages } from "@/db/schema/submissions";
import { can, type Actor, type Permission } from "../auth/policy";
import { withDb } from "../db";
import { NotAllowedError } from "../parties/queries";
import { messageStandings } from "./effective-term";
import { loadMessageProof, type MessageProof } from "./proof";

/**
 * Delivery of the messages of one case (R13, R14): the case shows when a notice could not be
 * delivered and when a term passed without one, for the case handler (every message with its
 * proof) and the resident (how many, with a link to each message).
 */

type PartyActor = Extract<Actor, { kind: "party" }>;
type StaffActor = Extract<Actor, { kind: "staff" }>;

function requirePermission(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) throw new NotAllowedError(permission);
}

/** The proof of every message of a case, oldest first (the case's own messages; receipts have no case). */
export async function loadCaseMessageProofs(db: DbOrTx, caseId: string, now = new Date()): Promise<MessageProof[]> {
  const ids = await db.select({ id: inboxMessages.id }).from(inboxMessages).where(eq(inboxMessages.caseId, caseId)).orderBy(asc(inboxMessages.placedAt), asc(inboxMessages.id));
  const proofs: MessageProof[] = [];
  for (const { id } of ids) {
    const proof = await loadMessageProof(db, id, { now });
    if (proof) proofs.push(proof);
  }
  return proofs;
}

/**
 * For the case screen (case:read). Opening the case is already written to the processing log
 * (caseForStaff); this is part of that same read.
 */
export async function caseMessageProofsForStaff(actor: StaffActor, caseId: string): Promise<MessageProof[]> {
  requirePermission(actor, "case:read");
  return withDb((db) => loadCaseMessageProofs(db, caseId));
}

export interface CaseDeliveryFlag {
  messageId: string;
  subject: string;
  notHeldAgainst: boolean;
  undelivered: boolean;
}

/** The party's messages of their own case whose notice was not delivered (R13) or whose term passed without one (R14). */
export async function ownCaseDeliveryFlags(actor: PartyActor, caseId: string, now = new Date()): Promise<CaseDeliveryFlag[]> {
  requirePermission(actor, "own:read");
  return withDb(async (db) => {
    const messages = await db
      .select({ id: inboxMessages.id, kind: inboxMessages.kind, subject: inboxMessages.subject, termEndsOn: inboxMessages.termEndsOn })
      .from(inboxMessages)
      .where(and(eq(inboxMessages.caseId, caseId), eq(inboxMessages.partyId, actor.partyId)))
      .orderBy(asc(inboxMessages.placedAt));
    const standings = await messageStandings(db, messages, now);
    return messages.flatMap((m) => {
      const s = standings.get(m.id)!;
      return s.notHeldAgainst || s.undelivered ? [{ messageId: m.id, subject: m.subject, notHeldAgainst: s.notHeldAgainst, undelivered: s.undelivered }] : [];
    });
  });
}
