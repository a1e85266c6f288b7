import { describe, expect, it } from "vitest";
import { parseAmountInput, parseDateInput, readApiQuery, readCalculatorForm } from "./input";

describe("reading a typed date", () => {
  it.each([
    ["2026-04-15", "2026-04-15"],
    ["15-4-2026", "2026-04-15"],
    ["15/04/2026", "2026-04-15"],
    ["15.4.2026", "2026-04-15"],
    [" 1 - 1 - 2027 ", "2027-01-01"],
    ["2026-4-5", "2026-04-05"],
  ])("%j is %s", (raw, date) => {
    expect(parseDateInput(raw)).toEqual({ ok: true, date });
  });

  it.each([
    ["", "dateMissing"],
    ["   ", "dateMissing"],
    ["morgen", "dateFormat"],
    ["15-04-26", "dateFormat"],
    ["2026/04/15", "dateFormat"],
    ["31-2-2026", "dateNotExist"],
    ["2026-13-01", "dateNotExist"],
    ["29-2-2027", "dateNotExist"],
    ["1-1-2013", "dateOutOfRange"],
    ["1-1-2101", "dateOutOfRange"],
  ])("%j is refused: %s", (raw, code) => {
    expect(parseDateInput(raw)).toEqual({ ok: false, code });
  });
});

describe("reading a typed amount", () => {
  it.each([
    ["6", { ok: true, amount: 6 }],
    [" 14 ", { ok: true, amount: 14 }],
    ["", { ok: false, code: "amountMissing" }],
    ["zes", { ok: false, code: "amountNotNumber" }],
    ["1.5", { ok: false, code: "amountNotNumber" }],
    ["-3", { ok: false, code: "amountNotNumber" }],
    ["0", { ok: false, code: "amountOutOfRange" }],
    ["1000", { ok: false, code: "amountOutOfRange" }],
  ])("%j", (raw, expected) => {
    expect(parseAmountInput(raw)).toEqual(expected);
  });
});

describe("the calculator form", () => {
  it("defaults to 6 weeks", () => {
    expect(readCalculatorForm({ datum: "2026-04-02" })).toEqual({ ok: true, term: { event: "2026-04-02", amount: 6, unit: "weeks" } });
  });
  it("reads days and months", () => {
    expect(readCalculatorForm({ datum: "2-4-2026", aantal: "14", eenheid: "dagen" })).toEqual({ ok: true, term: { event: "2026-04-02", amount: 14, unit: "days" } });
    expect(readCalculatorForm({ datum: "2-4-2026", aantal: "1", eenheid: "maanden" })).toEqual({ ok: true, term: { event: "2026-04-02", amount: 1, unit: "months" } });
  });
  it("gives every error at once, per field", () => {
    expect(readCalculatorForm({ datum: "31-2-2026", aantal: "nul", eenheid: "jaren" })).toEqual({
      ok: false,
      errors: [
        { field: "datum", code: "dateNotExist" },
        { field: "aantal", code: "amountNotNumber" },
        { field: "eenheid", code: "unitInvalid" },
      ],
    });
  });
});

describe("the API query", () => {
  const read = (query: string) => readApiQuery(new URLSearchParams(query));
  it("reads start with weeks, days or months", () => {
    expect(read("start=2026-04-02&weken=6")).toEqual({ ok: true, term: { event: "2026-04-02", amount: 6, unit: "weeks" } });
    expect(read("start=2026-04-02&dagen=14")).toEqual({ ok: true, term: { event: "2026-04-02", amount: 14, unit: "days" } });
    expect(read("start=2026-04-02&maanden=3")).toEqual({ ok: true, term: { event: "2026-04-02", amount: 3, unit: "months" } });
  });
  it.each([
    ["weken=6", { field: "start", code: "dateMissing" }],
    ["start=2026-02-30&weken=6", { field: "start", code: "dateNotExist" }],
    ["start=gisteren&weken=6", { field: "start", code: "dateFormat" }],
    ["start=2026-04-02", { field: "weken", code: "termMissing" }],
    ["start=2026-04-02&weken=6&dagen=3", { field: "weken", code: "termAmbiguous" }],
    ["start=2026-04-02&weken=", { field: "weken", code: "amountMissing" }],
    ["start=2026-04-02&maanden=0", { field: "maanden", code: "amountOutOfRange" }],
  ])("%s is refused", (query, error) => {
    expect(read(query)).toEqual({ ok: false, error });
  });
});
