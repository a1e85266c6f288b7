import { addDays, addMonths, compareDates, isIsoDate, longDate, todayInAmsterdam, type IsoDate } from "../deadlines/calendar";
import { computeTerm, nonWorkingReasons, type EquatedDay, type TermResult } from "../deadlines/terms";

/**
 * The response term of an official message (R15, R20), counted from the moment it became
 * readable in the inbox (placedAt, in Europe/Amsterdam). Pure: the days equated by Royal decree
 * come in as a parameter (lib/deadlines/equated-days.ts loadEquatedDays).
 *
 * - besluit (decision): the objection term, six weeks starting the day after placing (Awb 6:7,
 *   6:8), ending moved by the Algemene termijnenwet (art. 1 and 2; six weeks is within art. 4).
 * - verzoek om informatie (information request): the term the handler sets, in days or weeks
 *   (1 to 182 days, 1 to 26 weeks: about six months at most), starting the day after placing, or
 *   a last day the handler picks (tomorrow up to six months ahead). The Atw is applied to it as
 *   to a statutory term, so an end on a Saturday, Sunday or holiday moves to the next working
 *   day: a term set under Awb 4:5 is not strictly "in a law", but the resident should never get
 *   less time than a statutory term would give (see the README section on sending messages).
 * - informatie (information): no term.
 */

export const OBJECTION_TERM = { amount: 6, unit: "weeks" } as const;

/** The limits of a term the handler sets on an information request. */
export const REQUEST_TERM_LIMITS = { days: { min: 1, max: 182 }, weeks: { min: 1, max: 26 }, months: 6 } as const;

export type RequestTermUnit = "days" | "weeks";

/** The term a handler sets: a length counted from the day after placing, or a last day. */
export type RequestTerm = { amount: number; unit: RequestTermUnit } | { endsOn: IsoDate };

export type MessageTermInput = { kind: "decision" } | { kind: "information-request"; term: RequestTerm } | { kind: "information" };

export interface MessageTerm {
  /** The last day on which the resident can react, after the Atw. */
  endsOn: IsoDate;
  /** The day the message was placed (Europe/Amsterdam): the term starts the day after. */
  placedOn: IsoDate;
  /** How the end was computed, step by step, in Dutch and English. */
  explanation: { nl: string; en: string };
  /** The computation behind it, when the term was a length (null for a last day the handler picked). */
  result: TermResult | null;
}

export type TermProblem = "amount-out-of-range" | "not-a-date" | "in-the-past" | "too-far";

/** Why a term a handler sets is not allowed, or null when it is. `today` is the day of placing (Europe/Amsterdam). */
export function requestTermProblem(term: RequestTerm, today: IsoDate): TermProblem | null {
  if ("endsOn" in term) {
    if (!isIsoDate(term.endsOn)) return "not-a-date";
    if (compareDates(term.endsOn, today) <= 0) return "in-the-past";
    if (compareDates(term.endsOn, addMonths(today, REQUEST_TERM_LIMITS.months)) > 0) return "too-far";
    return null;
  }
  const limits = REQUEST_TERM_LIMITS[term.unit];
  if (!Number.isInteger(term.amount) || term.amount < limits.min || term.amount > limits.max) return "amount-out-of-range";
  return null;
}

/** A last day picked by the handler, moved past Saturdays, Sundays and holidays (Atw art. 1, in the resident's favour). */
function pickedEnd(endsOn: IsoDate, placedOn: IsoDate, equatedDays: readonly EquatedDay[]): MessageTerm {
  let end = endsOn;
  const passed: string[] = [];
  while (nonWorkingReasons(end, equatedDays).length > 0) {
    passed.push(end);
    end = addDays(end, 1);
  }
  const nl = [`De behandelaar koos ${longDate(endsOn, "nl")} als laatste dag.`];
  const en = [`The handler chose ${longDate(endsOn, "en")} as the last day.`];
  if (passed.length) {
    nl.push(`Dat is geen werkdag (een zaterdag, zondag of feestdag). Daarom is de laatste dag ${longDate(end, "nl")} (zoals artikel 1 van de Algemene termijnenwet).`);
    en.push(`That is not a working day (a Saturday, Sunday or holiday). So the last day is ${longDate(end, "en")} (as in article 1 of the General Terms Act).`);
  }
  return { endsOn: end, placedOn, explanation: { nl: nl.join(" "), en: en.join(" ") }, result: null };
}

/**
 * The term of a message placed at `placedAt`, or null for a message without a term. Throws a
 * RangeError for a request term outside the limits (validate with requestTermProblem first).
 */
export function messageTerm(input: MessageTermInput, placedAt: Date, equatedDays: readonly EquatedDay[]): MessageTerm | null {
  const placedOn = todayInAmsterdam(placedAt);
  if (input.kind === "information") return null;
  if (input.kind === "decision") {
    const result = computeTerm({ event: placedOn, amount: OBJECTION_TERM.amount, unit: OBJECTION_TERM.unit, equatedDays });
    return { endsOn: result.end, placedOn, explanation: result.explanation, result };
  }
  const problem = requestTermProblem(input.term, placedOn);
  if (problem) throw new RangeError(`Request term not allowed: ${problem}`);
  if ("endsOn" in input.term) return pickedEnd(input.term.endsOn, placedOn, equatedDays);
  const result = computeTerm({ event: placedOn, amount: input.term.amount, unit: input.term.unit, equatedDays });
  return { endsOn: result.end, placedOn, explanation: result.explanation, result };
}
