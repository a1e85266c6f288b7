import { currentActor } from "@/lib/auth/current";
import { isUuid } from "@/lib/http/ids";
import { ownMessageAttachment } from "@/lib/inbox/queries";
import { attachmentResponse, loginRedirect, notFoundResponse } from "@/lib/submissions/responses";

/** GET /mijn/berichten/<id>/bijlagen/<attachmentId>: a file sent with one of the party's own messages. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; attachmentId: string }> }) {
  const { id, attachmentId } = await params;
  const actor = await currentActor();
  if (!actor) return loginRedirect(`/mijn/berichten/${isUuid(id) ? id : ""}`);
  if (actor.kind !== "party" || !isUuid(id) || !isUuid(attachmentId)) return notFoundResponse();
  const file = await ownMessageAttachment(actor, id, attachmentId);
  return file ? attachmentResponse(file) : notFoundResponse();
}
