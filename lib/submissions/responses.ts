import "server-only";
import { env } from "../env";
import { format, messagesFor, type Locale } from "../i18n";
import { logger } from "../log";
import { readableFrom } from "../http/stream";
import { renderPdf } from "../pdf/document";
import { submissionCopyDocument } from "./copy";
import { attachmentDisposition, copyOf, hashMatches } from "./view";
import type { AttachmentDownload, SubmissionView } from "./view-queries";

/**
 * The HTTP answers of the copy and attachment routes, shared by the resident's and the case
 * handler's routes (each route checks who asks first).
 */

const PRIVATE = { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" };

/** "Not found" for route handlers: the same for a record that does not exist and one that is someone else's. */
export function notFoundResponse(): Response {
  return new Response("Deze pagina bestaat niet.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", ...PRIVATE } });
}

/** To the login page, coming back to `path` afterwards. */
export function loginRedirect(path: string, staff = false): Response {
  return new Response(null, { status: 303, headers: { Location: `${staff ? "/inloggen/medewerker" : "/inloggen"}?${new URLSearchParams({ terug: path })}`, ...PRIVATE } });
}

/**
 * The copy as a PDF (R7), made from the stored submission after checking that its rows still
 * give the stored hash. When they do not, no copy is made: the person is told what to do, and the
 * mismatch is logged as an error for the administrators.
 */
export async function copyPdfResponse(view: SubmissionView, locale: Locale): Promise<Response> {
  const e = env();
  if (!hashMatches(view.stored)) {
    logger().error({ submissionId: view.stored.id, reference: view.stored.reference }, "submission copy refused: the stored rows do not match the stored hash");
    const text = format(messagesFor(locale).submissionViews.copyBroken, { phone: e.municipality.phone, reference: view.stored.reference });
    return new Response(text, { status: 500, headers: { "Content-Type": "text/plain; charset=utf-8", ...PRIVATE } });
  }
  const pdf = await renderPdf(submissionCopyDocument(copyOf(view.stored, locale, e.municipality.name), locale));
  return new Response(Buffer.from(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": attachmentDisposition(`kopie-${view.stored.reference}.pdf`),
      "Content-Length": String(pdf.byteLength),
      ...PRIVATE,
    },
  });
}

/** An original attachment, streamed from the store with the type read from its content. */
export function attachmentResponse(file: AttachmentDownload): Response {
  return new Response(readableFrom(file.body), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": attachmentDisposition(file.fileName),
      "Content-Length": String(file.sizeBytes),
      ...PRIVATE,
    },
  });
}
