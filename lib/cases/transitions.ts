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

/** The kinds of official message a handler sends (lib/inbox/send.ts). */
export type SentMessageKind = "decision" | "information-request" | "information";

export type MessageProblem = "decision-needs-handling" | "decided-only-corrects" | "request-after-decision" | "final";

/**
 * Whether a message of this kind may be sent on a case in `from`, and the status it gives the
 * case (the same rules as a status change, so a message can never do what the status form may not):
 * - a besluit is taken on a case in behandeling or waiting for information, and makes it
 *   "besluit genomen"; on a decided case only as a correction of a besluit (the status stays);
 * - a verzoek om informatie makes the case "informatie gevraagd"; not after a decision;
 * - informatie changes nothing and may always be sent, also on a closed case (to tell the party something);
 * - on a closed case nothing else is sent: a new decision is a case of its own.
 */
export function messageTransition(from: CaseStatus, kind: SentMessageKind, correctsDecision: boolean): { ok: true; status: CaseStatus } | { ok: false; problem: MessageProblem } {
  if (kind === "information") return { ok: true, status: from };
  if (from === "closed") return { ok: false, problem: "final" };
  if (kind === "decision") {
    if (from === "decided") return correctsDecision ? { ok: true, status: from } : { ok: false, problem: "decided-only-corrects" };
    return checkTransition(from, "decided", "").ok ? { ok: true, status: "decided" } : { ok: false, problem: "decision-needs-handling" };
  }
  if (from === "decided") return { ok: false, problem: "request-after-decision" };
  return { ok: true, status: "information-requested" };
}

/** The kinds of message that may be sent on a case in this status (a correction of a besluit aside). */
export function sendableKinds(from: CaseStatus): SentMessageKind[] {
  return (["decision", "information-request", "information"] as const).filter((kind) => messageTransition(from, kind, false).ok);
}
