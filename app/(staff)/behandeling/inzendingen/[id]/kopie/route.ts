import { currentActor } from "@/lib/auth/current";
import { can } from "@/lib/auth/policy";
import { isUuid } from "@/lib/http/ids";
import { getLocale } from "@/lib/i18n/server";
import { copyPdfResponse, loginRedirect, notFoundResponse } from "@/lib/submissions/responses";
import { submissionForStaff } from "@/lib/submissions/view-queries";

/** GET /behandeling/inzendingen/<id>/kopie: the copy of a received submission for a case handler (case:read; logged). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await currentActor();
  if (!actor) return loginRedirect(`/behandeling/inzendingen/${isUuid(id) ? id : ""}`, true);
  if (actor.kind !== "staff" || !can(actor, "case:read") || !isUuid(id)) return notFoundResponse();
  const view = await submissionForStaff(actor, id, "copy");
  if (!view) return notFoundResponse();
  return copyPdfResponse(view, await getLocale());
}
