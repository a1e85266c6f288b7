import { env } from "@/lib/env";

/**
 * Route handlers that change something accept only requests from the portal's own pages (server
 * actions check this themselves; route handlers must). A browser sends Origin on every POST and
 * Sec-Fetch-Site on every request; either naming another site refuses the request. The origin
 * counts when it is the public address (PUBLIC_URL) or the address the request came in on (Host),
 * so a portal reached through its internal name in a test works as well. Pure apart from env().
 */
export function isSameOrigin(request: Request, publicUrl = env().publicUrl): boolean {
  const site = request.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return false;
  const origin = request.headers.get("origin");
  // No Origin (an old browser, a tool): only a browser that says it is same-origin passes.
  if (!origin || origin === "null") return site === "same-origin";
  const allowed = new Set<string>([new URL(publicUrl).origin]);
  const host = request.headers.get("host");
  if (host) {
    const proto = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() || new URL(request.url).protocol.replace(":", "");
    allowed.add(`${proto}://${host}`);
  }
  return allowed.has(origin);
}

/** A 403 for a request from another site, or null when it may go on. */
export function refuseCrossOrigin(request: Request): Response | null {
  return isSameOrigin(request) ? null : new Response("Forbidden: cross-origin request", { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}
