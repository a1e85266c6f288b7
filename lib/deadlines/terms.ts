import { addDays, addMonths, compareDates, dateParts, daysBetween, isIsoDate, longDate, weekday, type IsoDate, type Language } from "./calendar";
import { holidayNames, holidaysOn, type HolidayKind } from "./holidays";

/**
 * Term arithmetic under the Algemene termijnenwet (Atw). Pure: the days equated by Royal decree
 * come in as a parameter (the caller reads them from the database), and every answer explains
 * itself in Dutch and English, step by step.
 *
 * The rules (Atw, BWBR0002448):
 * - art. 1 lid 1: a statutory term ending on a Saturday, Sunday or holiday is extended to the
 *   next day that is none of these; lid 2: not for terms counted backwards from a moment or an
 *   event.
 * - art. 2: a term of at least three days (not counted backwards) is extended where needed so
 *   that it holds at least two days that are not a Saturday, Sunday or holiday.
 * - art. 3: the holidays (lib/deadlines/holidays.ts) and the days equated by Royal decree.
 * - art. 4: the Act does not apply to terms in hours, to terms of more than 90 days, 12 weeks
 *   or 3 months, nor to terms in years.
 *
 * How a term is counted: a term that starts "the day after" an event (as a bezwaar term does,
 * Awb 6:8) and lasts N days, weeks or months ends N days, weeks or months after the event: a
 * 6-week term after a decision sent on Tuesday ends on a Tuesday. In months, the end is the day
 * with the same number as the event's day, or the last day of the month when that month is
 * shorter (31 January + 1 month = 28 or 29 February).
 */

export type TermUnit = "days" | "weeks" | "months" | "years";
export const termUnits: readonly TermUnit[] = ["days", "weeks", "months", "years"];
export type TermDirection = "forward" | "backward";

/** A day equated with a holiday by Royal decree (art. 3 lid 3 Atw). */
export interface EquatedDay {
  date: IsoDate;
  /** Why, in plain words: "Vrijdag na Hemelvaartsdag". */
  reason: string;
  decreeReference?: string;
}

export interface TermRequest {
  /** The day of the event: the decision was sent, the letter dated. */
  event: IsoDate;
  /** A whole number of at least 1. */
  amount: number;
  unit: TermUnit;
  /** "forward" (the default): the term starts the day after the event. "backward": counted back from it. */
  direction?: TermDirection;
  equatedDays: readonly EquatedDay[];
}

/** Why a day is not a working day in the sense of the Atw. */
export type NonWorkingReason =
  | { kind: "saturday" | "sunday"; date: IsoDate }
  | { kind: "holiday"; date: IsoDate; holiday: HolidayKind }
  | { kind: "equated"; date: IsoDate; reason: string; decreeReference?: string };

export type Art4Exclusion = "hours" | "years" | "longer-than-limit";

export interface TermStep {
  rule: "start" | "count" | "month-end" | "art4" | "backward" | "art1" | "art2" | "end";
  nl: string;
  en: string;
}

export interface TermResult {
  event: IsoDate;
  /** The first day of the term (forward), or the event counted back from (backward). */
  start: IsoDate;
  term: { amount: number; unit: TermUnit };
  direction: TermDirection;
  /** The end by counting alone. */
  nominalEnd: IsoDate;
  /** The last day of the term after the Atw. */
  end: IsoDate;
  moved: boolean;
  /** False when art. 4 excludes the term. */
  atwApplies: boolean;
  exclusion?: Art4Exclusion;
  /** Which articles moved the end. */
  rulesApplied: ("art1" | "art2")[];
  /** Every day the end was moved past, with why it is not a working day. */
  reasons: NonWorkingReason[];
  steps: TermStep[];
  explanation: { nl: string; en: string };
}

/** Art. 4 limits: longer terms are outside the Act. */
export const ART4_LIMITS = { days: 90, weeks: 12, months: 3 } as const;

/** Whether art. 4 keeps the Atw from a term: in hours, in years, or longer than 90 days / 12 weeks / 3 months. */
export function art4Exclusion(term: { amount: number; unit: TermUnit | "hours" }): Art4Exclusion | null {
  if (term.unit === "hours") return "hours";
  if (term.unit === "years") return "years";
  return term.amount > ART4_LIMITS[term.unit] ? "longer-than-limit" : null;
}

/** Why a day is not an Atw working day (all reasons, e.g. a holiday on a Saturday), or [] for a working day. */
export function nonWorkingReasons(date: IsoDate, equatedDays: readonly EquatedDay[]): NonWorkingReason[] {
  const reasons: NonWorkingReason[] = [];
  const w = weekday(date);
  if (w === 6) reasons.push({ kind: "saturday", date });
  if (w === 0) reasons.push({ kind: "sunday", date });
  for (const h of holidaysOn(date)) reasons.push({ kind: "holiday", date, holiday: h.kind });
  for (const e of equatedDays) if (e.date === date) reasons.push({ kind: "equated", date, reason: e.reason, decreeReference: e.decreeReference });
  return reasons;
}

/** True when the day is not a Saturday, Sunday, holiday or equated day. */
export function isWorkingDay(date: IsoDate, equatedDays: readonly EquatedDay[]): boolean {
  return nonWorkingReasons(date, equatedDays).length === 0;
}

/** The number of Atw working days from `from` to `to`, both included. */
export function workingDaysBetween(from: IsoDate, to: IsoDate, equatedDays: readonly EquatedDay[]): number {
  let count = 0;
  for (let d = from; compareDates(d, to) <= 0; d = addDays(d, 1)) if (isWorkingDay(d, equatedDays)) count++;
  return count;
}

function shift(date: IsoDate, amount: number, unit: TermUnit): IsoDate {
  switch (unit) {
    case "days":
      return addDays(date, amount);
    case "weeks":
      return addDays(date, 7 * amount);
    case "months":
      return addMonths(date, amount);
    case "years":
      return addMonths(date, 12 * amount);
  }
}

// ---- Texts -------------------------------------------------------------------------------

const unitWords: Record<Language, Record<TermUnit, [string, string]>> = {
  nl: { days: ["dag", "dagen"], weeks: ["week", "weken"], months: ["maand", "maanden"], years: ["jaar", "jaar"] },
  en: { days: ["day", "days"], weeks: ["week", "weeks"], months: ["month", "months"], years: ["year", "years"] },
};

/** "6 weken" / "6 weeks", "1 dag" / "1 day". */
export function termLength(amount: number, unit: TermUnit, language: Language): string {
  const [one, many] = unitWords[language][unit];
  return `${amount} ${amount === 1 ? one : many}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const ATW = { nl: "Algemene termijnenwet", en: "General Terms Act (Algemene termijnenwet)" };

function reasonText(r: NonWorkingReason, language: Language): string {
  const date = longDate(r.date, language);
  if (language === "nl") {
    switch (r.kind) {
      case "saturday":
      case "sunday":
        return `${capitalise(date)} valt in het weekend.`;
      case "holiday":
        return `${capitalise(date)} is ${holidayNames.nl[r.holiday]}, een algemeen erkende feestdag.`;
      case "equated":
        return `${capitalise(date)} is bij koninklijk besluit gelijkgesteld met een feestdag (${r.reason}).`;
    }
  }
  switch (r.kind) {
    case "saturday":
    case "sunday":
      return `${date} is in the weekend.`;
    case "holiday":
      return `${date} is ${holidayNames.en[r.holiday]}, a public holiday.`;
    case "equated":
      return `${date} is equated with a public holiday by Royal decree (${r.reason}).`;
  }
}

/** The short name of why a day is not a working day: "Hemelvaartsdag", "zaterdag". */
function reasonLabel(r: NonWorkingReason, language: Language): string {
  if (r.kind === "holiday") return holidayNames[language][r.holiday];
  if (r.kind === "equated") return language === "nl" ? "gelijkgesteld met een feestdag" : "equated with a public holiday";
  return language === "nl" ? (r.kind === "saturday" ? "een zaterdag" : "een zondag") : r.kind === "saturday" ? "a Saturday" : "a Sunday";
}

function step(rule: TermStep["rule"], nl: string, en: string): TermStep {
  return { rule, nl, en };
}

// ---- The calculation ---------------------------------------------------------------------

/**
 * The end of a statutory term under the Atw, with the reasons and an explanation in Dutch and
 * English. Throws a RangeError for a date that is not YYYY-MM-DD or an amount that is not a
 * whole number of at least 1 (callers validate input first; see lib/deadlines/input.ts).
 */
export function computeTerm(request: TermRequest): TermResult {
  const { event, amount, unit, equatedDays } = request;
  const direction = request.direction ?? "forward";
  if (!isIsoDate(event)) throw new RangeError(`Not a calendar date: ${String(event)}`);
  if (!Number.isInteger(amount) || amount < 1) throw new RangeError(`A term is a whole number of at least 1, not ${amount}`);

  const length = { nl: termLength(amount, unit, "nl"), en: termLength(amount, unit, "en") };
  const steps: TermStep[] = [];
  const exclusion = art4Exclusion({ amount, unit });

  if (direction === "backward") {
    const nominalEnd = shift(event, -amount, unit);
    steps.push(
      step(
        "backward",
        `De termijn wordt teruggerekend vanaf ${longDate(event, "nl")}: ${length.nl} eerder is ${longDate(nominalEnd, "nl")}.`,
        `The term is counted back from ${longDate(event, "en")}: ${length.en} earlier is ${longDate(nominalEnd, "en")}.`,
      ),
    );
    monthEndStep(steps, event, nominalEnd, unit);
    steps.push(
      step(
        "backward",
        `Een termijn die wordt teruggerekend, schuift niet op, ook niet als hij op een zaterdag, zondag of feestdag valt (artikel 1 lid 2 en artikel 2 ${ATW.nl}).`,
        `A term counted backwards does not move, not even when it falls on a Saturday, Sunday or holiday (article 1(2) and article 2 of the ${ATW.en}).`,
      ),
    );
    return finish({ event, start: event, amount, unit, direction, nominalEnd, end: nominalEnd, atwApplies: false, exclusion: exclusion ?? undefined, rulesApplied: [], reasons: [], steps });
  }

  const start = addDays(event, 1);
  const nominalEnd = shift(event, amount, unit);
  steps.push(
    step(
      "start",
      `De termijn begint op de dag na ${longDate(event, "nl")}: ${longDate(start, "nl")}.`,
      `The term starts on the day after ${longDate(event, "en")}: ${longDate(start, "en")}.`,
    ),
  );
  steps.push(
    step(
      "count",
      `Een termijn van ${length.nl} eindigt dan op ${longDate(nominalEnd, "nl")}.`,
      `A term of ${length.en} then ends on ${longDate(nominalEnd, "en")}.`,
    ),
  );
  monthEndStep(steps, event, nominalEnd, unit);

  if (exclusion) {
    const why =
      exclusion === "years"
        ? { nl: "termijnen in jaren", en: "terms in years" }
        : { nl: "termijnen van meer dan 90 dagen, 12 weken of 3 maanden", en: "terms of more than 90 days, 12 weeks or 3 months" };
    steps.push(
      step(
        "art4",
        `De ${ATW.nl} geldt niet voor ${why.nl} (artikel 4). Het einde schuift daarom niet op, ook niet als het op een zaterdag, zondag of feestdag valt.`,
        `The ${ATW.en} does not apply to ${why.en} (article 4). So the end does not move, not even when it falls on a Saturday, Sunday or holiday.`,
      ),
    );
    return finish({ event, start, amount, unit, direction, nominalEnd, end: nominalEnd, atwApplies: false, exclusion, rulesApplied: [], reasons: [], steps });
  }

  const reasons: NonWorkingReason[] = [];
  const rulesApplied: ("art1" | "art2")[] = [];
  let end = nominalEnd;

  // Article 1: past Saturdays, Sundays, holidays and equated days to the next working day.
  const first = nonWorkingReasons(end, equatedDays);
  if (first.length > 0) {
    const passed: NonWorkingReason[] = [];
    while (!isWorkingDay(end, equatedDays)) {
      passed.push(...nonWorkingReasons(end, equatedDays));
      end = addDays(end, 1);
    }
    reasons.push(...passed);
    rulesApplied.push("art1");
    const label = { nl: first.map((r) => reasonLabel(r, "nl")).join(" en "), en: first.map((r) => reasonLabel(r, "en")).join(" and ") };
    steps.push(
      step(
        "art1",
        `${capitalise(longDate(nominalEnd, "nl"))} is ${label.nl}; die dag telt niet als laatste dag.`,
        `${longDate(nominalEnd, "en")} is ${label.en}; that day does not count as the last day.`,
      ),
    );
    for (const r of passed.filter((r) => r.date !== nominalEnd)) steps.push(step("art1", reasonText(r, "nl"), reasonText(r, "en")));
    steps.push(
      step(
        "art1",
        `Daarom schuift het einde op naar de eerstvolgende werkdag: ${longDate(end, "nl")} (artikel 1 ${ATW.nl}).`,
        `So the end moves to the next working day: ${longDate(end, "en")} (article 1 of the ${ATW.en}).`,
      ),
    );
  }

  // Article 2: a term of three days or more holds at least two working days.
  const termDays = daysBetween(start, nominalEnd) + 1;
  if (termDays >= 3) {
    const found = workingDaysBetween(start, end, equatedDays);
    if (found < 2) {
      const before = end;
      let count = found;
      while (count < 2) {
        end = addDays(end, 1);
        if (isWorkingDay(end, equatedDays)) count++;
        else reasons.push(...nonWorkingReasons(end, equatedDays));
      }
      rulesApplied.push("art2");
      const nlCount = found === 1 ? "maar 1 werkdag" : "geen werkdagen";
      const enCount = found === 1 ? "only 1 working day" : "no working days";
      steps.push(
        step(
          "art2",
          `Van ${longDate(start, "nl")} tot en met ${longDate(before, "nl")} zitten ${nlCount}. Een termijn van drie dagen of langer moet ten minste twee werkdagen hebben. Daarom loopt de termijn door tot en met ${longDate(end, "nl")} (artikel 2 ${ATW.nl}).`,
          `From ${longDate(start, "en")} up to and including ${longDate(before, "en")} there is ${enCount}. A term of three days or more must hold at least two working days. So the term runs until ${longDate(end, "en")} (article 2 of the ${ATW.en}).`,
        ),
      );
    }
  }

  if (rulesApplied.length === 0) {
    steps.push(step("art1", "Dat is een werkdag, dus het einde schuift niet op.", "That is a working day, so the end does not move."));
  }
  return finish({ event, start, amount, unit, direction, nominalEnd, end, atwApplies: true, rulesApplied, reasons, steps });
}

function monthEndStep(steps: TermStep[], from: IsoDate, to: IsoDate, unit: TermUnit): void {
  if (unit !== "months" && unit !== "years") return;
  const day = dateParts(from).day;
  if (dateParts(to).day === day) return;
  steps.push(
    step(
      "month-end",
      `Die maand heeft geen ${day}e dag. Dan telt de laatste dag van de maand.`,
      `That month has no day ${day}. Then the last day of the month counts.`,
    ),
  );
}

function finish(r: {
  event: IsoDate;
  start: IsoDate;
  amount: number;
  unit: TermUnit;
  direction: TermDirection;
  nominalEnd: IsoDate;
  end: IsoDate;
  atwApplies: boolean;
  exclusion?: Art4Exclusion;
  rulesApplied: ("art1" | "art2")[];
  reasons: NonWorkingReason[];
  steps: TermStep[];
}): TermResult {
  const steps = [
    ...r.steps,
    step("end", `Laatste dag van de termijn: ${longDate(r.end, "nl")}.`, `Last day of the term: ${longDate(r.end, "en")}.`),
  ];
  return {
    event: r.event,
    start: r.start,
    term: { amount: r.amount, unit: r.unit },
    direction: r.direction,
    nominalEnd: r.nominalEnd,
    end: r.end,
    moved: r.end !== r.nominalEnd,
    atwApplies: r.atwApplies,
    ...(r.exclusion ? { exclusion: r.exclusion } : {}),
    rulesApplied: r.rulesApplied,
    reasons: r.reasons,
    steps,
    explanation: { nl: steps.map((s) => s.nl).join(" "), en: steps.map((s) => s.en).join(" ") },
  };
}
