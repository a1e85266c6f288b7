import { describe, expect, it } from "vitest";
import { amsterdamDate, designationProblem, designationsInForce, endProblem, isIsoDate, periodsOverlap } from "./designations";

const key = { productId: "p1", messageType: "aanvraag", channelId: "c1" };
const d = (validFrom: string, validTo: string | null, extra: Partial<typeof key> = {}) => ({ ...key, ...extra, validFrom, validTo });

describe("designationsInForce", () => {
  const list = [d("2026-01-01", null), d("2026-01-01", "2026-03-31"), d("2026-04-01", null), d("2027-01-01", "2027-12-31")];
  it.each([
    ["2025-12-31", []],
    ["2026-01-01", [0, 1]],
    ["2026-03-31", [0, 1]],
    ["2026-04-01", [0, 2]],
    ["2027-06-15", [0, 2, 3]],
    ["2028-01-01", [0, 2]],
  ])("on %s", (date, expected) => {
    expect(designationsInForce(list, date)).toEqual(expected.map((i) => list[i]));
  });
  it("a designation of one day is in force on that day only", () => {
    const one = [d("2026-05-05", "2026-05-05")];
    expect(designationsInForce(one, "2026-05-04")).toEqual([]);
    expect(designationsInForce(one, "2026-05-05")).toEqual(one);
    expect(designationsInForce(one, "2026-05-06")).toEqual([]);
  });
});

describe("periodsOverlap", () => {
  it.each([
    [d("2026-01-01", "2026-01-31"), d("2026-02-01", null), false],
    [d("2026-01-01", "2026-02-01"), d("2026-02-01", null), true],
    [d("2026-01-01", null), d("2030-01-01", null), true],
    [d("2026-03-01", null), d("2026-01-01", "2026-02-28"), false],
    [d("2026-03-01", "2026-03-10"), d("2026-01-01", "2026-12-31"), true],
  ])("%o and %o: %s", (a, b, expected) => {
    expect(periodsOverlap(a, b)).toBe(expected);
    expect(periodsOverlap(b, a)).toBe(expected);
  });
});

describe("designationProblem", () => {
  const existing = [d("2026-01-01", "2026-06-30"), d("2026-01-01", null, { channelId: "c2" }), d("2026-01-01", null, { messageType: "bezwaar" })];
  it("refuses one that ends before it starts", () => {
    expect(designationProblem(d("2026-05-01", "2026-04-30"), [])).toEqual({ kind: "ends-before-start" });
  });
  it("refuses an overlap with the same product, type and channel and names it", () => {
    expect(designationProblem(d("2026-06-30", null), existing)).toEqual({ kind: "overlap", with: existing[0] });
    expect(designationProblem(d("2025-01-01", "2026-01-01"), existing)).toEqual({ kind: "overlap", with: existing[0] });
  });
  it("allows a period right after, and the same period on another channel, type or product", () => {
    expect(designationProblem(d("2026-07-01", null), existing)).toBeNull();
    expect(designationProblem(d("2026-03-01", null, { channelId: "c3" }), existing)).toBeNull();
    expect(designationProblem(d("2026-03-01", null, { messageType: "klacht" }), existing)).toBeNull();
    expect(designationProblem(d("2026-03-01", null, { productId: "p2" }), existing)).toBeNull();
  });
  it("a one-day designation is fine", () => {
    expect(designationProblem(d("2026-08-01", "2026-08-01"), existing)).toBeNull();
  });
});

describe("endProblem", () => {
  it("refuses a last day before the start, and extending an end", () => {
    expect(endProblem(d("2026-05-01", null), "2026-04-30")).toBe("ends-before-start");
    expect(endProblem(d("2026-05-01", "2026-06-01"), "2026-06-01")).toBe("already-ended");
    expect(endProblem(d("2026-05-01", "2026-06-01"), "2026-07-01")).toBe("already-ended");
  });
  it("allows ending on the first day, or shortening", () => {
    expect(endProblem(d("2026-05-01", null), "2026-05-01")).toBeNull();
    expect(endProblem(d("2026-05-01", "2026-06-01"), "2026-05-15")).toBeNull();
  });
});

describe("dates", () => {
  it.each([
    ["2026-02-28", true],
    ["2028-02-29", true],
    ["2026-02-29", false],
    ["2026-13-01", false],
    ["26-01-01", false],
    ["2026-1-1", false],
    ["", false],
  ])("isIsoDate(%s) = %s", (value, expected) => expect(isIsoDate(value)).toBe(expected));
  it("today is the date in Amsterdam, not UTC", () => {
    expect(amsterdamDate(new Date("2026-06-30T22:30:00Z"))).toBe("2026-07-01");
    expect(amsterdamDate(new Date("2026-12-31T22:59:59Z"))).toBe("2026-12-31");
    expect(amsterdamDate(new Date("2026-12-31T23:00:00Z"))).toBe("2027-01-01");
  });
});
