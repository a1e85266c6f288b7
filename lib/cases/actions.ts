"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { ActionRefusal, defineAction } from "../auth/action";
import { env } from "../env";
import { getLocale } from "../i18n/server";

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
