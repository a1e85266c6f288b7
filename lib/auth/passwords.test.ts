import { describe, expect, it } from "vitest";
import { hashPassword, passwordProblem, verifyPassword } from "./passwords";

describe("staff passwords", () => {
  it("verifies the right password and refuses a wrong one", async () => {
    const stored = await hashPassword("correct horse battery staple");
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(stored).not.toContain("correct horse");
    expect(await verifyPassword("correct horse battery staple", stored)).toBe(true);
    expect(await verifyPassword("correct horse battery stapl", stored)).toBe(false);
  });

  it("salts: the same password hashes differently", async () => {
    expect(await hashPassword("een lang wachtwoord")).not.toBe(await hashPassword("een lang wachtwoord"));
  });

  it("refuses a malformed stored hash without throwing", async () => {
    expect(await verifyPassword("whatever", "plain-text")).toBe(false);
  });

  it.each([
    ["kort", "too-short"],
    ["elf tekens.", "too-short"],
    ["twaalf teken", null],
    ["x".repeat(257), "too-long"],
  ])("%s -> %s", (password, problem) => {
    expect(passwordProblem(password)).toBe(problem);
  });
});
