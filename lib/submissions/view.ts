import { levelLabel, isAssuranceLevel } from "../auth/levels";
import { answerRows } from "../catalogue/forms/runner";
import type { FormDefinition } from "../catalogue/forms/definition";
import type { FileDescriptor, FormValues } from "../catalogue/forms/values";
import { messagesFor, type Locale } from "../i18n";
import type { SubmissionCopy } from "./copy";
import { recordHash, type RecordAttachment } from "./record";

/**
 * A stored submission as the receipt page, the copy and the staff screen show it. Pure: the
 * caller loads the rows (lib/submissions/view-queries.ts); everything shown is derived from the
 * stored submission, its form version and its attachments, never from a draft.
 */

export interface StoredAttachment extends RecordAttachment {
  id: string;
  blobKey: string;
}

export interface StoredSubmission {
  id: string;
  reference: string;
  partyId: string;
  productId: string;
  formVersionId: string | null;
  messageType: string;
  channelId: string;
  loginLevel: string;
  onBehalfStaffId: string | null;
  payload: Record<string, unknown>;
  hash: string;
  receivedAt: Date;
  attachments: StoredAttachment[];
  product: { nameNl: string; nameEn: string };
  channel: { nameNl: string; nameEn: string };
  form: { version: number; definition: FormDefinition };
}

/** Whether the stored hash still matches the stored rows (R7): the copy is only made when it does. */
export function hashMatches(stored: StoredSubmission): boolean {
  return recordHash(stored) === stored.hash;
}

/** The payload as form values: file fields (attachment ids) replaced by the attachments' names, sizes and types, in their order. */
export function storedValues(stored: StoredSubmission): FormValues {
  const byId = new Map(stored.attachments.map((a) => [a.id, a]));
  const values: FormValues = {};
  const fileFields = new Set(stored.form.definition.steps.flatMap((s) => s.fields).filter((f) => f.kind === "file").map((f) => f.id));
  for (const [key, value] of Object.entries(stored.payload)) {
    if (fileFields.has(key)) {
      const ids = Array.isArray(value) ? (value as unknown[]) : [];
      values[key] = ids.flatMap((id) => {
        const a = typeof id === "string" ? byId.get(id) : undefined;
        return a ? [{ name: a.fileName, size: a.sizeBytes, type: a.fileType } satisfies FileDescriptor] : [];
      });
    } else values[key] = value as FormValues[string];
  }
  return values;
}

/** Every question with its answer, per step, in form order (the questions of the form version the submission was made on). */
export function storedAnswers(stored: StoredSubmission, locale: Locale): SubmissionCopy["sections"] {
  return answerRows(stored.form.definition, storedValues(stored), locale).map((group) => ({
    title: group.title,
    answers: group.rows.map((row) => ({ question: row.label, answer: row.answer.join("\n") })),
  }));
}

/** "Bezwaar", "Aanvraag", ... in the reader's language. */
export function messageTypeLabel(messageType: string, locale: Locale): string {
  return messagesFor(locale).catalogue.messageTypes[messageType] ?? messageType;
}

/** The copy of the submission (R7), for submissionCopyDocument. */
export function copyOf(stored: StoredSubmission, locale: Locale, issuer: string): SubmissionCopy {
  return {
    reference: stored.reference,
    receivedAt: stored.receivedAt,
    issuer,
    productName: locale === "nl" ? stored.product.nameNl : stored.product.nameEn,
    messageTypeLabel: messageTypeLabel(stored.messageType, locale).toLowerCase(),
    channelLabel: locale === "nl" ? stored.channel.nameNl : stored.channel.nameEn,
    loginLevelLabel: isAssuranceLevel(stored.loginLevel) ? levelLabel(stored.loginLevel) : stored.loginLevel,
    onBehalfOf: stored.onBehalfStaffId !== null,
    form: { name: stored.form.definition.title[locale], version: stored.form.version },
    sections: storedAnswers(stored, locale),
    attachments: [...stored.attachments].sort((a, b) => a.position - b.position).map((a) => ({ fileName: a.fileName, sizeBytes: a.sizeBytes, sha256: a.sha256 })),
    submissionHash: stored.hash,
  };
}

/**
 * A Content-Disposition header that makes the browser save the file under its own name, safely:
 * an ASCII fallback without quotes, slashes or control characters, and the full name in
 * RFC 5987 form. Never a path.
 */
export function attachmentDisposition(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? "";
  const ascii = base
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[^A-Za-z0-9._ -]/g, "_")
    .replace(/^[.\s]+/, "")
    .trim()
    .slice(0, 120);
  const fallback = ascii || "bijlage";
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, "").replace(/^[.\s]+/, "").trim() || fallback;
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(clean).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

/** "2027-01-15" as a Date at noon UTC: the same calendar day in Amsterdam, for formatDate. */
export function calendarDay(isoDate: string): Date {
  return new Date(`${isoDate}T12:00:00Z`);
}
