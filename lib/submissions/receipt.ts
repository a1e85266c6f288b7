import { formatDate, formatDateTime, messagesFor, format, type Locale } from "../i18n";
import { formatFileSize } from "./copy";

/**
 * The receipt (ontvangstbevestiging, R6) as text: what the receipt page shows and what the
 * receipt message in the inbox says. Built from the stored submission, so it always matches it.
 * It confirms arrival; it does not judge completeness. Pure.
 */
export interface ReceiptFacts {
  reference: string;
  receivedAt: Date;
  issuer: string;
  productName: string;
  messageTypeLabel: string;
  attachments: { fileName: string; sizeBytes: number; sha256: string }[];
  /** Last day of the decision term; null when the product records none. */
  expectedDecisionOn: string | null;
  help: { phone: string; email: string };
}

/** "2027-01-15" as residents read it. */
function calendarDate(isoDate: string, locale: Locale): string {
  return formatDate(new Date(`${isoDate}T12:00:00Z`), locale);
}

export function receiptMessage(facts: ReceiptFacts, locale: Locale): { subject: string; body: string } {
  const t = messagesFor(locale).submissionReceipt;
  const lines = [
    format(t.opening, { messageType: facts.messageTypeLabel.toLowerCase(), product: facts.productName }),
    "",
    `${t.reference}: ${facts.reference}`,
    `${t.receivedAt}: ${formatDateTime(facts.receivedAt, locale)}`,
    `${t.receivedBy}: ${facts.issuer}`,
    `${t.product}: ${facts.productName}`,
    `${t.messageType}: ${facts.messageTypeLabel}`,
    "",
    t.attachments,
    ...(facts.attachments.length
      ? facts.attachments.map((a) => `- ${a.fileName} (${formatFileSize(a.sizeBytes, locale)}), ${t.hash}: ${a.sha256}`)
      : [t.noAttachments]),
    "",
    t.notAJudgement,
    facts.expectedDecisionOn ? format(t.expectedDecision, { date: calendarDate(facts.expectedDecisionOn, locale) }) : t.noDecisionTerm,
    "",
    t.copy,
    format(t.help, { phone: facts.help.phone, email: facts.help.email }),
  ];
  return { subject: format(t.subject, { reference: facts.reference }), body: lines.join("\n") };
}
