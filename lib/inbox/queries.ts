import "server-only";
import { and, count, desc, eq, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { inboxMessages, type InboxMessageKind } from "@/db/schema/submissions";
import { can, type Actor, type Permission } from "../auth/policy";
import { inTransaction, withDb } from "../db";
import { NotAllowedError } from "../parties/queries";
import { encodeInboxCursor, type InboxCursor } from "./cursor";

/**
 * The party's inbox (berichtenbox): its messages, unread first and then newest, a page at a time
 * (keyset: the next page starts after the last row shown), and one message, which counts as
 * opened the first time the party sees it (R16). Every query is scoped by the session's party.
 */

type PartyActor = Extract<Actor, { kind: "party" }>;

function requirePermission(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) throw new NotAllowedError(permission);
}

export const INBOX_PAGE_SIZE = 20;

export interface InboxRow {
  id: string;
  kind: InboxMessageKind;
  subject: string;
  placedAt: Date;
  firstOpenedAt: Date | null;
  termEndsOn: string | null;
}

const unreadRank = sql<number>`(case when ${inboxMessages.firstOpenedAt} is null then 1 else 0 end)`;
const placedAtText = sql<string>`to_char(${inboxMessages.placedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`;

/** One page of the party's messages, unread first and then newest; `next` is the cursor of the following page, if any. */
export async function ownMessages(actor: PartyActor, after: InboxCursor | null = null): Promise<{ rows: InboxRow[]; next: string | null }> {
  requirePermission(actor, "own:read");
  return withDb(async (db) => {
    const own = eq(inboxMessages.partyId, actor.partyId);
    const rows = await db
      .select({
        id: inboxMessages.id,
        kind: inboxMessages.kind,
        subject: inboxMessages.subject,
        placedAt: inboxMessages.placedAt,
        firstOpenedAt: inboxMessages.firstOpenedAt,
        termEndsOn: inboxMessages.termEndsOn,
        rank: unreadRank.mapWith(Number),
        placedAtText,
      })
      .from(inboxMessages)
      .where(
        after
          ? and(own, sql`(${unreadRank}, ${inboxMessages.placedAt}, ${inboxMessages.id}) < (${after.unread}, ${after.placedAt}::timestamp at time zone 'UTC', ${after.id}::uuid)`)
          : own,
      )
      .orderBy(desc(unreadRank), desc(inboxMessages.placedAt), desc(inboxMessages.id))
      .limit(INBOX_PAGE_SIZE + 1);
    const page = rows.slice(0, INBOX_PAGE_SIZE);
    const last = page[page.length - 1];
    const next = rows.length > INBOX_PAGE_SIZE && last ? encodeInboxCursor({ unread: last.rank === 1 ? 1 : 0, placedAt: last.placedAtText, id: last.id }) : null;
    return { rows: page.map(({ rank: _rank, placedAtText: _text, ...row }) => row), next };
  });
}

/** How many of the party's messages are still unread. */
export async function unreadCount(actor: PartyActor): Promise<number> {
  requirePermission(actor, "own:read");
  return withDb(async (db) => {
    const [row] = await db.select({ n: count() }).from(inboxMessages).where(and(eq(inboxMessages.partyId, actor.partyId), isNull(inboxMessages.firstOpenedAt)));
    return row?.n ?? 0;
  });
}

export type InboxMessageView = typeof inboxMessages.$inferSelect;

/** Sets first_opened_at once (the trigger allows exactly that); a second opening changes nothing. */
async function markOpened(tx: DbOrTx, partyId: string, messageId: string, now: Date): Promise<void> {
  await tx
    .update(inboxMessages)
    .set({ firstOpenedAt: now })
    .where(and(eq(inboxMessages.id, messageId), eq(inboxMessages.partyId, partyId), isNull(inboxMessages.firstOpenedAt)));
}

/**
 * One message of the party, recorded as opened the first time (R16: the moment is proof that it
 * was read). Null when there is none (or it is someone else's).
 */
export async function openOwnMessage(actor: PartyActor, messageId: string, now = new Date()): Promise<InboxMessageView | null> {
  requirePermission(actor, "own:read");
  return inTransaction(async (tx) => {
    const [message] = await tx.select().from(inboxMessages).where(and(eq(inboxMessages.id, messageId), eq(inboxMessages.partyId, actor.partyId)));
    if (!message) return null;
    if (message.firstOpenedAt) return message;
    await markOpened(tx, actor.partyId, messageId, now);
    const [opened] = await tx.select().from(inboxMessages).where(eq(inboxMessages.id, messageId));
    return opened ?? message;
  });
}
