import { env } from "@/lib/env";

/**
 * True when a state-changing request comes from our own pages. Browsers send Sec-Fetch-Site
 * (and Origin on POST); a request from another site is refused, on top of SameSite=Lax cookies.
 */
export function fromOurOwnPages(request: Request): boolean {
  const site = request.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return false;
  const origin = request.headers.get("origin");
  if (!origin || origin === "null") return !site || site === "same-origin";
  return origin === new URL(env().publicUrl).origin || origin === new URL(request.url).origin;
}
