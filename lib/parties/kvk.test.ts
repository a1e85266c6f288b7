import { describe, expect, it } from "vitest";
import { normaliseBranchNumber, normaliseKvkNumber } from "./kvk";

describe("KvK numbers", () => {
  it.each([
    ["12345678", "12345678"],
    ["1234 5678", "12345678"],
    ["12.34.56.78", "12345678"],
    ["1234567", null],
    ["123456789", null],
    ["1234567a", null],
    ["00000000", null],
  ])("%s -> %s", (input, expected) => {
    expect(normaliseKvkNumber(input)).toBe(expected);
  });

  it.each([
    ["000012345678", "000012345678"],
    ["0000 1234 5678", "000012345678"],
    ["12345678", null],
    ["000000000000", null],
  ])("branch %s -> %s", (input, expected) => {
    expect(normaliseBranchNumber(input)).toBe(expected);
  });
});
