import { z } from "zod";

/**
 * The form definition format (docs/forms.md): a product's web form as data, so admins add and
 * change forms without a deploy. A definition has steps; a step has fields; every text shown to
 * residents is bilingual ({ nl, en }). validateDefinition() checks the shape with zod and then
 * the cross-checks zod cannot express (unique ids, showWhen pointing to an earlier choice field
 * and one of its options, rules that fit the field kind, the R8 final step), and reports every
 * problem with its exact path in plain Dutch. Pure module: used by the editor in the browser,
 * the server actions and the seed test.
 */

export const FORMAT_VERSION = 1;

const text = (what: string) => z.string({ error: (i) => (i.input === undefined ? `${what} ontbreekt` : `${what} moet een tekst zijn`) }).trim().min(1, `${what} mag niet leeg zijn`);

/** A text in both languages. */
export const localisedText = z.strictObject({ nl: text("de Nederlandse tekst"), en: text("de Engelse tekst") });
export type LocalisedText = z.infer<typeof localisedText>;

const id = z
  .string({ error: (i) => (i.input === undefined ? "de id ontbreekt" : "de id moet een tekst zijn") })
  .regex(/^[a-z][a-z0-9-]{0,39}$/, "een id bestaat uit kleine letters, cijfers en streepjes, begint met een letter en is hoogstens 40 tekens lang");

const message = localisedText.optional();

const positiveInt = (what: string) => z.number({ error: `${what} moet een getal zijn` }).int(`${what} moet een heel getal zijn`).min(0, `${what} mag niet negatief zijn`);

/** Validation rules, each with an optional message of its own (shown instead of the standard one). */
export const ruleSchema = z.discriminatedUnion(
  "kind",
  [
    z.strictObject({ kind: z.literal("minLength"), value: positiveInt("value"), message }),
    z.strictObject({ kind: z.literal("maxLength"), value: positiveInt("value"), message }),
    z.strictObject({ kind: z.literal("pattern"), value: z.string({ error: "value moet een reguliere expressie zijn" }).min(1, "value mag niet leeg zijn"), message }),
    z.strictObject({ kind: z.literal("min"), value: z.number({ error: "value moet een getal zijn" }), message }),
    z.strictObject({ kind: z.literal("max"), value: z.number({ error: "value moet een getal zijn" }), message }),
    z.strictObject({ kind: z.literal("dateNotInPast"), message }),
    z.strictObject({ kind: z.literal("dateNotInFuture"), message }),
    z.strictObject({ kind: z.literal("dateAfterToday"), message }),
    z.strictObject({ kind: z.literal("dateBeforeToday"), message }),
    z.strictObject({ kind: z.literal("dateMinDaysAhead"), value: positiveInt("value"), message }),
    z.strictObject({ kind: z.literal("minSelected"), value: positiveInt("value"), message }),
    z.strictObject({ kind: z.literal("maxSelected"), value: positiveInt("value"), message }),
  ],
  {
    error: (i) =>
      `onbekende regel${typeof (i.input as { kind?: unknown } | undefined)?.kind === "string" ? ` "${(i.input as { kind: string }).kind}"` : ""}; kies uit minLength, maxLength, pattern, min, max, dateNotInPast, dateNotInFuture, dateAfterToday, dateBeforeToday, dateMinDaysAhead, minSelected, maxSelected`,
  },
);
export type Rule = z.infer<typeof ruleSchema>;
export type RuleKind = Rule["kind"];

const optionSchema = z.strictObject({ value: id, label: localisedText });

const common = {
  id,
  label: localisedText,
  hint: localisedText.optional(),
  /** Fields are required unless marked optional; optional fields say "(niet verplicht)". */
  optional: z.boolean({ error: "optional moet true of false zijn" }).optional(),
  rules: z.array(ruleSchema, { error: "rules moet een lijst zijn" }).optional(),
  /** Shown (and checked) only when an earlier choice field has this value. */
  showWhen: z.strictObject({ field: id, equals: z.string({ error: "equals moet een tekst zijn" }) }).optional(),
  /** Filled in from the session when empty. */
  prefill: z.enum(["name", "email"], { error: 'prefill moet "name" of "email" zijn' }).optional(),
};

const options = z.array(optionSchema, { error: "options moet een lijst zijn" }).min(2, "geef minstens 2 mogelijkheden");

export const fieldKinds = ["text", "longText", "number", "date", "email", "phone", "postcodeHouseNumber", "iban", "bsn", "kvk", "choice", "checkboxes", "file"] as const;
export type FieldKind = (typeof fieldKinds)[number];

export const fieldSchema = z.discriminatedUnion(
  "kind",
  [
    z.strictObject({ ...common, kind: z.literal("text") }),
    z.strictObject({ ...common, kind: z.literal("longText") }),
    z.strictObject({ ...common, kind: z.literal("number"), integer: z.boolean().optional() }),
    z.strictObject({ ...common, kind: z.literal("date") }),
    z.strictObject({ ...common, kind: z.literal("email") }),
    z.strictObject({ ...common, kind: z.literal("phone") }),
    z.strictObject({ ...common, kind: z.literal("postcodeHouseNumber") }),
    z.strictObject({ ...common, kind: z.literal("iban") }),
    z.strictObject({ ...common, kind: z.literal("bsn") }),
    z.strictObject({ ...common, kind: z.literal("kvk") }),
    z.strictObject({ ...common, kind: z.literal("choice"), display: z.enum(["radio", "select"], { error: 'display moet "radio" of "select" zijn' }), options }),
    z.strictObject({ ...common, kind: z.literal("checkboxes"), options }),
    z.strictObject({
      ...common,
      kind: z.literal("file"),
      /** Largest size of one file, in MB. */
      maxSizeMb: z.number({ error: "maxSizeMb moet een getal zijn" }).positive("maxSizeMb moet groter dan 0 zijn").max(100, "maxSizeMb mag hoogstens 100 zijn"),
      /** File extensions without dot, lower case: "pdf", "jpg". */
      allowedTypes: z.array(z.string().regex(/^[a-z0-9]{2,5}$/, 'een bestandssoort is een extensie zonder punt, zoals "pdf"'), { error: "allowedTypes moet een lijst zijn" }).min(1, "geef minstens 1 bestandssoort"),
      maxCount: z.number({ error: "maxCount moet een getal zijn" }).int("maxCount moet een heel getal zijn").min(1, "maxCount moet minstens 1 zijn").max(20, "maxCount mag hoogstens 20 zijn"),
    }),
  ],
  {
    error: (i) =>
      `onbekende soort veld${typeof (i.input as { kind?: unknown } | undefined)?.kind === "string" ? ` "${(i.input as { kind: string }).kind}"` : ""}; kies uit ${fieldKinds.join(", ")}`,
  },
);
export type FieldDefinition = z.infer<typeof fieldSchema>;
export type ChoiceField = Extract<FieldDefinition, { kind: "choice" }>;
export type CheckboxesField = Extract<FieldDefinition, { kind: "checkboxes" }>;
export type FileField = Extract<FieldDefinition, { kind: "file" }>;

export const stepSchema = z.strictObject({
  id,
  title: localisedText,
  intro: localisedText.optional(),
  fields: z.array(fieldSchema, { error: "fields moet een lijst zijn" }).min(1, "een stap heeft minstens 1 veld"),
});
export type StepDefinition = z.infer<typeof stepSchema>;

export const definitionSchema = z.strictObject({
  formatVersion: z.literal(FORMAT_VERSION, { error: `formatVersion moet ${FORMAT_VERSION} zijn` }),
  title: localisedText,
  intro: localisedText.optional(),
  steps: z.array(stepSchema, { error: "steps moet een lijst zijn" }).min(1, "een formulier heeft minstens 1 stap").max(20, "een formulier heeft hoogstens 20 stappen"),
});
export type FormDefinition = z.infer<typeof definitionSchema>;

/** One problem in a definition: where (steps[1].fields[3].showWhen.field) and what, in Dutch. */
export interface DefinitionProblem {
  path: string;
  message: string;
}

export type DefinitionCheck = { ok: true; definition: FormDefinition } | { ok: false; problems: DefinitionProblem[] };

/** "steps[1].fields[3].label.nl" from zod's path. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, part) => (typeof part === "number" ? `${out}[${part}]` : out ? `${out}.${String(part)}` : String(part)), "");
}

// Dutch messages for the zod issues our own messages do not cover.
function dutchIssue(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return "ontbreekt";
      return issue.expected === "object" ? "moet een object { … } zijn" : issue.expected === "array" ? "moet een lijst [ … ] zijn" : `moet van het type ${issue.expected} zijn`;
    case "unrecognized_keys":
      return `onbekende sleutel${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")}`;
    case "invalid_value":
      return `moet een van deze waarden zijn: ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
    default:
      return undefined;
  }
}

const ruleKindsFor: Record<FieldKind, readonly RuleKind[]> = {
  text: ["minLength", "maxLength", "pattern"],
  longText: ["minLength", "maxLength", "pattern"],
  email: ["maxLength", "pattern"],
  phone: ["pattern"],
  number: ["min", "max"],
  date: ["dateNotInPast", "dateNotInFuture", "dateAfterToday", "dateBeforeToday", "dateMinDaysAhead"],
  postcodeHouseNumber: [],
  iban: [],
  bsn: [],
  kvk: [],
  choice: [],
  checkboxes: ["minSelected", "maxSelected"],
  file: [],
};

const kindNames: Record<FieldKind, string> = {
  text: "text",
  longText: "longText",
  number: "number",
  date: "date",
  email: "email",
  phone: "phone",
  postcodeHouseNumber: "postcodeHouseNumber",
  iban: "iban",
  bsn: "bsn",
  kvk: "kvk",
  choice: "choice",
  checkboxes: "checkboxes",
  file: "file",
};

/** The cross-checks on a definition whose shape is right. */
function crossCheck(definition: FormDefinition): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });
  const seen = new Map<string, { field: FieldDefinition; path: string }>();
  const stepIds = new Map<string, string>();

  definition.steps.forEach((step, s) => {
    const stepPath = `steps[${s}]`;
    if (stepIds.has(step.id)) add(`${stepPath}.id`, `stap-id "${step.id}" komt al voor bij ${stepIds.get(step.id)}`);
    else stepIds.set(step.id, stepPath);

    step.fields.forEach((field, f) => {
      const path = `${stepPath}.fields[${f}]`;
      const earlier = seen.get(field.id);
      if (earlier) add(`${path}.id`, `veld-id "${field.id}" komt al voor bij ${earlier.path}`);

      if ("options" in field) {
        const values = new Set<string>();
        field.options.forEach((option, o) => {
          if (values.has(option.value)) add(`${path}.options[${o}].value`, `mogelijkheid "${option.value}" komt twee keer voor`);
          values.add(option.value);
        });
      }

      const bounds: Partial<Record<RuleKind, number>> = {};
      (field.rules ?? []).forEach((rule, r) => {
        const rulePath = `${path}.rules[${r}]`;
        if (!ruleKindsFor[field.kind].includes(rule.kind)) {
          add(`${rulePath}.kind`, `regel "${rule.kind}" past niet bij een veld van soort "${kindNames[field.kind]}"${ruleKindsFor[field.kind].length ? ` (wel: ${ruleKindsFor[field.kind].join(", ")})` : " (dit soort veld heeft geen regels)"}`);
          return;
        }
        if (bounds[rule.kind] !== undefined) add(`${rulePath}.kind`, `regel "${rule.kind}" komt twee keer voor`);
        if ("value" in rule && typeof rule.value === "number") bounds[rule.kind] = rule.value;
        if (rule.kind === "pattern") {
          try {
            new RegExp(rule.value, "u");
          } catch {
            add(`${rulePath}.value`, `"${rule.value}" is geen geldige reguliere expressie`);
          }
          if (!rule.message) add(`${rulePath}.message`, "een pattern-regel heeft een eigen melding nodig, die in gewone taal zegt wat er moet staan");
        }
        if ((rule.kind === "minSelected" || rule.kind === "maxSelected") && "options" in field && rule.value > field.options.length) {
          add(`${rulePath}.value`, `${rule.value} is meer dan het aantal mogelijkheden (${field.options.length})`);
        }
      });
      const pairs: [RuleKind, RuleKind][] = [["minLength", "maxLength"], ["min", "max"], ["minSelected", "maxSelected"]];
      for (const [low, high] of pairs) {
        if (bounds[low] !== undefined && bounds[high] !== undefined && bounds[low]! > bounds[high]!) {
          const r = (field.rules ?? []).findIndex((rule) => rule.kind === high);
          add(`${path}.rules[${r}].value`, `${high} (${bounds[high]}) is kleiner dan ${low} (${bounds[low]})`);
        }
      }

      if (field.showWhen) {
        const target = seen.get(field.showWhen.field);
        if (field.showWhen.field === field.id) add(`${path}.showWhen.field`, "een veld kan niet van zichzelf afhangen");
        else if (!target) {
          const later = definition.steps.flatMap((st) => st.fields).some((other) => other.id === field.showWhen!.field);
          add(`${path}.showWhen.field`, later ? `veld "${field.showWhen.field}" komt pas later in het formulier; het moet ervoor staan` : `veld "${field.showWhen.field}" bestaat niet`);
        } else if (target.field.kind !== "choice" && target.field.kind !== "checkboxes") {
          add(`${path}.showWhen.field`, `veld "${field.showWhen.field}" is geen keuzeveld (choice of checkboxes)`);
        } else if (!target.field.options.some((o) => o.value === field.showWhen!.equals)) {
          add(`${path}.showWhen.equals`, `"${field.showWhen.equals}" is geen mogelijkheid van veld "${field.showWhen.field}" (wel: ${target.field.options.map((o) => o.value).join(", ")})`);
        }
      }
      if (field.prefill === "email" && field.kind !== "email") add(`${path}.prefill`, 'prefill "email" kan alleen bij een veld van soort "email"');
      if (field.prefill === "name" && field.kind !== "text") add(`${path}.prefill`, 'prefill "name" kan alleen bij een veld van soort "text"');

      if (!earlier) seen.set(field.id, { field, path });
    });
  });

  // R8: every form ends with free text and attachments, always shown.
  const last = definition.steps.length - 1;
  const finalStep = definition.steps[last];
  if (finalStep) {
    const always = finalStep.fields.filter((f) => !f.showWhen);
    if (!always.some((f) => f.kind === "longText")) add(`steps[${last}].fields`, "de laatste stap moet een veld van soort \"longText\" hebben (vrije tekst) dat altijd zichtbaar is (R8)");
    if (!always.some((f) => f.kind === "file")) add(`steps[${last}].fields`, "de laatste stap moet een veld van soort \"file\" hebben (bijlagen) dat altijd zichtbaar is (R8)");
  }
  return problems;
}

/** Checks a definition (already parsed from JSON): every problem with its path, or the typed definition. */
export function validateDefinition(input: unknown): DefinitionCheck {
  const parsed = definitionSchema.safeParse(input, { error: dutchIssue });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => ({ path: formatPath(issue.path) || "(het hele formulier)", message: issue.message }));
    return { ok: false, problems };
  }
  const problems = crossCheck(parsed.data);
  return problems.length ? { ok: false, problems } : { ok: true, definition: parsed.data };
}

/** Checks a definition typed or uploaded as JSON text; a JSON syntax error is reported with its line. */
export function validateDefinitionText(source: string): DefinitionCheck {
  if (!source.trim()) return { ok: false, problems: [{ path: "(het hele formulier)", message: "de definitie is leeg" }] };
  let json: unknown;
  try {
    json = JSON.parse(source);
  } catch (error) {
    const detail = error instanceof Error ? error.message : "";
    const position = /position (\d+)/.exec(detail)?.[1];
    const line = position ? source.slice(0, Number(position)).split("\n").length : undefined;
    return { ok: false, problems: [{ path: line ? `regel ${line}` : "(het hele formulier)", message: "dit is geen geldige JSON; controleer komma's, aanhalingstekens en haakjes" }] };
  }
  return validateDefinition(json);
}

/** Every field of a definition in order, with the index of its step. */
export function allFields(definition: FormDefinition): { field: FieldDefinition; step: number }[] {
  return definition.steps.flatMap((step, s) => step.fields.map((field) => ({ field, step: s })));
}

/** The definition as JSON text the way the editor and export show it. */
export function definitionToText(definition: unknown): string {
  return `${JSON.stringify(definition, null, 2)}\n`;
}
