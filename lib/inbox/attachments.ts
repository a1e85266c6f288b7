import { messagesFor, type Locale } from "../i18n";
import { attachmentStore } from "../submissions/attachments/configured";
import { AttachmentRefusedError, type BlobStore } from "../submissions/attachments/store";
import { fileProblemMessage } from "../submissions/file-refusals";
import type { SendAttachment } from "./send";

/**
 * The PDF files a case handler sends with a message: streamed into the attachment store before
 * the transaction that sends the message (as a draft's files are), typed by their content, only
 * PDFs, at most MESSAGE_ATTACHMENT_MAX_BYTES each. A refused file gets its reason in plain words
 * and leaves nothing in the store. When the send is refused or fails, the caller removes what it
 * stored with discardMessageAttachments, so no bytes stay without a message.
 */

export const MESSAGE_ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;

export type StoredMessageAttachment = { kind: "stored"; attachment: SendAttachment } | { kind: "refused"; message: string };

export async function storeMessageAttachment(source: AsyncIterable<Uint8Array>, fileName: string, locale: Locale, store: BlobStore = attachmentStore()): Promise<StoredMessageAttachment> {
  try {
    const stored = await store.put(source, { maxBytes: MESSAGE_ATTACHMENT_MAX_BYTES, allowedTypes: ["pdf"] });
    return { kind: "stored", attachment: { blobKey: stored.key, fileName: fileName.slice(0, 255), fileType: stored.type, sizeBytes: stored.size, sha256: stored.sha256 } };
  } catch (error) {
    if (!(error instanceof AttachmentRefusedError)) throw error;
    return { kind: "refused", message: fileProblemMessage(messagesFor(locale), locale, fileName, error.refusal, ["pdf"]) };
  }
}

/** Removes stored files of a message that was not sent. */
export async function discardMessageAttachments(attachments: readonly Pick<SendAttachment, "blobKey">[], store: BlobStore = attachmentStore()): Promise<void> {
  await Promise.all(attachments.map((a) => store.remove(a.blobKey)));
}
