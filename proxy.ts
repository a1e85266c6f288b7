import { NextResponse, type NextRequest } from "next/server";
import { defaultLocale, isLocale, LOCALE_COOKIE } from "@/lib/i18n";
import { databaseIsDown } from "@/lib/runtime/database-state";
import { databaseUnavailableHtml } from "@/lib/runtime/unavailable-page";
import { env } from "@/lib/env";
import { contentSecurityPolicy, newNonce, originOf, strictTransportSecurity } from "@/lib/security/headers";

/**
 * Runs before every page and route:
 * - gives every request an id (kept from a trusted load balancer when it sends a sane one) for
 *   the logs, and tells server components the current path;
 * - while the database cannot be reached, answers page requests with a plain 503 page that
 *   works without JavaScript. Form posts still go through, so the form comes back with its
 *   values and a message instead of being lost;
 * - sets the Content-Security-Policy with a fresh nonce (Next reads it from the request's CSP
 *   header and puts it on its scripts) and, over https, HSTS.
 */
export function proxy(request: NextRequest) {
  const isPageView = (request.method === "GET" || request.method === "HEAD") && !request.nextUrl.pathname.startsWith("/api/");
  const nonce = newNonce();
  const settings = env();
  const csp = contentSecurityPolicy({
    nonce,
    // Login buttons post to us and are redirected to the provider: form-action covers that redirect.
    formActionOrigins: [settings.oidc.digid?.issuer, settings.oidc.eherkenning?.issuer, settings.oidc.staff?.issuer].map(originOf).filter((o): o is string => o !== null),
    development: process.env.NODE_ENV === "development",
    https: settings.publicUrl.startsWith("https://"),
  });
  const hsts = strictTransportSecurity(settings.publicUrl);
  if (isPageView && databaseIsDown()) {
    const chosen = request.cookies.get(LOCALE_COOKIE)?.value;
    return new NextResponse(databaseUnavailableHtml(isLocale(chosen) ? chosen : defaultLocale), {
      status: 503,
      headers: {
        "Content-Type": "text/html; charset=utf-8",
        "Retry-After": "30",
        "Cache-Control": "no-store",
        "Content-Security-Policy": csp,
        ...(hsts ? { "Strict-Transport-Security": hsts } : {}),
      },
    });
  }
  const incoming = request.headers.get("x-request-id");
  const requestId = incoming && /^[A-Za-z0-9._-]{8,128}$/.test(incoming) ? incoming : crypto.randomUUID();
  const headers = new Headers(request.headers);
  headers.set("x-request-id", requestId);
  headers.set("x-pathname", request.nextUrl.pathname + request.nextUrl.search);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("x-request-id", requestId);
  response.headers.set("Content-Security-Policy", csp);
  if (hsts) response.headers.set("Strict-Transport-Security", hsts);
  return response;
}

// Uploads (multipart posts to a draft and its attachments, a message with its PDFs, and replies to messages) skip the proxy: Next buffers the whole
// body of a request the proxy sees (and cuts it off at 10 MB), while the route handlers stream
// files into the store as they arrive. They set nothing the proxy would add that a 303 or JSON needs.
export const config = {
  matcher: [
    "/((?!_next/static|_next/image|favicon.ico|branding/|mijn/aanvragen|api/aanvragen|mijn/berichten|api/berichten|behandeling/zaken/[^/]+/bericht|api/behandeling).*)",
    // (Next reads this config without running it: the conditions are written out, not shared.)
    { source: "/mijn/aanvragen/:path*", missing: [{ type: "header", key: "content-type", value: "multipart/form-data.*" }] },
    { source: "/api/aanvragen/:path*", missing: [{ type: "header", key: "content-type", value: "multipart/form-data.*" }] },
    // A reply to an inbox message streams its files too (POST /mijn/berichten/<id>/reageren).
    { source: "/mijn/berichten/:path*", missing: [{ type: "header", key: "content-type", value: "multipart/form-data.*" }] },
    { source: "/api/berichten/:path*", missing: [{ type: "header", key: "content-type", value: "multipart/form-data.*" }] },
    // And a handler's message with its PDFs (POST /behandeling/zaken/<id>/bericht).
    { source: "/behandeling/zaken/:caseId/bericht", missing: [{ type: "header", key: "content-type", value: "multipart/form-data.*" }] },
    { source: "/api/behandeling/:path*", missing: [{ type: "header", key: "content-type", value: "multipart/form-data.*" }] },
  ],
};
