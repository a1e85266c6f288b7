import { and, asc, eq, gte, isNull, lte, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { channelDesignations, channels, draftAttachments, formVersions, messageTypes, productMessageTypes, products, submissionDrafts, type DraftAttachment, type MessageType, type SubmissionDraft } from "@/db/schema";
import type { Actor } from "../auth/policy";
import { meetsLevel, type AssuranceLevel } from "../auth/levels";
import type { FormDefinition } from "../catalogue/forms/definition";
import { currentVersion } from "../catalogue/forms/service";
import type { FileDescriptor, FormValues } from "../catalogue/forms/values";
import type { RunnerPage, RunnerState } from "../catalogue/forms/runner";
import { amsterdamDate } from "../channels/designations";
import { env } from "../env";
import { fileTypeIds, fileTypes, type FileTypeId } from "./attachments/content-type";
import type { UploadLimits } from "./attachments/store";

/**
 * Drafts (concepten): a form being filled in, kept on the server after every step so nothing is
 * lost when a session ends or the browser closes (R9). Every function here takes the party the
 * draft must belong to; a draft of someone else is "not found". Functions take a database or
 * transaction; routes and actions own it.
 */

/** A party who may submit: a resident or business logged in, with its login level. */
export type SubmittingParty = Extract<Actor, { kind: "party" }>;

/** The way into the portal for a product's message type today: a designated channel of kind portal-form (Awb 2:13). */
export interface PortalChannel {
  channelId: string;
  messageType: MessageType;
  conditionLevel: string | null;
  maxFileSizeMb: number | null;
  allowedFileTypes: string[];
}

/**
 * The portal channel designated today for a product, for its first message type (in the law's
 * order) that has one, or for the given message type. Null: the register does not designate the
 * portal for it, and the portal refuses to take it (the register is enforced, not only published).
 */
export async function portalChannelFor(db: DbOrTx, productId: string, messageType?: MessageType, date = amsterdamDate()): Promise<PortalChannel | null> {
  const rows = await db
    .select({
      channelId: channels.id,
      messageType: channelDesignations.messageType,
      conditionLevel: channelDesignations.conditionLevel,
      maxFileSizeMb: channelDesignations.maxFileSizeMb,
      allowedFileTypes: channelDesignations.allowedFileTypes,
    })
    .from(channelDesignations)
    .innerJoin(channels, and(eq(channels.id, channelDesignations.channelId), eq(channels.kind, "portal-form"), eq(channels.active, true)))
    .innerJoin(productMessageTypes, and(eq(productMessageTypes.productId, channelDesignations.productId), eq(productMessageTypes.messageType, channelDesignations.messageType)))
    .where(
      and(
        eq(channelDesignations.productId, productId),
        messageType ? eq(channelDesignations.messageType, messageType) : undefined,
        lte(channelDesignations.validFrom, date),
        or(isNull(channelDesignations.validTo), gte(channelDesignations.validTo, date)),
      ),
    )
    .orderBy(asc(channelDesignations.validFrom));
  rows.sort((a, b) => messageTypes.indexOf(a.messageType) - messageTypes.indexOf(b.messageType));
  return rows[0] ?? null;
}

/** The level a party needs for a product: the product's level for its kind, raised by the channel's condition. Null: none. */
export function requiredLevel(product: { residentLevel: string | null; businessLevel: string | null }, party: SubmittingParty, channel: PortalChannel | null): AssuranceLevel | null {
  const own = (party.partyKind === "person" ? product.residentLevel : product.businessLevel) as AssuranceLevel | null;
  const condition = channel?.conditionLevel as AssuranceLevel | null | undefined;
  // A channel condition counts only when it is a level of the party's kind (DigiD for persons, eHerkenning for businesses).
  const conditionFits = condition && (party.partyKind === "person" ? !condition.startsWith("eh") : condition.startsWith("eh"));
  if (own && conditionFits) return meetsLevel(own, condition) ? own : condition;
  return own ?? (conditionFits ? condition : null);
}

export type StartOutcome =
  | { kind: "started"; draftId: string }
  | { kind: "not-found" }
  | { kind: "no-form" }
  | { kind: "no-channel" }
  | { kind: "wrong-audience" }
  | { kind: "level-too-low"; required: AssuranceLevel };

/** When a draft changed now expires. */
export function draftExpiresAt(now: Date, days = env().drafts.days): Date {
  return new Date(now.getTime() + days * 24 * 60 * 60 * 1000);
}

/** Starts a draft of a product's current form for the party, after checking audience, channel and login level. */
export async function startDraft(tx: DbOrTx, party: SubmittingParty, productSlug: string, options: { now?: Date; prefill?: FormValues; startedByStaffId?: string | null; messageType?: MessageType; inReplyToMessageId?: string | null } = {}): Promise<StartOutcome> {
  const now = options.now ?? new Date();
  const [product] = await tx.select().from(products).where(and(eq(products.slug, productSlug), eq(products.active, true)));
  if (!product) return { kind: "not-found" };
  if ((product.audience === "residents" && party.partyKind !== "person") || (product.audience === "businesses" && party.partyKind !== "business")) return { kind: "wrong-audience" };
  const version = await currentVersion(tx, product.id);
  if (!version) return { kind: "no-form" };
  const channel = await portalChannelFor(tx, product.id, options.messageType, amsterdamDate(now));
  if (!channel) return { kind: "no-channel" };
  const required = requiredLevel(product, party, channel);
  if (required && !meetsLevel(party.level, required)) return { kind: "level-too-low", required };
  const [draft] = await tx
    .insert(submissionDrafts)
    .values({
      partyId: party.partyId,
      productId: product.id,
      formVersionId: version.id,
      messageType: channel.messageType,
      answers: options.prefill ?? {},
      page: "0",
      startedByStaffId: options.startedByStaffId ?? null,
      inReplyToMessageId: options.inReplyToMessageId ?? null,
      createdAt: now,
      updatedAt: now,
      expiresAt: draftExpiresAt(now),
    })
    .returning({ id: submissionDrafts.id });
  return { kind: "started", draftId: draft!.id };
}

export interface LoadedDraft {
  draft: SubmissionDraft;
  definition: FormDefinition;
  formVersion: number;
  product: { id: string; slug: string; nameNl: string; nameEn: string; residentLevel: string | null; businessLevel: string | null; decisionTermAmount: number | null; decisionTermUnit: "days" | "weeks" | "months" | null; atwApplies: boolean };
  attachments: DraftAttachment[];
}

/** A draft of this party with its form and attachments; null when there is none (or it is someone else's). `forUpdate` locks the row. */
export async function loadDraft(db: DbOrTx, partyId: string, draftId: string, options: { forUpdate?: boolean } = {}): Promise<LoadedDraft | null> {
  const query = db
    .select({ draft: submissionDrafts, definition: formVersions.definition, formVersion: formVersions.version })
    .from(submissionDrafts)
    .innerJoin(formVersions, eq(formVersions.id, submissionDrafts.formVersionId))
    .where(and(eq(submissionDrafts.id, draftId), eq(submissionDrafts.partyId, partyId)));
  const [row] = options.forUpdate ? await query.for("update", { of: submissionDrafts }) : await query;
  if (!row) return null;
  const [product] = await db
    .select({
      id: products.id,
      slug: products.slug,
      nameNl: products.nameNl,
      nameEn: products.nameEn,
      residentLevel: products.residentLevel,
      businessLevel: products.businessLevel,
      decisionTermAmount: products.decisionTermAmount,
      decisionTermUnit: products.decisionTermUnit,
      atwApplies: products.atwApplies,
    })
    .from(products)
    .where(eq(products.id, row.draft.productId));
  const attachments = await db.select().from(draftAttachments).where(eq(draftAttachments.draftId, draftId)).orderBy(asc(draftAttachments.uploadedAt), asc(draftAttachments.id));
  return { draft: row.draft, definition: row.definition as FormDefinition, formVersion: row.formVersion, product: product!, attachments };
}

/** The files of a draft as the form runner sees them: per file field, name, size and type. */
export function attachmentValues(definition: FormDefinition, attachments: readonly DraftAttachment[]): FormValues {
  const values: FormValues = {};
  for (const step of definition.steps)
    for (const field of step.fields)
      if (field.kind === "file") values[field.id] = attachments.filter((a) => a.fieldId === field.id).map((a): FileDescriptor => ({ name: a.fileName, size: a.sizeBytes, type: a.fileType }));
  return values;
}

/** The runner state of a draft: its answers with its files, its page, its last errors. */
export function draftState(loaded: LoadedDraft): RunnerState {
  const page: RunnerPage = loaded.draft.page === "check" ? "check" : Math.min(Math.max(0, Number(loaded.draft.page) || 0), loaded.definition.steps.length - 1);
  return { page, values: { ...(loaded.draft.answers as FormValues), ...attachmentValues(loaded.definition, loaded.attachments) }, errors: loaded.draft.errors, returnToCheck: loaded.draft.returnToCheck };
}

/** Stores a runner state in the draft (files are kept in draft_attachments, not in the answers) and extends its life. */
export async function saveDraftState(tx: DbOrTx, loaded: LoadedDraft, state: RunnerState, now = new Date()): Promise<void> {
  const fileFields = new Set(loaded.definition.steps.flatMap((s) => s.fields).filter((f) => f.kind === "file").map((f) => f.id));
  const answers = Object.fromEntries(Object.entries(state.values).filter(([key, value]) => !fileFields.has(key) && value !== undefined));
  await tx
    .update(submissionDrafts)
    .set({
      answers,
      page: state.page === "check" || state.page === "sent" ? "check" : String(state.page),
      returnToCheck: state.returnToCheck,
      errors: state.errors,
      updatedAt: now,
      expiresAt: draftExpiresAt(now),
      expiryNoticeSentAt: null,
    })
    .where(eq(submissionDrafts.id, loaded.draft.id));
}

/**
 * The limits for an upload into a file field of a draft: the field's own (size, types, count)
 * narrowed by the channel's conditions from the register. Null when the field is not a file
 * field of the draft's form.
 */
export function uploadLimitsFor(definition: FormDefinition, fieldId: string, channel: PortalChannel | null): (UploadLimits & { maxCount: number; allowedTypes: FileTypeId[] }) | null {
  const field = definition.steps.flatMap((s) => s.fields).find((f) => f.id === fieldId);
  if (!field || field.kind !== "file") return null;
  const fieldTypes = fileTypeIds.filter((id) => (fileTypes[id].extensions as readonly string[]).some((ext) => field.allowedTypes.includes(ext)));
  const channelTypes = channel && channel.allowedFileTypes.length ? fileTypeIds.filter((id) => (fileTypes[id].extensions as readonly string[]).some((ext) => channel.allowedFileTypes.includes(ext))) : fileTypeIds;
  const maxMb = Math.min(field.maxSizeMb, channel?.maxFileSizeMb ?? Number.POSITIVE_INFINITY);
  return { maxBytes: Math.floor(maxMb * 1024 * 1024), allowedTypes: fieldTypes.filter((t) => channelTypes.includes(t)), maxCount: field.maxCount };
}

/** Records a stored file in a draft. */
export async function addDraftAttachment(tx: DbOrTx, draftId: string, file: { fieldId: string; blobKey: string; fileName: string; fileType: string; sizeBytes: number; sha256: string }, now = new Date()): Promise<DraftAttachment> {
  const [row] = await tx.insert(draftAttachments).values({ draftId, ...file, uploadedAt: now }).returning();
  await tx.update(submissionDrafts).set({ updatedAt: now, expiresAt: draftExpiresAt(now), expiryNoticeSentAt: null }).where(eq(submissionDrafts.id, draftId));
  return row!;
}

/** Removes a file from a draft of this party; returns its blob key so the caller removes the bytes after commit. Null: no such file. */
export async function removeDraftAttachment(tx: DbOrTx, partyId: string, draftId: string, attachmentId: string): Promise<string | null> {
  const [row] = await tx
    .delete(draftAttachments)
    .where(and(eq(draftAttachments.id, attachmentId), eq(draftAttachments.draftId, draftId), sql`exists (select 1 from ${submissionDrafts} where ${submissionDrafts.id} = ${draftId} and ${submissionDrafts.partyId} = ${partyId})`))
    .returning({ blobKey: draftAttachments.blobKey });
  return row?.blobKey ?? null;
}
