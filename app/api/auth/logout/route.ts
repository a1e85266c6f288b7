import { cookies } from "next/headers";
import { NextResponse } from "next/server";
import { endSession, endSessionsOf, lookupSession, SESSION_COOKIE } from "@/lib/auth/session";
import { withDb } from "@/lib/db";
import { env } from "@/lib/env";
import { isSameOrigin } from "@/lib/http/same-origin";

/**
 * Logging out: the button in the header posts here (works without JavaScript), and "Overal
 * uitloggen" on /mijn posts `overal=1` to end every session of the party. The session row is
 * ended, so the cookie is worthless even if it were kept; then the cookie is removed.
 */
export async function POST(request: Request): Promise<Response> {
  const target = (path: string) => new URL(path, env().publicUrl);
  if (!isSameOrigin(request)) return NextResponse.redirect(target("/"), 303);
  const form = await request.formData().catch(() => null);
  const everywhere = form?.get("overal") === "1";
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  if (token) {
    const lookup = await lookupSession(token);
    if (lookup.status === "active") {
      const { actor, sessionId } = lookup.session;
      await withDb(async (db) => {
        if (everywhere) {
          await endSessionsOf(db, actor.kind === "party" ? { partyId: actor.partyId } : { staffUserId: actor.staffUserId }, "logout-everywhere");
        } else {
          await endSession(db, sessionId, "logout");
        }
      });
    }
  }
  const response = NextResponse.redirect(target(everywhere ? "/uitgelogd?overal=1" : "/uitgelogd"), 303);
  response.cookies.delete(SESSION_COOKIE);
  return response;
}

export function GET(): Response {
  return NextResponse.redirect(new URL("/", env().publicUrl), 303);
}
