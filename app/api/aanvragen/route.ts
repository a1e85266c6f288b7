import { NextResponse } from "next/server";
import { startFromProduct } from "@/lib/submissions/flow";
import { partyOrResponse, seeOther } from "@/lib/submissions/route-responses";

/**
 * POST /mijn/aanvragen (rewritten here, next.config.ts: a page lives at that address): the
 * product page's start button, `product=<slug>`. Starts a draft and goes to its first page; not
 * logged in: log in and come back to the product; cannot start: a page that says why.
 */
export async function POST(request: Request): Promise<Response> {
  const form = await request.formData().catch(() => null);
  const slug = typeof form?.get("product") === "string" ? (form!.get("product") as string) : "";
  const who = await partyOrResponse(request, /^[a-z0-9-]{1,100}$/.test(slug) ? `/producten/${slug}` : "/mijn/aanvragen");
  if ("response" in who) return who.response;
  const outcome = await startFromProduct(who.party, slug);
  if (outcome.kind === "redirect") return seeOther(outcome.location);
  return new NextResponse("Not found", { status: 404 });
}
