"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { levelLabel, isAssuranceLevel } from "../auth/levels";
import { ActionRefusal, defineAction } from "../auth/action";
import { inTransaction, withDb } from "../db";
import { format, formatDate } from "../i18n";
import { getLocale } from "../i18n/server";
import { forgetRegister } from "./queries";
import { channelInput, designationInput, endDesignationInput } from "./schemas";
import { createChannel, createDesignation, endDesignation, updateChannel } from "./service";

/**
 * Server actions for channels and designations (/beheer/kanalen). All require channels:manage.
 * A designation is made and ended, never deleted; refusals say why in plain Dutch.
 */

const dateOf = (iso: string) => new Date(`${iso}T12:00:00Z`);

// An admin adds a channel (an e-mail address, a postal address, the counter, ...).
export const createChannelAction = defineAction({
  name: "channels.create",
  permission: "channels:manage",
  input: channelInput,
  run: async (input, { log }) => {
    const result = await withDb((db) => createChannel(db, input));
    if (result === "code-taken") return new ActionRefusal(undefined, { code: ["channels.errors.codeTaken"] });
    forgetRegister();
    log.info({ channelId: result.id }, "channel created");
    redirect(`/beheer/kanalen?melding=kanaal-toegevoegd`);
  },
});

// An admin changes a channel's details.
export const updateChannelAction = defineAction({
  name: "channels.update",
  permission: "channels:manage",
  input: z.object({ id: z.uuid("fieldErrors.required") }).and(channelInput),
  run: async (input, { log }) => {
    const problem = await withDb((db) => updateChannel(db, input.id, input));
    if (problem === "code-taken") return new ActionRefusal(undefined, { code: ["channels.errors.codeTaken"] });
    if (problem === "not-found") return new ActionRefusal("channels.errors.notFound");
    forgetRegister();
    log.info({ channelId: input.id }, "channel updated");
    redirect(`/beheer/kanalen/${input.id}?melding=opgeslagen`);
  },
});

// An admin designates a channel for a product's message type (Awb 2:13).
export const createDesignationAction = defineAction({
  name: "channels.designate",
  permission: "channels:manage",
  input: designationInput,
  run: async (input, { actor, log, t }) => {
    const actorId = actor.kind === "staff" ? actor.staffUserId : null;
    const result = await inTransaction((tx) => createDesignation(tx, { actorId, designation: input }));
    if ("kind" in result) {
      if (result.kind === "ends-before-start") return new ActionRefusal(undefined, { "geldig-tot": ["channels.errors.endsBeforeStart"] });
      if (result.kind === "type-not-taken") return new ActionRefusal(undefined, { berichttype: ["channels.errors.typeNotTaken"] });
      if (result.kind === "channel-not-found") return new ActionRefusal(undefined, { kanaal: ["channels.errors.notFound"] });
      if (result.kind === "product-not-found") return new ActionRefusal("catalogue.errors.notFound");
      const locale = await getLocale();
      const other = result.with;
      const message = format(other.validTo ? t.channels.errors.overlapUntil : t.channels.errors.overlapOpen, {
        from: formatDate(dateOf(other.validFrom), locale),
        to: other.validTo ? formatDate(dateOf(other.validTo), locale) : "",
        decision: other.decisionTitle,
      });
      return new ActionRefusal(undefined, { "geldig-vanaf": [message] });
    }
    forgetRegister();
    log.info({ by: actorId, designationId: result.id, productId: input.product, messageType: input.berichttype, level: isAssuranceLevel(input.niveau) ? levelLabel(input.niveau) : null }, "channel designated");
    redirect(`/beheer/kanalen/producten/${input.product}?melding=aangewezen`);
  },
});

// An admin ends a designation: the chosen day is its last day in force; its history stays.
export const endDesignationAction = defineAction({
  name: "channels.end-designation",
  permission: "channels:manage",
  input: endDesignationInput,
  run: async (input, { actor, log }) => {
    const actorId = actor.kind === "staff" ? actor.staffUserId : null;
    const problem = await inTransaction((tx) => endDesignation(tx, { actorId, id: input.id, productId: input.product, lastDay: input["laatste-dag"] }));
    if (problem === "not-found") return new ActionRefusal("channels.errors.notFound");
    if (problem === "ends-before-start") return new ActionRefusal(undefined, { "laatste-dag": ["channels.errors.endBeforeStart"] });
    if (problem === "already-ended") return new ActionRefusal(undefined, { "laatste-dag": ["channels.errors.alreadyEnded"] });
    forgetRegister();
    log.info({ by: actorId, designationId: input.id, lastDay: input["laatste-dag"] }, "designation ended");
    redirect(`/beheer/kanalen/producten/${input.product}?melding=beeindigd`);
  },
});
