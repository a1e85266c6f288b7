"use server";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { defineAction } from "@/lib/auth/action";
import { digidLevels, eherkenningLevels } from "@/lib/auth/levels";
import { completeResidentLogin, safeReturnPath } from "@/lib/auth/resident-login";
import { SESSION_COOKIE, sessionCookieOptions } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { isValidBsn, normaliseBsn } from "@/lib/parties/bsn";
import { normaliseBranchNumber, normaliseKvkNumber } from "@/lib/parties/kvk";
import { notFoundPage } from "@/lib/http/not-found";

/** The login simulators of the demo environment; they do not exist when demo features are off. */

const required = (schema: z.ZodString) => schema.trim().min(1, { error: "fieldErrors.required" });

export const simulateDigidLogin = defineAction({
  name: "login.digid-simulator",
  permission: "public",
  input: z.object({
    bsn: required(z.string({ error: "fieldErrors.required" })).refine((v) => isValidBsn(v), { error: "fieldErrors.bsnInvalid" }),
    niveau: z.enum(digidLevels, { error: "fieldErrors.chooseOne" }),
    terug: z.string().optional(),
  }),
  async run(input) {
    if (!env().demoFeatures) notFoundPage();
    const started = await completeResidentLogin({ kind: "person", bsn: normaliseBsn(input.bsn)!, level: input.niveau, method: "digid-simulator" });
    (await cookies()).set(SESSION_COOKIE, started.token, sessionCookieOptions(started.expiresAt));
    redirect(safeReturnPath(input.terug));
  },
});

export const simulateEherkenningLogin = defineAction({
  name: "login.eherkenning-simulator",
  permission: "public",
  input: z.object({
    kvk: required(z.string({ error: "fieldErrors.required" })).refine((v) => normaliseKvkNumber(v) !== null, { error: "fieldErrors.kvkInvalid" }),
    vestiging: z
      .string()
      .trim()
      .optional()
      .refine((v) => !v || normaliseBranchNumber(v) !== null, { error: "fieldErrors.branchInvalid" }),
    niveau: z.enum(eherkenningLevels, { error: "fieldErrors.chooseOne" }),
    terug: z.string().optional(),
  }),
  async run(input) {
    if (!env().demoFeatures) notFoundPage();
    const started = await completeResidentLogin({
      kind: "business",
      kvk: normaliseKvkNumber(input.kvk)!,
      branch: input.vestiging ? normaliseBranchNumber(input.vestiging) : null,
      level: input.niveau,
      method: "eherkenning-simulator",
    });
    (await cookies()).set(SESSION_COOKIE, started.token, sessionCookieOptions(started.expiresAt));
    redirect(safeReturnPath(input.terug));
  },
});
