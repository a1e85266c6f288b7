import { describe, expect, it } from "vitest";
import { objectionPrefill } from "./objection";
import { parseReplyAction } from "./flow";

describe("objectionPrefill", () => {
  it("fills in the decision's subject, the case number and the day it was placed in Amsterdam", () => {
    const prefill = objectionPrefill({
      message: { id: "m", kind: "decision", subject: "Besluit op uw aanvraag parkeervergunning", placedAt: new Date("2026-11-30T23:30:00Z"), termEndsOn: "2027-01-12" },
      caseRow: { id: "c", reference: "AV-2026-000012", status: "decided" },
    });
    expect(prefill).toEqual({ besluit: "Besluit op uw aanvraag parkeervergunning", kenmerk: "AV-2026-000012", besluitdatum: "2026-12-01" });
  });

  it("cuts a long subject to what the bezwaar form takes", () => {
    const prefill = objectionPrefill({ message: { id: "m", kind: "decision", subject: "x".repeat(400), placedAt: new Date(), termEndsOn: null }, caseRow: { id: "c", reference: "R", status: "decided" } });
    expect(prefill.besluit).toHaveLength(300);
  });
});

describe("parseReplyAction", () => {
  it("reads the buttons; anything else sends", () => {
    expect(parseReplyAction("bijlagen")).toEqual({ kind: "upload" });
    expect(parseReplyAction("verwijder:0b6f3c2e-8f0a-4f57-9d3c-2a1b0c9d8e7f")).toEqual({ kind: "remove", attachmentId: "0b6f3c2e-8f0a-4f57-9d3c-2a1b0c9d8e7f" });
    expect(parseReplyAction("verwijder:../../etc")).toEqual({ kind: "send" });
    expect(parseReplyAction(undefined)).toEqual({ kind: "send" });
  });
});
