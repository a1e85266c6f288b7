import { describe, expect, it } from "vitest";
import { decodeInboxCursor, encodeInboxCursor } from "./cursor";

describe("inbox cursor", () => {
  const cursor = { unread: 1 as const, placedAt: "2026-11-27T10:15:00.123456", id: "0b8e4b8e-2d4f-4c1e-9a55-1f0a9c3d2e11" };

  it("reads back what it wrote", () => {
    expect(decodeInboxCursor(encodeInboxCursor(cursor))).toEqual(cursor);
    expect(decodeInboxCursor(encodeInboxCursor({ ...cursor, unread: 0 }))).toEqual({ ...cursor, unread: 0 });
  });

  it.each([undefined, "", "2_2026-11-27T10:15:00_0b8e4b8e-2d4f-4c1e-9a55-1f0a9c3d2e11", "1_2026-13-45T10:15:00_0b8e4b8e-2d4f-4c1e-9a55-1f0a9c3d2e11", "1_2026-11-27T10:15:00_nope", "1_2026-02-30T10:15:00_0b8e4b8e-2d4f-4c1e-9a55-1f0a9c3d2e11", "1_2026-11-27T24:00:00_0b8e4b8e-2d4f-4c1e-9a55-1f0a9c3d2e11", "0_0000-01-01T00:00:00_0b8e4b8e-2d4f-4c1e-9a55-1f0a9c3d2e11", "1_2026-11-27T10:15:00_0b8e4b8e-2d4f-4c1e-9a55-1f0a9c3d2e11' or 1=1"])(
    "gives null for %j (the first page is shown)",
    (value) => {
      expect(decodeInboxCursor(value)).toBeNull();
    },
  );
});
