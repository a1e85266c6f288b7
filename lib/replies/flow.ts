import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { draftAttachments } from "@/db/schema/submissions";
import { can } from "../auth/policy";
import { inTransaction, withDb } from "../db";
import { isUuid } from "../http/ids";
import { controlId } from "../catalogue/forms/values";
import { amsterdamDate } from "../channels/designations";
import { format, messagesFor, type Locale } from "../i18n";
import { attachmentStore } from "../submissions/attachments";
import { MultipartError, readMultipart } from "../submissions/attachments/multipart";
import { AttachmentRefusedError, type StoredBlob } from "../submissions/attachments/store";
import { addDraftAttachment, uploadLimitsFor, type PortalChannel, type SubmittingParty } from "../submissions/drafts";
import { FileProblemError, fileProblemMessage, type FileProblem } from "../submissions/file-refusals";
import { REPLY_FILES_FIELD, REPLY_TEXT_FIELD, REPLY_TEXT_MAX, replyForm } from "./reply-form";
import { checkReplyText, ensureReplyDraft, loadReplyDraft, messageWithCase, replyByKey, replyChannelFor, repliableKinds, saveReplyDraft, submitReply } from "./service";

/**
 * POST /mijn/berichten/<id>/reageren (rewritten to /api/berichten/<id>/reageren, next.config.ts):
 * the reply's text, its files (multipart, streamed into the attachment store while the request
 * comes in, checked against the inbox-reply channel's limits), the form's key (`sleutel`: the
 * reply draft's id, the idempotency key) and the button (`actie`: verstuur | bijlagen |
 * verwijder:<id>). Every post is kept in the reply draft first, whatever happens next: a refused
 * file or a text that is too short keeps the text and the files already added.
 */

export type ReplyFlowOutcome = { kind: "redirect"; location: string } | { kind: "not-found" } | { kind: "bad-request"; message: string };

export const replyPath = (messageId: string, errors = false) => `/mijn/berichten/${messageId}/reageren${errors ? "#foutmeldingen" : ""}`;

/** What the button pressed asks for. */
export function parseReplyAction(value: unknown): { kind: "send" } | { kind: "upload" } | { kind: "remove"; attachmentId: string } {
  if (value === "bijlagen") return { kind: "upload" };
  const remove = typeof value === "string" ? /^verwijder:(.+)$/.exec(value) : null;
  if (remove && isUuid(remove[1])) return { kind: "remove", attachmentId: remove[1] };
  return { kind: "send" };
}

/** The key a new reply form carries: the id its draft will get. */
export function newReplyKey(): string {
  return randomUUID();
}

async function removeBlobs(keys: readonly string[]): Promise<void> {
  for (const key of keys) await attachmentStore().remove(key).catch(() => undefined);
}

function problemOf(error: unknown): FileProblem {
  if (error instanceof FileProblemError) return error.problem;
  if (error instanceof AttachmentRefusedError) return error.refusal;
  return { reason: "failed" };
}

/** The limits of a reply's files: the reply form's, narrowed by the channel's conditions. No allowed types: no files. */
export function replyUploadLimits(channel: PortalChannel | null) {
  const limits = uploadLimitsFor(replyForm, REPLY_FILES_FIELD, channel);
  return limits && limits.allowedTypes.length ? limits : null;
}

export async function postReply(request: Request, party: SubmittingParty, messageId: string, options: { locale: Locale; now?: Date }): Promise<ReplyFlowOutcome> {
  if (!isUuid(messageId) || !can(party, "own:submit")) return { kind: "not-found" };
  const now = options.now ?? new Date();
  const t = messagesFor(options.locale);
  const target = await withDb((db) => messageWithCase(db, party.partyId, messageId, repliableKinds));
  if (!target) return { kind: "not-found" };
  const channel = await withDb((db) => replyChannelFor(db, target.product.id, amsterdamDate(now)));
  // Not designated: the page says where to send it instead; nothing is taken.
  if (!channel) return { kind: "redirect", location: replyPath(messageId) };
  const limits = replyUploadLimits(channel);
  const before = await withDb((db) => loadReplyDraft(db, party.partyId, messageId));
  let count = before?.attachments.length ?? 0;

  let fields: Map<string, string[]>;
  const stored: { fileName: string; blob: StoredBlob }[] = [];
  const problems: { fileName: string; problem: FileProblem }[] = [];
  if ((request.headers.get("content-type") ?? "").toLowerCase().startsWith("multipart/form-data")) {
    try {
      const result = await readMultipart(
        request,
        async (file) => {
          if (file.field !== REPLY_FILES_FIELD || !limits) throw new FileProblemError({ reason: "failed" });
          if (count >= limits.maxCount) throw new FileProblemError({ reason: "too-many", maxCount: limits.maxCount });
          const blob = await attachmentStore().put(file.content, limits);
          count++;
          stored.push({ fileName: file.fileName, blob });
        },
        { maxFiles: 10, maxFieldBytes: REPLY_TEXT_MAX * 4 + 1000, maxFields: 50 },
      );
      fields = result.fields;
      for (const f of result.failedFiles) problems.push({ fileName: f.fileName, problem: problemOf(f.error) });
    } catch (error) {
      await removeBlobs(stored.map((s) => s.blob.key));
      if (error instanceof MultipartError) return { kind: "bad-request", message: t.submissionFlow.refusals.request };
      throw error;
    }
  } else {
    const form = await request.formData().catch(() => null);
    if (!form) return { kind: "bad-request", message: t.submissionFlow.refusals.request };
    fields = new Map();
    for (const [name, value] of form.entries()) if (typeof value === "string") fields.set(name, [...(fields.get(name) ?? []), value]);
  }
  const first = (name: string) => fields.get(name)?.[0];
  const key = first("sleutel");
  if (!key || !isUuid(key)) {
    await removeBlobs(stored.map((s) => s.blob.key));
    return { kind: "bad-request", message: t.submissionFlow.refusals.request };
  }
  const action = parseReplyAction(first("actie"));
  const text = (first(REPLY_TEXT_FIELD) ?? "").replace(/\r\n/g, "\n");

  const removedKeys: string[] = [];
  try {
    const result = await inTransaction(async (tx) => {
      // Sent before (double click, back button): the same reply, never a second.
      const done = await replyByKey(tx, party.partyId, key);
      if (done) return { kind: "done" as const, submissionId: done.id };
      const draft = await ensureReplyDraft(tx, party, target, key, now);
      for (const file of stored) {
        if (draft.attachments.length >= (limits?.maxCount ?? 0)) {
          removedKeys.push(file.blob.key);
          problems.push({ fileName: file.fileName, problem: { reason: "too-many", maxCount: limits?.maxCount ?? 0 } });
          continue;
        }
        const row = await addDraftAttachment(tx, draft.draft.id, { fieldId: REPLY_FILES_FIELD, blobKey: file.blob.key, fileName: file.fileName.slice(0, 255), fileType: file.blob.type, sizeBytes: file.blob.size, sha256: file.blob.sha256 }, now);
        draft.attachments.push(row);
      }
      if (action.kind === "remove") {
        const [removed] = await tx
          .delete(draftAttachments)
          .where(and(eq(draftAttachments.id, action.attachmentId), eq(draftAttachments.draftId, draft.draft.id)))
          .returning({ blobKey: draftAttachments.blobKey });
        if (removed) removedKeys.push(removed.blobKey);
      }
      const fileErrors = problems.map((p) => ({ field: controlId(REPLY_FILES_FIELD), message: fileProblemMessage(t, options.locale, p.fileName, p.problem, limits?.allowedTypes ?? []) }));
      if (action.kind !== "send" || fileErrors.length) {
        await saveReplyDraft(tx, draft.draft.id, text, fileErrors, now);
        return { kind: "kept" as const, errors: fileErrors.length > 0 };
      }
      const textErrors = checkReplyText(text.trim(), options.locale, now);
      await saveReplyDraft(tx, draft.draft.id, text, textErrors, now);
      if (textErrors.length) return { kind: "kept" as const, errors: true };
      const outcome = await submitReply(tx, party, messageId, key, { locale: options.locale, now });
      if (outcome.kind === "submitted") return { kind: "done" as const, submissionId: outcome.submissionId };
      const refusal =
        outcome.kind === "invalid"
          ? outcome.errors
          : outcome.kind === "level-too-low"
            ? [{ field: controlId(REPLY_TEXT_FIELD), message: format(t.replies.refused.level, { level: outcome.required }) }]
            : [{ field: controlId(REPLY_TEXT_FIELD), message: t.replies.refused.title }];
      await saveReplyDraft(tx, draft.draft.id, text, refusal, now);
      return { kind: "kept" as const, errors: true };
    });
    await removeBlobs(removedKeys);
    if (result.kind === "done") return { kind: "redirect", location: `/mijn/inzendingen/${result.submissionId}` };
    return { kind: "redirect", location: replyPath(messageId, result.errors) };
  } catch (error) {
    await removeBlobs(stored.map((s) => s.blob.key));
    throw error;
  }
}
