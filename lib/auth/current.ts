import "server-only";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { can, type Actor, type Permission } from "./policy";
import { lookupSession, SESSION_COOKIE, type SessionLookup } from "./session";
import { notFoundPage } from "@/lib/http/not-found";

/**
 * The session and actor of the current request, looked up once per request. Pages call
 * requireParty() / requireStaff(); actions get the actor from the action wrapper; queries take
 * the actor as an argument and scope by it.
 */

export const currentSession = cache(async (): Promise<SessionLookup> => {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!token) return { status: "none" };
  return lookupSession(token);
});

/** The logged-in party or staff member, or null. */
export async function currentActor(): Promise<Extract<Actor, { kind: "party" } | { kind: "staff" }> | null> {
  const lookup = await currentSession();
  return lookup.status === "active" ? lookup.session.actor : null;
}

async function loginUrl(page: "/inloggen" | "/inloggen/medewerker", reason?: string): Promise<string> {
  const path = (await headers()).get("x-pathname") ?? "/";
  const params = new URLSearchParams({ terug: path });
  if (reason) params.set("reden", reason);
  return `${page}?${params}`;
}

/** For resident pages: the logged-in party, or a redirect to login that comes back here. */
export async function requireParty(): Promise<Extract<Actor, { kind: "party" }>> {
  const lookup = await currentSession();
  if (lookup.status === "active" && lookup.session.actor.kind === "party") return lookup.session.actor;
  if (lookup.status === "active") notFoundPage(); // staff do not use resident pages; they act on behalf through /balie
  redirect(await loginUrl("/inloggen", lookup.status === "ended" ? lookup.reason : undefined));
}

/**
 * For staff pages: the logged-in staff member holding the permission. Not logged in: a redirect
 * to the staff login. Logged in without the permission: "not found", as for any page one may not see.
 */
export async function requireStaff(permission: Permission): Promise<Extract<Actor, { kind: "staff" }>> {
  const lookup = await currentSession();
  if (lookup.status === "active" && lookup.session.actor.kind === "staff") {
    if (!can(lookup.session.actor, permission)) notFoundPage();
    return lookup.session.actor;
  }
  if (lookup.status === "active") notFoundPage();
  redirect(await loginUrl("/inloggen/medewerker", lookup.status === "ended" ? lookup.reason : undefined));
}
