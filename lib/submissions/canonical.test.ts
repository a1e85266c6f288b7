import { describe, expect, it } from "vitest";
import { canonicalJson, submissionHash } from "./canonical";

describe("canonicalJson", () => {
  it("sorts keys at every level and leaves undefined out", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: undefined, x: "é" }], c: null } })).toBe('{"a":{"c":null,"d":[3,{"x":"é","z":1}]},"b":1}');
  });
  it("writes dates as ISO strings in UTC", () => {
    expect(canonicalJson({ ontvangen: new Date("2026-11-28T10:00:00+01:00") })).toBe('{"ontvangen":"2026-11-28T09:00:00.000Z"}');
  });
  it("refuses what JSON cannot hold faithfully", () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(TypeError);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(TypeError);
    expect(() => canonicalJson({ b: 1n })).toThrow(TypeError);
  });
});

describe("submissionHash", () => {
  it("is the same for the same content in any key order, and differs when one character differs", () => {
    const a = submissionHash({ antwoorden: { naam: "Jansen", gronden: "Te laat" }, bijlagen: [{ sha256: "ab" }] });
    const b = submissionHash({ bijlagen: [{ sha256: "ab" }], antwoorden: { gronden: "Te laat", naam: "Jansen" } });
    expect(a).toBe(b);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(submissionHash({ antwoorden: { naam: "Jansen", gronden: "Te laat." }, bijlagen: [{ sha256: "ab" }] })).not.toBe(a);
  });
  it("depends on the order of a list (attachments keep their order)", () => {
    expect(submissionHash([1, 2])).not.toBe(submissionHash([2, 1]));
  });
});
