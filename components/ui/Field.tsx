import type { ReactNode } from "react";
import type { Messages } from "@/lib/i18n";

/** What a form control needs to be wired to its label, hint and error. Spread it on the control. */
export interface FieldControlProps {
  id: string;
  name: string;
  "aria-describedby": string | undefined;
  "aria-invalid": true | undefined;
  className: string;
}

export type FieldControlKind = "input" | "textarea" | "select";

const controlBase = "block rounded-none border-2 border-solid bg-white px-2 py-1.5 text-lg text-ink";
const controlKinds: Record<FieldControlKind, string> = {
  input: "min-h-11 w-full max-w-xl",
  textarea: "min-h-32 w-full max-w-xl",
  select: "min-h-11 w-auto max-w-full min-w-48",
};

/** The classes of a text input, textarea or select; a thicker red border when it has an error. */
export function controlClassName(kind: FieldControlKind = "input", hasError = false): string {
  return `${controlBase} ${controlKinds[kind]} ${hasError ? "border-4 border-error" : "border-ink"}`;
}

/** The ids Field gives its hint and error, so other code (tests, scripts) can find them. */
export function fieldIds(id: string): { hint: string; error: string } {
  return { hint: `${id}-hint`, error: `${id}-error` };
}

/**
 * One form field in the GOV.UK / NL Design System way: label, optional hint, inline error
 * (announced with "Fout:" for screen readers), and "(niet verplicht)" on optional fields.
 * The control itself comes from a render prop, so input, textarea and select share one pattern:
 *
 *   <Field t={t} id="naam" label="Naam" error={errors.naam}>{(c) => <input {...c} autoComplete="name" />}</Field>
 */
export function Field({
  t,
  id,
  name = id,
  label,
  hint,
  error,
  optional = false,
  kind = "input",
  children,
}: {
  t: Pick<Messages, "form">;
  /** The control's id; the error summary links to it. */
  id: string;
  name?: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  optional?: boolean;
  kind?: FieldControlKind;
  children: (control: FieldControlProps) => ReactNode;
}) {
  const ids = fieldIds(id);
  const describedBy = [hint ? ids.hint : null, error ? ids.error : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`mb-6 ${error ? "border-l-4 border-solid border-error pl-4" : ""}`}>
      <label htmlFor={id} className="mb-1 block font-bold">
        {label}
        {optional ? <span className="font-normal"> {t.form.optional}</span> : null}
      </label>
      {hint ? (
        <div id={ids.hint} className="mb-2 max-w-[70ch] text-muted">
          {hint}
        </div>
      ) : null}
      {error ? (
        <p id={ids.error} className="mb-2 font-bold text-error">
          <span className="sr-only">{t.form.errorPrefix} </span>
          {error}
        </p>
      ) : null}
      {children({ id, name, "aria-describedby": describedBy, "aria-invalid": error ? true : undefined, className: controlClassName(kind, Boolean(error)) })}
    </div>
  );
}
