import { describe, expect, it } from "vitest";
import { eidasLevel, meetsLevel, parseAssuranceLevel, type AssuranceLevel } from "./levels";

describe("assurance levels (R28)", () => {
  it.each([
    ["basis", "low"],
    ["midden", "low"],
    ["substantieel", "substantial"],
    ["hoog", "high"],
    ["eh2", "low"],
    ["eh2+", "low"],
    ["eh3", "substantial"],
    ["eh4", "high"],
  ] as [AssuranceLevel, string][])("%s maps to eIDAS %s", (level, eidas) => {
    expect(eidasLevel(level)).toBe(eidas);
  });

  it.each([
    ["basis", "basis", true],
    ["midden", "basis", true],
    ["basis", "midden", false],
    ["substantieel", "midden", true],
    ["midden", "substantieel", false],
    ["hoog", "substantieel", true],
    ["eh3", "eh2+", true],
    ["eh2", "eh2+", false],
    ["eh4", "eh3", true],
  ] as [AssuranceLevel, AssuranceLevel, boolean][])("a login at %s meets %s: %s", (reached, required, expected) => {
    expect(meetsLevel(reached, required)).toBe(expected);
  });

  it.each([
    ["Midden", "digid", "midden"],
    ["urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport", "digid", "basis"],
    ["urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract", "digid", "midden"],
    ["urn:oasis:names:tc:SAML:2.0:ac:classes:Smartcard", "digid", "substantieel"],
    ["urn:oasis:names:tc:SAML:2.0:ac:classes:SmartcardPKI", "digid", "hoog"],
    ["EH3", "eherkenning", "eh3"],
    ["urn:etoegang:core:assurance-class:loa2plus", "eherkenning", "eh2+"],
    ["http://eidas.europa.eu/LoA/loa4", "eherkenning", "eh4"],
  ] as const)("reads %s from a %s broker as %s", (raw, kind, expected) => {
    expect(parseAssuranceLevel(raw, kind)).toBe(expected);
  });

  it("refuses what it does not recognise", () => {
    expect(parseAssuranceLevel("gold", "digid")).toBeNull();
    expect(parseAssuranceLevel(undefined, "digid")).toBeNull();
    expect(parseAssuranceLevel("EH9", "eherkenning")).toBeNull();
  });
});
