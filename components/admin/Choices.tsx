import type { ReactNode } from "react";
import type { Messages } from "@/lib/i18n";

/**
 * A group of radio buttons or checkboxes in a fieldset with a legend, hint and inline error; the
 * first control has the group's id, so an error summary can link to it.
 */
export function Choices({
  t,
  id,
  name,
  type = "radio",
  legend,
  hint,
  error,
  options,
  checked,
}: {
  t: Pick<Messages, "form">;
  id: string;
  name: string | ((value: string) => string);
  type?: "radio" | "checkbox";
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  options: readonly { value: string; label: ReactNode }[];
  checked: (value: string) => boolean;
}) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset className={`mb-6 ${error ? "border-l-4 border-solid border-error pl-4" : ""}`} aria-describedby={describedBy}>
      <legend className="mb-1 font-bold">{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="mb-2 text-muted">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="mb-2 font-bold text-error">
          <span className="sr-only">{t.form.errorPrefix} </span>
          {error}
        </p>
      ) : null}
      {options.map((o, i) => {
        const controlId = i === 0 ? id : `${id}-${o.value}`;
        return (
          <div key={o.value} className="mb-2 flex items-start gap-3">
            <input
              type={type}
              id={controlId}
              name={typeof name === "string" ? name : name(o.value)}
              value={type === "radio" ? o.value : "ja"}
              defaultChecked={checked(o.value)}
              className="mt-1 h-6 w-6 shrink-0"
            />
            <label htmlFor={controlId}>{o.label}</label>
          </div>
        );
      })}
    </fieldset>
  );
}
