import { createHash } from "node:crypto";
import { and, count, eq, gt, ne, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { loginAttempts, staffRoles, staffUsers, type StaffRole } from "@/db/schema/identity";
import { dummyPasswordHash, hashPassword, passwordProblem, verifyPassword } from "../auth/passwords";
import { endSessionsOf } from "../auth/session";

/**
 * Staff accounts: local login with lock-out and rate limiting, login through the municipality's
 * own identity provider (OIDC) with a claim-to-role mapping, and the rules admins work under.
 * Functions take the database (or transaction) and, where time matters, `now`, so tests can
 * run them directly. Authorisation is the caller's job (lib/staff/actions.ts, queries.ts).
 */

/** After this many wrong passwords in a row the account is locked... */
export const LOCKOUT_THRESHOLD = 5;
/** ...for this long. */
export const LOCKOUT_MINUTES = 15;
/** Rate limiting looks at failed attempts in this window. */
export const RATE_WINDOW_MINUTES = 15;
/** Failed attempts allowed per address (hashed IP) in the window; a municipal office shares one address. */
export const MAX_FAILURES_PER_ADDRESS = 10;
/** Failed attempts for an e-mail address that has no account before it answers "locked", like a real account. */
export const MAX_FAILURES_PER_UNKNOWN_ACCOUNT = LOCKOUT_THRESHOLD;

/** Normalises a login name: staff e-mail addresses are stored lower-cased. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The rate-limit bucket of an account. */
export function accountBucket(email: string): string {
  return `account:${normaliseEmail(email)}`;
}

/** The rate-limit bucket of a network address; the address itself is never stored, only a keyed hash. */
export function addressBucket(ip: string, secret: string): string {
  return `address:${createHash("sha256").update(`${ip}\0${secret}`).digest("base64url")}`;
}

export type LoginResult =
  | { status: "ok"; staffUserId: string; roles: StaffRole[]; mustChangePassword: boolean }
  | { status: "invalid" }
  | { status: "locked"; until: Date }
  | { status: "rate-limited" }
  | { status: "inactive" };

async function recentFailures(db: DbOrTx, bucket: string, now: Date): Promise<number> {
  const since = new Date(now.getTime() - RATE_WINDOW_MINUTES * 60_000);
  const [row] = await db
    .select({ n: count() })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.bucket, bucket), eq(loginAttempts.succeeded, false), gt(loginAttempts.at, since)));
  return row?.n ?? 0;
}

async function recordAttempt(db: DbOrTx, buckets: string[], succeeded: boolean, now: Date): Promise<void> {
  await db.insert(loginAttempts).values(buckets.map((bucket) => ({ bucket, succeeded, at: now })));
}

/**
 * Checks an e-mail address and password. Answers the same ("invalid") for an unknown address,
 * an account without a password and a wrong password, and spends the same time on each
 * (a dummy hash is verified when there is nothing to verify against). Counts failures per
 * account (lock-out) and per address (rate limit).
 */
export async function verifyStaffLogin(
  db: DbOrTx,
  input: { email: string; password: string; addressBucket: string; now?: Date },
): Promise<LoginResult> {
  const now = input.now ?? new Date();
  const email = normaliseEmail(input.email);
  const account = accountBucket(email);

  if ((await recentFailures(db, input.addressBucket, now)) >= MAX_FAILURES_PER_ADDRESS) return { status: "rate-limited" };

  const [user] = await db.select().from(staffUsers).where(eq(staffUsers.email, email));
  if (user?.lockedUntil && user.lockedUntil > now) return { status: "locked", until: user.lockedUntil };
  if (!user && (await recentFailures(db, account, now)) >= MAX_FAILURES_PER_UNKNOWN_ACCOUNT) {
    // An unknown address "locks" like a real account, so the lock message reveals nothing.
    return { status: "locked", until: new Date(now.getTime() + LOCKOUT_MINUTES * 60_000) };
  }

  const hash = user?.passwordHash ?? (await dummyPasswordHash());
  const matches = (await verifyPassword(input.password, hash)) && Boolean(user?.passwordHash);

  if (!matches || !user) {
    await recordAttempt(db, [account, input.addressBucket], false, now);
    if (!user) {
      // The same count of failures "locks" an unknown address as a real account.
      const failures = await recentFailures(db, account, now);
      return failures >= MAX_FAILURES_PER_UNKNOWN_ACCOUNT ? { status: "locked", until: new Date(now.getTime() + LOCKOUT_MINUTES * 60_000) } : { status: "invalid" };
    }
    const failures = user.failedLogins + 1;
    if (failures >= LOCKOUT_THRESHOLD) {
      const until = new Date(now.getTime() + LOCKOUT_MINUTES * 60_000);
      await db.update(staffUsers).set({ failedLogins: 0, lockedUntil: until }).where(eq(staffUsers.id, user.id));
      return { status: "locked", until };
    }
    await db.update(staffUsers).set({ failedLogins: failures }).where(eq(staffUsers.id, user.id));
    return { status: "invalid" };
  }

  // The right password for a deactivated account: saying so reveals nothing to someone who knows it.
  if (!user.active) {
    await recordAttempt(db, [account, input.addressBucket], false, now);
    return { status: "inactive" };
  }

  await recordAttempt(db, [account, input.addressBucket], true, now);
  await db.update(staffUsers).set({ failedLogins: 0, lockedUntil: null, lastLoginAt: now }).where(eq(staffUsers.id, user.id));
  return { status: "ok", staffUserId: user.id, roles: user.roles, mustChangePassword: user.mustChangePassword };
}

/** The staff area a staff member lands in after login: that of their first role. */
export function homeForRoles(roles: readonly StaffRole[]): string {
  const first = staffRoles.find((role) => roles.includes(role));
  if (first === "balie") return "/balie";
  if (first === "behandelaar") return "/behandeling";
  if (first === "beheerder") return "/beheer";
  return "/";
}

/** A "come back to" path from a query string: only paths on this site, never another host. */
export function safeReturnPath(value: unknown): string | null {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return null;
  if (/[\r\n]/.test(value)) return null;
  return value;
}

export type PasswordChangeProblem = "too-short" | "too-long" | "mismatch" | "same-as-old" | "no-account";

/** Sets a staff member's own new password (after an admin reset); refuses the old one. */
export async function changeOwnPassword(
  db: DbOrTx,
  input: { staffUserId: string; password: string; confirmation: string },
): Promise<PasswordChangeProblem | { roles: StaffRole[] }> {
  const problem = passwordProblem(input.password);
  if (problem) return problem;
  if (input.password !== input.confirmation) return "mismatch";
  const [user] = await db.select({ passwordHash: staffUsers.passwordHash, roles: staffUsers.roles }).from(staffUsers).where(and(eq(staffUsers.id, input.staffUserId), eq(staffUsers.active, true)));
  if (!user) return "no-account";
  if (user.passwordHash && (await verifyPassword(input.password, user.passwordHash))) return "same-as-old";
  await db
    .update(staffUsers)
    .set({ passwordHash: await hashPassword(input.password), mustChangePassword: false, updatedAt: sql`now()` })
    .where(eq(staffUsers.id, input.staffUserId));
  return { roles: user.roles };
}

/** True when the staff member must choose a new password before doing anything else. */
export async function mustChangePassword(db: DbOrTx, staffUserId: string): Promise<boolean> {
  const [user] = await db.select({ must: staffUsers.mustChangePassword }).from(staffUsers).where(eq(staffUsers.id, staffUserId));
  return user?.must ?? false;
}

// ---------------------------------------------------------------------------------------------
// OIDC: the municipality's own identity provider.

/**
 * The portal roles a set of identity-provider roles or groups grants, through the configured
 * map (STAFF_OIDC_ROLE_MAP). Unknown provider roles grant nothing; the result is in the
 * portal's role order, without duplicates.
 */
export function mapOidcRoles(claimValue: unknown, roleMap: Record<string, readonly string[]>): StaffRole[] {
  const values = Array.isArray(claimValue) ? claimValue : typeof claimValue === "string" ? claimValue.split(/[\s,]+/) : [];
  const granted = new Set<string>();
  for (const value of values) {
    if (typeof value !== "string" || !Object.hasOwn(roleMap, value)) continue;
    for (const role of roleMap[value]!) granted.add(role);
  }
  return staffRoles.filter((role) => granted.has(role));
}

/** Reads a claim by name; a dotted name reaches into nested objects (Keycloak: "realm_access.roles"). */
export function readClaim(claims: Record<string, unknown>, name: string): unknown {
  if (Object.hasOwn(claims, name)) return claims[name];
  return name.split(".").reduce<unknown>((node, part) => (node && typeof node === "object" && Object.hasOwn(node, part) ? (node as Record<string, unknown>)[part] : undefined), claims);
}

export type OidcStaffResult = { status: "ok"; staffUserId: string; roles: StaffRole[] } | { status: "refused"; reason: "no-role" | "inactive" | "no-subject" | "email-taken" };

/**
 * Finds or creates the staff member an OIDC login belongs to, by (issuer, subject), and sets
 * their roles to what the provider says now. No mapped role: refused (and an existing
 * account's roles are emptied, so a withdrawn role takes effect at the next login too).
 */
export async function findOrCreateOidcStaff(
  db: DbOrTx,
  input: { issuer: string; claims: Record<string, unknown>; rolesClaim: string; roleMap: Record<string, readonly string[]>; now?: Date },
): Promise<OidcStaffResult> {
  const now = input.now ?? new Date();
  const subject = typeof input.claims.sub === "string" ? input.claims.sub : null;
  if (!subject) return { status: "refused", reason: "no-subject" };
  const roles = mapOidcRoles(readClaim(input.claims, input.rolesClaim), input.roleMap);
  const email = normaliseEmail(String(input.claims.email ?? input.claims.preferred_username ?? `${subject}@${new URL(input.issuer).hostname}`));
  const name = String(input.claims.name ?? ([input.claims.given_name, input.claims.family_name].filter(Boolean).join(" ") || email));

  const [existing] = await db
    .select()
    .from(staffUsers)
    .where(and(eq(staffUsers.oidcIssuer, input.issuer), eq(staffUsers.oidcSubject, subject)));
  if (existing) {
    const changed = existing.roles.join() !== roles.join();
    await db
      .update(staffUsers)
      .set({ roles, displayName: name, ...(changed ? { updatedAt: now } : {}), ...(roles.length > 0 && existing.active ? { lastLoginAt: now } : {}) })
      .where(eq(staffUsers.id, existing.id));
    if (changed) await endSessionsOf(db, { staffUserId: existing.id }, "roles-changed");
    if (!existing.active) return { status: "refused", reason: "inactive" };
    if (roles.length === 0) return { status: "refused", reason: "no-role" };
    return { status: "ok", staffUserId: existing.id, roles };
  }
  if (roles.length === 0) return { status: "refused", reason: "no-role" };

  // An admin may have created the account by e-mail before its first login: link it then.
  const [byEmail] = await db.select().from(staffUsers).where(eq(staffUsers.email, email));
  if (byEmail) {
    if (byEmail.oidcSubject) return { status: "refused", reason: "email-taken" };
    if (!byEmail.active) return { status: "refused", reason: "inactive" };
    await db.update(staffUsers).set({ oidcIssuer: input.issuer, oidcSubject: subject, roles, displayName: name, lastLoginAt: now, updatedAt: now }).where(eq(staffUsers.id, byEmail.id));
    return { status: "ok", staffUserId: byEmail.id, roles };
  }
  const [created] = await db
    .insert(staffUsers)
    .values({ email, displayName: name, roles, oidcIssuer: input.issuer, oidcSubject: subject, lastLoginAt: now })
    .returning({ id: staffUsers.id });
  return { status: "ok", staffUserId: created!.id, roles };
}

// ---------------------------------------------------------------------------------------------
// Admin rules.

/** Why an admin's change to an account is refused. */
export type AdminChangeProblem = "not-found" | "self-deactivate" | "self-remove-admin" | "last-admin" | "email-taken";

async function otherActiveAdmins(db: DbOrTx, exceptId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(staffUsers)
    .where(and(ne(staffUsers.id, exceptId), eq(staffUsers.active, true), sql`'beheerder' = any(${staffUsers.roles})`));
  return row?.n ?? 0;
}

/** Creates a staff account; with a password it is a local account that must choose its own at first login. */
export async function createStaffUser(
  db: DbOrTx,
  input: { email: string; displayName: string; roles: StaffRole[]; initialPassword: string | null },
): Promise<{ id: string } | "email-taken"> {
  const email = normaliseEmail(input.email);
  const passwordHash = input.initialPassword ? await hashPassword(input.initialPassword) : null;
  const [created] = await db
    .insert(staffUsers)
    .values({ email, displayName: input.displayName.trim(), roles: input.roles, passwordHash, mustChangePassword: Boolean(input.initialPassword) })
    .onConflictDoNothing({ target: staffUsers.email })
    .returning({ id: staffUsers.id });
  return created ?? "email-taken";
}

/**
 * Sets a staff member's roles and ends their open sessions (reason roles-changed), so the new
 * rights apply at once. An admin cannot remove their own admin role, and the last active admin
 * keeps theirs.
 */
export async function changeStaffRoles(db: DbOrTx, input: { actorId: string; staffUserId: string; roles: StaffRole[] }): Promise<AdminChangeProblem | { sessionsEnded: number; changed: boolean }> {
  const [user] = await db.select().from(staffUsers).where(eq(staffUsers.id, input.staffUserId)).for("update");
  if (!user) return "not-found";
  const roles = staffRoles.filter((role) => input.roles.includes(role));
  const losesAdmin = user.roles.includes("beheerder") && !roles.includes("beheerder");
  if (losesAdmin && user.id === input.actorId) return "self-remove-admin";
  if (losesAdmin && user.active && (await otherActiveAdmins(db, user.id)) === 0) return "last-admin";
  if (user.roles.join() === roles.join()) return { sessionsEnded: 0, changed: false };
  await db.update(staffUsers).set({ roles, updatedAt: sql`now()` }).where(eq(staffUsers.id, user.id));
  return { sessionsEnded: await endSessionsOf(db, { staffUserId: user.id }, "roles-changed"), changed: true };
}

/** Deactivates an account and ends its sessions at once. Not oneself, not the last active admin. */
export async function deactivateStaffUser(db: DbOrTx, input: { actorId: string; staffUserId: string }): Promise<AdminChangeProblem | { sessionsEnded: number }> {
  const [user] = await db.select().from(staffUsers).where(eq(staffUsers.id, input.staffUserId)).for("update");
  if (!user) return "not-found";
  if (user.id === input.actorId) return "self-deactivate";
  if (user.active && user.roles.includes("beheerder") && (await otherActiveAdmins(db, user.id)) === 0) return "last-admin";
  await db.update(staffUsers).set({ active: false, deactivatedAt: sql`now()`, updatedAt: sql`now()` }).where(eq(staffUsers.id, user.id));
  return { sessionsEnded: await endSessionsOf(db, { staffUserId: user.id }, "deactivated") };
}

/** Makes a deactivated account usable again (with its old roles). */
export async function reactivateStaffUser(db: DbOrTx, input: { staffUserId: string }): Promise<AdminChangeProblem | null> {
  const updated = await db
    .update(staffUsers)
    .set({ active: true, deactivatedAt: null, failedLogins: 0, lockedUntil: null, updatedAt: sql`now()` })
    .where(eq(staffUsers.id, input.staffUserId))
    .returning({ id: staffUsers.id });
  return updated.length > 0 ? null : "not-found";
}

/**
 * An admin sets a temporary password: the account is unlocked and must choose a new password
 * at its next login. Open sessions end, since whoever knew the old password may be using one.
 */
export async function resetStaffPassword(db: DbOrTx, input: { staffUserId: string; temporaryPassword: string }): Promise<AdminChangeProblem | { sessionsEnded: number }> {
  const updated = await db
    .update(staffUsers)
    .set({ passwordHash: await hashPassword(input.temporaryPassword), mustChangePassword: true, failedLogins: 0, lockedUntil: null, updatedAt: sql`now()` })
    .where(eq(staffUsers.id, input.staffUserId))
    .returning({ id: staffUsers.id });
  if (updated.length === 0) return "not-found";
  return { sessionsEnded: await endSessionsOf(db, { staffUserId: input.staffUserId }, "logout-everywhere") };
}

/** Ends every open session of a staff member ("overal uitloggen"). */
export async function logOutEverywhere(db: DbOrTx, input: { staffUserId: string }): Promise<AdminChangeProblem | { sessionsEnded: number }> {
  const [user] = await db.select({ id: staffUsers.id }).from(staffUsers).where(eq(staffUsers.id, input.staffUserId));
  if (!user) return "not-found";
  return { sessionsEnded: await endSessionsOf(db, { staffUserId: user.id }, "logout-everywhere") };
}
