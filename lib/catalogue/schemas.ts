import { z } from "zod";
import { audiences, receiptRoutes, termKinds, termUnits } from "@/db/schema/catalogue";
import { digidLevels, eherkenningLevels } from "../auth/levels";
import { messageTypes, productTopics, type MessageType } from "./message-types";

/**
 * The product form's input, as the admin screens post it (field names in Dutch, as on screen).
 * One schema for create and edit; messages are keys into the messages files. Pure module.
 */

const required = z.string().trim().min(1, "fieldErrors.required");
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "catalogue.errors.tooLong")
    .optional()
    .transform((v) => (v ? v : null));
const box = z.literal("ja").optional();

/** The checkboxes per message type: "type-aanvraag" (takes it) and "officieel-aanvraag" (Awb 2:13). */
const typeBoxes = Object.fromEntries(messageTypes.flatMap((type) => [[`type-${type}`, box], [`officieel-${type}`, box]])) as Record<`type-${MessageType}` | `officieel-${MessageType}`, typeof box>;

export const productInput = z
  .object({
    "naam-nl": required.max(200, "catalogue.errors.tooLong"),
    "naam-en": required.max(200, "catalogue.errors.tooLong"),
    "samenvatting-nl": required.max(300, "catalogue.errors.tooLong"),
    "samenvatting-en": required.max(300, "catalogue.errors.tooLong"),
    "omschrijving-nl": optionalText(5000),
    "omschrijving-en": optionalText(5000),
    "upl-naam": optionalText(200),
    "wettelijke-basis": optionalText(300),
    onderwerp: z.enum(productTopics, "fieldErrors.chooseOne"),
    volgorde: z
      .string()
      .trim()
      .optional()
      .transform((v, ctx) => {
        if (!v) return 0;
        if (!/^\d{1,4}$/.test(v)) {
          ctx.addIssue({ code: "custom", message: "catalogue.errors.sortOrder" });
          return z.NEVER;
        }
        return Number(v);
      }),
    doelgroep: z.enum(audiences, "fieldErrors.chooseOne"),
    "niveau-inwoners": z.enum(["geen", ...digidLevels], "fieldErrors.chooseOne"),
    "niveau-bedrijven": z.enum(["geen", ...eherkenningLevels], "fieldErrors.chooseOne"),
    "termijn-aantal": z.string().trim().optional(),
    "termijn-eenheid": z.enum(termUnits, "fieldErrors.chooseOne").optional().or(z.literal("").transform(() => undefined)),
    "termijn-soort": z.enum(termKinds, "fieldErrors.chooseOne").optional(),
    atw: box,
    ontvangst: z.enum(receiptRoutes, "fieldErrors.chooseOne"),
    kopie: box,
    ...typeBoxes,
  })
  .superRefine((v, ctx) => {
    const amount = v["termijn-aantal"];
    if (amount) {
      if (!/^\d{1,3}$/.test(amount) || Number(amount) < 1) ctx.addIssue({ code: "custom", path: ["termijn-aantal"], message: "catalogue.errors.termAmount" });
      if (!v["termijn-eenheid"]) ctx.addIssue({ code: "custom", path: ["termijn-eenheid"], message: "catalogue.errors.termUnit" });
      if (!v["termijn-soort"]) ctx.addIssue({ code: "custom", path: ["termijn-soort"], message: "catalogue.errors.termKind" });
    }
    if (!messageTypes.some((type) => v[`type-${type}`] === "ja")) ctx.addIssue({ code: "custom", path: ["berichttypen"], message: "catalogue.errors.noMessageType" });
    for (const type of messageTypes) {
      if (v[`officieel-${type}`] === "ja" && v[`type-${type}`] !== "ja") ctx.addIssue({ code: "custom", path: [`type-${type}`], message: "catalogue.errors.officialWithoutType" });
    }
  });

export const newProductInput = z.object({ slug: required.max(80, "catalogue.errors.tooLong").regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "catalogue.errors.slug") }).and(productInput);

export type ProductInput = z.output<typeof productInput>;

/** The product's fields as stored, from the form's input. */
export function productValues(input: ProductInput) {
  const amount = input["termijn-aantal"] ? Number(input["termijn-aantal"]) : null;
  return {
    nameNl: input["naam-nl"],
    nameEn: input["naam-en"],
    summaryNl: input["samenvatting-nl"],
    summaryEn: input["samenvatting-en"],
    descriptionNl: input["omschrijving-nl"],
    descriptionEn: input["omschrijving-en"],
    uplName: input["upl-naam"],
    legalBasis: input["wettelijke-basis"],
    topic: input.onderwerp,
    sortOrder: input.volgorde,
    audience: input.doelgroep,
    // A level for an audience the product does not serve means nothing: keep it empty.
    residentLevel: input.doelgroep === "businesses" || input["niveau-inwoners"] === "geen" ? null : input["niveau-inwoners"],
    businessLevel: input.doelgroep === "residents" || input["niveau-bedrijven"] === "geen" ? null : input["niveau-bedrijven"],
    decisionTermAmount: amount,
    decisionTermUnit: amount === null ? null : (input["termijn-eenheid"] ?? null),
    decisionTermKind: amount === null ? null : (input["termijn-soort"] ?? null),
    atwApplies: input.atw === "ja",
    receiptRoute: input.ontvangst,
    copyGiven: input.kopie === "ja",
  };
}

export type ProductValues = ReturnType<typeof productValues>;

/** The message types ticked in the form, each official or not. */
export function messageTypesFrom(input: ProductInput): { messageType: MessageType; official: boolean }[] {
  return messageTypes.filter((type) => input[`type-${type}`] === "ja").map((type) => ({ messageType: type, official: input[`officieel-${type}`] === "ja" }));
}

/** The form's field values for a stored product (the inverse of productValues), to start the edit form with. */
export function productFormValues(
  product: Omit<ProductValues, "topic"> & { topic: string; slug: string },
  types: readonly { messageType: MessageType; official: boolean }[],
): Record<string, string> {
  const values: Record<string, string> = {
    slug: product.slug,
    "naam-nl": product.nameNl,
    "naam-en": product.nameEn,
    "samenvatting-nl": product.summaryNl,
    "samenvatting-en": product.summaryEn,
    "omschrijving-nl": product.descriptionNl ?? "",
    "omschrijving-en": product.descriptionEn ?? "",
    "upl-naam": product.uplName ?? "",
    "wettelijke-basis": product.legalBasis ?? "",
    onderwerp: product.topic,
    volgorde: String(product.sortOrder),
    doelgroep: product.audience,
    "niveau-inwoners": product.residentLevel ?? "geen",
    "niveau-bedrijven": product.businessLevel ?? "geen",
    "termijn-aantal": product.decisionTermAmount === null ? "" : String(product.decisionTermAmount),
    "termijn-eenheid": product.decisionTermUnit ?? "",
    "termijn-soort": product.decisionTermKind ?? "",
    ontvangst: product.receiptRoute,
  };
  if (product.atwApplies) values.atw = "ja";
  if (product.copyGiven) values.kopie = "ja";
  for (const t of types) {
    values[`type-${t.messageType}`] = "ja";
    if (t.official) values[`officieel-${t.messageType}`] = "ja";
  }
  return values;
}

/** What a new product's form starts with. */
export const newProductFormValues: Record<string, string> = { onderwerp: "overig", doelgroep: "both", "niveau-inwoners": "geen", "niveau-bedrijven": "geen", ontvangst: "portal-and-email", atw: "ja", kopie: "ja", "termijn-soort": "default" };
