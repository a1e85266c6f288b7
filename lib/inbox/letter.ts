import { format, formatDate, messagesFor, type Locale } from "../i18n";
import type { PdfDocumentSpec } from "../pdf/document";

/**
 * An official message as a letter for the post (R13): for a party that did not choose digital
 * delivery for this kind of message. Unlike the fallback letter (lib/notifications/letter.ts,
 * "a message is waiting"), this letter is the message itself: the same subject and text (with
 * the objection clause of a besluit) as in the inbox, the term, and the attachments to enclose.
 * The address sits in the window of a window envelope. Pure.
 */
export interface MessageLetter {
  municipality: { name: string };
  publicUrl: string;
  /** The address as the handler typed it, one line per line. */
  postalAddress: string;
  reference: string;
  subject: string;
  body: string;
  placedAt: Date;
  termEndsOn: string | null;
  attachments: string[];
}

/** Lines of a typed address (trimmed, empty ones left out). */
export function addressLines(address: string): string[] {
  return address
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

export const ADDRESS_MAX_LINES = 6;
export const ADDRESS_MAX_LINE = 60;

/** Whether a typed address fits the window: null when it does, else what is wrong. */
export function addressProblem(address: string): "required" | "too-long" | null {
  const lines = addressLines(address);
  if (lines.length === 0) return "required";
  if (lines.length > ADDRESS_MAX_LINES || lines.some((line) => line.length > ADDRESS_MAX_LINE)) return "too-long";
  return null;
}

export function messageLetterDocument(letter: MessageLetter, locale: Locale): PdfDocumentSpec {
  const l = messagesFor(locale).sendingMessages.letter.pdf;
  const day = (value: string) => formatDate(new Date(`${value}T12:00:00Z`), locale);
  return {
    title: letter.subject,
    issuer: letter.municipality.name,
    language: locale,
    createdAt: letter.placedAt,
    address: addressLines(letter.postalAddress),
    footer: `${l.reference} ${letter.reference}`,
    blocks: [
      {
        kind: "facts",
        rows: [
          { label: l.date, value: formatDate(letter.placedAt, locale) },
          { label: l.reference, value: letter.reference },
          { label: l.subject, value: letter.subject },
        ],
      },
      { kind: "heading", text: letter.subject, level: 2 },
      ...letter.body
        .split(/\n{2,}/)
        .map((paragraph) => paragraph.trim())
        .filter(Boolean)
        .map((text) => ({ kind: "paragraph" as const, text })),
      ...(letter.termEndsOn ? [{ kind: "paragraph" as const, text: format(l.term, { date: day(letter.termEndsOn) }) }] : []),
      ...(letter.attachments.length ? [{ kind: "paragraph" as const, text: l.attachments }, ...letter.attachments.map((name) => ({ kind: "paragraph" as const, text: `- ${name}` }))] : []),
      { kind: "paragraph", text: format(l.portal, { url: `${letter.publicUrl}/mijn/berichten` }), muted: true },
    ],
  };
}
