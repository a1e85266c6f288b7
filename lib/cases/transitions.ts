import type { CaseStatus } from "@/db/schema/submissions";

/**
 * Which status a case handler may give a case next. Pure rules, no I/O.
 *
 * The usual course of a Dutch case (zaak) under the Awb: received -> in behandeling ->
 * (aanvullende informatie gevraagd <-> in behandeling) -> besluit genomen -> afgehandeld.
 * - "Ontvangen" is set only by the portal when a submission arrives; nobody sets it by hand.
 * - A decision (besluit genomen) is only taken on a case that is being handled: in behandeling
 *   or waiting for information (the handler may decide without it, Awb 4:5).
 * - After a decision the case can only be closed: changing a decision is a new decision
 *   (bezwaar or herziening), which is a case of its own.
 * - Afgehandeld is final: nothing changes afterwards.
 * - Closing a case without a decision (withdrawn, forwarded, not ours) is allowed, but only
 *   with a note saying why.
 */

/** The statuses a case handler can choose. */
export const handlerStatuses = ["in-progress", "information-requested", "decided", "closed"] as const satisfies readonly CaseStatus[];
export type HandlerStatus = (typeof handlerStatuses)[number];

const next: Record<CaseStatus, readonly HandlerStatus[]> = {
  received: ["in-progress", "information-requested", "closed"],
  "in-progress": ["information-requested", "decided", "closed"],
  "information-requested": ["in-progress", "decided", "closed"],
  decided: ["closed"],
  closed: [],
};

/** The statuses the handler may choose from `from`, in the usual order. */
export function allowedNextStatuses(from: CaseStatus): readonly HandlerStatus[] {
  return next[from];
}

export function isHandlerStatus(value: string): value is HandlerStatus {
  return (handlerStatuses as readonly string[]).includes(value);
}

export type TransitionProblem = "unchanged" | "final" | "decision-needs-handling" | "decided-only-closes" | "close-needs-note" | "not-allowed";

/** Whether a case may go from `from` to `to` with this note (already trimmed; empty: none). */
export function checkTransition(from: CaseStatus, to: HandlerStatus, note: string): { ok: true } | { ok: false; problem: TransitionProblem } {
  if (from === to) return { ok: false, problem: "unchanged" };
  if (from === "closed") return { ok: false, problem: "final" };
  if (!next[from].includes(to)) {
    if (to === "decided") return { ok: false, problem: "decision-needs-handling" };
    if (from === "decided") return { ok: false, problem: "decided-only-closes" };
    return { ok: false, problem: "not-allowed" };
  }
  if (to === "closed" && from !== "decided" && note.length === 0) return { ok: false, problem: "close-needs-note" };
  return { ok: true };
}

/** Cases in these statuses have no decision date running any more: they are never overdue. */
export function isDone(status: CaseStatus): boolean {
  return status === "decided" || status === "closed";
}

/** Overdue: still open and the last day of the decision term is before today (both YYYY-MM-DD). */
export function isOverdue(status: CaseStatus, expectedDecisionOn: string | null, today: string): boolean {
  return !isDone(status) && expectedDecisionOn !== null && expectedDecisionOn < today;
}

/** The longest note a handler may write (characters). */
export const MAX_NOTE_LENGTH = 4000;
