import { inArray, lte } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { messageDrafts } from "@/db/schema/inbox";
import { attachmentStore } from "../submissions/attachments/configured";

/** A message a handler started writing and left alone for this long is removed, with its stored PDFs. */
export const MESSAGE_DRAFT_DAYS = 30;

/** Deletes message drafts untouched for MESSAGE_DRAFT_DAYS; their files' bytes go after the delete. Returns how many. */
export async function deleteStaleMessageDrafts(db: DbOrTx, now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - MESSAGE_DRAFT_DAYS * 24 * 60 * 60 * 1000);
  const stale = await db.select({ id: messageDrafts.id }).from(messageDrafts).where(lte(messageDrafts.updatedAt, before)).limit(1000);
  if (!stale.length) return 0;
  const gone = await db
    .delete(messageDrafts)
    .where(
      inArray(
        messageDrafts.id,
        stale.map((d) => d.id),
      ),
    )
    .returning({ attachments: messageDrafts.attachments });
  for (const draft of gone) for (const file of draft.attachments) await attachmentStore().remove(file.blobKey).catch(() => undefined);
  return gone.length;
}
