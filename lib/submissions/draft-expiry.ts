import { and, eq, exists, gt, inArray, isNotNull, isNull, lte } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db";
import { channelConsents, draftAttachments, submissionDrafts } from "@/db/schema";
import { amsterdamDate } from "../channels/designations";
import { inTransaction, withDb } from "../db";
import { env } from "../env";
import { defineJob } from "../jobs/define";
import { notify } from "../notifications/notify";
import { deleteStaleMessageDrafts } from "../inbox/draft-housekeeping";
import { attachmentStore } from "./attachments/configured";

/**
 * Drafts do not live for ever (R9): a draft not saved for SUBMISSION_DRAFT_DAYS is deleted with
 * its files. SUBMISSION_DRAFT_NOTICE_DAYS before that the party gets a notice through the
 * notification engine (kind "draft-expiring", the last day as the term, no personal details);
 * saving the draft again extends it and clears the notice, so a later expiry gets its own.
 *
 * The notice goes only to parties who chose to get this kind of message digitally (Mijn
 * instellingen). A draft is nothing sent and nothing the municipality decided, so it is not worth
 * a letter: without that choice no notice is made, and so no fallback task for counter staff.
 * The draft page and the list of drafts show the date to everyone.
 */

/** Sends the notice for drafts expiring within the notice period that had none; returns how many. */
export async function noticeExpiringDrafts(db: DbOrTx, now = new Date(), noticeDays = env().drafts.noticeDays): Promise<number> {
  const horizon = new Date(now.getTime() + noticeDays * 24 * 3600_000);
  const due = await db
    .select({ id: submissionDrafts.id })
    .from(submissionDrafts)
    .where(
      and(
        isNull(submissionDrafts.expiryNoticeSentAt),
        gt(submissionDrafts.expiresAt, now),
        lte(submissionDrafts.expiresAt, horizon),
        // A reply being written (no form version) is not in the drafts list the notice points to.
        isNotNull(submissionDrafts.formVersionId),
        exists(
          db
            .select({ one: channelConsents.partyId })
            .from(channelConsents)
            .where(and(eq(channelConsents.partyId, submissionDrafts.partyId), eq(channelConsents.kind, "draft-expiring"), eq(channelConsents.digital, true))),
        ),
      ),
    )
    .limit(1000);
  let sent = 0;
  for (const { id } of due) {
    // One transaction per draft: the mark and the notice commit together; a draft saved meanwhile is skipped.
    const done = await inTransaction(async (tx) => {
      const [draft] = await tx
        .update(submissionDrafts)
        .set({ expiryNoticeSentAt: now })
        .where(and(eq(submissionDrafts.id, id), isNull(submissionDrafts.expiryNoticeSentAt), gt(submissionDrafts.expiresAt, now), lte(submissionDrafts.expiresAt, horizon)))
        .returning({ partyId: submissionDrafts.partyId, expiresAt: submissionDrafts.expiresAt });
      if (!draft) return false;
      // The last whole day the draft is kept (it goes at expires_at).
      const lastDay = amsterdamDate(new Date(draft.expiresAt.getTime() - 1));
      await notify(tx, { partyId: draft.partyId, kind: "draft-expiring", termEndsOn: lastDay });
      return true;
    });
    if (done) sent++;
  }
  return sent;
}

/** Deletes expired drafts; their files' bytes go after the commit. Returns how many drafts. */
export async function deleteExpiredDrafts(db: DbOrTx, now = new Date()): Promise<number> {
  const expired = await db.select({ id: submissionDrafts.id }).from(submissionDrafts).where(lte(submissionDrafts.expiresAt, now)).limit(1000);
  if (!expired.length) return 0;
  const ids = expired.map((d) => d.id);
  const { keys, deleted } = await inTransaction(async (tx) => {
    // Re-checked under a lock: a draft saved a moment ago lives on.
    const still = await tx
      .select({ id: submissionDrafts.id })
      .from(submissionDrafts)
      .where(and(inArray(submissionDrafts.id, ids), lte(submissionDrafts.expiresAt, now)))
      .for("update");
    if (!still.length) return { keys: [] as string[], deleted: 0 };
    const gone = still.map((d) => d.id);
    // The attachment rows first (not left to the cascade), to learn the keys of their bytes.
    const files = await tx.delete(draftAttachments).where(inArray(draftAttachments.draftId, gone)).returning({ key: draftAttachments.blobKey });
    await tx.delete(submissionDrafts).where(inArray(submissionDrafts.id, gone));
    return { keys: files.map((f) => f.key), deleted: gone.length };
  });
  for (const key of keys) await attachmentStore().remove(key).catch(() => undefined);
  return deleted;
}

export const expireDraftsJob = defineJob({
  name: "submissions.expire-drafts",
  payload: z.object({}),
  schedule: "23 * * * *",
  queue: { retryLimit: 2, retryDelay: 60 },
  async handle(_payload, { log }) {
    const now = new Date();
    const noticed = await withDb((db) => noticeExpiringDrafts(db, now));
    const deleted = await withDb((db) => deleteExpiredDrafts(db, now));
    // The handlers' message drafts too (lib/inbox/compose.ts): one housekeeping job for drafts.
    const messageDrafts = await withDb((db) => deleteStaleMessageDrafts(db, now));
    if (noticed + deleted + messageDrafts > 0) log.info({ noticed, deleted, messageDrafts }, "drafts noticed and expired");
  },
});
