import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { parties, staffUsers } from "@/db/schema/identity";
import { caseEvents, cases, type CaseStatus } from "@/db/schema/submissions";
import { recordProcessing } from "../audit/processing-log";
import { can, roleFor, type Actor } from "../auth/policy";
import { format, messagesFor } from "../i18n";
import { NotAllowedError } from "../parties/queries";
import { checkTransition, MAX_NOTE_LENGTH, type HandlerStatus, type TransitionProblem } from "./transitions";

/**
 * What case handlers change on a case: who handles it, its status (with an optional note) and
 * notes. Each change runs in the caller's transaction: it locks the case, refuses when the case
 * changed since the handler loaded it (optimistic concurrency on updated_at), appends a
 * case_event, updates the case and writes the processing log, all or nothing.
 */

type StaffActor = Extract<Actor, { kind: "staff" }>;

export type CaseChangeOutcome =
  | { kind: "done"; caseId: string; updatedAt: Date }
  | { kind: "not-found" }
  | { kind: "stale" }
  | { kind: "unknown-handler" }
  | { kind: "unchanged" }
  | { kind: "note-too-long" }
  | { kind: "note-required" }
  | { kind: "transition"; problem: TransitionProblem };

interface Expectation {
  caseId: string;
  /** The case's updated_at as the handler saw it. */
  expectedUpdatedAt: Date;
  now?: Date;
}

interface Locked {
  id: string;
  reference: string;
  status: CaseStatus;
  assignedTo: string | null;
  updatedAt: Date;
  partyId: string;
  partyKind: "person" | "business";
}

/** Locks the case row; null when there is none. */
async function lockCase(tx: Tx, caseId: string): Promise<Locked | null> {
  const [row] = await tx
    .select({ id: cases.id, reference: cases.reference, status: cases.status, assignedTo: cases.assignedTo, updatedAt: cases.updatedAt, partyId: cases.partyId, partyKind: parties.kind })
    .from(cases)
    .innerJoin(parties, eq(parties.id, cases.partyId))
    .where(eq(cases.id, caseId))
    .for("update", { of: cases });
  return row ?? null;
}

/** Timestamps are compared to the millisecond (what a form can carry). */
function sameMoment(a: Date, b: Date): boolean {
  return Math.floor(a.getTime()) === Math.floor(b.getTime());
}

/** The new updated_at: now, but always later than the old one, so a stale form is always noticed. */
function nextUpdatedAt(previous: Date, now: Date): Date {
  return now.getTime() > previous.getTime() ? now : new Date(previous.getTime() + 1);
}

async function begin(tx: Tx, actor: StaffActor, input: Expectation): Promise<Locked | { kind: "not-found" } | { kind: "stale" }> {
  if (!can(actor, "case:handle")) throw new NotAllowedError("case:handle");
  const locked = await lockCase(tx, input.caseId);
  if (!locked) return { kind: "not-found" };
  if (!sameMoment(locked.updatedAt, input.expectedUpdatedAt)) return { kind: "stale" };
  return locked;
}

async function finish(
  tx: Tx,
  actor: StaffActor,
  locked: Locked,
  change: { kind: "assigned" | "status-changed" | "note"; status: CaseStatus; assignedTo: string | null; note: string | null; visible: boolean; now: Date; operation: string; purpose: string },
): Promise<CaseChangeOutcome> {
  const updatedAt = nextUpdatedAt(locked.updatedAt, change.now);
  await tx.insert(caseEvents).values({
    caseId: locked.id,
    kind: change.kind,
    status: change.status,
    note: change.note,
    noteVisibleToParty: change.note !== null && change.visible,
    staffUserId: actor.staffUserId,
    assignedTo: change.kind === "assigned" ? change.assignedTo : null,
    at: change.now,
  });
  await tx.update(cases).set({ status: change.status, assignedTo: change.assignedTo, updatedAt }).where(eq(cases.id, locked.id));
  await recordProcessing(tx, {
    operation: change.operation,
    activity: "behandeling-zaken",
    purpose: change.purpose,
    subject: { partyId: locked.partyId, kind: locked.partyKind },
    actor,
    actorRole: roleFor(actor, "case:handle"),
  });
  return { kind: "done", caseId: locked.id, updatedAt };
}

const log = () => messagesFor("nl").caseHandling.log;

/** Assigns the case to a handler (an active staff member with the behandelaar role), or withdraws the assignment (null). */
export async function assignCase(tx: Tx, actor: StaffActor, input: Expectation & { assignee: string | null }): Promise<CaseChangeOutcome> {
  const locked = await begin(tx, actor, input);
  if ("kind" in locked) return locked;
  if (input.assignee !== null) {
    const [handler] = await tx
      .select({ id: staffUsers.id })
      .from(staffUsers)
      .where(and(eq(staffUsers.id, input.assignee), eq(staffUsers.active, true), sql`'behandelaar' = any(${staffUsers.roles})`));
    if (!handler) return { kind: "unknown-handler" };
  }
  if (locked.assignedTo === input.assignee) return { kind: "unchanged" };
  return finish(tx, actor, locked, {
    kind: "assigned",
    status: locked.status,
    assignedTo: input.assignee,
    note: null,
    visible: false,
    now: input.now ?? new Date(),
    operation: "case.assign",
    purpose: format(input.assignee ? log().assign : log().unassign, { reference: locked.reference }),
  });
}

/** Gives the case a new status, following the transition rules, with an optional note (visible to the party or not). */
export async function changeCaseStatus(tx: Tx, actor: StaffActor, input: Expectation & { status: HandlerStatus; note: string; visibleToParty: boolean }): Promise<CaseChangeOutcome> {
  const note = input.note.trim();
  if (note.length > MAX_NOTE_LENGTH) return { kind: "note-too-long" };
  const locked = await begin(tx, actor, input);
  if ("kind" in locked) return locked;
  const check = checkTransition(locked.status, input.status, note);
  if (!check.ok) return { kind: "transition", problem: check.problem };
  return finish(tx, actor, locked, {
    kind: "status-changed",
    status: input.status,
    assignedTo: locked.assignedTo,
    note: note || null,
    visible: input.visibleToParty,
    now: input.now ?? new Date(),
    operation: "case.status",
    purpose: format(log().status, { reference: locked.reference }),
  });
}

/** Adds a note to the timeline (required), for staff only or also for the party. */
export async function addCaseNote(tx: Tx, actor: StaffActor, input: Expectation & { note: string; visibleToParty: boolean }): Promise<CaseChangeOutcome> {
  const note = input.note.trim();
  if (note.length === 0) return { kind: "note-required" };
  if (note.length > MAX_NOTE_LENGTH) return { kind: "note-too-long" };
  const locked = await begin(tx, actor, input);
  if ("kind" in locked) return locked;
  return finish(tx, actor, locked, {
    kind: "note",
    status: locked.status,
    assignedTo: locked.assignedTo,
    note,
    visible: input.visibleToParty,
    now: input.now ?? new Date(),
    operation: "case.note",
    purpose: format(log().note, { reference: locked.reference }),
  });
}
