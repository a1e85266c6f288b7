import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { bsnLookupHash, decryptBsn, encryptBsn, maskBsn } from "./bsn-protection";

const key = randomBytes(32).toString("base64");
const otherKey = randomBytes(32).toString("base64");

describe("BSN at rest (R30)", () => {
  it("encrypts so that the ciphertext does not contain the BSN and decrypts back", () => {
    const sealed = encryptBsn("123456782", key);
    expect(sealed).not.toContain("123456782");
    expect(decryptBsn(sealed, key)).toBe("123456782");
  });

  it("gives a different ciphertext each time", () => {
    expect(encryptBsn("123456782", key)).not.toBe(encryptBsn("123456782", key));
  });

  it("refuses a tampered ciphertext and a wrong key", () => {
    const sealed = encryptBsn("999996708", key);
    const parts = sealed.split(".");
    const flipped = parts[3]!.startsWith("A") ? "B" + parts[3]!.slice(1) : "A" + parts[3]!.slice(1);
    expect(() => decryptBsn([parts[0], parts[1], parts[2], flipped].join("."), key)).toThrow();
    expect(() => decryptBsn(sealed, otherKey)).toThrow();
  });

  it("hashes equal BSNs equally, normalised, and differently under another key", () => {
    expect(bsnLookupHash("123456782", key)).toBe(bsnLookupHash("1234 56 782", key));
    expect(bsnLookupHash("123456782", key)).not.toBe(bsnLookupHash("999996708", key));
    expect(bsnLookupHash("123456782", key)).not.toBe(bsnLookupHash("123456782", otherKey));
    expect(bsnLookupHash("123456782", key)).not.toContain("123456782");
  });

  it("refuses to store an invalid BSN", () => {
    expect(() => encryptBsn("999998620", key)).toThrow("Not a valid BSN");
    expect(() => bsnLookupHash("000000000", key)).toThrow("Not a valid BSN");
  });

  it("masks all but the last three digits", () => {
    expect(maskBsn("123456782")).toBe("••••••782");
  });
});
