import { isUuid } from "@/lib/http/ids";
import { inTransaction } from "@/lib/db";
import { startObjection } from "@/lib/replies/objection";
import { cannotStartPath } from "@/lib/submissions/flow";
import { notFoundResponse } from "@/lib/submissions/responses";
import { partyOrResponse, seeOther } from "@/lib/submissions/route-responses";

type Params = Promise<{ id: string }>;

/**
 * POST /mijn/berichten/<id>/bezwaar (rewritten here, next.config.ts): starts a bezwaar draft
 * against the party's besluit, with the besluit filled in, and goes to it. When the portal does
 * not take a bezwaar against it, the page at the same address says where to object instead.
 */
export async function POST(request: Request, { params }: { params: Params }): Promise<Response> {
  const { id } = await params;
  if (!isUuid(id)) return notFoundResponse();
  const who = await partyOrResponse(request, `/mijn/berichten/${id}`);
  if ("response" in who) return who.response;
  const outcome = await inTransaction((tx) => startObjection(tx, who.party, id));
  switch (outcome.kind) {
    case "started":
      return seeOther(`/mijn/aanvragen/${outcome.draftId}`);
    case "not-a-decision":
    case "not-found":
      return notFoundResponse();
    case "no-portal":
      return seeOther(`/mijn/berichten/${id}/bezwaar`);
    case "no-form":
      return seeOther(cannotStartPath(outcome.slug, "geen-formulier"));
    case "no-channel":
      return seeOther(cannotStartPath(outcome.slug, "geen-kanaal"));
    case "wrong-audience":
      return seeOther(cannotStartPath(outcome.slug, "doelgroep"));
    case "level-too-low":
      return seeOther(cannotStartPath(outcome.slug, "niveau-te-laag", outcome.required));
  }
}
