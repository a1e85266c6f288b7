import { z } from "zod";
import { channelKinds } from "@/db/schema/channels";
import { digidLevels, eherkenningLevels } from "../auth/levels";
import { messageTypes } from "../catalogue/message-types";
import { isIsoDate } from "./designations";

/** Inputs of the channel and designation forms (field names in Dutch, as on screen). Pure module. */

const required = z.string().trim().min(1, "fieldErrors.required");
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "catalogue.errors.tooLong")
    .optional()
    .transform((v) => (v ? v : null));
// One message per problem: an empty date is "required", not also "not a date".
const isoDate = z
  .string()
  .trim()
  .superRefine((v, ctx) => {
    if (!v) ctx.addIssue({ code: "custom", message: "fieldErrors.required" });
    else if (!isIsoDate(v)) ctx.addIssue({ code: "custom", message: "channels.errors.date" });
  });
const optionalDate = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : null))
  .refine((v) => v === null || isIsoDate(v), "channels.errors.date");
const webAddress = optionalText(500).refine((v) => v === null || /^https?:\/\/[^\s]+$/.test(v), "channels.errors.url");

export const channelInput = z.object({
  code: required.max(60, "catalogue.errors.tooLong").regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "catalogue.errors.slug"),
  soort: z.enum(channelKinds, "fieldErrors.chooseOne"),
  "naam-nl": required.max(200, "catalogue.errors.tooLong"),
  "naam-en": required.max(200, "catalogue.errors.tooLong"),
  adres: required.max(500, "catalogue.errors.tooLong"),
  "toelichting-nl": optionalText(2000),
  "toelichting-en": optionalText(2000),
});

export type ChannelInput = z.output<typeof channelInput>;

/** File types as the admin types them ("pdf, JPG, .png"): lower case, without dots, no doubles. */
export function parseFileTypes(raw: string | null | undefined): string[] | null {
  if (!raw || raw.trim() === "") return [];
  const parts = raw
    .split(/[\s,;]+/)
    .map((p) => p.trim().toLowerCase().replace(/^\./, ""))
    .filter(Boolean);
  if (parts.some((p) => !/^[a-z0-9]{1,10}$/.test(p))) return null;
  return [...new Set(parts)];
}

export const designationInput = z
  .object({
    product: z.uuid("fieldErrors.required"),
    berichttype: z.enum(messageTypes, "fieldErrors.chooseOne"),
    kanaal: z.uuid("fieldErrors.chooseOne"),
    "geldig-vanaf": isoDate,
    "geldig-tot": optionalDate,
    "besluit-titel": required.max(300, "catalogue.errors.tooLong"),
    "besluit-datum": isoDate,
    "besluit-link": webAddress,
    niveau: z.enum(["geen", ...digidLevels, ...eherkenningLevels], "fieldErrors.chooseOne"),
    "max-mb": z
      .string()
      .trim()
      .optional()
      .transform((v, ctx) => {
        if (!v) return null;
        if (!/^\d{1,4}$/.test(v) || Number(v) < 1) {
          ctx.addIssue({ code: "custom", message: "channels.errors.maxSize" });
          return z.NEVER;
        }
        return Number(v);
      }),
    bestandstypen: z
      .string()
      .optional()
      .transform((v, ctx) => {
        const types = parseFileTypes(v);
        if (types === null) {
          ctx.addIssue({ code: "custom", message: "channels.errors.fileTypes" });
          return z.NEVER;
        }
        return types;
      }),
  })
  .superRefine((v, ctx) => {
    if (v["geldig-tot"] && isIsoDate(v["geldig-vanaf"]) && v["geldig-tot"] < v["geldig-vanaf"]) ctx.addIssue({ code: "custom", path: ["geldig-tot"], message: "channels.errors.endsBeforeStart" });
  });

export type DesignationInput = z.output<typeof designationInput>;

export const endDesignationInput = z.object({ id: z.uuid("fieldErrors.required"), product: z.uuid("fieldErrors.required"), "laatste-dag": isoDate });
