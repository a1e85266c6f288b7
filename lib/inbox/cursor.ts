import { isUuid } from "../http/ids";

/**
 * The keyset of the inbox list (unread first, then newest): where the next page starts. Written
 * into the URL as ?na=<cursor>, so paging works with plain links. Pure.
 */
export interface InboxCursor {
  /** 1 for an unread message, 0 for a read one. */
  unread: 0 | 1;
  /** placed_at in UTC with microseconds, "2026-11-27T10:15:00.123456". */
  placedAt: string;
  id: string;
}

export function encodeInboxCursor(cursor: InboxCursor): string {
  return `${cursor.unread}_${cursor.placedAt}_${cursor.id}`;
}

/** The cursor in a ?na= value, or null for anything that is not one (the first page is shown then). */
export function decodeInboxCursor(value: string | string[] | undefined): InboxCursor | null {
  const raw = Array.isArray(value) ? value[0] : value;
  const match = raw ? /^([01])_(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?)_([0-9a-fA-F-]{36})$/.exec(raw) : null;
  if (!match || !isUuid(match[3]!)) return null;
  // A date the database would refuse (30 February, hour 24, year 0) is no cursor either: a
  // tampered link shows the first page, never an error.
  const date = new Date(`${match[2]}Z`);
  if (Number.isNaN(date.getTime()) || date.getUTCFullYear() < 1900 || date.toISOString().slice(0, 19) !== match[2]!.slice(0, 19)) return null;
  return { unread: match[1] === "1" ? 1 : 0, placedAt: match[2]!, id: match[3]!.toLowerCase() };
}
