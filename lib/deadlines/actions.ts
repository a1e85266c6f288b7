"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { ActionRefusal, defineAction } from "../auth/action";
import { withDb } from "../db";
import { addEquatedDay } from "./equated-days";
import { parseDateInput } from "./input";

/**
 * Admins add a day equated with a holiday by Royal decree (art. 3 lid 3 Atw). The row records
 * who added it and when; the log line says so too. Terms calculated from then on take it into
 * account.
 */

const text = (max: number) => z.string().trim().min(1, "fieldErrors.required").max(max, "deadlines.admin.errors.tooLong");

export const addEquatedDayAction = defineAction({
  name: "deadlines.add-equated-day",
  permission: "catalogue:manage",
  input: z.object({
    datum: z.string().transform((value, ctx) => {
      const parsed = parseDateInput(value);
      if (parsed.ok) return parsed.date;
      ctx.addIssue({ code: "custom", message: `deadlines.errors.${parsed.code}` });
      return z.NEVER;
    }),
    reden: text(200),
    besluit: text(500),
  }),
  run: async (input, { actor, log }) => {
    if (actor.kind !== "staff") return new ActionRefusal("form.notAllowed");
    const result = await withDb((db) => addEquatedDay(db, { date: input.datum, reason: input.reden, decreeReference: input.besluit, createdBy: actor.staffUserId }));
    if (result === "date-taken") return new ActionRefusal(undefined, { datum: ["deadlines.admin.errors.dateTaken"] });
    if (result === "already-free") return new ActionRefusal(undefined, { datum: ["deadlines.admin.errors.alreadyFree"] });
    log.info({ by: actor.staffUserId, equatedDayId: result.id, date: input.datum }, "equated day added");
    redirect(`/beheer/termijnen?${new URLSearchParams({ toegevoegd: input.datum })}`);
  },
});
