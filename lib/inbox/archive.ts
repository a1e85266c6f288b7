import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { inboxArchivedMessages } from "@/db/schema/inbox";
import { inboxMessages } from "@/db/schema/submissions";

/**
 * The party's archive (archiveren): a view setting only. Archiving adds a row to
 * inbox_archived_messages, taking it out of the archive removes it; the message itself never
 * changes (R17). Both are idempotent, and only for the party's own messages: anything else is
 * "not-found" (the same for someone else's message and one that does not exist).
 */

export type ArchiveOutcome = { kind: "done"; archived: boolean } | { kind: "not-found" };

async function isOwn(tx: DbOrTx, partyId: string, messageId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: inboxMessages.id })
    .from(inboxMessages)
    .where(and(eq(inboxMessages.id, messageId), eq(inboxMessages.partyId, partyId)));
  return row !== undefined;
}

/** Puts one of the party's messages in their archive; archiving it again changes nothing (the first moment stays). */
export async function archiveMessage(tx: DbOrTx, partyId: string, messageId: string, now = new Date()): Promise<ArchiveOutcome> {
  if (!(await isOwn(tx, partyId, messageId))) return { kind: "not-found" };
  await tx.insert(inboxArchivedMessages).values({ messageId, partyId, archivedAt: now }).onConflictDoNothing({ target: inboxArchivedMessages.messageId });
  return { kind: "done", archived: true };
}

/** Takes one of the party's messages out of the archive, back into the inbox; when it is not archived, nothing changes. */
export async function unarchiveMessage(tx: DbOrTx, partyId: string, messageId: string): Promise<ArchiveOutcome> {
  if (!(await isOwn(tx, partyId, messageId))) return { kind: "not-found" };
  await tx.delete(inboxArchivedMessages).where(and(eq(inboxArchivedMessages.messageId, messageId), eq(inboxArchivedMessages.partyId, partyId)));
  return { kind: "done", archived: false };
}
