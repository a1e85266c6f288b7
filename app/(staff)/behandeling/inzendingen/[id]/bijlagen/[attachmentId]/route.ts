import { currentActor } from "@/lib/auth/current";
import { can } from "@/lib/auth/policy";
import { isUuid } from "@/lib/http/ids";
import { attachmentResponse, loginRedirect, notFoundResponse } from "@/lib/submissions/responses";
import { attachmentForStaff } from "@/lib/submissions/view-queries";

/** GET /behandeling/inzendingen/<id>/bijlagen/<attachmentId>: an original attachment for a case handler (case:read; logged). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; attachmentId: string }> }) {
  const { id, attachmentId } = await params;
  const actor = await currentActor();
  if (!actor) return loginRedirect(`/behandeling/inzendingen/${isUuid(id) ? id : ""}`, true);
  if (actor.kind !== "staff" || !can(actor, "case:read") || !isUuid(id) || !isUuid(attachmentId)) return notFoundResponse();
  const file = await attachmentForStaff(actor, id, attachmentId);
  return file ? attachmentResponse(file) : notFoundResponse();
}
