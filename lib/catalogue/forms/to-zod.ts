import { z } from "zod";
import { todayInAmsterdam as amsterdamDay } from "../../deadlines/calendar";
import { format, messagesFor, type Locale } from "../../i18n";
import { isValidBsn, normaliseBsn } from "../../parties/bsn";
import { normaliseKvkNumber } from "../../parties/kvk";
import type { FieldDefinition, FormDefinition, LocalisedText, Rule } from "./definition";
import { fileExtension, formatFileSize, isFieldVisible, type AddressValue, type FileDescriptor, type FormValues } from "./values";

/**
 * Definition → zod: the ONE schema the browser (before posting a step) and the server action
 * (on every post) check a form's values with. Fields hidden by showWhen are not checked; every
 * message is plain language, and a rule's own message wins over the standard one. The parsed
 * output holds normalised values (trimmed text, ISO dates, numbers, "1234 AB", BSN digits).
 * Pure module, no I/O.
 */

export interface ToZodOptions {
  /** Check only this step's fields (index into definition.steps); all steps when left out. */
  step?: number;
  locale: Locale;
  /** Today as YYYY-MM-DD, for date rules; today in Europe/Amsterdam when left out. */
  today?: string;
}

export type ParsedValue = string | number | string[] | AddressValue | FileDescriptor[] | undefined;

/** Today's calendar date in Europe/Amsterdam as YYYY-MM-DD. */
export function todayInAmsterdam(now = new Date()): string {
  return amsterdamDay(now);
}

/** A date typed as 2026-03-17, 17-3-2026 or 17/3/2026 as YYYY-MM-DD when it exists, else null. */
export function parseDate(input: string): string | null {
  const trimmed = input.trim();
  let y: number, m: number, d: number;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else {
    match = /^(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{4})$/.exec(trimmed);
    if (!match) return null;
    [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  }
  if (y < 1800 || y > 2200) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** IBAN check: country code, check digits, 15 to 34 characters, mod 97 = 1; a Dutch IBAN has 18. Returns the IBAN without spaces, or null. */
export function normaliseIban(input: string): string | null {
  const iban = input.replace(/[\s.-]/g, "").toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return null;
  if (iban.startsWith("NL") && !/^NL\d{2}[A-Z]{4}\d{10}$/.test(iban)) return null;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const digits = /\d/.test(char) ? char : String(char.charCodeAt(0) - 55);
    for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1 ? iban : null;
}

/** A Dutch postcode as "1234 AB", or null (the first digit is not 0; SA, SD and SS are not used). */
export function normalisePostcode(input: string): string | null {
  const match = /^([1-9]\d{3})\s?([a-zA-Z]{2})$/.exec(input.trim());
  if (!match) return null;
  const letters = match[2]!.toUpperCase();
  if (["SA", "SD", "SS"].includes(letters)) return null;
  return `${match[1]} ${letters}`;
}

/** A phone number: 10 digits starting with 0, or + and 8 to 15 digits; spaces, dashes and brackets allowed. */
export function normalisePhone(input: string): string | null {
  const trimmed = input.trim();
  if (!/^\+?[\d\s()-]+$/.test(trimmed)) return null;
  const digits = trimmed.replace(/\D/g, "");
  if (trimmed.startsWith("+")) return digits.length >= 8 && digits.length <= 15 ? `+${digits}` : null;
  return /^0\d{9}$/.test(digits) ? digits : null;
}

const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

type Messages = ReturnType<typeof messagesFor>["forms"]["errors"];

/** Builds the field's own schema; `say` gives the message for a rule or a standard key. */
function fieldSchema(field: FieldDefinition, locale: Locale, today: string, m: Messages): z.ZodType<ParsedValue> {
  const label = field.label[locale];
  const say = (key: keyof Messages, values: Record<string, string | number> = {}, own?: LocalisedText) => (own ? own[locale] : format(m[key], { label, ...values }));
  const rule = <K extends Rule["kind"]>(kind: K) => (field.rules ?? []).find((r): r is Extract<Rule, { kind: K }> => r.kind === kind);
  const optional = Boolean(field.optional);
  const trimmed = z.preprocess((v) => (typeof v === "string" ? v.trim() : ""), z.string());

  /** Text-like fields: empty is "required" (or undefined when optional); else the checks in order, first failure only. */
  const textual = (checks: (value: string, ctx: z.RefinementCtx) => ParsedValue) =>
    trimmed.transform((value, ctx): ParsedValue => {
      if (value === "") {
        if (!optional) ctx.addIssue({ code: "custom", message: say(field.kind === "choice" ? "chooseOne" : "required") });
        return undefined;
      }
      const out = checks(value, ctx);
      return out;
    });
  const lengthRules = (value: string, ctx: z.RefinementCtx): boolean => {
    const min = rule("minLength");
    const max = rule("maxLength");
    const pattern = rule("pattern");
    const length = [...value].length;
    if (min && length < min.value) return fail(ctx, say("minLength", { min: min.value }, min.message));
    if (max && length > max.value) return fail(ctx, say("maxLength", { max: max.value, count: length }, max.message));
    if (pattern && !new RegExp(`^(?:${pattern.value})$`, "u").test(value)) return fail(ctx, say("pattern", {}, pattern.message));
    return true;
  };
  const fail = (ctx: z.RefinementCtx, message: string, path?: (string | number)[]) => {
    ctx.addIssue({ code: "custom", message, path });
    return false;
  };

  switch (field.kind) {
    case "text":
    case "longText":
      return textual((value, ctx) => (lengthRules(value, ctx) ? value : undefined));
    case "email":
      return textual((value, ctx) => (!EMAIL.test(value) ? (fail(ctx, say("email")), undefined) : lengthRules(value, ctx) ? value.toLowerCase() : undefined));
    case "phone":
      return textual((value, ctx) => {
        const phone = normalisePhone(value);
        if (!phone) return (fail(ctx, say("phone")), undefined);
        return lengthRules(value, ctx) ? phone : undefined;
      });
    case "number":
      return textual((value, ctx) => {
        const normalised = value.replace(/\s/g, "").replace(",", ".");
        if (!/^-?\d+(\.\d+)?$/.test(normalised)) return (fail(ctx, say("number")), undefined);
        const n = Number(normalised);
        if (field.integer && !Number.isInteger(n)) return (fail(ctx, say("integer")), undefined);
        const min = rule("min");
        const max = rule("max");
        if (min && n < min.value) return (fail(ctx, say("min", { min: min.value }, min.message)), undefined);
        if (max && n > max.value) return (fail(ctx, say("max", { max: max.value }, max.message)), undefined);
        return n;
      });
    case "date":
      return textual((value, ctx) => {
        const date = parseDate(value);
        if (!date) return (fail(ctx, say("date")), undefined);
        const checks: [Rule["kind"], boolean][] = [
          ["dateNotInPast", date < today],
          ["dateNotInFuture", date > today],
          ["dateAfterToday", date <= today],
          ["dateBeforeToday", date >= today],
        ];
        for (const [kind, broken] of checks) {
          const r = rule(kind);
          if (r && broken) return (fail(ctx, say(kind as keyof Messages, {}, r.message)), undefined);
        }
        const ahead = rule("dateMinDaysAhead");
        if (ahead && date < addDays(today, ahead.value)) return (fail(ctx, say("dateMinDaysAhead", { days: ahead.value }, ahead.message)), undefined);
        return date;
      });
    case "iban":
      return textual((value, ctx) => normaliseIban(value) ?? (fail(ctx, say("iban")), undefined));
    case "bsn":
      return textual((value, ctx) => (isValidBsn(value) ? normaliseBsn(value)! : (fail(ctx, say("bsn")), undefined)));
    case "kvk":
      return textual((value, ctx) => normaliseKvkNumber(value) ?? (fail(ctx, say("kvk")), undefined));
    case "choice":
      return textual((value, ctx) => (field.options.some((o) => o.value === value) ? value : (fail(ctx, say("notAnOption")), undefined)));
    case "checkboxes":
      return z
        .preprocess((v) => (Array.isArray(v) ? v : typeof v === "string" && v ? [v] : []), z.array(z.string()))
        .transform((values, ctx): ParsedValue => {
          const chosen = field.options.map((o) => o.value).filter((v) => values.includes(v));
          if (values.some((v) => !field.options.some((o) => o.value === v))) return (fail(ctx, say("notAnOption")), undefined);
          if (chosen.length === 0) {
            if (!optional) fail(ctx, say("chooseAtLeastOne"));
            return optional ? [] : undefined;
          }
          const min = rule("minSelected");
          const max = rule("maxSelected");
          if (min && chosen.length < min.value) return (fail(ctx, say("minSelected", { min: min.value }, min.message)), undefined);
          if (max && chosen.length > max.value) return (fail(ctx, say("maxSelected", { max: max.value }, max.message)), undefined);
          return chosen;
        });
    case "postcodeHouseNumber":
      return z
        .preprocess(
          (v) => (v && typeof v === "object" && !Array.isArray(v) ? v : {}),
          z.object({ postcode: z.string().catch(""), houseNumber: z.string().catch(""), addition: z.string().catch("") }),
        )
        .transform((v, ctx): ParsedValue => {
          const postcode = v.postcode.trim();
          const houseNumber = v.houseNumber.trim();
          const addition = v.addition.trim();
          if (!postcode && !houseNumber && !addition) {
            if (!optional) fail(ctx, say("postcodeRequired"), ["postcode"]);
            return undefined;
          }
          let ok = true;
          const normalised = normalisePostcode(postcode);
          if (!postcode) ok = fail(ctx, say("postcodeRequired"), ["postcode"]);
          else if (!normalised) ok = fail(ctx, say("postcode"), ["postcode"]);
          if (!houseNumber) ok = fail(ctx, say("houseNumberRequired"), ["houseNumber"]) && ok;
          else if (!/^[1-9]\d{0,4}$/.test(houseNumber)) ok = fail(ctx, say("houseNumber"), ["houseNumber"]) && ok;
          if (addition && !/^[a-zA-Z0-9][a-zA-Z0-9 -]{0,5}$/.test(addition)) ok = fail(ctx, say("addition"), ["addition"]) && ok;
          return ok ? { postcode: normalised!, houseNumber, addition } : undefined;
        });
    case "file":
      return z
        .preprocess((v) => (Array.isArray(v) ? v : []), z.array(z.object({ name: z.string(), size: z.number(), type: z.string() })))
        .transform((files, ctx): ParsedValue => {
          if (files.length === 0) {
            if (!optional) fail(ctx, say("fileRequired"));
            return optional ? [] : undefined;
          }
          if (files.length > field.maxCount) return (fail(ctx, say("fileTooMany", { max: field.maxCount, count: files.length })), undefined);
          for (const file of files) {
            if (!field.allowedTypes.includes(fileExtension(file.name))) return (fail(ctx, say("fileType", { name: file.name, types: field.allowedTypes.join(", ") })), undefined);
            if (file.size === 0) return (fail(ctx, say("fileEmpty", { name: file.name })), undefined);
            if (file.size > field.maxSizeMb * 1024 * 1024) return (fail(ctx, say("fileTooLarge", { name: file.name, size: formatFileSize(file.size, locale), max: field.maxSizeMb })), undefined);
          }
          return files;
        });
  }
}

/**
 * The zod schema for a definition (or one step of it). Input: the values as the renderer holds
 * them (FormValues); output: the values of the shown fields, normalised. Issues have the path
 * [fieldId] or [fieldId, "postcode" | "houseNumber" | "addition"].
 */
export function toZodSchema(definition: FormDefinition, options: ToZodOptions): z.ZodType<Record<string, ParsedValue>, FormValues> {
  const today = options.today ?? todayInAmsterdam();
  const m = messagesFor(options.locale).forms.errors;
  const steps = options.step === undefined ? definition.steps : definition.steps.slice(options.step, options.step + 1);
  const fields = steps.flatMap((s) => s.fields).map((field) => ({ field, schema: fieldSchema(field, options.locale, today, m) }));
  return z.record(z.string(), z.unknown()).transform((values, ctx) => {
    const out: Record<string, ParsedValue> = {};
    for (const { field, schema } of fields) {
      if (!isFieldVisible(definition, field, values as FormValues)) continue;
      const result = schema.safeParse(values[field.id]);
      if (result.success) out[field.id] = result.data;
      else for (const issue of result.error.issues) ctx.addIssue({ code: "custom", message: issue.message, path: [field.id, ...issue.path.map((p) => (typeof p === "symbol" ? String(p) : p))] });
    }
    return out;
  }) as unknown as z.ZodType<Record<string, ParsedValue>, FormValues>;
}
