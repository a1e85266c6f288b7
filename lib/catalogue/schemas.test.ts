import { describe, expect, it } from "vitest";
import { messageTypesFrom, newProductInput, productFormValues, productInput, productValues } from "./schemas";

const valid = {
  "naam-nl": "Parkeervergunning",
  "naam-en": "Parking permit",
  "samenvatting-nl": "Vraag een vergunning aan.",
  "samenvatting-en": "Apply for a permit.",
  onderwerp: "wonen",
  doelgroep: "residents",
  "niveau-inwoners": "midden",
  "niveau-bedrijven": "eh3",
  "termijn-aantal": "8",
  "termijn-eenheid": "weeks",
  "termijn-soort": "default",
  atw: "ja",
  ontvangst: "portal-and-email",
  "type-aanvraag": "ja",
  "officieel-aanvraag": "ja",
  "type-melding": "ja",
};

function errors(input: Record<string, string>) {
  const result = productInput.safeParse(input);
  return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [i.path.join("."), i.message]));
}

describe("productInput", () => {
  it("turns the form into the stored fields; a level for an audience not served is dropped", () => {
    const input = productInput.parse(valid);
    expect(productValues(input)).toMatchObject({ audience: "residents", residentLevel: "midden", businessLevel: null, decisionTermAmount: 8, decisionTermUnit: "weeks", atwApplies: true, copyGiven: false, descriptionNl: null, sortOrder: 0 });
    expect(messageTypesFrom(input)).toEqual([
      { messageType: "aanvraag", official: true },
      { messageType: "melding", official: false },
    ]);
  });
  it("an empty term amount means no term, whatever the unit says", () => {
    expect(productValues(productInput.parse({ ...valid, "termijn-aantal": "" }))).toMatchObject({ decisionTermAmount: null, decisionTermUnit: null, decisionTermKind: null });
  });
  it.each([
    [{ "termijn-aantal": "acht" }, "termijn-aantal", "catalogue.errors.termAmount"],
    [{ "termijn-eenheid": "" }, "termijn-eenheid", "catalogue.errors.termUnit"],
    [{ "type-aanvraag": "" }, "type-aanvraag", "catalogue.errors.officialWithoutType"],
    [{ "naam-nl": "  " }, "naam-nl", "fieldErrors.required"],
    [{ onderwerp: "paspoort" }, "onderwerp", "fieldErrors.chooseOne"],
    [{ volgorde: "-1" }, "volgorde", "catalogue.errors.sortOrder"],
  ])("refuses %o with a message on %s", (change, field, message) => {
    const input: Record<string, string> = { ...valid, ...change };
    for (const [k, v] of Object.entries(input)) if (v === "") delete input[k];
    expect(errors(input)[field]).toBe(message);
  });
  it("needs at least one message type", () => {
    const { "type-aanvraag": _a, "officieel-aanvraag": _b, "type-melding": _c, ...none } = valid;
    expect(errors(none).berichttypen).toBe("catalogue.errors.noMessageType");
  });
  it("a new product needs a web address of lower-case words and hyphens", () => {
    expect(newProductInput.safeParse({ ...valid, slug: "Parkeren Nu" }).success).toBe(false);
    expect(newProductInput.safeParse({ ...valid, slug: "parkeren-nu" }).success).toBe(true);
  });
  it("the form values of a stored product parse back to the same product", () => {
    const input = productInput.parse(valid);
    const values = productFormValues({ ...productValues(input), slug: "parkeren" }, messageTypesFrom(input));
    expect(productValues(productInput.parse(values))).toEqual(productValues(input));
  });
});
