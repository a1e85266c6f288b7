import "server-only";
import { NextResponse } from "next/server";
import { env } from "../env";
import { refuseCrossOrigin } from "../http/same-origin";
import { loginPath, requestParty } from "./request-party";
import type { SubmittingParty } from "./drafts";

/** What every route handler under /mijn/aanvragen does first: same origin, then the session's party. */

/** A 303 to a path of the portal (after a post, the browser GETs the page). */
export function seeOther(path: string): Response {
  return NextResponse.redirect(new URL(path, env().publicUrl), 303);
}

export function wantsJson(request: Request): boolean {
  return (request.headers.get("accept") ?? "").includes("application/json");
}

/**
 * The party posting, or the response to give instead: 403 for another site, the login page (then
 * back to `returnPath`) without a session, 404 for staff. With Accept: application/json the login
 * case is a 401 with where to log in, so the upload script can say so.
 */
export async function partyOrResponse(request: Request, returnPath: string): Promise<{ party: SubmittingParty } | { response: Response }> {
  const refused = refuseCrossOrigin(request);
  if (refused) return { response: refused };
  const who = await requestParty();
  if (who.kind === "party") return { party: who.party };
  if (who.kind === "staff") return { response: new Response("Not found", { status: 404 }) };
  const login = loginPath(returnPath, who.reason);
  if (wantsJson(request)) return { response: NextResponse.json({ error: "login", login }, { status: 401 }) };
  // The body is not read: nothing of it can be kept without knowing whose it is.
  return { response: seeOther(login) };
}
