import { currentActor } from "@/lib/auth/current";
import { isUuid } from "@/lib/http/ids";
import { attachmentResponse, loginRedirect, notFoundResponse } from "@/lib/submissions/responses";
import { ownAttachment } from "@/lib/submissions/view-queries";

/** GET /mijn/inzendingen/<id>/bijlagen/<attachmentId>: an original attachment of the party's own submission. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; attachmentId: string }> }) {
  const { id, attachmentId } = await params;
  const actor = await currentActor();
  if (!actor) return loginRedirect(`/mijn/inzendingen/${isUuid(id) ? id : ""}`);
  if (actor.kind !== "party" || !isUuid(id) || !isUuid(attachmentId)) return notFoundResponse();
  const file = await ownAttachment(actor, id, attachmentId);
  return file ? attachmentResponse(file) : notFoundResponse();
}
