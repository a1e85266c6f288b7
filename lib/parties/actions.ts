"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { ActionRefusal, defineAction } from "../auth/action";
import { maskBsns } from "../log";
import { nl } from "../i18n/messages/nl";
import { isValidBsn } from "./bsn";
import { findPartyByBsn, revealBsn, viewParty, type PartyOverview } from "./queries";

/**
 * Counter staff looking up a resident (R25, R29, R30). The BSN is posted, never put in a URL;
 * every lookup and view states a purpose, which goes into the processing log and is what the
 * resident later reads in "Wie heeft mijn gegevens bekeken".
 */

/** A party overview as it travels to the browser (dates as ISO strings). */
export interface PartyView {
  id: string;
  kind: "person" | "business";
  maskedBsn: string | null;
  kvkNumber: string | null;
  branchNumber: string | null;
  displayName: string | null;
  createdAt: string;
  lastLoginAt: string | null;
}

export interface PartyResult {
  party: PartyView;
  purpose: string;
  /** Only after "Toon volledig BSN". */
  bsn?: string;
}

const reasons = ["balie", "telefoon", "hulp-aanvraag"] as const;

// The purpose is stored in Dutch: the resident reads it in the log whatever language staff use.
const purposeFields = {
  reden: z.enum(reasons, { message: "fieldErrors.chooseOne" }),
  toelichting: z
    .string()
    .trim()
    .max(200, "partyLookup.detailTooLong")
    .refine((text) => maskBsns(text) === text, "partyLookup.noBsnInText")
    .optional()
    .transform((text) => text || undefined),
};

function purposeText(reason: (typeof reasons)[number], detail: string | undefined): string {
  const label = nl.partyLookup.reasons[reason];
  return detail ? `${label}: ${detail}` : label;
}

// A purpose sent back by the form that showed it (hidden field): the same rules as a typed one.
const carriedPurpose = z
  .string()
  .trim()
  .min(1, "fieldErrors.required")
  .max(300, "partyLookup.detailTooLong")
  .refine((text) => maskBsns(text) === text, "partyLookup.noBsnInText");

function toView(party: PartyOverview): PartyView {
  return { ...party, createdAt: party.createdAt.toISOString(), lastLoginAt: party.lastLoginAt?.toISOString() ?? null };
}

/** Looks a resident up by BSN for a stated purpose; the overview comes back in the same response. */
export const findPartyAction = defineAction({
  name: "party.find",
  permission: "party:find",
  input: z.object({
    bsn: z.string().trim().min(1, "fieldErrors.required").refine(isValidBsn, "fieldErrors.bsnInvalid"),
    ...purposeFields,
  }),
  run: async (input, { actor }): Promise<PartyResult | ActionRefusal> => {
    if (actor.kind !== "staff") return new ActionRefusal("form.notAllowed");
    const purpose = purposeText(input.reden, input.toelichting);
    const party = await findPartyByBsn(actor, input.bsn, purpose);
    if (!party) return new ActionRefusal(undefined, { bsn: ["partyLookup.notFound"] });
    return { party: toView(party), purpose };
  },
});

/** Opens a party's page for a stated purpose (when none was recorded at the lookup). */
export const viewPartyAction = defineAction({
  name: "party.view",
  permission: "party:read",
  input: z.object({ partij: z.string().uuid("partyLookup.unknownParty"), ...purposeFields }),
  run: async (input, { actor }): Promise<PartyResult | ActionRefusal> => {
    if (actor.kind !== "staff") return new ActionRefusal("form.notAllowed");
    const purpose = purposeText(input.reden, input.toelichting);
    const party = await viewParty(actor, input.partij, purpose);
    if (!party) return new ActionRefusal("partyLookup.unknownParty");
    // The page's server-rendered parts (contact details, notifications) appear now that a purpose is recorded.
    revalidatePath(`/balie/partij/${input.partij}`);
    return { party: toView(party), purpose };
  },
});

/** Shows the full BSN on purpose; logged as its own processing entry. */
export const revealBsnAction = defineAction({
  name: "party.reveal-bsn",
  permission: "party:read",
  input: z.object({ partij: z.string().uuid("partyLookup.unknownParty"), doel: carriedPurpose }),
  run: async (input, { actor }): Promise<PartyResult | ActionRefusal> => {
    if (actor.kind !== "staff") return new ActionRefusal("form.notAllowed");
    const revealed = await revealBsn(actor, input.partij, input.doel);
    if (!revealed) return new ActionRefusal("partyLookup.unknownParty");
    return { party: toView(revealed.party), purpose: input.doel, bsn: revealed.bsn };
  },
});
