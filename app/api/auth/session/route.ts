import { cookies } from "next/headers";
import { NextResponse } from "next/server";
import { SESSION_COOKIE, touchSession } from "@/lib/auth/session";
import { isSameOrigin } from "@/lib/http/same-origin";

/**
 * The idle warning in the browser: `{"mode":"refresh"}` ("Blijf ingelogd") counts as use and
 * answers the new idle deadline; `{"mode":"check"}` at the deadline ends the session if the
 * server agrees it was idle (or answers a later deadline when the person was busy elsewhere).
 */
export async function POST(request: Request): Promise<Response> {
  if (!isSameOrigin(request)) return NextResponse.json({ status: "refused" }, { status: 403 });
  const body = (await request.json().catch(() => null)) as { mode?: unknown } | null;
  const mode = body?.mode === "check" ? "check" : "refresh";
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  const result = token ? await touchSession(token, mode) : ({ status: "ended", reason: "logout" } as const);
  const response =
    result.status === "active"
      ? NextResponse.json({ status: "active", deadline: result.idleDeadline.toISOString() })
      : NextResponse.json({ status: "ended", reason: result.reason });
  response.headers.set("Cache-Control", "no-store");
  if (result.status === "ended") response.cookies.delete(SESSION_COOKIE);
  return response;
}
