import { currentActor } from "@/lib/auth/current";
import { can } from "@/lib/auth/policy";
import { isUuid } from "@/lib/http/ids";
import { getLocale } from "@/lib/i18n/server";
import { messageProofForStaff } from "@/lib/inbox/proof";
import { proofPdfResponse } from "@/lib/inbox/proof-response";
import { loginRedirect, notFoundResponse } from "@/lib/submissions/responses";

/** GET /behandeling/berichten/<id>/bewijs: the proof of sending and reading of a message for a case handler (case:read; logged). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await currentActor();
  if (!actor) return loginRedirect(`/behandeling`, true);
  if (actor.kind !== "staff" || !can(actor, "case:read") || !isUuid(id)) return notFoundResponse();
  const proof = await messageProofForStaff(actor, id);
  if (!proof) return notFoundResponse();
  return proofPdfResponse(proof, await getLocale());
}
