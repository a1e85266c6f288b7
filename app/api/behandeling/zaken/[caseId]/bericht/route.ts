import { NextResponse } from "next/server";
import { currentActor } from "@/lib/auth/current";
import { can } from "@/lib/auth/policy";
import { refuseCrossOrigin } from "@/lib/http/same-origin";
import { isUuid } from "@/lib/http/ids";
import { getLocale } from "@/lib/i18n/server";
import { postCompose } from "@/lib/inbox/compose";
import { loginRedirect, notFoundResponse } from "@/lib/submissions/responses";
import { seeOther } from "@/lib/submissions/route-responses";

type Params = Promise<{ caseId: string }>;

/**
 * POST /behandeling/zaken/<caseId>/bericht (rewritten here, next.config.ts: the form's page lives
 * at that address): the message a case handler writes, with its PDFs streamed into the store, and
 * `actie` (controleren, wijzigen, verwijder:N, versturen). Always answered with a 303.
 */
export async function POST(request: Request, { params }: { params: Params }): Promise<Response> {
  const { caseId } = await params;
  const refused = refuseCrossOrigin(request);
  if (refused) return refused;
  const actor = await currentActor();
  // The body is not read without a session: nothing of it could be kept.
  if (!actor) return loginRedirect(isUuid(caseId) ? `/behandeling/zaken/${caseId}/bericht` : "/behandeling", true);
  if (actor.kind !== "staff" || !can(actor, "message:send")) return notFoundResponse();
  const outcome = await postCompose(request, actor, caseId, { locale: await getLocale() });
  switch (outcome.kind) {
    case "redirect":
      return seeOther(outcome.location);
    case "bad-request":
      return new NextResponse(outcome.message, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
    case "not-found":
      return notFoundResponse();
  }
}
