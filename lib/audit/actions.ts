"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { ActionRefusal, defineAction } from "../auth/action";
import { isValidBsn } from "../parties/bsn";
import { partyIdForBsn } from "../parties/queries";

/**
 * Searching the processing log (R29). A BSN is posted, turned into the party's id here, and
 * only that id goes into the URL of the results, so a BSN never reaches an address bar or an access log.
 */

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "processingLogAdmin.textTooLong")
    .optional()
    .transform((v) => v || undefined);

const optionalDate = z
  .string()
  .trim()
  .optional()
  .transform((v) => v || undefined)
  .refine((v) => !v || (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`))), "processingLogAdmin.dateInvalid");

/** The query string of a search: the filters that are set, never a BSN. */
function searchQuery(filters: { partij?: string; medewerker?: string; handeling?: string; van?: string; tot?: string }): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  const query = params.toString();
  return query ? `?${query}` : "";
}

/** Turns the posted search into the results page's address (party id instead of BSN). */
export const searchProcessingLogAction = defineAction({
  name: "processing-log.search",
  permission: "processing-log:read",
  input: z
    .object({
      bsn: z
        .string()
        .trim()
        .optional()
        .transform((v) => v || undefined)
        .refine((v) => !v || isValidBsn(v), "fieldErrors.bsnInvalid"),
      partij: z
        .string()
        .optional()
        .transform((v) => v || undefined)
        .refine((v) => !v || z.uuid().safeParse(v).success, "partyLookup.unknownParty"),
      medewerker: optionalText(100),
      handeling: optionalText(100),
      van: optionalDate,
      tot: optionalDate,
    })
    .refine((input) => !input.van || !input.tot || input.van <= input.tot, { path: ["tot"], message: "processingLogAdmin.periodInvalid" }),
  run: async (input, { actor }): Promise<undefined | ActionRefusal> => {
    if (actor.kind !== "staff") return new ActionRefusal("form.notAllowed");
    let partij = input.partij;
    if (input.bsn) {
      const found = await partyIdForBsn(actor, input.bsn);
      if (!found) return new ActionRefusal(undefined, { bsn: ["processingLogAdmin.partyNotFound"] });
      partij = found;
    }
    redirect(`/beheer/verwerkingen${searchQuery({ partij, medewerker: input.medewerker, handeling: input.handeling, van: input.van, tot: input.tot })}`);
  },
});
