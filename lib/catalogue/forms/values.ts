import type { FieldDefinition, FormDefinition } from "./definition";

/**
 * The values a resident fills in, keyed by field id, as the renderer and the server actions
 * hold them between steps. Pure module.
 */

/** A chosen file as far as a preview knows it: nothing is stored, only what the browser tells. */
export interface FileDescriptor {
  name: string;
  size: number;
  type: string;
}

export interface AddressValue {
  postcode: string;
  houseNumber: string;
  addition: string;
}

export type FieldValue = string | string[] | AddressValue | FileDescriptor[];
export type FormValues = Record<string, FieldValue | undefined>;

/** The HTML id of a field's (first) control, which the error summary links to. */
export function controlId(fieldId: string, part?: "postcode" | "houseNumber" | "addition"): string {
  return part ? `f-${fieldId}-${part === "houseNumber" ? "huisnummer" : part === "addition" ? "toevoeging" : "postcode"}` : `f-${fieldId}`;
}

/** The form-data name of a field (or of a part of a postcode and house number field). */
export function inputName(fieldId: string, part?: "postcode" | "houseNumber" | "addition"): string {
  return part ? `${fieldId}.${part}` : fieldId;
}

/** The form-data name under which a browser with JavaScript sends what it knows of chosen files. */
export function fileDescriptorsName(fieldId: string): string {
  return `${fieldId}.__bestanden`;
}

function isDescriptor(value: unknown): value is FileDescriptor {
  if (!value || typeof value !== "object") return false;
  const v = value as Record<string, unknown>;
  return typeof v.name === "string" && typeof v.size === "number" && Number.isFinite(v.size) && v.size >= 0 && typeof v.type === "string";
}

/** A value of the right shape for the field, or undefined: state coming back from a browser is not trusted. */
export function coerceValue(field: FieldDefinition, value: unknown): FieldValue | undefined {
  switch (field.kind) {
    case "checkboxes":
      return Array.isArray(value) && value.every((v) => typeof v === "string") ? value.slice(0, 100) : undefined;
    case "postcodeHouseNumber": {
      if (!value || typeof value !== "object" || Array.isArray(value)) return undefined;
      const v = value as Record<string, unknown>;
      const part = (key: string) => (typeof v[key] === "string" ? (v[key] as string).slice(0, 50) : "");
      return { postcode: part("postcode"), houseNumber: part("houseNumber"), addition: part("addition") };
    }
    case "file":
      return Array.isArray(value) && value.every(isDescriptor) ? value.slice(0, 50).map((d) => ({ name: d.name.slice(0, 255), size: d.size, type: d.type.slice(0, 100) })) : undefined;
    default:
      return typeof value === "string" ? value.slice(0, 20_000) : undefined;
  }
}

/** Only the known fields of a definition, each of the right shape. */
export function sanitiseValues(definition: FormDefinition, input: unknown): FormValues {
  const out: FormValues = {};
  if (!input || typeof input !== "object") return out;
  for (const step of definition.steps) {
    for (const field of step.fields) {
      const value = coerceValue(field, (input as Record<string, unknown>)[field.id]);
      if (value !== undefined) out[field.id] = value;
    }
  }
  return out;
}

/** Reads the values of one step's fields from posted form data; `getAll` gives every value sent under a name. */
export function readStepValues(fields: readonly FieldDefinition[], getAll: (name: string) => unknown[], previous: FormValues): FormValues {
  const out: FormValues = {};
  const first = (name: string) => {
    const v = getAll(name)[0];
    return typeof v === "string" ? v : "";
  };
  for (const field of fields) {
    switch (field.kind) {
      case "checkboxes":
        out[field.id] = getAll(field.id).filter((v): v is string => typeof v === "string");
        break;
      case "postcodeHouseNumber":
        out[field.id] = { postcode: first(inputName(field.id, "postcode")), houseNumber: first(inputName(field.id, "houseNumber")), addition: first(inputName(field.id, "addition")) };
        break;
      case "file": {
        // A browser without JavaScript sends the files themselves; with JavaScript only what it knows of them.
        const files = getAll(field.id).filter((v): v is File => typeof File !== "undefined" && v instanceof File && (v.size > 0 || v.name !== ""));
        let descriptors: FileDescriptor[] | undefined = files.length ? files.map((f) => ({ name: f.name, size: f.size, type: f.type })) : undefined;
        if (!descriptors) {
          const sent = first(fileDescriptorsName(field.id));
          if (sent) {
            try {
              descriptors = coerceValue(field, JSON.parse(sent)) as FileDescriptor[] | undefined;
            } catch {
              descriptors = undefined;
            }
          }
        }
        // Choosing no new file keeps the files chosen before.
        out[field.id] = descriptors ?? (previous[field.id] as FileDescriptor[] | undefined) ?? [];
        break;
      }
      default:
        out[field.id] = first(field.id);
    }
  }
  return out;
}

/** True when the field is shown for these values: its showWhen condition holds, and the field it depends on is shown itself. */
export function isFieldVisible(definition: FormDefinition, field: FieldDefinition, values: FormValues, depth = 0): boolean {
  if (!field.showWhen || depth > 50) return true;
  const controller = definition.steps.flatMap((s) => s.fields).find((f) => f.id === field.showWhen!.field);
  if (!controller || !isFieldVisible(definition, controller, values, depth + 1)) return false;
  const value = values[controller.id];
  return Array.isArray(value) ? (value as unknown[]).includes(field.showWhen.equals) : value === field.showWhen.equals;
}

/** True when at least one field of the step is shown; a step with none is skipped. */
export function isStepVisible(definition: FormDefinition, stepIndex: number, values: FormValues): boolean {
  return (definition.steps[stepIndex]?.fields ?? []).some((f) => isFieldVisible(definition, f, values));
}

/** Made once (this module also runs in the browser, so not from lib/i18n's catalogues). */
const sizeNumber = { nl: new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 1 }), en: new Intl.NumberFormat("en-GB", { maximumFractionDigits: 1 }) };

/** Human-readable size: "2,4 MB" or "350 kB". */
export function formatFileSize(bytes: number, locale: "nl" | "en"): string {
  const fmt = (n: number) => sizeNumber[locale].format(n);
  return bytes >= 1024 * 1024 ? `${fmt(bytes / (1024 * 1024))} MB` : `${fmt(Math.max(1, Math.round(bytes / 1024)))} kB`;
}

/** The extension of a file name, lower case, without the dot. */
export function fileExtension(name: string): string {
  const match = /\.([^.]+)$/.exec(name);
  return match ? match[1]!.toLowerCase() : "";
}
