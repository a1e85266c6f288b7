import { describe, expect, it } from "vitest";
import { designationInput, parseFileTypes } from "./schemas";

const valid = {
  product: "6f1c2a4e-1d2b-4c3d-8e9f-0a1b2c3d4e5f",
  berichttype: "bezwaar",
  kanaal: "7a1c2a4e-1d2b-4c3d-8e9f-0a1b2c3d4e5f",
  "geldig-vanaf": "2026-01-01",
  "geldig-tot": "",
  "besluit-titel": "Besluit elektronisch verkeer 2026",
  "besluit-datum": "2025-12-16",
  "besluit-link": "",
  niveau: "geen",
  "max-mb": "",
  bestandstypen: "",
};

function errors(input: Record<string, string>) {
  const result = designationInput.safeParse(input);
  return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [i.path.join("."), i.message]));
}

describe("designationInput", () => {
  it("accepts a designation until further notice, without files", () => {
    expect(designationInput.parse(valid)).toMatchObject({ "geldig-tot": null, "besluit-link": null, "max-mb": null, bestandstypen: [] });
  });
  it.each([
    [{ "geldig-tot": "2025-12-31" }, "geldig-tot", "channels.errors.endsBeforeStart"],
    [{ "geldig-vanaf": "2026-02-30" }, "geldig-vanaf", "channels.errors.date"],
    [{ "geldig-vanaf": "" }, "geldig-vanaf", "fieldErrors.required"],
    [{ "besluit-link": "gemeenteblad" }, "besluit-link", "channels.errors.url"],
    [{ "max-mb": "tien" }, "max-mb", "channels.errors.maxSize"],
    [{ "max-mb": "0" }, "max-mb", "channels.errors.maxSize"],
    [{ bestandstypen: "pdf, *.exe" }, "bestandstypen", "channels.errors.fileTypes"],
    [{ niveau: "eh5" }, "niveau", "fieldErrors.chooseOne"],
    [{ berichttype: "brief" }, "berichttype", "fieldErrors.chooseOne"],
  ])("refuses %o with a message on %s", (change, field, message) => {
    expect(errors({ ...valid, ...change })[field]).toBe(message);
  });
  it("a one-day designation is fine", () => {
    expect(designationInput.safeParse({ ...valid, "geldig-tot": "2026-01-01" }).success).toBe(true);
  });
});

describe("parseFileTypes", () => {
  it.each([
    ["pdf, JPG; .png  pdf", ["pdf", "jpg", "png"]],
    ["", []],
    ["   ", []],
    ["pdf, ../x", null],
  ])("%s", (raw, expected) => expect(parseFileTypes(raw)).toEqual(expected));
});
