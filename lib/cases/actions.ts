"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { ActionRefusal, defineAction } from "../auth/action";
import type { Actor } from "../auth/policy";
import { inTransaction } from "../db";
import { env } from "../env";
import { getLocale } from "../i18n/server";
import { addCaseNote, assignCase, changeCaseStatus, type CaseChangeOutcome } from "./service";
import { isHandlerStatus, MAX_NOTE_LENGTH, type HandlerStatus } from "./transitions";

/** Server actions about cases. */

// Demo only: the logged-in party sends an example objection, to see the receipt, copy, message and case.
export const demoSubmissionAction = defineAction({
  name: "cases.demo-submission",
  permission: "own:submit",
  input: z.object({}),
  run: async (_input, { actor, log }) => {
    if (actor.kind !== "party" || !env().demoFeatures) return new ActionRefusal("form.notAllowed");
    // Loaded on use: the demo path pulls in the PDF writer and the submit service.
    const { submitDemoObjection } = await import("./demo");
    const outcome = await submitDemoObjection(actor, await getLocale());
    if (outcome.kind !== "submitted") {
      log.warn({ outcome: outcome.kind }, "demo submission not made");
      return new ActionRefusal("cases.demoFailed");
    }
    redirect(`/mijn/inzendingen/${outcome.submissionId}`);
  },
});

// --- Case handlers ---------------------------------------------------------------------------

const caseId = z.uuid("caseHandling.errors.notFound");
// The case's updated_at as the page showed it (optimistic concurrency).
const seenAt = z.iso.datetime({ message: "caseHandling.errors.stale" }).transform((value) => new Date(value));
const note = z.string().max(MAX_NOTE_LENGTH, "caseHandling.errors.noteTooLong").default("");
const visible = z.literal("ja").optional();

function casePage(id: string, notice: string): string {
  return `/behandeling/zaken/${id}?${new URLSearchParams({ melding: notice })}`;
}

/** Turns a refused change into the message for the form (and the field it belongs to). */
function refusal(id: string, outcome: Exclude<CaseChangeOutcome, { kind: "done" }>, field: string): ActionRefusal {
  switch (outcome.kind) {
    case "stale":
      // The page is drawn again with the current state (and its new updated_at); the form keeps what was typed.
      revalidatePath(`/behandeling/zaken/${id}`);
      return new ActionRefusal("caseHandling.errors.stale");
    case "not-found":
      return new ActionRefusal("caseHandling.errors.notFound");
    case "unknown-handler":
      return new ActionRefusal(undefined, { behandelaar: ["caseHandling.errors.unknownHandler"] });
    case "unchanged":
      return new ActionRefusal(undefined, { behandelaar: ["caseHandling.errors.unchanged"] });
    case "note-too-long":
      return new ActionRefusal(undefined, { [field]: ["caseHandling.errors.noteTooLong"] });
    case "note-required":
      return new ActionRefusal(undefined, { [field]: ["caseHandling.errors.noteRequired"] });
    case "transition":
      return new ActionRefusal(undefined, outcome.problem === "close-needs-note" ? { toelichting: [`caseHandling.errors.transitions.${outcome.problem}`] } : { status: [`caseHandling.errors.transitions.${outcome.problem}`] });
  }
}

type StaffActor = Extract<Actor, { kind: "staff" }>;

function staffOnly(actor: Actor): StaffActor | null {
  return actor.kind === "staff" ? actor : null;
}

// Assign a case to a handler ("niemand": withdraw the assignment).
export const assignCaseAction = defineAction({
  name: "cases.assign",
  permission: "case:handle",
  input: z.object({ zaak: caseId, bijgewerkt: seenAt, behandelaar: z.union([z.literal("niemand"), z.uuid("caseHandling.errors.unknownHandler")], { message: "caseHandling.errors.unknownHandler" }) }),
  run: async (input, { actor }) => {
    const staff = staffOnly(actor);
    if (!staff) return new ActionRefusal("form.notAllowed");
    const assignee = input.behandelaar === "niemand" ? null : input.behandelaar;
    const outcome = await inTransaction((tx) => assignCase(tx, staff, { caseId: input.zaak, expectedUpdatedAt: input.bijgewerkt, assignee }));
    if (outcome.kind !== "done") return refusal(input.zaak, outcome, "behandelaar");
    redirect(casePage(input.zaak, assignee ? "assigned" : "unassigned"));
  },
});

// Change the status, with an optional note that the party may see.
export const changeCaseStatusAction = defineAction({
  name: "cases.status",
  permission: "case:handle",
  input: z.object({
    zaak: caseId,
    bijgewerkt: seenAt,
    status: z
      .string({ message: "caseHandling.errors.statusRequired" })
      .min(1, "caseHandling.errors.statusRequired")
      .refine((value) => isHandlerStatus(value), "caseHandling.errors.statusUnknown"),
    toelichting: note,
    zichtbaar: visible,
  }),
  run: async (input, { actor }) => {
    const staff = staffOnly(actor);
    if (!staff) return new ActionRefusal("form.notAllowed");
    const outcome = await inTransaction((tx) =>
      changeCaseStatus(tx, staff, { caseId: input.zaak, expectedUpdatedAt: input.bijgewerkt, status: input.status as HandlerStatus, note: input.toelichting, visibleToParty: input.zichtbaar === "ja" }),
    );
    if (outcome.kind !== "done") return refusal(input.zaak, outcome, "toelichting");
    redirect(casePage(input.zaak, "status"));
  },
});

// A note in the timeline: for staff only, or also for the party.
export const addCaseNoteAction = defineAction({
  name: "cases.note",
  permission: "case:handle",
  input: z.object({ zaak: caseId, bijgewerkt: seenAt, notitie: z.string().trim().min(1, "caseHandling.errors.noteRequired").max(MAX_NOTE_LENGTH, "caseHandling.errors.noteTooLong"), zichtbaar: visible }),
  run: async (input, { actor }) => {
    const staff = staffOnly(actor);
    if (!staff) return new ActionRefusal("form.notAllowed");
    const outcome = await inTransaction((tx) => addCaseNote(tx, staff, { caseId: input.zaak, expectedUpdatedAt: input.bijgewerkt, note: input.notitie, visibleToParty: input.zichtbaar === "ja" }));
    if (outcome.kind !== "done") return refusal(input.zaak, outcome, "notitie");
    redirect(casePage(input.zaak, "note"));
  },
});
