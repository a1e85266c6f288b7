import { NextResponse } from "next/server";
import { getLocale } from "@/lib/i18n/server";
import { isUuid } from "@/lib/http/ids";
import { keepUploadError, uploadToDraft } from "@/lib/submissions/flow";
import { partyOrResponse, seeOther, wantsJson } from "@/lib/submissions/route-responses";

type Params = Promise<{ draftId: string }>;

/**
 * POST /mijn/aanvragen/<draftId>/bijlagen: one file (`veld` = the file field, then `bestand`),
 * streamed into the store. With Accept: application/json (the upload script): 201 with the
 * attachment, or 4xx with the reason in plain Dutch. Otherwise 303 back to the draft.
 */
export async function POST(request: Request, { params }: { params: Params }): Promise<Response> {
  const { draftId } = await params;
  const back = isUuid(draftId) ? `/mijn/aanvragen/${draftId}` : "/mijn/aanvragen";
  const who = await partyOrResponse(request, back);
  if ("response" in who) return who.response;
  const json = wantsJson(request);
  const outcome = await uploadToDraft(request, who.party, draftId, { locale: await getLocale() });
  if (outcome.kind === "not-found") return json ? NextResponse.json({ error: "not found" }, { status: 404 }) : new NextResponse("Not found", { status: 404 });
  if (outcome.kind === "added") return json ? NextResponse.json({ attachment: outcome.attachment }, { status: 201 }) : seeOther(back);
  if (json) return NextResponse.json({ error: outcome.message }, { status: outcome.status });
  await keepUploadError(who.party, draftId, outcome.fieldId, outcome.message);
  return seeOther(`${back}#foutmeldingen`);
}
