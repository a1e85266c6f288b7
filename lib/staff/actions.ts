"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { staffRoles, type StaffRole } from "@/db/schema/identity";
import { ActionRefusal, defineAction } from "../auth/action";
import { MIN_PASSWORD_LENGTH } from "../auth/passwords";
import { endSession, SESSION_COOKIE, sessionCookieOptions, startSession } from "../auth/session";
import { inTransaction, withDb } from "../db";
import { format } from "../i18n";
import { authSecret } from "../secrets";
import {
  addressBucket,
  changeOwnPassword,
  changeStaffRoles,
  createStaffUser,
  deactivateStaffUser,
  homeForRoles,
  LOCKOUT_MINUTES,
  logOutEverywhere,
  RATE_WINDOW_MINUTES,
  reactivateStaffUser,
  resetStaffPassword,
  safeReturnPath,
  verifyStaffLogin,
  type AdminChangeProblem,
} from "./service";

/**
 * Server actions for staff login and for admins managing staff accounts. Every one is made with
 * defineAction; the admin ones require staff:manage and log who changed which account.
 */

const required = z.string().trim().min(1, "fieldErrors.required");
const email = z.string().trim().min(1, "fieldErrors.required").pipe(z.email("fieldErrors.emailInvalid"));
const uuid = z.uuid("fieldErrors.required");
// One checkbox per role, each with its own name ("rol-balie"), so a form sent back with errors keeps every tick.
const roleBoxes = Object.fromEntries(staffRoles.map((role) => [`rol-${role}`, z.literal("ja").optional()])) as Record<`rol-${StaffRole}`, z.ZodOptional<z.ZodLiteral<"ja">>>;
function rolesFrom(input: Partial<Record<`rol-${StaffRole}`, "ja" | undefined>>): StaffRole[] {
  return staffRoles.filter((role) => input[`rol-${role}`] === "ja");
}
const newPassword = z
  .string()
  .min(1, "fieldErrors.required")
  .min(MIN_PASSWORD_LENGTH, "staff.errors.passwordTooShort")
  .max(256, "staff.errors.passwordTooLong");

/** The client's address as the nearest proxy saw it (the last X-Forwarded-For entry); Next fills it in when there is no proxy. */
async function clientAddress(): Promise<string> {
  const h = await headers();
  const forwarded = h.get("x-forwarded-for")?.split(",").map((s) => s.trim()).filter(Boolean);
  return forwarded?.at(-1) ?? h.get("x-real-ip") ?? "unknown";
}

function adminProblem(problem: AdminChangeProblem): ActionRefusal {
  return new ActionRefusal(`staff.errors.${problem}`);
}

function detailPage(id: string, notice: string): string {
  return `/beheer/medewerkers/${id}?${new URLSearchParams({ melding: notice })}`;
}

// Logging in with e-mail address and password. Answers alike whether or not an account exists.
export const staffLogin = defineAction({
  name: "staff.login",
  permission: "public",
  input: z.object({ email: required, wachtwoord: z.string().min(1, "fieldErrors.required"), terug: z.string().optional() }),
  run: async (input, { actor, log, t }) => {
    const bucket = addressBucket(await clientAddress(), authSecret());
    const result = await inTransaction(async (tx) => {
      const outcome = await verifyStaffLogin(tx, { email: input.email, password: input.wachtwoord, addressBucket: bucket });
      if (outcome.status !== "ok") return { outcome, session: null };
      return { outcome, session: await startSession(tx, { staffUserId: outcome.staffUserId, method: "staff-password" }) };
    });
    const { outcome } = result;
    if (outcome.status === "invalid") return new ActionRefusal("staff.login.errorInvalid");
    if (outcome.status === "locked") {
      log.warn("staff login refused: account locked");
      return new ActionRefusal(format(t.staff.login.errorLocked, { minutes: LOCKOUT_MINUTES }));
    }
    if (outcome.status === "rate-limited") {
      log.warn("staff login refused: too many attempts from this address");
      return new ActionRefusal(format(t.staff.login.errorRateLimited, { minutes: RATE_WINDOW_MINUTES }));
    }
    if (outcome.status === "inactive") return new ActionRefusal("staff.login.errorInactive");

    const session = result.session!;
    // A session this browser already had (a resident's, another staff member's) ends: one browser, one session.
    if (actor) await withDb((db) => endSession(db, actor.sessionId, "logout"));
    (await cookies()).set(SESSION_COOKIE, session.token, sessionCookieOptions(session.expiresAt));
    log.info({ staffUserId: outcome.staffUserId, method: "staff-password" }, "staff logged in");
    const back = safeReturnPath(input.terug);
    if (outcome.mustChangePassword) redirect(`/medewerker/wachtwoord${back ? `?${new URLSearchParams({ terug: back })}` : ""}`);
    redirect(back ?? homeForRoles(outcome.roles));
  },
});

// Choosing one's own password after an admin reset (or at first login with a temporary one).
export const changeOwnStaffPassword = defineAction({
  name: "staff.change-password",
  permission: "public",
  input: z.object({ wachtwoord: newPassword, herhaling: z.string().min(1, "fieldErrors.required"), terug: z.string().optional() }),
  run: async (input, { actor, log }) => {
    if (!actor || actor.kind !== "staff") redirect("/inloggen/medewerker");
    const problem = await withDb((db) => changeOwnPassword(db, { staffUserId: actor.staffUserId, password: input.wachtwoord, confirmation: input.herhaling }));
    if (problem === "no-account") redirect("/inloggen/medewerker");
    if (problem === "mismatch") return new ActionRefusal(undefined, { herhaling: ["staff.errors.passwordMismatch"] });
    if (problem === "same-as-old") return new ActionRefusal(undefined, { wachtwoord: ["staff.errors.passwordSameAsOld"] });
    if (problem === "too-short") return new ActionRefusal(undefined, { wachtwoord: ["staff.errors.passwordTooShort"] });
    if (problem === "too-long") return new ActionRefusal(undefined, { wachtwoord: ["staff.errors.passwordTooLong"] });
    log.info({ staffUserId: actor.staffUserId }, "staff password changed by its owner");
    // The session reads the roles fresh on the next request, so they apply from the next page on.
    redirect(safeReturnPath(input.terug) ?? homeForRoles(problem.roles));
  },
});

// An admin creates a staff account: a local account with a temporary password, or one that only logs in through the identity provider.
export const createStaff = defineAction({
  name: "staff.create",
  permission: "staff:manage",
  input: z
    .object({
      naam: required.max(200),
      email,
      ...roleBoxes,
      inlogwijze: z.enum(["wachtwoord", "oidc"], "fieldErrors.chooseOne"),
      wachtwoord: z.string().optional(),
    })
    .superRefine((value, ctx) => {
      if (rolesFrom(value).length === 0) ctx.addIssue({ code: "custom", path: ["rollen"], message: "staff.errors.rolesRequired" });
      if (value.inlogwijze === "wachtwoord") {
        const parsed = newPassword.safeParse(value.wachtwoord ?? "");
        if (!parsed.success) ctx.addIssue({ code: "custom", path: ["wachtwoord"], message: parsed.error.issues[0]!.message });
      }
    }),
  run: async (input, { actor, log }) => {
    const created = await withDb((db) =>
      createStaffUser(db, { email: input.email, displayName: input.naam, roles: rolesFrom(input), initialPassword: input.inlogwijze === "wachtwoord" ? input.wachtwoord! : null }),
    );
    if (created === "email-taken") return new ActionRefusal(undefined, { email: ["staff.errors.emailTaken"] });
    log.info({ by: actor.kind === "staff" ? actor.staffUserId : null, staffUserId: created.id, roles: rolesFrom(input), login: input.inlogwijze }, "staff account created");
    redirect(detailPage(created.id, "created"));
  },
});

// An admin changes someone's roles; their open sessions end so the new rights apply at once.
export const updateStaffRoles = defineAction({
  name: "staff.update-roles",
  permission: "staff:manage",
  input: z.object({ id: uuid, ...roleBoxes }),
  run: async (input, { actor, log }) => {
    if (actor.kind !== "staff") return new ActionRefusal("form.notAllowed");
    const roles = rolesFrom(input);
    const result = await inTransaction((tx) => changeStaffRoles(tx, { actorId: actor.staffUserId, staffUserId: input.id, roles }));
    if (typeof result === "string") return adminProblem(result);
    log.info({ by: actor.staffUserId, staffUserId: input.id, roles, sessionsEnded: result.sessionsEnded }, "staff roles changed");
    redirect(detailPage(input.id, result.changed ? "roles-changed" : "roles-unchanged"));
  },
});

// An admin deactivates an account: its sessions end at once.
export const deactivateStaff = defineAction({
  name: "staff.deactivate",
  permission: "staff:manage",
  input: z.object({ id: uuid }),
  run: async (input, { actor, log }) => {
    if (actor.kind !== "staff") return new ActionRefusal("form.notAllowed");
    const result = await inTransaction((tx) => deactivateStaffUser(tx, { actorId: actor.staffUserId, staffUserId: input.id }));
    if (typeof result === "string") return adminProblem(result);
    log.info({ by: actor.staffUserId, staffUserId: input.id, sessionsEnded: result.sessionsEnded }, "staff account deactivated");
    redirect(detailPage(input.id, "deactivated"));
  },
});

// An admin makes a deactivated account usable again.
export const reactivateStaff = defineAction({
  name: "staff.reactivate",
  permission: "staff:manage",
  input: z.object({ id: uuid }),
  run: async (input, { actor, log }) => {
    const problem = await withDb((db) => reactivateStaffUser(db, { staffUserId: input.id }));
    if (problem) return adminProblem(problem);
    log.info({ by: actor.kind === "staff" ? actor.staffUserId : null, staffUserId: input.id }, "staff account reactivated");
    redirect(detailPage(input.id, "reactivated"));
  },
});

// An admin sets a temporary password; the account is unlocked and must choose its own at the next login.
export const resetStaffPasswordAction = defineAction({
  name: "staff.reset-password",
  permission: "staff:manage",
  input: z.object({ id: uuid, wachtwoord: newPassword }),
  run: async (input, { actor, log }) => {
    const result = await inTransaction((tx) => resetStaffPassword(tx, { staffUserId: input.id, temporaryPassword: input.wachtwoord }));
    if (typeof result === "string") return adminProblem(result);
    log.info({ by: actor.kind === "staff" ? actor.staffUserId : null, staffUserId: input.id, sessionsEnded: result.sessionsEnded }, "staff password reset by admin");
    redirect(detailPage(input.id, "password-reset"));
  },
});

// An admin ends every open session of a staff member ("overal uitloggen").
export const logOutStaffEverywhere = defineAction({
  name: "staff.logout-everywhere",
  permission: "staff:manage",
  input: z.object({ id: uuid }),
  run: async (input, { actor, log }) => {
    const result = await withDb((db) => logOutEverywhere(db, { staffUserId: input.id }));
    if (typeof result === "string") return adminProblem(result);
    log.info({ by: actor.kind === "staff" ? actor.staffUserId : null, staffUserId: input.id, sessionsEnded: result.sessionsEnded }, "staff logged out everywhere by admin");
    // Logging oneself out everywhere ends this session too: then the next page is the login page.
    redirect(detailPage(input.id, "logged-out"));
  },
});
