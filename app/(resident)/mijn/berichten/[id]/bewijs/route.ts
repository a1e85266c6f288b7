import { currentActor } from "@/lib/auth/current";
import { isUuid } from "@/lib/http/ids";
import { getLocale } from "@/lib/i18n/server";
import { ownMessageProof } from "@/lib/inbox/proof";
import { proofPdfResponse } from "@/lib/inbox/proof-response";
import { loginRedirect, notFoundResponse } from "@/lib/submissions/responses";

/** GET /mijn/berichten/<id>/bewijs: the proof of sending and reading of the party's own message as a PDF (R16). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await currentActor();
  if (!actor) return loginRedirect(`/mijn/berichten/${isUuid(id) ? id : ""}`);
  if (actor.kind !== "party" || !isUuid(id)) return notFoundResponse();
  const proof = await ownMessageProof(actor, id);
  if (!proof) return notFoundResponse();
  return proofPdfResponse(proof, await getLocale());
}
