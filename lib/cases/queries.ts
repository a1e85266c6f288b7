import "server-only";
import { and, asc, desc, eq } from "drizzle-orm";
import { products } from "@/db/schema/catalogue";
import { caseEvents, cases, inboxMessages, submissions, type CaseEventKind, type CaseStatus } from "@/db/schema/submissions";
import { can, type Actor, type Permission } from "../auth/policy";
import { withDb } from "../db";
import { NotAllowedError } from "../parties/queries";

/**
 * The party's cases (zaken): each with its status, expected decision date and the submission
 * behind it, and one case with its timeline of events. Scoped by the session's party; notes on
 * events are shown only when they are meant for the party.
 */

type PartyActor = Extract<Actor, { kind: "party" }>;

function requirePermission(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) throw new NotAllowedError(permission);
}

export interface CaseRow {
  id: string;
  reference: string;
  status: CaseStatus;
  productNl: string;
  productEn: string;
  expectedDecisionOn: string | null;
  openedAt: Date;
}

/** The party's cases, newest first (at most `limit`). */
export async function ownCases(actor: PartyActor, limit = 200): Promise<CaseRow[]> {
  requirePermission(actor, "own:read");
  return withDb((db) =>
    db
      .select({
        id: cases.id,
        reference: cases.reference,
        status: cases.status,
        productNl: products.nameNl,
        productEn: products.nameEn,
        expectedDecisionOn: cases.expectedDecisionOn,
        openedAt: cases.openedAt,
      })
      .from(cases)
      .innerJoin(products, eq(products.id, cases.productId))
      .where(eq(cases.partyId, actor.partyId))
      .orderBy(desc(cases.openedAt), desc(cases.id))
      .limit(limit),
  );
}

export interface CaseTimelineEvent {
  id: string;
  kind: CaseEventKind;
  status: CaseStatus;
  /** Only notes meant for the party; null otherwise. */
  note: string | null;
  at: Date;
}

export interface CaseView extends CaseRow {
  decisionTermExplanation: { nl: string; en: string } | null;
  submission: { id: string; messageType: string; receivedAt: Date };
  receiptMessageId: string | null;
  events: CaseTimelineEvent[];
}

/** One case of the party with its timeline (oldest first); null when there is none (or it is someone else's). */
export async function ownCase(actor: PartyActor, caseId: string): Promise<CaseView | null> {
  requirePermission(actor, "own:read");
  return withDb(async (db) => {
    const [row] = await db
      .select({
        id: cases.id,
        reference: cases.reference,
        status: cases.status,
        productNl: products.nameNl,
        productEn: products.nameEn,
        expectedDecisionOn: cases.expectedDecisionOn,
        decisionTermExplanation: cases.decisionTermExplanation,
        openedAt: cases.openedAt,
        submissionId: submissions.id,
        messageType: submissions.messageType,
        receivedAt: submissions.receivedAt,
      })
      .from(cases)
      .innerJoin(products, eq(products.id, cases.productId))
      .innerJoin(submissions, eq(submissions.id, cases.submissionId))
      .where(and(eq(cases.id, caseId), eq(cases.partyId, actor.partyId)));
    if (!row) return null;
    const events = await db
      .select({ id: caseEvents.id, kind: caseEvents.kind, status: caseEvents.status, note: caseEvents.note, visible: caseEvents.noteVisibleToParty, assignedTo: caseEvents.assignedTo, at: caseEvents.at })
      .from(caseEvents)
      .where(eq(caseEvents.caseId, caseId))
      .orderBy(asc(caseEvents.at), asc(caseEvents.id));
    const [receipt] = await db
      .select({ id: inboxMessages.id })
      .from(inboxMessages)
      .where(and(eq(inboxMessages.caseId, caseId), eq(inboxMessages.partyId, actor.partyId), eq(inboxMessages.kind, "receipt")))
      .limit(1);
    const { submissionId, messageType, receivedAt, ...caseFields } = row;
    return {
      ...caseFields,
      submission: { id: submissionId, messageType, receivedAt },
      receiptMessageId: receipt?.id ?? null,
      // A note for staff only never reaches the party's page.
      // A withdrawn assignment ("nobody handles it now") is an internal matter too.
      events: events
        .filter((e) => (e.kind !== "note" || e.visible) && (e.kind !== "assigned" || e.assignedTo !== null))
        .map(({ visible, note, assignedTo: _assignedTo, ...e }) => ({ ...e, note: visible ? note : null })),
    };
  });
}
