import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { submissionAttachments, submissionDrafts, submissions } from "@/db/schema";
import { inTransaction, withDb } from "../db";
import { isUuid } from "../http/ids";
import { advance, parseNavigation, type RunnerState } from "../catalogue/forms/runner";
import { controlId, readStepValues } from "../catalogue/forms/values";
import { amsterdamDate } from "../channels/designations";
import { messagesFor, type Locale } from "../i18n";
import { attachmentStore } from "./attachments";
import { MultipartError, readMultipart } from "./attachments/multipart";
import { AttachmentRefusedError, type StoredBlob } from "./attachments/store";
import { addDraftAttachment, draftState, loadDraft, portalChannelFor, removeDraftAttachment, saveDraftState, startDraft, uploadLimitsFor, type LoadedDraft, type SubmittingParty } from "./drafts";
import { FileProblemError, fileProblemMessage, type FileProblem } from "./file-refusals";
import { submitDraft } from "./submit";

/**
 * The resident's way through a submission, as the route handlers under /mijn/aanvragen run it:
 * start a draft from a product, post a step (fields and, without JavaScript, files in the same
 * multipart post), upload or remove one file (with JavaScript), delete a draft, submit. Files are
 * streamed into the attachment store while the request comes in and recorded in the draft in one
 * transaction; bytes of files that end up not recorded, or that were removed, are deleted after
 * the transaction. Every function takes the party from the session and answers "not found" for
 * a draft that is not theirs.
 */

export type FlowOutcome = { kind: "redirect"; location: string } | { kind: "not-found" } | { kind: "bad-request"; message: string };

const draftPath = (draftId: string, errors = false) => `/mijn/aanvragen/${draftId}${errors ? "#foutmeldingen" : ""}`;

/** Where the resident is sent when a product cannot be started (or sent) now, with the reason. */
export function cannotStartPath(slug: string, reason: "geen-kanaal" | "niveau-te-laag" | "doelgroep" | "geen-formulier", required?: string): string {
  const params = new URLSearchParams({ product: slug, reden: reason });
  if (required) params.set("niveau", required);
  return `/mijn/aanvragen/starten?${params}`;
}

/** POST /mijn/aanvragen: starts a draft of the product, or says why it cannot be started. */
export async function startFromProduct(party: SubmittingParty, slug: string): Promise<FlowOutcome> {
  if (!/^[a-z0-9-]{1,100}$/.test(slug)) return { kind: "not-found" };
  const outcome = await inTransaction((tx) => startDraft(tx, party, slug));
  switch (outcome.kind) {
    case "started":
      return { kind: "redirect", location: draftPath(outcome.draftId) };
    case "not-found":
      return { kind: "not-found" };
    case "no-form":
      return { kind: "redirect", location: cannotStartPath(slug, "geen-formulier") };
    case "no-channel":
      return { kind: "redirect", location: cannotStartPath(slug, "geen-kanaal") };
    case "wrong-audience":
      return { kind: "redirect", location: cannotStartPath(slug, "doelgroep") };
    case "level-too-low":
      return { kind: "redirect", location: cannotStartPath(slug, "niveau-te-laag", outcome.required) };
  }
}

/** The submission a draft became, for a post that arrives after the draft was sent (double click, back button). */
async function submissionOfDraft(db: DbOrTx, partyId: string, draftId: string): Promise<string | null> {
  const [row] = await db
    .select({ id: submissions.id })
    .from(submissions)
    .where(and(eq(submissions.partyId, partyId), eq(submissions.idempotencyKey, draftId)));
  return row?.id ?? null;
}

/** What the button pressed asks for: the runner's navigation, or the draft's own actions. */
type DraftAction = { kind: "save" } | { kind: "upload" } | { kind: "remove"; attachmentId: string } | ReturnType<typeof parseNavigation>;

export function parseDraftAction(value: unknown): DraftAction {
  if (value === "save") return { kind: "save" };
  if (value === "upload") return { kind: "upload" };
  const remove = typeof value === "string" ? /^remove:(.+)$/.exec(value) : null;
  if (remove && isUuid(remove[1])) return { kind: "remove", attachmentId: remove[1] };
  const navigation = parseNavigation(value);
  return navigation.kind === "restart" ? { kind: "next" } : navigation;
}

interface StoredFile {
  fieldId: string;
  fileName: string;
  blob: StoredBlob;
}

interface Problem {
  fieldId: string;
  fileName: string;
  problem: FileProblem;
}

function problemOf(error: unknown): FileProblem {
  if (error instanceof FileProblemError) return error.problem;
  if (error instanceof AttachmentRefusedError) return error.refusal;
  return { reason: "failed" };
}

/** Removes stored bytes; a failure is left to the housekeeping (the key is not referenced anywhere). */
async function removeBlobs(keys: readonly string[]): Promise<void> {
  for (const key of keys) await attachmentStore().remove(key).catch(() => undefined);
}

/**
 * Streams the files of a multipart request into the store, each checked against its field's and
 * the channel's limits as it arrives. `fieldFor` says which file field a file is for (null: not
 * taken). Refused files are listed with their reason; the other fields are read all the same.
 */
async function receiveFiles(
  request: Request,
  loaded: LoadedDraft,
  fieldFor: (partName: string, fieldsSoFar: ReadonlyMap<string, readonly string[]>) => string | null,
  maxFiles: number,
): Promise<{ fields: Map<string, string[]>; stored: StoredFile[]; problems: Problem[] }> {
  const channel = await withDb((db) => portalChannelFor(db, loaded.product.id, loaded.draft.messageType));
  const counts = new Map<string, number>();
  for (const a of loaded.attachments) counts.set(a.fieldId, (counts.get(a.fieldId) ?? 0) + 1);
  const stored: StoredFile[] = [];
  try {
    const result = await readMultipart(
      request,
      async (file, fieldsSoFar) => {
        const fieldId = fieldFor(file.field, fieldsSoFar);
        const limits = fieldId ? uploadLimitsFor(loaded.definition, fieldId, channel) : null;
        if (!fieldId || !limits) throw new FileProblemError({ reason: "failed" });
        if ((counts.get(fieldId) ?? 0) >= limits.maxCount) throw new FileProblemError({ reason: "too-many", maxCount: limits.maxCount });
        const blob = await attachmentStore().put(file.content, limits);
        counts.set(fieldId, (counts.get(fieldId) ?? 0) + 1);
        stored.push({ fieldId, fileName: file.fileName, blob });
        return fieldId;
      },
      { maxFiles, maxFieldBytes: 100_000, maxFields: 500 },
    );
    const problems = result.failedFiles.map((f) => ({ fieldId: fieldFor(f.field, result.fields) ?? f.field, fileName: f.fileName, problem: problemOf(f.error) }));
    return { fields: result.fields, stored, problems };
  } catch (error) {
    await removeBlobs(stored.map((s) => s.blob.key));
    throw error;
  }
}

/** Records stored files in the draft (locked), refusing those over the field's count; returns the keys of the refused. */
async function recordFiles(tx: DbOrTx, loaded: LoadedDraft, stored: readonly StoredFile[], problems: Problem[], now: Date) {
  const channel = await portalChannelFor(tx, loaded.product.id, loaded.draft.messageType);
  const refused: string[] = [];
  const added = [];
  for (const file of stored) {
    const limits = uploadLimitsFor(loaded.definition, file.fieldId, channel);
    const count = loaded.attachments.filter((a) => a.fieldId === file.fieldId).length;
    if (!limits || count >= limits.maxCount) {
      refused.push(file.blob.key);
      problems.push({ fieldId: file.fieldId, fileName: file.fileName, problem: { reason: "too-many", maxCount: limits?.maxCount ?? 0 } });
      continue;
    }
    const row = await addDraftAttachment(tx, loaded.draft.id, { fieldId: file.fieldId, blobKey: file.blob.key, fileName: file.fileName.slice(0, 255), fileType: file.blob.type, sizeBytes: file.blob.size, sha256: file.blob.sha256 }, now);
    loaded.attachments.push(row);
    added.push(row);
  }
  return { refused, added };
}

function problemErrors(loaded: LoadedDraft, problems: readonly Problem[], locale: Locale) {
  const t = messagesFor(locale);
  return problems.map((p) => {
    const allowed = uploadLimitsFor(loaded.definition, p.fieldId, null)?.allowedTypes ?? [];
    return { field: controlId(p.fieldId), message: fileProblemMessage(t, locale, p.fileName, p.problem, allowed) };
  });
}

/**
 * POST /mijn/aanvragen/<draftId>: the fields of the page shown (and its files, without
 * JavaScript) with the button pressed. Every post is saved, whatever the button: a refused file
 * keeps the page and every value typed, with the reason as an error on the file field.
 */
export async function postDraftStep(request: Request, party: SubmittingParty, draftId: string, options: { locale: Locale; now?: Date }): Promise<FlowOutcome> {
  if (!isUuid(draftId)) return { kind: "not-found" };
  const now = options.now ?? new Date();
  const before = await withDb((db) => loadDraft(db, party.partyId, draftId));
  if (!before) {
    const done = await withDb((db) => submissionOfDraft(db, party.partyId, draftId));
    return done ? { kind: "redirect", location: `/mijn/inzendingen/${done}` } : { kind: "not-found" };
  }
  const shown = draftState(before);
  const stepFields = typeof shown.page === "number" ? before.definition.steps[shown.page]!.fields : [];
  const fileFields = new Set(stepFields.filter((f) => f.kind === "file").map((f) => f.id));

  let fields: Map<string, string[]>;
  let stored: StoredFile[] = [];
  let problems: Problem[] = [];
  if ((request.headers.get("content-type") ?? "").toLowerCase().startsWith("multipart/form-data")) {
    try {
      ({ fields, stored, problems } = await receiveFiles(request, before, (part) => (fileFields.has(part) ? part : null), 20));
    } catch (error) {
      if (error instanceof MultipartError) return { kind: "bad-request", message: messagesFor(options.locale).submissionFlow.refusals.request };
      throw error;
    }
  } else {
    const form = await request.formData().catch(() => null);
    if (!form) return { kind: "bad-request", message: messagesFor(options.locale).submissionFlow.refusals.request };
    fields = new Map();
    for (const [name, value] of form.entries()) if (typeof value === "string") fields.set(name, [...(fields.get(name) ?? []), value]);
  }
  const getAll = (name: string) => fields.get(name) ?? [];
  const action = parseDraftAction(getAll("actie")[0]);
  // A post from a page that is no longer the draft's (an old tab): its values are not for this page.
  const postedPage = getAll("pagina")[0];
  const samePage = postedPage === undefined || postedPage === String(shown.page);

  let removedKeys: string[] = [];
  try {
    const result = await inTransaction(async (tx) => {
      const loaded = await loadDraft(tx, party.partyId, draftId, { forUpdate: true });
      if (!loaded) return { kind: "gone" as const };
      const recorded = await recordFiles(tx, loaded, stored, problems, now);
      removedKeys = recorded.refused;
      if (action.kind === "remove") {
        const key = await removeDraftAttachment(tx, party.partyId, draftId, action.attachmentId);
        if (key) {
          removedKeys.push(key);
          loaded.attachments = loaded.attachments.filter((a) => a.id !== action.attachmentId);
        }
      }
      const current = draftState(loaded);
      const page = current.page;
      const pageFields = samePage && typeof page === "number" ? loaded.definition.steps[page]!.fields.filter((f) => f.kind !== "file") : [];
      const stepValues = readStepValues(pageFields, getAll, current.values);

      if (action.kind === "submit" && !problems.length) {
        const outcome = await submitDraft(tx, party, draftId, { locale: options.locale, now });
        if (outcome.kind === "submitted" && !outcome.alreadySubmitted) {
          // Files of fields not shown at the end are not part of the submission: their bytes go.
          const kept = new Set((await tx.select({ key: submissionAttachments.blobKey }).from(submissionAttachments).where(eq(submissionAttachments.submissionId, outcome.submissionId))).map((r) => r.key));
          removedKeys.push(...loaded.attachments.filter((a) => !kept.has(a.blobKey)).map((a) => a.blobKey));
        }
        return { kind: "submit" as const, outcome, slug: loaded.product.slug };
      }

      let next: RunnerState;
      const values = { ...current.values, ...stepValues };
      if (problems.length) next = { ...current, values, errors: problemErrors(loaded, problems, options.locale) };
      else if (action.kind === "save" || action.kind === "upload" || action.kind === "remove" || !samePage) next = { ...current, values, errors: [] };
      else next = advance(loaded.definition, { ...current, page }, action, stepValues, { locale: options.locale, today: amsterdamDate(now) });
      // The check page has no "sent" page: a draft is sent only by submitting it.
      if (next.page === "sent") next = { ...next, page: "check" };
      await saveDraftState(tx, loaded, next, now);
      return { kind: "saved" as const, errors: next.errors.length > 0 };
    });
    await removeBlobs(removedKeys);

    if (result.kind === "gone") {
      const done = await withDb((db) => submissionOfDraft(db, party.partyId, draftId));
      return done ? { kind: "redirect", location: `/mijn/inzendingen/${done}` } : { kind: "not-found" };
    }
    if (result.kind === "submit") {
      const outcome = result.outcome;
      switch (outcome.kind) {
        case "submitted":
          return { kind: "redirect", location: `/mijn/inzendingen/${outcome.submissionId}` };
        case "invalid":
          return { kind: "redirect", location: draftPath(draftId, true) };
        case "no-channel":
          return { kind: "redirect", location: cannotStartPath(result.slug, "geen-kanaal") };
        case "level-too-low":
          return { kind: "redirect", location: cannotStartPath(result.slug, "niveau-te-laag", outcome.required) };
        case "not-found":
          return { kind: "not-found" };
      }
    }
    if (action.kind === "save" && !result.errors) return { kind: "redirect", location: "/mijn/aanvragen?opgeslagen=1" };
    return { kind: "redirect", location: draftPath(draftId, result.errors) };
  } catch (error) {
    // Nothing was recorded: the bytes stored for this post go too.
    await removeBlobs(stored.map((s) => s.blob.key));
    throw error;
  }
}

export type UploadOutcome =
  | { kind: "added"; attachment: { id: string; name: string; size: number; sha256: string; type: string } }
  | { kind: "refused"; status: 400 | 413 | 415 | 422; message: string; fieldId: string | null }
  | { kind: "not-found" };

/**
 * POST /mijn/aanvragen/<draftId>/bijlagen: one file (part `bestand`) for the file field named in
 * `veld` (sent before the file). The upload script uses it with JavaScript on.
 */
export async function uploadToDraft(request: Request, party: SubmittingParty, draftId: string, options: { locale: Locale; now?: Date }): Promise<UploadOutcome> {
  if (!isUuid(draftId)) return { kind: "not-found" };
  const now = options.now ?? new Date();
  const before = await withDb((db) => loadDraft(db, party.partyId, draftId));
  if (!before) return { kind: "not-found" };
  const t = messagesFor(options.locale);
  let received;
  try {
    received = await receiveFiles(request, before, (part, fieldsSoFar) => (part === "bestand" ? (fieldsSoFar.get("veld")?.[0] ?? null) : null), 1);
  } catch (error) {
    if (error instanceof MultipartError) return { kind: "refused", status: 400, message: t.submissionFlow.refusals.request, fieldId: null };
    throw error;
  }
  const { stored, problems } = received;
  let refusedKeys: string[] = [];
  try {
    const added = await inTransaction(async (tx) => {
      const loaded = await loadDraft(tx, party.partyId, draftId, { forUpdate: true });
      if (!loaded) return null;
      const recorded = await recordFiles(tx, loaded, stored, problems, now);
      refusedKeys = recorded.refused;
      return recorded.added;
    });
    await removeBlobs(refusedKeys);
    if (added === null) return { kind: "not-found" };
    const row = added[0];
    if (row) return { kind: "added", attachment: { id: row.id, name: row.fileName, size: row.sizeBytes, sha256: row.sha256, type: row.fileType } };
  } catch (error) {
    await removeBlobs(stored.map((s) => s.blob.key));
    throw error;
  }
  const problem = problems[0];
  if (!problem) return { kind: "refused", status: 400, message: t.submissionFlow.refusals.request, fieldId: null };
  const allowed = uploadLimitsFor(before.definition, problem.fieldId, null)?.allowedTypes ?? [];
  const status = problem.problem.reason === "too-large" ? 413 : problem.problem.reason === "type-not-allowed" || problem.problem.reason === "type-unknown" ? 415 : 422;
  return { kind: "refused", status, message: fileProblemMessage(t, options.locale, problem.fileName, problem.problem, allowed), fieldId: problem.fieldId };
}

/** Keeps a refused upload's reason in the draft, for the page shown after a post without JavaScript. */
export async function keepUploadError(party: SubmittingParty, draftId: string, fieldId: string | null, message: string): Promise<void> {
  await inTransaction(async (tx) => {
    const loaded = await loadDraft(tx, party.partyId, draftId, { forUpdate: true });
    if (!loaded) return;
    const state = draftState(loaded);
    await saveDraftState(tx, loaded, { ...state, errors: [{ field: fieldId ? controlId(fieldId) : "foutmeldingen", message }] });
  });
}

/** POST /mijn/aanvragen/<draftId>/bijlagen/<attachmentId>/verwijderen. The bytes go after the commit. */
export async function removeFromDraft(party: SubmittingParty, draftId: string, attachmentId: string): Promise<{ kind: "removed"; name: string } | { kind: "not-found" }> {
  if (!isUuid(draftId) || !isUuid(attachmentId)) return { kind: "not-found" };
  const removed = await inTransaction(async (tx) => {
    const loaded = await loadDraft(tx, party.partyId, draftId, { forUpdate: true });
    const attachment = loaded?.attachments.find((a) => a.id === attachmentId);
    if (!loaded || !attachment) return null;
    const key = await removeDraftAttachment(tx, party.partyId, draftId, attachmentId);
    if (!key) return null;
    // Removing a file clears an error that was about its field.
    const state = draftState({ ...loaded, attachments: loaded.attachments.filter((a) => a.id !== attachmentId) });
    await saveDraftState(tx, loaded, { ...state, errors: state.errors.filter((e) => e.field !== controlId(attachment.fieldId)) });
    return { key, name: attachment.fileName };
  });
  if (!removed) return { kind: "not-found" };
  await removeBlobs([removed.key]);
  return { kind: "removed", name: removed.name };
}

/** POST /mijn/aanvragen/<draftId>/verwijderen: the whole draft with its files. */
export async function deleteDraft(party: SubmittingParty, draftId: string): Promise<boolean> {
  if (!isUuid(draftId)) return false;
  const keys = await inTransaction(async (tx) => {
    const loaded = await loadDraft(tx, party.partyId, draftId, { forUpdate: true });
    if (!loaded) return null;
    await tx.delete(submissionDrafts).where(and(eq(submissionDrafts.id, draftId), eq(submissionDrafts.partyId, party.partyId)));
    return loaded.attachments.map((a) => a.blobKey);
  });
  if (!keys) return false;
  await removeBlobs(keys);
  return true;
}
