import "server-only";
import { and, asc, count, desc, eq, isNull, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { inboxArchivedMessages, inboxMessageAttachments } from "@/db/schema/inbox";
import { inboxMessages, type InboxMessageKind } from "@/db/schema/submissions";
import { can, type Actor, type Permission } from "../auth/policy";
import { todayInAmsterdam } from "../deadlines/calendar";
import { inTransaction, withDb } from "../db";
import { logger } from "../log";
import { NotAllowedError } from "../parties/queries";
import { attachmentStore } from "../submissions/attachments";
import { fileTypes, type FileTypeId } from "../submissions/attachments/content-type";
import type { AttachmentDownload } from "../submissions/view-queries";
import { encodeInboxCursor, type InboxCursor } from "./cursor";
import { containsPattern, kindFilters, noFilters, type InboxFilters } from "./filters";

/**
 * The party's inbox (berichtenbox): its messages, unread first and then newest, a page at a time
 * (keyset: the next page starts after the last row shown), filtered by kind, running term,
 * inbox or archive and a search on the subject; and one message, which counts as opened the
 * first time the party sees it (R16). Every query is scoped by the session's party.
 *
 * The list is served by the index inbox_messages_inbox_order_idx (party, unread first, newest,
 * id): the keyset condition is a row comparison on those columns, so a page reads about one
 * page of index entries whatever the party holds; filters are checked on the rows it reads.
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
  /** A newer message corrects (replaces) this one (R17: both stay readable). */
  corrected: boolean;
}

/** The expression of the index inbox_messages_inbox_order_idx: keep them the same, or the index is not used. */
const unreadRank = sql<number>`(case when ${inboxMessages.firstOpenedAt} is null then 1 else 0 end)`;
const placedAtText = sql<string>`to_char(${inboxMessages.placedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`;
// Drizzle leaves columns unqualified in a query on one table: inside these subqueries the outer
// message's id must be named with its table, or "id" would mean the subquery's own row.
const outerId = sql.raw(`"inbox_messages"."id"`);
// With the party in it, the planner can start from the party's archive (its index) when that is small.
const archived = (partyId: string) => sql`exists (select 1 from ${inboxArchivedMessages} as archived where archived.message_id = ${outerId} and archived.party_id = ${partyId})`;
const corrected = sql<boolean>`exists (select 1 from ${inboxMessages} as correction where correction.replaces_message_id = ${outerId})`;

/** The conditions of the filters, scoped to the party. `now` decides what "a running term" is (today in Amsterdam). */
function filterConditions(partyId: string, filters: InboxFilters, now: Date): SQL {
  const conditions: SQL[] = [eq(inboxMessages.partyId, partyId), filters.view === "archive" ? archived(partyId) : sql`not ${archived(partyId)}`];
  if (filters.kind) conditions.push(eq(inboxMessages.kind, kindFilters[filters.kind]));
  if (filters.running) conditions.push(sql`${inboxMessages.termEndsOn} >= ${todayInAmsterdam(now)}::date`);
  if (filters.search) conditions.push(sql`${inboxMessages.subject} ilike ${containsPattern(filters.search)} escape '\\'`);
  return and(...conditions)!;
}

export interface OwnMessagesOptions {
  filters?: InboxFilters;
  now?: Date;
}

/** One page of the party's messages, unread first and then newest; `next` is the cursor of the following page, if any. */
export async function ownMessages(actor: PartyActor, after: InboxCursor | null = null, options: OwnMessagesOptions = {}): Promise<{ rows: InboxRow[]; next: string | null }> {
  requirePermission(actor, "own:read");
  const where = filterConditions(actor.partyId, options.filters ?? noFilters, options.now ?? new Date());
  return withDb(async (db) => {
    const rows = await db
      .select({
        id: inboxMessages.id,
        kind: inboxMessages.kind,
        subject: inboxMessages.subject,
        placedAt: inboxMessages.placedAt,
        firstOpenedAt: inboxMessages.firstOpenedAt,
        termEndsOn: inboxMessages.termEndsOn,
        corrected: corrected.mapWith(Boolean),
        rank: unreadRank.mapWith(Number),
        placedAtText,
      })
      .from(inboxMessages)
      .where(after ? and(where, sql`(${unreadRank}, ${inboxMessages.placedAt}, ${inboxMessages.id}) < (${after.unread}, ${after.placedAt}::timestamp at time zone 'UTC', ${after.id}::uuid)`) : where)
      .orderBy(desc(unreadRank), desc(inboxMessages.placedAt), desc(inboxMessages.id))
      .limit(INBOX_PAGE_SIZE + 1);
    const page = rows.slice(0, INBOX_PAGE_SIZE);
    const last = page[page.length - 1];
    const next = rows.length > INBOX_PAGE_SIZE && last ? encodeInboxCursor({ unread: last.rank === 1 ? 1 : 0, placedAt: last.placedAtText, id: last.id }) : null;
    return { rows: page.map(({ rank: _rank, placedAtText: _text, ...row }) => row), next };
  });
}

/** Counting stops here: the page says "more than 200" instead of counting every message of a large inbox (the count is read on every inbox page, and reads up to cap + 1 rows of the index). */
export const INBOX_COUNT_CAP = 200;

/**
 * How many of the party's messages match the filters (all pages together), counted up to
 * INBOX_COUNT_CAP + 1: a number above the cap means "more than the cap".
 */
export async function countOwnMessages(actor: PartyActor, options: OwnMessagesOptions = {}): Promise<number> {
  requirePermission(actor, "own:read");
  const where = filterConditions(actor.partyId, options.filters ?? noFilters, options.now ?? new Date());
  return withDb(async (db) => {
    const matching = db.select({ one: sql`1` }).from(inboxMessages).where(where).limit(INBOX_COUNT_CAP + 1).as("matching");
    const [row] = await db.select({ n: count() }).from(matching);
    return row?.n ?? 0;
  });
}

/** How many of the party's messages are still unread (served by the partial index inbox_messages_unread_idx). */
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
 * Logs a look-up of a message (or its file) the party does not have: someone else's, or none
 * at all (the two are not told apart, to the party nor here). The party id, never a BSN.
 */
function logNotFound(event: string, actor: PartyActor, ids: Record<string, string>): void {
  logger().warn({ event, partyId: actor.partyId, ...ids }, "inbox: a message the party does not have was asked for");
}

/**
 * One message of the party, recorded as opened the first time (R16: the moment is proof that it
 * was read). Null when there is none (or it is someone else's); that attempt is logged.
 */
export async function openOwnMessage(actor: PartyActor, messageId: string, now = new Date()): Promise<InboxMessageView | null> {
  requirePermission(actor, "own:read");
  const found = await inTransaction(async (tx) => {
    const [message] = await tx.select().from(inboxMessages).where(and(eq(inboxMessages.id, messageId), eq(inboxMessages.partyId, actor.partyId)));
    if (!message) return null;
    if (message.firstOpenedAt) return message;
    await markOpened(tx, actor.partyId, messageId, now);
    const [opened] = await tx.select().from(inboxMessages).where(eq(inboxMessages.id, messageId));
    return opened ?? message;
  });
  if (!found) logNotFound("inbox.message.not-found", actor, { messageId });
  return found;
}

export interface LinkedMessage {
  id: string;
  subject: string;
  placedAt: Date;
}

export interface MessageAttachmentRow {
  id: string;
  fileName: string;
  sizeBytes: number;
}

/** What the message page shows beside the message itself. */
export interface MessageSurroundings {
  attachments: MessageAttachmentRow[];
  /** The newer messages that correct this one (normally one). */
  correctedBy: LinkedMessage[];
  /** The message this one corrects. */
  replaces: LinkedMessage | null;
  archived: boolean;
}

/** The attachments, corrections and archive state of one of the party's messages (load the message with openOwnMessage first). */
export async function messageSurroundings(actor: PartyActor, message: Pick<InboxMessageView, "id" | "partyId" | "replacesMessageId">): Promise<MessageSurroundings> {
  requirePermission(actor, "own:read");
  if (message.partyId !== actor.partyId) throw new NotAllowedError("own:read");
  const linked = { id: inboxMessages.id, subject: inboxMessages.subject, placedAt: inboxMessages.placedAt };
  return withDb(async (db) => {
    const [attachments, correctedBy, replaces, archivedRows] = await Promise.all([
      db
        .select({ id: inboxMessageAttachments.id, fileName: inboxMessageAttachments.fileName, sizeBytes: inboxMessageAttachments.sizeBytes })
        .from(inboxMessageAttachments)
        .where(eq(inboxMessageAttachments.messageId, message.id))
        .orderBy(asc(inboxMessageAttachments.position)),
      db
        .select(linked)
        .from(inboxMessages)
        .where(and(eq(inboxMessages.replacesMessageId, message.id), eq(inboxMessages.partyId, actor.partyId)))
        .orderBy(asc(inboxMessages.placedAt)),
      message.replacesMessageId
        ? db
            .select(linked)
            .from(inboxMessages)
            .where(and(eq(inboxMessages.id, message.replacesMessageId), eq(inboxMessages.partyId, actor.partyId)))
        : Promise.resolve([]),
      db
        .select({ id: inboxArchivedMessages.messageId })
        .from(inboxArchivedMessages)
        .where(and(eq(inboxArchivedMessages.messageId, message.id), eq(inboxArchivedMessages.partyId, actor.partyId))),
    ]);
    return { attachments, correctedBy, replaces: replaces[0] ?? null, archived: archivedRows.length > 0 };
  });
}

/** A file sent with one of the party's messages, streamed from the attachment store; null (and logged) when not theirs. */
export async function ownMessageAttachment(actor: PartyActor, messageId: string, attachmentId: string): Promise<AttachmentDownload | null> {
  requirePermission(actor, "own:read");
  const file = await withDb(async (db) => {
    const [row] = await db
      .select({ file: inboxMessageAttachments })
      .from(inboxMessageAttachments)
      .innerJoin(inboxMessages, eq(inboxMessages.id, inboxMessageAttachments.messageId))
      .where(and(eq(inboxMessageAttachments.id, attachmentId), eq(inboxMessageAttachments.messageId, messageId), eq(inboxMessages.partyId, actor.partyId)));
    return row?.file ?? null;
  });
  if (!file) {
    logNotFound("inbox.attachment.not-found", actor, { messageId, attachmentId });
    return null;
  }
  const type = fileTypes[file.fileType as FileTypeId];
  return { fileName: file.fileName, contentType: type?.mime ?? "application/octet-stream", sizeBytes: file.sizeBytes, body: attachmentStore().open(file.blobKey) };
}
