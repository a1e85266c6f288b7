import type { InboxMessageKind } from "@/db/schema/submissions";
import { encodeInboxCursor, type InboxCursor } from "./cursor";

/**
 * The filters of the inbox list (berichtenbox), read from the query string of a plain GET form,
 * so they work without JavaScript and survive paging: kind of message, "only with a running
 * term", inbox or archive, and a search on the subject. Pure.
 *
 *   ?soort=besluiten&lopend=ja&weergave=archief&zoek=parkeer&na=<cursor>
 */

/** The kinds a resident can filter on, by their (Dutch) value in the URL. */
export const kindFilters = {
  besluiten: "decision",
  verzoeken: "information-request",
  informatie: "information",
  ontvangstbevestigingen: "receipt",
} as const satisfies Record<string, InboxMessageKind>;

export type KindFilter = keyof typeof kindFilters;
export const kindFilterValues = Object.keys(kindFilters) as KindFilter[];

export type InboxView = "inbox" | "archive";

/** The longest search text; a longer one is not searched but shown back with a message. */
export const MAX_SEARCH_LENGTH = 100;

export interface InboxFilters {
  kind: KindFilter | null;
  /** Only messages whose term ends today or later (Europe/Amsterdam). */
  running: boolean;
  view: InboxView;
  /** The trimmed search text, or null when there is none or it is too long. */
  search: string | null;
  /** What was typed, as typed (shown back in the field, also when it is too long). */
  searchTyped: string;
  searchTooLong: boolean;
}

export const noFilters: InboxFilters = { kind: null, running: false, view: "inbox", search: null, searchTyped: "", searchTooLong: false };

type Params = Record<string, string | string[] | undefined>;

function one(params: Params, key: string): string | undefined {
  const value = params[key];
  return typeof value === "string" ? value : Array.isArray(value) ? value[0] : undefined;
}

/** The filters in the query string; anything unknown counts as "no filter". */
export function inboxFiltersFrom(params: Params): InboxFilters {
  const kind = one(params, "soort");
  // Far longer than any search: not kept (a URL is no place for a text of that size).
  const typed = (one(params, "zoek") ?? "").slice(0, 1000);
  const trimmed = typed.trim();
  const tooLong = trimmed.length > MAX_SEARCH_LENGTH;
  return {
    kind: kind && Object.hasOwn(kindFilters, kind) ? (kind as KindFilter) : null,
    running: one(params, "lopend") === "ja",
    view: one(params, "weergave") === "archief" ? "archive" : "inbox",
    search: trimmed && !tooLong ? trimmed : null,
    searchTyped: typed,
    searchTooLong: tooLong,
  };
}

/** True when any filter or search narrows the list (the archive view itself is not a filter). */
export function isFiltered(filters: InboxFilters): boolean {
  return filters.kind !== null || filters.running || filters.search !== null;
}

/** The query string for these filters, with the cursor of a page when given ("" when there is nothing). */
export function inboxQuery(filters: InboxFilters, after: InboxCursor | string | null = null): string {
  const params = new URLSearchParams();
  if (filters.kind) params.set("soort", filters.kind);
  if (filters.running) params.set("lopend", "ja");
  if (filters.view === "archive") params.set("weergave", "archief");
  if (filters.search) params.set("zoek", filters.search);
  if (after) params.set("na", typeof after === "string" ? after : encodeInboxCursor(after));
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** The search text as a LIKE pattern matching it anywhere: %, _ and the escape character itself are taken literally. */
export function containsPattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
