import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { allFields, validateDefinition, type FormDefinition } from "@/lib/catalogue/forms/definition";
import { demoForms } from "./forms";

const folder = path.join(__dirname, "forms");
const files = readdirSync(folder).filter((f) => f.endsWith(".json"));

describe("demo forms (db/seed/forms/*.json)", () => {
  it("cover every demo product that takes a web form", () => {
    expect(files.map((f) => f.replace(/\.json$/, "")).sort()).toEqual(
      [
        "aanvulling-aanvraag",
        "bezwaar-maken",
        "bijzondere-bijstand",
        "evenementenvergunning",
        "ingebrekestelling",
        "klacht-indienen",
        "kwijtschelding-belastingen",
        "melding-openbare-ruimte",
        "omgevingsvergunning-kap",
        "parkeervergunning-bewoners",
        "verhuizing-doorgeven",
        "woo-verzoek",
        "zienswijze-ontwerpbesluit",
      ].sort(),
    );
    expect(Object.keys(demoForms).sort()).toEqual(files.map((f) => f.replace(/\.json$/, "")).sort());
  });

  it.each(files)("%s is a valid definition", (file) => {
    const result = validateDefinition(JSON.parse(readFileSync(path.join(folder, file), "utf8")));
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it("the bezwaar form asks what Awb 6:5 requires: name and address, the decision objected to, and the grounds", () => {
    const definition = demoForms["bezwaar-maken"] as FormDefinition;
    const kinds = new Map(allFields(definition).map(({ field }) => [field.id, field]));
    expect(kinds.get("naam")).toMatchObject({ kind: "text", prefill: "name" });
    expect(kinds.get("adres")).toMatchObject({ kind: "postcodeHouseNumber" });
    expect(kinds.get("adres")?.optional).toBeFalsy();
    expect(kinds.get("besluit")).toMatchObject({ kind: "text" });
    expect(kinds.get("besluitdatum")).toMatchObject({ kind: "date" });
    expect(kinds.get("gronden")).toMatchObject({ kind: "longText" });
    expect(kinds.get("gronden")?.optional).toBeFalsy();
    // The date of the objection is the day it is sent, and the login replaces the signature: the form says so.
    expect(definition.steps[0]!.intro?.nl).toMatch(/handtekening/);
  });
});
