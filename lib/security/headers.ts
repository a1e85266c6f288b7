/**
 * Security headers that differ per request or per installation, set by proxy.ts: the
 * Content-Security-Policy with a fresh nonce (Next reads it from the request's CSP header and
 * puts it on its own scripts) and HSTS. Fixed headers (nosniff, Referrer-Policy,
 * Permissions-Policy, X-Frame-Options) are in next.config.ts, so static files get them too.
 * Pure module: no I/O, usable in the proxy and in tests.
 */

export interface CspOptions {
  nonce: string;
  /** Origins forms may post to (or be redirected to) besides our own: the OIDC providers' login pages. */
  formActionOrigins?: readonly string[];
  /** Development: React needs eval for its debugging aids. */
  development?: boolean;
  /** Served over https: ask browsers to upgrade any http subresource. */
  https?: boolean;
}

/** A nonce for one response: 16 random bytes in base64. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/** The origin of a URL, or null when it is not an http(s) URL. */
export function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.origin : null;
  } catch {
    return null;
  }
}

/**
 * The Content-Security-Policy. Scripts only with the nonce ('strict-dynamic' lets Next's
 * scripts load their chunks). Styles allow inline: React style attributes, the branding
 * <style> and the HTML of demo mails (a srcdoc frame inherits this policy) need it, and inline
 * styles cannot run code.
 */
export function contentSecurityPolicy(options: CspOptions): string {
  const formAction = ["'self'", ...new Set(options.formActionOrigins ?? [])];
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${options.nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    `form-action ${formAction.join(" ")}`,
    "frame-ancestors 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** HSTS for an installation served over https (two years, subdomains included); null otherwise. */
export function strictTransportSecurity(publicUrl: string): string | null {
  return publicUrl.startsWith("https://") ? "max-age=63072000; includeSubDomains" : null;
}
