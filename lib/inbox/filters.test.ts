import { describe, expect, it } from "vitest";
import { containsPattern, inboxFiltersFrom, inboxQuery, isFiltered, MAX_SEARCH_LENGTH, noFilters } from "./filters";

describe("inbox filters", () => {
  it("reads the filters from the query string and writes them back, with the cursor", () => {
    const filters = inboxFiltersFrom({ soort: "besluiten", lopend: "ja", weergave: "archief", zoek: "  parkeer  " });
    expect(filters).toEqual({ kind: "besluiten", running: true, view: "archive", search: "parkeer", searchTyped: "  parkeer  ", searchTooLong: false });
    expect(isFiltered(filters)).toBe(true);
    const cursor = { unread: 0 as const, placedAt: "2026-11-27T10:15:00.123456", id: "0b8e4b8e-2d4f-4c1e-9a55-1f0a9c3d2e11" };
    const query = inboxQuery(filters, cursor);
    expect(query).toBe("?soort=besluiten&lopend=ja&weergave=archief&zoek=parkeer&na=0_2026-11-27T10%3A15%3A00.123456_0b8e4b8e-2d4f-4c1e-9a55-1f0a9c3d2e11");
    expect(inboxFiltersFrom(Object.fromEntries(new URLSearchParams(query.slice(1))))).toMatchObject({ kind: "besluiten", running: true, view: "archive", search: "parkeer" });
  });

  it("ignores unknown values: all kinds, the inbox, no search", () => {
    const filters = inboxFiltersFrom({ soort: "toString", lopend: "1", weergave: "alles", zoek: "   " });
    expect(filters).toEqual({ ...noFilters, searchTyped: "   " });
    expect(isFiltered(filters)).toBe(false);
    expect(inboxQuery(filters)).toBe("");
    expect(inboxFiltersFrom({ soort: ["verzoeken", "besluiten"] }).kind).toBe("verzoeken");
  });

  it("keeps a search that is too long as typed, but does not search on it", () => {
    const typed = "a".repeat(MAX_SEARCH_LENGTH + 1);
    expect(inboxFiltersFrom({ zoek: typed })).toMatchObject({ search: null, searchTyped: typed, searchTooLong: true });
    expect(inboxFiltersFrom({ zoek: ` ${"b".repeat(MAX_SEARCH_LENGTH)} ` })).toMatchObject({ search: "b".repeat(MAX_SEARCH_LENGTH), searchTooLong: false });
  });

  it("takes LIKE wildcards in a search literally", () => {
    expect(containsPattern("50%_korting\\")).toBe("%50\\%\\_korting\\\\%");
    expect(containsPattern("gewoon")).toBe("%gewoon%");
  });
});
