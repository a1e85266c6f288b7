import { describe, expect, it } from "vitest";
import { format, formatDate, isLocale, locales, messagesFor } from "./index";
import { en } from "./messages/en";
import { nl } from "./messages/nl";

/** Every leaf of a message catalogue as [dotted key, value]. */
function leaves(node: unknown, prefix = ""): [string, unknown][] {
  if (node !== null && typeof node === "object" && !Array.isArray(node)) {
    return Object.entries(node).flatMap(([key, value]) => leaves(value, prefix ? `${prefix}.${key}` : key));
  }
  return [[prefix, node]];
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("message catalogues", () => {
  const nlLeaves = new Map(leaves(nl));
  const enLeaves = new Map(leaves(en));

  it("has texts at all", () => {
    expect(nlLeaves.size).toBeGreaterThan(20);
  });

  it("nl and en have exactly the same keys, at every depth", () => {
    const nlKeys = [...nlLeaves.keys()].sort();
    const enKeys = [...enLeaves.keys()].sort();
    expect({ onlyInNl: nlKeys.filter((k) => !enLeaves.has(k)), onlyInEn: enKeys.filter((k) => !nlLeaves.has(k)) }).toEqual({ onlyInNl: [], onlyInEn: [] });
  });

  it.each([
    ["nl", nlLeaves],
    ["en", enLeaves],
  ])("%s has only non-empty strings", (_locale, catalogue) => {
    const bad = [...catalogue].filter(([, value]) => typeof value !== "string" || value.trim() === "").map(([key]) => key);
    expect(bad).toEqual([]);
  });

  it("uses the same placeholders in both languages", () => {
    const mismatched = [...nlLeaves]
      .filter(([key, value]) => typeof value === "string" && typeof enLeaves.get(key) === "string")
      .filter(([key, value]) => placeholders(value as string).join() !== placeholders(enLeaves.get(key) as string).join())
      .map(([key]) => key);
    expect(mismatched).toEqual([]);
  });

  it("serves each locale its own catalogue", () => {
    expect(locales).toEqual(["nl", "en"]);
    expect(messagesFor("nl")).toBe(nl);
    expect(messagesFor("en")).toBe(en);
    expect(isLocale("en")).toBe(true);
    expect(isLocale("de")).toBe(false);
    expect(isLocale(undefined)).toBe(false);
  });
});

describe("format", () => {
  it.each([
    ["Bel {phone}", { phone: "14 0123" }, "Bel 14 0123"],
    ["{a} en {b} en {a}", { a: "x", b: 2 }, "x en 2 en x"],
    ["{municipality}: naar de startpagina", { municipality: "Gemeente Voorbeeldstad" }, "Gemeente Voorbeeldstad: naar de startpagina"],
    ["geen placeholders", { a: "x" }, "geen placeholders"],
    ["{missing} blijft zichtbaar", {}, "{missing} blijft zichtbaar"],
    ["{count} berichten", { count: 0 }, "0 berichten"],
  ])("fills %j", (template, values, expected) => {
    expect(format(template, values)).toBe(expected);
  });

  it("fills a real catalogue text", () => {
    expect(format(nl.footer.phone, { phone: "14 0123" })).toBe("Bel 14 0123");
    expect(format(en.footer.phone, { phone: "14 0123" })).toBe("Call 14 0123");
  });

  it("does not read placeholders from the object prototype", () => {
    expect(format("{toString}", {})).toBe("{toString}");
  });
});

describe("formatDate", () => {
  it("writes dates in Europe/Amsterdam as residents read them", () => {
    // 23:30 UTC on 27 November is already 28 November in Amsterdam.
    const date = new Date("2026-11-27T23:30:00Z");
    expect(formatDate(date, "nl")).toBe("28 november 2026");
    expect(formatDate(date, "en")).toBe("28 November 2026");
  });
});
