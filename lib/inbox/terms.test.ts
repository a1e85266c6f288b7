import { describe, expect, it } from "vitest";
import { knownEquatedDays } from "../deadlines/known-equated-days";
import { messageTerm, requestTermProblem, type RequestTerm } from "./terms";

const equated = knownEquatedDays;
/** Noon in Amsterdam on a date (CET or CEST: 10:00 or 11:00 UTC are both that day). */
const at = (date: string) => new Date(`${date}T10:00:00Z`);

describe("the objection term of a besluit (six weeks from the day after placing)", () => {
  it.each([
    ["2026-09-01", "2026-10-13", "Tuesday: a working day, no move"],
    ["2026-03-07", "2026-04-20", "Saturday 18 April -> Monday"],
    ["2026-03-08", "2026-04-20", "Sunday 19 April -> Monday"],
    ["2026-03-16", "2026-04-28", "King's Day, Monday 27 April 2026 -> Tuesday"],
    ["2027-03-25", "2027-05-10", "Ascension Day 6 May 2027, 7 May equated, weekend -> Monday"],
    ["2026-11-20", "2027-01-04", "New Year's Day 2027 (Friday), weekend -> Monday"],
  ])("placed on %s ends on %s (%s)", (placed, end) => {
    const term = messageTerm({ kind: "decision" }, at(placed), equated)!;
    expect(term.placedOn).toBe(placed);
    expect(term.endsOn).toBe(end);
    expect(term.result?.term).toEqual({ amount: 6, unit: "weeks" });
  });

  it("explains a move past a holiday in Dutch and English", () => {
    const term = messageTerm({ kind: "decision" }, at("2026-03-16"), equated)!;
    expect(term.explanation.nl).toContain("Koningsdag");
    expect(term.explanation.nl).toContain("dinsdag 28 april 2026");
    expect(term.explanation.en).toContain("Tuesday 28 April 2026");
  });

  it("counts from the day in Amsterdam: 23:30 UTC on 15 March is already 16 March", () => {
    const term = messageTerm({ kind: "decision" }, new Date("2026-03-15T23:30:00Z"), equated)!;
    expect(term.placedOn).toBe("2026-03-16");
    expect(term.endsOn).toBe("2026-04-28");
  });

  it("without the equated day, Ascension Day 2027 moves only to Friday 7 May", () => {
    expect(messageTerm({ kind: "decision" }, at("2027-03-25"), [])!.endsOn).toBe("2027-05-07");
  });
});

describe("the term of an information request", () => {
  it.each<[string, RequestTerm, string]>([
    ["2026-09-01", { amount: 14, unit: "days" }, "2026-09-15"],
    ["2026-09-01", { amount: 2, unit: "weeks" }, "2026-09-15"],
    ["2026-09-04", { amount: 1, unit: "days" }, "2026-09-07"], // Friday + 1 = Saturday -> Monday
    ["2026-09-02", { amount: 4, unit: "days" }, "2026-09-07"], // Sunday -> Monday
    ["2026-04-22", { amount: 5, unit: "days" }, "2026-04-28"], // Monday 27 April, King's Day -> Tuesday
    ["2026-04-30", { amount: 2, unit: "weeks" }, "2026-05-18"], // Thursday 14 May Ascension, 15 May equated, weekend -> Monday
  ])("placed on %s with %o ends on %s", (placed, term, end) => {
    expect(messageTerm({ kind: "information-request", term }, at(placed), equated)!.endsOn).toBe(end);
  });

  it("a term over 90 days is outside the Atw (art. 4) and does not move", () => {
    // 2026-03-07 + 182 days = Saturday 5 September 2026.
    const term = messageTerm({ kind: "information-request", term: { amount: 182, unit: "days" } }, at("2026-03-07"), equated)!;
    expect(term.endsOn).toBe("2026-09-05");
    expect(term.result?.atwApplies).toBe(false);
  });

  it("a last day the handler picks stays, or moves past a weekend or holiday", () => {
    expect(messageTerm({ kind: "information-request", term: { endsOn: "2026-09-15" } }, at("2026-09-01"), equated)!.endsOn).toBe("2026-09-15");
    expect(messageTerm({ kind: "information-request", term: { endsOn: "2026-09-13" } }, at("2026-09-01"), equated)!.endsOn).toBe("2026-09-14");
    const ascension = messageTerm({ kind: "information-request", term: { endsOn: "2027-05-06" } }, at("2027-04-01"), equated)!;
    expect(ascension.endsOn).toBe("2027-05-10");
    expect(ascension.explanation.nl).toContain("maandag 10 mei 2027");
    expect(ascension.result).toBeNull();
  });

  it.each<[RequestTerm, string | null]>([
    [{ amount: 1, unit: "days" }, null],
    [{ amount: 182, unit: "days" }, null],
    [{ amount: 26, unit: "weeks" }, null],
    [{ amount: 0, unit: "days" }, "amount-out-of-range"],
    [{ amount: -3, unit: "weeks" }, "amount-out-of-range"],
    [{ amount: 183, unit: "days" }, "amount-out-of-range"],
    [{ amount: 27, unit: "weeks" }, "amount-out-of-range"],
    [{ amount: 1.5, unit: "weeks" }, "amount-out-of-range"],
    [{ endsOn: "2026-09-02" }, null],
    [{ endsOn: "2026-09-01" }, "in-the-past"],
    [{ endsOn: "2026-08-31" }, "in-the-past"],
    [{ endsOn: "2027-03-01" }, null],
    [{ endsOn: "2027-03-02" }, "too-far"],
    [{ endsOn: "2026-02-30" }, "not-a-date"],
    [{ endsOn: "1 september" }, "not-a-date"],
  ])("%o placed on 1 September 2026: %s", (term, problem) => {
    expect(requestTermProblem(term, "2026-09-01")).toBe(problem);
  });

  it("refuses to compute a term outside the limits", () => {
    expect(() => messageTerm({ kind: "information-request", term: { amount: 0, unit: "days" } }, at("2026-09-01"), equated)).toThrow(RangeError);
    expect(() => messageTerm({ kind: "information-request", term: { endsOn: "2026-08-01" } }, at("2026-09-01"), equated)).toThrow(RangeError);
  });
});

it("an information message has no term", () => {
  expect(messageTerm({ kind: "information" }, at("2026-09-01"), equated)).toBeNull();
});
