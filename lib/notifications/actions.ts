"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { fallbackOutcomes, noticeKinds, type NoticeKind } from "@/db/schema/notifications";
import { ActionRefusal, defineAction } from "../auth/action";
import { inTransaction } from "../db";
import { env } from "../env";
import { getLocale } from "../i18n/server";
import { maskBsns } from "../log";
import { changeConsents, changeEmail, changeMobile, sendVerificationLink, verifyEmail, type VerifyResult } from "./contacts";
import { normaliseDutchMobile, normaliseEmail } from "./contact-rules";
import { closeFallbackTask, savePostalAddress } from "./fallback";
import { notify } from "./notify";

/**
 * Server actions for contact details, consent, e-mail verification and fallback tasks. A party
 * changes only its own settings (the party id comes from the session, never from the form).
 */

function settingsPage(notice: string, anchor: string): never {
  redirect(`/mijn/instellingen?${new URLSearchParams({ melding: notice })}#${anchor}`);
}

// The e-mail address; empty removes it. Refused with a specific message, the typed text comes back.
export const saveEmailAction = defineAction({
  name: "notifications.save-email",
  permission: "own:settings",
  input: z.object({
    email: z
      .string()
      .max(400, "notifications.errors.emailInvalid")
      .refine((v) => v.trim() === "" || normaliseEmail(v) !== null, "notifications.errors.emailInvalid"),
  }),
  run: async (input, { actor, log }) => {
    if (actor.kind !== "party") return new ActionRefusal("form.notAllowed");
    const email = input.email.trim() === "" ? null : normaliseEmail(input.email)!;
    const language = await getLocale();
    const result = await inTransaction((tx) => changeEmail(tx, { kind: "party", partyId: actor.partyId }, actor.partyId, email, language));
    log.info({ result }, "e-mail address changed");
    settingsPage(result === "verification-sent" ? "email-verification-sent" : result === "removed" ? "email-removed" : "email-unchanged", "email");
  },
});

// A new verification link for the current, unverified address.
export const resendVerificationAction = defineAction({
  name: "notifications.resend-verification",
  permission: "own:settings",
  input: z.object({}),
  run: async (_input, { actor }) => {
    if (actor.kind !== "party") return new ActionRefusal("form.notAllowed");
    const language = await getLocale();
    const result = await inTransaction((tx) => sendVerificationLink(tx, actor.partyId, language));
    if (result === "nothing-to-verify") return new ActionRefusal("notifications.errors.nothingToVerify");
    settingsPage("link-sent", "email");
  },
});

// The optional mobile number; empty removes it.
export const saveMobileAction = defineAction({
  name: "notifications.save-mobile",
  permission: "own:settings",
  input: z.object({
    mobiel: z
      .string()
      .max(40, "notifications.errors.mobileInvalid")
      .refine((v) => v.trim() === "" || normaliseDutchMobile(v) !== null, "notifications.errors.mobileInvalid"),
  }),
  run: async (input, { actor }) => {
    if (actor.kind !== "party") return new ActionRefusal("form.notAllowed");
    const mobile = input.mobiel.trim() === "" ? null : normaliseDutchMobile(input.mobiel)!;
    await inTransaction((tx) => changeMobile(tx, { kind: "party", partyId: actor.partyId }, actor.partyId, mobile));
    settingsPage(mobile ? "mobile-saved" : "mobile-removed", "mobiel");
  },
});

const consentBoxes = Object.fromEntries(noticeKinds.map((kind) => [`digitaal-${kind}`, z.literal("ja").optional()])) as Record<`digitaal-${NoticeKind}`, z.ZodOptional<z.ZodLiteral<"ja">>>;

// Channel consent per message type: a ticked box is "digital", an empty one "not digital".
export const saveConsentAction = defineAction({
  name: "notifications.save-consent",
  permission: "own:settings",
  input: z.object(consentBoxes),
  run: async (input, { actor, log }) => {
    if (actor.kind !== "party") return new ActionRefusal("form.notAllowed");
    const choice = Object.fromEntries(noticeKinds.map((kind) => [kind, input[`digitaal-${kind}`] === "ja"])) as Record<NoticeKind, boolean>;
    const changed = await inTransaction((tx) => changeConsents(tx, { kind: "party", partyId: actor.partyId }, actor.partyId, choice));
    log.info({ changed }, "channel consent changed");
    settingsPage(changed.length > 0 ? "consent-saved" : "consent-unchanged", "kanaalkeuze");
  },
});

// Opening the link from the verification mail, confirmed with a button (mail scanners that follow links do not verify anything).
export const verifyEmailAction = defineAction({
  name: "notifications.verify-email",
  permission: "public",
  input: z.object({ code: z.string().max(200) }),
  run: async (input, { log }): Promise<{ status: VerifyResult["status"]; resent: number }> => {
    const result = await inTransaction((tx) => verifyEmail(tx, input.code.trim()));
    log.info({ status: result.status }, "e-mail verification");
    return { status: result.status, resent: result.status === "verified" ? result.resent : 0 };
  },
});

const taskId = z.uuid("notifications.errors.taskClosed");

// Staff store the postal address for the letter.
export const savePostalAddressAction = defineAction({
  name: "fallback-task.postal-address",
  permission: "fallback-task:work",
  input: z.object({
    taak: taskId,
    adres: z
      .string()
      .trim()
      .min(1, "notifications.errors.addressRequired")
      .refine((v) => {
        const lines = v.split(/\r?\n/).filter((l) => l.trim());
        return lines.length <= 6 && lines.every((l) => l.length <= 60);
      }, "notifications.errors.addressTooLong")
      .refine((v) => maskBsns(v) === v, "partyLookup.noBsnInText"),
  }),
  run: async (input, { actor }) => {
    if (actor.kind !== "staff") return new ActionRefusal("form.notAllowed");
    const address = input.adres
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean)
      .join("\n");
    const result = await inTransaction((tx) => savePostalAddress(tx, actor, input.taak, address));
    if (result === "closed") return new ActionRefusal("notifications.errors.taskClosed");
    if (result === "not-found") return new ActionRefusal("form.notAllowed");
    redirect(`/balie/taken/${input.taak}?melding=adres#brief`);
  },
});

// Staff close a task with what they did.
export const closeFallbackTaskAction = defineAction({
  name: "fallback-task.close",
  permission: "fallback-task:work",
  input: z.object({
    taak: taskId,
    uitkomst: z.enum(fallbackOutcomes, "notifications.errors.outcomeRequired"),
    toelichting: z
      .string()
      .trim()
      .max(500, "notifications.errors.noteTooLong")
      .refine((v) => maskBsns(v) === v, "partyLookup.noBsnInText")
      .optional(),
  }),
  run: async (input, { actor, log }) => {
    if (actor.kind !== "staff") return new ActionRefusal("form.notAllowed");
    const result = await inTransaction((tx) => closeFallbackTask(tx, actor, input.taak, input.uitkomst, input.toelichting || null));
    if (result === "already-closed") return new ActionRefusal("notifications.errors.taskClosed");
    if (result === "not-found") return new ActionRefusal("form.notAllowed");
    log.info({ taskId: input.taak, outcome: input.uitkomst }, "fallback task closed");
    redirect(`/balie/taken/${input.taak}?melding=afgerond`);
  },
});

// Demo only: a resident sends themselves an example notice of one kind, to see the whole path.
export const demoNotifyAction = defineAction({
  name: "notifications.demo-notify",
  permission: "own:settings",
  input: z.object({ soort: z.enum(noticeKinds, "fieldErrors.chooseOne") }),
  run: async (input, { actor }) => {
    if (actor.kind !== "party" || !env().demoFeatures) return new ActionRefusal("form.notAllowed");
    const language = await getLocale();
    const termEndsOn = new Date(Date.now() + 42 * 86_400_000).toISOString().slice(0, 10);
    await inTransaction((tx) => notify(tx, { partyId: actor.partyId, kind: input.soort, language, termEndsOn: input.soort === "receipt" || input.soort === "outage" ? null : termEndsOn }));
    redirect("/mijn/meldingen?melding=demo");
  },
});
