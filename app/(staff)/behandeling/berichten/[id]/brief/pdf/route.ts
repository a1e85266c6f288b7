import { currentActor } from "@/lib/auth/current";
import { can } from "@/lib/auth/policy";
import { env } from "@/lib/env";
import { isUuid } from "@/lib/http/ids";
import { messageLetterDocument } from "@/lib/inbox/letter";
import { messageLetterForStaff } from "@/lib/inbox/letter-queries";
import { renderPdf } from "@/lib/pdf/document";
import { loginRedirect, notFoundResponse } from "@/lib/submissions/responses";

/** GET /behandeling/berichten/<id>/brief/pdf: the message as a letter for the post, to the last address typed (message:send; logged). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await currentActor();
  if (!actor) return loginRedirect(`/behandeling/berichten/${isUuid(id) ? id : ""}/brief`, true);
  if (actor.kind !== "staff" || !can(actor, "message:send") || !isUuid(id)) return notFoundResponse();
  const letter = await messageLetterForStaff(actor, id, "message.letter.pdf");
  // Without an address there is no letter yet: the letter page asks for it first.
  if (!letter?.lastLetter) return notFoundResponse();
  const e = env();
  const pdf = await renderPdf(
    messageLetterDocument(
      {
        municipality: e.municipality,
        publicUrl: e.publicUrl,
        postalAddress: letter.lastLetter.postalAddress,
        reference: letter.reference,
        subject: letter.subject,
        body: letter.body,
        placedAt: letter.placedAt,
        termEndsOn: letter.termEndsOn,
        attachments: letter.attachments,
      },
      // The message was placed in Dutch; its letter is the same text.
      "nl",
    ),
  );
  return new Response(Buffer.from(pdf), {
    headers: { "Content-Type": "application/pdf", "Content-Disposition": `inline; filename="brief-${letter.reference}.pdf"`, "Cache-Control": "no-store" },
  });
}
