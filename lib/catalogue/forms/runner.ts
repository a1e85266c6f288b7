import type { Locale } from "../../i18n";
import type { FormDefinition } from "./definition";
import { toZodSchema } from "./to-zod";
import { controlId, isFieldVisible, isStepVisible, type AddressValue, type FileDescriptor, type FormValues } from "./values";

/**
 * Walking through a form: which page comes next, what is checked on the way, and the answers
 * for "check your answers". The same pure function runs in the server action (every post,
 * with or without JavaScript) and in the editor's live preview. Pure module.
 */

/** A page of a form run: a step (index), the check-your-answers page, or the end of a preview. */
export type RunnerPage = number | "check" | "sent";

/** One problem, linked to the control it is about (the HTML id). */
export interface RunnerError {
  field: string;
  message: string;
}

export interface RunnerState {
  page: RunnerPage;
  values: FormValues;
  errors: RunnerError[];
  /** Set when a step was opened with "Wijzig" from the check page: "next" returns there. */
  returnToCheck: boolean;
}

/** What the resident asked for with the button they pressed. */
export type Navigation = { kind: "next" } | { kind: "back" } | { kind: "edit"; step: number } | { kind: "submit" } | { kind: "restart" };

/** Reads a button value ("next", "back", "edit:2", "submit", "restart"). */
export function parseNavigation(value: unknown): Navigation {
  if (value === "back") return { kind: "back" };
  if (value === "submit") return { kind: "submit" };
  if (value === "restart") return { kind: "restart" };
  const edit = typeof value === "string" ? /^edit:(\d{1,2})$/.exec(value) : null;
  if (edit) return { kind: "edit", step: Number(edit[1]) };
  return { kind: "next" };
}

/** The first page of a run, with values filled in from the session where the definition asks for it. */
export function initialState(definition: FormDefinition, prefill: { name?: string; email?: string } = {}): RunnerState {
  const values: FormValues = {};
  for (const step of definition.steps) {
    for (const field of step.fields) {
      if (field.prefill && prefill[field.prefill]) values[field.id] = prefill[field.prefill];
    }
  }
  return { page: firstVisibleStep(definition, values, 0, 1) ?? 0, values, errors: [], returnToCheck: false };
}

function firstVisibleStep(definition: FormDefinition, values: FormValues, from: number, direction: 1 | -1): number | null {
  for (let i = from; i >= 0 && i < definition.steps.length; i += direction) if (isStepVisible(definition, i, values)) return i;
  return null;
}

/** The steps shown for these values, as indexes into definition.steps. */
export function visibleSteps(definition: FormDefinition, values: FormValues): number[] {
  return definition.steps.map((_, i) => i).filter((i) => isStepVisible(definition, i, values));
}

/** The errors of a step (or, without a step, the whole form), linked to their controls. */
export function checkValues(definition: FormDefinition, values: FormValues, options: { step?: number; locale: Locale; today?: string }): RunnerError[] {
  const result = toZodSchema(definition, options).safeParse(values);
  if (result.success) return [];
  return result.error.issues.map((issue) => {
    const [fieldId, part] = issue.path as [string, ("postcode" | "houseNumber" | "addition")?];
    return { field: controlId(fieldId, part), message: issue.message };
  });
}

/**
 * The next state after a post: `stepValues` are the values of the current page's fields as
 * sent. Moving on checks the page first; going back never does, and nothing typed is lost.
 */
export function advance(definition: FormDefinition, state: RunnerState, navigation: Navigation, stepValues: FormValues, options: { locale: Locale; today?: string }): RunnerState {
  const values = { ...state.values, ...stepValues };
  const page = typeof state.page === "number" && state.page >= 0 && state.page < definition.steps.length ? state.page : state.page === "sent" ? "check" : state.page;
  const last = definition.steps.length - 1;

  switch (navigation.kind) {
    case "restart":
      return { ...initialState(definition), values: {} };
    case "back": {
      const from = page === "check" ? last : Math.max(0, (page as number) - 1);
      return { page: firstVisibleStep(definition, values, from, -1) ?? firstVisibleStep(definition, values, 0, 1) ?? 0, values, errors: [], returnToCheck: false };
    }
    case "edit": {
      const step = Math.min(Math.max(0, navigation.step), last);
      return { page: step, values, errors: [], returnToCheck: true };
    }
    case "next": {
      if (page === "check") return { ...state, page: "check", values, errors: [] };
      const errors = checkValues(definition, values, { step: page, ...options });
      if (errors.length) return { page, values, errors, returnToCheck: state.returnToCheck };
      if (state.returnToCheck) return { page: "check", values, errors: [], returnToCheck: false };
      return { page: firstVisibleStep(definition, values, page + 1, 1) ?? "check", values, errors: [], returnToCheck: false };
    }
    case "submit": {
      for (const step of visibleSteps(definition, values)) {
        const errors = checkValues(definition, values, { step, ...options });
        if (errors.length) return { page: step, values, errors, returnToCheck: true };
      }
      return { page: "sent", values, errors: [], returnToCheck: false };
    }
  }
}

export interface AnswerRow {
  fieldId: string;
  label: string;
  answer: string[];
}

/** The answers of the shown fields per shown step, as the check page lists them. */
export function answerRows(definition: FormDefinition, values: FormValues, locale: Locale): { step: number; title: string; rows: AnswerRow[] }[] {
  return visibleSteps(definition, values).map((s) => {
    const step = definition.steps[s]!;
    const rows = step.fields
      .filter((field) => isFieldVisible(definition, field, values))
      .map((field): AnswerRow => {
        const value = values[field.id];
        let answer: string[] = [];
        if (field.kind === "choice") {
          const option = field.options.find((o) => o.value === value);
          answer = option ? [option.label[locale]] : [];
        } else if (field.kind === "checkboxes") {
          const chosen = Array.isArray(value) ? (value as string[]) : [];
          answer = field.options.filter((o) => chosen.includes(o.value)).map((o) => o.label[locale]);
        } else if (field.kind === "postcodeHouseNumber") {
          const a = value as AddressValue | undefined;
          answer = a && (a.postcode || a.houseNumber) ? [`${a.postcode.toUpperCase()} ${a.houseNumber}${a.addition ? ` ${a.addition}` : ""}`.trim()] : [];
        } else if (field.kind === "file") {
          answer = Array.isArray(value) ? (value as FileDescriptor[]).map((f) => f.name) : [];
        } else if (typeof value === "string" && value.trim()) {
          answer = field.kind === "longText" ? value.trim().split(/\r?\n/) : [value.trim()];
        }
        return { fieldId: field.id, label: field.label[locale], answer };
      });
    return { step: s, title: step.title[locale], rows };
  });
}
