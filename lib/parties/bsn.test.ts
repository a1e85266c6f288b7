import { describe, expect, it } from "vitest";
import { isValidBsn, normaliseBsn } from "./bsn";

describe("BSN elfproef (R30)", () => {
  it.each([
    ["123456782", "the textbook example"],
    ["999996708", "a test BSN of the Dutch government"],
    ["111222333", "another number that passes the elfproef"],
    ["1234 56 782", "written with spaces"],
    ["1234.56.782", "written with dots"],
    ["123-456-782", "written with dashes"],
    ["12345672", "eight digits (legacy), read with a leading zero"],
  ])("accepts %s (%s)", (input) => {
    expect(isValidBsn(input)).toBe(true);
  });

  it.each([
    ["999998620", "fails the elfproef"],
    ["123456789", "fails the elfproef"],
    ["123456783", "last digit off by one"],
    ["000000000", "all zeros passes the sum but is refused"],
    ["00000000", "eight zeros, padded to all zeros"],
    ["1234567", "seven digits"],
    ["1234567820", "ten digits"],
    ["", "empty"],
    ["12345678a", "a letter"],
    ["abcdefghi", "only letters"],
    ["+123456782", "a sign"],
    ["１２３４５６７８２", "full-width digits"],
  ])("refuses %s (%s)", (input) => {
    expect(isValidBsn(input)).toBe(false);
  });

  it.each([
    ["123456782", "123456782"],
    [" 123 456 782 ", "123456782"],
    ["12345672", "012345672"],
    ["1234567", null],
    ["1234567890", null],
    ["12345678x", null],
  ])("normalises %j to %j", (input, expected) => {
    expect(normaliseBsn(input)).toBe(expected);
  });

  it("pads an eight-digit legacy number before the elfproef, not after", () => {
    // 12345672 as 9 digits is 012345672: 0*9 + 1*8 + 2*7 + 3*6 + 4*5 + 5*4 + 6*3 + 7*2 - 2 = 110 = 10 * 11.
    expect(isValidBsn("12345672")).toBe(true);
    // Padding at the end instead (123456720) would fail the elfproef.
    expect(isValidBsn("123456720")).toBe(false);
  });
});
