import { NextResponse } from "next/server";
import { isUuid } from "@/lib/http/ids";
import { removeFromDraft } from "@/lib/submissions/flow";
import { partyOrResponse, seeOther, wantsJson } from "@/lib/submissions/route-responses";

type Params = Promise<{ draftId: string; attachmentId: string }>;

/** POST .../bijlagen/<attachmentId>/verwijderen: removes a file from the draft (its bytes after the commit). */
export async function POST(request: Request, { params }: { params: Params }): Promise<Response> {
  const { draftId, attachmentId } = await params;
  const back = isUuid(draftId) ? `/mijn/aanvragen/${draftId}` : "/mijn/aanvragen";
  const who = await partyOrResponse(request, back);
  if ("response" in who) return who.response;
  const outcome = await removeFromDraft(who.party, draftId, attachmentId);
  if (outcome.kind === "not-found") return wantsJson(request) ? NextResponse.json({ error: "not found" }, { status: 404 }) : new NextResponse("Not found", { status: 404 });
  return wantsJson(request) ? NextResponse.json({ removed: { id: attachmentId, name: outcome.name } }) : seeOther(back);
}
