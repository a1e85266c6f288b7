import "server-only";
import { and, eq } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db";
import { messageDrafts, type MessageDraft, type MessageDraftAttachment, type MessageDraftValues } from "@/db/schema/inbox";
import { cases } from "@/db/schema/submissions";
import { translateKey } from "../auth/action";
import { can, type Actor } from "../auth/policy";
import { todayInAmsterdam } from "../deadlines/calendar";
import { inTransaction, withDb } from "../db";
import { isUuid } from "../http/ids";
import { format, messagesFor, type Locale } from "../i18n";
import { MultipartError, readMultipart } from "../submissions/attachments/multipart";
import { discardMessageAttachments, storeMessageAttachment } from "./attachments";
import { ATTACHMENTS_MAX, sendMessageInput, type SendMessageFields } from "./message-input";
import { previewMessage, sendMessage, type PreviewOutcome, type SendAttachment } from "./send";

/**
 * Writing an official message on the case screen (berichten versturen), without JavaScript: the
 * form posts (multipart: the PDFs stream into the attachment store as they arrive) to
 * POST /behandeling/zaken/<id>/bericht. Whatever happens, what was typed and the files already
 * stored are kept in a message draft of this handler, and the page is shown again from it:
 *
 *   actie=controleren   check the fields; problems → the form again with every value and the
 *                       reasons; all well → the check page (the text as the party will see it,
 *                       with the objection clause, the term and whether it goes by post)
 *   actie=wijzigen      back from the check page to the form
 *   actie=verwijder:N   take the Nth stored file off (the other fields are kept)
 *   actie=versturen     send it (lib/inbox/send.ts) and delete the draft, in one transaction
 *
 * A second "versturen" of the same draft (a double click) finds the draft gone and goes to the
 * case, where the message sent is listed: it is never sent twice.
 */

type StaffActor = Extract<Actor, { kind: "staff" }>;

export const COMPOSE_FIELDS = ["soort", "onderwerp", "tekst", "termijn-eenheid", "termijn-aantal", "termijn-datum", "vervangt"] as const;

export type ComposeOutcome = { kind: "redirect"; location: string } | { kind: "not-found" } | { kind: "bad-request"; message: string };

export function composePath(caseId: string, draftId?: string, check = false): string {
  if (!draftId) return `/behandeling/zaken/${caseId}/bericht`;
  const query = new URLSearchParams({ concept: draftId });
  if (check) query.set("stap", "controleren");
  return `/behandeling/zaken/${caseId}/bericht?${query}${check ? "" : "#foutmeldingen"}`;
}

/** A handler's own draft for this case, or null. */
export async function loadMessageDraft(db: DbOrTx, staff: StaffActor, caseId: string, draftId: string): Promise<MessageDraft | null> {
  if (!isUuid(draftId) || !isUuid(caseId)) return null;
  const [draft] = await db
    .select()
    .from(messageDrafts)
    .where(and(eq(messageDrafts.id, draftId), eq(messageDrafts.caseId, caseId), eq(messageDrafts.staffUserId, staff.staffUserId)));
  return draft ?? null;
}

/** The draft for the page (the handler's own, for this case), or null. */
export async function messageDraftForPage(staff: StaffActor, caseId: string, draftId: string): Promise<MessageDraft | null> {
  if (!can(staff, "message:send")) return null;
  return withDb((db) => loadMessageDraft(db, staff, caseId, draftId));
}

/** The fields of the form as SendMessageFields, or the problems per field (translated). */
export function parseComposeValues(values: MessageDraftValues, today: string, locale: Locale): { ok: true; fields: SendMessageFields } | { ok: false; errors: { field: string; message: string }[] } {
  const parsed = sendMessageInput(today).safeParse(values);
  if (parsed.success) return { ok: true, fields: parsed.data };
  const t = messagesFor(locale);
  const errors: { field: string; message: string }[] = [];
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? "soort");
    if (errors.some((e) => e.field === field)) continue;
    errors.push({ field, message: translateKey(t, issue.message) });
  }
  // In the order of the form, so the summary reads top to bottom.
  errors.sort((a, b) => COMPOSE_FIELDS.indexOf(a.field as never) - COMPOSE_FIELDS.indexOf(b.field as never));
  return { ok: false, errors };
}

/** The problems sendMessage or previewMessage gave, on the field they are about. */
function refusalErrors(outcome: Exclude<PreviewOutcome, { kind: "preview" }>): { field: string; message: string }[] {
  switch (outcome.kind) {
    case "not-found":
      return [];
    case "invalid":
      return outcome.problems.map((message) => ({ field: /PDF|bijlage|attachment/i.test(message) ? "bijlagen" : "soort", message }));
    case "not-allowed":
    case "no-objection-channel":
      return [{ field: "soort", message: outcome.message }];
  }
}

function toSend(attachments: readonly MessageDraftAttachment[]): SendAttachment[] {
  return attachments.map((a) => ({ ...a }));
}

async function saveDraft(tx: DbOrTx, staff: StaffActor, caseId: string, existing: MessageDraft | null, patch: { values: MessageDraftValues; errors: { field: string; message: string }[]; attachments: MessageDraftAttachment[] }, now: Date): Promise<string> {
  if (existing) {
    await tx
      .update(messageDrafts)
      .set({ ...patch, updatedAt: now })
      .where(eq(messageDrafts.id, existing.id));
    return existing.id;
  }
  const [row] = await tx
    .insert(messageDrafts)
    .values({ caseId, staffUserId: staff.staffUserId, ...patch, updatedAt: now })
    .returning({ id: messageDrafts.id });
  return row!.id;
}

/** The form's fields and files: multipart (files streamed into the store) or urlencoded. */
async function readComposeRequest(request: Request, locale: Locale): Promise<{ fields: Map<string, string>; stored: MessageDraftAttachment[]; fileErrors: string[] }> {
  const fields = new Map<string, string>();
  const stored: MessageDraftAttachment[] = [];
  const fileErrors: string[] = [];
  if ((request.headers.get("content-type") ?? "").toLowerCase().startsWith("multipart/form-data")) {
    try {
      const result = await readMultipart(
        request,
        async (file) => {
          if (file.field !== "bijlagen") throw new Error("unexpected file field");
          const outcome = await storeMessageAttachment(file.content, file.fileName, locale);
          if (outcome.kind === "refused") fileErrors.push(outcome.message);
          else stored.push(outcome.attachment);
        },
        { maxFiles: ATTACHMENTS_MAX, maxFieldBytes: 100_000, maxFields: 50 },
      );
      for (const [name, values] of result.fields) fields.set(name, values[0] ?? "");
      // A file the store failed on (not refused: refusals come back as a message above).
      for (const failed of result.failedFiles) fileErrors.push(format(messagesFor(locale).sendingMessages.compose.fileFailed, { name: failed.fileName }));
    } catch (error) {
      await discardMessageAttachments(stored);
      throw error;
    }
  } else {
    const form = await request.formData().catch(() => null);
    if (!form) throw new MultipartError("malformed");
    for (const [name, value] of form.entries()) if (typeof value === "string" && !fields.has(name)) fields.set(name, value);
  }
  return { fields, stored, fileErrors };
}

/** POST /behandeling/zaken/<caseId>/bericht (see the top of this file). */
export async function postCompose(request: Request, staff: StaffActor, caseId: string, options: { locale: Locale; now?: Date }): Promise<ComposeOutcome> {
  if (!can(staff, "message:send") || !isUuid(caseId)) return { kind: "not-found" };
  const known = await withDb(async (db) => (await db.select({ id: cases.id }).from(cases).where(eq(cases.id, caseId))).length > 0);
  if (!known) return { kind: "not-found" };
  const now = options.now ?? new Date();
  const locale = options.locale;
  const t = messagesFor(locale).sendingMessages;

  let read: Awaited<ReturnType<typeof readComposeRequest>>;
  try {
    read = await readComposeRequest(request, locale);
  } catch (error) {
    if (error instanceof MultipartError) return { kind: "bad-request", message: t.compose.badRequest };
    throw error;
  }
  const { fields, stored, fileErrors } = read;
  const draftId = fields.get("concept") ?? "";
  const action = fields.get("actie") ?? "controleren";
  const draft = draftId ? await withDb((db) => loadMessageDraft(db, staff, caseId, draftId)) : null;
  const casePage = `/behandeling/zaken/${caseId}`;

  if (action === "versturen") {
    await discardMessageAttachments(stored);
    // Sent before (a double click), or never there: the case lists what was sent.
    if (!draft) return { kind: "redirect", location: casePage };
    const parsed = parseComposeValues(draft.values, todayInAmsterdam(now), locale);
    if (!parsed.ok) {
      await withDb((db) => saveDraft(db, staff, caseId, draft, { values: draft.values, errors: parsed.errors, attachments: draft.attachments }, now));
      return { kind: "redirect", location: composePath(caseId, draft.id) };
    }
    const sent = await inTransaction(async (tx: Tx) => {
      const outcome = await sendMessage(tx, staff, { caseId, ...parsed.fields, attachments: toSend(draft.attachments), locale: "nl", now });
      if (outcome.kind === "sent") await tx.delete(messageDrafts).where(eq(messageDrafts.id, draft.id));
      return outcome;
    });
    if (sent.kind === "sent") return { kind: "redirect", location: `${casePage}?${new URLSearchParams({ melding: sent.digital ? "message-sent" : "message-by-post", bericht: sent.messageId })}` };
    if (sent.kind === "not-found") return { kind: "not-found" };
    await withDb((db) => saveDraft(db, staff, caseId, draft, { values: draft.values, errors: refusalErrors(sent), attachments: draft.attachments }, now));
    return { kind: "redirect", location: composePath(caseId, draft.id) };
  }

  // Every other action keeps what was posted: the typed values and the files, old and new.
  const values: MessageDraftValues = {};
  for (const name of COMPOSE_FIELDS) {
    const value = action === "wijzigen" && draft ? draft.values[name] : fields.get(name);
    if (value !== undefined && value !== "") values[name] = value;
  }
  let attachments = [...(draft?.attachments ?? []), ...stored];
  const removeMatch = /^verwijder:(\d{1,2})$/.exec(action);
  if (removeMatch) {
    const index = Number(removeMatch[1]);
    const removed = attachments[index];
    if (removed) {
      attachments = attachments.filter((_, i) => i !== index);
      await discardMessageAttachments([removed]);
    }
  }
  const fileProblems = fileErrors.map((message) => ({ field: "bijlagen", message }));
  if (attachments.length > ATTACHMENTS_MAX) {
    await discardMessageAttachments(attachments.slice(ATTACHMENTS_MAX));
    attachments = attachments.slice(0, ATTACHMENTS_MAX);
    fileProblems.push({ field: "bijlagen", message: messagesFor(locale).sendingMessages.validation.attachmentTooMany });
  }

  if (action === "wijzigen" || removeMatch) {
    const id = await withDb((db) => saveDraft(db, staff, caseId, draft, { values, errors: fileProblems, attachments }, now));
    return { kind: "redirect", location: fileProblems.length ? composePath(caseId, id) : composePath(caseId, id).replace("#foutmeldingen", "#bijlagen") };
  }

  // controleren
  const parsed = parseComposeValues(values, todayInAmsterdam(now), locale);
  let errors = parsed.ok ? [] : parsed.errors;
  if (parsed.ok && fileProblems.length === 0) {
    const preview = await inTransaction((tx: Tx) => previewMessage(tx, staff, { caseId, ...parsed.fields, attachments: toSend(attachments), locale: "nl", now }));
    if (preview.kind === "not-found") return { kind: "not-found" };
    if (preview.kind !== "preview") errors = refusalErrors(preview);
  }
  errors = [...errors, ...fileProblems];
  const id = await withDb((db) => saveDraft(db, staff, caseId, draft, { values, errors, attachments }, now));
  return { kind: "redirect", location: composePath(caseId, id, errors.length === 0) };
}

/** The check page: the message as it would be placed now (nothing is written). */
export async function composePreview(staff: StaffActor, caseId: string, draft: MessageDraft, now = new Date()): Promise<PreviewOutcome & { fields?: SendMessageFields }> {
  const parsed = parseComposeValues(draft.values, todayInAmsterdam(now), "nl");
  if (!parsed.ok) return { kind: "invalid", problems: parsed.errors.map((e) => e.message) };
  const preview = await inTransaction((tx: Tx) => previewMessage(tx, staff, { caseId, ...parsed.fields, attachments: toSend(draft.attachments), locale: "nl", now }));
  return { ...preview, fields: parsed.fields };
}
