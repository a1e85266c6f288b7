import { NextResponse } from "next/server";
import { isUuid } from "@/lib/http/ids";
import { getLocale } from "@/lib/i18n/server";
import { postReply } from "@/lib/replies/flow";
import { notFoundResponse } from "@/lib/submissions/responses";
import { partyOrResponse, seeOther } from "@/lib/submissions/route-responses";

type Params = Promise<{ id: string }>;

/**
 * POST /mijn/berichten/<id>/reageren (rewritten here, next.config.ts: the reply page lives at
 * that address): the reply's text and files (multipart, streamed), its key and the button.
 * Always answered with a 303: to the receipt once sent, else back to the page with what was typed.
 */
export async function POST(request: Request, { params }: { params: Params }): Promise<Response> {
  const { id } = await params;
  const who = await partyOrResponse(request, isUuid(id) ? `/mijn/berichten/${id}/reageren` : "/mijn/berichten");
  if ("response" in who) return who.response;
  const outcome = await postReply(request, who.party, id, { locale: await getLocale() });
  switch (outcome.kind) {
    case "redirect":
      return seeOther(outcome.location);
    case "bad-request":
      return new NextResponse(outcome.message, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
    case "not-found":
      return notFoundResponse();
  }
}
