import { format, formatDate, messagesFor, type Locale } from "../i18n";
import type { PdfDocumentSpec } from "../pdf/document";
import type { NoticeKind } from "@/db/schema/notifications";

/**
 * The letter for the post when e-mail could not reach a resident (R13), as a PDF with the
 * address in the window of a window envelope. The same text as the printable page; no personal
 * details beyond the address: the message itself stays in the portal. Pure.
 */
export interface FallbackLetter {
  municipality: { name: string; counterAddress: string; phone: string };
  publicUrl: string;
  /** The address as staff typed it on the task, one line per line. */
  postalAddress: string;
  date: Date;
  terms: { kind: NoticeKind; termEndsOn: string }[];
}

export function fallbackLetterDocument(letter: FallbackLetter, locale: Locale): PdfDocumentSpec {
  const t = messagesFor(locale).notifications;
  const l = t.letter;
  const termDate = (value: string) => formatDate(new Date(`${value}T12:00:00Z`), locale);
  return {
    title: l.title,
    issuer: letter.municipality.name,
    language: locale,
    createdAt: letter.date,
    address: letter.postalAddress.split(/\r?\n/).map((line) => line.trim()).filter(Boolean),
    blocks: [
      { kind: "paragraph", text: format(l.date, { date: formatDate(letter.date, locale) }) },
      { kind: "heading", text: l.subject, level: 2 },
      { kind: "paragraph", text: l.greeting },
      { kind: "paragraph", text: l.body },
      ...(letter.terms.length > 0
        ? [
            { kind: "paragraph" as const, text: l.termsIntro },
            ...letter.terms.map((term) => ({ kind: "paragraph" as const, text: `- ${format(t.tasks.termLine, { kind: t.kinds[term.kind], date: termDate(term.termEndsOn) })}` })),
          ]
        : []),
      { kind: "paragraph", text: format(l.fix, { url: `${letter.publicUrl}/mijn/instellingen` }) },
      { kind: "paragraph", text: format(l.help, { phone: letter.municipality.phone, address: letter.municipality.counterAddress }) },
      { kind: "paragraph", text: l.closing },
      { kind: "paragraph", text: letter.municipality.name },
    ],
  };
}
