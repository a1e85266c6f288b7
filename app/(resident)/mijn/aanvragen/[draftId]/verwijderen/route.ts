import { NextResponse } from "next/server";
import { deleteDraft } from "@/lib/submissions/flow";
import { partyOrResponse, seeOther } from "@/lib/submissions/route-responses";

type Params = Promise<{ draftId: string }>;

/** POST /mijn/aanvragen/<draftId>/verwijderen: deletes the draft with its files (the list's "Verwijderen"). */
export async function POST(request: Request, { params }: { params: Params }): Promise<Response> {
  const { draftId } = await params;
  const who = await partyOrResponse(request, "/mijn/aanvragen");
  if ("response" in who) return who.response;
  if (!(await deleteDraft(who.party, draftId))) return new NextResponse("Not found", { status: 404 });
  return seeOther("/mijn/aanvragen?verwijderd=1");
}
