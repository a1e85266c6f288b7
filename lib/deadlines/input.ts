import { isIsoDate, isoDate, type IsoDate } from "./calendar";
import { FIRST_SUPPORTED_YEAR } from "./holidays";
import type { TermUnit } from "./terms";

/**
 * Reading what a resident typed into the term calculator (/termijnen) or sent to
 * GET /api/termijnen, into a checked term. Problems come back as codes (keys under
 * `deadlines.errors` in the messages files), one per field, never as exception text. Pure.
 */

/** The last year a resident may type; terms then still end within the years the holidays are known for. */
export const LAST_INPUT_YEAR = 2100;
/** The longest term the calculator answers for, in any unit. */
export const MAX_AMOUNT = 999;

export type InputErrorCode =
  | "dateMissing"
  | "dateFormat"
  | "dateNotExist"
  | "dateOutOfRange"
  | "amountMissing"
  | "amountNotNumber"
  | "amountOutOfRange"
  | "unitInvalid"
  | "termMissing"
  | "termAmbiguous";

export interface InputError {
  field: string;
  code: InputErrorCode;
}

export type DateParse = { ok: true; date: IsoDate } | { ok: false; code: Extract<InputErrorCode, `date${string}`> };

/**
 * A date as residents type it: 2026-04-15 (what a date field sends), or 15-4-2026, 15/4/2026,
 * 15.4.2026, with spaces allowed around the parts.
 */
export function parseDateInput(raw: string | undefined | null): DateParse {
  const text = (raw ?? "").trim();
  if (text === "") return { ok: false, code: "dateMissing" };
  let parts: [number, number, number] | null = null;
  const iso = /^(\d{4})\s*-\s*(\d{1,2})\s*-\s*(\d{1,2})$/.exec(text);
  const dutch = /^(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4})$/.exec(text);
  if (iso) parts = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (dutch) parts = [Number(dutch[3]), Number(dutch[2]), Number(dutch[1])];
  if (!parts) return { ok: false, code: "dateFormat" };
  const [year, month, day] = parts;
  const candidate = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  if (!isIsoDate(candidate)) return { ok: false, code: "dateNotExist" };
  if (year < FIRST_SUPPORTED_YEAR || year > LAST_INPUT_YEAR) return { ok: false, code: "dateOutOfRange" };
  return { ok: true, date: isoDate(year, month, day) };
}

export type AmountParse = { ok: true; amount: number } | { ok: false; code: Extract<InputErrorCode, `amount${string}`> };

/** A whole number of at least 1 and at most MAX_AMOUNT. */
export function parseAmountInput(raw: string | undefined | null): AmountParse {
  const text = (raw ?? "").trim();
  if (text === "") return { ok: false, code: "amountMissing" };
  if (!/^\d+$/.test(text)) return { ok: false, code: "amountNotNumber" };
  const amount = Number(text);
  if (amount < 1 || amount > MAX_AMOUNT) return { ok: false, code: "amountOutOfRange" };
  return { ok: true, amount };
}

/** The units of the calculator, by their Dutch names in the URL. */
export const calculatorUnits = { dagen: "days", weken: "weeks", maanden: "months" } as const satisfies Record<string, TermUnit>;
export type CalculatorUnitName = keyof typeof calculatorUnits;

export function isCalculatorUnit(value: unknown): value is CalculatorUnitName {
  return typeof value === "string" && Object.hasOwn(calculatorUnits, value);
}

export interface CheckedTerm {
  event: IsoDate;
  amount: number;
  unit: Exclude<TermUnit, "years">;
}

/** The calculator's form: `datum`, `aantal` (default 6) and `eenheid` (default weken). */
export function readCalculatorForm(query: { datum?: string; aantal?: string; eenheid?: string }): { ok: true; term: CheckedTerm } | { ok: false; errors: InputError[] } {
  const errors: InputError[] = [];
  const date = parseDateInput(query.datum);
  if (!date.ok) errors.push({ field: "datum", code: date.code });
  const amount = parseAmountInput(query.aantal ?? "6");
  if (!amount.ok) errors.push({ field: "aantal", code: amount.code });
  const unitName = query.eenheid ?? "weken";
  if (!isCalculatorUnit(unitName)) errors.push({ field: "eenheid", code: "unitInvalid" });
  if (!date.ok || !amount.ok || !isCalculatorUnit(unitName)) return { ok: false, errors };
  return { ok: true, term: { event: date.date, amount: amount.amount, unit: calculatorUnits[unitName] } };
}

/** GET /api/termijnen: `start` and exactly one of `dagen`, `weken`, `maanden`. */
export function readApiQuery(params: URLSearchParams): { ok: true; term: CheckedTerm } | { ok: false; error: InputError } {
  const date = parseDateInput(params.get("start"));
  if (!date.ok) return { ok: false, error: { field: "start", code: date.code } };
  const given = (Object.keys(calculatorUnits) as CalculatorUnitName[]).filter((name) => params.has(name));
  if (given.length === 0) return { ok: false, error: { field: "weken", code: "termMissing" } };
  if (given.length > 1) return { ok: false, error: { field: given[1]!, code: "termAmbiguous" } };
  const name = given[0]!;
  const amount = parseAmountInput(params.get(name));
  if (!amount.ok) return { ok: false, error: { field: name, code: amount.code } };
  return { ok: true, term: { event: date.date, amount: amount.amount, unit: calculatorUnits[name] } };
}
