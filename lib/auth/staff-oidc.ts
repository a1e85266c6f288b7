import type { OAuthConfig } from "next-auth/providers/oauth";
import { env } from "../env";
import { inTransaction } from "../db";
import { logger } from "../log";
import { findOrCreateOidcStaff, homeForRoles, type OidcStaffResult } from "../staff/service";
import { oidcProvider } from "./oidc-provider";
import { startSession, type StartedSession } from "./session";

/**
 * Staff login through the municipality's own identity provider (Microsoft Entra ID, Keycloak,
 * any OpenID Connect provider), as a next-auth provider with id "staff-oidc". The OIDC client
 * work (discovery, state, PKCE, code exchange) is next-auth's, in lib/auth/oidc-login.ts;
 * this module gives it the provider and what to do with the claims once they are checked:
 *
 *   providers.push(...(staffOidc.provider() ? [staffOidc.provider()!] : []));
 *   // in the signIn callback, for account.provider === staffOidc.id:
 *   const result = await staffOidc.signIn(profile);   // { started, redirectTo } or { failure, redirectTo }
 *
 * Roles come from a claim (STAFF_OIDC_ROLES_CLAIM, default "roles"; a dotted name such as
 * "realm_access.roles" reaches into Keycloak's nested claim) mapped through STAFF_OIDC_ROLE_MAP.
 */

export const STAFF_OIDC_PROVIDER_ID = "staff-oidc";

export type StaffOidcRefusal = Extract<OidcStaffResult, { status: "refused" }>["reason"] | "failed";

/** Where a refused or failed staff OIDC login goes: a page that says why in plain Dutch. */
export function staffOidcFailurePath(reason: StaffOidcRefusal): string {
  return `/inloggen/medewerker/geweigerd?reden=${reason}`;
}

/** The next-auth provider for staff, or null when STAFF_OIDC_* is not configured. */
export function staffOidcProvider(): OAuthConfig<Record<string, unknown>> | null {
  const settings = env().oidc.staff;
  if (!settings) return null;
  return oidcProvider(STAFF_OIDC_PROVIDER_ID, "Medewerkers", settings);
}

export type StaffOidcSignIn = { started: StartedSession; staffUserId: string; redirectTo: string } | { failure: StaffOidcRefusal; redirectTo: string };

/**
 * What to do with the claims of a checked staff OIDC login: find or create the staff member by
 * (issuer, subject), set their roles from the role claim, and start a session (method
 * "staff-oidc"), all in one transaction. Refused (no mapped role, deactivated, ...): no session,
 * and a page that explains. `redirectTo` is the staff member's area when they came from nowhere.
 */
export async function completeStaffOidcLogin(claims: Record<string, unknown>, now = new Date()): Promise<StaffOidcSignIn> {
  const settings = env().oidc.staff;
  const log = logger().child({ module: "staff-oidc" });
  if (!settings) return { failure: "failed", redirectTo: staffOidcFailurePath("failed") };
  const issuer = typeof claims.iss === "string" && claims.iss ? claims.iss : settings.issuer;
  const outcome = await inTransaction(async (tx) => {
    const result = await findOrCreateOidcStaff(tx, { issuer, claims, rolesClaim: settings.rolesClaim, roleMap: settings.roleMap, now });
    if (result.status !== "ok") return { result, started: null };
    return { result, started: await startSession(tx, { staffUserId: result.staffUserId, method: "staff-oidc" }) };
  });
  if (outcome.result.status !== "ok" || !outcome.started) {
    const reason = outcome.result.status === "refused" ? outcome.result.reason : "failed";
    log.warn({ reason }, "staff OIDC login refused");
    return { failure: reason, redirectTo: staffOidcFailurePath(reason) };
  }
  log.info({ staffUserId: outcome.result.staffUserId, roles: outcome.result.roles, method: "staff-oidc" }, "staff logged in");
  return { started: outcome.started, staffUserId: outcome.result.staffUserId, redirectTo: homeForRoles(outcome.result.roles) };
}

/** Everything the next-auth options module needs for staff, in one object. */
export const staffOidc = {
  id: STAFF_OIDC_PROVIDER_ID,
  configured: (): boolean => Boolean(env().oidc.staff),
  provider: staffOidcProvider,
  signIn: completeStaffOidcLogin,
  failurePath: staffOidcFailurePath,
  /** The form on /inloggen/medewerker posts here (with `terug`) to start the login. */
  startPath: `/api/auth/start/${STAFF_OIDC_PROVIDER_ID}`,
} as const;
