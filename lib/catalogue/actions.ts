"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { ActionRefusal, defineAction } from "../auth/action";
import { forgetRegister } from "../channels/queries";
import { inTransaction } from "../db";
import { format } from "../i18n";
import { messageTypesFrom, newProductInput, productInput, productValues } from "./schemas";
import { createProduct, setProductActive, updateProduct } from "./service";

/**
 * Server actions of the product catalogue (/beheer/producten). All require catalogue:manage;
 * every change is kept in the product's history with who made it.
 */

function detailPage(id: string, notice: string): string {
  return `/beheer/producten/${id}?${new URLSearchParams({ melding: notice })}`;
}

// An admin adds a product with its message types.
export const createProductAction = defineAction({
  name: "catalogue.create-product",
  permission: "catalogue:manage",
  input: newProductInput,
  run: async (input, { actor, log }) => {
    const actorId = actor.kind === "staff" ? actor.staffUserId : null;
    const result = await inTransaction((tx) => createProduct(tx, { actorId, slug: input.slug, values: productValues(input), types: messageTypesFrom(input) }));
    if (result === "slug-taken") return new ActionRefusal(undefined, { slug: ["catalogue.errors.slugTaken"] });
    forgetRegister();
    log.info({ by: actorId, productId: result.id }, "product created");
    redirect(detailPage(result.id, "created"));
  },
});

// An admin changes a product; a message type with designations in force cannot be taken off.
export const updateProductAction = defineAction({
  name: "catalogue.update-product",
  permission: "catalogue:manage",
  input: z.object({ id: z.uuid("fieldErrors.required") }).and(productInput),
  run: async (input, { actor, log, t }) => {
    const actorId = actor.kind === "staff" ? actor.staffUserId : null;
    const result = await inTransaction((tx) => updateProduct(tx, { actorId, productId: input.id, values: productValues(input), types: messageTypesFrom(input) }));
    if (result === "not-found") return new ActionRefusal("catalogue.errors.notFound");
    if ("kind" in result) {
      return new ActionRefusal(undefined, { [`type-${result.messageType}`]: [format(t.catalogue.errors.typeInUse, { type: t.catalogue.messageTypes[result.messageType] ?? result.messageType })] });
    }
    forgetRegister();
    log.info({ by: actorId, productId: input.id, changed: result.changed }, "product updated");
    redirect(detailPage(input.id, result.changed ? "saved" : "unchanged"));
  },
});

function activeAction(active: boolean) {
  return defineAction({
    name: active ? "catalogue.activate-product" : "catalogue.deactivate-product",
    permission: "catalogue:manage",
    input: z.object({ id: z.uuid("fieldErrors.required") }),
    run: async (input, { actor, log }) => {
      const actorId = actor.kind === "staff" ? actor.staffUserId : null;
      const result = await inTransaction((tx) => setProductActive(tx, { actorId, productId: input.id, active }));
      if (result === "not-found") return new ActionRefusal("catalogue.errors.notFound");
      forgetRegister();
      log.info({ by: actorId, productId: input.id, active }, active ? "product activated" : "product deactivated");
      redirect(detailPage(input.id, active ? "activated" : "deactivated"));
    },
  });
}

// An admin deactivates a product: it leaves the home page and the register; its history stays.
export const deactivateProductAction = activeAction(false);
// An admin makes a deactivated product available again.
export const activateProductAction = activeAction(true);
