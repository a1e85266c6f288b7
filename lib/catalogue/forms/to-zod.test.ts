import { describe, expect, it } from "vitest";
import type { FieldDefinition, FormDefinition } from "./definition";
import { normaliseIban, parseDate, toZodSchema } from "./to-zod";
import type { FormValues } from "./values";

const nlen = (nl: string) => ({ nl, en: `${nl}-en` });
const TODAY = "2026-11-28";

/** A one-step definition around a field (the R8 final step is not needed to build a schema). */
function withField(field: FieldDefinition, extra: FieldDefinition[] = []): FormDefinition {
  return { formatVersion: 1, title: nlen("T"), steps: [{ id: "s", title: nlen("S"), fields: [...extra, field] }] };
}

function run(field: FieldDefinition, value: unknown, extraValues: FormValues = {}, extra: FieldDefinition[] = [], locale: "nl" | "en" = "nl") {
  const result = toZodSchema(withField(field, extra), { locale, today: TODAY }).safeParse({ ...extraValues, [field.id]: value } as FormValues);
  return result.success ? { ok: true as const, value: result.data[field.id] } : { ok: false as const, errors: result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })) };
}

const f = <K extends FieldDefinition["kind"]>(kind: K, rest: Partial<Extract<FieldDefinition, { kind: K }>> = {}) => ({ id: "v", kind, label: nlen("Veld"), ...rest }) as Extract<FieldDefinition, { kind: K }>;
const options = [
  { value: "ja", label: nlen("Ja") },
  { value: "nee", label: nlen("Nee") },
  { value: "misschien", label: nlen("Misschien") },
];

// [name, field, input, expected: normalised value or an error message pattern]
const cases: [string, FieldDefinition, unknown, { value: unknown } | RegExp][] = [
  ["text: required and empty", f("text"), "  ", /^Vul "Veld" in\.$/],
  ["text: optional and empty", f("text", { optional: true }), "", { value: undefined }],
  ["text: trimmed", f("text"), "  Jan  ", { value: "Jan" }],
  ["text: minLength", f("text", { rules: [{ kind: "minLength", value: 3 }] }), "ab", /minstens 3 tekens/],
  ["text: maxLength with count", f("text", { rules: [{ kind: "maxLength", value: 3 }] }), "abcde", /hoogstens 3 tekens hebben\. U heeft er nu 5/],
  ["text: the rule's own message", f("text", { rules: [{ kind: "maxLength", value: 3, message: nlen("Kort houden graag.") }] }), "abcde", /^Kort houden graag\.$/],
  ["text: pattern with its message", f("text", { rules: [{ kind: "pattern", value: "[A-Z]{2}\\d{4}", message: nlen("Vul een kenteken in zoals AB1234.") }] }), "ab12", /^Vul een kenteken in zoals AB1234\.$/],
  ["text: pattern matches the whole value", f("text", { rules: [{ kind: "pattern", value: "[A-Z]{2}\\d{4}", message: nlen("x") }] }), "AB1234", { value: "AB1234" }],
  ["longText: maxLength", f("longText", { rules: [{ kind: "maxLength", value: 10 }] }), "a".repeat(11), /hoogstens 10 tekens/],
  ["number: not a number", f("number"), "twaalf", /een getal in, zoals 12/],
  ["number: Dutch comma", f("number"), "12,5", { value: 12.5 }],
  ["number: integer only", f("number", { integer: true }), "2.5", /heel getal/],
  ["number: min", f("number", { rules: [{ kind: "min", value: 1 }] }), "0", /1 of meer/],
  ["number: max", f("number", { rules: [{ kind: "max", value: 10 }] }), "11", /hoogstens 10/],
  ["date: not a date", f("date"), "31-2-2026", /bestaande datum/],
  ["date: Dutch order to ISO", f("date"), "7-3-2026", { value: "2026-03-07" }],
  ["date: ISO kept", f("date"), "2026-03-07", { value: "2026-03-07" }],
  ["date: not in the past", f("date", { rules: [{ kind: "dateNotInPast" }] }), "27-11-2026", /niet in het verleden/],
  ["date: today is not in the past", f("date", { rules: [{ kind: "dateNotInPast" }] }), "28-11-2026", { value: "2026-11-28" }],
  ["date: not in the future", f("date", { rules: [{ kind: "dateNotInFuture" }] }), "29-11-2026", /niet in de toekomst/],
  ["date: after today", f("date", { rules: [{ kind: "dateAfterToday" }] }), "28-11-2026", /na vandaag/],
  ["date: before today", f("date", { rules: [{ kind: "dateBeforeToday" }] }), "28-11-2026", /vóór vandaag/],
  ["date: days ahead", f("date", { rules: [{ kind: "dateMinDaysAhead", value: 56 }] }), "1-1-2027", /minstens 56 dagen/],
  ["date: days ahead met", f("date", { rules: [{ kind: "dateMinDaysAhead", value: 56 }] }), "23-1-2027", { value: "2027-01-23" }],
  ["email: invalid", f("email"), "jan@", /e-mailadres in zoals/],
  ["email: lower-cased", f("email"), "Jan@Voorbeeld.NL", { value: "jan@voorbeeld.nl" }],
  ["phone: too short", f("phone"), "06 1234", /10 cijfers/],
  ["phone: Dutch mobile", f("phone"), "06-12 34 56 78", { value: "0612345678" }],
  ["phone: international", f("phone"), "+32 2 123 45 67", { value: "+3221234567" }],
  ["iban: wrong check digits", f("iban"), "NL92 ABNA 0417 1643 00", /geen geldig IBAN/],
  ["iban: valid, spaces removed", f("iban"), "nl91 abna 0417 1643 00", { value: "NL91ABNA0417164300" }],
  ["iban: a Belgian one", f("iban"), "BE68 5390 0754 7034", { value: "BE68539007547034" }],
  ["bsn: fails the elfproef", f("bsn"), "123456789", /geen geldig burgerservicenummer/],
  ["bsn: valid", f("bsn"), "9999 96 708", { value: "999996708" }],
  ["kvk: seven digits", f("kvk"), "1234567", /8 cijfers/],
  ["kvk: valid", f("kvk"), "1234 5678", { value: "12345678" }],
  ["choice: nothing chosen", f("choice", { display: "radio", options }), undefined, /^Kies een antwoord bij "Veld"\.$/],
  ["choice: not an option", f("choice", { display: "select", options }), "anders", /een van de mogelijkheden/],
  ["choice: an option", f("choice", { display: "select", options }), "nee", { value: "nee" }],
  ["checkboxes: nothing chosen", f("checkboxes", { options }), [], /minstens één/],
  ["checkboxes: optional and nothing", f("checkboxes", { options, optional: true }), undefined, { value: [] }],
  ["checkboxes: unknown value", f("checkboxes", { options }), ["ja", "x"], /een van de mogelijkheden/],
  ["checkboxes: minSelected", f("checkboxes", { options, rules: [{ kind: "minSelected", value: 2 }] }), ["ja"], /minstens 2/],
  ["checkboxes: maxSelected", f("checkboxes", { options, rules: [{ kind: "maxSelected", value: 1 }] }), ["ja", "nee"], /hoogstens 1/],
  ["checkboxes: one value as a string", f("checkboxes", { options }), "nee", { value: ["nee"] }],
  ["postcode: all empty", f("postcodeHouseNumber"), { postcode: "", houseNumber: "", addition: "" }, /postcode in bij "Veld"/],
  ["postcode: wrong shape", f("postcodeHouseNumber"), { postcode: "123 AB", houseNumber: "1", addition: "" }, /1234 AB/],
  ["postcode: SS is not used", f("postcodeHouseNumber"), { postcode: "1234 SS", houseNumber: "1", addition: "" }, /1234 AB/],
  ["postcode: house number with a letter", f("postcodeHouseNumber"), { postcode: "1234AB", houseNumber: "12a", addition: "" }, /alleen cijfers/],
  ["postcode: valid, normalised", f("postcodeHouseNumber"), { postcode: "1234ab", houseNumber: "12", addition: "A" }, { value: { postcode: "1234 AB", houseNumber: "12", addition: "A" } }],
  ["file: required and none", f("file", { maxSizeMb: 1, allowedTypes: ["pdf"], maxCount: 2 }), [], /Voeg een bestand toe/],
  ["file: too many", f("file", { maxSizeMb: 1, allowedTypes: ["pdf"], maxCount: 1 }), [{ name: "a.pdf", size: 10, type: "" }, { name: "b.pdf", size: 10, type: "" }], /hoogstens 1 bestanden/],
  ["file: wrong type", f("file", { maxSizeMb: 1, allowedTypes: ["pdf", "jpg"], maxCount: 2 }), [{ name: "virus.exe", size: 10, type: "" }], /"virus\.exe" kunnen wij niet aannemen\. Kies een bestand van deze soort: pdf, jpg/],
  ["file: too large", f("file", { maxSizeMb: 1, allowedTypes: ["pdf"], maxCount: 2 }), [{ name: "groot.pdf", size: 2 * 1024 * 1024, type: "" }], /"groot\.pdf" is te groot \(2 MB\)\. Een bestand mag hoogstens 1 MB/],
  ["file: empty", f("file", { maxSizeMb: 1, allowedTypes: ["pdf"], maxCount: 2 }), [{ name: "leeg.pdf", size: 0, type: "" }], /is leeg/],
  ["file: fine", f("file", { maxSizeMb: 1, allowedTypes: ["pdf"], maxCount: 2 }), [{ name: "Brief.PDF", size: 1000, type: "application/pdf" }], { value: [{ name: "Brief.PDF", size: 1000, type: "application/pdf" }] }],
];

describe("toZodSchema, per field kind and rule", () => {
  it.each(cases)("%s", (_name, field, input, expected) => {
    const result = run(field, input);
    if (expected instanceof RegExp) {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.errors[0]!.message).toMatch(expected);
    } else {
      expect(result).toEqual({ ok: true, value: expected.value });
    }
  });

  it("puts postcode and house number errors on their own part", () => {
    const result = run(f("postcodeHouseNumber"), { postcode: "", houseNumber: "x", addition: "" });
    expect(result.ok ? [] : result.errors.map((e) => e.path)).toEqual(["v.postcode", "v.houseNumber"]);
  });

  it("speaks English when asked, and uses the English text of a rule's own message", () => {
    expect(run(f("text"), "", {}, [], "en")).toEqual({ ok: false, errors: [{ path: "v", message: 'Enter "Veld-en".' }] });
    const own = run(f("text", { rules: [{ kind: "minLength", value: 5, message: nlen("Te kort") }] }), "abc", {}, [], "en");
    expect(own).toEqual({ ok: false, errors: [{ path: "v", message: "Te kort-en" }] });
  });
});

describe("toZodSchema and showWhen", () => {
  const soort = { id: "soort", kind: "choice", display: "radio", label: nlen("Soort"), options } as FieldDefinition;
  const dependent = f("text", { showWhen: { field: "soort", equals: "ja" } });

  it("does not check a field that is hidden", () => {
    expect(run(dependent, "", { soort: "nee" }, [soort])).toEqual({ ok: true, value: undefined });
  });

  it("checks it when the condition holds", () => {
    expect(run(dependent, "", { soort: "ja" }, [soort]).ok).toBe(false);
  });

  it("follows a chain: hidden when the field it depends on is hidden itself", () => {
    const middle = { id: "midden", kind: "choice", display: "radio", label: nlen("Midden"), options, showWhen: { field: "soort", equals: "ja" } } as FieldDefinition;
    const last = f("text", { showWhen: { field: "midden", equals: "ja" } });
    expect(run(last, "", { soort: "nee", midden: "ja" }, [soort, middle])).toEqual({ ok: true, value: undefined });
  });

  it("treats showWhen on checkboxes as 'is ticked'", () => {
    const boxes = { id: "soort", kind: "checkboxes", label: nlen("Soort"), options } as FieldDefinition;
    expect(run(dependent, "", { soort: ["nee", "ja"] }, [boxes]).ok).toBe(false);
    expect(run(dependent, "", { soort: ["nee"] }, [boxes]).ok).toBe(true);
  });
});

describe("toZodSchema per step", () => {
  it("checks only the step asked for", () => {
    const definition: FormDefinition = {
      formatVersion: 1,
      title: nlen("T"),
      steps: [
        { id: "a", title: nlen("A"), fields: [f("text", { id: "een" })] },
        { id: "b", title: nlen("B"), fields: [f("text", { id: "twee" })] },
      ],
    };
    expect(toZodSchema(definition, { step: 1, locale: "nl" }).safeParse({ een: "" }).error?.issues.map((i) => i.path)).toEqual([["twee"]]);
    expect(toZodSchema(definition, { locale: "nl" }).safeParse({}).error?.issues.map((i) => i.path)).toEqual([["een"], ["twee"]]);
  });
});

describe("helpers", () => {
  it.each([
    ["2026-02-29", null],
    ["29-2-2028", "2028-02-29"],
    ["1/12/2026", "2026-12-01"],
    ["morgen", null],
  ])("parseDate(%s) = %s", (input, expected) => expect(parseDate(input)).toBe(expected));

  it("checks IBANs with mod 97", () => {
    expect(normaliseIban("GB82 WEST 1234 5698 7654 32")).toBe("GB82WEST12345698765432");
    expect(normaliseIban("NL91ABNA041716430")).toBeNull();
  });
});
