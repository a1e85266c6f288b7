"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { ActionRefusal, defineAction } from "../auth/action";
import { env } from "../env";

/** Server actions about replies. */

// Demo only: the demo case handler sends the logged-in party an example request or besluit about one of their cases.
export const demoMessageAction = defineAction({
  name: "replies.demo-message",
  permission: "own:submit",
  input: z.object({ zaak: z.uuid("replies.demo.failed"), soort: z.enum(["verzoek", "besluit"], "replies.demo.failed") }),
  run: async (input, { actor, log }) => {
    if (actor.kind !== "party" || !env().demoFeatures) return new ActionRefusal("form.notAllowed");
    // Loaded on use: the demo path pulls in the sending service.
    const { sendDemoMessage } = await import("./demo");
    const outcome = await sendDemoMessage(actor, input.zaak, input.soort === "besluit" ? "decision" : "information-request");
    if (outcome.kind !== "sent") {
      log.warn({ outcome: outcome.kind }, "demo message not sent");
      return new ActionRefusal("replies.demo.failed");
    }
    redirect(`/mijn/berichten/${outcome.messageId}`);
  },
});
