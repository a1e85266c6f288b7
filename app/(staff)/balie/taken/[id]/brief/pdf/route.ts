import { currentActor } from "@/lib/auth/current";
import { can } from "@/lib/auth/policy";
import { env } from "@/lib/env";
import { getMessages } from "@/lib/i18n/server";
import { fallbackLetterDocument } from "@/lib/notifications/letter";
import { fallbackTaskForStaff } from "@/lib/notifications/queries";
import { renderPdf } from "@/lib/pdf/document";
import { isUuid } from "@/lib/http/ids";


/** GET /balie/taken/<id>/brief/pdf: the letter for the post as a PDF (fallback-task:work). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await currentActor();
  if (actor?.kind !== "staff" || !can(actor, "fallback-task:work") || !isUuid(id)) return new Response("Niet gevonden", { status: 404 });
  const data = await fallbackTaskForStaff(actor, id, "fallback-task.letter");
  // Without an address there is no letter to print; the task page asks for it first.
  if (!data || !data.task.postalAddress) return new Response("Niet gevonden", { status: 404 });
  const { locale } = await getMessages();
  const e = env();
  const terms = [data.notification, ...data.otherUndelivered].flatMap((n) => (n.termEndsOn ? [{ kind: n.kind, termEndsOn: n.termEndsOn }] : []));
  const pdf = await renderPdf(
    fallbackLetterDocument({ municipality: e.municipality, publicUrl: e.publicUrl, postalAddress: data.task.postalAddress, date: new Date(), terms }, locale),
  );
  return new Response(Buffer.from(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="brief-${id.slice(0, 8)}.pdf"`,
      "Cache-Control": "no-store",
    },
  });
}
