import { describe, expect, it } from "vitest";
import { displayDutchMobile, normaliseDutchMobile, normaliseEmail } from "./contact-rules";

describe("normaliseEmail", () => {
  it.each([
    ["inwoner@example.org", "inwoner@example.org"],
    ["  Inwoner@Example.ORG ", "inwoner@example.org"],
    ["j.de.vries+gemeente@mail.example.nl", "j.de.vries+gemeente@mail.example.nl"],
  ])("accepts %j as %j", (input, expected) => {
    expect(normaliseEmail(input)).toBe(expected);
  });

  it.each(["", "inwoner", "inwoner@", "@example.org", "in woner@example.org", "inwoner@example", `${"a".repeat(250)}@example.org`])("refuses %j", (input) => {
    expect(normaliseEmail(input)).toBeNull();
  });
});

describe("normaliseDutchMobile", () => {
  it.each([
    ["0612345678", "+31612345678"],
    ["06 12345678", "+31612345678"],
    ["06-1234 5678", "+31612345678"],
    ["+31 6 12345678", "+31612345678"],
    ["0031612345678", "+31612345678"],
    ["(06) 12 34 56 78", "+31612345678"],
  ])("accepts %j as %j", (input, expected) => {
    expect(normaliseDutchMobile(input)).toBe(expected);
  });

  it.each(["", "0201234567", "061234567", "06123456789", "+32612345678", "06abcdefgh", "+316"])("refuses %j", (input) => {
    expect(normaliseDutchMobile(input)).toBeNull();
  });

  it("shows a stored number the Dutch way", () => {
    expect(displayDutchMobile("+31612345678")).toBe("06 12345678");
  });
});
