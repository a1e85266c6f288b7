"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { ActionRefusal, defineAction } from "../auth/action";
import { inTransaction } from "../db";
import { env } from "../env";
import { notFoundPage } from "../http/not-found";
import { getLocale } from "../i18n/server";
import { archiveMessage, unarchiveMessage } from "./archive";

/** Server actions of the resident's inbox: archive and take out of the archive (a view setting only), and the demo's example messages. */

const messageId = z.object({ bericht: z.uuid("inboxView.errors.notFound") });

function messagePage(id: string, notice: "gearchiveerd" | "teruggezet"): string {
  return `/mijn/berichten/${id}?${new URLSearchParams({ melding: notice })}`;
}

// Put a message in the party's archive. The message itself does not change.
export const archiveMessageAction = defineAction({
  name: "inbox.archive",
  permission: "own:read",
  input: messageId,
  run: async ({ bericht }, { actor, log }) => {
    if (actor.kind !== "party") return new ActionRefusal("form.notAllowed");
    const outcome = await inTransaction((tx) => archiveMessage(tx, actor.partyId, bericht));
    if (outcome.kind === "not-found") {
      log.warn({ event: "inbox.archive.not-found", partyId: actor.partyId, messageId: bericht }, "inbox: archiving a message the party does not have");
      notFoundPage();
    }
    revalidatePath("/mijn/berichten");
    redirect(messagePage(bericht, "gearchiveerd"));
  },
});

// Take a message out of the archive, back into the inbox.
export const unarchiveMessageAction = defineAction({
  name: "inbox.unarchive",
  permission: "own:read",
  input: messageId,
  run: async ({ bericht }, { actor, log }) => {
    if (actor.kind !== "party") return new ActionRefusal("form.notAllowed");
    const outcome = await inTransaction((tx) => unarchiveMessage(tx, actor.partyId, bericht));
    if (outcome.kind === "not-found") {
      log.warn({ event: "inbox.archive.not-found", partyId: actor.partyId, messageId: bericht }, "inbox: unarchiving a message the party does not have");
      notFoundPage();
    }
    revalidatePath("/mijn/berichten");
    redirect(messagePage(bericht, "teruggezet"));
  },
});

// Demo only: one example of each kind of official message for the logged-in party.
export const demoMessagesAction = defineAction({
  name: "inbox.demo-messages",
  permission: "own:submit",
  input: z.object({}),
  run: async (_input, { actor, log }) => {
    if (actor.kind !== "party" || !env().demoFeatures) return new ActionRefusal("form.notAllowed");
    // Loaded on use: the demo path pulls in the PDF writer and the send service.
    const { sendDemoMessages } = await import("./demo");
    const outcome = await sendDemoMessages(actor, await getLocale());
    if (outcome.kind !== "sent") {
      log.warn({ reason: outcome.reason }, "demo messages not sent");
      return new ActionRefusal("inboxView.demoFailed");
    }
    revalidatePath("/mijn/berichten");
    redirect("/mijn/berichten");
  },
});
