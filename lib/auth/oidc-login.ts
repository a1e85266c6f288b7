import "server-only";
import NextAuth, { type AuthOptions } from "next-auth";
import { NextResponse } from "next/server";
import { SESSION_COOKIE, sessionCookieOptions } from "@/lib/auth/session";
import {
  DEFAULT_RETURN_PATH,
  completeResidentLogin,
  identityFromDigidClaims,
  identityFromEherkenningClaims,
  safeReturnPath,
  type LoginFailureReason,
  type ResidentIdentity,
} from "@/lib/auth/resident-login";
import { oidcProvider } from "@/lib/auth/oidc-provider";
import { staffOidc } from "@/lib/auth/staff-oidc";
import { env } from "@/lib/env";
import { createLogger } from "@/lib/log";
import { authSecret } from "@/lib/secrets";

/**
 * next-auth 4 as nothing more than the OpenID Connect client for DigiD and eHerkenning brokers
 * and the municipality's own identity provider for staff (lib/auth/staff-oidc.ts) (discovery, state, PKCE, code exchange, ID token checks). We call its handler ourselves
 * (NextAuth(req, res, options) with a captured response) instead of mounting it as the route:
 * then we decide what the browser gets. The signIn
 * callback checks the claims and starts *our* server-side session; next-auth's own session
 * cookie is never written (the callback always answers with a redirect). See
 * docs/decisions/0007-oidc-login-through-next-auth-core.md.
 */

export type ResidentProviderId = "digid" | "eherkenning";
export type OidcProviderId = ResidentProviderId | typeof staffOidc.id;

const log = () => createLogger().child({ module: "oidc-login" });

/** The resident providers that are configured (environment), in the order shown. */
export function configuredResidentProviders(): ResidentProviderId[] {
  const { oidc } = env();
  return (["digid", "eherkenning"] as const).filter((id) => Boolean(oidc[id]));
}

/** Every configured OIDC provider: residents' and businesses' brokers, and staff's identity provider. */
export function configuredProviders(): OidcProviderId[] {
  return [...configuredResidentProviders(), ...(staffOidc.configured() ? [staffOidc.id] : [])];
}

/** Where a failed login goes: our explanation for residents, the staff login's for staff. */
function failureFor(providerId: string, reason: LoginFailureReason): string {
  return providerId === staffOidc.id ? staffOidc.failurePath("failed") : failurePath(reason);
}

interface LoginOutcome {
  started?: { token: string; expiresAt: Date };
  failure?: LoginFailureReason;
  /** A page of its own for a refusal (staff: no role, deactivated). */
  failureTarget?: string;
  /** Where to go when the person came from nowhere (staff: their area). */
  home?: string;
}

function authOptions(outcome: LoginOutcome): AuthOptions {
  const { oidc } = env();
  const providers: AuthOptions["providers"] = [];
  if (oidc.digid) providers.push(oidcProvider("digid", "DigiD", oidc.digid));
  if (oidc.eherkenning) providers.push(oidcProvider("eherkenning", "eHerkenning", oidc.eherkenning));
  const staffProvider = staffOidc.provider();
  if (staffProvider) providers.push(staffProvider);
  return {
    secret: authSecret(),
    providers,
    // next-auth's session is not used: JWT (no database tables), and short-lived should one ever be written.
    session: { strategy: "jwt", maxAge: 60 },
    pages: { error: "/inloggen/fout", signIn: "/inloggen" },
    logger: {
      error: (code, metadata) => log().warn({ code, error: metadata instanceof Error ? metadata.message : (metadata as { error?: Error })?.error?.message }, "OIDC login step failed"),
      warn: (code) => log().warn({ code }, "next-auth warning"),
      debug: () => {},
    },
    callbacks: {
      async signIn({ account, profile }) {
        const claims = (profile ?? {}) as Record<string, unknown>;
        if (account?.provider === staffOidc.id) {
          try {
            const result = await staffOidc.signIn(claims);
            if ("started" in result) {
              outcome.started = { token: result.started.token, expiresAt: result.started.expiresAt };
              outcome.home = result.redirectTo;
            } else {
              outcome.failureTarget = result.redirectTo;
            }
            return result.redirectTo;
          } catch (error) {
            log().error({ provider: account.provider, error: (error as Error).message }, "staff login could not be completed");
            outcome.failure = "storing";
            return staffOidc.failurePath("failed");
          }
        }
        let identity: ResidentIdentity | LoginFailureReason;
        if (account?.provider === "digid" && oidc.digid) identity = identityFromDigidClaims(claims, oidc.digid);
        else if (account?.provider === "eherkenning" && oidc.eherkenning) identity = identityFromEherkenningClaims(claims, oidc.eherkenning);
        else identity = "mislukt";
        if (typeof identity === "string") {
          // Which claim was wrong, never its value (it may be a BSN).
          log().warn({ provider: account?.provider, reason: identity }, "login refused: claims");
          outcome.failure = identity;
          return failurePath(identity);
        }
        try {
          const started = await completeResidentLogin(identity);
          outcome.started = { token: started.token, expiresAt: started.expiresAt };
        } catch (error) {
          log().error({ provider: account?.provider, error: (error as Error).message }, "login could not be completed");
          outcome.failure = "storing";
          return failurePath("storing");
        }
        return "/mijn"; // replaced by the checked return path when the response is made
      },
    },
  };
}

export function failurePath(reason: LoginFailureReason): string {
  return `/inloggen/fout?reden=${reason}`;
}

const LOGIN_RETURN_COOKIE = "mo_inloggen_terug";

function requestCookies(request: Request): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of (request.headers.get("cookie") ?? "").split(/;\s*/)) {
    const at = part.indexOf("=");
    if (at <= 0) continue;
    try {
      cookies[part.slice(0, at)] = decodeURIComponent(part.slice(at + 1));
    } catch {
      // A mangled cookie is ignored, as if it were not there.
    }
  }
  return cookies;
}

interface NextAuthAnswer {
  status: number;
  redirect?: string;
  body?: unknown;
  /** Set-Cookie header values, ready to pass on. */
  setCookies: string[];
}

/** Runs one next-auth step (csrf, signin, callback) and captures its answer instead of sending it. */
async function runNextAuth(
  request: Request,
  options: AuthOptions,
  step: { action: "csrf" | "signin" | "callback"; providerId?: string; method: "GET" | "POST"; body?: Record<string, string>; cookies?: Record<string, string> },
): Promise<NextAuthAnswer> {
  const answer: NextAuthAnswer = { status: 200, setCookies: [] };
  const headers = new Map<string, unknown>();
  const res = {
    status(code: number) {
      answer.status = code;
      return res;
    },
    setHeader(key: string, value: unknown) {
      headers.set(key.toLowerCase(), value);
      if (key.toLowerCase() === "location") answer.redirect = String(value);
      return res;
    },
    getHeader: (key: string) => headers.get(key.toLowerCase()),
    end: () => res,
    json(body: unknown) {
      answer.body = body;
      return res;
    },
    send(body: unknown) {
      answer.body = body;
      return res;
    },
  };
  const url = new URL(request.url);
  const req = {
    method: step.method,
    query: { ...Object.fromEntries(url.searchParams), nextauth: [step.action, ...(step.providerId ? [step.providerId] : [])] },
    body: step.body ?? {},
    cookies: { ...requestCookies(request), ...step.cookies },
    headers: Object.fromEntries(request.headers),
  };
  // The pages-router signature (req, res, options) is next-auth 4's public way to run one step.
  await (NextAuth as unknown as (req: unknown, res: unknown, options: AuthOptions) => Promise<unknown>)(req, res, options);
  const setCookie = headers.get("set-cookie");
  answer.setCookies = Array.isArray(setCookie) ? setCookie.map(String) : setCookie ? [String(setCookie)] : [];
  return answer;
}

function ensureNextAuthUrl() {
  // next-auth 4 takes its own address from NEXTAUTH_URL; ours is PUBLIC_URL.
  process.env.NEXTAUTH_URL = `${env().publicUrl}/api/auth`;
}

function absolute(path: string): URL {
  return new URL(path, env().publicUrl);
}

function copyCookies(response: NextResponse, setCookies: string[]) {
  for (const header of setCookies) {
    // next-auth's session cookie is never given to the browser: our own session is the only one.
    if (/^[^=]*session-token/.test(header)) continue;
    response.headers.append("Set-Cookie", header);
  }
}

/**
 * Starts a login at a broker from a plain form post (no JavaScript needed): asks next-auth for
 * a CSRF token and answers its sign-in step with it in one go, then sends the browser to the
 * broker with next-auth's state and PKCE cookies.
 */
export async function startOidcLogin(request: Request, providerId: OidcProviderId, returnPath: string | null): Promise<NextResponse> {
  if (!configuredProviders().includes(providerId)) return NextResponse.redirect(absolute(failureFor(providerId, "niet-beschikbaar")), 303);
  ensureNextAuthUrl();
  const outcome: LoginOutcome = {};
  const options = authOptions(outcome);
  try {
    const csrf = await runNextAuth(request, options, { action: "csrf", method: "GET" });
    const token = (csrf.body as { csrfToken?: string } | undefined)?.csrfToken;
    const csrfCookie = csrf.setCookies.map((c) => c.split(";")[0]!).find((c) => c.includes("csrf-token="));
    if (!token) throw new Error("next-auth gave no CSRF token");
    // A browser that started a login before still has the CSRF cookie; next-auth then sets no new one.
    const at = csrfCookie?.indexOf("=") ?? -1;
    const signin = await runNextAuth(request, options, {
      action: "signin",
      method: "POST",
      providerId,
      body: { csrfToken: token, callbackUrl: absolute("/mijn").toString() },
      cookies: csrfCookie && at > 0 ? { [csrfCookie.slice(0, at)]: decodeURIComponent(csrfCookie.slice(at + 1)) } : {},
    });
    const target = signin.redirect ? new URL(signin.redirect, env().publicUrl) : null;
    // next-auth sends its own errors to its pages on our host; anything else is the broker.
    if (!target || target.origin === new URL(env().publicUrl).origin) {
      log().warn({ provider: providerId }, "could not start OIDC login (broker unreachable or misconfigured)");
      return NextResponse.redirect(absolute(failureFor(providerId, "storing")), 303);
    }
    const response = NextResponse.redirect(target, 303);
    if (returnPath) response.cookies.set(LOGIN_RETURN_COOKIE, returnPath, { httpOnly: true, sameSite: "lax", secure: env().publicUrl.startsWith("https://"), path: "/api/auth", maxAge: 900 });
    copyCookies(response, [...csrf.setCookies, ...signin.setCookies]); // last: response.cookies.set() rewrites Set-Cookie
    return response;
  } catch (error) {
    log().warn({ provider: providerId, error: (error as Error).message }, "could not start OIDC login");
    return NextResponse.redirect(absolute(failureFor(providerId, "storing")), 303);
  }
}

/** The broker's answer (/api/auth/callback/<provider>): checks, our session, and back to where the person was. */
export async function finishOidcLogin(request: Request, providerId: string): Promise<NextResponse> {
  const url = new URL(request.url);
  const fail = (reason: LoginFailureReason, target = failureFor(providerId, reason)) => {
    const response = NextResponse.redirect(absolute(target), 303);
    response.cookies.delete({ name: LOGIN_RETURN_COOKIE, path: "/api/auth" });
    return response;
  };
  if (!(configuredProviders() as string[]).includes(providerId)) return fail("niet-beschikbaar");
  const brokerError = url.searchParams.get("error");
  if (brokerError) {
    log().info({ provider: providerId, error: brokerError.slice(0, 100) }, "broker returned an error");
    return fail(brokerError === "access_denied" || brokerError === "login_required" || brokerError === "consent_required" ? "geannuleerd" : "storing");
  }
  ensureNextAuthUrl();
  const outcome: LoginOutcome = {};
  let body: Record<string, string> | undefined;
  if (request.method === "POST") {
    const form = await request.formData().catch(() => null);
    body = form ? Object.fromEntries([...form.entries()].filter((e): e is [string, string] => typeof e[1] === "string")) : undefined;
  }
  let cleanup: string[] = [];
  try {
    const result = await runNextAuth(request, authOptions(outcome), { action: "callback", providerId, method: request.method === "POST" ? "POST" : "GET", body });
    cleanup = result.setCookies;
  } catch (error) {
    log().warn({ provider: providerId, error: (error as Error).message }, "OIDC callback failed");
    return fail("storing");
  }
  if (outcome.failureTarget) return fail("mislukt", outcome.failureTarget);
  if (outcome.failure) return fail(outcome.failure);
  if (!outcome.started) return fail("mislukt"); // state or PKCE mismatch, expired flow, token exchange failed
  const returnPath = safeReturnPath(requestCookies(request)[LOGIN_RETURN_COOKIE], outcome.home ?? DEFAULT_RETURN_PATH);
  const response = NextResponse.redirect(absolute(returnPath), 303);
  response.cookies.set(SESSION_COOKIE, outcome.started.token, sessionCookieOptions(outcome.started.expiresAt));
  response.cookies.delete({ name: LOGIN_RETURN_COOKIE, path: "/api/auth" });
  copyCookies(response, cleanup); // last: response.cookies.set() rewrites Set-Cookie
  return response;
}
