import { createHash, randomBytes } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db";
import { parties, sessions, staffUsers, type AuthMethod, type StaffRole } from "@/db/schema/identity";
import { inboxMessages } from "@/db/schema/submissions";
import { withDb } from "../db";
import { env } from "../env";
import { isAssuranceLevel, type AssuranceLevel } from "./levels";
import type { Actor } from "./policy";

/**
 * Server-side sessions. The browser's cookie holds 32 random bytes; the database keeps only
 * their SHA-256, with who the session belongs to, the login method and level, and when it was
 * last used. Ending the row ends the session at once: logout, deactivation, "log out everywhere".
 */

export const SESSION_COOKIE = "mo_sessie";

/** Updating last_seen_at on every request would make every page a write; once per this many seconds is enough. */
const TOUCH_AFTER_SECONDS = 30;

export type SessionEndReason = NonNullable<(typeof sessions.$inferSelect)["endReason"]>;

export function hashSessionToken(token: string): string {
  return createHash("sha256").update(token).digest("base64url");
}

export interface StartedSession {
  sessionId: string;
  /** Goes into the cookie; never stored. */
  token: string;
  expiresAt: Date;
  idleTimeoutSeconds: number;
}

/** Starts a session for a party (resident or business) or a staff member, in the caller's transaction. */
export async function startSession(
  tx: DbOrTx,
  subject: { partyId: string; method: AuthMethod; assuranceLevel: AssuranceLevel } | { staffUserId: string; method: AuthMethod },
): Promise<StartedSession> {
  const limits = "partyId" in subject ? env().sessions.resident : env().sessions.staff;
  const token = randomBytes(32).toString("base64url");
  const now = new Date();
  const expiresAt = new Date(now.getTime() + limits.maxSeconds * 1000);
  const [row] = await tx
    .insert(sessions)
    .values({
      tokenHash: hashSessionToken(token),
      partyId: "partyId" in subject ? subject.partyId : null,
      staffUserId: "staffUserId" in subject ? subject.staffUserId : null,
      method: subject.method,
      assuranceLevel: "partyId" in subject ? subject.assuranceLevel : null,
      createdAt: now,
      lastSeenAt: now,
      idleTimeoutSeconds: limits.idleSeconds,
      expiresAt,
    })
    .returning({ id: sessions.id });
  return { sessionId: row!.id, token, expiresAt, idleTimeoutSeconds: limits.idleSeconds };
}

export interface ResolvedSession {
  actor: Extract<Actor, { kind: "party" } | { kind: "staff" }>;
  sessionId: string;
  method: AuthMethod;
  /** For a business: its KvK number, which the header shows (never a BSN). */
  kvkNumber: string | null;
  idleTimeoutSeconds: number;
  /** When the session ends if nothing happens (idle limit), and at the latest. */
  idleDeadline: Date;
  expiresAt: Date;
  /** Staff after an admin reset: must choose a new password first (lib/staff; their actor holds no roles until then). */
  mustChangePassword: boolean;
  /** A party's unread inbox messages, for the header of every page (null for staff). */
  unreadMessages: number | null;
}

export type SessionLookup = { status: "active"; session: ResolvedSession } | { status: "ended"; reason: SessionEndReason } | { status: "none" };

/**
 * The lookup every logged-in request makes, prepared once per database handle: the database
 * plans it once instead of on every page (part of keeping a logged-in page within 0.85 of the
 * same page logged out, see bench/README.md).
 */
function buildSessionQuery(db: Db) {
  return db
    .select({
      id: sessions.id,
      partyId: sessions.partyId,
      staffUserId: sessions.staffUserId,
      method: sessions.method,
      assuranceLevel: sessions.assuranceLevel,
      lastSeenAt: sessions.lastSeenAt,
      idleTimeoutSeconds: sessions.idleTimeoutSeconds,
      expiresAt: sessions.expiresAt,
      endedAt: sessions.endedAt,
      endReason: sessions.endReason,
      partyKind: parties.kind,
      kvkNumber: parties.kvkNumber,
      staffRoles: staffUsers.roles,
      staffActive: staffUsers.active,
      staffName: staffUsers.displayName,
      staffMustChangePassword: staffUsers.mustChangePassword,
      // The header of every resident page shows this count: read with the session, it costs no
      // round trip of its own (served by the partial index inbox_messages_unread_idx; 0 for staff).
      unreadMessages: sql<number>`(select count(*) from ${inboxMessages} where ${inboxMessages.partyId} = ${sessions.partyId} and ${inboxMessages.firstOpenedAt} is null)`.mapWith(Number),
    })
    .from(sessions)
    .leftJoin(parties, eq(parties.id, sessions.partyId))
    .leftJoin(staffUsers, eq(staffUsers.id, sessions.staffUserId))
    .where(eq(sessions.tokenHash, sql.placeholder("tokenHash")))
    .prepare("session_lookup");
}
const preparedSessionQueries = new WeakMap<Db, ReturnType<typeof buildSessionQuery>>();
function sessionQuery(db: Db) {
  let query = preparedSessionQueries.get(db);
  if (!query) {
    query = buildSessionQuery(db);
    preparedSessionQueries.set(db, query);
  }
  return query;
}

/**
 * Finds the session for a cookie token and checks it: ended, past its absolute limit, idle too
 * long, or belonging to a deactivated staff member all count as ended (and are recorded so).
 * An active session's last use is refreshed.
 */
export async function lookupSession(token: string, now = new Date()): Promise<SessionLookup> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return { status: "none" };
  return withDb(async (db) => {
    const [row] = await sessionQuery(db).execute({ tokenHash: hashSessionToken(token) });
    if (!row) return { status: "none" } as const;
    if (row.endedAt) return { status: "ended", reason: row.endReason ?? "logout" } as const;

    const idleDeadline = new Date(row.lastSeenAt.getTime() + row.idleTimeoutSeconds * 1000);
    let reason: SessionEndReason | null = null;
    if (now >= row.expiresAt) reason = "expired";
    else if (now >= idleDeadline) reason = "idle";
    else if (row.staffUserId && !row.staffActive) reason = "deactivated";
    if (reason) {
      await endSession(db, row.id, reason);
      return { status: "ended", reason } as const;
    }

    // Short idle limits (tests) need finer touches than the 30 seconds that spare the database.
    const touched = now.getTime() - row.lastSeenAt.getTime() > Math.min(TOUCH_AFTER_SECONDS, row.idleTimeoutSeconds / 4) * 1000;
    if (touched) {
      await db.update(sessions).set({ lastSeenAt: now }).where(and(eq(sessions.id, row.id), isNull(sessions.endedAt)));
    }
    // A staff member who must choose a new password holds no role until they have: every
    // permission check (pages, actions, queries) refuses, and staff pages send them to do it.
    const mustChangePassword = Boolean(row.staffUserId && row.staffMustChangePassword);
    const actor: ResolvedSession["actor"] =
      row.partyId && row.partyKind && isAssuranceLevel(row.assuranceLevel)
        ? { kind: "party", partyId: row.partyId, partyKind: row.partyKind, sessionId: row.id, level: row.assuranceLevel }
        : { kind: "staff", staffUserId: row.staffUserId!, roles: mustChangePassword ? [] : ((row.staffRoles ?? []) as StaffRole[]), sessionId: row.id, displayName: row.staffName ?? "" };
    return {
      status: "active",
      session: {
        actor,
        sessionId: row.id,
        method: row.method,
        kvkNumber: row.kvkNumber,
        idleTimeoutSeconds: row.idleTimeoutSeconds,
        idleDeadline: new Date(Math.min((touched ? now : row.lastSeenAt).getTime() + row.idleTimeoutSeconds * 1000, row.expiresAt.getTime())),
        expiresAt: row.expiresAt,
        mustChangePassword,
        unreadMessages: actor.kind === "party" ? row.unreadMessages : null,
      },
    } as const;
  });
}

/**
 * "Blijf ingelogd" and the idle check of the warning in the browser. `refresh` counts as use and
 * moves the idle deadline; `check` (the browser thinks the deadline has passed) ends the session
 * when the server agrees, allowing for the touch granularity, or else tells the real deadline
 * (the person was active in another tab).
 */
export async function touchSession(token: string, mode: "refresh" | "check", now = new Date()): Promise<{ status: "active"; idleDeadline: Date } | { status: "ended"; reason: SessionEndReason }> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return { status: "ended", reason: "logout" };
  return withDb(async (db) => {
    const [row] = await db
      .select({ id: sessions.id, lastSeenAt: sessions.lastSeenAt, idle: sessions.idleTimeoutSeconds, expiresAt: sessions.expiresAt, endedAt: sessions.endedAt, endReason: sessions.endReason })
      .from(sessions)
      .where(eq(sessions.tokenHash, hashSessionToken(token)));
    if (!row) return { status: "ended", reason: "logout" } as const;
    if (row.endedAt) return { status: "ended", reason: row.endReason ?? "logout" } as const;
    const slack = mode === "check" ? Math.min(TOUCH_AFTER_SECONDS, row.idle / 4) * 1000 : 0;
    let reason: SessionEndReason | null = null;
    if (now >= row.expiresAt) reason = "expired";
    else if (now.getTime() + slack >= row.lastSeenAt.getTime() + row.idle * 1000) reason = "idle";
    if (reason) {
      await endSession(db, row.id, reason);
      return { status: "ended", reason } as const;
    }
    let lastSeen = row.lastSeenAt;
    if (mode === "refresh") {
      await db.update(sessions).set({ lastSeenAt: now }).where(and(eq(sessions.id, row.id), isNull(sessions.endedAt)));
      lastSeen = now;
    }
    return { status: "active", idleDeadline: new Date(Math.min(lastSeen.getTime() + row.idle * 1000, row.expiresAt.getTime())) } as const;
  });
}

/** Ends one session (idempotent: an ended session keeps its first reason). */
export async function endSession(db: DbOrTx, sessionId: string, reason: SessionEndReason): Promise<void> {
  await db.update(sessions).set({ endedAt: sql`now()`, endReason: reason }).where(and(eq(sessions.id, sessionId), isNull(sessions.endedAt)));
}

/** Ends every open session of a staff member or party; returns how many were ended. */
export async function endSessionsOf(db: DbOrTx, subject: { staffUserId: string } | { partyId: string }, reason: SessionEndReason): Promise<number> {
  const match = "staffUserId" in subject ? eq(sessions.staffUserId, subject.staffUserId) : eq(sessions.partyId, subject.partyId);
  const ended = await db.update(sessions).set({ endedAt: sql`now()`, endReason: reason }).where(and(match, isNull(sessions.endedAt))).returning({ id: sessions.id });
  return ended.length;
}

/** The cookie settings for a session token: HttpOnly, SameSite=Lax, Secure when the portal runs on https. */
export function sessionCookieOptions(expiresAt: Date) {
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    secure: env().publicUrl.startsWith("https://"),
    path: "/",
    expires: expiresAt,
  };
}
