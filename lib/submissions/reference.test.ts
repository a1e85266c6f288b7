import { describe, expect, it } from "vitest";
import { formatReference, parseReference } from "./reference";

describe("references", () => {
  it.each([
    ["bezwaar", 2026, 123, "BZ-2026-000123"],
    ["aanvraag", 2027, 1, "AV-2027-000001"],
    ["klacht", 2026, 1_234_567, "KL-2026-1234567"],
  ] as const)("%s %i no. %i is %s", (type, year, n, expected) => {
    expect(formatReference(type, year, n)).toBe(expected);
  });

  it("refuses a number below 1", () => {
    expect(() => formatReference("bezwaar", 2026, 0)).toThrow(RangeError);
  });

  it.each([
    ["BZ-2026-000123", "BZ-2026-000123"],
    [" bz-2026-000123 ", "BZ-2026-000123"],
    ["BZ2026000123", "BZ-2026-000123"],
    ["bz 2026 000123", "BZ-2026-000123"],
    ["KL-2026-1234567", "KL-2026-1234567"],
  ])("reads %j as %s", (input, expected) => {
    expect(parseReference(input)?.reference).toBe(expected);
  });

  it.each(["", "BZ-2026-12", "XX-2026-000123", "BZ-2026-000000", "999996708", "BZ-26-000123"])("refuses %j", (input) => {
    expect(parseReference(input)).toBeNull();
  });
});
