import "server-only";
import { and, count, desc, eq, getTableColumns, isNull, sql, type SQL } from "drizzle-orm";
import { inboxArchivedMessages, inboxMessageAttachments } from "@/db/schema/inbox";
import { cases, inboxMessages, type InboxMessageKind } from "@/db/schema/submissions";
import { can, type Actor, type Permission } from "../auth/policy";
import { todayInAmsterdam } from "../deadlines/calendar";
import { withDb } from "../db";
import { logger } from "../log";
import { NotAllowedError } from "../parties/queries";
import { attachmentStore } from "../submissions/attachments";
import { fileTypes, type FileTypeId } from "../submissions/attachments/content-type";
import type { AttachmentDownload } from "../submissions/view-queries";
import { encodeInboxCursor, type InboxCursor } from "./cursor";
import { effectiveTermEnd, effectiveTermEndText } from "./effective-term";
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
  /** The last day of the term that counts: recalculated when the notice reached the party only later (R13). */
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

/** The conditions of the filters, scoped to the party. `now` decides what "a running term" is (today in Amsterdam). */
function filterConditions(partyId: string, filters: InboxFilters, now: Date): SQL {
  const conditions: SQL[] = [eq(inboxMessages.partyId, partyId), filters.view === "archive" ? archived(partyId) : sql`not ${archived(partyId)}`];
  if (filters.kind) conditions.push(eq(inboxMessages.kind, kindFilters[filters.kind]));
  if (filters.running) conditions.push(sql`${effectiveTermEnd("inbox_messages")} >= ${todayInAmsterdam(now)}::date`);
  if (filters.search) conditions.push(sql`${inboxMessages.subject} ilike ${containsPattern(filters.search)} escape '\\'`);
  return and(...conditions)!;
}

export interface OwnMessagesOptions {
  filters?: InboxFilters;
  now?: Date;
}

/**
 * One page of the party's messages, unread first and then newest; `next` is the cursor of the
 * following page, if any.
 *
 * The page is chosen in a subquery and only its rows are asked whether a newer message corrects
 * them: with the check beside the filters, the planner expected thousands of checks and answered
 * them by hashing every correction link in the table (an index-only scan of all messages, tens
 * of milliseconds per page with 100,000 messages), instead of 21 look-ups in the index.
 */
export async function ownMessages(actor: PartyActor, after: InboxCursor | null = null, options: OwnMessagesOptions = {}): Promise<{ rows: InboxRow[]; next: string | null; total: number }> {
  requirePermission(actor, "own:read");
  const where = filterConditions(actor.partyId, options.filters ?? noFilters, options.now ?? new Date());
  return withDb(async (db) => {
    const page = db
      .select({
        id: inboxMessages.id,
        kind: inboxMessages.kind,
        subject: inboxMessages.subject,
        placedAt: inboxMessages.placedAt,
        firstOpenedAt: inboxMessages.firstOpenedAt,
        termEndsOn: inboxMessages.termEndsOn,
        rank: unreadRank.mapWith(Number).as("rank"),
        placedAtText: placedAtText.as("placed_at_text"),
      })
      .from(inboxMessages)
      .where(after ? and(where, sql`(${unreadRank}, ${inboxMessages.placedAt}, ${inboxMessages.id}) < (${after.unread}, ${after.placedAt}::timestamp at time zone 'UTC', ${after.id}::uuid)`) : where)
      .orderBy(desc(unreadRank), desc(inboxMessages.placedAt), desc(inboxMessages.id))
      .limit(INBOX_PAGE_SIZE + 1)
      .as("page");
    const rows = await db
      .select({
        id: page.id,
        kind: page.kind,
        subject: page.subject,
        placedAt: page.placedAt,
        firstOpenedAt: page.firstOpenedAt,
        termEndsOn: effectiveTermEndText("page"),
        corrected: sql<boolean>`exists (select 1 from ${inboxMessages} as correction where correction.replaces_message_id = ${sql.raw(`"page"."id"`)})`.mapWith(Boolean),
        rank: page.rank,
        placedAtText: page.placedAtText,
        // All pages together, counted once in the same statement (see countOwnMessages).
        total: sql<number>`(${matchingCount(where)})`.mapWith(Number),
      })
      .from(page)
      .orderBy(desc(page.rank), desc(page.placedAt), desc(page.id));
    const shown = rows.slice(0, INBOX_PAGE_SIZE);
    const last = shown[shown.length - 1];
    const next = rows.length > INBOX_PAGE_SIZE && last ? encodeInboxCursor({ unread: last.rank === 1 ? 1 : 0, placedAt: last.placedAtText, id: last.id }) : null;
    // No rows, no count from them: nothing matches at all on the first page; after a cursor (an old or tampered one) it is counted apart.
    const total = rows[0]?.total ?? (after ? await countOwnMessages(actor, options) : 0);
    return { rows: shown.map(({ rank: _rank, placedAtText: _text, total: _total, ...row }) => row), next, total };
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
    const [row] = await db.select({ n: sql<number>`(${matchingCount(where)})`.mapWith(Number) }).from(sql`(select 1) as one`);
    return row?.n ?? 0;
  });
}

/** The count of the messages matching `where`, up to INBOX_COUNT_CAP + 1, as a subquery. */
function matchingCount(where: SQL): SQL {
  return sql`select count(*) from (select 1 from ${inboxMessages} where ${where} limit ${INBOX_COUNT_CAP + 1}) as matching`;
}

/** How many of the party's messages are still unread (served by the partial index inbox_messages_unread_idx). */
export async function unreadCount(actor: PartyActor): Promise<number> {
  requirePermission(actor, "own:read");
  return withDb(async (db) => {
    const [row] = await db.select({ n: count() }).from(inboxMessages).where(and(eq(inboxMessages.partyId, actor.partyId), isNull(inboxMessages.firstOpenedAt)));
    return row?.n ?? 0;
  });
}

/** A message as its page shows it: the row, and the reference of its case (for the proof). */
export type InboxMessageView = typeof inboxMessages.$inferSelect & { caseReference: string | null };

/** A message as openOwnMessage gives it: with its files, corrections and archive state. */
export type OpenedMessage = InboxMessageView & { surroundings: MessageSurroundings };

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
export async function openOwnMessage(actor: PartyActor, messageId: string, now = new Date()): Promise<OpenedMessage | null> {
  requirePermission(actor, "own:read");
  // No transaction: an opened message is one read; the first opening is one statement more.
  const found = await withDb(async (db) => {
    // The message page's files, corrections and archive state come in the same statement.
    const [row] = await db
      .select({ ...getTableColumns(inboxMessages), caseReference: cases.reference, ...surroundingsColumns(actor.partyId) })
      .from(inboxMessages)
      .leftJoin(cases, eq(cases.id, inboxMessages.caseId))
      .where(and(eq(inboxMessages.id, messageId), eq(inboxMessages.partyId, actor.partyId)));
    if (!row) return null;
    const { archived, attachments, correctedBy, replaces, ...rest } = row;
    const message: OpenedMessage = { ...rest, surroundings: surroundingsFrom({ archived, attachments, correctedBy, replaces }) };
    if (message.firstOpenedAt) return message;
    // Sets first_opened_at only while it is empty (the trigger allows exactly that): of two openings at once, one moment is recorded.
    const [opened] = await db
      .update(inboxMessages)
      .set({ firstOpenedAt: now })
      .where(and(eq(inboxMessages.id, messageId), eq(inboxMessages.partyId, actor.partyId), isNull(inboxMessages.firstOpenedAt)))
      .returning({ firstOpenedAt: inboxMessages.firstOpenedAt });
    if (opened) return { ...message, firstOpenedAt: opened.firstOpenedAt };
    // Another request opened it in between: its moment is the one that counts.
    const [again] = await db.select({ firstOpenedAt: inboxMessages.firstOpenedAt }).from(inboxMessages).where(eq(inboxMessages.id, messageId));
    return { ...message, firstOpenedAt: again?.firstOpenedAt ?? null };
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

/** A message linked to another, as json_build_object gives it (the time as ISO text). */
const linkedJson = (alias: string) => sql.raw(`json_build_object('id', ${alias}.id, 'subject', ${alias}.subject, 'placedAt', ${alias}.placed_at)`);

function linkedFrom(json: { id: string; subject: string; placedAt: string }): LinkedMessage {
  return { id: json.id, subject: json.subject, placedAt: new Date(json.placedAt) };
}

/** The surroundings as columns of a select on inbox_messages (one row: the message itself). */
function surroundingsColumns(partyId: string) {
  return {
    archived: sql<boolean>`exists (select 1 from ${inboxArchivedMessages} as archived where archived.message_id = ${outerId} and archived.party_id = ${partyId})`.mapWith(Boolean),
    attachments: sql<string>`(select coalesce(json_agg(json_build_object('id', f.id, 'fileName', f.file_name, 'sizeBytes', f.size_bytes) order by f.position), '[]')::text
      from ${inboxMessageAttachments} as f where f.message_id = ${outerId})`,
    correctedBy: sql<string>`(select coalesce(json_agg(${linkedJson("c")} order by c.placed_at), '[]')::text
      from ${inboxMessages} as c where c.replaces_message_id = ${outerId} and c.party_id = ${partyId})`,
    replaces: sql<string | null>`(select ${linkedJson("r")}::text from ${inboxMessages} as r where r.id = "inbox_messages"."replaces_message_id" and r.party_id = ${partyId})`,
  };
}

function surroundingsFrom(row: { archived: boolean; attachments: string; correctedBy: string; replaces: string | null }): MessageSurroundings {
  return {
    attachments: JSON.parse(row.attachments) as MessageAttachmentRow[],
    correctedBy: (JSON.parse(row.correctedBy) as { id: string; subject: string; placedAt: string }[]).map(linkedFrom),
    replaces: row.replaces ? linkedFrom(JSON.parse(row.replaces) as { id: string; subject: string; placedAt: string }) : null,
    archived: row.archived,
  };
}

/**
 * The attachments, corrections and archive state of one of the party's messages, in one
 * statement (openOwnMessage reads them with the message itself).
 */
export async function messageSurroundings(actor: PartyActor, message: Pick<InboxMessageView, "id" | "partyId" | "replacesMessageId">): Promise<MessageSurroundings> {
  requirePermission(actor, "own:read");
  if (message.partyId !== actor.partyId) throw new NotAllowedError("own:read");
  return withDb(async (db) => {
    const [row] = await db
      .select(surroundingsColumns(actor.partyId))
      .from(inboxMessages)
      .where(and(eq(inboxMessages.id, message.id), eq(inboxMessages.partyId, actor.partyId)));
    return row ? surroundingsFrom(row) : { attachments: [], correctedBy: [], replaces: null, archived: false };
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
