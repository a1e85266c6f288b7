import { NextResponse } from "next/server";
import { getLocale } from "@/lib/i18n/server";
import { isUuid } from "@/lib/http/ids";
import { postDraftStep } from "@/lib/submissions/flow";
import { partyOrResponse, seeOther } from "@/lib/submissions/route-responses";

type Params = Promise<{ draftId: string }>;

/**
 * POST /mijn/aanvragen/<draftId> (rewritten here, next.config.ts: the draft's page lives at that
 * address): the page's fields, its files without JavaScript (multipart, streamed), and `actie`
 * (next, back, edit:N, save, upload, remove:<id>, submit). Always answered with a 303.
 */
export async function POST(request: Request, { params }: { params: Params }): Promise<Response> {
  const { draftId } = await params;
  const who = await partyOrResponse(request, isUuid(draftId) ? `/mijn/aanvragen/${draftId}` : "/mijn/aanvragen");
  if ("response" in who) return who.response;
  const outcome = await postDraftStep(request, who.party, draftId, { locale: await getLocale() });
  switch (outcome.kind) {
    case "redirect":
      return seeOther(outcome.location);
    case "bad-request":
      return new NextResponse(outcome.message, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
    case "not-found":
      return new NextResponse("Not found", { status: 404 });
  }
}
