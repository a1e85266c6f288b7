import { NextResponse } from "next/server";
import { safeReturnPath } from "@/lib/auth/resident-login";
import { env } from "@/lib/env";
import { configuredProviders, failurePath, startOidcLogin } from "@/lib/auth/oidc-login";

/**
 * "Inloggen met DigiD / eHerkenning" (on /inloggen) and "Inloggen met uw werkaccount" (on
 * /inloggen/medewerker) post here (a plain form, so it works without JavaScript) with the page
 * to come back to in `terug`.
 */
export async function POST(request: Request, { params }: { params: Promise<{ provider: string }> }): Promise<Response> {
  const { provider } = await params;
  const form = await request.formData().catch(() => null);
  // No (valid) `terug`: residents go to /mijn, staff to their own area (decided after login).
  const returnPath = safeReturnPath(form?.get("terug"), "") || null;
  const known = configuredProviders().find((id) => id === provider);
  if (!known) return NextResponse.redirect(new URL(failurePath("niet-beschikbaar"), env().publicUrl), 303);
  return startOidcLogin(request, known, returnPath);
}

// A bookmarked or typed address: the login page, with the choice.
export function GET(): Response {
  return NextResponse.redirect(new URL("/inloggen", env().publicUrl), 303);
}
