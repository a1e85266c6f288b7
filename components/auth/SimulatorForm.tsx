"use client";
import { useActionState } from "react";
import { useI18n } from "@/components/frame/I18nProvider";
import { Button } from "@/components/ui/Button";
import { ErrorSummary, type FormError } from "@/components/ui/ErrorSummary";
import { Field } from "@/components/ui/Field";
import type { ActionState } from "@/lib/auth/action";

export interface SimulatorTextField {
  name: string;
  label: string;
  hint: string;
  optional?: boolean;
}

/** An id for a radio option that is safe in a URL fragment ("eh2+" becomes "eh2plus"). */
function optionId(name: string, value: string): string {
  return `${name}-${value.replace(/\+/g, "plus")}`;
}

/**
 * The form of a login simulator: number fields and a choice of level. Works without JavaScript
 * (the server action answers with the page) and keeps what was typed when something is wrong.
 */
export function SimulatorForm<T>({
  action,
  fields,
  level,
  returnPath,
  submitLabel,
}: {
  action: (previous: ActionState<T>, formData: FormData) => Promise<ActionState<T>>;
  fields: SimulatorTextField[];
  level: { legend: string; hint: string; options: { value: string; label: string }[] };
  returnPath: string;
  submitLabel: string;
}) {
  const { t } = useI18n();
  const [state, formAction, pending] = useActionState(action, { status: "idle" } as ActionState<T>);
  const errors = state.status === "error" ? state.fieldErrors : {};
  const values = state.status === "error" ? state.values : {};
  const summary: FormError[] = [
    ...fields.flatMap((f) => (errors[f.name] ?? []).map((message) => ({ field: f.name, message }))),
    ...(errors.niveau ?? []).map((message) => ({ field: optionId("niveau", level.options[0]!.value), message })),
    ...(state.status === "error" && state.formError ? [{ field: fields[0]!.name, message: state.formError }] : []),
  ];
  const levelError = errors.niveau?.[0];
  return (
    <form action={formAction} noValidate>
      <ErrorSummary t={t} errors={summary} />
      <input type="hidden" name="terug" value={values.terug ?? returnPath} />
      {fields.map((f) => (
        <Field key={f.name} t={t} id={f.name} label={f.label} hint={f.hint} optional={f.optional} error={errors[f.name]?.[0]}>
          {(control) => <input {...control} type="text" inputMode="numeric" autoComplete="off" spellCheck={false} defaultValue={values[f.name] ?? ""} />}
        </Field>
      ))}
      <fieldset className={`mb-6 ${levelError ? "border-l-4 border-solid border-error pl-4" : ""}`} aria-describedby={`niveau-hint${levelError ? " niveau-error" : ""}`}>
        <legend className="mb-1 font-bold">{level.legend}</legend>
        <div id="niveau-hint" className="mb-2 text-muted">
          {level.hint}
        </div>
        {levelError ? (
          <p id="niveau-error" className="mb-2 font-bold text-error">
            <span className="sr-only">{t.form.errorPrefix} </span>
            {levelError}
          </p>
        ) : null}
        {level.options.map((o) => (
          <div key={o.value} className="mb-2 flex items-center gap-3">
            <input
              type="radio"
              id={optionId("niveau", o.value)}
              name="niveau"
              value={o.value}
              defaultChecked={values.niveau === o.value}
              className="h-6 w-6"
            />
            <label htmlFor={optionId("niveau", o.value)}>{o.label}</label>
          </div>
        ))}
      </fieldset>
      <Button disabled={pending}>{submitLabel}</Button>
    </form>
  );
}
