import { submissionHash } from "./canonical";

/**
 * What the hash of a submission covers (R7): everything that was received, as stored. The same
 * function builds it when the submission is received and whenever it is checked again (the copy,
 * the staff screen, an auditor), so a stored submission always reproduces its own hash. Pure.
 */

export interface RecordAttachment {
  fieldId: string;
  position: number;
  fileName: string;
  fileType: string;
  sizeBytes: number;
  sha256: string;
}

export interface SubmissionRecordInput {
  reference: string;
  partyId: string;
  productId: string;
  /** Null: the built-in reply form (lib/replies/reply-form.ts). */
  formVersionId: string | null;
  messageType: string;
  channelId: string;
  loginLevel: string;
  onBehalfStaffId: string | null;
  payload: Record<string, unknown>;
  receivedAt: Date;
  attachments: readonly RecordAttachment[];
}

/** The canonical content of a submission: attachments in their order, every field named. */
export function submissionRecord(input: SubmissionRecordInput) {
  return {
    version: 1,
    reference: input.reference,
    party: input.partyId,
    product: input.productId,
    formVersion: input.formVersionId,
    messageType: input.messageType,
    channel: input.channelId,
    loginLevel: input.loginLevel,
    onBehalfOf: input.onBehalfStaffId,
    receivedAt: input.receivedAt.toISOString(),
    payload: input.payload,
    attachments: [...input.attachments]
      .sort((a, b) => a.position - b.position)
      .map((a) => ({ field: a.fieldId, position: a.position, name: a.fileName, type: a.fileType, size: a.sizeBytes, sha256: a.sha256 })),
  };
}

/** The hash stored with a submission and printed on its copy. */
export function recordHash(input: SubmissionRecordInput): string {
  return submissionHash(submissionRecord(input));
}
