import { describe, expect, it } from "vitest";
import { messageTypesSnapshot, productChangeDiff } from "./history";

describe("productChangeDiff", () => {
  it("keeps only the fields that changed, before and after", () => {
    expect(productChangeDiff({ nameNl: "A", topic: "wonen", uplName: null }, { nameNl: "B", topic: "wonen", uplName: "Kapvergunning" })).toEqual({
      before: { nameNl: "A", uplName: null },
      after: { nameNl: "B", uplName: "Kapvergunning" },
    });
  });
  it("compares arrays by value and treats missing as null", () => {
    expect(productChangeDiff({ types: ["aanvraag (2:13)"], x: null }, { types: ["aanvraag (2:13)"] })).toEqual({ before: {}, after: {} });
    expect(productChangeDiff({ types: ["aanvraag (2:13)"] }, { types: ["aanvraag (2:13)", "bezwaar (2:13)"] }).after).toEqual({ types: ["aanvraag (2:13)", "bezwaar (2:13)"] });
  });
});

describe("messageTypesSnapshot", () => {
  it("sorts and marks official or not", () => {
    expect(messageTypesSnapshot([{ messageType: "melding", official: false }, { messageType: "aanvraag", official: true }])).toEqual(["aanvraag (2:13)", "melding (2:14)"]);
  });
});
