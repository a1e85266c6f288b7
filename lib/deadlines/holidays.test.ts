import { describe, expect, it } from "vitest";
import { addDays, addMonths, daysBetween, isIsoDate, longDate, todayInAmsterdam, weekday, weekdayName } from "./calendar";
import { easterSunday, holidaysOf, holidaysOn, kingsDay } from "./holidays";
import { knownEquatedDays } from "./known-equated-days";

// Dates typed in from published calendars, not computed by the code under test.
const expectedHolidays: Record<number, Record<string, string>> = {
  2024: { newYear: "2024-01-01", goodFriday: "2024-03-29", easterMonday: "2024-04-01", kingsDay: "2024-04-27", liberationDay: "2024-05-05", ascensionDay: "2024-05-09", whitMonday: "2024-05-20", christmasDay: "2024-12-25", boxingDay: "2024-12-26" },
  2025: { newYear: "2025-01-01", goodFriday: "2025-04-18", easterMonday: "2025-04-21", kingsDay: "2025-04-26", liberationDay: "2025-05-05", ascensionDay: "2025-05-29", whitMonday: "2025-06-09", christmasDay: "2025-12-25", boxingDay: "2025-12-26" },
  2026: { newYear: "2026-01-01", goodFriday: "2026-04-03", easterMonday: "2026-04-06", kingsDay: "2026-04-27", liberationDay: "2026-05-05", ascensionDay: "2026-05-14", whitMonday: "2026-05-25", christmasDay: "2026-12-25", boxingDay: "2026-12-26" },
  2027: { newYear: "2027-01-01", goodFriday: "2027-03-26", easterMonday: "2027-03-29", kingsDay: "2027-04-27", liberationDay: "2027-05-05", ascensionDay: "2027-05-06", whitMonday: "2027-05-17", christmasDay: "2027-12-25", boxingDay: "2027-12-26" },
  2028: { newYear: "2028-01-01", goodFriday: "2028-04-14", easterMonday: "2028-04-17", kingsDay: "2028-04-27", liberationDay: "2028-05-05", ascensionDay: "2028-05-25", whitMonday: "2028-06-05", christmasDay: "2028-12-25", boxingDay: "2028-12-26" },
  2029: { newYear: "2029-01-01", goodFriday: "2029-03-30", easterMonday: "2029-04-02", kingsDay: "2029-04-27", liberationDay: "2029-05-05", ascensionDay: "2029-05-10", whitMonday: "2029-05-21", christmasDay: "2029-12-25", boxingDay: "2029-12-26" },
  2030: { newYear: "2030-01-01", goodFriday: "2030-04-19", easterMonday: "2030-04-22", kingsDay: "2030-04-27", liberationDay: "2030-05-05", ascensionDay: "2030-05-30", whitMonday: "2030-06-10", christmasDay: "2030-12-25", boxingDay: "2030-12-26" },
};

describe("Atw holidays per year (art. 3)", () => {
  for (const [year, expected] of Object.entries(expectedHolidays)) {
    it(`knows every holiday of ${year}`, () => {
      const got = Object.fromEntries(holidaysOf(Number(year)).map((h) => [h.kind, h.date]));
      expect(got).toEqual(expected);
      const dates = holidaysOf(Number(year)).map((h) => h.date);
      expect(dates).toEqual([...dates].sort());
    });
  }

  it.each([
    [2014, "2014-04-20"],
    [2016, "2016-03-27"],
    [2019, "2019-04-21"],
    [2038, "2038-04-25"],
    [2100, "2100-03-28"],
  ])("Easter %i is on %s (Gregorian computus)", (year, date) => {
    expect(easterSunday(year)).toBe(date);
    expect(weekday(date)).toBe(0);
  });

  it.each([
    [2014, "2014-04-26"],
    [2025, "2025-04-26"],
    [2031, "2031-04-26"],
    [2026, "2026-04-27"],
    [2024, "2024-04-27"],
  ])("King's Day %i is on %s (26 April when the 27th is a Sunday)", (year, date) => {
    expect(kingsDay(year)).toBe(date);
    expect(weekday(date)).not.toBe(0);
  });

  it("5 May is a holiday every year, also when it is not a lustrum year", () => {
    for (let year = 2024; year <= 2030; year++) expect(holidaysOn(`${year}-05-05`).map((h) => h.kind)).toContain("liberationDay");
  });

  it("knows two holidays on one day: Ascension Day on 5 May 2016", () => {
    expect(holidaysOn("2016-05-05").map((h) => h.kind).sort()).toEqual(["ascensionDay", "liberationDay"]);
  });

  it("Good Friday, Easter Sunday and Whit Sunday: Good Friday counts (art. 3 lid 2); the Sundays are Sundays", () => {
    expect(holidaysOn("2026-04-03").map((h) => h.kind)).toEqual(["goodFriday"]);
    expect(holidaysOn("2026-04-05")).toEqual([]);
    expect(weekday("2026-04-05")).toBe(0);
    expect(holidaysOn("2026-05-24")).toEqual([]);
    expect(weekday("2026-05-24")).toBe(0);
  });

  it("refuses years it cannot answer for, rather than guess", () => {
    expect(() => holidaysOf(2013)).toThrow(RangeError);
    expect(() => holidaysOf(2200)).toThrow(RangeError);
  });

  it("every known equated day is a Friday right after a holiday", () => {
    expect(knownEquatedDays).toHaveLength(10);
    for (const day of knownEquatedDays) {
      expect(weekday(day.date), day.date).toBe(5);
      expect(holidaysOn(addDays(day.date, -1)), day.date).not.toEqual([]);
      expect(day.decreeReference).toMatch(/^Besluit gelijkstelling van .* met een algemeen erkende feestdag$/);
      expect(day.decreeReference).toContain(String(Number(day.date.slice(8, 10))));
    }
  });
});

describe("calendar dates", () => {
  it("adds days across daylight saving changes without shifting a day", () => {
    expect(addDays("2026-03-28", 1)).toBe("2026-03-29");
    expect(addDays("2026-03-29", 1)).toBe("2026-03-30");
    expect(addDays("2026-10-24", 2)).toBe("2026-10-26");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2027-02-28", 1)).toBe("2027-03-01");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-01-01", -1)).toBe("2025-12-31");
    expect(daysBetween("2026-01-01", "2027-01-01")).toBe(365);
    expect(daysBetween("2028-01-01", "2029-01-01")).toBe(366);
  });

  it.each([
    ["2026-01-31", 1, "2026-02-28"],
    ["2028-01-31", 1, "2028-02-29"],
    ["2026-01-30", 1, "2026-02-28"],
    ["2026-03-31", 1, "2026-04-30"],
    ["2026-08-31", 1, "2026-09-30"],
    ["2026-12-31", 2, "2027-02-28"],
    ["2026-11-15", 3, "2027-02-15"],
    ["2026-03-31", -1, "2026-02-28"],
    ["2024-02-29", 12, "2025-02-28"],
  ])("%s plus %i month(s) is %s (end-of-month clamping)", (from, months, to) => {
    expect(addMonths(from, months)).toBe(to);
  });

  it("knows which dates exist", () => {
    expect(isIsoDate("2026-02-28")).toBe(true);
    expect(isIsoDate("2026-02-29")).toBe(false);
    expect(isIsoDate("2028-02-29")).toBe(true);
    expect(isIsoDate("2100-02-29")).toBe(false);
    expect(isIsoDate("2026-13-01")).toBe(false);
    expect(isIsoDate("2026-4-1")).toBe(false);
    expect(isIsoDate(20260401)).toBe(false);
  });

  it("names days in Dutch and English", () => {
    expect(longDate("2026-05-14", "nl")).toBe("donderdag 14 mei 2026");
    expect(longDate("2026-05-14", "en")).toBe("Thursday 14 May 2026");
    expect(weekdayName("2026-05-18", "nl")).toBe("maandag");
  });

  it("takes today's date in Europe/Amsterdam, not in UTC", () => {
    expect(todayInAmsterdam(new Date("2026-12-31T23:30:00Z"))).toBe("2027-01-01");
    expect(todayInAmsterdam(new Date("2026-06-30T22:30:00Z"))).toBe("2026-07-01");
    expect(todayInAmsterdam(new Date("2026-06-30T21:30:00Z"))).toBe("2026-06-30");
    expect(todayInAmsterdam(new Date("2026-03-29T00:30:00Z"))).toBe("2026-03-29");
  });
});
