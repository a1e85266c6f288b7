import { describe, expect, it } from "vitest";
import { validateDefinition, validateDefinitionText, type FormDefinition } from "./definition";

const nlen = (nl: string) => ({ nl, en: `${nl} (en)` });

/** A valid definition to break in one place per case. */
function base(): FormDefinition {
  return {
    formatVersion: 1,
    title: nlen("Test"),
    steps: [
      {
        id: "een",
        title: nlen("Stap een"),
        fields: [
          { id: "naam", kind: "text", label: nlen("Naam"), prefill: "name", rules: [{ kind: "minLength", value: 2 }] },
          { id: "soort", kind: "choice", display: "radio", label: nlen("Soort"), options: [{ value: "a", label: nlen("A") }, { value: "b", label: nlen("B") }] },
          { id: "uitleg-b", kind: "text", label: nlen("Uitleg B"), showWhen: { field: "soort", equals: "b" } },
        ],
      },
      {
        id: "slot",
        title: nlen("Slot"),
        fields: [
          { id: "toelichting", kind: "longText", label: nlen("Toelichting"), optional: true },
          { id: "bijlagen", kind: "file", label: nlen("Bijlagen"), optional: true, maxSizeMb: 5, allowedTypes: ["pdf"], maxCount: 3 },
        ],
      },
    ],
  };
}

type Mutate = (d: FormDefinition & Record<string, unknown>) => void;
const fields = (d: FormDefinition, step: number) => d.steps[step]!.fields as unknown as Record<string, unknown>[];

describe("validateDefinition", () => {
  it("accepts a valid definition and returns it typed", () => {
    const result = validateDefinition(base());
    expect(result.ok).toBe(true);
  });

  const cases: [string, Mutate, { path: string; message: RegExp }][] = [
    ["a missing title", (d) => void delete (d as Record<string, unknown>).title, { path: "title", message: /ontbreekt/ }],
    ["an empty English label", (d) => void (fields(d, 0)[0]!.label = { nl: "Naam", en: " " }), { path: "steps[0].fields[0].label.en", message: /mag niet leeg zijn/ }],
    ["an unknown key (a typo)", (d) => void (fields(d, 0)[0]!.lable = "x"), { path: "steps[0].fields[0]", message: /onbekende sleutel "lable"/ }],
    ["an unknown field kind", (d) => void (fields(d, 0)[0]!.kind = "slider"), { path: "steps[0].fields[0].kind", message: /onbekende soort veld "slider"/ }],
    ["a bad id", (d) => void (fields(d, 0)[0]!.id = "Naam met spatie"), { path: "steps[0].fields[0].id", message: /kleine letters/ }],
    ["a duplicate field id", (d) => void (fields(d, 1)[0]!.id = "naam"), { path: "steps[1].fields[0].id", message: /veld-id "naam" komt al voor bij steps\[0\]\.fields\[0\]/ }],
    ["a duplicate step id", (d) => void (d.steps[1]!.id = "een"), { path: "steps[1].id", message: /stap-id "een" komt al voor/ }],
    ["a showWhen to a field that does not exist", (d) => void (fields(d, 0)[2]!.showWhen = { field: "x", equals: "b" }), { path: "steps[0].fields[2].showWhen.field", message: /veld "x" bestaat niet/ }],
    ["a showWhen to a later field", (d) => void (fields(d, 0)[2]!.showWhen = { field: "toelichting", equals: "b" }), { path: "steps[0].fields[2].showWhen.field", message: /komt pas later/ }],
    ["a showWhen to a field that is no choice", (d) => void (fields(d, 0)[2]!.showWhen = { field: "naam", equals: "b" }), { path: "steps[0].fields[2].showWhen.field", message: /geen keuzeveld/ }],
    ["a showWhen with a value that is no option", (d) => void (fields(d, 0)[2]!.showWhen = { field: "soort", equals: "c" }), { path: "steps[0].fields[2].showWhen.equals", message: /"c" is geen mogelijkheid van veld "soort" \(wel: a, b\)/ }],
    ["duplicate options", (d) => void ((fields(d, 0)[1]!.options as { value: string }[])[1]!.value = "a"), { path: "steps[0].fields[1].options[1].value", message: /komt twee keer voor/ }],
    ["a choice without display", (d) => void delete fields(d, 0)[1]!.display, { path: "steps[0].fields[1].display", message: /"radio" of "select"/ }],
    ["a rule that does not fit the kind", (d) => void (fields(d, 0)[0]!.rules = [{ kind: "min", value: 3 }]), { path: "steps[0].fields[0].rules[0].kind", message: /regel "min" past niet bij een veld van soort "text"/ }],
    ["an unknown rule", (d) => void (fields(d, 0)[0]!.rules = [{ kind: "length", value: 3 }]), { path: "steps[0].fields[0].rules[0].kind", message: /onbekende regel "length"/ }],
    ["minLength above maxLength", (d) => void (fields(d, 0)[0]!.rules = [{ kind: "minLength", value: 5 }, { kind: "maxLength", value: 3 }]), { path: "steps[0].fields[0].rules[1].value", message: /kleiner dan minLength/ }],
    ["an invalid pattern", (d) => void (fields(d, 0)[0]!.rules = [{ kind: "pattern", value: "([a-z", message: nlen("x") }]), { path: "steps[0].fields[0].rules[0].value", message: /geen geldige reguliere expressie/ }],
    ["a pattern without its own message", (d) => void (fields(d, 0)[0]!.rules = [{ kind: "pattern", value: "[a-z]+" }]), { path: "steps[0].fields[0].rules[0].message", message: /eigen melding/ }],
    ["a file field without limits", (d) => void delete fields(d, 1)[1]!.maxSizeMb, { path: "steps[1].fields[1].maxSizeMb", message: /maxSizeMb moet een getal zijn/ }],
    ["a bad file type", (d) => void (fields(d, 1)[1]!.allowedTypes = [".pdf"]), { path: "steps[1].fields[1].allowedTypes[0]", message: /extensie zonder punt/ }],
    ["prefill email on a text field", (d) => void (fields(d, 0)[0]!.prefill = "email"), { path: "steps[0].fields[0].prefill", message: /alleen bij een veld van soort "email"/ }],
    ["no free text at the end (R8)", (d) => void d.steps[1]!.fields.splice(0, 1), { path: "steps[1].fields", message: /longText.*R8/ }],
    ["no attachments at the end (R8)", (d) => void d.steps[1]!.fields.splice(1, 1), { path: "steps[1].fields", message: /"file".*R8/ }],
    ["attachments at the end that may be hidden (R8)", (d) => void (d.steps[1]!.fields[1] = { ...d.steps[1]!.fields[1]!, showWhen: { field: "soort", equals: "a" } } as never), { path: "steps[1].fields", message: /"file".*altijd zichtbaar/ }],
    ["a wrong format version", (d) => void (d.formatVersion = 2 as 1), { path: "formatVersion", message: /formatVersion moet 1 zijn/ }],
    ["no steps", (d) => void (d.steps = []), { path: "steps", message: /minstens 1 stap/ }],
    ["a choice with one option", (d) => void (fields(d, 0)[1]!.options = [{ value: "a", label: nlen("A") }]), { path: "steps[0].fields[1].options", message: /minstens 2/ }],
  ];

  it.each(cases)("refuses %s, with the path", (_name, mutate, expected) => {
    const definition = base() as FormDefinition & Record<string, unknown>;
    mutate(definition);
    const result = validateDefinition(definition);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toContainEqual({ path: expected.path, message: expect.stringMatching(expected.message) });
  });

  it("reports every problem at once, not only the first", () => {
    const d = base();
    fields(d, 0)[2]!.showWhen = { field: "x", equals: "b" };
    fields(d, 1)[0]!.id = "naam";
    const result = validateDefinition(d);
    expect(result.ok ? [] : result.problems.map((p) => p.path)).toEqual(["steps[0].fields[2].showWhen.field", "steps[1].fields[0].id"]);
  });
});

describe("validateDefinitionText", () => {
  it("says where JSON is broken", () => {
    const result = validateDefinitionText('{\n  "formatVersion": 1,\n  "title": {,\n}');
    expect(result).toEqual({ ok: false, problems: [{ path: expect.stringMatching(/^regel \d+$|het hele formulier/), message: expect.stringMatching(/geen geldige JSON/) }] });
  });

  it("refuses empty text", () => {
    expect(validateDefinitionText("  ")).toMatchObject({ ok: false, problems: [{ message: "de definitie is leeg" }] });
  });

  it("accepts valid JSON text", () => {
    expect(validateDefinitionText(JSON.stringify(base())).ok).toBe(true);
  });
});
