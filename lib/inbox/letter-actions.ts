"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { ActionRefusal, defineAction } from "../auth/action";
import { inTransaction } from "../db";
import { recordMessageLetter } from "./letter-queries";

// A case handler makes the letter of a message for the post: the address typed from the BRP.
export const makeMessageLetterAction = defineAction({
  name: "inbox.letter",
  permission: "message:send",
  input: z.object({ bericht: z.uuid("caseHandling.errors.notFound"), adres: z.string().max(1000, "sendingMessages.letter.addressTooLong").default("") }),
  run: async (input, { actor }) => {
    if (actor.kind !== "staff") return new ActionRefusal("form.notAllowed");
    const outcome = await inTransaction((tx) => recordMessageLetter(tx, actor, input.bericht, input.adres));
    if (outcome.kind === "not-found") return new ActionRefusal("caseHandling.errors.notFound");
    if (outcome.kind === "invalid") return new ActionRefusal(undefined, { adres: [outcome.problem === "required" ? "sendingMessages.letter.addressRequired" : "sendingMessages.letter.addressTooLong"] });
    redirect(`/behandeling/berichten/${input.bericht}/brief?gemaakt=1`);
  },
});
