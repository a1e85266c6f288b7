import "server-only";
import { env } from "../env";
import type { Locale } from "../i18n";
import { renderPdf } from "../pdf/document";
import { proofDocument, type MessageProof } from "./proof";

/** The proof of a message as a PDF download (R16), for the resident's and the case handler's route. */
export async function proofPdfResponse(proof: MessageProof, locale: Locale): Promise<Response> {
  const pdf = await renderPdf(proofDocument(proof, locale, env().municipality.name));
  return new Response(Buffer.from(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="bewijs-bericht-${proof.message.id.slice(0, 8)}.pdf"`,
      "Content-Length": String(pdf.byteLength),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
