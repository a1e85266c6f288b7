import { describe, expect, it } from "vitest";
import { weekday } from "./calendar";
import { knownEquatedDays } from "./known-equated-days";
import { art4Exclusion, computeTerm, isWorkingDay, workingDaysBetween, type TermUnit } from "./terms";

const equated = knownEquatedDays;
type Row = [event: string, amount: number, unit: TermUnit, nominalEnd: string, end: string, why: string];

// A large table of terms counted from the day after the event (Awb 6:8), 2024-2030. The expected
// dates are worked out by hand from the calendar; a comment says why each one is where it is.
const forward: Row[] = [
  // The standard bezwaar term, 6 weeks, ending on each kind of day.
  ["2026-09-01", 6, "weeks", "2026-10-13", "2026-10-13", "Tuesday, a working day: no move"],
  ["2026-03-07", 6, "weeks", "2026-04-18", "2026-04-20", "Saturday -> Monday"],
  ["2026-03-08", 6, "weeks", "2026-04-19", "2026-04-20", "Sunday -> Monday"],
  ["2024-11-20", 6, "weeks", "2025-01-01", "2025-01-02", "New Year's Day 2025 (Wed) -> Thursday"],
  ["2025-11-20", 6, "weeks", "2026-01-01", "2026-01-05", "New Year's Day 2026 (Thu), 2 Jan equated, weekend -> Monday"],
  ["2026-11-20", 6, "weeks", "2027-01-01", "2027-01-04", "New Year's Day 2027 (Fri), weekend -> Monday"],
  ["2029-11-20", 6, "weeks", "2030-01-01", "2030-01-02", "New Year's Day 2030 (Tue) -> Wednesday"],
  ["2024-02-16", 6, "weeks", "2024-03-29", "2024-04-02", "Good Friday 2024, weekend, Easter Monday -> Tuesday"],
  ["2026-02-20", 6, "weeks", "2026-04-03", "2026-04-07", "Good Friday 2026, weekend, Easter Monday -> Tuesday"],
  ["2030-03-08", 6, "weeks", "2030-04-19", "2030-04-23", "Good Friday 2030 -> Tuesday after Easter Monday"],
  ["2026-02-23", 6, "weeks", "2026-04-06", "2026-04-07", "Easter Monday 2026 -> Tuesday"],
  ["2027-02-15", 6, "weeks", "2027-03-29", "2027-03-30", "Easter Monday 2027 -> Tuesday"],
  ["2029-02-19", 6, "weeks", "2029-04-02", "2029-04-03", "Easter Monday 2029 -> Tuesday"],
  ["2025-03-15", 6, "weeks", "2025-04-26", "2025-04-28", "King's Day 2025 on Saturday 26 April, Sunday -> Monday"],
  ["2026-03-16", 6, "weeks", "2026-04-27", "2026-04-28", "King's Day 2026 (Mon) -> Tuesday"],
  ["2028-03-16", 6, "weeks", "2028-04-27", "2028-05-01", "King's Day 2028 (Thu), 28 April equated, weekend -> Monday"],
  ["2024-03-16", 6, "weeks", "2024-04-27", "2024-04-29", "King's Day 2024 on a Saturday -> Monday"],
  ["2025-03-24", 6, "weeks", "2025-05-05", "2025-05-06", "5 May 2025 (Mon) -> Tuesday"],
  ["2026-03-24", 6, "weeks", "2026-05-05", "2026-05-06", "5 May 2026 (Tue), not a lustrum year -> Wednesday"],
  ["2029-03-24", 6, "weeks", "2029-05-05", "2029-05-07", "5 May 2029 on a Saturday -> Monday"],
  ["2024-03-28", 6, "weeks", "2024-05-09", "2024-05-13", "Ascension Day 2024, 10 May equated, weekend -> Monday"],
  ["2025-04-17", 6, "weeks", "2025-05-29", "2025-06-02", "Ascension Day 2025, 30 May equated, weekend -> Monday"],
  ["2026-04-02", 6, "weeks", "2026-05-14", "2026-05-18", "Ascension Day 2026, 15 May equated, weekend -> Monday"],
  ["2027-03-25", 6, "weeks", "2027-05-06", "2027-05-10", "Ascension Day 2027, 7 May equated, weekend -> Monday"],
  ["2029-03-29", 6, "weeks", "2029-05-10", "2029-05-11", "Ascension Day 2029, no equated day known -> Friday"],
  ["2030-04-18", 6, "weeks", "2030-05-30", "2030-05-31", "Ascension Day 2030, no equated day known -> Friday"],
  ["2024-04-08", 6, "weeks", "2024-05-20", "2024-05-21", "Whit Monday 2024 -> Tuesday"],
  ["2028-04-24", 6, "weeks", "2028-06-05", "2028-06-06", "Whit Monday 2028 -> Tuesday"],
  ["2030-04-29", 6, "weeks", "2030-06-10", "2030-06-11", "Whit Monday 2030 -> Tuesday"],
  ["2024-11-13", 6, "weeks", "2024-12-25", "2024-12-30", "Christmas 2024 (Wed), Boxing Day, 27 Dec equated, weekend -> Monday"],
  ["2026-11-13", 6, "weeks", "2026-12-25", "2026-12-28", "Christmas 2026 (Fri), Boxing Day on Saturday, Sunday -> Monday"],
  ["2027-11-13", 6, "weeks", "2027-12-25", "2027-12-27", "Christmas 2027 on Saturday, Boxing Day on Sunday -> Monday"],
  ["2028-11-14", 6, "weeks", "2028-12-26", "2028-12-27", "Boxing Day 2028 (Tue) -> Wednesday"],
  ["2025-11-16", 6, "weeks", "2025-12-28", "2025-12-29", "Sunday after Christmas 2025 -> Monday"],
  ["2023-03-17", 6, "weeks", "2023-04-28", "2023-05-01", "28 April 2023 equated (day after King's Day), weekend -> Monday"],
  ["2023-04-07", 6, "weeks", "2023-05-19", "2023-05-22", "19 May 2023 equated (day after Ascension), weekend -> Monday"],
  // Days.
  ["2026-05-01", 14, "days", "2026-05-15", "2026-05-18", "an equated day, then the weekend"],
  ["2026-04-02", 1, "days", "2026-04-03", "2026-04-07", "a one-day term ending on Good Friday"],
  ["2026-03-06", 2, "days", "2026-03-08", "2026-03-09", "two days: art. 2 does not apply below three days"],
  ["2026-06-01", 10, "days", "2026-06-11", "2026-06-11", "a Thursday: no move"],
  ["2026-12-30", 4, "days", "2027-01-03", "2027-01-04", "New Year's Day 2027 and the weekend; two working days in it already"],
  ["2026-01-04", 90, "days", "2026-04-04", "2026-04-07", "90 days is within art. 4: Saturday, Sunday, Easter Monday -> Tuesday"],
  // Weeks and months at the art. 4 limits.
  ["2026-01-10", 12, "weeks", "2026-04-04", "2026-04-07", "12 weeks is within art. 4"],
  ["2026-01-04", 3, "months", "2026-04-04", "2026-04-07", "3 months is within art. 4"],
  // Months with end-of-month clamping.
  ["2026-01-31", 1, "months", "2026-02-28", "2026-03-02", "31 Jan + 1 month = 28 Feb 2026, a Saturday -> Monday"],
  ["2026-01-30", 1, "months", "2026-02-28", "2026-03-02", "30 Jan + 1 month = 28 Feb as well"],
  ["2028-01-31", 1, "months", "2028-02-29", "2028-02-29", "leap year: 29 Feb 2028, a Tuesday"],
  ["2026-03-31", 2, "months", "2026-05-31", "2026-06-01", "31 May 2026 is a Sunday -> Monday"],
  ["2026-08-31", 1, "months", "2026-09-30", "2026-09-30", "30 September, a Wednesday"],
  ["2026-12-31", 2, "months", "2027-02-28", "2027-03-01", "28 Feb 2027 is a Sunday -> Monday"],
  ["2029-11-15", 3, "months", "2030-02-15", "2030-02-15", "a Friday: no move"],
  ["2028-03-27", 1, "months", "2028-04-27", "2028-05-01", "King's Day 2028 and the equated Friday, in months"],
];

describe("terms counted from the day after the event (art. 1, 3)", () => {
  it.each(forward)("%s + %i %s: nominal %s, ends %s (%s)", (event, amount, unit, nominalEnd, end) => {
    const result = computeTerm({ event, amount, unit, equatedDays: equated });
    expect(result.nominalEnd).toBe(nominalEnd);
    expect(result.end).toBe(end);
    expect(result.moved).toBe(nominalEnd !== end);
    expect(result.atwApplies).toBe(true);
    expect(isWorkingDay(result.end, equated)).toBe(true);
    expect(result.explanation.nl).toContain("Laatste dag van de termijn");
    expect(result.explanation.en).toContain("Last day of the term");
  });

  it("explains the brief's example: Ascension Day 2026 moves past the equated Friday to Monday", () => {
    const result = computeTerm({ event: "2026-04-02", amount: 6, unit: "weeks", equatedDays: equated });
    expect(result.start).toBe("2026-04-03");
    expect(result.rulesApplied).toEqual(["art1"]);
    expect(result.reasons.map((r) => [r.date, r.kind])).toEqual([
      ["2026-05-14", "holiday"],
      ["2026-05-15", "equated"],
      ["2026-05-16", "saturday"],
      ["2026-05-17", "sunday"],
    ]);
    expect(result.explanation.nl).toContain("De termijn begint op de dag na donderdag 2 april 2026: vrijdag 3 april 2026.");
    expect(result.explanation.nl).toContain("Donderdag 14 mei 2026 is Hemelvaartsdag");
    expect(result.explanation.nl).toContain("Vrijdag 15 mei 2026 is bij koninklijk besluit gelijkgesteld met een feestdag (Vrijdag na Hemelvaartsdag).");
    expect(result.explanation.nl).toContain("schuift het einde op naar de eerstvolgende werkdag: maandag 18 mei 2026 (artikel 1 Algemene termijnenwet)");
    expect(result.explanation.en).toContain("Thursday 14 May 2026 is Ascension Day");
    expect(result.explanation.en).toContain("So the end moves to the next working day: Monday 18 May 2026");
    expect(result.steps.at(-1)).toEqual({ rule: "end", nl: "Laatste dag van de termijn: maandag 18 mei 2026.", en: "Last day of the term: Monday 18 May 2026." });
  });

  it("equated days are data: without them the same term ends on the Friday, with a new one it moves further", () => {
    expect(computeTerm({ event: "2026-04-02", amount: 6, unit: "weeks", equatedDays: [] }).end).toBe("2026-05-15");
    // Ascension Day 2029 has no known equated Friday; an admin adds one.
    const added = [...equated, { date: "2029-05-11", reason: "Vrijdag na Hemelvaartsdag", decreeReference: "Besluit gelijkstelling 2029" }];
    const result = computeTerm({ event: "2029-03-29", amount: 6, unit: "weeks", equatedDays: added });
    expect(result.end).toBe("2029-05-14");
    expect(result.reasons.find((r) => r.kind === "equated")).toMatchObject({ date: "2029-05-11", decreeReference: "Besluit gelijkstelling 2029" });
  });

  it("says so when nothing moves", () => {
    const result = computeTerm({ event: "2026-09-01", amount: 6, unit: "weeks", equatedDays: equated });
    expect(result).toMatchObject({ moved: false, rulesApplied: [], reasons: [] });
    expect(result.explanation.nl).toContain("Dat is een werkdag, dus het einde schuift niet op.");
    expect(weekday(result.end)).toBe(2);
  });

  it("explains end-of-month clamping", () => {
    const result = computeTerm({ event: "2026-01-31", amount: 1, unit: "months", equatedDays: equated });
    expect(result.explanation.nl).toContain("Die maand heeft geen 31e dag. Dan telt de laatste dag van de maand.");
    expect(result.explanation.en).toContain("That month has no day 31.");
  });
});

describe("article 2: at least two working days in a term of three days or more", () => {
  it("extends a three-day term over a weekend to hold two working days", () => {
    // Sat 7, Sun 8, Mon 9 March 2026: one working day, so the term runs to Tuesday.
    const result = computeTerm({ event: "2026-03-06", amount: 3, unit: "days", equatedDays: equated });
    expect(result).toMatchObject({ nominalEnd: "2026-03-09", end: "2026-03-10", moved: true, rulesApplied: ["art2"] });
    expect(result.explanation.nl).toContain("maar 1 werkdag");
    expect(result.explanation.nl).toContain("artikel 2 Algemene termijnenwet");
  });

  it("applies after article 1: Good Friday, the weekend and Easter Monday leave one working day", () => {
    const result = computeTerm({ event: "2026-04-02", amount: 3, unit: "days", equatedDays: equated });
    expect(result).toMatchObject({ start: "2026-04-03", nominalEnd: "2026-04-05", end: "2026-04-08", rulesApplied: ["art1", "art2"] });
    expect(workingDaysBetween(result.start, result.end, equated)).toBe(2);
  });

  it("counts equated days as non-working: Ascension 2026 with its Friday", () => {
    // Thu 14 (Ascension), Fri 15 (equated), Sat 16: art. 1 -> Mon 18, art. 2 -> Tue 19.
    const result = computeTerm({ event: "2026-05-13", amount: 3, unit: "days", equatedDays: equated });
    expect(result.end).toBe("2026-05-19");
    expect(computeTerm({ event: "2026-05-13", amount: 3, unit: "days", equatedDays: [] }).end).toBe("2026-05-18");
  });

  it("does not apply to a two-day term", () => {
    expect(computeTerm({ event: "2026-03-06", amount: 2, unit: "days", equatedDays: equated })).toMatchObject({ end: "2026-03-09", rulesApplied: ["art1"] });
  });

  it("leaves a three-day term alone when it holds two working days", () => {
    expect(computeTerm({ event: "2026-03-04", amount: 3, unit: "days", equatedDays: equated })).toMatchObject({ end: "2026-03-09", rulesApplied: ["art1"] });
  });
});

describe("article 4: terms outside the Act", () => {
  it.each([
    ["2026-01-03", 91, "days", "2026-04-04"],
    ["2026-01-03", 13, "weeks", "2026-04-04"],
    ["2025-12-04", 4, "months", "2026-04-04"],
    ["2025-04-04", 1, "years", "2026-04-04"],
    ["2024-02-29", 1, "years", "2025-02-28"],
  ] as [string, number, TermUnit, string][])("%s + %i %s ends on Saturday %s and does not move", (event, amount, unit, end) => {
    const result = computeTerm({ event, amount, unit, equatedDays: equated });
    expect(result).toMatchObject({ nominalEnd: end, end, moved: false, atwApplies: false, rulesApplied: [] });
    expect(result.explanation.nl).toContain("(artikel 4)");
  });

  it("names the exclusion", () => {
    expect(art4Exclusion({ amount: 24, unit: "hours" })).toBe("hours");
    expect(art4Exclusion({ amount: 1, unit: "years" })).toBe("years");
    expect(art4Exclusion({ amount: 90, unit: "days" })).toBeNull();
    expect(art4Exclusion({ amount: 91, unit: "days" })).toBe("longer-than-limit");
    expect(art4Exclusion({ amount: 12, unit: "weeks" })).toBeNull();
    expect(art4Exclusion({ amount: 13, unit: "weeks" })).toBe("longer-than-limit");
    expect(art4Exclusion({ amount: 3, unit: "months" })).toBeNull();
    expect(art4Exclusion({ amount: 4, unit: "months" })).toBe("longer-than-limit");
    expect(computeTerm({ event: "2025-04-04", amount: 1, unit: "years", equatedDays: [] }).explanation.en).toContain("terms in years (article 4)");
  });
});

describe("terms counted backwards (art. 1 lid 2)", () => {
  it.each([
    ["2026-05-26", 2, "weeks", "2026-05-12", "a Tuesday"],
    ["2026-05-28", 2, "weeks", "2026-05-14", "Ascension Day: stays"],
    ["2026-03-31", 1, "months", "2026-02-28", "a Saturday, after clamping: stays"],
    ["2026-04-08", 5, "days", "2026-04-03", "Good Friday: stays"],
  ] as [string, number, TermUnit, string, string][])("%s minus %i %s is %s (%s)", (event, amount, unit, end) => {
    const result = computeTerm({ event, amount, unit, direction: "backward", equatedDays: equated });
    expect(result).toMatchObject({ direction: "backward", nominalEnd: end, end, moved: false, rulesApplied: [] });
    expect(result.explanation.nl).toContain("teruggerekend");
    expect(result.explanation.nl).toContain("artikel 1 lid 2");
  });
});

describe("bad input", () => {
  it("refuses dates that are not calendar dates and amounts below 1", () => {
    expect(() => computeTerm({ event: "2026-02-30", amount: 6, unit: "weeks", equatedDays: [] })).toThrow(RangeError);
    expect(() => computeTerm({ event: "14-5-2026", amount: 6, unit: "weeks", equatedDays: [] })).toThrow(RangeError);
    expect(() => computeTerm({ event: "2026-05-14", amount: 0, unit: "weeks", equatedDays: [] })).toThrow(RangeError);
    expect(() => computeTerm({ event: "2026-05-14", amount: 1.5, unit: "weeks", equatedDays: [] })).toThrow(RangeError);
  });
});
