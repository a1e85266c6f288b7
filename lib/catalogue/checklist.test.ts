import { describe, expect, it } from "vitest";
import { checklistGaps, countGaps, levelAboveProduct, type ChecklistFacts } from "./checklist";

const complete: ChecklistFacts = {
  descriptionNl: "U vraagt een vergunning aan.",
  residentLevel: "midden",
  businessLevel: "eh3",
  decisionTermAmount: 8,
  messageTypes: [
    { messageType: "aanvraag", official: true },
    { messageType: "melding", official: false },
  ],
  designationsInForce: [{ messageType: "aanvraag", channelName: "Webformulier", conditionLevel: "midden" }],
  formHasFreeTextAndAttachments: "none",
};

describe("checklistGaps", () => {
  it("a complete product has no gaps; a non-official type needs no designation; a product without a portal form has no form gap", () => {
    expect(checklistGaps(complete)).toEqual([]);
  });
  it("finds each kind of gap", () => {
    const gaps = checklistGaps({
      ...complete,
      descriptionNl: "  ",
      decisionTermAmount: null,
      messageTypes: [...complete.messageTypes, { messageType: "bezwaar", official: true }],
      designationsInForce: [{ messageType: "aanvraag", channelName: "Webformulier", conditionLevel: "substantieel" }],
      formHasFreeTextAndAttachments: "no",
    });
    expect(gaps).toEqual([
      { kind: "no-designation", messageType: "bezwaar" },
      { kind: "form-without-free-text" },
      { kind: "level-above-product", messageType: "aanvraag", channelName: "Webformulier", level: "substantieel" },
      { kind: "no-decision-term" },
      { kind: "no-description" },
    ]);
  });
  it("no decision term is no gap for a product without official message types", () => {
    expect(checklistGaps({ ...complete, decisionTermAmount: null, messageTypes: [{ messageType: "melding", official: false }], designationsInForce: [] })).toEqual([]);
  });
});

describe("levelAboveProduct", () => {
  it.each([
    ["basis", "midden", "eh3", false],
    ["midden", "midden", "eh3", false],
    ["substantieel", "midden", "eh3", true],
    ["basis", null, "eh3", true],
    ["eh3", "midden", "eh3", false],
    ["eh4", "midden", "eh3", true],
    ["eh2", "midden", null, true],
    [null, null, null, false],
    ["onbekend", null, null, false],
  ] as const)("condition %s, product %s / %s: %s", (condition, residentLevel, businessLevel, expected) => {
    expect(levelAboveProduct(condition, { residentLevel, businessLevel })).toBe(expected);
  });
});

describe("countGaps", () => {
  it("counts products per kind", () => {
    expect(countGaps([[{ kind: "no-description" }, { kind: "no-designation", messageType: "aanvraag" }, { kind: "no-designation", messageType: "bezwaar" }], [{ kind: "no-description" }], []])).toEqual({
      "no-designation": 1,
      "form-without-free-text": 0,
      "level-above-product": 0,
      "no-decision-term": 0,
      "no-description": 2,
    });
  });
});

describe("formCheckOf", () => {
  it("tells a product without a published form, a form with free text and attachments, and one without", async () => {
    const { formCheckOf } = await import("./checklist");
    const bezwaar = (await import("@/db/seed/forms/bezwaar-maken.json")).default;
    expect(formCheckOf(null)).toBe("none");
    expect(formCheckOf(bezwaar)).toBe("yes");
    const withoutFiles = structuredClone(bezwaar) as { steps: { fields: { kind: string }[] }[] };
    const last = withoutFiles.steps.at(-1)!;
    last.fields = last.fields.filter((f) => f.kind !== "file");
    expect(formCheckOf(withoutFiles)).toBe("no");
  });
});
