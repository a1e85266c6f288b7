import "server-only";
import { cookies } from "next/headers";
import { lookupSession, SESSION_COOKIE } from "../auth/session";
import type { SubmittingParty } from "./drafts";

/**
 * The party of a route handler's request, from the session cookie (route handlers have no action
 * wrapper). Not logged in, or the session ended (idle, expired): where to log in and come back.
 */
export type RequestParty = { kind: "party"; party: SubmittingParty } | { kind: "login"; reason?: string } | { kind: "staff" };

export async function requestParty(): Promise<RequestParty> {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!token) return { kind: "login" };
  const lookup = await lookupSession(token);
  if (lookup.status === "active") return lookup.session.actor.kind === "party" ? { kind: "party", party: lookup.session.actor } : { kind: "staff" };
  return lookup.status === "ended" ? { kind: "login", reason: lookup.reason } : { kind: "login" };
}

/** The login page that comes back to `returnPath` afterwards, with why the person logs in again. */
export function loginPath(returnPath: string, reason?: string): string {
  const params = new URLSearchParams({ terug: returnPath });
  if (reason) params.set("reden", reason);
  return `/inloggen?${params}`;
}
