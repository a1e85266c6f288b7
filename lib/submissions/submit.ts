import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db";
import { caseEvents, cases, inboxMessages, referenceCounters, submissionAttachments, submissionDrafts, submissions } from "@/db/schema";
import { recordProcessing } from "../audit/processing-log";
import { meetsLevel } from "../auth/levels";
import { checkValues, visibleSteps, type RunnerError } from "../catalogue/forms/runner";
import { isFieldVisible, type FormValues } from "../catalogue/forms/values";
import { amsterdamDate } from "../channels/designations";
import { loadEquatedDays } from "../deadlines/equated-days";
import { computeTerm } from "../deadlines/terms";
import { env } from "../env";
import { messagesFor, type Locale } from "../i18n";
import { notify } from "../notifications/notify";
import { draftState, loadDraft, portalChannelFor, requiredLevel, saveDraftState, type LoadedDraft, type SubmittingParty } from "./drafts";
import { receiptMessage } from "./receipt";
import { recordHash } from "./record";
import { formatReference, messageTypePrefixes } from "./reference";

/**
 * Submitting a draft (R4-R7): in ONE transaction the submission (immutable: payload, form
 * version, attachments with hashes, a hash over the whole, time of receipt, reference, channel,
 * login level), a case with status "received" and the expected decision date, the receipt in the
 * party's inbox, the receipt notification, and the processing log entry. Either all of it is
 * there or none of it. The draft id is the idempotency key: a double click, a retry after a
 * timeout or the back button finds the submission already made instead of making a second.
 */

export type SubmitOutcome =
  | { kind: "submitted"; submissionId: string; reference: string; alreadySubmitted: boolean }
  | { kind: "invalid"; errors: RunnerError[] }
  | { kind: "not-found" }
  | { kind: "no-channel" }
  | { kind: "level-too-low"; required: string };

/** The answers of the fields shown for these values, files replaced by their attachment ids. */
function payloadOf(loaded: LoadedDraft, values: FormValues): Record<string, unknown> {
  const payload: Record<string, unknown> = {};
  for (const index of visibleSteps(loaded.definition, values)) {
    for (const field of loaded.definition.steps[index]!.fields) {
      if (!isFieldVisible(loaded.definition, field, values)) continue;
      if (field.kind === "file") payload[field.id] = loaded.attachments.filter((a) => a.fieldId === field.id).map((a) => a.id);
      else if (values[field.id] !== undefined) payload[field.id] = values[field.id];
    }
  }
  return payload;
}

/** The next reference number for a message type in a year; the counter row is locked until commit, so numbers never repeat. */
export async function nextReference(tx: DbOrTx, messageType: keyof typeof messageTypePrefixes, year: number): Promise<string> {
  const prefix = messageTypePrefixes[messageType];
  const [row] = await tx
    .insert(referenceCounters)
    .values({ prefix, year, lastNumber: 1 })
    .onConflictDoUpdate({ target: [referenceCounters.prefix, referenceCounters.year], set: { lastNumber: sql`${referenceCounters.lastNumber} + 1` } })
    .returning({ n: referenceCounters.lastNumber });
  return formatReference(messageType, year, row!.n);
}

/** The decision term's last day from the day of receipt, with its explanation; null when the product records no term. */
async function expectedDecision(tx: DbOrTx, product: LoadedDraft["product"], receivedOn: string) {
  if (!product.decisionTermAmount || !product.decisionTermUnit) return null;
  const result = computeTerm({ event: receivedOn, amount: product.decisionTermAmount, unit: product.decisionTermUnit, equatedDays: await loadEquatedDays(tx) });
  return product.atwApplies ? { on: result.end, explanation: result.explanation } : { on: result.nominalEnd, explanation: result.explanation };
}

/** Submits a draft of the party. Runs in the given transaction (the caller owns it and commits). */
export async function submitDraft(tx: Tx, party: SubmittingParty, draftId: string, options: { locale: Locale; now?: Date; onBehalfStaffId?: string | null }): Promise<SubmitOutcome> {
  const loaded = await loadDraft(tx, party.partyId, draftId, { forUpdate: true });
  if (!loaded) {
    // Submitted before (the draft is gone): the same submission, never a second.
    const [done] = await tx
      .select({ id: submissions.id, reference: submissions.reference })
      .from(submissions)
      .where(and(eq(submissions.partyId, party.partyId), eq(submissions.idempotencyKey, draftId)));
    return done ? { kind: "submitted", submissionId: done.id, reference: done.reference, alreadySubmitted: true } : { kind: "not-found" };
  }

  const now = options.now ?? new Date();
  const state = draftState(loaded);
  const values = state.values;

  // Every shown step checked again: the draft may have been changed since its pages were checked.
  for (const step of visibleSteps(loaded.definition, values)) {
    const errors = checkValues(loaded.definition, values, { step, locale: options.locale, today: amsterdamDate(now) });
    if (errors.length) {
      await saveDraftState(tx, loaded, { page: step, values, errors, returnToCheck: true }, now);
      return { kind: "invalid", errors };
    }
  }

  const channel = await portalChannelFor(tx, loaded.product.id, loaded.draft.messageType, amsterdamDate(now));
  if (!channel) return { kind: "no-channel" };
  const required = requiredLevel(loaded.product, party, channel);
  if (required && !meetsLevel(party.level, required)) return { kind: "level-too-low", required };

  const payload = payloadOf(loaded, values);
  const attachmentIds = new Set(Object.values(payload).flatMap((v) => (Array.isArray(v) ? v : [])));
  const attachments = loaded.attachments.filter((a) => attachmentIds.has(a.id)).map((a, position) => ({ ...a, position }));
  const receivedOn = amsterdamDate(now);
  const decision = await expectedDecision(tx, loaded.product, receivedOn);

  // The counter is taken last but one: its row lock is held only for the inserts below.
  const reference = await nextReference(tx, loaded.draft.messageType, Number(receivedOn.slice(0, 4)));
  const record = {
    reference,
    partyId: party.partyId,
    productId: loaded.product.id,
    formVersionId: loaded.draft.formVersionId,
    messageType: loaded.draft.messageType,
    channelId: channel.channelId,
    loginLevel: party.level,
    onBehalfStaffId: options.onBehalfStaffId ?? null,
    payload,
    receivedAt: now,
    attachments: attachments.map((a) => ({ fieldId: a.fieldId, position: a.position, fileName: a.fileName, fileType: a.fileType, sizeBytes: a.sizeBytes, sha256: a.sha256 })),
  };
  const [submission] = await tx
    .insert(submissions)
    .values({ ...record, hash: recordHash(record), idempotencyKey: draftId, inReplyToMessageId: loaded.draft.inReplyToMessageId })
    .returning({ id: submissions.id });
  const submissionId = submission!.id;
  if (attachments.length)
    await tx.insert(submissionAttachments).values(
      attachments.map((a) => ({ submissionId, fieldId: a.fieldId, position: a.position, blobKey: a.blobKey, fileName: a.fileName, fileType: a.fileType, sizeBytes: a.sizeBytes, sha256: a.sha256 })),
    );

  const [opened] = await tx
    .insert(cases)
    .values({ reference, partyId: party.partyId, productId: loaded.product.id, submissionId, status: "received", expectedDecisionOn: decision?.on ?? null, decisionTermExplanation: decision?.explanation ?? null, openedAt: now, updatedAt: now })
    .returning({ id: cases.id });
  await tx.insert(caseEvents).values({ caseId: opened!.id, kind: "opened", status: "received", at: now, staffUserId: options.onBehalfStaffId ?? null });

  const e = env();
  const t = messagesFor("nl");
  const receipt = receiptMessage(
    {
      reference,
      receivedAt: now,
      issuer: e.municipality.name,
      productName: loaded.product.nameNl,
      messageTypeLabel: t.catalogue.messageTypes[loaded.draft.messageType] ?? loaded.draft.messageType,
      attachments: attachments.map((a) => ({ fileName: a.fileName, sizeBytes: a.sizeBytes, sha256: a.sha256 })),
      expectedDecisionOn: decision?.on ?? null,
      help: { phone: e.municipality.phone, email: e.municipality.email },
    },
    "nl",
  );
  const [message] = await tx
    .insert(inboxMessages)
    .values({ partyId: party.partyId, kind: "receipt", caseId: opened!.id, submissionId, subject: receipt.subject, body: receipt.body, placedAt: now })
    .returning({ id: inboxMessages.id });

  await notify(tx, { partyId: party.partyId, kind: "receipt", messageRef: message!.id, submissionRef: submissionId });
  await recordProcessing(tx, {
    operation: "submission.receive",
    activity: "behandeling-zaken",
    purpose: `${t.catalogue.messageTypes[loaded.draft.messageType] ?? loaded.draft.messageType} ontvangen (${reference})`,
    subject: { partyId: party.partyId, kind: party.partyKind },
    actor: party,
    startedAt: now,
    endedAt: now,
  });
  await tx.delete(submissionDrafts).where(eq(submissionDrafts.id, draftId));
  return { kind: "submitted", submissionId, reference, alreadySubmitted: false };
}
