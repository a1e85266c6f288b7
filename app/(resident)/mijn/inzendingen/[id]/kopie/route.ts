import { currentActor } from "@/lib/auth/current";
import { isUuid } from "@/lib/http/ids";
import { getLocale } from "@/lib/i18n/server";
import { copyPdfResponse, loginRedirect, notFoundResponse } from "@/lib/submissions/responses";
import { ownSubmission } from "@/lib/submissions/view-queries";

/** GET /mijn/inzendingen/<id>/kopie: the copy of the party's own submission as a PDF (R7). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await currentActor();
  if (!actor) return loginRedirect(`/mijn/inzendingen/${isUuid(id) ? id : ""}`);
  if (actor.kind !== "party" || !isUuid(id)) return notFoundResponse();
  const view = await ownSubmission(actor, id);
  if (!view) return notFoundResponse();
  return copyPdfResponse(view, await getLocale());
}
