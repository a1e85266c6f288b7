import { format, formatDateTime, formatNumber, messagesFor, type Locale } from "../i18n";
import type { PdfBlock, PdfDocumentSpec } from "../pdf/document";

/**
 * The copy of a submission (R7): exactly what was submitted, every answer with its question,
 * the attachments with their sizes and hashes, the reference, the time of receipt and the hash
 * of the whole. Built from the stored submission only, so it always matches it. Pure: the
 * caller loads the record and renders the spec with lib/pdf.
 */
export interface SubmissionCopy {
  reference: string;
  receivedAt: Date;
  issuer: string;
  productName: string;
  /** "bezwaar", "aanvraag", ... as residents read it. */
  messageTypeLabel: string;
  channelLabel: string;
  loginLevelLabel: string;
  onBehalfOf: boolean;
  form: { name: string; version: number };
  /** The steps of the form with the questions asked and the answers given, in form order. */
  sections: { title: string; answers: { question: string; answer: string }[] }[];
  attachments: { fileName: string; sizeBytes: number; sha256: string }[];
  submissionHash: string;
}

/** "1,2 MB" / "820 kB" / "512 bytes", in the reader's language. */
export function formatFileSize(bytes: number, locale: Locale): string {
  const number = (n: number, digits: 0 | 1) => formatNumber(n, locale, digits);
  if (bytes < 1000) return `${number(bytes, 0)} bytes`;
  if (bytes < 1_000_000) return `${number(bytes / 1000, 0)} kB`;
  return `${number(bytes / 1_000_000, 1)} MB`;
}

export function submissionCopyDocument(copy: SubmissionCopy, locale: Locale): PdfDocumentSpec {
  const t = messagesFor(locale).submissionCopy;
  const title = format(t.title, { messageType: copy.messageTypeLabel, product: copy.productName });
  const facts = [
    { label: t.reference, value: copy.reference },
    { label: t.receivedAt, value: formatDateTime(copy.receivedAt, locale) },
    { label: t.receivedBy, value: copy.issuer },
    { label: t.product, value: copy.productName },
    { label: t.messageType, value: copy.messageTypeLabel },
    { label: t.channel, value: copy.onBehalfOf ? `${copy.channelLabel}. ${t.onBehalfOf}.` : copy.channelLabel },
    { label: t.loginLevel, value: copy.loginLevelLabel },
    { label: t.formVersion, value: format(t.formVersionValue, { name: copy.form.name, version: copy.form.version }) },
  ];

  const blocks: PdfBlock[] = [
    { kind: "heading", text: title },
    { kind: "paragraph", text: format(t.intro, { issuer: copy.issuer }) },
    { kind: "heading", text: t.receiptFacts, level: 2 },
    { kind: "facts", rows: facts },
    { kind: "heading", text: t.answers, level: 2 },
  ];
  for (const section of copy.sections) {
    if (copy.sections.length > 1) blocks.push({ kind: "paragraph", text: section.title });
    blocks.push({ kind: "facts", rows: section.answers.map((a) => ({ label: a.question, value: a.answer.trim() === "" ? t.noAnswer : a.answer })) });
  }
  blocks.push({ kind: "heading", text: t.attachments, level: 2 });
  if (copy.attachments.length === 0) blocks.push({ kind: "paragraph", text: t.noAttachments });
  else
    blocks.push({
      kind: "table",
      columns: [
        { label: t.attachmentName, width: 0.34 },
        { label: t.attachmentSize, width: 0.14 },
        { label: t.attachmentHash, width: 0.52 },
      ],
      rows: copy.attachments.map((a) => [a.fileName, formatFileSize(a.sizeBytes, locale), a.sha256]),
    });
  blocks.push(
    { kind: "heading", text: t.integrity, level: 2 },
    { kind: "paragraph", text: format(t.integrityText, { hash: copy.submissionHash }) },
    { kind: "paragraph", text: t.notAJudgement, muted: true },
  );
  return { title, issuer: copy.issuer, language: locale, createdAt: copy.receivedAt, footer: format(t.footer, { reference: copy.reference }), blocks };
}
