import { describe, expect, it } from "vitest";
import { fallbackLetterDocument } from "./letter";

const letter = {
  municipality: { name: "Gemeente Voorbeeldstad", counterAddress: "Stadhuisplein 1, 1234 AB Voorbeeldstad", phone: "14 0123" },
  publicUrl: "https://mijn.voorbeeldstad.nl",
  postalAddress: "De bewoner\r\nDorpsstraat 1\n\n1234 AB  Voorbeeldstad ",
  date: new Date("2026-11-28T10:00:00Z"),
  terms: [{ kind: "decision" as const, termEndsOn: "2027-01-11" }],
};

describe("fallbackLetterDocument", () => {
  it("puts the typed address in the window, lists the terms, and says how to fix delivery and get help", () => {
    const spec = fallbackLetterDocument(letter, "nl");
    expect(spec.address).toEqual(["De bewoner", "Dorpsstraat 1", "1234 AB  Voorbeeldstad"]);
    const text = JSON.stringify(spec.blocks);
    expect(text).toContain("11 januari 2027");
    expect(text).toContain("https://mijn.voorbeeldstad.nl/mijn/instellingen");
    expect(text).toContain("14 0123");
    expect(text).toContain("28 november 2026");
  });

  it("leaves the terms out when none is running", () => {
    const spec = fallbackLetterDocument({ ...letter, terms: [] }, "en");
    expect(JSON.stringify(spec.blocks)).not.toContain("2027");
    expect(spec.language).toBe("en");
  });
});
