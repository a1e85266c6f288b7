import { NextResponse } from "next/server";
import { env } from "@/lib/env";
import { failurePath, finishOidcLogin } from "@/lib/auth/oidc-login";

/**
 * next-auth's address space. Only the broker's callback is served (GET, or POST for
 * response_mode=form_post); next-auth's own sign-in, session and error pages are not used,
 * so they lead to our login page, our error page, or "not found".
 */
type Context = { params: Promise<{ nextauth: string[] }> };

async function handle(request: Request, { params }: Context): Promise<Response> {
  const [action, providerId] = (await params).nextauth;
  if (action === "callback" && providerId) return finishOidcLogin(request, providerId);
  if (request.method === "GET" && action === "signin") return NextResponse.redirect(new URL("/inloggen", env().publicUrl), 303);
  if (request.method === "GET" && action === "error") return NextResponse.redirect(new URL(failurePath("mislukt"), env().publicUrl), 303);
  return new NextResponse("Not found", { status: 404 });
}

export { handle as GET, handle as POST };
